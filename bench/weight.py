"""What a reader downloads: site weight, home page transfer, search index."""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlparse

from .navigateur import site_dans_chromium

# Assets a browser fetches as soon as the home page loads.
_STYLESHEET = re.compile(r'<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"', re.I)
_STYLESHEET_REVERSED = re.compile(r'<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="stylesheet"', re.I)
_SCRIPT = re.compile(r'<script\b[^>]*\bsrc="([^"]+)"', re.I)
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
_FONT_SUFFIXES = (".woff2", ".woff", ".ttf", ".otf", ".eot")
# Material's page config names its search worker: "search": "assets/.../search.<hash>.min.js".
_WORKER = re.compile(r'"search"\s*:\s*"([^"]+\.js)"')


def gzipped_size(data: bytes) -> int:
    """Size once compressed as a web server would (gzip, level 6)."""
    return len(gzip.compress(data, compresslevel=6))


@dataclass(frozen=True)
class Asset:
    """One file of the home page's transfer."""

    kind: str          # html, css, js, font
    path: str          # relative to the site root
    raw: int
    gzipped: int


def _local(site: Path, page: Path, reference: str) -> Path | None:
    """The file a relative URL of `page` points at, or None (other host, data: URI...)."""
    if reference.startswith(("data:", "#")) or urlparse(reference).netloc:
        return None
    base = "/" + page.relative_to(site).as_posix()
    target = urlparse(urljoin(base, reference)).path.lstrip("/")
    path = site / target
    return path if path.is_file() else None


def home_page_assets(site: Path) -> list[Asset]:
    """HTML, CSS, JS and fonts the home page loads (fonts found through the CSS)."""
    home = site / "index.html"
    html = home.read_text(encoding="utf-8")
    found: dict[Path, str] = {home: "html"}
    for pattern, kind in ((_STYLESHEET, "css"), (_STYLESHEET_REVERSED, "css"), (_SCRIPT, "js")):
        for reference in pattern.findall(html):
            path = _local(site, home, reference)
            if path:
                found.setdefault(path, kind)
    for css in [p for p, kind in found.items() if kind == "css"]:
        for reference in _CSS_URL.findall(css.read_text(encoding="utf-8", errors="replace")):
            path = _local(site, css, reference)
            if path and path.suffix.lower() in _FONT_SUFFIXES:
                found.setdefault(path, "font")
    return [Asset(kind, path.relative_to(site).as_posix(), path.stat().st_size,
                  gzipped_size(path.read_bytes())) for path, kind in found.items()]


def search_assets(site: Path) -> list[Asset]:
    """What Material's search fetches on the first page it runs in: worker and index."""
    assets = []
    index = site / "search" / "search_index.json"
    if index.is_file():
        assets.append(Asset("index", "search/search_index.json", index.stat().st_size,
                            gzipped_size(index.read_bytes())))
    match = _WORKER.search((site / "index.html").read_text(encoding="utf-8"))
    worker = _local(site, site / "index.html", match.group(1)) if match else None
    if worker is None:
        workers = sorted((site / "assets" / "javascripts" / "workers").glob("search*.js"))
        worker = workers[0] if workers else None
    if worker is not None:
        assets.append(Asset("js", worker.relative_to(site).as_posix(), worker.stat().st_size,
                            gzipped_size(worker.read_bytes())))
    return assets


@dataclass(frozen=True)
class SiteWeight:
    files: int
    raw: int
    pdf: list[tuple[str, int]]


def site_weight(site: Path) -> SiteWeight:
    files = [p for p in site.rglob("*") if p.is_file()]
    pdfs = [(p.relative_to(site).as_posix(), p.stat().st_size) for p in files if p.suffix == ".pdf"]
    return SiteWeight(len(files), sum(p.stat().st_size for p in files), pdfs)


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in _FONT_SUFFIXES:
        return "font"
    return {".html": "html", ".css": "css", ".js": "js", ".json": "index"}.get(suffix, "image")


def browser_home_assets(site: Path) -> tuple[list[Asset], list[str]] | None:
    """Every file Chromium actually fetches to show the home page, and any other host asked.

    Needs Playwright and Debian's Chromium; returns None without them, and the
    bench falls back to reading the HTML (`home_page_assets`).
    """
    requested: list[str] = []
    with site_dans_chromium(site) as ouvert:
        if ouvert is None:
            return None
        browser, base = ouvert
        page = browser.new_page()
        page.on("request", lambda request: requested.append(request.url))
        page.goto(base, wait_until="networkidle", timeout=60_000)
        page.wait_for_timeout(500)   # the search worker asks for its files late
    assets: dict[Path, Asset] = {}
    elsewhere = []
    for url in requested:
        if not url.startswith(base):
            elsewhere.append(url)
            continue
        relative = urlparse(url).path.lstrip("/") or "index.html"
        path = site / relative
        if path.is_dir():
            path = path / "index.html"
        if path.is_file() and path not in assets:
            assets[path] = Asset(_kind(path), path.relative_to(site).as_posix(),
                                 path.stat().st_size, gzipped_size(path.read_bytes()))
    return list(assets.values()), elsewhere
