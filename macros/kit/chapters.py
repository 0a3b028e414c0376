"""What the kit contains: one chapter per page of the site, in the site's order.

The chapters follow the pages this référentiel has (`present_pages`), so it gets exactly
the chapters whose data it has (Pas-de-Calais: the charter only), its own rubriques
included. Each page's kit pieces are said by its row of the registry (`PageSpec.kit`).
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from macros.data.loader import LoadedReferentiel
from macros.site.pages import PresentPage, present_pages
from macros.site.render import slug


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
    if page.rubrique:
        return (Part("rubrique", page.rubrique.model),)
    if page.path == "index.md" and not ref.referentiel.presentation:
        return ()
    return tuple(Part(template, ref.sections[key]) for key, template in page.spec.kit if ref.has(key))


def chapters(ref: LoadedReferentiel) -> list[Chapter]:
    """The kit's chapters for this référentiel, in the site's navigation order."""
    found = []
    for page in present_pages(ref):
        parts = _parts(page, ref)
        if parts:
            title, summary = page.spec.kit_title or (page.title, page.summary)
            found.append(Chapter(title, summary, parts))
    return found
