"""« Mes premiers jours »: the référentiel's pages as an ordered reading path.

The steps are the pages this référentiel has (`present_pages`), in the site's
order, which already goes from who we are to what we are improving. Each step
says what the page answers (its summary in `sections.PAGES`) and, where the data
allows, what the newcomer will find there, counted or named from the models.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from macros.data.loader import LoadedReferentiel
from macros.site.pages import PresentPage


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("s" if count > 1 else "")


def _names(items: list[str]) -> str:
    return ", ".join(items[:-1]) + " et " + items[-1] if len(items) > 1 else "".join(items)


# What a step shows under its summary, from the models it covers; a page names its own in
# the registry (`PageSpec.detail`).
DETAILS: dict[str, Callable[[LoadedReferentiel], str | None]] = {
    "valeurs": lambda ref: (f"Les valeurs : {_names([v.nom for v in ref.charte.valeurs])}."
                               if ref.has("charte") else None),
    "roles": lambda ref: (
        f"Les rôles : {_names([r.libelle for r in ref.charte.roles])}."
        if ref.has("charte") and ref.charte.roles else None),
    "droits": lambda ref: " et ".join(
        _plural(len(regles), mot) for regles, mot in
        ((ref.droits.obligations, "obligation"), (ref.droits.droits, "droit")) if regles) + ".",
    "gouvernance": lambda ref: (
        _plural(len(ref.gouvernance.instances), "instance")
        + (f" et le rôle de {_plural(len(ref.gouvernance.acteurs), 'acteur')}"
           if ref.gouvernance.acteurs else "") + "."
        if ref.has("gouvernance") else None),
    "circuits": lambda ref: f"{_names([c.titre for c in ref.circuits.circuits])}.",
    "note_piaa": lambda ref: (f"Les types de note : {_names(ref.note_piaa.types)}."
                                 if ref.note_piaa.types else None),
    "usagers": lambda ref: (f"Le principe : {ref.usagers.principe}."
                                        if ref.usagers.principe else None),
    # A level the plan does not have is not counted (« 2 axes, 5 actions », never « 0 objectif »).
    "plan": lambda ref: ", ".join(
        [f"{len(ref.plan.axes)} " + (ref.plan.pluriel_axes if len(ref.plan.axes) > 1
                                     else ref.plan.nom_axe.lower())]
        + [_plural(len(items), mot) for items, mot in
           ((ref.plan.objectifs, "objectif"), (ref.plan.actions, "action")) if items]) + ".",
    "smart_city": lambda ref: (
        pv.nom + (f", {pv.statut.lower()}" if pv.statut else "") + "."
        if (pv := ref.smart_city.projet_de_ville) else None),
    "document": lambda ref: f"{ref.referentiel.document.titre} ({ref.referentiel.document.date}).",
}


@dataclass(frozen=True)
class Etape:
    """One step of the path: a page to read, what it answers, what it holds."""

    page: PresentPage
    detail: str | None

    @property
    def ancre(self) -> str:
        return "etape-" + self.page.url.strip("/").replace("/", "-")


def etapes(ref: LoadedReferentiel, pages: list[PresentPage]) -> list[Etape]:
    """The reading path for this référentiel, in the site's order."""
    # Which pages are steps is said by the registry (`PageSpec.step`) and by each rubrique.
    return [Etape(page, _detail(page, ref)) for page in pages if page.step]


def _detail(page: PresentPage, ref: LoadedReferentiel) -> str | None:
    if page.rubrique:  # the sections of the page, by their titles
        titles = [bloc.titre for bloc in page.rubrique.model.blocs if bloc.titre]
        return f"{_names(titles)}." if titles else None
    return DETAILS[page.spec.detail](ref) if page.spec.detail else None
