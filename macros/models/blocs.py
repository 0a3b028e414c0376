"""Content blocks: what an organisation's own pages (« rubriques ») are made of, one class a
type, in the order the schema and the editor offer them.

A rubrique (macros/models/rubrique.py) is a title and a list of typed blocks (paragraphe,
liste, tableau…), written in YAML or in Markdown (macros/data/markdown_rubrique.py gives the
same shape). What the blocks share lives beside: bloc_commun.py (title and anchor), listes.py
(nested lists, steps), contact.py, image.py. Body texts may carry a small inline syntax
(see macros/site/inline.py): **gras**, *italique*, `code` and [liens](https://…). Titles (of
blocks, steps, rubriques), the résumé and the contacts' telephone and courriel are plain text.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from macros.models.base import Constats, Modele, Texte, liste
from macros.models.bloc_commun import BlocCommun
from macros.models.contact import Contact
from macros.models.image import Image, NomDeFichier
from macros.models.listes import (
    PROFONDEUR_MAXIMALE,
    Element,
    # `Element` names it by a string (an element holds a list of elements): pydantic looks
    # that name up in the module of the block that uses it, this one.
    ElementDeListe,  # noqa: F401
    Etape,
    refuse_too_deep,
)


class Paragraphe(BlocCommun):
    """One paragraph of text."""

    type: Literal["paragraphe"] = Field(description="Genre du bloc : « paragraphe ».")
    texte: Texte = Field(description="Le texte du paragraphe.")


class Liste(BlocCommun):
    """A bulleted list, whose elements may have lists under them."""

    type: Literal["liste"] = Field(description="Genre du bloc : « liste » (liste à puces).")
    items: list[Element] = liste(
        "Les éléments de la liste, dans l'ordre : un texte, ou « texte » et « items » pour un élément "
        f"qui a une liste sous lui ({PROFONDEUR_MAXIMALE} niveaux au plus).")

    @model_validator(mode="after")
    def _not_too_deep(self) -> Liste:
        refuse_too_deep(self.items, 1, "items")
        return self


class Tableau(BlocCommun):
    """A table: a header row and rows of exactly as many cells."""

    type: Literal["tableau"] = Field(description="Genre du bloc : « tableau ».")
    colonnes: list[Texte] = liste("Les intitulés des colonnes (la ligne d'en-tête).")
    lignes: list[list[Texte]] = liste("Les lignes du tableau : chacune a autant de cellules que de colonnes.")
    legende: Texte | None = Field(
        default=None, description="Facultatif : légende du tableau, qui dit ce qu'il présente.")

    @model_validator(mode="after")
    def _rows_fit_the_columns(self) -> Tableau:
        erreur = Constats()
        expected = len(self.colonnes)
        for number, row in enumerate(self.lignes):
            if len(row) != expected:
                cells = f"{len(row)} cellule" + ("s" if len(row) > 1 else "")
                erreur(f"la ligne {number + 1} du tableau a {cells} au lieu de {expected} "
                       f"(une par colonne : {', '.join(f'« {c} »' for c in self.colonnes)}) : ajoutez ou "
                       "retirez des cellules ; pour une case vide, écrivez « — ».", "lignes", number)
        erreur.lever()
        return self


class Question(Modele):
    """A question and its answer."""

    question: Texte = Field(description="La question, telle qu'un nouvel agent la pose.")
    reponse: list[Texte] = liste("Les paragraphes de la réponse.")


class Questions(BlocCommun):
    """Questions and answers (a FAQ)."""

    type: Literal["questions"] = Field(description="Genre du bloc : « questions » (questions-réponses).")
    items: list[Question] = liste("Les questions, chacune avec sa réponse.")


class Contacts(BlocCommun):
    """A list of contacts."""

    type: Literal["contacts"] = Field(description="Genre du bloc : « contacts ».")
    items: list[Contact] = liste("Les contacts, dans l'ordre où les présenter.")


class Etapes(BlocCommun):
    """Ordered steps."""

    type: Literal["etapes"] = Field(description="Genre du bloc : « etapes » (liste numérotée).")
    items: list[Etape] = liste("Les étapes, dans l'ordre où les suivre.")

    @model_validator(mode="after")
    def _not_too_deep(self) -> Etapes:
        refuse_too_deep(self.items, 1, "items")
        return self


class Encadre(BlocCommun):
    """A framed note: something to know, to watch out for, or to do at once (an urgent
    procedure, whose steps and list stay inside the box: paragraphs, then steps, then a list)."""

    type: Literal["encadre"] = Field(description="Genre du bloc : « encadre ».")
    niveau: Literal["information", "attention", "urgence"] = Field(
        default="information", description="« information » (à savoir, par défaut), « attention » ou "
        "« urgence » (une conduite à tenir tout de suite : l'encadré est rouge et dit « Urgence »).")
    texte: list[Texte] = liste("Les paragraphes de l'encadré.")
    etapes: list[Etape] | None = Field(
        default=None, min_length=1, description="Facultatif : étapes numérotées, sous les paragraphes.")
    liste: list[Element] | None = Field(
        default=None, min_length=1, description="Facultatif : liste à puces, sous les étapes.")

    @model_validator(mode="after")
    def _not_too_deep(self) -> Encadre:
        refuse_too_deep(self.etapes, 1, "etapes")
        refuse_too_deep(self.liste, 1, "liste")
        return self


class Definition(Modele):
    """A term and its meaning."""

    terme: Texte = Field(description="Le terme.")
    definition: Texte = Field(description="Son sens.")


class Definitions(BlocCommun):
    """Terms and their meaning."""

    type: Literal["definitions"] = Field(description="Genre du bloc : « definitions ».")
    items: list[Definition] = liste("Les termes, chacun avec son sens.")


class Telechargement(BlocCommun):
    """A file to download (a form, a document), with its format and size."""

    type: Literal["telechargement"] = Field(description="Genre du bloc : « telechargement » (un fichier "
                                            "à télécharger).")
    fichier: NomDeFichier = Field(description="Nom du fichier, rangé dans le dossier fichiers/ du "
                                  "référentiel (« declaration-accident.pdf ») ; la page dit son format "
                                  "et sa taille (« PDF, 84 Ko »).")
    libelle: Texte = Field(description="Ce qu'est le fichier, texte du lien (« Formulaire de "
                           "déclaration d'accident »).")
    texte: Texte | None = Field(default=None, description="Facultatif : à quoi il sert, quand le remplir.")


class Images(BlocCommun):
    """One image or several, each with its alternative text."""

    type: Literal["images"] = Field(description="Genre du bloc : « images ».")
    items: list[Image] = liste("Les images, dans l'ordre, chacune avec son texte de remplacement.")


def _block_type(model: type[BlocCommun]) -> str:
    return model.model_fields["type"].annotation.__args__[0]


# Every block class defined above, in the order of this file (the schema's and the editor's);
# a rubrique's blocks are one of them (macros/models/rubrique.py).
PAR_TYPE = {_block_type(model): model for model in BlocCommun.__subclasses__()}
TYPES_DE_BLOC = tuple(PAR_TYPE)
