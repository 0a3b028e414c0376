"""Lists that nest, for the blocks of a rubrique (a list, steps, a framed note's list): an
element is a text or a text with its own list, at most PROFONDEUR_MAXIMALE levels deep."""

from __future__ import annotations

from typing import Annotated, Union

from pydantic import Discriminator, Field, Tag

from macros.models.base import ErreurLocalisee, Modele, Texte
from macros.models.pages import OuiNon

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


def chemin_trop_profond(elements: list | None, sous: str, maximum: int,
                        niveau: int = 1) -> tuple[str | int, ...] | None:
    """The path (relative to `elements`) of the first list deeper than `maximum` levels, the
    list under an element being its field `sous` (a list's `items`, a chart's `entites`)."""
    for number, element in enumerate(elements or ()):
        dessous = getattr(element, sous, None)  # a plain text has none
        if dessous:
            if niveau == maximum:
                return (number, sous)
            deeper = chemin_trop_profond(dessous, sous, maximum, niveau + 1)
            if deeper:
                return (number, sous, *deeper)
    return None


def refuse_too_deep(items: list | None, first_level: int, *chemin: str | int) -> None:
    path = chemin_trop_profond(items, "items", PROFONDEUR_MAXIMALE, first_level)
    if path:
        raise ErreurLocalisee(
            f"une liste ne peut pas avoir plus de {PROFONDEUR_MAXIMALE} niveaux : rattachez ces "
            "éléments au niveau du dessus, ou faites-en un bloc à part avec son titre.", *chemin, *path)


class Etape(Modele):
    """One step of a procedure, maybe with a list under it."""

    titre: Texte | None = Field(default=None, description="Facultatif : titre court de l'étape.")
    texte: Texte = Field(description="Ce qu'il faut faire à cette étape.")
    items: list[Element] | None = _sous_liste()
    numerotee: OuiNon = _numerotee()
