"""The plan as spreadsheet rows: one row per action (sheet « Actions »), one per measure of
an indicator (sheet « Indicateurs »), and back.

Cells hold what a manager types: libellés rather than keys for statuses and horizons (both
are read back), real dates (a month or a year known alone stays the text « 2026-06 », « 2028 »), whole
numbers for the avancement, one item per line in a cell
for lists, « AAAA-MM-JJ : texte » per line for jalons and notes. Columns are found by their
heading when the sheet is read, so a manager may reorder them; one left out is refused,
unless losing it loses nothing (`Colonne.facultative`). The export and the import read this
one table, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from macros.models.dates import DateDocument
from macros.models.plan import Plan
from macros.plan.suivi import SuiviPlan

FEUILLE_ACTIONS = "Actions"
FEUILLE_INDICATEURS = "Indicateurs"


@dataclass(frozen=True)
class Colonne:
    """One column: its heading (how the import finds it), the field it holds, its width.

    The import refuses a sheet where a column of the export is missing (a deleted « Statut »
    would otherwise empty every action's status), except a `facultative` one, whose absence
    loses nothing: the computed ones, and « Supprimer », which older exports did not have."""

    entete: str
    champ: str
    largeur: int  # in characters
    facultative: bool = False


ACTIONS: tuple[Colonne, ...] = (
    Colonne("Identifiant", "id", 30),
    Colonne("Axe", "axe", 6),
    Colonne("Objectif", "objectif", 9),
    Colonne("N°", "numero", 8, facultative=True),  # computed: written, never read back
    Colonne("Action", "texte", 60),
    Colonne("Horizon", "horizon", 16),
    Colonne("Statut", "statut", 14),
    Colonne("En retard", "en_retard", 10, facultative=True),  # computed: written, never read back
    Colonne("Pilote", "pilote", 26),
    Colonne("Contributeurs", "contributeurs", 28),
    Colonne("Partenaires", "partenaires", 28),
    Colonne("Début", "debut", 12),
    Colonne("Échéance", "echeance", 12),
    Colonne("Jalons", "jalons", 36),
    Colonne("Avancement (%)", "avancement", 10),
    Colonne("Précisions", "precisions", 40),
    Colonne("Notes de suivi", "notes", 40),
    Colonne("Instances", "instances", 20),
    # « oui » or « x » removes the action: a row left out of the sheet is refused instead
    # (the import cannot tell a deleted row from a lost one).
    Colonne("Supprimer", "supprimer", 11, facultative=True),
)

INDICATEURS: tuple[Colonne, ...] = (
    Colonne("Identifiant de l'action", "action", 30),
    Colonne("Indicateur", "libelle", 40),
    Colonne("Unité", "unite", 10),
    Colonne("Cible", "cible", 10),
    Colonne("Date", "date", 12),
    Colonne("Valeur", "valeur", 10),
)

Valeur = str | int | float | date | None


def colonnes_actions(plan: Plan) -> tuple[Colonne, ...]:
    """The columns this plan uses: no « Objectif » without objectives, no « Horizon » without horizons."""
    return tuple(c for c in ACTIONS
                 if not (c.champ == "objectif" and not plan.objectifs)
                 and not (c.champ == "horizon" and not plan.horizons))


def cellule_date(value: DateDocument | None) -> date | str | None:
    """A day as a real date cell (the spreadsheet sorts and filters it); a month or a year
    as the text the plan writes (« 2026-06 », « 2028 »): a date cell would need a day, and
    the import would read back one that the plan never gave."""
    if value is None:
        return None
    return value.jour_exact or value.isoformat()


def _nombre(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def lignes_actions(plan: Plan, suivi: SuiviPlan) -> list[list[Valeur]]:
    """The sheet « Actions »: its heading row, then one row per action."""
    colonnes = colonnes_actions(plan)
    rows: list[list[Valeur]] = [[c.entete for c in colonnes]]
    for suivie in suivi.actions:
        action, entree = suivie.action, suivie.entree
        horizon = plan.horizon_de(action)
        values = {
            "id": action.id, "axe": entree.axe.numero,
            "objectif": entree.objectif.numero if entree.objectif else None,
            "numero": entree.numero, "texte": action.texte,
            "horizon": horizon.libelle if horizon else None,
            "statut": suivie.statut.libelle, "en_retard": "oui" if suivie.en_retard else "non",
            "pilote": action.pilote, "contributeurs": "\n".join(action.contributeurs) or None,
            "partenaires": "\n".join(action.partenaires) or None,
            "debut": cellule_date(action.debut), "echeance": cellule_date(action.echeance),
            "jalons": "\n".join(f"{j.date.isoformat()} : {j.libelle}" for j in action.jalons) or None,
            "avancement": action.avancement,
            "precisions": "\n".join(action.precisions) or None,
            "notes": "\n".join(f"{n.date.isoformat()} : {n.texte}" for n in action.notes) or None,
            "instances": "\n".join(action.instances) or None,
            "supprimer": None,
        }
        rows.append([values[c.champ] for c in colonnes])
    return rows


def lignes_indicateurs(plan: Plan) -> list[list[Valeur]]:
    """The sheet « Indicateurs »: one row per measure (an indicator without any: one row)."""
    rows: list[list[Valeur]] = [[c.entete for c in INDICATEURS]]
    for action in plan.actions:
        for indicateur in action.indicateurs:
            debut = [action.id, indicateur.libelle, indicateur.unite, _nombre(indicateur.cible)]
            for mesure in indicateur.valeurs or [None]:
                rows.append(debut + ([cellule_date(mesure.date), _nombre(mesure.valeur)] if mesure
                                     else [None, None]))
    return rows
