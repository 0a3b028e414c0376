"""Who follows each piece of content, and what is past its review date.

Any model may carry an optional `suivi` block (responsable, revoir_le): every
section file, and some items (an objectif, an instance). This module finds them
all, says in French what each is about, and where it is in its file, so that a
page can show « Contenu suivi par … » and `make check` can list what is overdue.
"""

from __future__ import annotations

import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import BaseModel

from macros.data.errors import DataError
from macros.data.loader import LoadedReferentiel, per_referentiel
from macros.data.yaml_strict import PositionedDict, PositionedList, read_yaml
from macros.models.base import Suivi
from macros.registry import KIND_FILES
from macros.text.vocabulaire import NOUNS


@dataclass(frozen=True)
class SuiviTrouve:
    """One `suivi` block found in the data, with what it is about."""

    section: str
    source: str
    chemin: tuple[str | int, ...]
    objet: str
    suivi: Suivi

    @property
    def en_retard(self) -> bool:
        return self.suivi.en_retard


def _item_name(field: str, item: BaseModel) -> str:
    noun, _ = NOUNS.get(field, ("élément", False))
    numero = getattr(item, "numero", None)
    if isinstance(numero, str | int):
        return f"{noun} {numero}"
    for attribute in ("nom", "titre", "id"):
        value = getattr(item, attribute, None)
        if isinstance(value, str):
            return f"{noun} « {value} »"
    return noun


def _models_in(annotation: object) -> Iterator[type[BaseModel]]:
    """The model classes a field's type names: `Action`, `list[Action]`, `Suivi | None`…"""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from _models_in(argument)


@cache
def _fields_to_walk(model_class: type[BaseModel]) -> tuple[str, ...]:
    """Fields of `model_class` under which a `suivi` may be found: the others are skipped.

    The plan's actions have none: walking them all took longer than the plan's page.
    """
    return tuple(name for name, field in model_class.model_fields.items()
                 if name != "suivi" and any(_may_hold_suivi(found, frozenset({model_class}))
                                            for found in _models_in(field.annotation)))


def _may_hold_suivi(model_class: type[BaseModel], visiting: frozenset) -> bool:
    # `visiting`: the models on the way here; a model that holds itself (an organisation
    # chart's unit and its units) is looked at once.
    if model_class is Suivi or model_class in visiting:
        return False
    if "suivi" in model_class.model_fields:
        return True
    visiting |= {model_class}
    return any(_may_hold_suivi(found, visiting) for name, field in model_class.model_fields.items()
               for found in _models_in(field.annotation))


def _walk(model: BaseModel, chemin: tuple, objet: str) -> Iterator[tuple[tuple, str, Suivi]]:
    fields = type(model).model_fields
    suivi = model.suivi if "suivi" in fields else None
    if isinstance(suivi, Suivi):
        yield chemin, objet, suivi
    for name in _fields_to_walk(type(model)):
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from _walk(value, (*chemin, name), objet)
        elif isinstance(value, list | tuple):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _walk(item, (*chemin, name, index), _item_name(name, item))


@per_referentiel
def _of_section(ref: LoadedReferentiel, key: str) -> tuple[SuiviTrouve, ...]:
    # Every page asks for those of its sections; the plan's alone holds hundreds of items.
    return tuple(SuiviTrouve(key, ref.sources.get(key, key), chemin, objet, suivi)
                 for chemin, objet, suivi in _walk(ref.sections[key], (), ""))


def suivis(ref: LoadedReferentiel, keys: Iterable[str] | None = None) -> list[SuiviTrouve]:
    """Every `suivi` of the given sections (all sections by default), in file order."""
    found: list[SuiviTrouve] = []
    for key in keys if keys is not None else ref.sections:
        if ref.has(key):
            found += _of_section(ref, key)
    return found


def line_of(ref: LoadedReferentiel, found: SuiviTrouve) -> int | None:
    """Line of the `revoir_le` (or `suivi`) key in its file, for messages (None if unknown)."""
    path = Path(ref.folder) / KIND_FILES[found.section]
    try:
        node: object = read_yaml(path, found.source)
    except (DataError, OSError):  # the file was valid a moment ago; a line is only a bonus
        return None
    line = None
    for part in (*found.chemin, "suivi", "revoir_le"):
        in_mapping = isinstance(node, PositionedDict) and part in node
        in_list = isinstance(node, PositionedList) and isinstance(part, int) and part < len(node)
        if not (in_mapping or in_list):
            break
        line, node = node.position(part).line, node[part]
    return line
