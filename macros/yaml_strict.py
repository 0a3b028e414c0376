"""Strict YAML reading: every scalar stays the text the editor wrote.

PyYAML speaks YAML 1.1, where `NO` is a boolean, `18:30` the number 1110 and
`2023-12-04` a date. HR editors write French prose, so this loader resolves no
implicit type at all: every scalar is a `str`, and the models decide what a field
may hold (pydantic turns "33" into 33 where a number is expected, and refuses
"trente" with a clear message). Duplicate keys, which PyYAML silently merges,
are errors. Every mapping and list remembers the line and column of its items
so that a validation error can point at the exact place in the file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .errors import DataError


class Position(NamedTuple):
    """A place in a data file, 1-based as editors count (made only when a message needs it)."""

    line: int
    column: int


class _Positioned:
    """Where a mapping or a sequence read from YAML, and each of its keys or items, is written."""

    __slots__ = ()
    _start: yaml.Mark
    _marks: dict[str, yaml.Mark] | list[yaml.Mark]

    @property
    def start(self) -> Position:
        return _position(self._start)

    def position(self, key: str | int) -> Position:
        return _position(self._marks[key])


class PositionedDict(_Positioned, dict):
    """A mapping read from YAML, which knows where each of its keys is written."""

    __slots__ = ("_marks", "_start")


class PositionedList(_Positioned, list):
    """A sequence read from YAML, which knows where each of its items is written."""

    __slots__ = ("_marks", "_start")


# The parser's marks are kept as they are (0-based) and turned into a Position only when a
# message needs one: a large référentiel holds a hundred thousand items, a message a few.
def _position(mark: yaml.Mark) -> Position:
    return Position(mark.line + 1, mark.column + 1)


class _NoImplicitTypesLoader(yaml.SafeLoader):
    """SafeLoader whose only implicit type is the string."""


# Drop every implicit resolver (bool, int, float, null, timestamp, merge...).
_NoImplicitTypesLoader.yaml_implicit_resolvers = {}


class _FastNoImplicitTypesLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same loader on libyaml (PyYAML's C parser): about ten times faster."""


_FastNoImplicitTypesLoader.yaml_implicit_resolvers = {}


def _compose(text: str) -> yaml.Node | None:
    """The document's node tree, parsed by libyaml when the file is valid YAML.

    libyaml words its errors differently, so a file it rejects is parsed again by
    the pure-Python loader, whose messages `_explain_yaml_error` knows.
    """
    for loader_class in (_FastNoImplicitTypesLoader, _NoImplicitTypesLoader):
        loader = loader_class(text)
        try:
            return loader.get_single_node()
        except yaml.YAMLError:
            if loader_class is _NoImplicitTypesLoader:
                raise
        finally:
            loader.dispose()
    return None


def _build(node: yaml.Node, source: str) -> object:
    """Turn a composed node into str / PositionedDict / PositionedList."""
    kind = type(node)
    if kind is ScalarNode:
        return node.value
    if kind is SequenceNode:
        items = PositionedList(_build(child, source) for child in node.value)
        items._start = node.start_mark
        items._marks = [child.start_mark for child in node.value]
        return items
    if kind is not MappingNode:
        raise DataError(source, *_as_tuple(_position(node.start_mark)), "élément YAML non reconnu.")
    mapping = PositionedDict()
    mapping._start = node.start_mark
    marks = mapping._marks = {}
    for key_node, value_node in node.value:
        key = key_node.value
        if type(key_node) is not ScalarNode or key == "<<" or key in mapping:
            _refuse_key(mapping, key_node, source)
        mapping[key] = _build(value_node, source)
        marks[key] = key_node.start_mark
    return mapping


def _refuse_key(mapping: PositionedDict, key_node: yaml.Node, source: str) -> None:
    where = _position(key_node.start_mark)
    if not isinstance(key_node, ScalarNode):
        raise DataError(source, where.line, where.column,
                        "une clé doit être un simple mot (par exemple « titre »), "
                        "pas une liste ni un bloc.")
    key = key_node.value
    if key == "<<":
        raise DataError(source, where.line, where.column,
                        "la fusion « << » n'est pas acceptée : écrivez chaque "
                        "champ en toutes lettres.")
    first = mapping.position(key)
    raise DataError(source, where.line, where.column,
                    f"la clé « {key} » apparaît deux fois dans le même bloc "
                    f"(première fois ligne {first.line}). Gardez-en une seule.")


