"""`make serve` with bad data: the page shows every located French error, then comes back.

A real `mkdocs serve` on a copy of the fictional syndicat, in a temporary folder: a value
is broken while Chromium shows a page, the page reloads into the list of errors (file,
line, message), and once the file is fixed it reloads into the page again. The waits
below are guards against a hang, not measures.
"""

from __future__ import annotations

import shutil

import pytest

from ..conftest import FIXTURES
from .conftest import mkdocs_serve, wait_in_page


@pytest.fixture
def preview(tmp_path):
    """`mkdocs serve` of a copy of tests/fixtures/syndicat; yields (base URL, its data folder)."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "syndicat", data / "syndicat")
    with mkdocs_serve(tmp_path, data, "syndicat") as base:
        yield base, data / "syndicat"


def test_bad_data_shows_in_the_page_and_the_page_comes_back(browser, preview):
    base, folder = preview
    context = browser.new_context(locale="fr-FR")
    try:
        page = context.new_page()
        page.goto(base + "/contacts/")
        heading = page.locator("article h1").inner_text()
        assert heading != "Erreurs dans les données"

        charte = folder / "charte.yml"
        good = charte.read_text(encoding="utf-8")
        broken = good.replace("titre: Nos valeurs", 'titre: ""').replace(
            "    nom: La transparence\n", "    nom: La transparence\n    couleur: rouge\n")
        assert broken.count("\n") == good.count("\n") + 1
        charte.write_text(broken, encoding="utf-8")
        # Livereload brings the same address back with the errors in it.
        wait_in_page(page, "document.querySelector('.socle-erreurs') !== null")
        assert page.url == base + "/contacts/"
        text = page.locator(".socle-erreurs").inner_text()
        assert "2 erreurs empêchent d'afficher le site" in text
        assert "charte.yml, ligne 1, colonne 1" in text
        assert "le champ « titre » est vide : écrivez le texte attendu." in text
        assert "charte.yml, ligne 17, colonne 5" in text
        assert "la clé « couleur » est inconnue" in text
        assert "Traceback" not in page.content()

        charte.write_text(good, encoding="utf-8")
        wait_in_page(page, "document.querySelector('.socle-erreurs') === null")
        wait_in_page(page, "document.querySelector('article h1') !== null")
        assert page.locator("article h1").inner_text() == heading
    finally:
        context.close()
