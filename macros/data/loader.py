"""Load a référentiel folder into validated models, once per build.

Every file is read and validated even when an earlier one failed, so that the
editor sees all problems at once. The build keeps the result with the folder's
fingerprint (`Construction.referentiel`): MkDocs asks from several hooks, and
`mkdocs serve` reloads only when a file really changed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from macros.data.elagage import checks_of_the_rest
from macros.data.errors import DataError, DataErrors, explain_validation_error
from macros.data.fichiers import Fichier, catalogue
from macros.data.files import (
    PUBLISHED_FOLDER,
    SOURCE_FOLDER,
    check_document_file,
    display_path,
    unsafe_entries,
)
from macros.data.liens import check_file_name, check_links
from macros.data.references import check_references
from macros.data.yaml_strict import read_yaml
from macros.models.base import MOTIF_IDENTIFIANT
from macros.registry import IDENTITY, KINDS, PAGES, RUBRIQUES, Kind

# Files an editor may keep next to the data without them being read as sections (IMPORT.md:
# the report of make importer-document, beside the draft it wrote).
_IGNORED = {"CORRECTIONS.md", "README.md", "IMPORT.md"}
# Folders of a référentiel: its source document, and its own pages (one file each).
_RUBRIQUE_SUFFIXES = (".yml", ".md")
_IDENTIFIER = re.compile(MOTIF_IDENTIFIANT)


@dataclass(frozen=True)
class LoadedRubrique:
    """One of the organisation's own pages: its address, its file and its validated content."""

    id: str
    source: str
    model: BaseModel

    @property
    def fichier(self) -> str:
        """Its file within the référentiel's folder (`rubriques/teletravail.md`), as git names it."""
        return f"{RUBRIQUES.filename}/{Path(self.source).name}"


@dataclass(frozen=True)
class LoadedReferentiel:
    """A validated référentiel: its slug, folder, one model per present section, its rubriques."""

    slug: str
    folder: Path
    sections: dict[str, BaseModel] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    rubriques: tuple[LoadedRubrique, ...] = ()
    # Its files published with the site (`fichiers/`), by name (macros/data/fichiers.py).
    fichiers: dict[str, Fichier] = field(default_factory=dict)
    # What is worked out from it once (`per_referentiel`): it never changes once loaded.
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def logo(self) -> Fichier | None:
        """The logo's file, when the organisation names one."""
        nom = self.sections[IDENTITY.key].organisation.logo
        return self.fichiers.get(nom) if nom else None

    def has(self, key: str) -> bool:
        return key in self.sections

    def __getattr__(self, key: str) -> BaseModel:
        try:
            return self.sections[key]
        except KeyError:
            raise AttributeError(key) from None


def _validate(section: Kind, path: Path, root: Path) -> tuple[BaseModel, object]:
    """The file's model, and what was read (its positions locate cross-file errors)."""
    source = display_path(path, root)
    raw = read_yaml(path, source)
    return _validated(section.model, raw, source), raw


def _validated(model: type[BaseModel], raw: object, source: str) -> BaseModel:
    """The model of what was read, or every problem with its place in the file."""
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        errors = explain_validation_error(error, raw, source, model)
        # With the checks the field errors kept from running (elagage.py): one round, not two.
        raise DataErrors(errors + checks_of_the_rest(model, raw, source, error, errors)) from None


def load_referentiel(folder: Path, root: Path) -> LoadedReferentiel:
    """Read and validate every section file of `folder`.

    `root` is the repository root, so that errors name `data/<slug>/<file>`.
    Raises DataErrors listing every problem found.
    """
    errors: list[DataError] = []
    if not folder.is_dir():
        raise DataErrors([DataError(display_path(folder, root), None, None,
                                    "ce dossier de référentiel n'existe pas.")])
    refused = unsafe_entries(folder, root, errors)
    known = {section.filename for section in KINDS}
    for path in sorted(folder.iterdir()):
        # Hidden files are the editors' own (a save's temporary file, .DS_Store): never read.
        if path in refused or path.name.startswith("."):
            continue
        if path.is_file() and path.name not in known and path.name not in _IGNORED:
            errors.append(DataError(
                display_path(path, root), None, None,
                "fichier inconnu : il ne sera pas lu. Fichiers possibles : "
                + ", ".join(sorted(known)) + ", et les pages de l'organisation dans le dossier "
                "rubriques/."))
        elif path.is_dir() and path.name not in (SOURCE_FOLDER, RUBRIQUES.filename, PUBLISHED_FOLDER) \
                and not path.name.startswith("."):
            errors.append(DataError(
                display_path(path, root), None, None,
                f"dossier inconnu : il ne sera pas lu. Dossiers possibles : {RUBRIQUES.filename}/ "
                f"(les pages de l'organisation), {PUBLISHED_FOLDER}/ (les fichiers publiés : "
                f"formulaires, documents, images, logo) et {SOURCE_FOLDER}/ (le document d'origine)."))
    dossier = display_path(folder / PUBLISHED_FOLDER, root)
    fichiers = catalogue(folder / PUBLISHED_FOLDER, dossier, refused, errors)
    sections: dict[str, BaseModel] = {}
    sources: dict[str, str] = {}
    raws: dict[str, object] = {}
    unreadable: set[str] = set()  # sections present but invalid: what they hold is unknown
    for section in KINDS:
        path = folder / section.filename
        if path in refused:
            continue
        if not path.exists():
            if section is IDENTITY:
                errors.append(DataError(display_path(path, root), None, None,
                                        "fichier obligatoire absent : il décrit l'organisation "
                                        "et le document source."))
            continue
        try:
            sections[section.key], raws[section.key] = _validate(section, path, root)
            sources[section.key] = display_path(path, root)
            errors += check_links(raws[section.key], sources[section.key], fichiers, dossier, rubrique=False)
        except DataError as error:
            errors.append(error)
            unreadable.add(section.key)
        except DataErrors as many:
            errors.extend(many.errors)
            unreadable.add(section.key)
    rubriques = _load_rubriques(folder / RUBRIQUES.filename, root, errors, refused, fichiers, dossier)
    if IDENTITY.key in sections:
        errors += check_document_file(sections[IDENTITY.key], raws[IDENTITY.key], folder, root,
                                      sources[IDENTITY.key], refused)
        if logo := sections[IDENTITY.key].organisation.logo:
            errors += check_file_name(logo, raws[IDENTITY.key], ("organisation", "logo"),
                                      sources[IDENTITY.key], fichiers, dossier, "le logo", images_only=True)
    # Said with the other errors, not after them: only a reference into a file that could not
    # be read waits until that file is fixed.
    errors += check_references(sections, raws, sources, unreadable)
    if errors:
        raise DataErrors(errors)
    return LoadedReferentiel(folder.name, folder, sections, sources, rubriques, fichiers)


