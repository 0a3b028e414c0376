"""The plan as spreadsheet rows: one row per action (sheet « Actions »), one per measure of
an indicator (sheet « Indicateurs »), and back — and the one declaration of each field of a
fiche: its column, how its value goes into a cell and comes back, and how the fiche and the
kit say it.

Cells hold what a manager types: libellés rather than keys for statuses and horizons (both
are read back), real dates (a month or a year known alone stays the text « 2026-06 »,
« 2028 »), whole numbers for the avancement, one item per line in a cell for lists,
« AAAA-MM-JJ : texte » per line for jalons and notes. Columns are found by their heading
when the sheet is read, so a manager may reorder them; one left out is refused, unless
losing it loses nothing (`Colonne.facultative`, `Colonne.recente`).

A column with a `forme` is handled whole by this table: the export writes `forme.ecrire`
of the field, the import reads it back with the `Lecture` method `forme.lire`
(macros/plan/tableur/cellules.py), and, given a `libelle`, the fiche (site and kit) shows
`forme.afficher` of it when present (macros/plan/fiche.py). Adding such a field to an
action is its line in the model (macros/models/plan_action.py) and its line here; a test
generated from the model (tests/test_plan_champs.py) fills every field of an action and
round-trips it through XLSX and ODS, so a field missing here fails.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from macros.models.dates import DateDocument
from macros.models.plan import Plan
from macros.plan.suivi import SuiviPlan
from macros.text.francais import date_fr, euros_fr

FEUILLE_ACTIONS = "Actions"
FEUILLE_INDICATEURS = "Indicateurs"


Valeur = str | int | float | date | None


@dataclass(frozen=True)
class Forme:
    """How one kind of value is written in a cell, read back, and said on a fiche."""

    ecrire: Callable[[Any], Valeur]
    lire: str  # the name of the `Lecture` method that reads the cell
    afficher: Callable[[Any], str]


def _liste(items: list[str]) -> str | None:
    return "\n".join(items) or None


def _nombre(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def cellule_date(value: DateDocument | None) -> date | str | None:
    """A day as a real date cell (the spreadsheet sorts and filters it); a month or a year
    as the text the plan writes (« 2026-06 », « 2028 »): a date cell would need a day, and
    the import would read back one that the plan never gave."""
    if value is None:
        return None
    return value.jour_exact or value.isoformat()


TEXTE = Forme(lambda value: value, "texte", str)
LISTE = Forme(_liste, "liste", ", ".join)
DATE = Forme(cellule_date, "date", date_fr)
ENTIER = Forme(lambda value: value, "entier", str)
EUROS = Forme(_nombre, "nombre", euros_fr)


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
    # Added after the first exports: a sheet without it is read when no item of the plan has
    # a value there (nothing is lost), refused otherwise.
    recente: bool = False
    # Written, read back and shown by this table (see the module's docstring); None: the
    # column has its own code (the axe, the statut, the jalons…).
    forme: Forme | None = None
    # The fiche's label for the field (« Budget prévu »); None: the fiche shows it its own way.
    libelle: str | None = None


ACTIONS: tuple[Colonne, ...] = (
    Colonne("Identifiant", "id", 30),
    Colonne("Axe", "axe", 6),
    Colonne("Objectif", "objectif", 9),
    Colonne("N°", "numero", 8, facultative=True),  # computed: written, never read back
    Colonne("Action", "texte", 60),
    Colonne("Horizon", "horizon", 16),
    Colonne("Statut", "statut", 14),
    Colonne("En retard", "en_retard", 10, facultative=True),  # computed: written, never read back
    Colonne("Pilote", "pilote", 26, forme=TEXTE),
    Colonne("Contributeurs", "contributeurs", 28, forme=LISTE),
    Colonne("Partenaires", "partenaires", 28, forme=LISTE),
    Colonne("Début", "debut", 12, forme=DATE),
    Colonne("Échéance", "echeance", 12, forme=DATE),
    Colonne("Jalons", "jalons", 36),
    Colonne("Avancement (%)", "avancement", 10, forme=ENTIER),
    Colonne("Précisions", "precisions", 40, forme=LISTE),
    Colonne("Notes de suivi", "notes", 40),
    Colonne("Instances", "instances", 20, forme=LISTE),
    Colonne("Priorité", "priorite", 12, recente=True, forme=TEXTE, libelle="Priorité"),
    Colonne("Thématiques", "thematiques", 24, recente=True, forme=LISTE, libelle="Thématiques"),
    Colonne("Budget prévu (€)", "budget_prevu", 14, recente=True, forme=EUROS, libelle="Budget prévu"),
    Colonne("Budget engagé (€)", "budget_engage", 14, recente=True, forme=EUROS, libelle="Budget engagé"),
    Colonne("Financeurs", "financeurs", 28, recente=True, forme=LISTE, libelle="Financeurs"),
    # « oui » or « x » removes the action: a row left out of the sheet is refused instead
    # (the import cannot tell a deleted row from a lost one).
    Colonne("Supprimer", "supprimer", 11, facultative=True),
)

INDICATEURS: tuple[Colonne, ...] = (
    Colonne("Identifiant de l'action", "action", 30),
    Colonne("Indicateur", "libelle", 40),
    Colonne("Unité", "unite", 10),
    Colonne("Cible", "cible", 10),
    Colonne("Cible par rapport à", "par_rapport_a", 14, recente=True),
    Colonne("Unité de la cible", "unite_cible", 10, recente=True),
    Colonne("Date", "date", 12),
    Colonne("Valeur", "valeur", 10),
)

def colonnes_actions(plan: Plan) -> tuple[Colonne, ...]:
    """The columns this plan uses: no « Objectif » without objectives, no « Horizon » without horizons."""
    return tuple(c for c in ACTIONS
                 if not (c.champ == "objectif" and not plan.objectifs)
                 and not (c.champ == "horizon" and not plan.horizons))


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
            "jalons": "\n".join(f"{j.date.isoformat()} : {j.libelle}" for j in action.jalons) or None,
            "notes": "\n".join(f"{n.date.isoformat()} : {n.texte}" for n in action.notes) or None,
            "supprimer": None,
        }
        rows.append([_cellule(c, action) if c.forme else values[c.champ] for c in colonnes])
    return rows


def _cellule(colonne: Colonne, action) -> Valeur:
    value = getattr(action, colonne.champ)
    return None if value is None or value == [] else colonne.forme.ecrire(value)


def lignes_indicateurs(plan: Plan) -> list[list[Valeur]]:
    """The sheet « Indicateurs »: one row per measure (an indicator without any: one row)."""
    rows: list[list[Valeur]] = [[c.entete for c in INDICATEURS]]
    for action in plan.actions:
        for indicateur in action.indicateurs:
            debut = [action.id, indicateur.libelle, indicateur.unite, _nombre(indicateur.cible),
                     indicateur.par_rapport_a, indicateur.unite_cible]
            for mesure in indicateur.valeurs or [None]:
                rows.append(debut + ([cellule_date(mesure.date), _nombre(mesure.valeur)] if mesure
                                     else [None, None]))
    return rows
