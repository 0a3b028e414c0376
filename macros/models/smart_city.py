"""The political project the administration serves (Béthune Smart City 2032)."""

from __future__ import annotations

from pydantic import Field

from macros.models.base import Bloc, Modele, Suivi, Texte, champ_suivi, facultatif, liste


class ProjetDeVille(Modele):
    """The city project and its status."""

    nom: Texte = Field(description="Nom du projet de ville.")
    qualificatif: Texte | None = facultatif("Sous-titre du projet.")
    statut: Texte | None = facultatif("Statut et année, par exemple « Approuvé en 2022 ».")


class SmartCity(Modele):
    """Smart City: stakes, questions, axes, pillars and the green administration."""

    suivi: Suivi | None = champ_suivi()
    titre: Texte | None = facultatif("Titre de la partie.")
    introduction: Texte | None = facultatif("Phrase d'introduction sur les enjeux.")
    enjeux: list[Texte] = liste("Les enjeux qui guident l'action.")
    questions_intro: Texte | None = facultatif("Phrase qui introduit les questions.")
    questions: list[Texte] = Field(
        default=[], description="Les questions auxquelles toute action doit répondre."
    )
    piliers_intro: Texte | None = facultatif("Phrase qui introduit les piliers.")
    projet_de_ville: ProjetDeVille | None = facultatif("Le projet de ville.")
    axes_strategiques: list[Texte] = Field(
        default=[], description="Axes stratégiques du projet de ville."
    )
    piliers: list[Texte] = Field(default=[], description="Piliers du plan d'actions.")
    demarche: Bloc | None = facultatif("La démarche Smart City.")
    approche: Bloc | None = facultatif("L'approche singulière de la Smart City.")
    smart_team: Bloc | None = facultatif("L'équipe pluridisciplinaire du projet.")
    verdissement: Bloc | None = facultatif("Les mesures de verdissement de l'administration.")
    eco_agents: Bloc | None = facultatif("Les écoAgents et leurs axes.")
