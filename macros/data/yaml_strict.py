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
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from macros.data.errors import DataError
from macros.data.files import read_data_text


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


# Events that carry a value: a scalar, or the start of a mapping or a list.
_NODE_STARTS = (ScalarEvent, MappingStartEvent, SequenceStartEvent)


def _parse(text: str, source: str) -> object:
    """The document as str / PositionedDict / PositionedList, built from the parser's events.

    libyaml parses; this loop builds the values, so that anchors, aliases and tags are
    refused where they appear, before anything is expanded: nested aliases of a few hundred
    bytes would otherwise grow into millions of values. libyaml words its errors
    differently, so a file it rejects is parsed again by the pure-Python parser, whose
    messages `_explain_yaml_error` knows.
    """
    try:
        return _build(_FastNoImplicitTypesLoader(text), source)
    except yaml.YAMLError:
        return _build(_NoImplicitTypesLoader(text), source)


def _build(loader: yaml.SafeLoader, source: str) -> object:
    """Turn the parser's events into values, refusing what an editor should not write."""
    try:
        # Each open mapping or list, with the key waiting for its value (mappings).
        stack: list[list] = []
        root: object = None
        documents = 0
        while True:
            event = loader.get_event()
            kind = type(event)
            if kind in _NODE_STARTS:
                _refuse_anchor_or_tag(event, source)
                if stack and type(stack[-1][0]) is PositionedDict and stack[-1][1] is None \
                        and kind is not ScalarEvent:
                    _refuse(source, event.start_mark,
                            "une clé doit être un simple mot (par exemple « titre »), "
                            "pas une liste ni un bloc.")
                if kind is ScalarEvent:
                    value: object = event.value
                else:
                    value = PositionedDict() if kind is MappingStartEvent else PositionedList()
                    value._start = event.start_mark
                    value._marks = {} if kind is MappingStartEvent else []
                    stack.append([value, None, None])
                    continue
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                value = stack.pop()[0]
            elif kind is AliasEvent:
                _refuse(source, event.start_mark,
                        "les ancres et alias YAML (« & » et « * ») ne sont pas acceptés : "
                        "écrivez le texte en toutes lettres à chaque endroit.")
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    _refuse(source, event.start_mark,
                            "un fichier ne contient qu'un seul document : retirez la ligne « --- » "
                            "et ce qui la suit, ou mettez-le dans un autre fichier.")
                continue
            elif kind is StreamEndEvent:
                return root
            else:
                continue
            if not stack:
                root = value
                continue
            _attach(stack[-1], value, event, source)
    finally:
        loader.dispose()


def _attach(parent: list, value: object, event: yaml.Event, source: str) -> None:
    """Put a finished value into the open mapping or list."""
    container, key, key_mark = parent
    if type(container) is PositionedList:
        container.append(value)
        container._marks.append(_start_of(value, event))
        return
    if key is None:
        if value == "<<" and not event.style:  # plain: None, or "" from libyaml
            _refuse(source, event.start_mark,
                    "la fusion « << » n'est pas acceptée : écrivez chaque champ en toutes lettres.")
        if value in container:
            first = container.position(value)
            _refuse(source, event.start_mark,
                    f"la clé « {value} » apparaît deux fois dans le même bloc "
                    f"(première fois ligne {first.line}). Gardez-en une seule.")
        parent[1], parent[2] = value, event.start_mark
        return
    container[key] = value
    container._marks[key] = key_mark
    parent[1] = parent[2] = None


def _start_of(value: object, event: yaml.Event) -> yaml.Mark:
    # A finished mapping or list starts where it was opened, not where its end event is.
    return value._start if isinstance(value, _Positioned) else event.start_mark


def _refuse_anchor_or_tag(event: yaml.NodeEvent, source: str) -> None:
    if event.anchor is not None:
        _refuse(source, event.start_mark,
                f"l'ancre YAML « &{event.anchor} » n'est pas acceptée : écrivez le texte en "
                "toutes lettres à chaque endroit où il sert.")
    if event.tag is not None:
        tag = event.tag.replace("tag:yaml.org,2002:", "!!")
        _refuse(source, event.start_mark,
                f"l'étiquette YAML « {tag} » n'est pas acceptée : retirez-la, le type de "
                "chaque champ est fixé par Socle.")


def _refuse(source: str, mark: yaml.Mark, message: str) -> None:
    where = _position(mark)
    raise DataError(source, where.line, where.column, message)


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
    text = read_data_text(path, source)
    if text.startswith("\ufeff"):
        text = text[1:]
    return parse_yaml_text(text, source)


def parse_yaml_text(text: str, source: str, first_line: int = 1) -> PositionedDict:
    """Read YAML text that starts at line `first_line` of `source` (e.g. a Markdown header).

    Same rules and messages as `read_yaml`; every position counts from the file's first line.
    """
    # Blank lines in front make every mark, and so every message, count from the file's start.
    text = "\n" * (first_line - 1) + text
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise DataError(source, first_line, None,
                        "le fichier est vide : il doit contenir au moins les champs "
                        "obligatoires de cette section.")
    tab = _TAB_IN_INDENT.search(text)
    if tab:
        line_start = text.rfind("\n", 0, tab.start()) + 1
        raise DataError(source, text.count("\n", 0, line_start) + 1, tab.end() - line_start,
                        "caractère de tabulation interdit dans l'indentation : "
                        "indentez avec des espaces (deux par niveau).")
    try:
        data = _parse(text, source)
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
    if data is None:
        raise DataError(source, first_line, None, "le fichier est vide.")
    if not isinstance(data, PositionedDict):
        raise DataError(source, first_line, 1,
                        "le fichier doit être un ensemble de champs « clé: valeur », "
                        "pas une liste ni un texte seul.")
    return data
