"""The kit's PDF: made once per content, in parallel with the site when it must be made.

Laying out ~40 pages costs WeasyPrint longer than MkDocs takes for the whole site,
so the result is kept on disk (`.cache/kit/`, git-ignored; `SOCLE_KIT_CACHE`
elsewhere), keyed on what the PDF is made of: the data files, the code and
templates that turn them into HTML, the stylesheet and the engine's version.
Computing that key reads a few dozen small files; it does not render anything.

When the key is new, `start` (called by the hooks as soon as the data is loaded)
renders the HTML and hands it to a child process (`layout.py`), which lays it out
while MkDocs renders the pages. Pages that link the kit are written with a
placeholder for its figures (`PENDING_LABEL`); once the PDF exists, `publish.py`
writes it into the site and puts the real figures in place of the placeholder.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import importlib.metadata
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from ..context import ROOT
from ..loader import LoadedReferentiel
from ..sections import SECTIONS
from .document import TEMPLATES, kit_html
from .layout import STYLESHEET, lay_out

KIT_FILENAME = "kit-accueil.pdf"
CACHE = Path(os.environ.get("SOCLE_KIT_CACHE") or ROOT / ".cache" / "kit")
CACHE_KEEP = 8  # a few référentiels and versions; older files are removed

# What the home page and « Mes premiers jours » say until the PDF is laid out; replaced
# by the real figures in the written pages (publish.py). Plain ASCII and words only, so
# that Markdown, the search index and JSON carry it unchanged.
PENDING_LABEL = "PDF, mise en page en cours..."

_LAYOUT_SCRIPT = Path(__file__).parent / "layout.py"
_MACROS = ROOT / "macros"
# The code that shapes the kit's HTML, besides the data: a change to any of these files
# may change the document, so each is part of the key.
_CODE = (*sorted((Path(__file__).parent).glob("*.py")), *sorted(TEMPLATES.rglob("*.j2")), STYLESHEET,
         *(_MACROS / name for name in ("render.py", "sections.py", "context.py", "loader.py",
                                       "yaml_strict.py")),
         *sorted((_MACROS / "models").glob("*.py")))
_FILENAMES = {section.key: section.filename for section in SECTIONS}


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


class Outdated(Exception):
    """The kit waited for was of content that has changed since (`mkdocs serve`)."""


@dataclass(frozen=True)
class PendingKit:
    """A kit being laid out: pages show `PENDING_LABEL`, replaced once the PDF exists."""

    label: str = PENDING_LABEL


def render_pdf(html: str) -> Kit:
    """Lay out the kit's HTML with WeasyPrint, in this process (seconds: see `make bench`)."""
    start = time.perf_counter()
    data, pages = lay_out(html)
    return Kit(data=data, pages=pages, seconds=time.perf_counter() - start)


def render_kit(ref: LoadedReferentiel) -> Kit:
    """Build the PDF for this référentiel, without any cache."""
    return render_pdf(kit_html(ref))


# --- The key and the disk cache ----------------------------------------------------------------

def _version(package: str) -> str:
    # Read without importing: importing WeasyPrint loads Pango through cffi (a second).
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return ""


def kit_key(ref: LoadedReferentiel) -> str:
    """A hash of everything the PDF is made of, without rendering it."""
    digest = hashlib.sha256()

    def add(label: str, content: bytes) -> None:
        digest.update(f"{label}\0{len(content)}\0".encode())
        digest.update(content)

    add("slug", ref.slug.encode())
    for key in sorted(ref.sections):
        add(f"data/{key}", (Path(ref.folder) / _FILENAMES[key]).read_bytes())
    for path in _CODE:
        add(f"code/{path.relative_to(ROOT).as_posix()}", path.read_bytes())
    for package in ("weasyprint", "pydyf", "fonttools"):
        add(f"version/{package}", _version(package).encode())
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


# --- Laying out in a child process ---------------------------------------------------------------

