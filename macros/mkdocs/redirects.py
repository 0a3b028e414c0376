"""Old addresses keep working: a small HTML page at each moved page's former URL.

Declared in mkdocs.yml as the `redirections` setting of the socle plugin, as « old page: new page »,
both as Markdown paths like the navigation (`anciennes-valeurs.md: valeurs.md`,
optionally with an anchor: `plan.md#axe-1`). Written after the build, so the
target can be checked in the built site: a typo stops the build instead of
leaving a dead link. A target page this référentiel does not have is skipped.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from markupsafe import escape

from macros.registry import PAGES

_KNOWN_PAGES = {spec.path for spec in PAGES}

_PAGE = """<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Cette page a changé d'adresse</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{url}">
<meta http-equiv="refresh" content="0; url={url}">
</head>
<body>
<p>Cette page a changé d'adresse : <a href="{url}">suivre le lien vers sa nouvelle adresse</a>.</p>
</body>
</html>
"""


class RedirectionError(ValueError):
    """A redirection that cannot work, explained in French."""


@dataclass(frozen=True)
class Redirection:
    """One former address (a Markdown path) and the page it now lives at."""

    ancienne: str
    nouvelle: str

    @property
    def page(self) -> str:
        return self.nouvelle.split("#", 1)[0]

    @property
    def ancre(self) -> str:
        return self.nouvelle.split("#", 1)[1] if "#" in self.nouvelle else ""


def _directory(page: str) -> str:
    """Folder a page is written to with use_directory_urls: `plan.md` → `plan/`, `index.md` → ``."""
    stem = page.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def parse(declared: object) -> list[Redirection]:
    """Validate the `redirections` of the socle plugin in mkdocs.yml."""
    if not declared:
        return []
    if not isinstance(declared, dict):
        raise RedirectionError("« redirections » doit être une liste « ancienne-page.md: page.md ».")
    found = []
    for old, new in declared.items():
        old, new = str(old).strip(), str(new).strip()
        if not old.endswith(".md") or old.startswith("/") or ".." in old:
            raise RedirectionError(f"redirection « {old} » : l'ancienne adresse s'écrit comme un fichier "
                                   "de page, par exemple « anciennes-valeurs.md ».")
        redirection = Redirection(old, new)
        if redirection.page not in _KNOWN_PAGES:
            raise RedirectionError(f"redirection « {old} » : la page visée « {redirection.page} » "
                                   f"n'existe pas. Pages connues : {', '.join(sorted(_KNOWN_PAGES))}.")
        if old in _KNOWN_PAGES:
            raise RedirectionError(f"redirection « {old} » : cette adresse est celle d'une page qui "
                                   "existe ; une redirection l'écraserait.")
        found.append(redirection)
    return found


def write(site_dir: Path, redirections: list[Redirection], present: set[str]) -> list[Path]:
    """Write one redirect page per redirection whose target this site has."""
    written = []
    for redirection in redirections:
        if redirection.page not in present:
            continue
        target_dir = _directory(redirection.page)
        built = site_dir / target_dir / "index.html"
        if redirection.ancre:
            html = built.read_text(encoding="utf-8") if built.exists() else ""
            if not re.search(rf'\bid="{re.escape(redirection.ancre)}"', html):
                raise RedirectionError(f"redirection « {redirection.ancienne} » : l'ancre "
                                       f"« #{redirection.ancre} » n'existe pas dans « {redirection.page} ».")
        source_dir = _directory(redirection.ancienne)
        url = posixpath.relpath(target_dir or ".", source_dir.rstrip("/") or ".") + "/"
        url = ("" if url == "./" else url) + (f"#{redirection.ancre}" if redirection.ancre else "")
        page = site_dir / source_dir / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(_PAGE.format(url=escape(url or "./")), encoding="utf-8")
        written.append(page)
    return written
