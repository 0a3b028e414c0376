"""`python -m macros.cli.importer_plan FICHIER [slug]`: a plan's sheet back into its plan.yml.

FICHIER is an .ods or .xlsx file shaped like the one each build offers on the plan page
(sheets « Actions » and « Indicateurs »). Every problem is printed with its cell, and then
nothing is written; otherwise `data/<slug>/plan.yml` is rewritten (its opening comments
kept) and what changed is summed up. This is what `make importer-plan FICHIER=…` runs.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from macros.data.errors import DataErrors
from macros.data.loader import load_referentiel
from macros.data.project import DEFAULT_SLUG, project_root
from macros.data.yaml_strict import parse_yaml_text
from macros.models.plan import Plan
from macros.plan.ecriture import entete, plan_en_yaml
from macros.plan.tableur.importer import plan_depuis_feuilles
from macros.plan.tableur.lire import TableurIlisible, lire_feuilles
from macros.registry import KIND_FILES


def resume(avant: Plan, apres: Plan) -> str:
    """« 2 actions ajoutées, 1 modifiée, 0 retirée » between two versions of a plan."""
    old = {a.id: a for a in avant.actions}
    new = {a.id: a for a in apres.actions}
    added = sum(ident not in old for ident in new)
    removed = sum(ident not in new for ident in old)
    changed = sum(ident in old and old[ident] != action for ident, action in new.items())
    places = [e.action.id for e in avant.entrees] != [e.action.id for e in apres.entrees]

    def count(n: int, word: str) -> str:
        return f"{n} {word}{'s' if n > 1 else ''}"

    text = f"{count(added, 'action ajoutée')}, {count(changed, 'modifiée')}, {count(removed, 'retirée')}"
    return text + (" ; ordre des actions changé" if places and not (added or removed) else "")


def main(argv: list[str]) -> int:
    if not argv:
        print("Indiquez le tableur à importer : make importer-plan FICHIER=plan.ods", file=sys.stderr)
        return 2
    sheet = Path(argv[0])
    slug = argv[1] if len(argv) > 1 else os.environ.get("REFERENTIEL") or DEFAULT_SLUG
    root = project_root()
    folder = root / "data" / slug
    try:
        ref = load_referentiel(folder, root)
    except DataErrors as errors:
        print(f"Le référentiel doit être valide avant l'import. {errors.report()}", file=sys.stderr)
        return 1
    if not ref.has("plan"):
        print(f"data/{slug}/ n'a pas de {KIND_FILES['plan']} : rien où importer le tableur.", file=sys.stderr)
        return 1
    if not sheet.is_file():
        print(f"« {sheet} » : ce fichier n'existe pas.", file=sys.stderr)
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
    # What is written must read back as this very plan (strict loader, same model).
    if Plan.model_validate(parse_yaml_text(text, str(target))) != plan:  # pragma: no cover - a bug
        print("L'écriture du plan ne redonne pas le tableur : rien n'a été écrit.", file=sys.stderr)
        return 1
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, suffix=".tmp", delete=False) as out:
        out.write(text)
    os.replace(out.name, target)
    print(f"✓ data/{slug}/{KIND_FILES['plan']} : {len(plan.actions)} actions ({resume(ref.plan, plan)}).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
