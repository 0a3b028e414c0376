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

# Pages that are not part of the reading path: the home page, this page itself, and
# pages about the website rather than the organisation.
NOT_STEPS = frozenset({"index.md", "mes-premiers-jours.md", "quoi-de-neuf.md", "accessibilite.md"})


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("s" if count > 1 else "")


def _names(items: list[str]) -> str:
    return ", ".join(items[:-1]) + " et " + items[-1] if len(items) > 1 else "".join(items)


# What a step shows under its summary, from the models of the sections it covers.
_DETAILS: dict[str, Callable[[LoadedReferentiel], str | None]] = {
    "valeurs.md": lambda ref: (f"Les valeurs : {_names([v.nom for v in ref.charte.valeurs])}."
                               if ref.has("charte") else None),
    "engagements-par-role.md": lambda ref: (
        f"Les rôles : {_names([r.lecteur for r in ref.charte.roles])}." if ref.has("charte") else None),
    "droits-obligations.md": lambda ref: (
        f"{_plural(len(ref.droits.obligations), 'obligation')} et "
        f"{_plural(len(ref.droits.droits), 'droit')}."),
    "gouvernance.md": lambda ref: (
        f"{_plural(len(ref.gouvernance.instances), 'instance')} et le rôle de "
        f"{_plural(len(ref.gouvernance.acteurs), 'acteur')}." if ref.has("gouvernance") else None),
    "circuits.md": lambda ref: f"{_names([c.titre for c in ref.circuits.circuits])}.",
    "note-piaa.md": lambda ref: f"Les types de note : {_names(ref.note_piaa.types)}.",
    "relation-usagers.md": lambda ref: f"Le principe : {ref.usagers.principe}.",
    "plan.md": lambda ref: (f"{_plural(len(ref.plan.axes), 'axe')}, "
                            f"{_plural(len(ref.plan.objectifs), 'objectif')}, "
                            f"{_plural(len(ref.plan.actions), 'action')}."),
    "smart-city.md": lambda ref: f"{ref.smart_city.projet_de_ville.nom}, "
                                 f"{ref.smart_city.projet_de_ville.statut.lower()}.",
    "a-propos.md": lambda ref: f"{ref.referentiel.document.titre} ({ref.referentiel.document.date}).",
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
    return [Etape(page, _DETAILS[page.path](ref) if page.path in _DETAILS else None)
            for page in pages if page.path not in NOT_STEPS]
