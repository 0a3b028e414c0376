"""The filters over the plan's actions, as a manager uses them: each a list of boxes to tick.

Several values of one filter widen the list (pilote A or B), two filters narrow it (pilote A
and late). « Sans pilote », « sans échéance » and the like are a value of their filter:
the empty one, which is what the rows carry when the field is empty. Only what the plan
has is offered (no horizon filter for a plan without horizons, no contributeurs filter
when no action names one). The form is rendered by plan_explorateur.md.j2 and run by
docs/assets/javascripts/plan-filtres.js.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from macros.plan.suivi import ActionSuivie


@dataclass(frozen=True)
class Option:
    """One box of a filter: the value rows carry, its label, how many actions have it."""

    valeur: str
    libelle: str
    nombre: int


@dataclass(frozen=True)
class Filtre:
    """One filter: its name in the address (`?pilote=…`), its legend, its boxes."""

    nom: str
    legende: str
    options: tuple[Option, ...]


# What a row holds for a list field (contributeurs, partenaires): its items, one a line.
SEPARATEUR = "\n"


def _par_nom(compte: Counter, sans: str | None) -> tuple[Option, ...]:
    """The named values alphabetically, then the empty one (« sans pilote ») if some action has it."""
    options = [Option(nom, nom, compte[nom]) for nom in sorted((n for n in compte if n), key=str.casefold)]
    if sans and compte[""]:
        options.append(Option("", sans, compte[""]))
    return tuple(options)


def _liste(actions: tuple[ActionSuivie, ...], champ: str) -> Counter:
    compte: Counter = Counter()
    for a in actions:
        compte.update(getattr(a.action, champ) or [""])
    return compte


def filtres(vue) -> tuple[Filtre, ...]:
    """The filters `vue` (a VuePlan) offers, in the order of the form."""
    plan, suivi = vue.plan, vue.suivi
    actions = suivi.actions
    found = [Filtre("axe", plan.nom_axe, tuple(Option(str(r.axe.numero), plan.titre_axe(r.axe), r.total)
                                               for r in suivi.resumes))]
    if plan.horizons:
        compte = Counter(a.action.horizon or "" for a in actions)
        found.append(Filtre("horizon", "Horizon", tuple(
            Option(h.cle, h.libelle, compte[h.cle]) for h in plan.horizons if compte[h.cle])
            + ((Option("", "Sans horizon", compte[""]),) if compte[""] else ())))
    found.append(Filtre("statut", "Statut", tuple(
        Option(st.cle, st.libelle, n)
        for st, n in zip(plan.statuts, suivi.total.par_statut, strict=True) if n)))
    if suivi.pilotes:
        found.append(Filtre("pilote", "Pilote", _par_nom(Counter(a.action.pilote or "" for a in actions),
                                                         "Sans pilote")))
    for champ, legende, sans in (("contributeurs", "Contributeurs", "Sans contributeur"),
                                 ("partenaires", "Partenaires", "Sans partenaire")):
        compte = _liste(actions, champ)
        if any(compte[n] for n in compte if n):
            found.append(Filtre(champ, legende, _par_nom(compte, sans)))
    if suivi.a_des_echeances:
        etats = Counter(a.echeance_etat for a in actions)
        options = [Option("retard", "En retard", len(suivi.en_retard)),
                   Option("depassee", "Dépassée", etats["depassee"]),
                   Option("proche", "Dans les 3 mois", etats["proche"]),
                   Option("plus-tard", "Plus tard", etats["plus-tard"]),
                   Option("aucune", "Sans échéance", etats["aucune"])]
        found.append(Filtre("echeance", "Échéance", tuple(o for o in options if o.nombre)))
    return tuple(found)


def valeurs_de_liste(items: list[str]) -> str:
    """What a row's `data-contributeurs` holds: its items, or the empty value when it has none."""
    return SEPARATEUR.join(items)
