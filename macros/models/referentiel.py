"""Who the référentiel belongs to and which document it carries."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from macros.models.base import Modele, Suivi, Texte, champ_suivi, facultatif, nomme
from macros.models.pages import OuiNon, ReglagePage

# What the organisation is, and the noun the generic text uses for it (noun, feminine):
# « Notre syndicat », « le centre de gestion », « la communauté de communes ». Without a
# nature the site says « l'organisme », which is true of any public body.
NATURE_NOMS: dict[str, tuple[str, bool]] = {
    "organisme": ("organisme", False),
    "collectivite": ("collectivité", True),
    "commune": ("commune", True),
    "departement": ("département", False),
    "region": ("région", True),
    "intercommunalite": ("intercommunalité", True),
    "communaute-de-communes": ("communauté de communes", True),
    "communaute-d-agglomeration": ("communauté d'agglomération", True),
    "communaute-urbaine": ("communauté urbaine", True),
    "metropole": ("métropole", True),
    "syndicat": ("syndicat", False),
    "etablissement-public": ("établissement", False),
    "etablissement-de-sante": ("établissement", False),
    "ccas": ("CCAS", False),
    "cias": ("CIAS", False),
    "centre-de-gestion": ("centre de gestion", False),
}
Nature = Literal[tuple(NATURE_NOMS)]  # type: ignore[valid-type]
_VOYELLES = "aàâeéèêëiîïoôuùûy"
# The word of the generic text for the people the site addresses, unless the référentiel
# gives its own (a hospital's « professionnels »).
AGENTS = "agents"


class Organisation(Modele):
    """The public body whose projet d'administration this is."""

    nom: Texte = Field(description="Nom complet, par exemple « Ville de Béthune ».")
    nom_court: Texte = Field(**nomme("Nom court"), description="Nom court, affiché à la place du nom "
                             "dans l'en-tête sur téléphone, par exemple « Béthune ».")
    logo: Texte | None = facultatif(
        "Nom du fichier du logo (PNG, JPEG, WebP ou SVG), rangé dans le dossier fichiers/ du "
        "référentiel : il est affiché dans l'en-tête du site, comme icône de l'onglet du navigateur "
        "et sur la couverture du kit.", **nomme("Logo"))
    sigle_logo: Texte | None = facultatif(
        "Sans fichier de logo : deux à quatre caractères affichés à sa place dans l'en-tête du site "
        "et sur la couverture du kit (« SIVE »).",
        **nomme("Sigle à la place du logo"))
    nature: Nature = Field(default="organisme", description=(
        "Ce qu'est l'organisation : " + ", ".join(NATURE_NOMS) + " ; le texte commun du site en "
        "dépend (« Notre commune », « le syndicat », « l'établissement ») ; sans nature, il dit "
        "« l'organisme »."))
    encadrants: Texte | None = facultatif(
        "Comment le document nomme les personnes qui encadrent (« encadrants », « managers », "
        "« cadres »), au pluriel ; le texte commun du site l'emploie (« aux encadrants qui "
        "cherchent un repère ») ; sans ce champ, il ne les nomme pas.",
        **nomme("Nom donné aux encadrants"))
    agents: Texte | None = facultatif(
        "Comment le document nomme les personnes à qui il s'adresse (« agents », « professionnels », "
        "« collaborateurs »), au pluriel ; le texte commun du site et du kit l'emploie (« Il "
        "s'adresse aux nouveaux professionnels », « Les droits des professionnels ») ; sans ce "
        "champ, « agents ».", **nomme("Public du document"))

    @field_validator("logo")
    @classmethod
    def _logo_file_name(cls, logo: str | None) -> str | None:
        # A name, not a path: the loader finds it among the published files.
        if logo is not None and ("/" in logo or "\\" in logo or logo.startswith(".") or not logo.strip()):
            raise ValueError(f"« {logo} » n'est pas un nom de fichier : écrivez seulement le nom du logo "
                             "rangé dans le dossier fichiers/ (par exemple « logo.png »).")
        return logo

    @field_validator("nom", "nom_court")
    @classmethod
    def _no_markup_signs(cls, nom: str) -> str:
        # The theme writes the site's name into HTML attributes without escaping them all.
        if any(sign in nom for sign in '"<>'):
            raise ValueError("un nom ne peut pas contenir « \" », « < » ni « > » : écrivez les "
                             "guillemets à la française (« »).")
        return nom

    @property
    def mot_agents(self) -> str:
        """« agents », or the organisation's own word (« professionnels »)."""
        return self.agents or AGENTS

    @property
    def nature_nom(self) -> str:
        """« commune », « syndicat », « établissement »…"""
        return NATURE_NOMS[self.nature][0]

    @property
    def designation(self) -> str:
        """« la commune », « le syndicat », « l'établissement »…"""
        noun, feminine = NATURE_NOMS[self.nature]
        article = "l'" if noun[0] in _VOYELLES else "la " if feminine else "le "
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
    integral: OuiNon = Field(default=False, title="Repris en entier", description=(
        "« oui » : le site reprend tout le texte du document, et la page « À propos » le dit ; "
        "sans ce champ, elle dit seulement que le site reprend ce document."))

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
    titre_kit: Texte | None = Field(default=None, title="Titre du kit", description=(
        "Facultatif : titre du document PDF tiré du site (couverture, pied de page, liens) ; sans "
        "ce champ, « Kit d'accueil des agents » (ou du mot de « organisation.agents »)."))
    pages: dict[str, ReglagePage] = Field(default={}, description=(
        "Facultatif : pour une page du site (par son nom : plan, gouvernance, valeurs…), un autre "
        "titre, résumé ou rang dans le menu, ou « masquer: oui »."))

    @property
    def titre_du_kit(self) -> str:
        return self.titre_kit or f"Kit d'accueil des {self.organisation.mot_agents}"

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
