"""The macros pages call: one per piece of a page body (`registry.PAGES`), and `rubrique`.

A piece named by the registry (`Show`) is a thin call to its fragment with its kind's model;
the pages that combine several models are the functions below. A macro whose kind is absent
returns an empty string, so a page never shows an empty heading; the page itself is left out
when none of its kinds is present (macros/site/pages.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from macros.data.loader import LoadedReferentiel
from macros.history import news as history
from macros.history.gitinfo import MemoireGit
from macros.models.glossaire import entrees
from macros.registry import KINDS, PAGES, Show
from macros.site.inline import EnLigne
from macros.site.macros_auteur import macros_auteur
from macros.site.pages import PresentPage
from macros.site.parcours import etapes
from macros.site.render import fragment, markdown_text

# How many recent changes the home page lists.
HOME_CHANGES = 3
# The page of the reading path, which the home page shows first.
PARCOURS = "mes-premiers-jours.md"


@dataclass(frozen=True)
class Parcours:
    """« Mes premiers jours » as the home page announces it: the page and its steps."""

    page: PresentPage
    etapes: list


@dataclass(frozen=True)
class LienKit:
    """The kit d'accueil as the pages link to it, given by whoever makes it (macros/kit/)."""

    fichier: str  # its file, beside the home page
    libelle: Callable[[], str]  # « PDF, 37 pages, 626 Ko », or a placeholder until it is made


