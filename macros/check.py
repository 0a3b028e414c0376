"""`python -m macros.check [slug ...]`: validate référentiels without building.

Prints every data error as `file:line:col: message` and exits 1 if any; this is
what `make check` and the editors' pull-request check run.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import DataErrors
from .loader import load_referentiel

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    data = ROOT / "data"
    slugs = argv or sorted(p.name for p in data.iterdir() if p.is_dir())
    failed = False
    for slug in slugs:
        folder = Path(slug) if "/" in slug else data / slug
        try:
            loaded = load_referentiel(folder, ROOT)
        except DataErrors as errors:
            failed = True
            print(f"✗ {slug} — {errors.report()}", file=sys.stderr)
        else:
            print(f"✓ {slug} : {len(loaded.sections)} sections valides")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
