"""A sheet of the plan read back into the plan: every problem located at its cell, at once.

The sheet gives the actions (« Actions ») and their indicators (« Indicateurs »); the rest
of the plan — its title, axes, objectives, statuses, horizons — stays as the référentiel
has it. Each problem is reported as « plan.ods, feuille « Actions », cellule D12 : … »;
the plan is returned only when there is none, so that nothing is written from a sheet
with a mistake in it.

The import fails closed: a sheet or a column of the export that is missing is refused
(macros/plan/tableur/structure.py), and so is an action of the plan whose row is gone. An
action is removed only when its row says so, in the column « Supprimer »: a deleted row, a
cleared identifier, a file cut short all look alike, and none of them means « remove ».
"""

from __future__ import annotations

from pydantic import ValidationError

from macros.data.errors import each_problem
from macros.models.plan import Plan
from macros.plan.tableur.cellules import ErreurDeCellule, Lecture, plie, slug
from macros.plan.tableur.colonnes import (
    ACTIONS,
    FEUILLE_ACTIONS,
    FEUILLE_INDICATEURS,
    Valeur,
    colonnes_actions,
)
from macros.plan.tableur.indicateurs import lire_indicateurs
from macros.plan.tableur.structure import (
    colonnes_manquantes,
    feuilles_inconnues,
    indicateurs_requis,
    manquante,
)

# What « Supprimer » may hold: a mark to remove the action, or nothing (« non » also keeps it).
_OUI = frozenset({"oui", "x"})
_NON = frozenset({"non"})
_ENTETES = {c.champ: c.entete for c in ACTIONS}
# The columns of dated lines, and the name of each line's text.
_DATEES = {"jalons": "libelle", "notes": "texte"}


