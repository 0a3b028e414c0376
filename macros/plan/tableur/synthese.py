"""The « Synthèse » sheet of the plan's spreadsheets: the COPIL summary, computed at export.

The same figures as the site's summary page (macros/plan/synthese.py), dated; every late
action is listed here, not only the first of each axe. It is written, never read back: the
import knows the sheet by its name and leaves it aside (macros/plan/tableur/structure.py).
"""

from __future__ import annotations

from macros.plan.synthese import Synthese
from macros.plan.tableur.colonnes import Valeur, cellule_date

FEUILLE_SYNTHESE = "Synthèse"
LARGEURS = (60, 12, 24, 14, 14, 14, 14, 14, 14, 14, 14)


def lignes_synthese(s: Synthese, a_venir: tuple = ()) -> list[list[Valeur]]:
    """The sheet's rows: the axes' figures, then the late actions, then the coming échéances.

    `a_venir`: every coming échéance of the plan (SuiviPlan.a_venir)."""
    rows: list[list[Valeur]] = [["Synthèse du plan, données au", s.jour]]
    rows += [[], ["Axe", "Actions", *(st.libelle for st in s.statuts), "Réalisées", "Part réalisée (%)",
                  "En retard", "Avancement moyen (%)", "Actions dont l'avancement est indiqué"]]
    for ligne in (*s.axes, s.ensemble):
        rows.append([ligne.libelle, ligne.total, *ligne.par_statut, ligne.realisees, ligne.part_realisee,
                     len(ligne.en_retard), ligne.avancement, ligne.avec_avancement])
    if not s.a_des_echeances:
        return rows
    # The action's text in the first, wide column; its dates and pilote beside it.
    rows += [[], [f"Actions en retard : {len(s.ensemble.en_retard)}"], ["Action", "Échéance", "Pilote"]]
    rows += [[f"{a.entree.numero} {a.action.texte}", cellule_date(a.action.echeance), a.action.pilote]
             for ligne in s.axes for a in ligne.en_retard]
    rows += [[], [f"Prochaines échéances : {len(a_venir)}"], ["Action", "Date", "Pilote", "Quoi"]]
    rows += [[f"{e.suivie.entree.numero} {e.suivie.action.texte}", cellule_date(e.quand),
              e.suivie.action.pilote, e.quoi]
             for e in a_venir]
    return rows
