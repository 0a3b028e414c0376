"""`make serve` with bad data: the page shows every located French error, then comes back.

A real `mkdocs serve` on a copy of the fictional syndicat, in a temporary folder: a value
is broken while Chromium shows a page, the page reloads into the list of errors (file,
line, message), and once the file is fixed it reloads into the page again. The waits
below are guards against a hang, not measures.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from ..conftest import FIXTURES, ROOT


def _wait_in_page(page, expression: str, timeout: float = 60.0) -> None:
    """Like conftest.wait_until, but across the reloads livereload makes meanwhile."""
    from playwright.sync_api import Error

    deadline = time.monotonic() + timeout
    while True:
        try:
            if page.evaluate(expression):
                return
        except Error:  # the page was reloading: ask the new one
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"toujours faux après {timeout} s : {expression}")
        time.sleep(0.05)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url: str, process: subprocess.Popen, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"mkdocs serve s'est arrêté (code {process.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"mkdocs serve ne répond pas sur {url}")


@pytest.fixture
def preview(tmp_path):
    """`mkdocs serve` of a copy of tests/fixtures/syndicat; yields (base URL, its data folder)."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "syndicat", data / "syndicat")
    port = _free_port()
    env = {**os.environ, "REFERENTIEL": "syndicat", "SOCLE_DATA_DIR": str(data), "NO_MKDOCS_2_WARNING": "1"}
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_for(f"http://127.0.0.1:{port}/", process)
        yield f"http://127.0.0.1:{port}", data / "syndicat"
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


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
        _wait_in_page(page, "document.querySelector('.socle-erreurs') !== null")
        assert page.url == base + "/contacts/"
        text = page.locator(".socle-erreurs").inner_text()
        assert "2 erreurs empêchent d'afficher le site" in text
        assert "charte.yml, ligne 1, colonne 1" in text
        assert "le champ « titre » est vide : écrivez le texte attendu." in text
        assert "charte.yml, ligne 17, colonne 5" in text
        assert "la clé « couleur » est inconnue" in text
        assert "Traceback" not in page.content()

        charte.write_text(good, encoding="utf-8")
        _wait_in_page(page, "document.querySelector('.socle-erreurs') === null")
        _wait_in_page(page, "document.querySelector('article h1') !== null")
        assert page.locator("article h1").inner_text() == heading
    finally:
        context.close()
