"""Data errors as an HR editor reads them: file, line, column, plain French.

Pydantic reports errors as a location tuple (`("instances", 3, "frequence")`)
and an English message. `explain_validation_error` walks the positioned YAML
to find the line of that location and says in French what is wrong and what is
expected, with a "vouliez-vous dire" for misspelt keys.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import BaseModel, ValidationError


@dataclass(frozen=True)
class DataError(Exception):
    """One problem in one data file, with where it is and how to fix it."""

    source: str
    line: int | None
    column: int | None
    message: str

    def __str__(self) -> str:
        where = self.source
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class DataErrors(Exception):
    """Every problem found in a référentiel, reported together."""

    def __init__(self, errors: Iterable[DataError]) -> None:
        self.errors = sorted(errors, key=lambda e: (e.source, e.line or 0, e.column or 0))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        head = (f"{count} erreur dans les données :" if count == 1
                else f"{count} erreurs dans les données :")
        return "\n".join([head, *(f"  {error}" for error in self.errors)])


_TYPE_NAMES = {
    "string": "un texte",
    "int": "un nombre entier",
    "float": "un nombre",
    "decimal": "un nombre",
    "bool": "oui ou non (true / false)",
    "list": "une liste (éléments commençant par « - »)",
    "dict": "un bloc de champs « clé: valeur »",
    "model": "un bloc de champs « clé: valeur »",
}


# The models' patterns, said as an editor would (a regular expression is never shown).
_FORMES = {
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "minuscules sans accents, chiffres et tirets, sans espace (par exemple "
                                 "« livret-accueil »)",
    r"^\d+\.\d+$": "le numéro de l'axe, un point, puis un rang (par exemple « 2.7 »)",
    r"^[^@\s]+@[^@\s]+\.[^@\s]+$": "une adresse électronique (par exemple « rh@mairie.fr »)",
    r"^https://": "une adresse qui commence par « https:// »",
}


def _forme(pattern: str, model: type[BaseModel], loc: tuple) -> str:
    """What a value matching `pattern` looks like, in words: from `_FORMES`, else from the
    field's own description, else said plainly."""
    if pattern in _FORMES:
        return _FORMES[pattern]
    owner = model_at(model, loc)
    field = owner.model_fields.get(loc[-1]) if owner and isinstance(loc[-1], str) else None
    if field is not None and field.description:
        description = field.description.rstrip(".")
        return description[:1].lower() + description[1:]
    return "celle que décrit la documentation de ce champ"