class LayoutJob:
    """The kit of one key, being laid out by `layout.py` in a child process."""

    def __init__(self, key: str, html: str) -> None:
        self.key = key
        self.folder = Path(tempfile.mkdtemp(prefix="socle-kit-"))
        self.source = self.folder / "kit.html"
        self.target = self.folder / KIT_FILENAME
        self.source.write_text(html, encoding="utf-8")
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            [sys.executable, str(_LAYOUT_SCRIPT), str(self.source), str(self.target)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.cancelled = False
        self._lock = threading.Lock()
        self._result: tuple[Kit | None] | None = None

    def done(self) -> bool:
        return self.process.poll() is not None

    def wait(self) -> Kit | None:
        """The laid-out kit, once the child is done; None if it failed or was cancelled."""
        with self._lock:  # the build and a `mkdocs serve` thread may both wait
            if self._result is None:
                self.process.wait()
                self._result = (self._read(),)
                shutil.rmtree(self.folder, ignore_errors=True)
            return self._result[0]

    def _read(self) -> Kit | None:
        if self.cancelled or self.process.returncode != 0:
            return None
        try:
            pages = json.loads(self.target.with_name(self.target.name + ".json").read_text())["pages"]
            return Kit(self.target.read_bytes(), int(pages), time.perf_counter() - self.started)
        except (OSError, ValueError, KeyError):
            return None

    def cancel(self) -> None:
        """Stop this child (its content is outdated); whoever waits for it gets None."""
        self.cancelled = True
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def start_layout(key: str, html: str) -> LayoutJob | None:
    """Start laying `html` out in a child process; None if it cannot start (laid out here)."""
    try:
        return LayoutJob(key, html)
    except OSError:
        return None


# --- The kit of the current build ----------------------------------------------------------------

# The latest référentiel object (the loader hands out the same one while its files are
# unchanged), its key and its kit: home page, « Mes premiers jours » and the hooks share it.
_latest: tuple[LoadedReferentiel, Kit] | None = None
_keys: dict[int, tuple[LoadedReferentiel, str]] = {}
_job: LayoutJob | None = None


def _key_of(ref: LoadedReferentiel) -> str:
    entry = _keys.get(id(ref))
    if entry is None or entry[0] is not ref:
        # A few référentiel objects: under `mkdocs serve`, a thread still waiting for the
        # previous content's kit must keep that content's key, not read the new files.
        while len(_keys) >= 4:
            _keys.pop(next(iter(_keys)))
        entry = _keys[id(ref)] = (ref, kit_key(ref))
    return entry[1]


def _remember(ref: LoadedReferentiel, kit: Kit) -> Kit:
    global _latest
    _latest = (ref, kit)
    return kit


def known(ref: LoadedReferentiel, cache: Path | None = CACHE) -> Kit | None:
    """The kit if it is in memory or in the disk cache; None if it must be laid out."""
    if _latest is not None and _latest[0] is ref:
        return _latest[1]
    kit = _read_cache(cache, _key_of(ref)) if cache else None
    return _remember(ref, kit) if kit else None


def start(ref: LoadedReferentiel, cache: Path | None = CACHE) -> None:
    """At the start of a build: find the kit, or start laying it out beside the build."""
    global _job
    if known(ref, cache) is not None:
        return
    key = _key_of(ref)
    if _job is not None and _job.key == key and not _job.cancelled:
        return  # `mkdocs serve`: already being laid out for the same content
    if _job is not None:
        _job.cancel()  # laying out content that has changed since
    _job = start_layout(key, kit_html(ref))


def pending(ref: LoadedReferentiel) -> bool:
    """Whether this référentiel's kit is being laid out in a child process right now."""
    return (_job is not None and not _job.cancelled and _job.key == _key_of(ref)
            and (_latest is None or _latest[0] is not ref))


def kit_or_pending(ref: LoadedReferentiel, cache: Path | None = CACHE) -> Kit | PendingKit:
    """For a page: the kit if known, else a placeholder while it is laid out beside the build."""
    if pending(ref):
        return PendingKit()
    return kit_for(ref, cache)


def finished(ref: LoadedReferentiel, cache: Path | None = CACHE) -> Kit | None:
    """Wait for the child laying out this référentiel's kit; None if there is none or it failed."""
    job = _job
    if job is None or job.key != _key_of(ref):
        return None
    kit = job.wait()
    if kit is not None and cache:
        _write_cache(cache, job.key, kit)
    return kit


def kit_for(ref: LoadedReferentiel, cache: Path | None = CACHE) -> Kit:
    """The kit of this référentiel: from memory, from the disk cache, or laid out now."""
    global _job
    kit = known(ref, cache)
    if kit is not None:
        return kit
    job = _job if pending(ref) else None
    kit = finished(ref, cache) if job else None
    if kit is None:
        if job is not None and job.cancelled:
            raise Outdated
        # No child, or it failed: lay out here, so that an error shows as it always did.
        kit = render_pdf(kit_html(ref))
        if cache:
            _write_cache(cache, _key_of(ref), kit)
    if _job is not None and _job.key == _key_of(ref):
        _job = None
    return _remember(ref, kit)


@atexit.register
def _stop_child() -> None:
    # `mkdocs serve` stopped (Ctrl+C) while a kit was being laid out: do not leave it running.
    if _job is not None and not _job.done():
        with contextlib.suppress(OSError):
            _job.cancel()
