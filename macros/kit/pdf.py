"""The kit's PDF: the Typst document compiled to a tagged PDF/UA-1 file, during the build.

Typst lays the Béthune kit (about forty pages) out in a few tenths of a second (see
`make bench`), so the kit is made at every build, from the référentiel just loaded,
with no cache to keep in step with the content. It is made in a thread started as
soon as the data is loaded (Typst's compiler releases the GIL), beside the rendering
of the pages: pages that give its figures are rendered with `PENDING_LABEL`, which
the hooks replace with the real figures before the page is written or indexed.
Under `mkdocs serve` it is made again only when the data has changed: the loader
hands out the same référentiel object while the files are unchanged.
"""

from __future__ import annotations

import math
import re
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from ..loader import LoadedReferentiel
from .document import kit_source

KIT_FILENAME = "kit-accueil.pdf"

# What pages say until the kit is made; plain ASCII letters, so that Markdown, HTML
# escaping and the search index all carry it unchanged (hooks.py replaces it).
PENDING_LABEL = "SOCLEKITLABEL"

# Typst writes every page object uncompressed (no object streams), as `/Type/Page`.
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


class KitError(Exception):
    """Typst refused the kit's source: a fault of Socle's templates, never of the data."""


@dataclass(frozen=True)
class Kit:
    """The generated PDF and what the home page says about it."""

    data: bytes
    pages: int

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


def compile_pdf(source: str) -> bytes:
    """Compile Typst source to a tagged PDF/UA-1 file."""
    # Imported here: only builds that make the kit load the compiler.
    import typst

    try:
        # Only Typst's built-in fonts: the same PDF on every machine, and no font scan.
        return typst.compile(source.encode("utf-8"), format="pdf", pdf_standards=["ua-1"],
                             ignore_system_fonts=True)
    except typst.TypstError as error:
        raise KitError(f"Typst : {error}") from None


def render_kit(ref: LoadedReferentiel) -> Kit:
    """Build the PDF for this référentiel, without any memory of earlier builds."""
    data = compile_pdf(kit_source(ref))
    return Kit(data=data, pages=len(_PAGE_OBJECT.findall(data)))


# The latest référentiel object and its kit (being made, or made): the pages and the
# hooks share it within a build, and `mkdocs serve` keeps it while data is unchanged.
_latest: tuple[LoadedReferentiel, Future[Kit]] | None = None
_maker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="socle-kit")


def start(ref: LoadedReferentiel) -> None:
    """Start making this référentiel's kit beside the build, unless it is made already."""
    global _latest
    if _latest is None or _latest[0] is not ref:
        _latest = (ref, _maker.submit(render_kit, ref))


def label_for(ref: LoadedReferentiel) -> str:
    """The kit's figures for a page: the real ones if made, else `PENDING_LABEL`."""
    start(ref)
    future = _latest[1]
    return future.result().label if future.done() and not future.exception() else PENDING_LABEL


def kit_for(ref: LoadedReferentiel) -> Kit:
    """The kit of this référentiel, made once per content (waits for the thread making it)."""
    start(ref)
    return _latest[1].result()
