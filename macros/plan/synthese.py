"""The plan on one sheet for a steering committee (COPIL): where each axe stands.

Per axe and for the whole plan: the count by status, the share done (actions whose status
means « réalisé » in the plan's own vocabulary, over all its actions), the late actions with
their pilote and échéance, the next échéances, and the mean avancement with the number of
actions it is the mean of (an axe where one action of 28 states 100 % is not « 100 % done »).
The site page, the kit chapter and the « Synthèse » sheet of the spreadsheets all read this.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from macros.models.plan import Axe, Plan, StatutDuPlan
from macros.plan.suivi import ActionSuivie, Echeance, SuiviPlan

# How many late actions and coming échéances an axe lists: the summary prints on two pages;
# the rest is one link away (the plan filtered on « en retard »).
EN_RETARD_PAR_AXE = 5
A_VENIR_PAR_AXE = 2
A_VENIR_DU_PLAN = 6


@dataclass(frozen=True)
class LigneSynthese:
    """One axe (or the whole plan) as the committee reads it."""

    axe: Axe | None  # None for the whole plan
    total: int
    par_statut: tuple[int, ...]
    realisees: int
    en_retard: tuple[ActionSuivie, ...]
    a_venir: tuple[Echeance, ...]
    # Mean of the actions that state an avancement, and how many do.
    avancement: int | None
    avec_avancement: int
    nom_axe: str = "Axe"  # what the plan calls its axes (« Orientation »)

    @property
    def libelle(self) -> str:
        return f"{self.nom_axe} {self.axe.numero}. {self.axe.titre}" if self.axe else "Ensemble du plan"

    @property
    def court(self) -> str:
        """« Axe 2 », « Orientation A », « Ensemble du plan »."""
        return f"{self.nom_axe} {self.axe.numero}" if self.axe else "Ensemble du plan"

    @property
    def part_realisee(self) -> int | None:
        """The share done, in whole percent (None for an axe without actions)."""
        return round(100 * self.realisees / self.total) if self.total else None

    @property
    def retard_montre(self) -> tuple[ActionSuivie, ...]:
        return self.en_retard[:EN_RETARD_PAR_AXE]

    @property
    def retard_cache(self) -> int:
        return max(0, len(self.en_retard) - EN_RETARD_PAR_AXE)


@dataclass(frozen=True)
class Synthese:
    """The whole summary, on the day the plan is read."""

    jour: date
    statuts: tuple[StatutDuPlan, ...]
    axes: tuple[LigneSynthese, ...]
    ensemble: LigneSynthese
    # Whether any action has an échéance: without one, nothing can be late or coming.
    a_des_echeances: bool
    pilotes: bool

    @property
    def colonnes(self) -> tuple[LigneSynthese, ...]:
        """The axes, then the whole plan."""
        return (*self.axes, self.ensemble)


def _ligne(axe: Axe | None, actions: list[ActionSuivie], plan: Plan, a_venir: list[Echeance],
           combien: int) -> LigneSynthese:
    with_value = [a.action.avancement for a in actions if a.action.avancement is not None]
    return LigneSynthese(
        axe, len(actions), tuple(sum(a.statut is s for a in actions) for s in plan.statuts),
        sum(a.statut.sens == "realise" for a in actions),
        tuple(sorted((a for a in actions if a.en_retard), key=lambda a: a.action.echeance)),
        tuple(a_venir[:combien]),
        round(sum(with_value) / len(with_value)) if with_value else None, len(with_value), plan.nom_axe)


def synthese(plan: Plan, suivi: SuiviPlan) -> Synthese:
    """The summary of `plan` as `suivi` reads it (on its day)."""
    axes = []
    for axe in plan.axes:
        siennes = [a for a in suivi.actions if a.entree.axe is axe]
        venir = [e for e in suivi.a_venir if e.suivie.entree.axe is axe]
        axes.append(_ligne(axe, siennes, plan, venir, A_VENIR_PAR_AXE))
    ensemble = _ligne(None, list(suivi.actions), plan, list(suivi.a_venir), A_VENIR_DU_PLAN)
    return Synthese(suivi.jour, tuple(plan.statuts), tuple(axes), ensemble, suivi.a_des_echeances,
                    bool(suivi.pilotes))
