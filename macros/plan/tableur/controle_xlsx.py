"""An XLSX checked before openpyxl reads it: every XML part parsed strictly, sheets measured.

openpyxl pads each row to the width the sheet declares (`<dimension ref="A1:XFD1048576"/>`)
or to its farthest cell, and keeps every shared text in memory: a 5 Ko file can ask for
17 billion cells. This pass reads the declared dimension, the place of every filled cell and
the length of every text, and stops at the first limit passed.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from xml.sax.handler import ContentHandler

from macros.plan.tableur.archive import FORMULE, analyser, refus
from macros.plan.tableur.limites import CARACTERES_MAX_CELLULE, COLONNES_MAX, LIGNES_MAX, nombre

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")
_FEUILLE = re.compile(r"xl/worksheets/[^/]+\.xml")
_SUITE = (" : c'est au-delà de ce que l'import lit (voir CONTRIBUTING.md, « Travailler le plan dans un "
          "tableur »).")


def _numero_colonne(lettres: str) -> int:
    """A → 1, Z → 26, AA → 27, XFD → 16 384."""
    numero = 0
    for lettre in lettres.upper():
        numero = numero * 26 + ord(lettre) - 64
    return numero


class _Parcours(ContentHandler):
    """Any part: parsed strictly, nothing kept."""


class _Classeur(ContentHandler):
    """xl/workbook.xml: each sheet's name and relation; xl/_rels/…: each relation's part."""

    def __init__(self) -> None:
        super().__init__()
        self.relations: dict[str, str] = {}
        self.cibles: dict[str, str] = {}

    def startElementNS(self, name, qname, attrs):
        if name == (_MAIN, "sheet"):
            self.relations[attrs.get((_REL, "id"), "")] = attrs.get((None, "name"), "")
        elif name == (_PKG_REL, "Relationship") and attrs.get((None, "Type"), "").endswith("/worksheet"):
            cible = attrs.get((None, "Target"), "")
            partie = cible.lstrip("/") if cible.startswith("/") else posixpath.normpath("xl/" + cible)
            self.cibles[attrs.get((None, "Id"), "")] = partie

    def noms(self) -> dict[str, str]:
        """Sheet part → sheet name (« xl/worksheets/sheet1.xml » → « Actions »)."""
        return {self.cibles[rid]: nom for rid, nom in self.relations.items() if rid in self.cibles}


class _Feuille(ContentHandler):
    """A worksheet: its declared dimension, the place and length of each filled cell."""

    def __init__(self, path: Path, feuille: str) -> None:
        super().__init__()
        self.path, self.feuille = path, feuille
        self.ligne = self.colonne = 0
        self.reference = ""
        self.dans_cellule = self.remplie = False
        self.caracteres = 0

    def startElementNS(self, name, qname, attrs):
        if name == (_MAIN, "dimension"):
            self._dimension(attrs.get((None, "ref"), ""))
        elif name == (_MAIN, "row"):
            self.ligne = _entier(attrs.get((None, "r")), self.ligne + 1)
            self.colonne = 0
        elif name == (_MAIN, "f") and self.dans_cellule:
            raise refus(self.path, f"feuille « {self.feuille} », la cellule {self.reference} contient une "
                        "formule : l'import ne lit que des valeurs écrites. " + FORMULE)
        elif name == (_MAIN, "c"):
            found = _REF.fullmatch(attrs.get((None, "r")) or "")
            if found:
                self.colonne, self.ligne = _numero_colonne(found.group(1)), int(found.group(2))
            else:
                self.colonne += 1
            self.reference = attrs.get((None, "r")) or f"ligne {self.ligne}"
            self.dans_cellule, self.remplie, self.caracteres = True, False, 0

    def characters(self, content):
        if self.dans_cellule and content:
            self.remplie = self.remplie or bool(content.strip())
            self.caracteres += len(content)
            if self.caracteres > CARACTERES_MAX_CELLULE:
                raise refus(self.path, f"feuille « {self.feuille} », cellule {self.reference} : elle "
                            f"contient plus de {nombre(CARACTERES_MAX_CELLULE)} caractères" + _SUITE)

    def endElementNS(self, name, qname):
        if name == (_MAIN, "c"):
            self.dans_cellule = False
            if self.remplie and (self.colonne > COLONNES_MAX or self.ligne > LIGNES_MAX):
                raise refus(self.path, f"feuille « {self.feuille} », la cellule {self.reference} est "
                            f"remplie, au-delà de {nombre(LIGNES_MAX)} lignes ou {COLONNES_MAX} colonnes"
                            + _SUITE)

    def _dimension(self, ref: str) -> None:
        fin = _REF.fullmatch(ref.split(":")[-1])
        if fin and (_numero_colonne(fin.group(1)) > COLONNES_MAX or int(fin.group(2)) > LIGNES_MAX):
            raise refus(self.path, f"la feuille « {self.feuille} » déclare s'étendre jusqu'à la cellule "
                        f"{ref.split(':')[-1]}, au-delà de {nombre(LIGNES_MAX)} lignes ou {COLONNES_MAX} "
                        "colonnes" + _SUITE + " Supprimez les lignes et colonnes vides après le plan, "
                        "puis enregistrez-le de nouveau.")


class _Textes(ContentHandler):
    """xl/sharedStrings.xml: the length of each text (`si`), which cells point to."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path, self.caracteres, self.rang = path, 0, 0

    def startElementNS(self, name, qname, attrs):
        if name == (_MAIN, "si"):
            self.caracteres, self.rang = 0, self.rang + 1

    def characters(self, content):
        self.caracteres += len(content)
        if self.caracteres > CARACTERES_MAX_CELLULE:
            raise refus(self.path, f"l'un de ses textes (le {nombre(self.rang)}e) a plus de "
                        f"{nombre(CARACTERES_MAX_CELLULE)} caractères" + _SUITE)


def _entier(texte: str | None, defaut: int) -> int:
    try:
        return int(texte) if texte is not None else defaut
    except ValueError:
        return defaut


def controler_xlsx(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse (TableurIlisible) an XLSX that is not whole, or whose sheets pass the limits."""
    noms = set(archive.namelist())
    if "xl/workbook.xml" not in noms:
        raise refus(path, "il n'a pas de partie « xl/workbook.xml » : ce n'est pas un classeur XLSX, ou "
                    "il est abîmé.")
    classeur = _Classeur()
    for partie in ("xl/_rels/workbook.xml.rels", "xl/workbook.xml"):
        if partie in noms:
            analyser(path, archive, partie, classeur)
    feuilles = classeur.noms()
    for partie in sorted(noms - {"xl/_rels/workbook.xml.rels", "xl/workbook.xml"}):
        if partie in feuilles or _FEUILLE.fullmatch(partie):  # openpyxl follows the relations
            analyser(path, archive, partie, _Feuille(path, feuilles.get(partie, partie)))
        elif partie == "xl/sharedStrings.xml":
            analyser(path, archive, partie, _Textes(path))
        elif partie.endswith((".xml", ".rels")):
            analyser(path, archive, partie, _Parcours())
