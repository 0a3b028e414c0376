"""Put the kit into the built site: the PDF beside the home page, its figures in the pages.

While the PDF is laid out beside the build (`pdf.start`), the pages that link it are
written with `PENDING_LABEL` in place of « PDF, N pages, X Ko ». After the build,
`publish` waits for the PDF, writes it, and replaces the placeholder with the real
figures in those pages and in the search index, so that what a reader sees is exactly
what a build that waited for the PDF would have written. Under `mkdocs serve` the
waiting is done by a thread: the reloaded page shows the placeholder for the few
seconds the layout still takes, and the next build forgets a layout it no longer needs.
"""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path

from markupsafe import escape

from ..loader import LoadedReferentiel
from .pdf import KIT_FILENAME, PENDING_LABEL, Outdated, kit_for, known, pending

log = logging.getLogger("mkdocs.plugins.socle.kit")

_lock = threading.Lock()
_generation = 0
_pages: list[Path] = []


def new_build() -> None:
    """A build starts: its pages are the ones to fix, an older build's waiting is moot."""
    global _generation
    with _lock:
        _generation += 1
        _pages.clear()


def note_page(path: str, html: str) -> None:
    """Remember a written page that shows the placeholder (hooks: `on_post_page`)."""
    if PENDING_LABEL in html:
        with _lock:
            _pages.append(Path(path))


def publish(ref: LoadedReferentiel, site_dir: Path, wait: bool = True) -> None:
    """Write the kit into `site_dir` and fix the pages; with `wait=False`, from a thread."""
    with _lock:
        generation, pages = _generation, list(_pages)
    if wait or not pending(ref):
        _finish(ref, site_dir, pages, generation)
        return
    # The thread only waits for the child: it never lays the kit out itself.
    threading.Thread(target=_finish_quietly, args=(ref, site_dir, pages, generation),
                     name="socle-kit", daemon=True).start()


def _finish_quietly(ref: LoadedReferentiel, site_dir: Path, pages: list[Path], generation: int) -> None:
    try:
        _finish(ref, site_dir, pages, generation, waited=False)
    except Outdated:
        pass  # the data changed again: the next build lays the new kit out
    except Exception as error:  # a thread must report its failure, not die silently
        log.error("kit d'accueil : la mise en page du PDF a échoué (%s : %s)", type(error).__name__, error)


def _finish(ref: LoadedReferentiel, site_dir: Path, pages: list[Path], generation: int,
            waited: bool = True) -> None:
    if not waited and not pending(ref) and known(ref) is None:
        raise Outdated  # a newer build replaced the child this thread was to wait for
    kit = kit_for(ref)  # waits for the child laying it out, if there is one
    with _lock:
        if generation != _generation:
            return  # a newer build owns site_dir now
        (site_dir / KIT_FILENAME).write_bytes(kit.data)
        figures = str(escape(kit.label))
        for page in pages:
            _replace(page, PENDING_LABEL, figures)
        _replace(site_dir / "search" / "search_index.json", PENDING_LABEL, kit.label, as_json=True)


def _replace(path: Path, placeholder: str, text: str, as_json: bool = False) -> None:
    try:
        content = path.read_text(encoding="utf-8")
    except OSError:
        return
    if placeholder not in content:
        return
    if as_json:
        # Written as the file already is: Material escapes every non-ASCII character
        # (json.dumps' default), search_index.py writes them as they are.
        text = json.dumps(text, ensure_ascii=content.isascii())[1:-1]
    path.write_text(content.replace(placeholder, text), encoding="utf-8")