def _nombre(value: object) -> str:
    """100 → « 100 », 12.5 → « 12,5 »: numbers of a message written the French way."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace(".", ",")


def _expected_kind(error_type: str) -> str | None:
    for key, name in _TYPE_NAMES.items():
        if error_type.startswith(key):
            return name
    return None


def _found_kind(value: object) -> str:
    if isinstance(value, dict):
        return "un bloc de champs"
    if isinstance(value, list):
        return "une liste"
    return f"« {value} »"


def locate(raw: object, loc: tuple) -> tuple[int | None, int | None]:
    """Line and column of the deepest part of `loc` present in the raw YAML."""
    line = column = None
    node = raw
    start = getattr(raw, "start", None)
    if start is not None:
        line, column = start.line, start.column
    for part in loc:
        position_of = getattr(node, "position", None)  # PositionedDict, PositionedList
        if position_of is None:
            break
        in_mapping = isinstance(node, dict) and isinstance(part, str) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if isinstance(node, dict) and not in_mapping and part == node.get("type"):
            continue  # pydantic names the member of a union by its tag (`type: tableau`)
        if in_mapping or in_list:
            position = position_of(part)
            node = node[part]
        else:
            break
        line, column = position.line, position.column
    return line, column


def _field_label(loc: tuple) -> str:
    """The last named field of a location, for the message."""
    for part in reversed(loc):
        if isinstance(part, str):
            return part
    return "élément"


def model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model class that owns the last part of `loc` (to list its fields)."""
    current: object = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return None
        annotation = fields[part].annotation
        current = _innermost_model(annotation)
        if current is None:
            return None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _innermost_model(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in getattr(annotation, "__args__", ()) or ():
        found = _innermost_model(argument)
        if found is not None:
            return found
    return None


def _message(error: dict, model: type[BaseModel]) -> str:
    kind = error["type"]
    loc = tuple(error["loc"])
    field = _field_label(loc)
    value = error.get("input")
    context = error.get("ctx") or {}
    if kind == "missing":
        return f"le champ obligatoire « {field} » manque : ajoutez « {field}: ... » à ce bloc."
    if kind == "extra_forbidden":
        owner = model_at(model, loc)
        known = sorted(owner.model_fields) if owner else []
        hint = difflib.get_close_matches(field, known, n=1, cutoff=0.6)
        text = f"la clé « {field} » est inconnue"
        if hint:
            text += f" : vouliez-vous dire « {hint[0]} » ?"
        elif known:
            text += f". Clés possibles ici : {', '.join(known)}."
        else:
            text += "."
        return text
    if kind == "too_short":
        minimum = context.get("min_length", 1)
        if isinstance(value, str):
            return f"le champ « {field} » est vide : écrivez le texte attendu."
        return (f"la liste « {field} » est vide : il faut au moins {minimum} "
                f"élément{'s' if minimum > 1 else ''}.")
    if kind == "string_too_short":
        return f"le champ « {field} » est vide : écrivez le texte attendu."
    if kind in {"literal_error", "enum"}:
        choices = re.findall(r"'([^']*)'", str(context.get("expected", "")))
        expected = ", ".join(choices[:-1]) + f" ou {choices[-1]}" if len(choices) > 1 else "".join(choices)
        return f"la valeur « {value} » n'est pas permise pour « {field} » ; valeurs possibles : {expected}."
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return f"« {field} » doit être un nombre entier, pas {_found_kind(value)}."
    if kind in {"greater_than_equal", "greater_than", "less_than_equal", "less_than"}:
        return _borne(kind, field, value, context)
    if kind in {"bool_parsing", "bool_type"}:
        return f"« {field} » doit valoir oui ou non, pas {_found_kind(value)}."
    if kind == "string_pattern_mismatch":
        return (f"la valeur « {value} » de « {field} » n'a pas la forme attendue : "
                f"{_forme(str(context.get('pattern', '')), model, loc)}.")
    if kind in {"string_too_long", "too_long"}:
        maximum = context.get("max_length")
        unit = "caractères" if kind == "string_too_long" else "éléments"
        return f"« {field} » est trop long : {maximum} {unit} au plus."
    if kind == "value_error":
        # Our own validators raise ValueError with a French message.
        return str(context.get("error", error.get("msg", "")))
    if kind.startswith(("date_", "datetime_")):
        return f"« {field} » doit être une date réelle, écrite AAAA-MM-JJ (par exemple 2026-06-30), pas " \
               f"{_found_kind(value)}."
    expected_kind = _expected_kind(kind)
    if expected_kind == _TYPE_NAMES["string"] and isinstance(value, dict) and len(value) == 1:
        # `- Pour venir :` or `texte: Horaires: 9 h`: YAML read a text with « : » as a field.
        (key, rest), = value.items()
        shown = f"{key}:" + (f" {rest}" if isinstance(rest, str) and rest else "")
        return (f"« {field} » doit être un texte, mais « {shown} » a été lu comme un champ : un texte "
                "qui contient « : » suivi d'un espace, ou qui finit par « : », s'écrit entre guillemets "
                f"(« \"{shown}\" »).")
    if expected_kind:
        return f"« {field} » doit être {expected_kind}, pas {_found_kind(value)}."
    # A kind of error not translated above: said plainly, pydantic's English left out.
    return f"la valeur {_found_kind(value)} ne convient pas pour « {field} »."


def _borne(kind: str, field: str, value: object, context: dict) -> str:
    """« avancement » vaut au plus 100 : a number past one of the model's bounds."""
    bound = next((context[key] for key in ("ge", "gt", "le", "lt") if key in context), None)
    if kind == "greater_than_equal" and bound == 0:
        text = "doit être un nombre positif ou nul"
    elif kind == "greater_than_equal":
        text = f"doit valoir au moins {_nombre(bound)}"
    elif kind == "greater_than":
        text = f"doit valoir plus de {_nombre(bound)}"
    elif kind == "less_than_equal":
        text = f"doit valoir au plus {_nombre(bound)}"
    else:
        text = f"doit valoir moins de {_nombre(bound)}"
    found = f"« {_nombre(value)} »" if isinstance(value, int | float) else _found_kind(value)
    return f"« {field} » {text}, pas {found}."


def explain_validation_error(
    error: ValidationError, raw: object, source: str, model: type[BaseModel]
) -> list[DataError]:
    """Translate every pydantic error of one file into located French errors."""
    found = []
    for detail in error.errors(include_url=False):
        for loc, message in each_problem(detail, model):
            line, column = locate(raw, loc)
            found.append(DataError(source, line, column, message))
    return found


def each_problem(detail: dict, model: type[BaseModel]) -> list[tuple[tuple, str]]:
    """Where and what, for one pydantic error: one problem, or each of a validator's findings
    (`ErreursLocalisees`), located at its own item."""
    cause = (detail.get("ctx") or {}).get("error")
    found = getattr(cause, "erreurs", None) or [cause]
    loc = tuple(detail["loc"])
    if len(found) == 1:
        return [(loc + tuple(getattr(cause, "chemin", ())), _message(detail, model))]
    return [(loc + tuple(erreur.chemin), str(erreur)) for erreur in found]
