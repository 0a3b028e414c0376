"""Load a référentiel folder into validated models, once per build.

Every file is read and validated even when an earlier one failed, so that the
editor sees all problems at once. The result is cached on the folder's content
fingerprint: MkDocs calls us from several hooks, and `mkdocs serve` reloads only
when a file really changed.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from macros.data import collector
from macros.data.errors import DataError, DataErrors, explain_validation_error
from macros.data.yaml_strict import read_yaml
from macros.registry import IDENTITY, SECTIONS, Section

# Files an editor may keep next to the data without them being read as sections.
_IGNORED = {"CORRECTIONS.md", "README.md"}


@dataclass(frozen=True)
class LoadedReferentiel:
    """A validated référentiel: its slug, folder and one model per present section."""

    slug: str
    folder: Path
    sections: dict[str, BaseModel] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)

    def has(self, key: str) -> bool:
        return key in self.sections

    def __getattr__(self, key: str) -> BaseModel:
        try:
            return self.sections[key]
        except KeyError:
            raise AttributeError(key) from None


def _display_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _validate(section: Section, path: Path, root: Path) -> BaseModel:
    source = _display_path(path, root)
    raw = read_yaml(path, source)
    try:
        return section.model.model_validate(raw)
    except ValidationError as error:
        raise DataErrors(explain_validation_error(error, raw, source, section.model)) from None


def load_referentiel(folder: Path, root: Path) -> LoadedReferentiel:
    """Read and validate every section file of `folder`.

    `root` is the repository root, so that errors name `data/<slug>/<file>`.
    Raises DataErrors listing every problem found.
    """
    errors: list[DataError] = []
    if not folder.is_dir():
        raise DataErrors([DataError(_display_path(folder, root), None, None,
                                    "ce dossier de référentiel n'existe pas.")])
    known = {section.filename for section in SECTIONS}
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.name not in known and path.name not in _IGNORED:
            errors.append(DataError(
                _display_path(path, root), None, None,
                "fichier inconnu : il ne sera pas lu. Fichiers possibles : "
                + ", ".join(sorted(known)) + "."))
    sections: dict[str, BaseModel] = {}
    sources: dict[str, str] = {}
    for section in SECTIONS:
        path = folder / section.filename
        if not path.exists():
            if section is IDENTITY:
                errors.append(DataError(_display_path(path, root), None, None,
                                        "fichier obligatoire absent : il décrit l'organisation "
                                        "et le document source."))
            continue
        try:
            sections[section.key] = _validate(section, path, root)
            sources[section.key] = _display_path(path, root)
        except DataError as error:
            errors.append(error)
        except DataErrors as many:
            errors.extend(many.errors)
    if errors:
        raise DataErrors(errors)
    return LoadedReferentiel(folder.name, folder, sections, sources)


def _fingerprint(folder: Path) -> tuple:
    # Asked by every hook of every page: one directory scan and one stat per file.
    try:
        with os.scandir(folder) as entries:
            found = [(entry.name, entry.stat()) for entry in entries if entry.is_file()]
    except OSError:
        return ()
    return tuple(sorted((name, status.st_mtime_ns, status.st_size) for name, status in found))


_cache: dict[Path, tuple[tuple, LoadedReferentiel]] = {}


def load_cached(folder: Path, root: Path) -> LoadedReferentiel:
    """`load_referentiel`, memoised on the folder's files and their dates."""
    key = folder.resolve()
    fingerprint = _fingerprint(folder)
    cached = _cache.get(key)
    if cached and cached[0] == fingerprint:
        return cached[1]
    with collector.paused(keep=True):  # kept for the whole build
        loaded = load_referentiel(folder, root)
    _cache[key] = (fingerprint, loaded)
    return loaded


T = TypeVar("T")


def per_referentiel(function: Callable[..., T]) -> Callable[..., T]:
    """`function(ref, *args)` worked out once per référentiel and arguments.

    For what every page asks of the référentiel (its glossary, the `suivi` blocks of a
    section): kept while `load_cached` hands out the same référentiel object, that is
    while its files are unchanged.
    """
    latest: list = [None, {}]  # the référentiel, and the results by arguments

    @wraps(function)
    def remembered(ref: LoadedReferentiel, *args: object) -> T:
        if latest[0] is not ref:
            latest[:] = [ref, {}]
        if args not in latest[1]:
            latest[1][args] = function(ref, *args)
        return latest[1][args]

    return remembered

