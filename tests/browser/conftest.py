"""Browser tests in Debian's Chromium, driven by Playwright (never its own browser).

Sites are built once per session and served from 127.0.0.1; every request to
another host is refused and recorded, so a test can assert none was made.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from macros.editeur.local import Depot, start

from ..conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]

class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep pytest output readable
        pass

    def handle(self) -> None:
        # The browser may drop a connection it no longer needs (navigation, prefetch).
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().handle()


@pytest.fixture(scope="session")
def built_sites(real_sites, syndicat_site, hopital_site) -> dict[str, Path]:
    """The real référentiels the rest of the suite reads, under one root: <root>/<slug>/, and
    the fictional syndicat (tests/fixtures/syndicat/: rubriques made of every kind of block) and
    hospital (tests/fixtures/hopital/)."""
    return {"root": real_sites}


@pytest.fixture(scope="session")
def server(built_sites) -> Iterator[str]:
    """Base URL of a local static server over the built sites."""
    handler = functools.partial(_QuietHandler, directory=str(built_sites["root"]))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium est requis pour les tests navigateur : apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page_factory(browser, server):
    """Open pages at a given width; requests to other hosts are blocked and recorded, as script errors."""
    contexts = []

    def open_page(width: int = 1280, height: int = 900, scheme: str = "light", javascript: bool = True):
        context = browser.new_context(viewport={"width": width, "height": height},
                                      color_scheme=scheme, locale="fr-FR", java_script_enabled=javascript)
        contexts.append(context)
        page = context.new_page()
        page.foreign_requests = []
        page.errors = []  # uncaught script errors
        page.on("pageerror", lambda error: page.errors.append(str(error)))

        def route(request_route):
            url = request_route.request.url
            if url.startswith(server) or url.startswith(("data:", "blob:")):
                request_route.continue_()
            else:
                page.foreign_requests.append(url)
                request_route.abort()

        page.route("**/*", route)
        return page

    yield open_page
    for context in contexts:
        context.close()


def wait_until(page, expression: str, timeout: float = 20.0) -> None:
    """Wait until `expression` is true in the page.

    Playwright's `wait_for_function` re-evaluates a string with `eval` inside the page,
    which the site's Content-Security-Policy forbids (no 'unsafe-eval'): it failed
    whenever the condition was not already true at the first look. `page.evaluate`
    goes through the browser's debugging protocol, which the policy does not govern.
    """
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"toujours faux après {timeout} s : {expression}")
        time.sleep(0.02)


def wait_in_page(page, expression: str, timeout: float = 60.0) -> None:
    """Like `wait_until`, but across the reloads livereload makes meanwhile."""
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


def free_port() -> int:
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


@contextlib.contextmanager
def mkdocs_serve(tmp_path: Path, data: Path, slug: str, port: int | None = None,
                 env: dict | None = None) -> Iterator[str]:
    """A real `mkdocs serve` (livereload on) of `data/<slug>`; yields its base URL."""
    port = port or free_port()
    environment = {**os.environ, "REFERENTIEL": slug, "SOCLE_DATA_DIR": str(data),
                   "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    with (tmp_path / "serve.log").open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
            cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_for(f"http://127.0.0.1:{port}/", process)
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            process.wait(timeout=30)


@pytest.fixture
def editor(tmp_path):
    """(base URL of the preview, the copied référentiel's folder) with the editor wired."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data" / "bethune", data / "bethune")
    port = free_port()
    # As `make editer` does: the backend on a free port, its address (with this run's token)
    # given to the editor's page only, through config.yml.
    backend = start(Depot(tmp_path, "data/bethune"), origin=f"http://127.0.0.1:{port}")
    env = {"SOCLE_EDITEUR_LOCAL": backend.url}
    try:
        with mkdocs_serve(tmp_path, data, "bethune", port=port, env=env) as base:
            yield base, data / "bethune"
    finally:
        backend.shutdown()
        backend.server_close()
