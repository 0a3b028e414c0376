"""The tableur as a file and as a zip, checked before any library reads it.

Both ODS and XLSX are zips of XML parts. Everything that could make a reader run away is
refused here, from the zip's directory alone (sizes as declared, number of parts, a
password), then each XML part is parsed strictly and streamed by `analyser` (defusedxml:
no DTD, no entity; a cut or empty part is an error, where odfpy prints it and goes on).
A part that inflates past its declared size is caught too: Python's zipfile stops at the
declared size and then finds the checksum wrong.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from xml.sax import SAXException, SAXParseException
from xml.sax.handler import ContentHandler, feature_namespaces

from macros.plan.tableur.limites import PARTIES_MAX, TAILLE_DECOMPRESSEE_MAX, TAILLE_FICHIER_MAX
from macros.text.francais import taille_lisible


class TableurIlisible(Exception):
    """The file is not a spreadsheet this reader accepts (message in French, for the user)."""


# An OLE2 compound file: Excel 97-2003 (.xls), and also what Excel writes for an .xlsx
# protected by a password (the whole workbook is then encrypted inside it).
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_REENREGISTRER = "Enregistrez-le de nouveau avec votre tableur, en .ods ou .xlsx, puis importez-le."
MOT_DE_PASSE = ("il est protégé par un mot de passe, ou c'est un ancien classeur Excel 97-2003 (.xls) : "
                "Socle ne lit que les tableurs ODS et XLSX sans mot de passe. Enregistrez-le sans mot "
                "de passe, en .ods ou .xlsx, puis importez-le.")


def refus(path: Path, raison: str) -> TableurIlisible:
    return TableurIlisible(f"« {path.name} » ne peut pas être importé : {raison}")


def ouvrir(path: Path) -> zipfile.ZipFile:
    """The file as a zip whose directory is within the limits, or TableurIlisible."""
    if path.is_dir():
        raise refus(path, "c'est un dossier ; indiquez le fichier du tableur (FICHIER=…/plan.ods).")
    if not path.is_file():
        raise refus(path, "ce fichier n'existe pas.")
    taille = path.stat().st_size
    if taille == 0:
        raise refus(path, "le fichier est vide (0 octet). " + _REENREGISTRER)
    if taille > TAILLE_FICHIER_MAX:
        raise refus(path, f"le fichier est trop gros ({taille_lisible(taille)}) : un tableur du plan ne "
                    f"dépasse pas {taille_lisible(TAILLE_FICHIER_MAX)}.")
    with path.open("rb") as stream:
        if stream.read(len(_OLE2)) == _OLE2:
            raise refus(path, MOT_DE_PASSE)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise refus(path, "ce n'est pas un tableur ODS ou XLSX (le fichier est peut-être abîmé ou "
                    "incomplet). " + _REENREGISTRER) from None
    try:
        _verifier(path, archive)
    except TableurIlisible:
        archive.close()
        raise
    return archive


def _verifier(path: Path, archive: zipfile.ZipFile) -> None:
    parties = archive.infolist()
    if len(parties) > PARTIES_MAX:
        raise refus(path, f"il est fait de {len(parties)} parties, quand un tableur en a quelques "
                    f"dizaines ({PARTIES_MAX} au plus).")
    noms = [p.filename for p in parties]
    if len(set(noms)) != len(noms):
        raise refus(path, "deux de ses parties portent le même nom : il a été fabriqué ou abîmé. "
                    + _REENREGISTRER)
    if any(p.flag_bits & 0x1 for p in parties):
        raise refus(path, MOT_DE_PASSE)
    total = sum(p.file_size for p in parties)
    if total > TAILLE_DECOMPRESSEE_MAX:
        raise refus(path, f"une fois décompressé, il ferait {taille_lisible(total)}, au-delà des "
                    f"{taille_lisible(TAILLE_DECOMPRESSEE_MAX)} qu'accepte l'import (un tableur du plan "
                    "en fait bien moins : il contient peut-être des images, ou a été fabriqué).")


def analyser(path: Path, archive: zipfile.ZipFile, partie: str, handler: ContentHandler) -> None:
    """Stream the XML part `partie` through `handler`, strictly; a fault is TableurIlisible.

    The handler may itself raise TableurIlisible (a limit passed), which stops the reading."""
    from defusedxml.common import DefusedXmlException
    from defusedxml.sax import make_parser

    parser = make_parser()
    parser.forbid_dtd = True  # an ODS or XLSX part never has one; a DTD is how entity bombs start
    parser.setFeature(feature_namespaces, True)
    parser.setContentHandler(handler)
    try:
        with archive.open(partie) as stream:
            parser.parse(stream)
    except SAXParseException as error:
        raise refus(path, f"sa partie « {partie} » est incomplète ou abîmée (ligne {error.getLineNumber()}) "
                    ": le fichier a peut-être été coupé pendant une copie. " + _REENREGISTRER) from None
    except DefusedXmlException:
        raise refus(path, f"sa partie « {partie} » déclare des entités XML, ce qu'aucun tableur "
                    "n'écrit : le fichier a été fabriqué.") from None
    except (SAXException, zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
        raise refus(path, f"sa partie « {partie} » ne se décompresse pas (fichier abîmé ou fabriqué). "
                    + _REENREGISTRER) from None
    except (NotImplementedError, RuntimeError):
        raise refus(path, MOT_DE_PASSE) from None
