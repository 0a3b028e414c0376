"""Kits already laid out, kept on disk under the exact Typst source that made them.

Typst gives the same PDF for the same source with the same Typst (its fonts are built in).
So a build whose data and templates have not changed since an earlier one (a second
`make build`, the test suite, the builds of one commit in CI) takes the PDF from
`.cache/kit/` instead of laying it out again: a third of a second of processor for
Béthune, seconds for a large référentiel. Like Material's social cards in
`.cache/plugin/social/`. A change anywhere in the kit gives another source, hence another
file: nothing can be stale. Only the latest few kits are kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

KEEP = 8


def folder(root: Path) -> Path:
    """`.cache/kit/` of the project in `root`."""
    return root / ".cache" / "kit"


def _path(source: str, compiler: str, cache: Path) -> Path:
    digest = hashlib.sha256(compiler.encode("utf-8") + b"\0" + source.encode("utf-8"))
    return cache / f"{digest.hexdigest()}.pdf"


def cached_pdf(source: str, compiler: str, compile_pdf: Callable[[str], bytes], cache: Path) -> bytes:
    """`compile_pdf(source)`, or the PDF it gave earlier in `cache` for this source and `compiler`.

    `compiler` names the compiler and its settings (version, PDF standard). A cache that
    cannot be read or written (a read-only checkout) is only a missed shortcut.
    """
    path = _path(source, compiler, cache)
    try:
        data = path.read_bytes()
        os.utime(path)  # recently used: kept by _forget_old
        return data
    except OSError:
        pass
    data = compile_pdf(source)
    with contextlib.suppress(OSError):
        _keep(path, data)
    return data


def _keep(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written beside, then renamed: a build running at the same time never reads half a PDF.
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as out:
        out.write(data)
    os.replace(out.name, path)
    _forget_old(path.parent)


def _forget_old(folder: Path) -> None:
    kits = sorted(folder.glob("*.pdf"), key=lambda kit: kit.stat().st_mtime, reverse=True)
    for old in kits[KEEP:]:
        old.unlink(missing_ok=True)
