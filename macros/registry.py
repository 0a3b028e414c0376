"""Which data files a référentiel may hold, and which page shows each.

A section is one YAML file validated by one model. A page is shown only when at
least one of its sections is present: a référentiel without governance gets no
governance page, no nav entry and no link to it.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from pydantic import BaseModel


@dataclass(frozen=True)
class Section:
    """One kind of data file, and the model (`module:Class` in `macros/models/`) that validates it."""

    key: str
    filename: str
    model_path: str

    @property
    def model(self) -> type[BaseModel]:
        """The model class, imported on first use: building a model's validator costs about a
        millisecond per class, so a référentiel pays only for the sections it has."""
        module, _, name = self.model_path.partition(":")
        return getattr(importlib.import_module(f"{__package__}.models.{module}"), name)


@dataclass(frozen=True)
class PageSpec:
    """One page of the site and the sections that feed it."""

    path: str
    title: str
    sections: tuple[str, ...]
    summary: str


IDENTITY = Section("referentiel", "referentiel.yml", "referentiel:Referentiel")

SECTIONS: tuple[Section, ...] = (
    IDENTITY,
    Section("deliberation", "deliberation.yml", "deliberation:Deliberation"),
    Section("identite", "identite.yml", "identite:Identite"),
    Section("management", "management.yml", "management:Management"),
    Section("charte", "charte.yml", "charte:Charte"),
    Section("droits", "droits-obligations.yml", "droits:DroitsObligations"),
    Section("gouvernance", "gouvernance.yml", "gouvernance:Gouvernance"),
    Section("organigramme", "organigramme.yml", "organigramme:Organigramme"),
    Section("circuits", "circuits.yml", "circuits:Circuits"),
    Section("note_piaa", "note-piaa.yml", "note_piaa:ModeleNote"),
    Section("usagers", "relation-usagers.yml", "usagers:RelationUsagers"),
    Section("plan", "plan.yml", "plan:Plan"),
    Section("smart_city", "smart-city.yml", "smart_city:SmartCity"),
    Section("accessibilite", "accessibilite.yml", "accessibilite:DeclarationAccessibilite"),
    Section("glossaire", "glossaire.yml", "glossaire:Glossaire"),
)

# Pages in navigation order. `sections`: the page exists if any of them is present.
PAGES: tuple[PageSpec, ...] = (
    PageSpec("index.md", "Accueil", ("referentiel",),
             "Pour qui est ce site et par où commencer."),
    # Every référentiel has it: a reading path built from the pages present (macros/kit/parcours.py).
    PageSpec("mes-premiers-jours.md", "Mes premiers jours", ("referentiel",),
             "Un parcours de lecture pas à pas pour découvrir le référentiel, que vous pouvez cocher."),
    PageSpec("collectivite.md", "Notre collectivité", ("identite",),
             "Qui nous sommes et d'où nous venons."),
    PageSpec("valeurs.md", "Valeurs et charte", ("charte", "management"),
             "Nos valeurs, la charte et ce qu'elle demande à chacun."),
    PageSpec("engagements-par-role.md", "Engagements par rôle", ("charte",),
             "Tous les engagements qui vous concernent, selon votre rôle."),
    PageSpec("droits-obligations.md", "Droits et obligations", ("droits",),
             "Ce que la loi et la collectivité attendent de vous, et ce qu'elles vous garantissent."),
    PageSpec("gouvernance.md", "Gouvernance", ("gouvernance", "organigramme"),
             "Qui décide, où et à quel rythme."),
    PageSpec("circuits.md", "Circuits et procédures", ("circuits",),
             "Comment une demande, une note ou un courrier circule."),
    PageSpec("note-piaa.md", "Modèle de note PIAA", ("note_piaa",),
             "Le modèle de note d'information, d'arbitrage ou d'alerte."),
    PageSpec("relation-usagers.md", "Relation usagers", ("usagers",),
             "Comment enregistrer et suivre la demande d'un usager."),
    PageSpec("plan.md", "Plan d'amélioration", ("plan",),
             "Les axes, objectifs et actions du plan d'amélioration continue."),
    PageSpec("smart-city.md", "Smart City", ("smart_city",),
             "Le projet de ville que l'administration sert."),
    # Built from git history of data/<slug>/ (macros/history/news.py), so every référentiel has it.
    PageSpec("quoi-de-neuf.md", "Quoi de neuf", ("referentiel",),
             "Ce qui a changé récemment dans ce référentiel."),
    # `deliberation` is listed so that « Modifier cette page » names its file too.
    PageSpec("glossaire.md", "Glossaire", ("glossaire",),
             "Les sigles du document et leur sens."),
    PageSpec("a-propos.md", "À propos", ("referentiel", "deliberation"),
             "Le document source et la décision qui l'a adopté."),
    PageSpec("accessibilite.md", "Accessibilité", ("accessibilite",),
             "La déclaration d'accessibilité du site et les recours possibles."),
)
