"""Everything the plan's two pages show, gathered once per build for their templates."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

from macros.models.plan import Axe, EntreeDuPlan, Objectif, Plan
from macros.models.plan_action import Action
from macros.plan.fiche import champs_en_plus
from macros.plan.historique import Evolution, HistoriquePlan
from macros.plan.suivi import ActionSuivie, SuiviPlan, suivre
from macros.plan.synthese import Synthese, synthese
from macros.site.figures.plan import FiguresPlan, figures_plan
from macros.text.francais import kilo_octets

# How many changes of the plan « Quoi de neuf » lists.
RECENTES = 40
# How many of its pilote's other actions a fiche lists (the plan filtered on the pilote has
# them all): a pilote of 2 000 actions in `make bench` would make every fiche a long list.
AUTRES_MONTREES = 10


@dataclass(frozen=True)
class Telechargement:
    """A file of the plan offered for download, and what the link says of it."""

    chemin: str   # from the site's root: « telechargements/plan-bethune.ods »
    libelle: str
    taille: str   # « 24 Ko »


# Where the build writes the plan's spreadsheets, from the site's root.
DOSSIER_TELECHARGEMENTS = "telechargements"
_LIBELLES = {".ods": "Le plan au format ODS (LibreOffice, OpenOffice)",
             ".xlsx": "Le plan au format XLSX (Excel)",
             ".csv": "Le plan au format CSV (UTF-8, séparateur « ; »)"}


def telechargement(nom: str, taille: int) -> Telechargement:
    """The link to one of the plan's files: what it is, and its size in Ko (rounded up)."""
    suffix = nom[nom.rfind("."):]
    libelle = ("Les indicateurs au format CSV (UTF-8, séparateur « ; »)" if nom.endswith("-indicateurs.csv")
               else _LIBELLES[suffix])
    return Telechargement(f"{DOSSIER_TELECHARGEMENTS}/{nom}", libelle,
                          f"{kilo_octets(taille)}\u00a0Ko")


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
    page_synthese: str | None = None
    racine: str = "../"
    telechargements: tuple[Telechargement, ...] = ()
    instances: dict[str, InstanceLiee] = field(default_factory=dict)
    autres_montrees: int = AUTRES_MONTREES

    @cached_property
    def synthese(self) -> Synthese:
        """The COPIL summary (its page, its kit chapter and its sheet read the same)."""
        return synthese(self.plan, self.suivi)

    @cached_property
    def filtres(self) -> tuple:
        """The filters of the plan's lists (macros/site/plan_filtres.py)."""
        from macros.site.plan_filtres import filtres

        return filtres(self)

    @cached_property
    def _par_pilote(self) -> dict[str, list[ActionSuivie]]:
        found: dict[str, list[ActionSuivie]] = {}
        for a in self.suivi.actions:
            if a.action.pilote:
                found.setdefault(a.action.pilote, []).append(a)
        return found

    def du_pilote(self, pilote: str) -> list[ActionSuivie]:
        """The actions `pilote` leads, in the plan's order."""
        return self._par_pilote.get(pilote, [])

    @cached_property
    def par_id(self) -> dict[str, ActionSuivie]:
        return {a.action.id: a for a in self.suivi.actions}

    def fiche(self, a: ActionSuivie) -> str | None:
        """The address of an action's own page (`fiches-actions/<id>/`), from this view's pages."""
        return f"{self.fiches}{a.action.id}/" if self.fiches else None

    def plus_profonde(self) -> VuePlan:
        """The same view for pages one folder deeper (a fiche's page): every address gets « ../ »."""
        def deeper(adresse: str | None) -> str | None:
            return None if adresse is None else "../" + adresse

        return replace(self, fiches=deeper(self.fiches), page_plan=deeper(self.page_plan),
                       page_synthese=deeper(self.page_synthese), racine="../" + self.racine,
                       instances={cle: InstanceLiee(i.nom, deeper(i.adresse))
                                  for cle, i in self.instances.items()})

    def suivies_de(self, axe: Axe, objectif: Objectif | None) -> list[ActionSuivie]:
        """The actions of one table: an objectif's, or those an axe holds directly."""
        return self.suivi.de(axe, objectif)

    def champs_en_plus(self, action: Action) -> list[tuple[str, str]]:
        """The fiche's fields declared once (budget, financeurs…) that the action fills."""
        return champs_en_plus(action)

    def evolutions(self, action_id: str) -> tuple[Evolution, ...]:
        return self.historique.de(action_id)

    def recentes(self, combien: int = RECENTES) -> EvolutionsRecentes:
        """The latest changes of status or avancement, newest first, for « Quoi de neuf »."""
        par_id = {entree.action.id: entree for entree in self.plan.entrees}
        found = [(e, par_id[e.action]) for e in reversed(self.historique.evolutions) if e.action in par_id]
        return EvolutionsRecentes(tuple(found[:combien]), self.fiches)


@dataclass(frozen=True)
class EvolutionsRecentes:
    """The plan's latest changes, each with the action it is about (still in the plan)."""

    evolutions: tuple[tuple[Evolution, EntreeDuPlan], ...]
    fiches: str | None


def vue_plan(plan: Plan, historique: HistoriquePlan | None = None, jour: date | None = None,
             **adresses: object) -> VuePlan:
    """The view of `plan` on `jour` (the day of the build by default); `adresses` are the
    VuePlan fields that link elsewhere (fiches, page_plan, telechargements, instances)."""
    historique = historique or HistoriquePlan(())
    suivi = suivre(plan, jour)
    figures = figures_plan(plan, suivi, historique.realisations(plan))
    return VuePlan(plan, suivi, figures, historique, **adresses)
