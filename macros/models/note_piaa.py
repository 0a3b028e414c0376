"""The note template (PIAA: information, arbitrage, alerte)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from macros.models.base import Identifiant, Modele, Suivi, Texte, champ_suivi, facultatif, liste


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
    objet: list[Texte] = Field(default=[], description="À quoi sert la note et qui la rédige.")
    structure_intro: Texte | None = facultatif("Phrase qui introduit la structure.")
    partie_1: list[Rubrique] = Field(default=[], description="Rubriques de la partie 1.")
    partie_2: list[Texte] = Field(default=[], description="Visas de la partie 2, dans l'ordre.")
    preconisation: Texte | None = facultatif("Préconisation sur le visa de l'élu.")
    modele_titre: Texte | None = facultatif(
        "Titre de l'annexe ; sans titre, la page l'intitule « Le modèle de note »."
    )
    types: list[Texte] = Field(default=[], description="Les types de note que l'on coche.")
    destinataire: list[Texte] = Field(default=[], description="À l'attention de.")
    cadres: list[Cadre] = Field(default=[], description="Les cadres du modèle, dans l'ordre.")

    @property
    def titre_modele(self) -> str:
        return self.modele_titre or "Le modèle de note"

    @property
    def a_une_structure(self) -> bool:
        return bool(self.structure_intro or self.partie_1 or self.partie_2 or self.preconisation)

    @property
    def a_un_modele(self) -> bool:
        return bool(self.types or self.destinataire or self.cadres)
