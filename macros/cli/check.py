"""`python -m macros.cli.check [slug ...]`: validate référentiels without building.

Prints every data error as `file:line:col: message`, then every sentence of the source
document missing from the site or the kit (macros/cli/fidelite.py), and exits 1 if any; this
is what `make check` and the editors' pull-request check run.
"""

from __future__ import annotations

import sys
from pathlib import Path

from macros.cli.fidelite import fidelity_advice, missing_sentences
from macros.data.advice import advice
from macros.data.errors import DataErrors
from macros.data.freshness import line_of, suivis
from macros.data.loader import LoadedReferentiel, load_referentiel
from macros.data.project import project_root
from macros.text.francais import date_fr


def overdue_warnings(loaded: LoadedReferentiel) -> list[str]:
    """Content past its `revoir_le` date: a warning for the editors, never a failure."""
    warnings = []
    for found in suivis(loaded):
        if found.en_retard:
            line = line_of(loaded, found)
            where = found.source + (f":{line}" if line else "")
            about = f"{found.objet} : " if found.objet else ""
            warnings.append(f"{where}: {about}à revoir {date_fr(found.suivi.revoir_le, 'depuis le')} "
                            f"(suivi par {found.suivi.responsable}). Relisez ce contenu, puis "
                            f"reportez la date « revoir_le ».")
    return warnings


def main(argv: list[str]) -> int:
    root = project_root()
    data = root / "data"
    slugs = argv or sorted(p.name for p in data.iterdir() if p.is_dir())
    failed = False
    for slug in slugs:
        folder = Path(slug) if "/" in slug else data / slug
        try:
            loaded = load_referentiel(folder, root)
        except DataErrors as errors:
            failed = True
            print(f"✗ {slug} — {errors.report()}", file=sys.stderr)
        else:
            missing = missing_sentences(loaded, root)
            if missing:
                failed = True
                count = (f"{len(missing)} phrase du document source manque" if len(missing) == 1
                         else f"{len(missing)} phrases du document source manquent")
                print("\n  ".join([f"✗ {slug} — {count} :", *missing, fidelity_advice(loaded, root)]),
                      file=sys.stderr)
            else:
                rubriques = f", {len(loaded.rubriques)} rubriques" if loaded.rubriques else ""
                print(f"✓ {slug} : {len(loaded.sections)} sections valides{rubriques}")
            for warning in overdue_warnings(loaded) + advice(loaded, root):
                print(f"⚠ {warning}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