def _as_tuple(position: Position) -> tuple[int, int]:
    return position.line, position.column


def _explain_yaml_error(error: yaml.MarkedYAMLError) -> str:
    """Say in French what PyYAML's English message means for an editor."""
    problem = (error.problem or "").lower()
    context = (error.context or "").lower()
    if "tab" in problem or "\t" in problem:
        return ("caractère de tabulation interdit dans l'indentation : "
                "indentez avec des espaces (deux par niveau).")
    if "found unexpected end of stream" in problem or "while scanning a quoted scalar" in context:
        return ("guillemet ouvert mais jamais fermé : ajoutez le guillemet de fin, "
                "ou retirez celui du début.")
    if "mapping values are not allowed here" in problem:
        return ("deux-points « : » inattendu : si le texte contient « : », "
                "mettez tout le texte entre guillemets.")
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return ("indentation incohérente : les éléments d'un même bloc doivent "
                "commencer exactement à la même colonne.")
    if "could not find expected ':'" in problem:
        return "il manque « : » après le nom d'une clé (forme attendue : « clé: valeur »)."
    if "found character '@'" in problem or "found character '`'" in problem:
        return "un texte ne peut pas commencer par @ ou ` : mettez-le entre guillemets."
    if "found undefined alias" in problem or "alias" in context:
        return "les ancres et alias YAML (& et *) ne sont pas acceptés : écrivez le texte."
    if "expected a comment or a line break" in problem:
        return ("texte inattendu après une valeur entre guillemets : mettez tout le "
                "texte entre les guillemets.")
    return ("le fichier n'est pas du YAML valide à cet endroit "
            f"(détail technique : {error.problem}).")


# Where a scalar value starts on a line: after "- ", after "key: ", or after both.
_VALUE_START = re.compile(r"^\s*(?:-\s+)?(?:[^\s#\"'-][^:#]*:\s+)?(?P<value>.*)$")


def _unclosed_quote(lines: list[str], last: int) -> tuple[int, int] | None:
    """First line up to `last` whose value opens a quote it never closes.

    PyYAML reports such a mistake far below, where the runaway text finally
    meets another quote; the editor needs the line where it started.
    """
    for number, line in enumerate(lines[:last], start=1):
        match = _VALUE_START.match(line)
        value = match.group("value").rstrip() if match else ""
        if value.startswith('"'):
            body = value[1:].replace('\\\\', "").replace('\\"', "")
            if '"' not in body:
                return number, match.start("value") + 1
        elif value.startswith("'"):
            body = value[1:].replace("''", "")
            if "'" not in body:
                return number, match.start("value") + 1
    return None


# A tab among the blanks that start a line (the first one found).
_TAB_IN_INDENT = re.compile(r"^[^\S\n]*?\t", re.MULTILINE)


def read_yaml(path: Path, source: str) -> PositionedDict:
    """Read one data file into positioned dicts/lists of strings.

    `source` is the path shown to the editor (relative to the repository).
    Raises DataError for anything an editor must fix.
    """
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError(source, line, None,
                        "le fichier n'est pas encodé en UTF-8 : enregistrez-le en "
                        "« UTF-8 » depuis votre éditeur.") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise DataError(source, 1, None,
                        "le fichier est vide : il doit contenir au moins les champs "
                        "obligatoires de cette section.")
    tab = _TAB_IN_INDENT.search(text)
    if tab:
        line_start = text.rfind("\n", 0, tab.start()) + 1
        raise DataError(source, text.count("\n", 0, line_start) + 1, tab.end() - line_start,
                        "caractère de tabulation interdit dans l'indentation : "
                        "indentez avec des espaces (deux par niveau).")
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        runaway = _unclosed_quote(text.splitlines(), line or 0)
        if runaway:
            raise DataError(source, *runaway,
                            "guillemet ouvert mais jamais fermé sur cette ligne : ajoutez le "
                            "guillemet de fin, ou retirez celui du début.") from None
        raise DataError(source, line, column, _explain_yaml_error(error)) from None
    except yaml.YAMLError:
        raise DataError(source, None, None, "le fichier n'est pas du YAML valide.") from None
    if node is None:
        raise DataError(source, 1, None, "le fichier est vide.")
    data = _build(node, source)
    if not isinstance(data, PositionedDict):
        raise DataError(source, 1, 1,
                        "le fichier doit être un ensemble de champs « clé: valeur », "
                        "pas une liste ni un texte seul.")
    return data
