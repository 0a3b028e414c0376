"""What each kind of content is, and which pages show it: the one table the engine reads.

A kind is one YAML file validated by one model (`KINDS`). A page is a row of `PAGES`:
its address, default title and summary, navigation position, the macros its body calls,
the kit templates that print it, and whether it is a step of « Mes premiers jours ». A
page exists when at least one of its kinds is present: a référentiel without governance
gets no governance page, no nav entry, no kit chapter and no link to it. An organisation
renames, reorders or drops pages in its `referentiel.yml` (`pages:`), and adds pages of
its own made of typed blocks (`rubriques/`, see `RUBRIQUES`).

Adding a kind: its model (macros/models/), its site fragment (macros/site/templates/),
its kit template (macros/kit/typst/sections/), its rows below; then `make schema`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from pydantic import BaseModel


@dataclass(frozen=True)
class Kind:
    """One kind of data file, and the model (`module:Class` in `macros/models/`) that validates it."""

    key: str
    filename: str
    model_path: str

    @property
    def model(self) -> type[BaseModel]:
        """The model class, imported on first use: building a model's validator costs about a
        millisecond per class, so a référentiel pays only for the kinds it has."""
        module, _, name = self.model_path.partition(":")
        return getattr(importlib.import_module(f"{__package__}.models.{module}"), name)


@dataclass(frozen=True)
class Show:
    """A piece of a page body: the `macro` of site fragment `fragment`, given one kind's model.

    Skipped when the kind is absent. Pieces that need more than one model are page macros
    of macros/site/page_macros.py, named by a plain string in `PageSpec.body`.
    """

    kind: str
    fragment: str
    macro: str = "render"


@dataclass(frozen=True)
class PageSpec:
    """One page of the site, its place in the navigation and in the kit."""

    path: str
    title: str
    summary: str
    position: int
    kinds: tuple[str, ...]
    # What the page body shows, in order: a Show, or the name of a page macro.
    body: tuple[Show | str, ...]
    # Its kit chapter: (kind, template of macros/kit/typst/sections/) pieces, in order, or
    # the reason it has none (a test checks every page says one or the other).
    kit: tuple[tuple[str, str], ...] = ()
    kit_left_out: str | None = None
    kit_title: tuple[str, str] | None = None  # (title, summary) when the page's do not suit print
    step: bool = True  # a step of « Mes premiers jours »
    detail: str = ""  # what the step says the page holds: a function of macros/site/parcours.py
    # Material's per-page options, written in the page's header.
    hide_toc: bool = False
    search_boost: float | None = None
    intro: str = ""  # a generic sentence under the title
    from_git: bool = False  # made from the history of the data: no data file to edit
    heading: str = ""  # the page's first heading, when it is not its navigation title
    # (word, title, summary): the title and summary when the page's data never says `word`
    # (« Valeurs et charte » only for a référentiel whose values are a charter).
    unless_said: tuple[str, str, str] | None = None
    # A page of its own for each item of a kind, in this page's folder (`fiches-actions/<id>/`):
    # « action », each action of the plan (macros/site/pages.py:sous_pages).
    une_page_par: str = ""

    @property
    def key(self) -> str:
        """The name an organisation uses for this page in `referentiel.yml` (`pages:`)."""
        return "accueil" if self.path == "index.md" else self.path.removesuffix(".md")


IDENTITY = Kind("referentiel", "referentiel.yml", "referentiel:Referentiel")

KINDS: tuple[Kind, ...] = (
    IDENTITY,
    Kind("deliberation", "deliberation.yml", "deliberation:Deliberation"),
    Kind("identite", "identite.yml", "identite:Identite"),
    Kind("management", "management.yml", "management:Management"),
    Kind("charte", "charte.yml", "charte:Charte"),
    Kind("droits", "droits-obligations.yml", "droits:DroitsObligations"),
    Kind("gouvernance", "gouvernance.yml", "gouvernance:Gouvernance"),
    Kind("organigramme", "organigramme.yml", "organigramme:Organigramme"),
    Kind("circuits", "circuits.yml", "circuits:Circuits"),
    Kind("note_piaa", "note-piaa.yml", "note_piaa:ModeleNote"),
    Kind("usagers", "relation-usagers.yml", "usagers:RelationUsagers"),
    Kind("plan", "plan.yml", "plan:Plan"),
    Kind("smart_city", "smart-city.yml", "smart_city:SmartCity"),
    Kind("accessibilite", "accessibilite.yml", "accessibilite:DeclarationAccessibilite"),
    Kind("glossaire", "glossaire.yml", "glossaire:Glossaire"),
)
# Each kind's data file, by its key.
KIND_FILES: dict[str, str] = {kind.key: kind.filename for kind in KINDS}

# An organisation's own pages: one file each in this folder, YAML or Markdown, made of typed
# blocks (macros/models/rubrique.py, blocs.py). Their default position puts them after the bespoke pages.
RUBRIQUES = Kind("rubrique", "rubriques", "rubrique:Rubrique")
RUBRIQUE_POSITION = 500

# Pages in navigation order (`position`: an organisation's rubriques and overrides use the
# same scale, so « position: 65 » goes between Gouvernance and Circuits).
PAGES: tuple[PageSpec, ...] = (
    PageSpec("index.md", "Accueil", "Pour qui est ce site et par où commencer.", 0, ("referentiel",),
             body=("accueil",), heading="Bienvenue", kit=(("referentiel", "presentation"),),
             kit_title=("Le document en quelques mots",
                        "Ce qu'est ce document et l'esprit dans lequel il a été écrit."),
             step=False, hide_toc=True),
    # Every référentiel has it: a reading path built from the pages present (macros/site/parcours.py).
    PageSpec("mes-premiers-jours.md", "Mes premiers jours",
             "Un parcours de lecture pas à pas pour découvrir le référentiel, que vous pouvez cocher.",
             10, ("referentiel",), body=("premiers_jours",),
             kit_left_out="parcours de lecture du site, avec des cases à cocher", step=False),
    # « Notre commune », « Notre syndicat »…: `{nature}` is what the organisation says it is.
    PageSpec("collectivite.md", "Notre {nature}", "Qui nous sommes et d'où nous venons.", 20,
             ("identite",), body=(Show("identite", "identite"),), kit=(("identite", "identite"),)),
    PageSpec("valeurs.md", "Valeurs et charte", "Nos valeurs, la charte et ce qu'elle demande à chacun.",
             30, ("charte", "management"),
             body=(Show("management", "management", "intro"), "charte", Show("management", "management")),
             kit=(("management", "raison_d_etre"), ("charte", "charte"), ("management", "management")),
             detail="valeurs",
             unless_said=("charte", "Nos valeurs", "Nos valeurs et ce qu'elles demandent à chacun.")),
    PageSpec("engagements-par-role.md", "Engagements par rôle",
             "Tous les engagements qui vous concernent, selon votre rôle.", 40, ("charte",),
             body=(Show("charte", "roles"),),
             kit_left_out="même contenu que la charte, regroupé autrement", detail="roles"),
    PageSpec("droits-obligations.md", "Droits et obligations",
             "Ce que la loi et l'employeur attendent de vous, et ce qu'ils vous garantissent.", 50,
             ("droits",), body=("droits",), kit=(("droits", "droits"),), detail="droits"),
    PageSpec("gouvernance.md", "Gouvernance", "Qui décide, où et à quel rythme.", 60,
             ("gouvernance", "organigramme"),
             body=("gouvernance", Show("organigramme", "organigramme")),
             kit=(("gouvernance", "gouvernance"), ("organigramme", "organigramme")), detail="gouvernance"),
    PageSpec("circuits.md", "Circuits et procédures", "Comment une demande, une note ou un courrier circule.",
             70, ("circuits",), body=("circuits",), kit=(("circuits", "circuits"),), detail="circuits"),
    PageSpec("note-piaa.md", "Modèle de note PIAA",
             "Le modèle de note d'information, d'arbitrage ou d'alerte.", 80, ("note_piaa",),
             body=(Show("note_piaa", "note_piaa"),), kit=(("note_piaa", "note_piaa"),), detail="note_piaa"),
    PageSpec("relation-usagers.md", "Relation usagers",
             "Comment enregistrer et suivre la demande d'un usager.", 90, ("usagers",),
             body=(Show("usagers", "usagers"),), kit=(("usagers", "usagers"),), detail="usagers"),
    # Said of any plan: not every plan has objectives under its axes (the syndicat's has none).
    PageSpec("plan.md", "Plan d'amélioration",
             "Ce que prévoit le plan, {axe} par {axe}, et où en est chaque action.", 100, ("plan",),
             body=("plan",), kit=(("plan", "plan"),), detail="plan"),
    # The plan for a steering committee, on two printed pages (macros/plan/synthese.py).
    PageSpec("synthese-du-plan.md", "Synthèse du plan",
             "Le plan en deux pages pour le comité de pilotage : où en est chaque {axe}, ce qui est en "
             "retard, ce qui arrive.", 102, ("plan",), body=("synthese_plan",),
             kit=(("plan", "synthese"),), step=False),
    PageSpec("fiches-actions.md", "Fiches actions",
             "La fiche de chaque action du plan : pilote, calendrier, avancement, historique.", 105,
             ("plan",), body=("fiches_actions",),
             kit_left_out="les champs des fiches sont imprimés sous chaque action du plan", step=False,
             # The index lists the actions as the plan's tables do: its text is theirs again.
             search_boost=0.001, une_page_par="action"),
    PageSpec("smart-city.md", "Smart City", "Le projet de ville que l'administration sert.", 110,
             ("smart_city",), body=(Show("smart_city", "smart_city"),), kit=(("smart_city", "smart_city"),),
             detail="smart_city"),
    # Built from git history of data/<slug>/ (macros/history/news.py), so every référentiel has it.
    PageSpec("quoi-de-neuf.md", "Quoi de neuf", "Ce qui a changé récemment dans ce référentiel.", 900,
             ("referentiel",), body=("quoi_de_neuf",),
             kit_left_out="historique des modifications du site, tiré de git", step=False, from_git=True,
             intro="Les dernières modifications apportées au contenu de ce site, des plus récentes aux "
                   "plus anciennes, telles qu'elles ont été enregistrées par l'équipe qui le tient à jour."),
    PageSpec("glossaire.md", "Glossaire", "Les sigles du document et leur sens.", 910, ("glossaire",),
             body=("glossaire",), kit=(("glossaire", "glossaire"),), search_boost=0.5),
    # `deliberation` is listed so that « Modifier cette page » names its file too.
    # Said of any référentiel: not every one publishes the decision that adopted its document.
    PageSpec("a-propos.md", "À propos",
             "Le document que ce site reprend et, s'il y a lieu, la décision qui l'a adopté.", 920,
             ("referentiel", "deliberation"), body=("a_propos",),
             kit=(("referentiel", "document_source"), ("deliberation", "deliberation")), detail="document"),
    PageSpec("accessibilite.md", "Accessibilité",
             "La déclaration d'accessibilité du site et les recours possibles.", 930, ("accessibilite",),
             body=("declaration_accessibilite",), heading="Déclaration d'accessibilité",
             kit_left_out="déclaration d'accessibilité du site web, pas du document", step=False),
)

# Kinds of data the kit does not print (each is about the website itself).
KINDS_NOT_PRINTED: frozenset[str] = frozenset({"accessibilite"})
