"""Validation and information circuits, and meeting fundamentals."""

from __future__ import annotations

from pydantic import Field

from macros.models.base import Identifiant, Modele, Suivi, Texte, champ_suivi, facultatif, liste


class Partie(Modele):
    """A titled sub-part of a circuit."""

    id: Identifiant
    titre: Texte = Field(description="Titre de la sous-partie.")
    paragraphes: list[Texte] = Field(default=[], description="Paragraphes.")
    points: list[Texte] = Field(default=[], description="Liste, s'il y en a une.")
    etapes: list[Texte] = Field(default=[], description="Étapes ordonnées, s'il y en a.")
    suite: list[Texte] = Field(default=[], description="Paragraphes après la liste.")


class Circuit(Modele):
    """One circuit of the document (« Circuit courrier »...)."""

    id: Identifiant
    titre: Texte = Field(description="Titre du circuit.")
    paragraphes: list[Texte] = Field(default=[], description="Paragraphes d'introduction.")
    parties: list[Partie] = Field(default=[], description="Sous-parties, dans l'ordre.")


class Fondamental(Modele):
    """One fundamental rule of meetings."""

    titre: Texte = Field(description="Le principe en quelques mots.")
    texte: Texte = Field(description="Ce que dit le document.")


class Circuits(Modele):
    """All circuits, then the meeting fundamentals."""

    suivi: Suivi | None = champ_suivi()
    titre: Texte | None = facultatif("Titre de la partie.")
    circuits: list[Circuit] = liste("Les circuits, dans l'ordre du document.")
    reunions_titre: Texte | None = facultatif(
        "Titre de la partie sur les réunions ; sans titre, la page l'intitule "
        "« Les fondamentaux des réunions »."
    )
    reunions: list[Fondamental] = Field(default=[], description="Les fondamentaux des réunions.")

    @property
    def titre_reunions(self) -> str:
        return self.reunions_titre or "Les fondamentaux des réunions"
