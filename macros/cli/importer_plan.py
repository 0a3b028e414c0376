"""`python -m macros.cli.importer_plan FICHIER [slug]`: a plan's sheet back into its plan.yml.

FICHIER is an .ods or .xlsx file shaped like the one each build offers on the plan page
(sheets « Actions » and « Indicateurs »). Every problem is printed with its cell, and then
nothing is written; otherwise `data/<slug>/plan.yml` is rewritten (its opening comments
kept) and what changed is summed up, action by action. This is what
`make importer-plan FICHIER=…` runs.

It fails closed, at each step: the file is checked before it is read (macros/plan/tableur/
archive.py and limites.py), the sheet against the export (structure.py, and no action
removed unless « Supprimer » says so), the plan.yml to write by the strict loader on the
whole référentiel; the file is then replaced at once, keeping its mode. Every refusal is a
French message and exit code 1 (2 for a wrong command line), never a traceback.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import stat
import sys
import tempfile
from pathlib import Path

from macros.data.errors import DataErrors
from macros.data.limites import TAILLE_MAX_FICHIER, taille_lisible
from macros.data.loader import load_referentiel
from macros.data.project import DEFAULT_SLUG, project_root
from macros.models.plan import Plan
from macros.plan.ecriture import entete, plan_en_yaml
from macros.plan.tableur.importer import plan_depuis_feuilles
from macros.plan.tableur.lire import TableurIlisible, lire_feuilles
from macros.plan.tableur.resume import resume
from macros.registry import KIND_FILES


def apres_ecriture(folder: Path, slug: str, text: str) -> Plan:
    """The plan as `make check` would read it once `text` is written: the whole référentiel,
    copied aside with the new plan.yml, read by the same strict loader (every file, every
    reference between files). Raises DataErrors, naming data/<slug>/…, as make check does."""
    with tempfile.TemporaryDirectory(prefix="socle-import-") as aside:
        copy = Path(aside) / "data" / slug
        shutil.copytree(folder, copy, symlinks=True)
        (copy / KIND_FILES["plan"]).write_text(text, encoding="utf-8")
        return load_referentiel(copy, Path(aside)).plan


def ecrire(target: Path, text: str) -> None:
    """`text` into `target` at once (a reader never sees half a file), keeping its mode.

    tempfile creates its file 0600: the plan.yml written would no longer be readable by the
    group or the web server that could read the one it replaces."""
    mode = stat.S_IMODE(target.stat().st_mode)
    descriptor, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(name, mode)
        os.replace(name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise


_CAUSES = {errno.EACCES: "permission refusée", errno.EPERM: "permission refusée",
           errno.ENOSPC: "le disque est plein", errno.EROFS: "le disque est en lecture seule",
           errno.ENOENT: "il n'existe pas", errno.EISDIR: "c'est un dossier"}


def main(argv: list[str]) -> int:
    try:
        return _importer(argv)
    except OSError as error:  # the disk, not the sheet: a plan.yml that cannot be written
        cause = _CAUSES.get(error.errno, "erreur du système")
        print(f"Le fichier « {error.filename or ''} » n'a pas pu être lu ou écrit ({cause}) ; aucun fichier "
              "n'a été modifié.", file=sys.stderr)
        return 1


def _importer(argv: list[str]) -> int:
    if not argv:
        print("Indiquez le tableur à importer : make importer-plan FICHIER=plan.ods", file=sys.stderr)
        return 2
    sheet = Path(argv[0])
    slug = argv[1] if len(argv) > 1 else os.environ.get("REFERENTIEL") or DEFAULT_SLUG
    root = project_root()
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug):  # never a path: « ../.. » writes nowhere
        data = root / "data"
        existants = sorted(p.name for p in data.iterdir() if p.is_dir()) if data.is_dir() else []
        print(f"« {slug} » n'est pas un nom de référentiel : c'est le nom d'un dossier de data/ (minuscules, "
              f"chiffres et tirets ; ici : {', '.join(existants) or 'aucun'}).", file=sys.stderr)
        return 2
    folder = root / "data" / slug
    try:
        ref = load_referentiel(folder, root)
    except DataErrors as errors:
        print(f"Le référentiel doit être valide avant l'import. {errors.report()}", file=sys.stderr)
        return 1
    if not ref.has("plan"):
        print(f"data/{slug}/ n'a pas de {KIND_FILES['plan']} : rien où importer le tableur.", file=sys.stderr)
        return 1
    try:
        feuilles = lire_feuilles(sheet)
    except TableurIlisible as error:
        print(str(error), file=sys.stderr)
        return 1
    instances = frozenset(i.id for i in ref.gouvernance.instances) if ref.has("gouvernance") else None
    plan, erreurs = plan_depuis_feuilles(feuilles, ref.plan, sheet.name, instances)
    if erreurs:
        head = "1 problème" if len(erreurs) == 1 else f"{len(erreurs)} problèmes"
        print(f"{head} dans le tableur ; aucun fichier n'a été modifié :", file=sys.stderr)
        for erreur in erreurs:
            print(f"  {erreur}", file=sys.stderr)
        return 1
    target = folder / KIND_FILES["plan"]
    text = plan_en_yaml(plan, entete(target.read_text(encoding="utf-8")))
    nom = f"data/{slug}/{KIND_FILES['plan']}"
    if (taille := len(text.encode("utf-8"))) > TAILLE_MAX_FICHIER:
        print(f"Le plan ne peut pas être écrit ; aucun fichier n'a été modifié : {nom} ferait "
              f"{taille_lisible(taille)}, au-delà des {taille_lisible(TAILLE_MAX_FICHIER)} qu'un fichier de "
              "données peut peser (le site et le kit ne se construiraient plus). Le tableur contient sans "
              "doute des textes très longs, ou des lignes qui ne sont pas des actions.", file=sys.stderr)
        return 1
    try:
        relu = apres_ecriture(folder, slug, text)
    except DataErrors as errors:
        print(f"Le plan ne peut pas être écrit ; aucun fichier n'a été modifié. {errors.report()}",
              file=sys.stderr)
        return 1
    if relu != plan:  # pragma: no cover - a bug of plan_en_yaml
        print("L'écriture du plan ne redonne pas le tableur : rien n'a été écrit.", file=sys.stderr)
        return 1
    counts, lines = resume(ref.plan, plan)
    if text == target.read_text(encoding="utf-8"):
        print(f"✓ {nom} : le tableur redonne le plan tel qu'il est ; rien à écrire.")
        return 0
    ecrire(target, text)
    print(f"✓ {nom} : {len(plan.actions)} actions ({counts}).")
    for line in lines:
        print(f"  {line}")
    print("Relisez le changement (git diff) avant de le proposer.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
