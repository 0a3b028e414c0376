"""Who the référentiel belongs to and which document it carries."""

from __future__ import annotations

from pydantic import Field, field_validator

from macros.models.base import Modele, Suivi, Texte, champ_suivi, facultatif
from macros.models.pages import NATURE_NOMS, Nature, ReglagePage


class Organisation(Modele):
    """The public body whose projet d'administration this is."""

    nom: Texte = Field(description="Nom complet, par exemple « Ville de Béthune ».")
    nom_court: Texte = Field(description="Nom court pour l'en-tête, par exemple « Béthune ».")
    sigle_logo: Texte = Field(description="Deux à quatre caractères affichés comme logo.")
    nature: Nature = Field(default="collectivite", description=(
        "Ce qu'est l'organisation : commune, departement, region, intercommunalite, syndicat, "
        "etablissement-public ou collectivite ; le texte commun du site en dépend (« Notre "
        "commune », « l'établissement »)."))

    @field_validator("nom", "nom_court")
    @classmethod
    def _no_markup_signs(cls, nom: str) -> str:
        # The theme writes the site's name into HTML attributes without escaping them all.
        if any(sign in nom for sign in '"<>'):
            raise ValueError("un nom ne peut pas contenir « \" », « < » ni « > » : écrivez les "
                             "guillemets à la française (« »).")
        return nom

    @property
    def nature_nom(self) -> str:
        """« commune », « syndicat », « établissement »…"""
        return NATURE_NOMS[self.nature][0]

    @property
    def designation(self) -> str:
        """« la commune », « le syndicat », « l'établissement »…"""
        noun, feminine = NATURE_NOMS[self.nature]
        article = "l'" if noun[0] in "aeéiou" else "la " if feminine else "le "
        return article + noun


class DocumentSource(Modele):
    """The reference document the data was taken from."""

    titre: Texte = Field(description="Titre du document source.")
    sous_titre: Texte | None = Field(default=None, description="Sous-titre du document.")
    devise: Texte | None = Field(default=None, description="Formule ou accroche du document.")
    date: Texte = Field(description="Date du document, telle qu'elle est écrite (« Octobre 2023 »).")
    nature: Texte | None = facultatif("Ce qu'est ce document, en une phrase.")
    fichier: Texte = Field(description="Nom du fichier texte du document, rangé dans le dossier "
                         "source/ du référentiel.")

    @field_validator("fichier")
    @classmethod
    def _plain_name(cls, fichier: str) -> str:
        # A name, not a path: `../../etc/passwd` must never be printed as the source, nor read.
        if "/" in fichier or "\\" in fichier or fichier.startswith(".") or not fichier.strip():
            raise ValueError(f"« {fichier} » n'est pas un nom de fichier : écrivez seulement le nom du "
                             "fichier rangé dans le dossier source/ (par exemple « projet.txt »), sans "
                             "dossier ni « .. ».")
        return fichier


class Referentiel(Modele):
    """Identity of a référentiel: organisation, source and presentation text."""

    suivi: Suivi | None = champ_suivi()
    organisation: Organisation = Field(description="L'organisation.")
    document: DocumentSource = Field(description="Le document source.")
    presentation: list[Texte] = Field(
        default=[], description="Paragraphes de présentation repris du document source."
    )
    pages: dict[str, ReglagePage] = Field(default={}, description=(
        "Facultatif : pour une page du site (par son nom : plan, gouvernance, valeurs…), un autre "
        "titre, résumé ou rang dans le menu, ou « masquer: oui »."))

    @field_validator("pages")
    @classmethod
    def _known_pages(cls, pages: dict[str, ReglagePage]) -> dict[str, ReglagePage]:
        from macros.registry import PAGES  # the registry imports the models lazily

        known = {spec.key for spec in PAGES}
        for name, reglage in pages.items():
            if name not in known:
                raise ValueError(f"« {name} » n'est pas une page du site. Pages possibles : "
                                 + ", ".join(sorted(known)) + ".")
            if name == "accueil" and reglage.masquer:
                raise ValueError("l'accueil ne peut pas être masqué.")
        return pages
