"""The political project the administration serves (Béthune Smart City 2032)."""

from __future__ import annotations

from pydantic import Field

from macros.models.base import Bloc, Modele, Suivi, Texte, champ_suivi, liste


class ProjetDeVille(Modele):
    """The city project and its status."""

    nom: Texte = Field(description="Nom du projet de ville.")
    qualificatif: Texte = Field(description="Sous-titre du projet.")
    statut: Texte = Field(description="Statut et année, par exemple « Approuvé en 2022 ».")


class SmartCity(Modele):
    """Smart City: stakes, questions, axes, pillars and the green administration."""

    suivi: Suivi | None = champ_suivi()
    titre: Texte = Field(description="Titre de la partie.")
    introduction: Texte = Field(description="Phrase d'introduction sur les enjeux.")
    enjeux: list[Texte] = liste("Les enjeux qui guident l'action.")
    questions_intro: Texte = Field(description="Phrase qui introduit les questions.")
    questions: list[Texte] = liste("Les questions auxquelles toute action doit répondre.")
    piliers_intro: Texte = Field(description="Phrase qui introduit les piliers.")
    projet_de_ville: ProjetDeVille = Field(description="Le projet de ville.")
    axes_strategiques: list[Texte] = liste("Axes stratégiques du projet de ville.")
    piliers: list[Texte] = liste("Piliers du plan d'actions.")
    demarche: Bloc = Field(description="La démarche Smart City.")
    approche: Bloc = Field(description="L'approche singulière de la Smart City.")
    smart_team: Bloc = Field(description="L'équipe pluridisciplinaire du projet.")
    verdissement: Bloc = Field(description="Les mesures de verdissement de l'administration.")
    eco_agents: Bloc = Field(description="Les écoAgents et leurs axes.")
