"""What a field of a data file is, read from the file's model: its French name, whether its
value is a date, and the model of what it holds.

« Quoi de neuf » compares two versions of a file as plain data (macros/history/changes.py);
walking the model beside the data lets it say « Public du document ajouté » where the file
says `agents`, and « juin 2027 » where it says `2027-06`. A field is named where it is
declared: its `title` in the model (with `x-accord` when the name is feminine or plural, as
`models.base.nomme` writes them), else the name the sentences of `changes.FIELDS` give the
keys many models share.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass

from pydantic import BaseModel

from macros.models.dates import DateDocument

# What each agreement adds to a past participle (« ajouté », « ajoutée », « ajoutés »…).
ACCORDS = {"m": "", "f": "e", "mp": "s", "fp": "es"}


@dataclass(frozen=True)
class Champ:
    """One field of a model as « Quoi de neuf » speaks of it."""

    nom: str | None  # its title in the model, if it has one
    accord: str  # « m », « f », « mp » or « fp »
    date: bool  # its value is a date as documents write it (DateDocument)
    modeles: tuple[type[BaseModel], ...]  # the models of what it holds (an item, a sub-object)


_INCONNU = Champ(None, "m", False, ())


def _types(annotation: object) -> list[object]:
    """The plain types inside an annotation (Optional, list, Annotated and unions unwrapped)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _types(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list, tuple, set, frozenset):
        return [found for arg in typing.get_args(annotation) for found in _types(arg)]
    return [annotation]


def champ(modele: type[BaseModel] | None, cle: str) -> Champ:
    """The field `cle` of `modele` (unknown: no name, not a date, no model inside)."""
    info = modele.model_fields.get(cle) if modele else None
    if info is None:
        return _INCONNU
    inside = _types(info.annotation)
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    return Champ(info.title, str(extra.get("x-accord", "m")), DateDocument in inside,
                 tuple(t for t in inside if isinstance(t, type) and issubclass(t, BaseModel)))


def modele_de(modeles: tuple[type[BaseModel], ...], valeur: object) -> type[BaseModel] | None:
    """Which of the models a field may hold this dict is: the only one, or the one its `type`
    names (a rubrique's blocks), else the one that has all its keys."""
    if not isinstance(valeur, dict) or not modeles:
        return None
    if len(modeles) == 1:
        return modeles[0]
    sorte = valeur.get("type")
    for modele in modeles:
        info = modele.model_fields.get("type")
        if info is not None and sorte is not None and sorte in (info.default, *_types(info.annotation),
                                                                *typing.get_args(info.annotation)):
            return modele
    complets = [m for m in modeles if set(valeur) <= set(m.model_fields)]
    return complets[0] if len(complets) == 1 else None


def en_date(valeur: object) -> str | None:
    """« 30 juin 2027 », « juin 2027 », « 2027 » for a date written as the files do; None
    for anything else (the sentence then quotes what the file says)."""
    try:
        return DateDocument.lire(valeur).en_francais
    except ValueError:
        return None
