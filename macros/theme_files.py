"""The theme's static files, listed without walking Material's fourteen thousand icons.

At each build MkDocs copies the theme's static files (CSS, scripts, images) into the site:
`Files.add_files_from_theme` lists every file of the theme folders through the theme's
Jinja loader, then drops each that matches one of its patterns, among which `.*` and
`*/.*`: any path with a part that starts with a dot. Material keeps its icons in
`.icons/` (some 14 000 SVG files, included by templates, never copied): walking them and
matching each against a dozen patterns took 50 ms of every build, a tenth of a small one.

The loader below lists the same files minus those under a folder whose name starts with
a dot, which the patterns would have dropped anyway; MkDocs gets the same list (tested in
tests/test_theme_files.py). Loading templates is unchanged: `.icons/…` are still found.
"""

from __future__ import annotations

import os

import jinja2
from mkdocs.theme import Theme


class _ThemeLoader(jinja2.FileSystemLoader):
    """Jinja's file loader, whose listing does not enter folders named `.something`."""

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for searchpath in self.searchpath:
            for folder, subfolders, filenames in os.walk(searchpath, followlinks=self.followlinks):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                relative = os.path.relpath(folder, searchpath)
                prefix = "" if relative == os.curdir else relative.replace(os.path.sep, "/") + "/"
                found.update(prefix + filename for filename in filenames)
        return sorted(found)


def list_theme_files_quickly(theme: Theme) -> None:
    """Make `theme.get_env()` return an environment whose loader is `_ThemeLoader`."""
    get_env = type(theme).get_env

    def get_env_listing_quickly() -> jinja2.Environment:
        env = get_env(theme)
        loader = env.loader
        if type(loader) is jinja2.FileSystemLoader:  # as MkDocs 1.6 makes it
            env.loader = _ThemeLoader(loader.searchpath, loader.encoding, loader.followlinks)
        return env

    theme.get_env = get_env_listing_quickly
