"""Warnings for the editors: what is valid, yet probably not what they meant.

- a text still holding a « ‹…› » placeholder of the model of `make nouveau`;
- a text field that holds a Markdown table (`| a | b |` and a `|---|` line): it would be
  shown as typed, pipes and all; the `tableau` block makes a real table.

Never a failure: `make check` prints them with the file and line.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

from macros.data.loader import LoadedReferentiel
from macros.models.rubrique import looks_like_a_markdown_table

PLACEHOLDER = "‹"


def _texts(value: object) -> Iterator[str]:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, str):
        yield value


def _line_of(path: Path, text: str) -> int | None:
    """The first line of the file holding the text's first line (for the message only)."""
    first = text.strip().splitlines()[0].strip() if text.strip() else ""
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if first and first in line:
                return number
    except OSError:
        pass
    return None


def advice(loaded: LoadedReferentiel, root: Path) -> list[str]:
    """Every warning for this référentiel, as `file:line: message`."""
    models = [(source, loaded.sections[key]) for key, source in loaded.sources.items()]
    models += [(rubrique.source, rubrique.model) for rubrique in loaded.rubriques]
    found = []
    for source, model in models:
        for text in _texts(model):
            if PLACEHOLDER in text:
                message = f"texte à remplacer : « {text[:60]} »."
            elif looks_like_a_markdown_table(text):
                message = ("ce texte contient un tableau écrit en Markdown : il sera affiché tel quel, "
                           "barres comprises. Écrivez-le comme un bloc « tableau » d'une rubrique "
                           "(colonnes, lignes).")
            else:
                continue
            line = _line_of(root / source, text)
            found.append(f"{source}{f':{line}' if line else ''}: {message}")
    return found
