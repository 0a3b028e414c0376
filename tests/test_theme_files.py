"""The theme's static files: the quick listing gives MkDocs exactly the files it gave before."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from macros.theme_files import list_theme_files_quickly

ROOT = Path(__file__).resolve().parent.parent


def _theme_files(config) -> list[tuple[str, str]]:
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    return sorted((file.src_uri, file.abs_src_path) for file in files)


@pytest.fixture(scope="module")
def config():
    return load_config(str(ROOT / "mkdocs.yml"))


def test_the_same_files_are_copied_from_the_theme(config):
    before = _theme_files(config)
    list_theme_files_quickly(config.theme)
    after = _theme_files(config)
    assert after == before
    # Not equal by being empty: Material's stylesheet and script are in it.
    uris = [uri for uri, _ in after]
    assert any(uri.startswith("assets/stylesheets/main.") for uri in uris)
    assert any(uri.startswith("assets/javascripts/bundle.") for uri in uris)


def test_icons_are_still_found_by_templates(config):
    list_theme_files_quickly(config.theme)
    env = config.theme.get_env()
    assert ".icons/material/book-open-page-variant.svg" not in env.list_templates()
    assert env.get_template(".icons/material/book-open-page-variant.svg").render().startswith("<svg")