def plan_depuis_feuilles(feuilles: dict[str, list[list[Valeur]]], plan: Plan, fichier: str,
                         instances: frozenset[str] | None = None,
                         ) -> tuple[Plan | None, list[ErreurDeCellule]]:
    """The plan with the sheet's actions, or None and every problem found.

    `instances`: the governance instances actions may name (None: the référentiel has no
    governance, so none may be named)."""
    erreurs = feuilles_inconnues(feuilles, fichier)
    if FEUILLE_ACTIONS not in feuilles:
        erreurs.append(manquante(fichier, FEUILLE_ACTIONS, "c'est elle qui porte les actions."))
    if FEUILLE_INDICATEURS not in feuilles and indicateurs_requis(plan):
        erreurs.append(manquante(fichier, FEUILLE_INDICATEURS, "elle porte les indicateurs du plan, que "
                                 "l'import effacerait sans elle."))
    if FEUILLE_ACTIONS not in feuilles:
        return None, erreurs
    lecture = Lecture(fichier, FEUILLE_ACTIONS, feuilles[FEUILLE_ACTIONS], ACTIONS, erreurs)
    colonnes_manquantes(lecture, colonnes_actions(plan), plan.actions)
    if erreurs:
        return None, erreurs

    statuts = {plie(s.libelle): s.cle for s in plan.statuts} | {s.cle: s.cle for s in plan.statuts}
    horizons = {plie(h.libelle): h.cle for h in plan.horizons} | {h.cle: h.cle for h in plan.horizons}
    axes = {axe.numero: axe for axe in plan.axes}
    objectifs = {o.numero: o for o in plan.objectifs}
    data = plan.model_dump(exclude_defaults=True)
    for axe in data["axes"]:
        axe["actions"] = []
    for objectif in data.get("objectifs", []):
        objectif["actions"] = []
    axe_rank = {axe.numero: rank for rank, axe in enumerate(plan.axes)}
    objectif_rank = {o.numero: rank for rank, o in enumerate(plan.objectifs)}
    # Where each action of the new plan comes from: its path in the data → its sheet row.
    origine: dict[tuple, int] = {}
    par_id: dict[str, dict] = {}
    ids: set[str] = set()
    anciens = {a.id for a in plan.actions}
    supprimees: set[str] = set()

    for number, row in lecture.lignes():
        action: dict = {}
        ident = lecture.texte(number, row, "id")
        texte = lecture.texte(number, row, "texte")
        if texte is None:
            lecture.erreur(number, lecture.position["texte"], "l'action n'a pas de texte.")
            continue
        if _a_supprimer(lecture, number, row, ident, anciens):
            if ident in ids or ident in supprimees:
                lecture.erreur(number, lecture.position["id"], f"l'identifiant « {ident} » est déjà celui "
                               "d'une autre ligne : chaque action a le sien.")
            supprimees.add(ident)
            continue
        if ident is None:  # a new action typed in the sheet: it gets an id from its text
            base = ident = slug(texte)
            rank = 2
            while ident in ids or ident in anciens:
                ident, rank = f"{base}-{rank}", rank + 1
        if ident in ids or ident in supprimees:
            lecture.erreur(number, lecture.position["id"], f"l'identifiant « {ident} » est déjà celui "
                           "d'une autre ligne : chaque action a le sien.")
            continue
        ids.add(ident)
        action["id"], action["texte"] = ident, texte
        numero_axe = _numero_axe(lecture.texte(number, row, "axe"), axes)
        if numero_axe not in axes:
            liste = ", ".join(str(n) for n in axes)
            if lecture.brut(row, "axe") is None:
                lecture.erreur(number, lecture.position["axe"], "l'action n'a pas d'axe : écrivez le numéro "
                               f"de son axe (axes : {liste}).")
            else:
                lecture.erreur(number, lecture.position["axe"],
                               f"« {lecture.brut(row, 'axe')} » n'est pas un axe du plan (axes : {liste}).")
            continue
        numero_objectif = lecture.texte(number, row, "objectif")
        if numero_objectif is not None:
            objectif = objectifs.get(numero_objectif)
            if objectif is None or objectif.axe != numero_axe:
                lecture.erreur(number, lecture.position["objectif"],
                               f"« {numero_objectif} » n'est pas un objectif de l'axe {numero_axe} (objectifs"
                               f" : {', '.join(o.numero for o in plan.objectifs_de(axes[numero_axe]))}).")
                continue
        for champ, table, nom in (("statut", statuts, "statut"), ("horizon", horizons, "horizon")):
            value = lecture.texte(number, row, champ)
            if value is None:
                continue
            if plie(value) not in table:
                possibles = [s.libelle for s in plan.statuts] if champ == "statut" else [
                    h.libelle for h in plan.horizons]
                lecture.erreur(number, lecture.position[champ], f"« {value} » n'est pas un {nom} du plan "
                               f"({nom}s possibles : {', '.join(possibles) or 'aucun'}).")
                continue
            key = table[plie(value)]
            if not (champ == "statut" and key == plan.statuts[0].cle):
                action[champ] = key
        for colonne in ACTIONS:  # in the sheet's order, so that its problems are too
            if colonne.forme:  # a field the table of colonnes.py declares whole
                value = getattr(lecture, colonne.forme.lire)(number, row, colonne.champ)
            elif colonne.champ in _DATEES:
                value = lecture.datees(number, row, colonne.champ, _DATEES[colonne.champ])
            else:
                continue
            if value is not None and value != []:
                action[colonne.champ] = value
        for rang, ident_instance in enumerate(action.get("instances", [])):
            if instances is None or ident_instance not in instances:
                possibles = ", ".join(sorted(instances)) if instances else "le référentiel n'en décrit pas"
                lecture.erreur(number, lecture.position["instances"],
                               f"la ligne {rang + 1} nomme l'instance « {ident_instance} », qui n'existe "
                               f"pas (instances : {possibles}).")
        if numero_objectif is not None:
            holder = data["objectifs"][objectif_rank[numero_objectif]]
            chemin = ("objectifs", objectif_rank[numero_objectif], "actions", len(holder["actions"]))
        else:
            holder = data["axes"][axe_rank[numero_axe]]
            chemin = ("axes", axe_rank[numero_axe], "actions", len(holder["actions"]))
        holder["actions"].append(action)
        origine[chemin] = number
        par_id[ident] = action

    if FEUILLE_INDICATEURS in feuilles:
        lire_indicateurs(feuilles[FEUILLE_INDICATEURS], fichier, par_id, supprimees, erreurs,
                         [i for action in plan.actions for i in action.indicateurs])
    for entree in plan.entrees:
        if entree.action.id not in ids and entree.action.id not in supprimees:
            erreurs.append(ErreurDeCellule(
                fichier, FEUILLE_ACTIONS, None,
                f"l'action {entree.numero} « {entree.action.texte} » (identifiant {entree.action.id}) n'est "
                "plus dans la feuille. Pour la retirer du plan, remettez sa ligne et écrivez « oui » dans "
                "sa colonne « Supprimer » ; sinon, remettez sa ligne (et son identifiant) tels quels."))
    if erreurs:
        return None, erreurs
    for objectif in data.get("objectifs", []):
        if not objectif["actions"]:
            erreurs.append(ErreurDeCellule(fichier, FEUILLE_ACTIONS, None,
                                           f"l'objectif {objectif['numero']} n'a plus aucune action : "
                                           "gardez-en au moins une, ou retirez l'objectif du plan."))
    if erreurs:
        return None, erreurs
    try:
        return Plan.model_validate(data), []
    except ValidationError as error:
        return None, _localisees(error, data, origine, lecture)


