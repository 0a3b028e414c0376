"""What an import changed, said action by action, so that the person who imports can check it.

« 1 action ajoutée, 2 modifiées, 1 retirée », then one line per action named by its number
and its text (and its id for a removed one, which the sheet no longer shows): a removal or a
change that was not meant is seen before the file is proposed.
"""

from __future__ import annotations

from macros.models.plan import Plan
from macros.models.plan_action import Action
from macros.plan.tableur.colonnes import ACTIONS

_TEXTE_MAX = 70  # characters of an action's text on its line of the summary


def _accord(n: int, mot: str) -> str:
    """« 0 retirée », « 1 modifiée », « 3 modifiées »: each word agrees with the number."""
    return f"{n} {' '.join(m + ('s' if n > 1 else '') for m in mot.split())}"


def _ligne(numero: str, texte: str) -> str:
    court = texte if len(texte) <= _TEXTE_MAX else texte[:_TEXTE_MAX - 1].rstrip() + "…"
    return f"{numero} « {court} »"


# An action's fields named as the columns of the sheet name them.
_NOMS = {c.champ: c.entete for c in ACTIONS} | {"indicateurs": "Indicateurs", "axe": "Axe"}


def _champs_changes(avant: Action, apres: Action) -> str:
    """« Statut, Pilote »: the fields that differ, so that a change not meant is seen."""
    noms = [_NOMS.get(champ, champ) for champ in type(apres).model_fields
            if getattr(avant, champ) != getattr(apres, champ)]
    return ", ".join(noms)


def _place(entree) -> tuple:
    """Where an action sits: its axis and objective (its rank alone changes with its neighbours)."""
    return entree.axe.numero, entree.objectif.numero if entree.objectif else None


def resume(avant: Plan, apres: Plan) -> tuple[str, list[str]]:
    """The counts (« 2 actions ajoutées, 1 modifiée, 0 retirée »), then one line per action."""
    old = {e.action.id: e for e in avant.entrees}
    new = {e.action.id: e for e in apres.entrees}
    added = [e for ident, e in new.items() if ident not in old]
    removed = [e for ident, e in old.items() if ident not in new]
    changed = [e for ident, e in new.items() if ident in old and old[ident].action != e.action]
    places = [e.action.id for e in avant.entrees] != [e.action.id for e in apres.entrees]
    text = (f"{_accord(len(added), 'action ajoutée')}, {_accord(len(changed), 'modifiée')}, "
            f"{_accord(len(removed), 'retirée')}")
    if places and not (added or removed):
        text += " ; ordre des actions changé"
    lines = [f"ajoutée : {_ligne(e.numero, e.action.texte)}" for e in added]
    lines += [f"modifiée : {_ligne(e.numero, e.action.texte)} "
              f"({_champs_changes(old[e.action.id].action, e.action)})" for e in changed]
    lines += [f"déplacée : {old[ident].numero} → {_ligne(e.numero, e.action.texte)}"
              for ident, e in new.items() if ident in old and _place(old[ident]) != _place(e)]
    lines += [f"retirée : {_ligne(e.numero, e.action.texte)} (identifiant {e.action.id})" for e in removed]
    return text, lines
