"""Raison d'être, managerial culture, management levels and ambitions."""

from __future__ import annotations

from pydantic import Field

from macros.models.base import Bloc, Identifiant, Modele, Suivi, Texte, champ_suivi, liste


class RaisonDEtre(Modele):
    """The organisation's purpose statement."""

    devise: Texte = Field(description="La formule (« Ensemble et durablement »).")
    texte: Texte = Field(description="Le texte qui l'explique.")


class Niveau(Modele):
    """One level of management."""

    id: Identifiant
    nom: Texte = Field(description="Nom du niveau (« Management supérieur »).")
    fonctions: Texte = Field(description="Fonctions concernées (« Responsable de service »).")
    description: Texte = Field(description="Ce que font les managers de ce niveau.")


class Ambition(Modele):
    """One objective of the projet d'administration."""

    verbe: Texte = Field(description="Le verbe mis en avant (« Organiser »).")
    objectif: Texte = Field(description="La phrase complète de l'objectif.")


class Levier(Modele):
    """One way of « concevoir ensemble pour mieux travailler ensemble »."""

    titre: Texte = Field(description="Le levier (« Renforcer l'interconnaissance »).")
    texte: Texte = Field(description="Ce qu'il veut dire.")


class Management(Modele):
    """Purpose, shared managerial culture, levels and ambitions."""

    suivi: Suivi | None = champ_suivi()
    raison_d_etre: RaisonDEtre = Field(description="La raison d'être.")
    culture: Bloc = Field(description="La culture managériale commune.")
    referentiel: Bloc = Field(description="Le référentiel managérial.")
    niveaux_titre: Texte = Field(description="Titre de la partie sur les niveaux.")
    niveaux: list[Niveau] = liste("Les niveaux de management.")
    ambitions_titre: Texte = Field(description="Titre de la partie sur les ambitions.")
    ambitions_intro: Texte = Field(description="Phrase qui introduit les ambitions.")
    ambitions: list[Ambition] = liste("Les objectifs du projet d'administration.")
    comment_faire: Texte = Field(description="La réponse à « Comment faire ? ».")
    leviers_intro: list[Texte] = Field(default=[], description="Paragraphes avant les leviers.")
    leviers: list[Levier] = liste("Ce que le projet doit permettre.")
