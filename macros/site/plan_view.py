"""Everything the plan's two pages show, gathered once per build for their templates."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from macros.models.plan import Axe, Objectif, Plan
from macros.plan.historique import Evolution, HistoriquePlan
from macros.plan.suivi import ActionSuivie, SuiviPlan, suivre
from macros.site.figures.plan import FiguresPlan, figures_plan


@dataclass(frozen=True)
class Telechargement:
    """A file of the plan offered for download, and what the link says of it."""

    chemin: str   # from the site's root: « telechargements/plan-bethune.ods »
    libelle: str
    format: str   # « tableur ODS »
    taille: str   # « 24 Ko »


@dataclass(frozen=True)
class InstanceLiee:
    """A governance instance an action is followed by, and where it is described."""

    nom: str
    adresse: str | None


@dataclass(frozen=True)
class VuePlan:
    """The plan, its follow-up and history, and the addresses its pages link to."""

    plan: Plan
    suivi: SuiviPlan
    figures: FiguresPlan
    historique: HistoriquePlan
    # Address of the fiches page from the plan page, and of the plan page from the fiches.
    fiches: str | None = None
    page_plan: str | None = None
    racine: str = "../"
    telechargements: tuple[Telechargement, ...] = ()
    instances: dict[str, InstanceLiee] = field(default_factory=dict)

    def suivies_de(self, axe: Axe, objectif: Objectif | None) -> list[ActionSuivie]:
        return [a for a in self.suivi.actions if a.entree.axe is axe and a.entree.objectif is objectif]

    def nombre_pilote(self, pilote: str) -> int:
        return sum(a.action.pilote == pilote for a in self.suivi.actions)

    def nombre_echeance(self, etat: str) -> int:
        return sum(a.echeance_etat == etat for a in self.suivi.actions)

    def evolutions(self, action_id: str) -> tuple[Evolution, ...]:
        return self.historique.de(action_id)


def vue_plan(plan: Plan, historique: HistoriquePlan | None = None, jour: date | None = None,
             **adresses: object) -> VuePlan:
    """The view of `plan` on `jour` (the day of the build by default); `adresses` are the
    VuePlan fields that link elsewhere (fiches, page_plan, telechargements, instances)."""
    historique = historique or HistoriquePlan(())
    suivi = suivre(plan, jour)
    figures = figures_plan(plan, suivi, historique.realisations(plan))
    return VuePlan(plan, suivi, figures, historique, **adresses)
