"""A fiche as one line of text, for the kit: its fields that hold something, and what is missing.

On the site each fiche has its own section (site/templates/plan_fiches.md.j2); on paper the
fiche follows its action in one small line, so that the plan chapter keeps its size.
"""

from __future__ import annotations

from macros.models.plan import Plan
from macros.models.plan_action import Action
from macros.plan.suivi import ActionSuivie
from macros.plan.tableur.colonnes import ACTIONS
from macros.text.francais import date_fr, nombre_fr

# How each expected field is named when a sentence says it is missing everywhere.
_NOMS = {"pilote": "de pilote", "contributeurs": "de services contributeurs",
         "partenaires": "de partenaires", "calendrier": "de calendrier",
         "indicateurs": "d'indicateurs"}


def _a(action, champ: str) -> bool:
    if champ == "calendrier":
        return bool(action.debut or action.echeance or action.jalons)
    return bool(getattr(action, champ))


def champs_absents_partout(plan: Plan) -> list[str]:
    """The fields the plan expects of every fiche that no fiche names yet."""
    return [champ for champ in plan.fiche_attendue
            if not any(_a(action, champ) for action in plan.actions)]


def manquants_du_plan(plan: Plan) -> str:
    """« de pilote, de services contributeurs ni de calendrier », or "" when none is missing."""
    noms = [_NOMS[champ] for champ in champs_absents_partout(plan)]
    if len(noms) <= 1:
        return "".join(noms)
    return ", ".join(noms[:-1]) + " ni " + noms[-1]


def champs_a_designer(plan: Plan) -> frozenset[str]:
    """The expected fields a fiche says « à désigner » for: those some fiche already names
    (the others are said once for the whole plan, by `manquants_du_plan`). Computed once per
    plan: asking each action would read every action again (quadratic on a large plan)."""
    return frozenset(plan.fiche_attendue) - set(champs_absents_partout(plan))


# The fields the table of macros/plan/tableur/colonnes.py gives a label: the fiche shows them
# in its order, each when present.
_AFFICHES = tuple(c for c in ACTIONS if c.libelle and c.forme)


def champs_en_plus(action: Action) -> list[tuple[str, str]]:
    """(« Budget prévu », « 12 000 € »)… for each such field the action fills."""
    return [(c.libelle, c.forme.afficher(value)) for c in _AFFICHES
            if (value := getattr(action, c.champ)) is not None and value != []]


def fiche_en_ligne(suivie: ActionSuivie, attendus: frozenset[str]) -> str:
    """« Pilote : DRH · Échéance : 30 juin 2026 · Avancement : 40 % », "" when there is nothing.

    `attendus`: `champs_a_designer` of the plan."""
    action = suivie.action
    parts = []

    def champ(nom: str, valeur: str | None, cle: str, manque: str = "à désigner") -> None:
        if valeur:
            parts.append(f"{nom} : {valeur}")
        elif cle in attendus:
            parts.append(f"{nom} : {manque}")

    champ("Pilote", action.pilote, "pilote")
    champ("Contributeurs", ", ".join(action.contributeurs), "contributeurs")
    champ("Partenaires", ", ".join(action.partenaires), "partenaires")
    calendrier = [f"début {date_fr(action.debut)}"] if action.debut else []
    calendrier += [f"{j.libelle} {date_fr(j.date)}" for j in action.jalons]
    if action.echeance:
        calendrier.append(f"échéance {date_fr(action.echeance)}"
                          + (" (dépassée)" if suivie.en_retard else ""))
    champ("Calendrier", ", ".join(calendrier), "calendrier", "à fixer")
    if action.avancement is not None:
        parts.append(f"Avancement : {action.avancement} %")
    indicateurs = []
    for i in action.indicateurs:
        unite = f" {i.unite}" if i.unite else ""
        texte = i.libelle
        if i.valeurs:
            derniere = i.valeurs[-1]
            texte += f" {nombre_fr(derniere.valeur)}{unite} {date_fr(derniere.date, 'au')}"
        if i.cible is not None:
            texte += f" (cible {i.cible_texte})"
        indicateurs.append(texte)
    champ("Indicateurs", " ; ".join(indicateurs), "indicateurs", "à définir")
    parts += [f"{libelle} : {texte}" for libelle, texte in champs_en_plus(action)]
    if action.notes:
        note = action.notes[-1]
        parts.append(f"Dernière note ({date_fr(note.date)}) : {note.texte}")
    return " · ".join(parts)
