"""Raison d'être, managerial culture, management levels and ambitions."""

from __future__ import annotations

from pydantic import Field

from macros.models.base import Bloc, Identifiant, Modele, Suivi, Texte, champ_suivi, facultatif, liste


class RaisonDEtre(Modele):
    """The organisation's purpose statement."""

    devise: Texte = Field(description="La formule (« Ensemble et durablement »).")
    texte: Texte | None = facultatif("Le texte qui l'explique.")


class Niveau(Modele):
    """One level of management."""

    id: Identifiant
    nom: Texte = Field(description="Nom du niveau (« Management supérieur »).")
    fonctions: Texte | None = facultatif("Fonctions concernées (« Responsable de service »).")
    description: Texte | None = facultatif("Ce que font les managers de ce niveau.")


class Ambition(Modele):
    """One objective of the projet d'administration."""

    verbe: Texte | None = facultatif("Le verbe mis en avant (« Organiser »).")
    objectif: Texte = Field(description="La phrase complète de l'objectif.")


class Levier(Modele):
    """One way of « concevoir ensemble pour mieux travailler ensemble »."""

    titre: Texte = Field(description="Le levier (« Renforcer l'interconnaissance »).")
    texte: Texte = Field(description="Ce qu'il veut dire.")


class Management(Modele):
    """Purpose, shared managerial culture, levels and ambitions."""

    suivi: Suivi | None = champ_suivi()
    raison_d_etre: RaisonDEtre | None = facultatif("La raison d'être.")
    culture: Bloc | None = facultatif("La culture managériale commune.")
    referentiel: Bloc | None = facultatif("Le référentiel managérial.")
    niveaux_titre: Texte | None = facultatif(
        "Titre de la partie sur les niveaux ; sans titre, la page l'intitule "
        "« Les niveaux de management »."
    )
    niveaux: list[Niveau] = liste("Les niveaux de management.")
    ambitions_titre: Texte | None = facultatif(
        "Titre de la partie sur les ambitions ; sans titre, la page l'intitule « Les ambitions »."
    )
    ambitions_intro: Texte | None = facultatif("Phrase qui introduit les ambitions.")
    ambitions: list[Ambition] = Field(
        default=[], description="Les objectifs du projet d'administration."
    )
    comment_faire: Texte | None = facultatif("La réponse à « Comment faire ? ».")
    leviers_intro: list[Texte] = Field(default=[], description="Paragraphes avant les leviers.")
    leviers: list[Levier] = Field(default=[], description="Ce que le projet doit permettre.")

    @property
    def titre_niveaux(self) -> str:
        return self.niveaux_titre or "Les niveaux de management"

    @property
    def titre_ambitions(self) -> str:
        return self.ambitions_titre or "Les ambitions"

    @property
    def titre_comment_faire(self) -> str:
        return "Comment faire ? " + self.comment_faire if self.comment_faire else "Comment faire ?"
