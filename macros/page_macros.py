"""The macros pages call: one per kind of content, each a thin call to a fragment.

A macro whose section is absent from the référentiel returns an empty string, so
a page never shows an empty heading; the page itself is dropped by the hooks
when none of its sections is present.
"""

from __future__ import annotations

from collections.abc import Callable

from .context import PresentPage
from .loader import LoadedReferentiel
from .render import fragment


def build_macros(ref: LoadedReferentiel, pages: list[PresentPage]) -> dict[str, Callable[[], str]]:
    """Macros for this référentiel, by the name pages call them."""
    urls = {page.path: page.url for page in pages}

    def relative(path: str) -> str | None:
        # Pages live one folder deep (use_directory_urls): links go through "../".
        return None if path not in urls else "../" + urls[path]

    def section(key: str, template: str, *extra: object) -> Callable[[], str]:
        def macro() -> str:
            return fragment(template, ref.sections[key], *extra) if ref.has(key) else ""
        macro.__name__ = template
        return macro

    def accueil() -> str:
        return fragment("accueil", ref.referentiel, [p for p in pages if p.path != "index.md"])

    def raison_d_etre() -> str:
        return fragment("management", ref.management, macro="intro") if ref.has("management") else ""

    def a_propos() -> str:
        return fragment("a_propos", ref.referentiel, ref.sections.get("deliberation"))

    return {
        "accueil": accueil,
        "identite": section("identite", "identite"),
        "raison_d_etre": raison_d_etre,
        "charte": lambda: (fragment("charte", ref.charte, relative("engagements-par-role.md"))
                           if ref.has("charte") else ""),
        "management": section("management", "management"),
        "engagements_par_role": section("charte", "roles"),
        "droits_obligations": section("droits", "droits"),
        "gouvernance": section("gouvernance", "gouvernance"),
        "organigramme": section("organigramme", "organigramme"),
        "circuits": lambda: (fragment("circuits", ref.circuits, relative("note-piaa.md"))
                             if ref.has("circuits") else ""),
        "note_piaa": section("note_piaa", "note_piaa"),
        "relation_usagers": section("usagers", "usagers"),
        "plan": section("plan", "plan"),
        "smart_city": section("smart_city", "smart_city"),
        "a_propos": a_propos,
    }

