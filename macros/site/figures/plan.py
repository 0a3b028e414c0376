"""The plan at a glance: actions per axe and horizon, per axe and status, realised per month.

The counts come from the follow-up (macros/plan/suivi.py) or the history
(macros/plan/historique.py); the charts and the tables next to them read the same numbers,
so the picture and its text alternative cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from macros.models.plan import Plan
from macros.plan.historique import ParMois
from macros.plan.suivi import SuiviPlan
from macros.site.figures.barres import Ligne, Serie, barres_empilees
from macros.site.figures.svg import TEINTES

# A status's tone says what it means, whatever the organisation calls it.
TEINTE_DU_SENS = {"realise": "fort", "en-cours": "moyen", "a-venir": "clair",
                  "non-renseigne": "neutre", "en-pause": "chaud", "abandonne": "sombre"}


@dataclass(frozen=True)
class RepartitionHorizons:
    """How many actions per axe and horizon."""

    horizons: tuple[Serie, ...]
    axes: tuple[Ligne, ...]

    @property
    def total(self) -> int:
        return sum(ligne.total for ligne in self.axes)

    @property
    def totaux(self) -> tuple[int, ...]:
        return tuple(sum(valeurs) for valeurs in zip(*(ligne.valeurs for ligne in self.axes),
                                                       strict=True))


@dataclass(frozen=True)
class FiguresPlan:
    """The charts of the plan page, and the numbers they draw."""

    statuts: tuple[Serie, ...]
    par_statut: Markup
    repartition: RepartitionHorizons | None
    horizons: Markup | None
    realisations: ParMois | None
    par_mois: Markup | None


def _pluriel(nombre: int, mot: str) -> str:
    return f"{nombre} {mot}{'s' if nombre > 1 else ''}"


def _detail(lignes: tuple[Ligne, ...], series: tuple[Serie, ...]) -> str:
    return " ; ".join(
        f"{ligne.libelle} : {_pluriel(ligne.total, 'action')} ("
        + ", ".join(f"{serie.libelle.lower()} {valeur}"
                    for serie, valeur in zip(series, ligne.valeurs, strict=True) if valeur) + ")"
        for ligne in lignes)


def series_statuts(plan: Plan) -> tuple[Serie, ...]:
    return tuple(Serie(s.cle, s.libelle, TEINTE_DU_SENS[s.sens]) for s in plan.statuts)


def figures_plan(plan: Plan, suivi: SuiviPlan, realisations: ParMois | None) -> FiguresPlan:
    """Every chart, each with a text alternative that states its numbers."""
    statuts = series_statuts(plan)
    lignes = tuple(Ligne(plan.titre_axe(r.axe), r.par_statut) for r in suivi.resumes)
    par_statut = barres_empilees(
        "figure-plan-statuts", f"Actions par {plan.mot_axe} et par statut",
        f"Barres empilées : {_pluriel(len(suivi.actions), 'action')} réparties par {plan.mot_axe}, "
        f"chaque barre découpée par statut. {_detail(lignes, statuts)}.", statuts, lignes)
    repartition = horizons = None
    if plan.horizons:
        series = tuple(Serie(h.cle, h.libelle, TEINTES[rang % len(TEINTES)])
                       for rang, h in enumerate(plan.horizons))
        axes = tuple(Ligne(plan.titre_axe(r.axe),
                           tuple(sum(a.entree.axe is r.axe and a.action.horizon == h.cle
                                     for a in suivi.actions) for h in plan.horizons))
                     for r in suivi.resumes)
        repartition = RepartitionHorizons(series, axes)
        horizons = barres_empilees(
            "figure-plan-horizons", f"Actions par {plan.mot_axe} et par horizon",
            f"Barres empilées : {_pluriel(repartition.total, 'action')} réparties par {plan.mot_axe}, chaque "
            f"barre découpée par horizon. {_detail(axes, series)}.", series, axes)
    par_mois = None
    if realisations and realisations.mois:
        serie = (Serie("realise", "Réalisées", "fort"),)
        mois = tuple(Ligne(m.libelle, (m.nombre,)) for m in realisations.mois)
        par_mois = barres_empilees(
            "figure-plan-mois", "Actions réalisées par mois",
            "Une barre par mois : " + " ; ".join(f"{m.libelle} : {_pluriel(m.nombre, 'action')}"
                                               for m in realisations.mois) + ".",
            serie, mois, legende=False)
    return FiguresPlan(statuts, par_statut, repartition, horizons, realisations, par_mois)
