"""Ask git about the history of files, tolerating every way git can be missing.

A site may be built from a tarball, in a container without git, from a shallow
clone or from a folder that is not a repository at all: then every function
here answers "unknown" (None or an empty list) and the page simply omits the
information. Nothing here raises.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

_MOIS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
         "septembre", "octobre", "novembre", "décembre")


def git(args: list[str], cwd: Path) -> str | None:
    """Output of `git <args>` run in `cwd`, or None if git is absent or fails."""
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                                encoding="utf-8", timeout=60, check=False)
    except (OSError, subprocess.SubprocessError, ValueError):
        return None
    return result.stdout if result.returncode == 0 else None


def _last_commit(path: Path) -> date | None:
    folder = path.parent if path.parent.is_dir() else Path.cwd()
    output = git(["log", "-1", "--format=%cI", "--", path.name], folder)
    if not output or not output.strip():
        return None
    try:
        return datetime.fromisoformat(output.strip()).date()
    except ValueError:
        return None


def last_change(paths: Iterable[Path]) -> date | None:
    """Date of the latest commit touching any of `paths` (None when unknown)."""
    dates = [found for path in paths if (found := _last_commit(path.resolve())) is not None]
    return max(dates, default=None)


def date_fr(day: date) -> str:
    """« 1er mars 2025 », « 12 mars 2025 »: a date as French readers write it."""
    return f"{'1er' if day.day == 1 else day.day} {_MOIS[day.month - 1]} {day.year}"
