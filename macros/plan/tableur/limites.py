"""How large a tableur `make importer-plan` accepts, checked before anything is read.

An ODS or XLSX file is a zip of XML: a few kilo-octets can declare a million repeated rows,
a cell at XFD1048576 or a gigabyte of text, and the libraries that read them (odfpy builds
an object per XML element, openpyxl pads every row to the sheet's declared width) would
then fill the memory. Each limit below is checked from the zip's directory and a streaming
pass over the XML (macros/plan/tableur/archive.py, controle.py), so that such a file is
refused within seconds, the memory staying far under 500 Mo.

Each is well above what a plan needs: Béthune's plan is 139 actions in 19 columns, its ODS
180 Ko of XML; the benchmark's plan of 13 800 actions fits in XLSX.
"""

from __future__ import annotations

from macros.text.francais import taille_lisible

TAILLE_FICHIER_MAX = 20 * 1024 * 1024        # the file itself, compressed
TAILLE_DECOMPRESSEE_MAX = 50 * 1024 * 1024   # all its parts once uncompressed (declared sizes)
PARTIES_MAX = 1000                           # parts of the zip (a LibreOffice file has about ten)
LIGNES_MAX = 20_000                          # rows of a sheet up to its last filled one, repeats counted
COLONNES_MAX = 50                            # columns, up to the last filled one
CARACTERES_MAX_CELLULE = 100_000             # characters of one cell (spaces written « text:s » counted)
# odfpy keeps each XML element of content.xml as a Python object (about 1,2 Ko each): 250 000
# elements is about 300 Mo, some 8 000 actions written as Socle writes them.
ELEMENTS_ODS_MAX = 250_000


def nombre(n: int) -> str:
    """« 20 000 », with the narrow no-break space French writes between thousands."""
    return f"{n:_}".replace("_", "\u202f")


def limites_lisibles() -> str:
    """The limits as the messages say them."""
    return (f"{nombre(LIGNES_MAX)} lignes et {COLONNES_MAX} colonnes par feuille, "
            f"{nombre(CARACTERES_MAX_CELLULE)} caractères par cellule, "
            f"{taille_lisible(TAILLE_FICHIER_MAX)} par fichier, "
            f"{taille_lisible(TAILLE_DECOMPRESSEE_MAX)} une fois décompressé")
