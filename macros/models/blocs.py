"""Content blocks: what an organisation's own pages (« rubriques ») are made of.

A rubrique is a title and a list of typed blocks (paragraphe, liste, tableau…), written
in YAML or in Markdown (macros/data/markdown_rubrique.py gives the same shape). Body
texts may carry a small inline syntax (see macros/site/inline.py): **gras**, *italique*,
`code` and [liens](https://…). Titles (of blocks, steps, rubriques), the résumé and the
contacts' telephone and courriel are plain text.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal, Union

from pydantic import AfterValidator, BeforeValidator, Discriminator, Field, Tag, model_validator

from macros.models.base import (
    MOTIF_IDENTIFIANT,
    Constats,
    ErreurLocalisee,
    Modele,
    Suivi,
    Texte,
    champ_suivi,
    liste,
)
from macros.models.pages import OuiNon

# A telephone keeps to what a number is written with, nothing that could leave a tel: link,
# then maybe an internal extension (« 03 21 00 00 00 poste 214 », « p. 214 », « ext. 214 »),
# or is an extension alone (« poste 4444 », dialled from the organisation's own phones).
_NUMERO = r"(?P<numero>\+?[0-9 .()\-]*[0-9][0-9 .()\-]*?)"
_POSTE = r"(?P<poste>(?:poste|p\.|ext\.?|extension)\s*:?\s*[0-9]{1,6})"
_TELEPHONE = re.compile(rf"^(?:{_NUMERO}\s*,?\s*)?{_POSTE}?$", re.IGNORECASE)
# Light on purpose (few addresses are refused for being unusual), but without a character
# that could end the mailto: link or the attribute that holds it, or add ?subject=… to it.
_NOT_IN_ADDRESS = r"\s@<>\"'()\[\]\\,;:?&#%="
_COURRIEL = re.compile(rf"^[^{_NOT_IN_ADDRESS}]+@[^{_NOT_IN_ADDRESS}]+\.[^{_NOT_IN_ADDRESS}.]+$")


def _telephone(value: str) -> str:
    found = _TELEPHONE.match(value.strip())
    numero = found and found.group("numero")
    if not found or not (numero or found.group("poste")) or (numero and sum(map(str.isdigit, numero)) < 2):
        raise ValueError(f"« {value} » n'est pas un numéro de téléphone : écrivez seulement des chiffres, "
                         "des espaces et éventuellement + . ( ) - (par exemple « 03 21 00 00 00 »), "
                         "suivis s'il le faut du poste (« 03 21 00 00 00 poste 214 »), ou le poste "
                         "seul (« poste 4444 »).")
    return value.strip()


def _courriel(value: str) -> str:
    if not _COURRIEL.match(value):
        raise ValueError(f"« {value} » n'est pas une adresse électronique "
                         "(forme attendue : « prenom.nom@exemple.fr »).")
    return value


# « Article 3 », « Article 12-1 », « Article 4 bis », « Article premier » at the start of a title.
_ARTICLE = re.compile(r"^Article\s+(premier|1er|\d+(?:[.-]\d+)*(?:\s+(?:bis|ter|quater))?)\b", re.IGNORECASE)

Telephone = Annotated[str, AfterValidator(_telephone)]
Courriel = Annotated[str, AfterValidator(_courriel)]


class BlocCommun(Modele):
    """What every block may carry: a heading and an anchor.

    A block is a subclass with a `type: Literal["…"]` field: that makes it one of the blocks
    a rubrique accepts (`Bloc` below), and its templates are found by that type
    (macros/site/templates/blocs/<type>.md.j2, macros/kit/typst/blocs/<type>.typ.j2).
    """

    titre: Texte | None = Field(
        default=None, description="Facultatif : titre affiché au-dessus du bloc (il reçoit une ancre "
        "et apparaît dans la recherche et le sommaire de la page).")
    id: Annotated[str, Field(pattern=MOTIF_IDENTIFIANT)] | None = Field(
        default=None, description="Facultatif : ancre du bloc (minuscules, chiffres et tirets), "
        "à la place de celle tirée du titre (« Article 3 — … » donne « article-3 »).")

    @property
    def ancre_article(self) -> str | None:
        """« article-3 » for a block titled « Article 3 — Horaires » (a règlement's article).

        A text cites an article by its number, which stays when its title is reworded: the
        number alone makes the anchor (« #article-3 », « #article-12-1 », « #article-1 »
        for « Article premier »).
        """
        found = _ARTICLE.match(self.titre or "")
        if found is None:
            return None
        number = found.group(1).lower()
        number = "1" if number in ("premier", "1er") else re.sub(r"[^0-9a-z]+", "-", number)
        return "article-" + number


class Paragraphe(BlocCommun):
    """One paragraph of text."""

    type: Literal["paragraphe"] = Field(description="Genre du bloc : « paragraphe ».")
    texte: Texte = Field(description="Le texte du paragraphe.")


# An organisation chart or a procedure goes three or four levels down; deeper, a reader loses
# the thread and a phone screen has no width left for the text.
PROFONDEUR_MAXIMALE = 4


def _element_kind(value: object) -> str:
    return "element" if isinstance(value, dict | ElementDeListe) else "texte"


# A text, or an element with a list under it: chosen by the value's shape, so that a mistake
# in one is explained for that shape only (a plain union explains it against both).
Element = Annotated[
    Union[Annotated[Texte, Tag("texte")], Annotated["ElementDeListe", Tag("element")]],  # noqa: UP007
    Discriminator(_element_kind),
]


def _sous_liste():
    return Field(default=None, min_length=1, description="Facultatif : la liste placée sous cet élément "
                 "(chaque élément est un texte, ou un texte avec sa propre liste « items »).")


def _numerotee():
    return Field(default=False, description="« oui » pour numéroter la liste placée sous cet élément "
                 "(1, 2, 3…).")


class ElementDeListe(Modele):
    """An element of a list that has a list under it (a plain element is a text)."""

    texte: Texte = Field(description="Le texte de l'élément.")
    items: list[Element] | None = _sous_liste()
    numerotee: OuiNon = _numerotee()


def _too_deep(items: list | None, level: int) -> tuple[str | int, ...] | None:
    """The path (relative to `items`) of the first list deeper than PROFONDEUR_MAXIMALE."""
    for number, item in enumerate(items or ()):
        if getattr(item, "items", None):  # an ElementDeListe or an Etape with its list
            if level == PROFONDEUR_MAXIMALE:
                return (number, "items")
            deeper = _too_deep(item.items, level + 1)
            if deeper:
                return (number, "items", *deeper)
    return None


def _refuse_too_deep(items: list | None, first_level: int, *chemin: str | int) -> None:
    path = _too_deep(items, first_level)
    if path:
        raise ErreurLocalisee(
            f"une liste ne peut pas avoir plus de {PROFONDEUR_MAXIMALE} niveaux : rattachez ces "
            "éléments au niveau du dessus, ou faites-en un bloc à part avec son titre.", *chemin, *path)


class Liste(BlocCommun):
    """A bulleted list, whose elements may have lists under them."""

    type: Literal["liste"] = Field(description="Genre du bloc : « liste » (liste à puces).")
    items: list[Element] = liste(
        "Les éléments de la liste, dans l'ordre : un texte, ou « texte » et « items » pour un élément "
        f"qui a une liste sous lui ({PROFONDEUR_MAXIMALE} niveaux au plus).")

    @model_validator(mode="after")
    def _not_too_deep(self) -> Liste:
        _refuse_too_deep(self.items, 1, "items")
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


class Contact(Modele):
    """Whom to turn to, and how to reach them."""

    role: Texte = Field(description="Pour quoi s'adresser à ce contact (« Votre badge d'accès »).")
    nom: Texte | None = Field(default=None, description="Facultatif : nom de la personne.")
    service: Texte | None = Field(default=None, description="Facultatif : service ou direction.")
    telephone: Telephone | None = Field(
        default=None, description="Facultatif : numéro de téléphone (chiffres, espaces, + . ( ) -), "
        "suivi s'il le faut du poste (« 03 21 00 00 00 poste 214 »), ou le poste seul (« poste 4444 »).")
    courriel: Courriel | None = Field(default=None, description="Facultatif : adresse électronique.")
    adresse: Texte | None = Field(default=None, description="Facultatif : adresse ou bureau.")
    horaires: Texte | None = Field(default=None, description="Facultatif : horaires où le joindre.")
    precision: Texte | None = Field(default=None, description="Facultatif : précision utile.")

    @model_validator(mode="after")
    def _someone_to_reach(self) -> Contact:
        if self.nom is None and self.service is None:
            raise ErreurLocalisee(f"le contact « {self.role} » n'a ni « nom » ni « service » : "
                                  "indiquez au moins l'un des deux.", "role")
        return self

    @property
    def numero(self) -> str | None:
        """The number one dials from outside, as written (None for an extension alone)."""
        return None if self.telephone is None else _TELEPHONE.match(self.telephone).group("numero")

    @property
    def poste(self) -> str | None:
        """The extension as written (« poste 214 »), shown beside the number, never dialled."""
        return None if self.telephone is None else _TELEPHONE.match(self.telephone).group("poste")

    @property
    def lien_telephone(self) -> str | None:
        """`tel:` link of the number: its digits and a leading +; none for an extension alone.

        The link dials the main number only. RFC 3966 `;ext=214` is ignored or refused by
        many phones' dialers, and a pause then the digits (`,214`) works only where the
        switchboard takes an extension from the keypad: the main number always reaches
        someone, and the extension written beside it says whom to ask for.
        """
        if self.numero is None:
            return None
        # « +33 (0)3 21… »: the (0) is dialled only from within the country, never after +33.
        number = self.numero.replace("(0)", "")
        return "tel:" + "".join(char for char in number if char.isdigit() or char == "+")

    @property
    def lien_courriel(self) -> str | None:
        return None if self.courriel is None else "mailto:" + self.courriel


class Contacts(BlocCommun):
    """A list of contacts."""

    type: Literal["contacts"] = Field(description="Genre du bloc : « contacts ».")
    items: list[Contact] = liste("Les contacts, dans l'ordre où les présenter.")


class Etape(Modele):
    """One step of a procedure, maybe with a list under it."""

    titre: Texte | None = Field(default=None, description="Facultatif : titre court de l'étape.")
    texte: Texte = Field(description="Ce qu'il faut faire à cette étape.")
    items: list[Element] | None = _sous_liste()
    numerotee: OuiNon = _numerotee()


class Etapes(BlocCommun):
    """Ordered steps."""

    type: Literal["etapes"] = Field(description="Genre du bloc : « etapes » (liste numérotée).")
    items: list[Etape] = liste("Les étapes, dans l'ordre où les suivre.")

    @model_validator(mode="after")
    def _not_too_deep(self) -> Etapes:
        _refuse_too_deep(self.items, 1, "items")
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
        _refuse_too_deep(self.etapes, 1, "etapes")
        _refuse_too_deep(self.liste, 1, "liste")
        return self


class Definition(Modele):
    """A term and its meaning."""

    terme: Texte = Field(description="Le terme.")
    definition: Texte = Field(description="Son sens.")


class Definitions(BlocCommun):
    """Terms and their meaning."""

    type: Literal["definitions"] = Field(description="Genre du bloc : « definitions ».")
    items: list[Definition] = liste("Les termes, chacun avec son sens.")


def _nom_de_fichier(nom: str) -> str:
    # A name, not a path: the loader then finds it in fichiers/ (macros/data/fichiers.py).
    if "/" in nom or "\\" in nom or nom.startswith(".") or not nom.strip():
        raise ValueError(f"« {nom} » n'est pas un nom de fichier : écrivez seulement le nom d'un fichier "
                         "rangé dans le dossier fichiers/ (par exemple « declaration.pdf »).")
    return nom


NomDeFichier = Annotated[str, AfterValidator(_nom_de_fichier)]


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


class Image(Modele):
    """One image, with what it shows for those who cannot see it."""

    fichier: NomDeFichier = Field(description="Nom de l'image (PNG, JPEG, WebP ou SVG), rangée dans le "
                                  "dossier fichiers/ du référentiel.")
    alternative: Texte = Field(description="Ce que montre l'image, pour qui ne la voit pas (lu par les "
                               "lecteurs d'écran, affiché si l'image manque) : « Plan du rez-de-chaussée : "
                               "accueil à gauche de l'entrée ». « décorative » si elle n'apprend rien.")
    legende: Texte | None = Field(default=None, description="Facultatif : légende affichée sous l'image.")

    @property
    def decorative(self) -> bool:
        """An image that teaches nothing (« décorative »): a screen reader skips it on the site
        (an empty alternative), the kit gives it none and never prints the word."""
        return self.alternative.strip().lower() in ("décorative", "decorative")


class Images(BlocCommun):
    """One image or several, each with its alternative text."""

    type: Literal["images"] = Field(description="Genre du bloc : « images ».")
    items: list[Image] = liste("Les images, dans l'ordre, chacune avec son texte de remplacement.")


def _block_type(model: type[BlocCommun]) -> str:
    return model.model_fields["type"].annotation.__args__[0]


# Every block class defined above, in the order of this file (the schema's and the editor's).
_TYPES = {_block_type(model): model for model in BlocCommun.__subclasses__()}
TYPES_DE_BLOC = tuple(_TYPES)


def _known_type(value: object) -> object:
    """Say in French which types exist (pydantic's own message for a bad tag is English)."""
    if not isinstance(value, dict):
        return value
    possible = ", ".join(TYPES_DE_BLOC)
    kind = value.get("type")
    if kind is None:
        raise ValueError(f"ce bloc n'a pas de « type » : ajoutez « type: ... » avec l'un de : {possible}.")
    if kind not in _TYPES:
        raise ErreurLocalisee(f"le type de bloc « {kind} » n'existe pas ; types possibles : {possible}.",
                              "type")
    return value


Bloc = Annotated[
    Union[tuple(_TYPES.values())],  # noqa: UP007 - the union of classes known only at import
    Field(discriminator="type"),
    BeforeValidator(_known_type),
]


class Rubrique(Modele):
    """A page of the organisation's own: a title, then its blocks."""

    suivi: Suivi | None = champ_suivi()
    titre: Texte = Field(description="Titre de la rubrique (titre de la page et du chapitre du kit).")
    resume: Texte | None = Field(
        default=None, description="Facultatif : résumé en une phrase, affiché sous le titre.")
    position: int | None = Field(
        default=None, ge=0, description="Facultatif : rang de la rubrique dans le menu (1, 2, 3…).")
    etape: OuiNon = Field(
        default=False, description="« oui » si la rubrique est une étape du parcours « Mes premiers jours ».")
    blocs: list[Bloc] = liste("Les blocs de la rubrique, dans l'ordre de la page.")

    @model_validator(mode="after")
    def _each_article_once(self) -> Rubrique:
        erreur = Constats()
        seen: dict[str, int] = {}
        for number, bloc in enumerate(self.blocs):
            anchor = bloc.id or bloc.ancre_article
            if anchor is None:
                continue
            if anchor in seen:
                # The first block named by its title where it has one: its rank among the blocks
                # that validated may not be its rank in the file (macros/data/elagage.py).
                first = self.blocs[seen[anchor]]
                owner = f"« {first.titre} »" if first.titre else str(seen[anchor] + 1)
                erreur(f"l'ancre « {anchor} » est déjà celle du bloc {owner} : deux articles ou "
                       "deux blocs ne peuvent pas avoir le même numéro ou le même « id » sur une page.",
                       "blocs", number, "id" if bloc.id else "titre")
            else:
                seen[anchor] = number
        erreur.lever()
        return self


_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_SEPARATOR = re.compile(r"^\s*\|(\s*:?-+:?\s*\|)+\s*$")


def looks_like_a_markdown_table(text: str) -> bool:
    """True when `text` holds a pipe table (rows framed by |, a |---| line), shown as typed."""
    lines = [line for line in text.splitlines() if line.strip()]
    return (any(_TABLE_SEPARATOR.match(line) for line in lines)
            and sum(bool(_TABLE_ROW.match(line)) for line in lines) >= 2)
