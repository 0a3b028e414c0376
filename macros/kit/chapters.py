"""What the kit contains: one chapter per page of the site, in the site's order.

The chapters follow `sections.PAGES` through `present_pages`, so a référentiel
gets exactly the chapters whose data it has (Pas-de-Calais: the charter only).
Each chapter lists the section templates that render it, with their models.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from macros.data.loader import LoadedReferentiel
from macros.site.pages import PresentPage, present_pages
from macros.site.render import slug

# For each page of the site: the kit templates (in templates/sections/) that render
# its content, each with the key of the section whose model it receives.
CONTENTS: dict[str, tuple[tuple[str, str], ...]] = {
    "index.md": (("presentation", "referentiel"),),
    "collectivite.md": (("identite", "identite"),),
    "valeurs.md": (("raison_d_etre", "management"), ("charte", "charte"), ("management", "management")),
    "droits-obligations.md": (("droits", "droits"),),
    "gouvernance.md": (("gouvernance", "gouvernance"), ("organigramme", "organigramme")),
    "circuits.md": (("circuits", "circuits"),),
    "note-piaa.md": (("note_piaa", "note_piaa"),),
    "relation-usagers.md": (("usagers", "usagers"),),
    "plan.md": (("plan", "plan"),),
    "smart-city.md": (("smart_city", "smart_city"),),
    "glossaire.md": (("glossaire", "glossaire"),),
    "a-propos.md": (("document_source", "referentiel"), ("deliberation", "deliberation")),
}

# Pages the kit leaves out on purpose, and why (a test checks every page is either here
# or in CONTENTS, so a new page cannot be forgotten silently).
LEFT_OUT: dict[str, str] = {
    "engagements-par-role.md": "même contenu que la charte, regroupé autrement",
    "mes-premiers-jours.md": "parcours de lecture du site, avec des cases à cocher",
    "quoi-de-neuf.md": "historique des modifications du site, tiré de git",
    "accessibilite.md": "déclaration d'accessibilité du site web, pas du document",
}

# Sections of the data the kit does not print (each is about the website itself).
SECTIONS_LEFT_OUT: frozenset[str] = frozenset({"accessibilite"})

# A chapter title and summary when the page's own do not suit a printed document.
TITLES: dict[str, tuple[str, str]] = {
    "index.md": ("Le document en quelques mots",
                 "Ce qu'est ce document et l'esprit dans lequel il a été écrit."),
}


@dataclass(frozen=True)
class Part:
    """One template of a chapter and the validated model it renders."""

    template: str
    model: BaseModel


@dataclass(frozen=True)
class Chapter:
    """One chapter of the kit: a page of the site, printed."""

    title: str
    summary: str
    parts: tuple[Part, ...]

    @property
    def anchor(self) -> str:
        return "chapitre-" + slug(self.title)


def _parts(page: PresentPage, ref: LoadedReferentiel) -> tuple[Part, ...]:
    parts = [Part(template, ref.sections[key]) for template, key in CONTENTS.get(page.path, ())
             if ref.has(key)]
    if page.path == "index.md" and not ref.referentiel.presentation:
        return ()
    return tuple(parts)


def chapters(ref: LoadedReferentiel) -> list[Chapter]:
    """The kit's chapters for this référentiel, in the site's navigation order."""
    found = []
    for page in present_pages(ref):
        parts = _parts(page, ref)
        if parts:
            title, summary = TITLES.get(page.path, (page.title, page.summary))
            found.append(Chapter(title, summary, parts))
    return found
