"""The sheets and columns of an imported tableur, checked against those of the export.

A missing column would empty its field on every action, a missing « Indicateurs » sheet
every indicator, an unknown sheet would hold what the import never reads: each is refused,
named, before any row is read. Columns may come in any order.
"""

from __future__ import annotations

from macros.models.plan import Plan
from macros.plan.tableur.cellules import ErreurDeCellule, Lecture
from macros.plan.tableur.colonnes import (
    FEUILLE_ACTIONS,
    FEUILLE_INDICATEURS,
    Colonne,
    Valeur,
)
from macros.plan.tableur.listes import FEUILLE_LISTES
from macros.plan.tableur.synthese import FEUILLE_SYNTHESE

# « Synthèse » is computed at each export: the import knows it and leaves it aside.
# « Synthèse » and « Listes » (the drop-down lists' values) are written for the reader and
# left aside by the import.
_FEUILLES = (FEUILLE_ACTIONS, FEUILLE_INDICATEURS, FEUILLE_SYNTHESE, FEUILLE_LISTES)


def feuilles_inconnues(feuilles: dict[str, list[list[Valeur]]], fichier: str) -> list[ErreurDeCellule]:
    """A sheet that holds something and is not one of the export's (a renamed one, often)."""
    return [ErreurDeCellule(fichier, nom, None, "cette feuille n'est pas une feuille du plan (feuilles : "
                            f"{', '.join(_FEUILLES)}) : ce qu'elle contient ne serait pas importé. "
                            "Redonnez-lui son nom, ou retirez-la du tableur.")
            for nom, rows in feuilles.items() if nom not in _FEUILLES and rows]


def manquante(fichier: str, feuille: str, raison: str) -> ErreurDeCellule:
    return ErreurDeCellule(fichier, feuille, None, f"cette feuille manque : {raison} Remettez-la (ou "
                           "redonnez-lui son nom), puis importez de nouveau.")


def colonnes_manquantes(lecture: Lecture, colonnes: tuple[Colonne, ...], elements: list) -> None:
    """Each column of the export absent from the sheet's headings, as a problem of the sheet;
    a `recente` one only when one of `elements` (the plan's actions, or indicators) has a value
    for it, which the import would erase."""
    for colonne in colonnes:
        if colonne.recente and not any(getattr(e, colonne.champ, None) for e in elements):
            continue
        if not colonne.facultative and colonne.champ not in lecture.position:
            lecture.erreur(None, None, f"la colonne « {colonne.entete} » manque (ligne des titres : ligne "
                           f"{lecture.entete + 1}) : sans elle, l'import effacerait ce champ de chaque "
                           "ligne. Remettez-la (ou redonnez-lui son titre), puis importez de nouveau.")


def indicateurs_requis(plan: Plan) -> bool:
    """The export had an « Indicateurs » sheet: the plan has indicators, which it would lose."""
    return any(action.indicateurs for action in plan.actions)

