"""The macros pages call: one per kind of content, each a thin call to a fragment.

A macro whose section is absent from the référentiel returns an empty string, so
a page never shows an empty heading; the page itself is dropped by the hooks
when none of its sections is present.
"""

from __future__ import annotations

from collections.abc import Callable

from macros.history import news as history
from macros.site.pages import PresentPage
from macros.kit import KIT_FILENAME, label_for
from macros.kit.parcours import etapes
from macros.data.loader import LoadedReferentiel
from macros.models.glossaire import entrees
from macros.site.render import fragment
from macros.registry import SECTIONS

# How many recent changes the home page lists.
HOME_CHANGES = 3


def build_macros(ref: LoadedReferentiel, pages: list[PresentPage]) -> dict[str, Callable[[], str]]:
    """Macros for this référentiel, by the name pages call them."""
    urls = {page.path: page.url for page in pages}
    # Data file name → (title, path) of the first page showing it, to name and link what changed.
    pages_by_file: dict[str, tuple[str, str]] = {}
    for page in pages:
        for section in SECTIONS:
            if section.key in page.spec.sections and page.path != "quoi-de-neuf.md":
                pages_by_file.setdefault(section.filename, (page.title, page.path))
    titles = {name: (title, urls[path]) for name, (title, path) in pages_by_file.items()}

    def relative(path: str) -> str | None:
        # Pages live one folder deep (use_directory_urls): links go through "../".
        return None if path not in urls else "../" + urls[path]

    def section(key: str, template: str, *extra: object) -> Callable[[], str]:
        def macro() -> str:
            return fragment(template, ref.sections[key], *extra) if ref.has(key) else ""
        macro.__name__ = template
        return macro

    def accueil() -> str:
        # The kit's figures, or a placeholder the hooks replace once the kit is made
        # (macros/kit/pdf.py): the link always gives the real figures of the file.
        home = fragment("accueil", ref.referentiel, [p for p in pages if p.path != "index.md"],
                        label_for(ref), KIT_FILENAME)
        # The latest few changes, with a link to the « Quoi de neuf » page.
        latest = history.modifications(ref.folder)[:HOME_CHANGES]
        return home + (fragment("quoi_de_neuf", latest, titles, urls["quoi-de-neuf.md"],
                                macro="apercu") if latest and "quoi-de-neuf.md" in urls else "")

    def quoi_de_neuf() -> str:
        return fragment("quoi_de_neuf", history.by_day(history.modifications(ref.folder)),
                        {name: (title, relative(path)) for name, (title, path) in pages_by_file.items()},
                        history.in_git(ref.folder))

    def premiers_jours() -> str:
        return fragment("premiers_jours", ref.slug, etapes(ref, pages), label_for(ref),
                        "../" + KIT_FILENAME)

    def raison_d_etre() -> str:
        return fragment("management", ref.management, macro="intro") if ref.has("management") else ""

    def a_propos() -> str:
        # The source document kept in the référentiel's folder, named as in the repository.
        source = f"data/{ref.slug}/source/{ref.referentiel.document.fichier}"
        return fragment("a_propos", ref.referentiel, ref.sections.get("deliberation"), source)

    def glossaire() -> str:
        # Acronyms of glossaire.yml plus the instances' sigles of gouvernance.yml.
        return (fragment("glossaire", entrees(ref.glossaire, ref.sections.get("gouvernance")))
                if ref.has("glossaire") else "")

    def declaration_accessibilite() -> str:
        # The statement lists every page of the site: all are checked by the browser tests.
        return (fragment("accessibilite", ref.accessibilite, ref.referentiel, pages)
                if ref.has("accessibilite") else "")

    return {
        "accueil": accueil,
        "premiers_jours": premiers_jours,
        "identite": section("identite", "identite"),
        "raison_d_etre": raison_d_etre,
        "charte": lambda: (fragment("charte", ref.charte, relative("engagements-par-role.md"))
                           if ref.has("charte") else ""),
        "management": section("management", "management"),
        "engagements_par_role": section("charte", "roles"),
        "droits_obligations": section("droits", "droits"),
        "gouvernance": lambda: (
            fragment("gouvernance", ref.gouvernance, _figures_gouvernance(ref.gouvernance))
            if ref.has("gouvernance") else ""),
        "organigramme": section("organigramme", "organigramme"),
        "circuits": lambda: (fragment("circuits", ref.circuits, relative("note-piaa.md"),
                                      ref.sections.get("note_piaa"))
                             if ref.has("circuits") else ""),
        "note_piaa": section("note_piaa", "note_piaa"),
        "relation_usagers": section("usagers", "usagers"),
        "plan": lambda: fragment("plan", ref.plan, _figures_plan(ref.plan)) if ref.has("plan") else "",
        "smart_city": section("smart_city", "smart_city"),
        "a_propos": a_propos,
        "quoi_de_neuf": quoi_de_neuf,
        "declaration_accessibilite": declaration_accessibilite,
        "glossaire": glossaire,
    }


# The figures import the models they draw: only référentiels with those sections load them.
def _figures_gouvernance(gouvernance):
    from macros.site.figures.gouvernance import figures_gouvernance

    return figures_gouvernance(gouvernance)


def _figures_plan(plan):
    from macros.site.figures.plan import figures_plan

    return figures_plan(plan)
