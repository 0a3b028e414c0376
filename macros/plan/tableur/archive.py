"""The tableur as a file and as a zip, checked before any library reads it.

The checks themselves are those of every office import (macros/data/archive.py): sizes as
declared, number of parts, a password, each XML part parsed strictly. Here are only the
tableur's limits (limites.py) and the words of its messages.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.handler import ContentHandler

from macros.data import archive as _archive
from macros.plan.tableur.limites import PARTIES_MAX, TAILLE_DECOMPRESSEE_MAX, TAILLE_FICHIER_MAX


class TableurIlisible(_archive.ArchiveIlisible):
    """The file is not a spreadsheet this reader accepts (message in French, for the user)."""


_REENREGISTRER = "Enregistrez-le de nouveau avec votre tableur, en .ods ou .xlsx, puis importez-le."
MOT_DE_PASSE = ("il est protégé par un mot de passe, ou c'est un ancien classeur Excel 97-2003 (.xls) : "
                "Socle ne lit que les tableurs ODS et XLSX sans mot de passe. Enregistrez-le sans mot "
                "de passe, en .ods ou .xlsx, puis importez-le.")
# A cell formula is refused: the import would read the value the spreadsheet last computed
# (or none, for a file written by a program), not what it says.
FORMULE = ("Remplacez-la par sa valeur (copier, puis « Collage spécial » → valeurs seulement), "
           "enregistrez, puis importez de nouveau.")
TABLEUR = _archive.Format(
    nature="un tableur ODS ou XLSX", exemple="FICHIER=…/plan.ods", reenregistrer=_REENREGISTRER,
    mot_de_passe=MOT_DE_PASSE, plafond="un tableur du plan", parties_usuelles="quelques dizaines",
    taille_fichier_max=TAILLE_FICHIER_MAX, taille_decompressee_max=TAILLE_DECOMPRESSEE_MAX,
    parties_max=PARTIES_MAX, exception=TableurIlisible)


def refus(path: Path, raison: str) -> TableurIlisible:
    return _archive.refus(TABLEUR, path, raison)  # type: ignore[return-value]


def ouvrir(path: Path) -> zipfile.ZipFile:
    """The file as a zip whose directory is within the limits, or TableurIlisible."""
    return _archive.ouvrir(TABLEUR, path)


def analyser(path: Path, archive: zipfile.ZipFile, partie: str, handler: ContentHandler) -> None:
    """Stream the XML part `partie` through `handler`, strictly; a fault is TableurIlisible."""
    _archive.analyser(TABLEUR, path, archive, partie, handler)
