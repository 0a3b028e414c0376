"""The sheet « Indicateurs » read back: each row a measure of one indicator of one action."""

from __future__ import annotations

from macros.plan.tableur.cellules import ErreurDeCellule, Lecture
from macros.plan.tableur.colonnes import FEUILLE_INDICATEURS, INDICATEURS, Valeur
from macros.plan.tableur.structure import colonnes_manquantes


def lire_indicateurs(rows: list[list[Valeur]], fichier: str, par_id: dict[str, dict],
                     supprimees: set[str], erreurs: list[ErreurDeCellule], indicateurs: list) -> None:
    """Add to the actions of `par_id` the indicators of the sheet (those of `supprimees` go
    with their action); `indicateurs`: those of the plan, which a missing column would lose."""
    lecture = Lecture(fichier, FEUILLE_INDICATEURS, rows, INDICATEURS, erreurs)
    colonnes_manquantes(lecture, INDICATEURS, indicateurs)
    if any(c.champ not in lecture.position for c in INDICATEURS if not c.recente):
        return
    for number, row in lecture.lignes():
        ident = lecture.texte(number, row, "action")
        libelle = lecture.texte(number, row, "libelle")
        if ident in supprimees:
            continue
        if ident is None:
            lecture.erreur(number, lecture.position["action"], "la ligne n'a pas d'identifiant d'action : "
                           "écrivez celui de l'action que l'indicateur mesure (colonne « Identifiant » de "
                           "la feuille « Actions »).")
            continue
        if ident not in par_id:
            lecture.erreur(number, lecture.position["action"],
                           f"« {ident} » n'est l'identifiant d'aucune action de la feuille « Actions ».")
            continue
        if libelle is None:
            lecture.erreur(number, lecture.position["libelle"], "l'indicateur n'a pas de libellé.")
            continue
        indicateurs = par_id[ident].setdefault("indicateurs", [])
        indicateur = next((i for i in indicateurs if i["libelle"] == libelle), None)
        if indicateur is None:
            indicateur = {"libelle": libelle}
            if unite := lecture.texte(number, row, "unite"):
                indicateur["unite"] = unite
            if (cible := lecture.nombre(number, row, "cible")) is not None:
                indicateur["cible"] = cible
            for champ in ("par_rapport_a", "unite_cible"):
                if texte := lecture.texte(number, row, champ):
                    indicateur[champ] = texte
            for champ in ("par_rapport_a", "unite_cible"):
                if texte := lecture.texte(number, row, champ):
                    indicateur[champ] = texte
            indicateurs.append(indicateur)
        day, valeur = lecture.date(number, row, "date"), lecture.nombre(number, row, "valeur")
        if (day is None) != (valeur is None):
            colonne = lecture.position.get("valeur" if day is not None else "date")
            lecture.erreur(number, colonne, "une mesure a une date et une valeur : remplissez les deux, "
                           "ou aucune pour un indicateur sans mesure.")
        elif day is not None:
            indicateur.setdefault("valeurs", []).append({"date": day, "valeur": valeur})
