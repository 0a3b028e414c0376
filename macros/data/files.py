"""Which files of a référentiel may be read at all: no links, no special files, no giants.

A symbolic link under `data/<slug>/` would publish any file of the machine (page, search
index, kit); a pipe or a device would hang the build; a file of 50 Mo makes it run for
minutes. The loader looks at every entry of the folder here, without following anything,
before it reads a single file; a field that names a file (the source document) must name a
regular file of the folder.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from macros.data.errors import DataError, locate
from macros.data.limites import TAILLE_MAX_FICHIER, message_trop_gros, message_trop_gros_publie

# The folder of a référentiel that holds its source document.
SOURCE_FOLDER = "source"
# The folder of its files published with the site (macros/data/fichiers.py).
PUBLISHED_FOLDER = "fichiers"


def display_path(path: Path, root: Path) -> str:
    """`path` as the editor finds it from the repository (`data/bethune/plan.yml`).

    The last component is not resolved: a link is named as itself, not as its target.
    """
    try:
        return (path.parent.resolve() / path.name).relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def unsafe_entries(folder: Path, root: Path, errors: list[DataError]) -> frozenset[Path]:
    """Every link, special file or too large file under `folder`, each added to `errors`.

    The paths returned are never opened by the loader.
    """
    refused: set[Path] = set()

    def refuse(path: Path, message: str) -> None:
        refused.add(path)
        errors.append(DataError(display_path(path, root), None, None, message))

    def walk(directory: Path) -> None:
        try:
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError as error:
            refuse(directory, f"ce dossier ne peut pas être lu ({error.strerror}).")
            return
        for entry in entries:
            path = Path(entry.path)
            mode = entry.stat(follow_symlinks=False).st_mode
            if stat.S_ISLNK(mode):
                refuse(path, "lien symbolique refusé : un lien ferait publier un fichier pris hors du "
                       "référentiel. Remplacez-le par une copie du fichier lui-même.")
            elif stat.S_ISDIR(mode):
                walk(path)
            elif not stat.S_ISREG(mode):
                refuse(path, "ce n'est pas un fichier ordinaire : retirez-le du dossier.")
            elif (size := entry.stat(follow_symlinks=False).st_size) > TAILLE_MAX_FICHIER:
                published = path.parent == folder / PUBLISHED_FOLDER
                refuse(path, message_trop_gros_publie(size) if published else message_trop_gros(size))

    if folder.is_symlink():
        refuse(folder, "lien symbolique refusé : le dossier du référentiel doit être un vrai dossier, "
               "pas un lien vers un autre.")
    else:
        walk(folder)
    return frozenset(refused)


def read_data_text(path: Path, source: str) -> str:
    """The text of one data file, refused when too large or not UTF-8 (`source` names it)."""
    size = path.stat().st_size
    if size > TAILLE_MAX_FICHIER:
        raise DataError(source, None, None, message_trop_gros(size))
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataError(source, raw[: error.start].count(b"\n") + 1, None,
                        "le fichier n'est pas encodé en UTF-8 : enregistrez-le en « UTF-8 » "
                        "depuis votre éditeur.") from None


def check_document_file(identity: object, raw: object, folder: Path, root: Path, source: str,
                        refused: frozenset[Path]) -> list[DataError]:
    """The source document named by `referentiel.yml` is a regular file of `source/`."""
    name = identity.document.fichier
    line, column = locate(raw, ("document", "fichier"))
    target = folder / SOURCE_FOLDER / name
    expected = (f"le document source « {name} » doit être un fichier du dossier "
                f"{display_path(folder / SOURCE_FOLDER, root)}/")
    if target in refused:
        return []  # already said, with the reason
    if not target.exists():
        return [DataError(source, line, column, f"{expected}, qui n'en contient pas de ce nom : "
                          "déposez-y le texte du document, ou corrigez le nom.")]
    if not target.is_file():
        return [DataError(source, line, column, f"{expected} : c'est un dossier.")]
    return []