def build_macros(ref: LoadedReferentiel, pages: list[PresentPage], kit: LienKit,
                 telechargements: tuple = (), git: MemoireGit | None = None) -> dict[str, Callable[[], str]]:
    """Macros for this référentiel, by the name pages call them.

    `telechargements`: the plan's spreadsheets written by this build (site.plan_view.Telechargement);
    `git`: what git said during this build (its `Construction`), else a memory of these macros'.
    """
    git = git or MemoireGit()
    urls = {page.path: page.url for page in pages}
    # Data file name → (title, path) of the page showing it, to name and link what changed:
    # the first in the registry's order, where a kind's own page comes before the pages
    # drawn from it (plan.yml is « Plan d'amélioration », even when an organisation moves that
    # page after its « Synthèse du plan »).
    pages_by_file: dict[str, tuple[str, str]] = {}
    rang = {spec.path: i for i, spec in enumerate(PAGES)}
    for page in sorted(pages, key=lambda page: rang.get(page.path, len(rang))):
        for section in KINDS:
            if section.key in page.spec.kinds and not page.spec.from_git:
                pages_by_file.setdefault(section.filename, (page.title, page.path))
        if page.rubrique:
            pages_by_file[page.rubrique.fichier] = (page.title, page.path)
    titles = {name: (title, urls[path]) for name, (title, path) in pages_by_file.items()}

    def relative(path: str) -> str | None:
        # Pages live one folder deep (use_directory_urls): links go through "../".
        return None if path not in urls else "../" + urls[path]

    def shown(piece: Show) -> Callable[[], str]:
        def macro() -> str:
            return fragment(piece.fragment, ref.sections[piece.kind], macro=piece.macro) \
                if ref.has(piece.kind) else ""
        macro.__name__ = macro_name(piece)
        return macro

    rubriques = {rubrique.id: rubrique for rubrique in ref.rubriques}
    # Block texts' inline syntax, their links to the organisation's files with format and size.
    en_ligne = EnLigne(ref.fichiers)
    by_path = {page.path: page for page in pages}

    def titre(path: str) -> str:
        """The page's first heading, escaped for a Markdown heading line."""
        page = by_path[path]
        return markdown_text(page.spec.heading or page.title)

    def rubrique(identifiant: str) -> str:
        """One of the organisation's own pages: its blocks, titled blocks as sections."""
        return fragment("rubrique", rubriques[identifiant].model, identifiant, en_ligne)

    def accueil() -> str:
        # The kit's figures, or a placeholder the hooks replace once the kit is made
        # (macros/kit/pdf.py): the link always gives the real figures of the file.
        # The first-days path first, with its steps; the logo beside the organisation's name.
        parcours = next((Parcours(p, etapes(ref, pages)) for p in pages if p.path == PARCOURS), None)
        home = fragment("accueil", ref.referentiel, [p for p in pages if p.path != "index.md"],
                        kit.libelle(), kit.fichier, parcours, ref.logo.adresse if ref.logo else "")
        # The latest few changes, with a link to the « Quoi de neuf » page.
        latest = history.modifications(ref.folder, git)[:HOME_CHANGES]
        return home + (fragment("quoi_de_neuf", latest, titles, urls["quoi-de-neuf.md"],
                                macro="apercu") if latest and "quoi-de-neuf.md" in urls else "")

    def quoi_de_neuf() -> str:
        return fragment("quoi_de_neuf", history.by_day(history.modifications(ref.folder, git)),
                        {name: (title, relative(path)) for name, (title, path) in pages_by_file.items()},
                        history.in_git(ref.folder, git), vue_plan().recentes() if ref.has("plan") else None)

    def premiers_jours() -> str:
        return fragment("premiers_jours", ref.slug, etapes(ref, pages), kit.libelle(),
                        "../" + kit.fichier)

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

    vue: list = []

    def vue_plan():
        # Both plan pages read one view: the follow-up and the history are computed once.
        if not vue:
            vue.append(_vue_plan(ref, relative, telechargements, git))
        return vue[0]

    profonde: list = []

    def vue_fiches():
        if not profonde:
            profonde.append(vue_plan().plus_profonde())
        return profonde[0]

    def titre_fiche(identifiant: str) -> str:
        entree = vue_fiches().par_id[identifiant].entree
        return markdown_text(f"{entree.numero} {entree.action.texte}")

    macros: dict[str, Callable[..., str]] = {
        "accueil": accueil,
        "premiers_jours": premiers_jours,
        "charte": lambda: (fragment("charte", ref.charte, relative("engagements-par-role.md"))
                           if ref.has("charte") else ""),
        "gouvernance": lambda: (
            fragment("gouvernance", ref.gouvernance, _figures_gouvernance(ref.gouvernance))
            if ref.has("gouvernance") else ""),
        # Its headings name the readers in the organisation's word (« Les droits des agents »).
        "droits": lambda: (fragment("droits", ref.sections["droits"], ref.referentiel.organisation.mot_agents)
                           if ref.has("droits") else ""),
        "circuits": lambda: (fragment("circuits", ref.circuits, relative("note-piaa.md"),
                                      ref.sections.get("note_piaa"))
                             if ref.has("circuits") else ""),
        "plan": lambda: fragment("plan", vue_plan()) if ref.has("plan") else "",
        "synthese_plan": lambda: (fragment("plan_synthese", vue_plan(), vue_plan().synthese)
                                  if ref.has("plan") else ""),
        "fiches_actions": lambda: fragment("plan_fiches", vue_plan()) if ref.has("plan") else "",
        # A fiche's own page (fiches-actions/<id>/), one folder deeper than the others.
        "fiche": lambda identifiant: fragment("plan_fiches", vue_fiches(),
                                              vue_fiches().par_id[identifiant], macro="page"),
        "titre_fiche": titre_fiche,
        "a_propos": a_propos,
        "quoi_de_neuf": quoi_de_neuf,
        "declaration_accessibilite": declaration_accessibilite,
        "glossaire": glossaire,
        "rubrique": rubrique,
        "titre": titre,
    }
    for spec in PAGES:
        for piece in spec.body:
            if isinstance(piece, Show):
                macros[macro_name(piece)] = shown(piece)
    # What a developer's page of docs/ may also call: one piece of the data, by its name.
    macros.update(macros_auteur(ref, vue_plan))
    return macros


def macro_name(piece: Show | str) -> str:
    """The name a page calls a piece of its body by: `{{ droits() }}`, `{{ management_intro() }}`."""
    if isinstance(piece, str):
        return piece
    return piece.fragment if piece.macro == "render" else f"{piece.fragment}_{piece.macro}"


# The figures import the models they draw: only référentiels with those sections load them.
def _figures_gouvernance(gouvernance):
    from macros.site.figures.gouvernance import figures_gouvernance

    return figures_gouvernance(gouvernance)


def _vue_plan(ref: LoadedReferentiel, relative: Callable[[str], str | None], telechargements: tuple,
              git: MemoireGit):
    from macros.plan.historique import historique
    from macros.site.plan_view import InstanceLiee, vue_plan

    gouvernance = relative("gouvernance.md")
    instances = {i.id: InstanceLiee(i.nom, f"{gouvernance}#{i.id}" if gouvernance else None)
                 for i in (ref.gouvernance.instances if ref.has("gouvernance") else ())}
    return vue_plan(ref.plan, historique(ref.folder, ref.plan, git), fiches=relative("fiches-actions.md"),
                    page_plan=relative("plan.md"), page_synthese=relative("synthese-du-plan.md"),
                    telechargements=telechargements,
                    instances=instances)