# Page names an organisation's rubrique cannot take: the registry's own pages.
_TAKEN = {spec.path.removesuffix(".md") for spec in PAGES} | {"index", "search", "assets", PUBLISHED_FOLDER,
                                                                 "telechargements", "admin"}


def _load_rubriques(folder: Path, root: Path, errors: list[DataError], refused: frozenset[Path],
                    fichiers: dict[str, Fichier], dossier: str) -> tuple[LoadedRubrique, ...]:
    """Every file of `rubriques/`, validated; problems are added to `errors`."""
    if folder in refused or not folder.is_dir():
        return ()
    found: dict[str, LoadedRubrique] = {}
    for path in sorted(folder.iterdir()):
        source = display_path(path, root)
        if path in refused or not path.is_file() or path.name.startswith("."):
            continue
        if path.suffix not in _RUBRIQUE_SUFFIXES:
            errors.append(DataError(source, None, None, "fichier inconnu : une rubrique s'écrit en "
                                    "YAML (.yml) ou en Markdown (.md)."))
            continue
        if not _IDENTIFIER.match(path.stem):
            errors.append(DataError(source, None, None, f"« {path.stem} » ne peut pas servir d'adresse "
                                    "de page : nommez le fichier en minuscules sans accents, avec des "
                                    "tirets (par exemple « teletravail.md »)."))
            continue
        if path.stem in _TAKEN or path.stem in found:
            owner = found[path.stem].source if path.stem in found else "une page du site"
            errors.append(DataError(source, None, None, f"l'adresse « {path.stem} » est déjà prise "
                                    f"(par {owner}) : renommez le fichier."))
            continue
        try:
            model, raw = _validate_rubrique(path, source)
            found[path.stem] = LoadedRubrique(path.stem, source, model)
            errors.extend(check_links(raw, source, fichiers, dossier, rubrique=True))
            errors.extend(_files_of_blocks(model, raw, source, fichiers, dossier))
        except DataError as error:
            errors.append(error)
        except DataErrors as many:
            errors.extend(many.errors)
    return tuple(found.values())


def _validate_rubrique(path: Path, source: str) -> tuple[BaseModel, object]:
    if path.suffix == ".md":
        from macros.data.markdown_rubrique import read_markdown_rubrique

        raw = read_markdown_rubrique(path, source)
    else:
        raw = read_yaml(path, source)
    return _validated(RUBRIQUES.model, raw, source), raw


def _files_of_blocks(model: BaseModel, raw: object, source: str, fichiers: dict[str, Fichier],
                     dossier: str) -> list[DataError]:
    """The files that a rubrique's download and image blocks name are in `fichiers/`."""
    errors = []
    for number, bloc in enumerate(model.blocs):
        if bloc.type == "telechargement":
            errors += check_file_name(bloc.fichier, raw, ("blocs", number, "fichier"), source, fichiers,
                                      dossier, "le fichier")
        elif bloc.type == "images":
            for rank, image in enumerate(bloc.items):
                errors += check_file_name(image.fichier, raw, ("blocs", number, "items", rank, "fichier"),
                                          source, fichiers, dossier, "l'image", images_only=True)
    return errors


def fingerprint(folder: Path) -> tuple:
    """The names, dates and sizes of the folder's files: unchanged, the same référentiel."""
    return (_files_of(folder) + _files_of(folder / RUBRIQUES.filename)
            + _files_of(folder / PUBLISHED_FOLDER))


def _files_of(folder: Path) -> tuple:
    try:
        with os.scandir(folder) as entries:
            found = [(entry.name, entry.stat()) for entry in entries if entry.is_file()]
    except OSError:
        return ()
    return tuple(sorted((name, status.st_mtime_ns, status.st_size) for name, status in found))


T = TypeVar("T")


def per_referentiel(function: Callable[..., T]) -> Callable[..., T]:
    """`function(ref, *args)` worked out once per référentiel and arguments.

    For what every page asks of the référentiel (its glossary, the `suivi` blocks of a
    section): kept on the référentiel object (`memo`), which never changes and lives as
    long as its build.
    """
    @wraps(function)
    def remembered(ref: LoadedReferentiel, *args: object) -> T:
        key = (remembered, args)
        if key not in ref.memo:
            ref.memo[key] = function(ref, *args)
        return ref.memo[key]

    return remembered

