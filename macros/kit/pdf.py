"""The kit's PDF: the Typst document compiled to a tagged PDF/UA-1 file, during the build.

Typst lays the Béthune kit (about forty pages) out in a few tenths of a second (see
`make bench`), so the kit is made at every build, from the référentiel just loaded; a
source laid out before is taken from `.cache/kit/`, where the source itself is the key
(macros/kit/cache.py): never out of step with the content. It is made as soon as the data
is loaded, beside the rendering of the pages: pages that give its figures are rendered
with `PENDING_LABEL`, which the hooks replace with the real figures: before the page is
written when the kit is made by then, after the build otherwise (macros/kit/placeholder.py).

Under `mkdocs build` it is made in a forked child process: the child gets the loaded
référentiel for free (copy-on-write) and its own interpreter lock, so writing the Typst
source (Python) and laying it out use the second processor without slowing the pages
down; the child sends the PDF back through a pipe. Under `mkdocs serve`, whose server
runs threads of its own, and where `os.fork` does not exist, it is made in a thread
(Typst's compiler releases the GIL), and made again only when the data has changed: a
rebuild keeps the same référentiel object while its files are unchanged, and the same
`FabriqueKit` (`Construction.suivante`).

The kit being made is the build's (`Construction.memoire(FabriqueKit)`), not the module's:
two builds in one process each wait for their own.
"""

from __future__ import annotations

import os
import pickle
import re
import sys
import traceback
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from macros.data.loader import LoadedReferentiel
from macros.kit.cache import cached_pdf
from macros.kit.document import kit_source
from macros.text.francais import kilo_octets

KIT_FILENAME = "kit-accueil.pdf"

# What pages say until the kit is made; plain ASCII letters, so that Markdown, HTML
# escaping and the search index all carry it unchanged (the plugin replaces it).
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
        return kilo_octets(self.size)

    @property
    def label(self) -> str:
        """« PDF, 42 pages, 380 Ko », as the download link shows it."""
        pages = f"{self.pages} page" + ("s" if self.pages > 1 else "")
        return f"PDF, {pages}, {self.kilo_octets}\u00a0Ko"


def compile_pdf(source: str, root: str | None = None) -> bytes:
    """Compile Typst source to a tagged PDF/UA-1 file.

    `root`: the référentiel's folder, from which the kit's images are read (`/fichiers/…`);
    Typst reads nothing outside it.
    """
    # Imported here: only builds that make the kit load the compiler.
    import typst

    try:
        # Only Typst's built-in fonts: the same PDF on every machine, and no font scan.
        return typst.compile(source.encode("utf-8"), format="pdf", pdf_standards=["ua-1"],
                             ignore_system_fonts=True, root=root)
    except typst.TypstError as error:
        raise KitError(f"Typst : {error}") from None


def _compiler() -> str:
    """Typst and compile_pdf's settings: with the source, what decides the PDF."""
    import typst

    return f"typst {typst.__version__}, pdf ua-1, built-in fonts"


def render_kit(ref: LoadedReferentiel, cache: Path | None = None) -> Kit:
    """The PDF for this référentiel: laid out, or taken from `cache` if laid out before.

    `cache`: the project's `.cache/kit/` (macros/kit/cache.py); None: always laid out.
    """
    source = kit_source(ref)
    root = str(ref.folder.resolve())

    def compile_here(text: str) -> bytes:
        return compile_pdf(text, root)

    data = cached_pdf(source, _compiler(), compile_here, cache) if cache else compile_here(source)
    return Kit(data=data, pages=len(_PAGE_OBJECT.findall(data)))


class FabriqueKit:
    """The kit of one build: being made, or made, for its référentiel object.

    The pages (its figures) and the hooks (the file) share it within a build, and a rebuild
    of `mkdocs serve` keeps it while the référentiel object is the same (`suivante`).
    """

    def __init__(self) -> None:
        self._latest: tuple[LoadedReferentiel, Future[Kit]] | None = None
        self._cache: Path | None = None

    def suivante(self) -> FabriqueKit:
        return self

    def start(self, ref: LoadedReferentiel, cache: Path | None = None,
              in_child_process: bool = False) -> None:
        """Start making this référentiel's kit beside the build, unless it is made already.

        `cache`: the project's `.cache/kit/`; `in_child_process`: in a forked child
        (`mkdocs build`) rather than a thread (`mkdocs serve`), see above.
        """
        self._cache = cache
        if self._latest is not None and self._latest[0] is ref:
            return
        # Once loaded, Typst's compiler keeps worker threads: a process forked after that
        # would wait for threads it does not have. So the child only where it is not loaded.
        if in_child_process and hasattr(os, "fork") and "typst" not in sys.modules:
            self._latest = (ref, _made_in_child(ref, cache))
        else:
            self._latest = (ref, _in_a_thread(render_kit, ref, cache))

    def _future(self, ref: LoadedReferentiel) -> Future[Kit]:
        self.start(ref, self._cache)
        assert self._latest is not None
        return self._latest[1]

    def label_for(self, ref: LoadedReferentiel) -> str:
        """The kit's figures for a page: the real ones if made, else `PENDING_LABEL`."""
        future = self._future(ref)
        return future.result().label if future.done() and not future.exception() else PENDING_LABEL

    def kit_for(self, ref: LoadedReferentiel) -> Kit:
        """The kit of this référentiel, made once per content (waits for the thread making it)."""
        return self._future(ref).result()


def _in_a_thread(function, *args) -> Future:
    """`function(*args)` in a thread of its own, which ends with it: no pool outlives a build."""
    maker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="socle-kit")
    future = maker.submit(function, *args)
    maker.shutdown(wait=False)  # the task still runs; the thread stops once it is done
    return future


def _made_in_child(ref: LoadedReferentiel, cache: Path | None) -> Future[Kit]:
    """Fork a child that makes the kit; a thread of ours waits for its answer."""
    # Forked from the thread that loaded the data, before any other thread of ours runs.
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        _make_and_send(ref, cache, write_end)
    os.close(write_end)
    return _in_a_thread(_answer_from_child, pid, read_end)


def _make_and_send(ref: LoadedReferentiel, cache: Path | None, write_end: int) -> None:
    """In the child: make the kit, send it (or Typst's refusal) pickled, and leave at once."""
    status = 1
    # One thread for Typst's layout: the other processor is the parent's, rendering pages.
    # (Typst's thread pool reads this when it starts, which is in this child.) The child's
    # own environment: the building process, forked before, never sees it.
    os.environ["RAYON_NUM_THREADS"] = "1"
    try:
        try:
            answer: tuple[str, object] = ("kit", render_kit(ref, cache))
        except KitError as error:
            answer = ("erreur", str(error))
        with os.fdopen(write_end, "wb") as out:
            pickle.dump(answer, out, protocol=pickle.HIGHEST_PROTOCOL)
        status = 0
    except BaseException:  # a fault of Socle's code: the parent reports it, here is why
        traceback.print_exc(file=sys.stderr)
    finally:
        # No atexit handlers, no flushing of buffers the parent also holds.
        os._exit(status)


def _answer_from_child(pid: int, read_end: int) -> Kit:
    with os.fdopen(read_end, "rb") as answer:
        data = answer.read()
    _, status = os.waitpid(pid, 0)
    if not data:
        raise KitError(f"le processus qui fait le kit s'est arrêté sans réponse (état {status})")
    kind, value = pickle.loads(data)
    if kind == "erreur":
        raise KitError(value)
    return value
