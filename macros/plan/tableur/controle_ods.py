"""An ODS checked before odfpy reads it: every XML part parsed strictly, its size counted.

ODS repeats a row or a cell with an attribute (`table:number-rows-repeated="1000000"`), and
writes a run of spaces as `<text:s text:c="…"/>`: a few octets of XML can stand for
millions of cells or a gigabyte of text once read. This pass counts what the file stands
for — rows and columns up to the last filled cell, repeats multiplied, characters of each
cell — and the XML elements odfpy would keep as objects, and stops at the first limit
passed. Empty rows and cells repeated to the end of the sheet (LibreOffice writes
« 1 048 576 empty rows » that way) are not content and pass.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.handler import ContentHandler

from macros.plan.tableur.archive import FORMULE, MOT_DE_PASSE, analyser, refus
from macros.plan.tableur.cellules import lettre
from macros.plan.tableur.limites import (
    CARACTERES_MAX_CELLULE,
    COLONNES_MAX,
    ELEMENTS_ODS_MAX,
    LIGNES_MAX,
    nombre,
)

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
_CELLULES = {(_TABLE, "table-cell"), (_TABLE, "covered-table-cell")}
_TYPE_ODS = b"application/vnd.oasis.opendocument.spreadsheet"


def _entier(attrs, nom: tuple[str, str], defaut: int) -> int:
    try:
        return max(0, int(attrs.get(nom, defaut)))
    except ValueError:
        return defaut


class _Parties(ContentHandler):
    """Counts the elements of every part (odfpy keeps each as an object) and sees encryption."""

    def __init__(self, path: Path, compte: list[int]) -> None:
        super().__init__()
        self.path, self.compte = path, compte

    def startElementNS(self, name, qname, attrs):
        self.compte[0] += 1
        if self.compte[0] > ELEMENTS_ODS_MAX:
            raise refus(self.path, f"il compte plus de {nombre(ELEMENTS_ODS_MAX)} éléments XML : c'est plus "
                        "qu'un plan n'en demande, et plus que l'import n'en lit. "
                        "Retirez les feuilles et les mises en forme ajoutées, ou enregistrez-le en .xlsx.")
        if name == (_MANIFEST, "encryption-data"):
            raise refus(self.path, MOT_DE_PASSE)


class _Contenu(_Parties):
    """content.xml: rows, columns and characters of each sheet, as they will be once read."""

    def __init__(self, path: Path, compte: list[int]) -> None:
        super().__init__(path, compte)
        self.feuille, self.ligne = "", 0
        self.repetition_ligne = self.colonne = self.derniere_colonne = 0
        self.dans_cellule = False
        self.repetition_cellule = self.caracteres = 0
        self.remplie = False

    def startElementNS(self, name, qname, attrs):
        super().startElementNS(name, qname, attrs)
        if name == (_TABLE, "table"):
            self.feuille, self.ligne = attrs.get((_TABLE, "name"), ""), 0
        elif name == (_TABLE, "table-row"):
            self.repetition_ligne = _entier(attrs, (_TABLE, "number-rows-repeated"), 1)
            self.colonne = self.derniere_colonne = 0
        elif name in _CELLULES:
            if attrs.get((_TABLE, "formula")) is not None:
                raise self._formule()
            self.dans_cellule, self.caracteres = True, 0
            self.repetition_cellule = _entier(attrs, (_TABLE, "number-columns-repeated"), 1)
            self.remplie = attrs.get((_OFFICE, "value-type")) is not None
        elif self.dans_cellule and name == (_TEXT, "s"):  # odfpy writes out `c` spaces
            self._ajouter(_entier(attrs, (_TEXT, "c"), 1))
        elif self.dans_cellule and name in ((_TEXT, "tab"), (_TEXT, "line-break"), (_TEXT, "p")):
            self._ajouter(1)

    def characters(self, content):
        if self.dans_cellule:
            self._ajouter(len(content))
            self.remplie = self.remplie or bool(content.strip())

    def _ajouter(self, caracteres: int) -> None:
        self.caracteres += caracteres
        if self.caracteres > CARACTERES_MAX_CELLULE:
            raise self._trop(f"cellule {lettre(self.colonne)}{self.ligne + 1} : elle contient plus de "
                             f"{nombre(CARACTERES_MAX_CELLULE)} caractères")

    def endElementNS(self, name, qname):
        if name in _CELLULES:
            self.dans_cellule = False
            self.colonne += self.repetition_cellule
            if self.remplie:
                self.derniere_colonne = self.colonne
                if self.colonne > COLONNES_MAX:
                    raise self._trop(f"ligne {self.ligne + 1} : des cellules sont remplies au-delà de "
                                     f"la colonne {lettre(COLONNES_MAX - 1)} ({COLONNES_MAX} colonnes "
                                     "au plus)")
        elif name == (_TABLE, "table-row"):
            self.ligne += self.repetition_ligne
            if self.derniere_colonne and self.ligne > LIGNES_MAX:
                raise self._trop(f"des lignes sont remplies au-delà de la ligne {nombre(LIGNES_MAX)} "
                                 f"(ligne {nombre(self.ligne)}, répétitions comptées)")

    def _formule(self):
        return refus(self.path, f"feuille « {self.feuille} », la cellule {lettre(self.colonne)}"
                     f"{self.ligne + 1} contient une formule : l'import ne lit que des valeurs écrites. "
                     + FORMULE)

    def _trop(self, detail: str):
        return refus(self.path, f"feuille « {self.feuille} », {detail} : c'est au-delà de ce que "
                     "l'import lit (voir CONTRIBUTING.md, « Travailler le plan dans un tableur »).")


def controler_ods(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse (TableurIlisible) an ODS that is not whole, not a spreadsheet, or too large."""
    noms = set(archive.namelist())
    if "mimetype" in noms and archive.read("mimetype").strip() != _TYPE_ODS:
        raise refus(path, "ce n'est pas un tableur ODS (c'est un autre document OpenDocument, un texte "
                    "peut-être).")
    if "content.xml" not in noms:
        raise refus(path, "il n'a pas de partie « content.xml », qui porte les feuilles : le fichier est "
                    "abîmé ou n'est pas un tableur ODS.")
    compte = [0]  # XML elements of all parts, shared: odfpy keeps them all
    for partie in sorted(noms):
        if partie == "content.xml":
            analyser(path, archive, partie, _Contenu(path, compte))
        elif partie.endswith(".xml"):
            analyser(path, archive, partie, _Parties(path, compte))
