"""Who the référentiel belongs to and which document it carries."""

from __future__ import annotations

from pydantic import Field

from macros.models.base import Modele, Suivi, Texte, champ_suivi


class Organisation(Modele):
    """The public body whose projet d'administration this is."""

    nom: Texte = Field(description="Nom complet, par exemple « Ville de Béthune ».")
    nom_court: Texte = Field(description="Nom court pour l'en-tête, par exemple « Béthune ».")
    sigle_logo: Texte = Field(description="Deux à quatre caractères affichés comme logo.")


class DocumentSource(Modele):
    """The reference document the data was taken from."""

    titre: Texte = Field(description="Titre du document source.")
    sous_titre: Texte | None = Field(default=None, description="Sous-titre du document.")
    devise: Texte | None = Field(default=None, description="Formule ou accroche du document.")
    date: Texte = Field(description="Date du document, telle qu'elle est écrite (« Octobre 2023 »).")
    nature: Texte = Field(description="Ce qu'est ce document, en une phrase.")
    fichier: Texte = Field(description="Nom du fichier texte du document, rangé dans le dossier "
                         "source/ du référentiel.")


class Referentiel(Modele):
    """Identity of a référentiel: organisation, source and presentation text."""

    suivi: Suivi | None = champ_suivi()
    organisation: Organisation = Field(description="L'organisation.")
    document: DocumentSource = Field(description="Le document source.")
    presentation: list[Texte] = Field(
        default=[], description="Paragraphes de présentation repris du document source."
    )
