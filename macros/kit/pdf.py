"""Lay the kit out with WeasyPrint: a tagged PDF/UA-1 file, made once per content.

The home page shows the PDF's page count and size, so the PDF is made the first
time it is asked for (by the home page's macro, before the page is rendered) and
then kept. Laying out ~40 pages costs WeasyPrint longer than MkDocs takes for the
whole site, so the result is also kept on disk (`.cache/kit/`, git-ignored), keyed
on a hash of the HTML, the stylesheet and the engine's version: the same data and
templates give the same file, and only a change of content pays for a new layout.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import math
import os
import time
from dataclasses import dataclass
from pathlib import Path

from ..context import ROOT
from ..loader import LoadedReferentiel
from .document import kit_html

KIT_FILENAME = "kit-accueil.pdf"
STYLESHEET = Path(__file__).parent / "kit.css"
CACHE = ROOT / ".cache" / "kit"
CACHE_KEEP = 8  # a few référentiels and versions; older files are removed

# WeasyPrint reports layout problems through logging, not exceptions; silence its
# chatter about the environment but keep errors visible.
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


@dataclass(frozen=True)
class Kit:
    """The generated PDF and what the home page says about it."""

    data: bytes
    pages: int
    seconds: float

    @property
    def size(self) -> int:
        return len(self.data)

    @property
    def kilo_octets(self) -> int:
        """Size in Ko (1 Ko = 1 024 octets), rounded up: a small file never shows 0 Ko."""
        return math.ceil(self.size / 1024)

    @property
    def label(self) -> str:
        """« PDF, 42 pages, 380 Ko », as the download link shows it."""
        pages = f"{self.pages} page" + ("s" if self.pages > 1 else "")
        return f"PDF, {pages}, {self.kilo_octets}\u00a0Ko"


def render_pdf(html: str) -> Kit:
    """Lay out the kit's HTML with WeasyPrint (seconds: see `make bench`)."""
    # Imported here: WeasyPrint loads Pango through cffi, which only the kit needs.
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    start = time.perf_counter()
    fonts = FontConfiguration()
    document = HTML(string=html, base_url=str(STYLESHEET.parent)).render(
        stylesheets=[CSS(filename=str(STYLESHEET), font_config=fonts)],
        font_config=fonts,
        # PDF/UA-1: tagged structure (headings, lists, tables with header cells),
        # title shown instead of the file name, language from <html lang="fr">.
        pdf_variant="pdf/ua-1",
    )
    data = document.write_pdf(pdf_variant="pdf/ua-1")
    return Kit(data=data, pages=len(document.pages), seconds=time.perf_counter() - start)


def render_kit(ref: LoadedReferentiel) -> Kit:
    """Build the PDF for this référentiel, without any cache."""
    return render_pdf(kit_html(ref))


def _key(html: str) -> str:
    # The installed version, read without importing WeasyPrint: importing it loads Pango
    # through cffi and searches the system's libraries, about a second on every build.
    __version__ = importlib.metadata.version("weasyprint")
    digest = hashlib.sha256()
    for part in (html, STYLESHEET.read_text(encoding="utf-8"), __version__):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:32]


def _read_cache(folder: Path, key: str) -> Kit | None:
    try:
        data = (folder / f"{key}.pdf").read_bytes()
        pages = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))["pages"]
    except (OSError, ValueError, KeyError):
        return None
    return Kit(data=data, pages=int(pages), seconds=0.0)


def _write_cache(folder: Path, key: str, kit: Kit) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # Written beside, then renamed: a build running at the same time reads whole files only.
        for suffix, content in ((".pdf", kit.data), (".json", json.dumps({"pages": kit.pages}).encode())):
            partial = folder / f"{key}{suffix}.{os.getpid()}.tmp"
            partial.write_bytes(content)
            partial.replace(folder / f"{key}{suffix}")
        kept = sorted(folder.glob("*.pdf"), key=lambda path: path.stat().st_mtime, reverse=True)
        for old in kept[CACHE_KEEP:]:
            old.unlink(missing_ok=True)
            old.with_suffix(".json").unlink(missing_ok=True)
    except OSError:
        pass  # a read-only checkout still builds; it only pays the layout every time


# The latest référentiel object (the loader hands out the same one while its files are
# unchanged) and its kit: home page, « Mes premiers jours » and the post-build hook share it.
_latest: tuple[LoadedReferentiel, Kit] | None = None


def kit_for(ref: LoadedReferentiel, cache: Path | None = CACHE) -> Kit:
    """The kit of this référentiel: from memory, from the disk cache, or laid out now."""
    global _latest
    if _latest is not None and _latest[0] is ref:
        return _latest[1]
    html = kit_html(ref)
    key = _key(html)
    kit = _read_cache(cache, key) if cache else None
    if kit is None:
        kit = render_pdf(html)
        if cache:
            _write_cache(cache, key, kit)
    _latest = (ref, kit)
    return kit
