"""The plan as managers follow it: what is late, what falls due soon, where each axe stands.

Everything is computed from the data and the day of the build (« en retard » is never
typed): an action is late once its échéance is past and its status is neither « réalisé »
nor « abandonné » in the plan's own vocabulary. An échéance known to the month or the
year (« juin 2026 », « 2028 ») is past once its whole period is: the plan gave no earlier day.
`SOCLE_AUJOURDHUI` (AAAA-MM-JJ) fixes the day, so that a build can be reproduced and the
tests know what « dans les 3 mois » means.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from macros.models.dates import DateDocument
from macros.models.plan import SENS_TERMINES, Axe, EntreeDuPlan, Objectif, Plan, StatutDuPlan

# « Dans les 3 mois »: échéances and jalons this close are listed as coming.
PROCHE = timedelta(days=92)


def aujourdhui() -> date:
    """The day the build reads the plan on."""
    fixed = os.environ.get("SOCLE_AUJOURDHUI", "").strip()
    if fixed:
        try:
            return date.fromisoformat(fixed)
        except ValueError:
            pass  # an unreadable override is ignored: the real day is always right
    return date.today()


@dataclass(frozen=True)
class ActionSuivie:
    """An action, its place, and what the day of the build says about it."""

    entree: EntreeDuPlan
    statut: StatutDuPlan
    en_retard: bool
    # « depassee », « proche » (within 3 months), « plus-tard » or « aucune ».
    echeance_etat: str

    @property
    def action(self):
        return self.entree.action


@dataclass(frozen=True)
class ResumeAxe:
    """One axe's actions counted by status, its late ones and its mean avancement."""

    axe: Axe | None  # None for the whole plan
    total: int
    par_statut: tuple[int, ...]
    en_retard: int
    # Mean of the actions that state an avancement, and how many do.
    avancement: int | None
    avec_avancement: int


@dataclass(frozen=True)
class Echeance:
    """A date to come: an action's échéance or one of its jalons."""

    quand: DateDocument  # as the plan writes it: a day, a month or a year
    quoi: str  # « Échéance » or the jalon's label
    suivie: ActionSuivie


@dataclass(frozen=True)
class SuiviPlan:
    """Every view of the follow-up, computed once per build."""

    jour: date
    actions: tuple[ActionSuivie, ...]
    resumes: tuple[ResumeAxe, ...]
    a_venir: tuple[Echeance, ...]
    pilotes: tuple[str, ...]
    # Whether any action has an échéance (else the tables have no « Échéance » column).
    a_des_echeances: bool

    def de(self, axe: Axe, objectif: Objectif | None) -> list[ActionSuivie]:
        """The actions of one group: an objectif's, or those an axe holds directly."""
        return self._groupes.get((id(axe), id(objectif)), [])

    @cached_property
    def _groupes(self) -> dict[tuple[int, int], list[ActionSuivie]]:
        groupes: dict[tuple[int, int], list[ActionSuivie]] = {}
        for a in self.actions:
            groupes.setdefault((id(a.entree.axe), id(a.entree.objectif)), []).append(a)
        return groupes

    @cached_property
    def en_retard(self) -> tuple[ActionSuivie, ...]:
        return tuple(a for a in self.actions if a.en_retard)

    @cached_property
    def total(self) -> ResumeAxe | None:
        """The whole plan as one more line of the summary."""
        if not self.resumes:
            return None
        with_value = [a.action.avancement for a in self.actions if a.action.avancement is not None]
        return ResumeAxe(
            axe=None, total=len(self.actions),
            par_statut=tuple(sum(column) for column in zip(*(r.par_statut for r in self.resumes),
                                                             strict=True)),
            en_retard=len(self.en_retard),
            avancement=round(sum(with_value) / len(with_value)) if with_value else None,
            avec_avancement=len(with_value))


def _etat(echeance: DateDocument | None, jour: date) -> str:
    if echeance is None:
        return "aucune"
    if echeance.fin < jour:
        return "depassee"
    return "proche" if echeance.debut <= jour + PROCHE else "plus-tard"


def suivre(plan: Plan, jour: date | None = None) -> SuiviPlan:
    """The follow-up of `plan` on `jour` (the day of the build by default)."""
    jour = jour or aujourdhui()
    actions = []
    for entree in plan.entrees:
        statut = plan.statut_de(entree.action)
        echeance = entree.action.echeance
        termine = statut.sens in SENS_TERMINES
        actions.append(ActionSuivie(
            entree, statut,
            en_retard=echeance is not None and echeance.fin < jour and not termine,
            echeance_etat=_etat(echeance, jour)))
    resumes = []
    for axe in plan.axes:
        siennes = [a for a in actions if a.entree.axe is axe]
        with_value = [a.action.avancement for a in siennes if a.action.avancement is not None]
        resumes.append(ResumeAxe(
            axe, len(siennes), tuple(sum(a.statut is s for a in siennes) for s in plan.statuts),
            sum(a.en_retard for a in siennes),
            round(sum(with_value) / len(with_value)) if with_value else None, len(with_value)))
    a_venir = []
    for suivie in actions:
        if suivie.statut.sens in SENS_TERMINES:
            continue
        action = suivie.action
        if action.echeance and action.echeance.fin >= jour:
            a_venir.append(Echeance(action.echeance, "Échéance", suivie))
        a_venir += [Echeance(j.date, j.libelle, suivie) for j in action.jalons if j.date.fin >= jour]
    a_venir.sort(key=lambda e: e.quand)
    pilotes = sorted({a.action.pilote for a in actions if a.action.pilote}, key=str.casefold)
    return SuiviPlan(jour, tuple(actions), tuple(resumes), tuple(a_venir), tuple(pilotes),
                     any(a.action.echeance for a in actions))
