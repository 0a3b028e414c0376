"""The plan at a glance: actions per axe and horizon, and per status.

`repartition` counts once; the charts and the tables next to them read the
same numbers, so the picture and its text alternative cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from macros.models.plan import HORIZONS, STATUTS, Plan
from macros.site.figures.barres import Ligne, Serie, barres_empilees


@dataclass(frozen=True)
class RepartitionPlan:
    """How many actions per axe and horizon, and per status."""

    horizons: tuple[Serie, ...]
    axes: tuple[Ligne, ...]
    statuts: tuple[Serie, ...]
    par_statut: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(ligne.total for ligne in self.axes)

    @property
    def totaux_horizons(self) -> tuple[int, ...]:
        return tuple(sum(valeurs) for valeurs in zip(*(ligne.valeurs for ligne in self.axes),
                                                       strict=True))


@dataclass(frozen=True)
class FiguresPlan:
    """The two charts of the plan, and the numbers they draw."""

    repartition: RepartitionPlan
    horizons: Markup
    statuts: Markup


def repartition(plan: Plan) -> RepartitionPlan:
    """Count the plan's actions by axe × horizon and by status."""
    lignes = []
    for axe in plan.axes:
        actions = [action for objectif in plan.objectifs_de(axe) for action in objectif.actions]
        lignes.append(Ligne(f"Axe {axe.numero}. {axe.titre}",
                            tuple(sum(a.horizon == h for a in actions) for h in HORIZONS)))
    toutes = [action for _, action in plan.actions]
    return RepartitionPlan(
        horizons=tuple(Serie(cle, libelle) for cle, libelle in HORIZONS.items()),
        axes=tuple(lignes),
        statuts=tuple(Serie(cle, libelle) for cle, libelle in STATUTS.items()),
        par_statut=tuple(sum(a.statut == s for a in toutes) for s in STATUTS),
    )


def _pluriel(nombre: int, mot: str) -> str:
    return f"{nombre} {mot}{'s' if nombre > 1 else ''}"


def figures_plan(plan: Plan) -> FiguresPlan:
    """Both charts, with text alternatives that state every number."""
    r = repartition(plan)
    detail_axes = " ; ".join(
        f"{ligne.libelle} : {_pluriel(ligne.total, 'action')} ("
        + ", ".join(f"{serie.libelle.lower()} {valeur}"
                    for serie, valeur in zip(r.horizons, ligne.valeurs, strict=True)) + ")"
        for ligne in r.axes)
    horizons = barres_empilees(
        "figure-plan-horizons",
        "Actions par axe et par horizon",
        f"Barres empilées : {_pluriel(r.total, 'action')} réparties par axe, chaque barre "
        f"découpée par horizon. {detail_axes}.",
        r.horizons, r.axes)
    lignes_statut = tuple(
        Ligne(serie.libelle, tuple(valeur if rang == position else 0 for rang in range(len(r.statuts))))
        for position, (serie, valeur) in enumerate(zip(r.statuts, r.par_statut, strict=True)))
    detail_statuts = " ; ".join(f"{serie.libelle} : {valeur}"
                                for serie, valeur in zip(r.statuts, r.par_statut, strict=True))
    statuts = barres_empilees(
        "figure-plan-statuts",
        "Actions par statut",
        f"Une barre par statut, sur {_pluriel(r.total, 'action')}. {detail_statuts}.",
        r.statuts, lignes_statut, legende=False)
    return FiguresPlan(r, horizons, statuts)
