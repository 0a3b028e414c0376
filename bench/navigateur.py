"""A built site served on loopback and opened in Debian's Chromium, for the bench's browser figures."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def site_dans_chromium(site: Path) -> Iterator[tuple[object, str] | None]:
    """(browser, base address) with `site` served at that address; None without Playwright or
    Chromium (the bench then says « non mesuré »)."""
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        yield None
        return
    if not Path(chromium).exists():
        yield None
        return
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=FLAGS)
            try:
                yield browser, f"http://127.0.0.1:{httpd.server_address[1]}/"
            finally:
                browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
