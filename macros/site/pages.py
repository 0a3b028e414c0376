"""The pages a référentiel has, in navigation order, with their titles and addresses.

Registry pages (`registry.PAGES`) whose data is present, then the organisation's own
rubriques, sorted on one position scale. The organisation's `referentiel.yml` may rename a
page, give it another summary or position, or leave it out (`pages:`); generic titles
follow what the organisation is (« Notre commune », « Notre syndicat »).
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from macros.data.loader import LoadedReferentiel, LoadedRubrique
from macros.registry import PAGES, RUBRIQUE_POSITION, PageSpec


@dataclass(frozen=True)
class PresentPage:
    """A page that this référentiel has, as this organisation names it."""

    spec: PageSpec
    title: str
    summary: str
    position: int
    rubrique: LoadedRubrique | None = None

    @property
    def path(self) -> str:
        return self.spec.path

    @property
    def step(self) -> bool:
        """Whether « Mes premiers jours » lists it (a rubrique's `etape`, in its spec)."""
        return self.spec.step

    @property
    def url(self) -> str:
        """URL relative to the site root, as MkDocs writes it (use_directory_urls)."""
        if self.spec.path == "index.md":
            return ""
        return self.spec.path.removesuffix(".md") + "/"


def _rubrique_page(rubrique: LoadedRubrique) -> PresentPage:
    model = rubrique.model
    spec = PageSpec(f"{rubrique.id}.md", model.titre, model.resume or "",
                    model.position if model.position is not None else RUBRIQUE_POSITION,
                    ("rubrique",), body=(), kit=(("rubrique", "rubrique"),), step=model.etape)
    return PresentPage(spec, spec.title, spec.summary, spec.position, rubrique)


def default_title(spec: PageSpec, referentiel: LoadedReferentiel) -> str:
    """The registry's title, said of this organisation where it names what it is."""
    unsaid = _unsaid(spec, referentiel)
    title = unsaid[0] if unsaid else spec.title
    return title.replace("{nature}", referentiel.referentiel.organisation.nature_nom)


def default_summary(spec: PageSpec, referentiel: LoadedReferentiel) -> str:
    unsaid = _unsaid(spec, referentiel)
    summary = unsaid[1] if unsaid else spec.summary
    # The registry writes « {axe} » where the plan's own word goes (« orientation par orientation »).
    mot = referentiel.plan.mot_axe if referentiel.has("plan") else "axe"
    return summary.replace("{axe}", mot)


def _unsaid(spec: PageSpec, referentiel: LoadedReferentiel) -> tuple[str, str] | None:
    """The other title and summary of a page whose data never says the word its own use."""
    if spec.unless_said is None:
        return None
    word, title, summary = spec.unless_said
    said = any(word in text.casefold() for key in spec.kinds if referentiel.has(key)
               for text in _texts(referentiel.sections[key].model_dump()))
    return None if said else (title, summary)


def _texts(value: object) -> list[str]:
    """Every text of a dumped model: its values, never its field names."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    return [text for item in value for text in _texts(item)] if isinstance(value, list) else []


def present_pages(referentiel: LoadedReferentiel) -> list[PresentPage]:
    """Pages whose data this référentiel has, in navigation order."""
    settings = referentiel.referentiel.pages
    found = []
    for spec in PAGES:
        if not any(referentiel.has(key) for key in spec.kinds):
            continue
        own = settings.get(spec.key)
        if own is not None and own.masquer:
            continue
        found.append(PresentPage(
            spec,
            own.titre if own and own.titre else default_title(spec, referentiel),
            own.resume if own and own.resume else default_summary(spec, referentiel),
            own.position if own and own.position is not None else spec.position))
    found += [_rubrique_page(rubrique) for rubrique in referentiel.rubriques]
    # Stable: pages with the same position keep the registry's order, then the rubriques'.
    return sorted(found, key=lambda page: page.position)


def as_theme_text(text: str) -> str:
    """A title for the theme, which writes titles as HTML in text and escapes them in attributes."""
    return html.escape(text, quote=False)


def page_markdown(page: PresentPage) -> str:
    """The Markdown source of a page: Material's options, its title, the macros of its body.

    Pages are made from the registry rather than written in docs/: a title an organisation
    gives its page is the page's heading too, and a new kind needs no page file. The body is
    rendered by mkdocs-macros as a Jinja template: no text of the data is written in it (the
    heading is a macro's output); the title goes in the header, which MkDocs reads as YAML
    only (and which Socle holds aside while mkdocs-macros renders: macros/mkdocs/macros_env.py).
    """
    from macros.site.page_macros import macro_name  # the page macros import this module

    spec = page.spec
    # The header is read by MkDocs as YAML, never by Jinja: a JSON string is YAML too.
    header = [f"title: {json.dumps(as_theme_text(page.title), ensure_ascii=False)}",
              # The body is a template for mkdocs-macros, which renders only the pages that
              # opt in (render_by_default: false in mkdocs.yml).
              "render_macros: true"]
    if spec.hide_toc:
        header.append("hide: [toc]")
    if spec.search_boost is not None:
        header.append(f"search: {{boost: {spec.search_boost}}}")
    lines = ["---", *header, "---", "", f'# {{{{ titre("{spec.path}") }}}}', ""]
    if spec.intro:
        lines += [spec.intro, ""]
    if page.rubrique:
        lines.append(f'{{{{ rubrique("{page.rubrique.id}") }}}}')
    lines += [f"{{{{ {macro_name(piece)}() }}}}\n" for piece in spec.body]
    return "\n".join(lines).rstrip() + "\n"


# Each fiche's title is its action's text, which the plan's tables already hold: Material
# weighs a title match 1 000 times a text match and a page's own entry 2.5 times a section
# (its worker's score), so a fiche came first for « COPIL », « QVT » or « télétravail »
# (hit@1 0.84 on Béthune's 77 queries at 0.001, 0.92 at 0.0001; tests/browser/test_search.py).
# The fiche is still found, under its own title.
SOUS_PAGE_BOOST = 0.0001


@dataclass(frozen=True)
class SousPage:
    """A page of its own for one item of a page's kind (a fiche: `fiches-actions/<id>/`)."""

    parent: PresentPage
    identifiant: str
    title: str

    @property
    def path(self) -> str:
        return f"{self.parent.path.removesuffix('.md')}/{self.identifiant}.md"

    @property
    def url(self) -> str:
        return self.path.removesuffix(".md") + "/"


def sous_pages(referentiel: LoadedReferentiel, pages: list[PresentPage]) -> list[SousPage]:
    """The pages of the items of the pages that have one per item (`PageSpec.une_page_par`)."""
    found = []
    for page in pages:
        if page.spec.une_page_par == "action" and referentiel.has("plan"):
            found += [SousPage(page, entree.action.id, f"{entree.numero} {entree.action.texte}")
                      for entree in referentiel.plan.entrees]
    return found


# The page macros that take the identifiant of the page's item, in the order of its body
# (the others take nothing but `titre` and `rubrique`, which take the page's path and the
# rubrique's id).
MACROS_DE_SOUS_PAGE = ("titre_fiche", "fiche")


# Up to this many fiches, each fiche's page has its own entry in the search index; beyond,
# the fiches' pages are left out of it (`search: exclude`, Material) and an action is found
# by its row on the plan page, which links to its fiche. Material's search builds its index
# in the browser, at a cost that follows the number of entries more than their length:
# `make bench`'s ×100 plan (13 800 fiches, 25 000 entries) made the search answer after
# 20 s on a loaded machine, 8 s without the fiches' 13 800 entries (ARCHITECTURE.md).
# Béthune has 138 fiches, ×10 of it 1 380: each keeps its own entry.
FICHES_DANS_LA_RECHERCHE = 2_000


def sous_page_markdown(sous: SousPage, dans_la_recherche: bool = True) -> str:
    """A fiche's page as MkDocs reads it: its title in the header (search results, the tab).

    No body and no template: a fiche's text is Socle's own, made from the validated model by
    `sous_page_corps` when MkDocs reads the page (SoclePlugin.on_page_markdown), never rendered
    by mkdocs-macros — which would compile each page's Markdown as a Jinja template: 13 800
    compilations in `make bench`'s ×100 plan, half of the fiches' build.
    """
    header = [f"title: {json.dumps(as_theme_text(sous.title), ensure_ascii=False)}",
              (f"search: {{boost: {SOUS_PAGE_BOOST}}}" if dans_la_recherche
               else "search: {exclude: true}"),
              # Out of mkdocs-macros' rendering whatever mkdocs.yml says (it takes precedence).
              "render_macros: false"]
    return "\n".join(["---", *header, "---", ""])


def sous_page_corps(sous: SousPage, macros: Mapping[str, Callable[..., str]]) -> str:
    """A fiche's body: its title, then the fiche, each the output of its page macro."""
    titre, fiche = (macros[name](sous.identifiant) for name in MACROS_DE_SOUS_PAGE)
    return f"# {titre}\n\n{fiche}\n"
