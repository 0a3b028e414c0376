"""`python -m macros.cli.importer_document FICHIER SLUG [NOM]`: a Word or LibreOffice document
turned into a draft référentiel, data/<SLUG>/ (what `make importer-document` runs).

The file is checked and read (macros/document/lecture.py), composed into a draft (brouillon.py),
written only if the strict loader accepts it and data/<SLUG>/ does not exist (ecriture.py),
then built as `make build` would (`mkdocs build --strict`, in a temporary folder) to measure
how many of the document's sentences reach the site. The report (rapport.py) is printed and
written to data/<SLUG>/IMPORT.md. Every refusal is a French message and exit code 1 (2 for a
wrong command line), never a traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from macros.cli.nouveau import _sigle, nature_du_nom
from macros.data.project import project_root
from macros.document.brouillon import composer
from macros.document.ecriture import ImportRefuse, ecrire, verifier_slug
from macros.document.fidelite import absentes
from macros.document.lecture import DocumentIlisible, lire
from macros.document.rapport import rapport

USAGE = (
    'Usage : make importer-document FICHIER=livret.docx SLUG=<nom-du-dossier> [NOM="Nom de l\'organisation"]'
)


def dossier_data(root: Path) -> Path:
    base = Path(os.environ.get("SOCLE_DATA_DIR") or root / "data")
    return base if base.is_absolute() else root / base


def construire(root: Path, data: Path, slug: str, site: Path) -> str | None:
    """Build the draft as make build does; None, or what mkdocs said when it refused."""
    env = {**os.environ, "REFERENTIEL": slug, "SOCLE_DATA_DIR": str(data), "NO_MKDOCS_2_WARNING": "1"}
    fini = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return None if fini.returncode == 0 else (fini.stderr or fini.stdout).strip()[-3000:]


def importer(
    fichier: Path, slug: str, nom: str | None, root: Path, data: Path, construit: bool = True
) -> int:
    debut = time.monotonic()
    verifier_slug(slug, data)  # before reading: say at once that the name is taken
    lu = lire(fichier)
    brouillon = composer(lu, fichier.name, nom, nature_du_nom, _sigle)
    dossier = ecrire(brouillon.fichiers, data, slug, root)
    shown = dossier.relative_to(root).as_posix() if dossier.is_relative_to(root) else dossier.as_posix()
    phrases, manquantes, duree, echec = None, [], None, None
    if construit:
        with tempfile.TemporaryDirectory(prefix="socle-brouillon-") as site:
            echec = construire(root, data, slug, Path(site))
            if echec is None:
                phrases, manquantes = absentes(brouillon.texte, Path(site), brouillon.equivalents)
                duree = time.monotonic() - debut
    texte = rapport(brouillon, fichier.name, slug, phrases, manquantes, duree)
    (dossier / "IMPORT.md").write_text(texte, encoding="utf-8")
    print(texte)
    print(f"✓ {shown}/ écrit ; ce rapport est aussi dans {shown}/IMPORT.md.")
    if echec:
        print(
            f"✗ le brouillon ne se construit pas (défaut de l'import, signalez-le) :\n{echec}",
            file=sys.stderr,
        )
        return 1
    return 0


def main(argv: list[str]) -> int:
    construit = "--sans-site" not in argv
    argv = [a for a in argv if a != "--sans-site"]
    if len(argv) < 2 or not argv[0] or not argv[1]:
        print(USAGE, file=sys.stderr)
        return 2
    root = project_root()
    fichier = Path(argv[0]).expanduser()
    if not fichier.is_absolute():
        fichier = Path.cwd() / fichier
    nom = " ".join(argv[2:]).strip() or None
    try:
        return importer(fichier, argv[1], nom, root, dossier_data(root), construit)
    except (DocumentIlisible, ImportRefuse) as error:
        print(f"✗ {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
