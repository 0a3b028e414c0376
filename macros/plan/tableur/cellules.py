"""Cells of a sheet, read as what a manager types: texts, lists, dates, numbers, dated lines.

Each reading that fails adds a located French problem (« cellule D12 : … ») and gives None,
so that a whole sheet is read and every problem reported at once.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from macros.models.dates import FORMES, DateDocument
from macros.plan.tableur.colonnes import Colonne, Valeur


@dataclass(frozen=True)
class ErreurDeCellule:
    """One problem of the sheet, and where it is."""

    fichier: str
    feuille: str
    cellule: str | None  # « D12 », or None for the whole sheet
    message: str

    def __str__(self) -> str:
        where = f"{self.fichier}, feuille « {self.feuille} »"
        if self.cellule:
            where += f", cellule {self.cellule}"
        return f"{where} : {self.message}"


def lettre(colonne: int) -> str:
    """0 → A, 25 → Z, 26 → AA: a column as spreadsheets name it."""
    name = ""
    colonne += 1
    while colonne:
        colonne, reste = divmod(colonne - 1, 26)
        name = chr(65 + reste) + name
    return name


def plie(texte: str) -> str:
    return unicodedata.normalize("NFD", texte).encode("ascii", "ignore").decode().casefold().strip()


# Small words left out of an id made from an action's text (as Béthune's ids were made).
_MOTS_VIDES = frozenset({
    "le", "la", "les", "un", "une", "et", "au", "aux", "de", "des", "du", "en", "pour", "dans",
    "par", "sur", "avec", "afin", "que", "qui", "ou", "son", "sa", "ses", "leur", "leurs", "ce",
    "cette", "ces", "notre", "nos", "votre", "vos", "plus", "tout", "tous", "toute", "toutes",
    "entre", "vers", "chaque", "etre", "faire",
})


def slug(texte: str) -> str:
    """An id for a new action, from its first meaningful words: « ouvrir-permanence-samedi »."""
    mots = [m for m in re.split(r"[^a-z0-9]+", plie(texte)) if len(m) > 1 and m not in _MOTS_VIDES]
    return "-".join(mots[:5]) or "action"


class Lecture:
    """One sheet being read: its columns by field, and the problems found so far."""

    def __init__(self, fichier: str, feuille: str, rows: list[list[Valeur]], colonnes: tuple[Colonne, ...],
                 erreurs: list[ErreurDeCellule]) -> None:
        self.fichier, self.feuille, self.erreurs = fichier, feuille, erreurs
        self.rows, self.entete, self.position = rows, 0, {}
        while self.entete < len(rows) and not rows[self.entete]:
            self.entete += 1
        par_entete = {plie(c.entete): c for c in colonnes}
        for index, titre in enumerate(rows[self.entete] if self.entete < len(rows) else []):
            if titre is None:
                continue
            colonne = par_entete.get(plie(str(titre)))
            if colonne is None:
                self.erreur(self.entete, index, f"la colonne « {titre} » n'est pas une colonne du plan "
                            f"(colonnes possibles : {', '.join(c.entete for c in colonnes)}) : "
                            "renommez-la ou retirez-la.")
            elif colonne.champ in self.position:
                self.erreur(self.entete, index, f"la colonne « {titre} » apparaît deux fois.")
            else:
                self.position[colonne.champ] = index

    def erreur(self, row: int | None, col: int | None, message: str) -> None:
        cellule = f"{lettre(col)}{row + 1}" if row is not None and col is not None else None
        self.erreurs.append(ErreurDeCellule(self.fichier, self.feuille, cellule, message))

    def lignes(self):
        """(row number, row) of every non-empty row under the headings."""
        for number in range(self.entete + 1, len(self.rows)):
            if any(value is not None for value in self.rows[number]):
                yield number, self.rows[number]

    def brut(self, row: list[Valeur], champ: str) -> Valeur:
        index = self.position.get(champ)
        return row[index] if index is not None and index < len(row) else None

    def texte(self, number: int, row, champ: str) -> str | None:
        value = self.brut(row, champ)
        if value is None:
            return None
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip() or None

    def liste(self, number: int, row, champ: str) -> list[str]:
        text = self.texte(number, row, champ)
        return [line.strip() for line in (text or "").splitlines() if line.strip()]

    def date(self, number: int, row, champ: str) -> DateDocument | None:
        """A day (a date cell, « 30/06/2026 », « 2026-06-30 »), a month (« 2026-06 »,
        « 06/2026 ») or a year (« 2028 », as text or number), kept as written."""
        value = self.brut(row, champ)
        if value is None:
            return None
        try:
            return DateDocument.lire(value, francais=True)
        except ValueError as error:
            self.erreur(number, self.position[champ], str(error).replace(FORMES, _FORMES_TABLEUR))
            return None

    def nombre(self, number: int, row, champ: str, entier: bool = False) -> float | int | None:
        value = self.brut(row, champ)
        if value is None:
            return None
        if isinstance(value, int | float):
            found = value
        else:
            text = str(value).strip().removesuffix("%").strip().replace(",", ".").replace("\u202f", "")
            try:
                found = float(text)
            except ValueError:
                self.erreur(number, self.position[champ], f"« {value} » n'est pas un nombre.")
                return None
        if entier:
            if not float(found).is_integer():
                self.erreur(number, self.position[champ], f"« {value} » n'est pas un nombre entier.")
                return None
            return int(found)
        return int(found) if float(found).is_integer() else found

    def entier(self, number: int, row, champ: str) -> int | None:
        return self.nombre(number, row, champ, entier=True)

    def datees(self, number: int, row, champ: str, texte: str) -> list[dict]:
        found = []
        for line in self.liste(number, row, champ):
            match = _DATEE.match(line)
            day = _date(match.group(1)) if match else None
            if day is None:
                self.erreur(number, self.position[champ], f"la ligne « {line} » ne commence pas par une "
                            "date suivie de « : » (par exemple « 30/06/2026 : Sommaire validé », ou "
                            "« 2026-06 : … » pour un mois, « 2027 : … » pour une année).")
                continue
            found.append({"date": day, texte: match.group(2).strip()})
        return found


# « 2026-06-30 : texte », « 30/06/2026 : … », « 2026-06 : … », « 06/2026 : … », « 2028 : … ».
_DATEE = re.compile(r"^(\d{4}(?:-\d{2}){0,2}|(?:\d{1,2}/)?\d{1,2}/\d{4})\s*:\s*(.+)$")
# What a cell may hold, said as a spreadsheet's reader types it.
_FORMES_TABLEUR = ("un jour s'écrit JJ/MM/AAAA ou AAAA-MM-JJ (30/06/2026), un mois AAAA-MM (2026-06), "
                   "une année AAAA (2028)")


def _date(text: str) -> DateDocument | None:
    try:
        return DateDocument.lire(text, francais=True)
    except ValueError:
        return None
