"""The plan's spreadsheets already written, kept on disk under the rows that made them.

Writing the XLSX (openpyxl: its import and one object per styled cell) costs about a tenth
of Béthune's build, for files that only change when the plan or the day of the build does.
So the sheets' rows, with the writer's own source and openpyxl's version, name a folder of
`.cache/tableur/`; a build whose rows are unchanged reads the files from there (a second
`make build`, the test suite, `mkdocs serve` rebuilding after another file changed), as
the kit does in `.cache/kit/` (macros/kit/cache.py). A change anywhere gives another name:
nothing can be stale. Only the latest few are kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

KEEP = 6


def folder(root: Path) -> Path:
    """`.cache/tableur/` of the project in `root`."""
    return root / ".cache" / "tableur"


def _name(rows: object) -> str:
    digest = hashlib.sha256(repr(rows).encode("utf-8"))
    digest.update(Path(__file__).with_name("ecrire.py").read_bytes())
    digest.update(version("openpyxl").encode())
    return digest.hexdigest()


def cached_files(rows: object, make: Callable[[], dict[str, bytes]], cache: Path) -> dict[str, bytes]:
    """`make()` (file name → content), or what it gave earlier in `cache` for these `rows`.

    A cache that cannot be read or written (a read-only checkout) is only a missed shortcut.
    """
    place = cache / _name(rows)
    with contextlib.suppress(OSError):
        names = (place / "noms").read_text(encoding="utf-8").split()
        found = {name: (place / name).read_bytes() for name in names}
        os.utime(place)  # recently used: kept by _forget_old
        return found
    found = make()
    with contextlib.suppress(OSError):
        _keep(place, found)
    return found


def _keep(place: Path, files: dict[str, bytes]) -> None:
    place.parent.mkdir(parents=True, exist_ok=True)
    # Written beside, then renamed: a build running at the same time never reads half a set.
    staging = Path(tempfile.mkdtemp(dir=place.parent, suffix=".tmp"))
    for name, content in files.items():
        (staging / name).write_bytes(content)
    (staging / "noms").write_text("\n".join(files), encoding="utf-8")
    try:
        os.replace(staging, place)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
    _forget_old(place.parent)


def _forget_old(root: Path) -> None:
    sets = sorted((p for p in root.iterdir() if p.is_dir() and not p.name.endswith(".tmp")),
                  key=lambda p: p.stat().st_mtime, reverse=True)
    for old in sets[KEEP:]:
        shutil.rmtree(old, ignore_errors=True)