def _localisees(error: ValidationError, data: dict, origine: dict[tuple, int],
                lecture: Lecture) -> list[ErreurDeCellule]:
    """Pydantic's errors, told in French and placed at the cell of the faulty field."""
    # Each finding at its own place: a validator of the plan may find several (each_problem).
    found = [problem for detail in error.errors() for problem in each_problem(detail, Plan)]
    for loc, message in found:
        row = origine.get(loc[:4])
        champ = loc[4] if len(loc) > 4 else None
        column = lecture.position.get(champ) if champ else None
        if champ in _ENTETES:  # the sheet's reader knows the column, not the field of plan.yml
            message = message.replace(f"« {champ} »", f"« {_ENTETES[champ]} »")
        if row is None:
            lecture.erreur(None, None, message)
        else:
            lecture.erreur(row, column if column is not None else lecture.position.get("texte"), message)
    return lecture.erreurs



def _numero_axe(texte: str | None, axes: dict) -> int | str | None:
    """The axe a cell names: « 2 » (or 2.0, as a spreadsheet may store it), « A » (or « a »)."""
    if texte is None:
        return None
    texte = texte.strip().removesuffix(".0")
    for numero in axes:
        if str(numero).casefold() == texte.casefold():
            return numero
    return texte


def _a_supprimer(lecture: Lecture, number: int, row, ident: str | None, anciens: set[str]) -> bool:
    """The row is marked in « Supprimer » (a problem if the mark is unclear or removes nothing)."""
    value = lecture.texte(number, row, "supprimer")
    if value is None or plie(value) in _NON:
        return False
    colonne = lecture.position["supprimer"]
    if plie(value) not in _OUI:
        lecture.erreur(number, colonne, f"« {value} » : écrivez « oui » (ou « x ») pour retirer l'action du "
                       "plan, ou laissez la case vide pour la garder.")
        return True  # neither kept nor removed: the problem stops the import
    if ident is None or ident not in anciens:
        lecture.erreur(number, colonne, "cette ligne est marquée « Supprimer » mais n'est pas une action du "
                       "plan (son identifiant " + (f"« {ident} » est inconnu" if ident else "est vide")
                       + ") : il n'y a rien à retirer. Videz la case, ou la ligne.")
    return True
