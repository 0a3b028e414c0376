"""The organisation's files: `data/<slug>/fichiers/`, published with the site at `/fichiers/`.

Forms, PDFs, office documents and images that a page links or shows, and the logo. The same
folder is the editor's media library (macros/editeur/config.py). What may be published is
checked here, before the build copies anything: a type from `TYPES` whose first bytes are
those of that type (an HTML page renamed `.pdf` is refused), a plain name (it becomes an
address), at most `TAILLE_MAX_PUBLIE` (files.py refuses larger ones, and links, before any
file is opened), no sub-folder. An SVG is XML that a browser runs when it is opened
directly: one that holds a script, an event handler (`onload=`), foreign HTML, an
animation, a style or a link out of the file is refused (`_svg_problem`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

from macros.data.errors import DataError
from macros.data.files import PUBLISHED_FOLDER
from macros.text.francais import taille_fichier

FOLDER = PUBLISHED_FOLDER

# Extension → (format as the page says it, media type, first bytes of such a file).
_ZIP = b"PK\x03\x04"
TYPES: dict[str, tuple[str, str, tuple[bytes, ...]]] = {
    ".pdf": ("PDF", "application/pdf", (b"%PDF-",)),
    ".odt": ("ODT", "application/vnd.oasis.opendocument.text", (_ZIP,)),
    ".ods": ("ODS", "application/vnd.oasis.opendocument.spreadsheet", (_ZIP,)),
    ".docx": ("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", (_ZIP,)),
    ".xlsx": ("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (_ZIP,)),
    ".png": ("PNG", "image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("JPEG", "image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("JPEG", "image/jpeg", (b"\xff\xd8\xff",)),
    ".webp": ("WebP", "image/webp", (b"RIFF",)),
    ".svg": ("SVG", "image/svg+xml", ()),
}
IMAGES = frozenset({".png", ".jpg", ".jpeg", ".webp", ".svg"})
# What Typst can lay out in the kit: every image the site takes (Typst reads WebP since 0.13;
# the kit's 0.15 does, tests/test_fichiers.py prints one). Kept apart, should the two differ.
IMAGES_DU_KIT = IMAGES
# A name that is an address as it is: no space, accent, quote or slash to encode or escape.
_NOM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$")

# Elements and attributes of an SVG that can run script, load something or hold HTML.
_SVG_REFUSES = {"script", "foreignobject", "style", "iframe", "embed", "object", "animate", "set",
                "animatemotion", "animatetransform", "handler", "listener"}
_LIEN_INTERNE = re.compile(r"^\s*#")


@dataclass(frozen=True)
class Fichier:
    """One file of `fichiers/`, as pages link to it: its name, format and size."""

    nom: str
    octets: int

    @property
    def extension(self) -> str:
        return Path(self.nom).suffix.lower()

    @property
    def format(self) -> str:
        """« PDF », « ODT », « PNG »…"""
        return TYPES[self.extension][0]

    @property
    def type_mime(self) -> str:
        return TYPES[self.extension][1]

    @property
    def libelle(self) -> str:
        """« PDF, 84 Ko », as a download link shows it."""
        return f"{self.format}, {taille_fichier(self.octets)}"

    @property
    def adresse(self) -> str:
        """Its address from the site's root (`fichiers/declaration.pdf`)."""
        return f"{FOLDER}/{self.nom}"

    @property
    def image(self) -> bool:
        return self.extension in IMAGES


def _possibles() -> str:
    return ", ".join(sorted({format_ for format_, _, _ in TYPES.values()}))


def _svg_problem(data: bytes) -> str | None:
    """Why this SVG could run script or load something when opened, or None."""
    head = data[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in data.lower():
        return "il déclare un DOCTYPE ou des entités"
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        return f"ce n'est pas un SVG lisible ({error})"
    if root.tag.rpartition("}")[2].lower() != "svg":
        return "ce n'est pas un dessin SVG (son premier élément n'est pas <svg>)"
    for element in root.iter():
        name = element.tag.rpartition("}")[2] if isinstance(element.tag, str) else ""
        if name.lower() in _SVG_REFUSES:
            return f"il contient un élément <{name}>"
        for attribute, value in element.attrib.items():
            local = attribute.rpartition("}")[2].lower()
            if local.startswith("on"):
                return f"il contient un attribut « {local} » (un script lancé par le navigateur)"
            if local == "href" and not _LIEN_INTERNE.match(value):
                return f"il renvoie à « {value} », hors du dessin"
            if local == "style" and "url(" in value.replace(" ", "").lower() \
                    and "url(#" not in value.replace(" ", "").lower():
                return "son style charge une adresse"
    return None


def catalogue(folder: Path, source: str, refused: frozenset[Path],
              errors: list[DataError]) -> dict[str, Fichier]:
    """The publishable files of `folder` (`fichiers/`), by name; each problem added to `errors`.

    `source` names the folder as the editor finds it (`data/syndicat/fichiers`); links and
    too large files are in `refused` already (files.py), with their reason.
    """
    found: dict[str, Fichier] = {}
    if not folder.is_dir() or folder in refused:
        return found
    for path in sorted(folder.iterdir()):
        where = f"{source}/{path.name}"
        if path in refused or path.name.startswith("."):
            continue
        if path.is_dir():
            errors.append(DataError(where, None, None, "sous-dossier refusé : rangez ses fichiers "
                                    f"directement dans {source}/."))
            continue
        extension = path.suffix.lower()
        if extension not in TYPES:
            errors.append(DataError(where, None, None, f"ce type de fichier n'est pas publié. Types "
                                    f"possibles : {_possibles()} (les pages HTML et les scripts ne le "
                                    "sont jamais)."))
            continue
        if not _NOM.match(path.name):
            errors.append(DataError(where, None, None, f"« {path.name} » ne peut pas servir d'adresse : "
                                    "renommez le fichier avec des lettres sans accents, des chiffres et "
                                    "des tirets, sans espace (par exemple « declaration-accident.pdf »)."))
            continue
        data = path.read_bytes()
        format_, _, debuts = TYPES[extension]
        if debuts and not data.startswith(debuts):
            errors.append(DataError(where, None, None, f"ce fichier n'est pas un vrai {format_} "
                                    "(son contenu est d'une autre sorte) : enregistrez-le à nouveau "
                                    f"au format {format_} depuis le logiciel qui l'a fait."))
            continue
        if extension == ".webp" and data[8:12] != b"WEBP":
            errors.append(DataError(where, None, None, "ce fichier n'est pas une vraie image WebP."))
            continue
        if extension == ".svg" and (problem := _svg_problem(data)):
            errors.append(DataError(where, None, None, f"dessin SVG refusé : {problem}. Un SVG ouvert "
                                    "dans un navigateur peut lancer un script ; enregistrez-le sans "
                                    "script, style ni lien (« SVG simple »), ou en PNG."))
            continue
        found[path.name] = Fichier(path.name, len(data))
    return found
