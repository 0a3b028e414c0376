"""An office file (a zip of XML parts) checked before any library reads it, for every import.

ODS, XLSX, ODT and DOCX are all zips of XML. Everything that could make a reader run away is
refused here, from the zip's directory alone (sizes as declared, number of parts, a
password), then each XML part is parsed strictly and streamed by `analyser` (defusedxml:
no DTD, no entity; a cut or empty part is an error, where odfpy prints it and goes on).
A part that inflates past its declared size is caught too: Python's zipfile stops at the
declared size and then finds the checksum wrong.

What differs from one import to the other — the limits, and the words that name the file
and say what to do instead — is a `Format`; `make importer-plan` (macros/plan/tableur/) and
`make importer-document` (macros/document/) each declare theirs.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from xml.sax import SAXException, SAXParseException
from xml.sax.handler import ContentHandler, feature_namespaces

from macros.text.francais import taille_lisible

# An OLE2 compound file: Office 97-2003 (.xls, .doc), and also what Office writes for an
# .xlsx or a .docx protected by a password (the whole file is then encrypted inside it).
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class ArchiveIlisible(Exception):
    """The file is not one this import accepts (message in French, for the user)."""


@dataclass(frozen=True)
class Format:
    """What one import accepts, and how its messages name the file."""

    nature: str  # « un tableur ODS ou XLSX », « un document ODT ou DOCX »
    exemple: str  # how to name the file on the command line: « FICHIER=…/plan.ods »
    reenregistrer: str  # what to do with a file it cannot read
    mot_de_passe: str  # said of an encrypted (or OLE2) file
    plafond: str  # « un tableur du plan » : what no such file exceeds
    parties_usuelles: str  # « quelques dizaines »
    taille_fichier_max: int
    taille_decompressee_max: int
    parties_max: int
    exception: type[ArchiveIlisible] = ArchiveIlisible


def refus(format_: Format, path: Path, raison: str) -> ArchiveIlisible:
    return format_.exception(f"« {path.name} » ne peut pas être importé : {raison}")


def ouvrir(format_: Format, path: Path) -> zipfile.ZipFile:
    """The file as a zip whose directory is within the limits, or the format's exception."""
    if path.is_dir():
        raise refus(format_, path, f"c'est un dossier ; indiquez le fichier ({format_.exemple}).")
    if not path.is_file():
        raise refus(format_, path, "ce fichier n'existe pas.")
    taille = path.stat().st_size
    if taille == 0:
        raise refus(format_, path, "le fichier est vide (0 octet). " + format_.reenregistrer)
    if taille > format_.taille_fichier_max:
        raise refus(
            format_,
            path,
            f"le fichier est trop gros ({taille_lisible(taille)}) : "
            f"{format_.plafond} ne dépasse pas {taille_lisible(format_.taille_fichier_max)}.",
        )
    with path.open("rb") as stream:
        if stream.read(len(OLE2)) == OLE2:
            raise refus(format_, path, format_.mot_de_passe)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise refus(
            format_,
            path,
            f"ce n'est pas {format_.nature} (le fichier est peut-être abîmé "
            "ou incomplet). " + format_.reenregistrer,
        ) from None
    try:
        _verifier(format_, path, archive)
    except ArchiveIlisible:
        archive.close()
        raise
    return archive


def _verifier(format_: Format, path: Path, archive: zipfile.ZipFile) -> None:
    parties = archive.infolist()
    if len(parties) > format_.parties_max:
        raise refus(
            format_,
            path,
            f"il est fait de {len(parties)} parties, quand {format_.plafond} en a "
            f"{format_.parties_usuelles} ({format_.parties_max} au plus).",
        )
    noms = [p.filename for p in parties]
    if len(set(noms)) != len(noms):
        raise refus(
            format_,
            path,
            "deux de ses parties portent le même nom : il a été fabriqué ou abîmé. " + format_.reenregistrer,
        )
    if any(p.flag_bits & 0x1 for p in parties):
        raise refus(format_, path, format_.mot_de_passe)
    total = sum(p.file_size for p in parties)
    if total > format_.taille_decompressee_max:
        raise refus(
            format_,
            path,
            f"une fois décompressé, il ferait {taille_lisible(total)}, au-delà "
            f"des {taille_lisible(format_.taille_decompressee_max)} qu'accepte l'import "
            f"({format_.plafond} en fait bien moins : il contient peut-être des images, ou a été "
            "fabriqué).",
        )


class Parcours(ContentHandler):
    """Any part: parsed strictly, nothing kept."""


def analyser(
    format_: Format, path: Path, archive: zipfile.ZipFile, partie: str, handler: ContentHandler
) -> None:
    """Stream the XML part `partie` through `handler`, strictly; a fault is the format's exception.

    The handler may itself raise ArchiveIlisible (a limit passed), which stops the reading."""
    from defusedxml.common import DefusedXmlException
    from defusedxml.sax import make_parser

    parser = make_parser()
    parser.forbid_dtd = True  # no office part has one; a DTD is how entity bombs start
    parser.setFeature(feature_namespaces, True)
    parser.setContentHandler(handler)
    try:
        with archive.open(partie) as stream:
            parser.parse(stream)
    except SAXParseException as error:
        raise refus(
            format_,
            path,
            f"sa partie « {partie} » est incomplète ou abîmée (ligne "
            f"{error.getLineNumber()}) : le fichier a peut-être été coupé pendant une copie. "
            + format_.reenregistrer,
        ) from None
    except DefusedXmlException:
        raise refus(
            format_,
            path,
            f"sa partie « {partie} » déclare des entités XML, ce qu'aucun "
            "logiciel de bureautique n'écrit : le fichier a été fabriqué.",
        ) from None
    except (SAXException, zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
        raise refus(
            format_,
            path,
            f"sa partie « {partie} » ne se décompresse pas (fichier abîmé ou "
            "fabriqué). " + format_.reenregistrer,
        ) from None
    except (NotImplementedError, RuntimeError):
        raise refus(format_, path, format_.mot_de_passe) from None
