"""The note template (PIAA: information, arbitrage, alerte)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from macros.models.base import Identifiant, Modele, Suivi, Texte, champ_suivi, liste


class Rubrique(Modele):
    """An item of the note's structure."""

    texte: Texte = Field(description="La rubrique.")
    obligatoire: bool = Field(default=False, description="true si la rubrique est obligatoire.")


class Champ(Modele):
    """A field of the printed form."""

    libelle: Texte = Field(description="Libellé du champ sur le modèle.")
    forme: Literal["texte", "oui-non", "date", "montant", "case"] = Field(
        default="texte", description="Ce que l'on remplit : texte, oui/non, date, montant, case."
    )
    precision: Texte | None = Field(default=None, description="Complément (« si oui : référence »).")


class Cadre(Modele):
    """A block of the form (Smart City, Finances, a visa box...)."""

    id: Identifiant
    titre: Texte = Field(description="Titre du cadre sur le modèle.")
    champs: list[Champ] = liste("Les champs du cadre.")


class ModeleNote(Modele):
    """The PIAA note: what it is for, its structure and its form."""

    suivi: Suivi | None = champ_suivi()
    titre: Texte = Field(description="Nom de la note.")
    objet: list[Texte] = liste("À quoi sert la note et qui la rédige.")
    structure_intro: Texte = Field(description="Phrase qui introduit la structure.")
    partie_1: list[Rubrique] = liste("Rubriques de la partie 1.")
    partie_2: list[Texte] = liste("Visas de la partie 2, dans l'ordre.")
    preconisation: Texte = Field(description="Préconisation sur le visa de l'élu.")
    modele_titre: Texte = Field(description="Titre de l'annexe.")
    types: list[Texte] = liste("Les types de note que l'on coche.")
    destinataire: list[Texte] = liste("À l'attention de.")
    cadres: list[Cadre] = liste("Les cadres du modèle, dans l'ordre.")
