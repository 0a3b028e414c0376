"""A date as a document writes it: a day (`2025-06-30`), a month (`2025-06`) or a year (`2028`).

Plans and deliberations often know an échéance only to the month (« juin 2025 ») or the
year (« 2028 »). Inventing a day (30 juin, 31 décembre) would show as exact what is not,
and date « en retard » from a guess: a `DateDocument` keeps what was written, says it back
in French as written (« juin 2025 »), and gives the first and last day of its period, from
which the follow-up computes lateness (an échéance « juin 2025 » is past on 1 July 2025).

Every date field of the models uses it (`macros.models.base.Date`); the YAML, the form
editor (admin/socle-widgets.js) and the spreadsheets (macros/plan/tableur/) write the same
three forms.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from functools import total_ordering
from typing import Any

from pydantic_core import core_schema

from macros.text.francais import date_fr

# The years a date of a référentiel can plausibly fall in: a date outside is a typing slip
# (« 06302026 » read as 1906-06-30 by a date picker), refused rather than published as
# « en retard depuis 1906 ». The form editor says the same (macros/editeur/champs.py).
ANNEES_PLAUSIBLES = (2000, 2100)

# The three forms, as the JSON Schema tells VS Code and the form editor (2000 to 2100).
MOTIF_DATE_DOCUMENT = (r"^(20\d\d|2100)(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
FORMES = ("un jour s'écrit AAAA-MM-JJ (2026-06-30), un mois AAAA-MM (2026-06), une année AAAA "
          "(2028)")

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# What a French reader types in a spreadsheet cell: 30/06/2026, 06/2026.
_FRANCAIS = re.compile(r"(?:(\d{1,2})/)?(\d{1,2})/(\d{4})")
_MOIS = ("janvier", "fevrier", "février", "mars", "avril", "mai", "juin", "juillet", "aout", "août",
         "septembre", "octobre", "novembre", "decembre", "décembre")
_NUMERO_MOIS = {"janvier": 1, "fevrier": 2, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
                "juillet": 7, "aout": 8, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11,
                "decembre": 12, "décembre": 12}
_EN_LETTRES = re.compile(r"(?:(\d{1,2}|1er)\s+)?(" + "|".join(_MOIS) + r")\s+(\d{4})", re.IGNORECASE)


@total_ordering
class DateDocument:
    """A day, a month or a year, as written. Sorted by the end of its period, then its start
    (« juin 2025 » comes after « 15 juin 2025 » and before « 1er juillet 2025 »).

    Immutable. Not a dataclass: pydantic would turn one into a dict in `model_dump`, which
    the spreadsheet import and `make importer-plan` read back as the model's values."""

    __slots__ = ("annee", "jour", "mois")
    annee: int
    mois: int | None
    jour: int | None

    def __init__(self, annee: int, mois: int | None = None, jour: int | None = None) -> None:
        object.__setattr__(self, "annee", annee)
        object.__setattr__(self, "mois", mois)
        object.__setattr__(self, "jour", jour)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("une DateDocument ne change pas")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DateDocument):
            return NotImplemented
        return (self.annee, self.mois, self.jour) == (other.annee, other.mois, other.jour)

    def __hash__(self) -> int:
        return hash((self.annee, self.mois, self.jour))

    def __repr__(self) -> str:
        return f"DateDocument({self.isoformat()!r})"

    @classmethod
    def lire(cls, value: object, francais: bool = False) -> DateDocument:
        """From what a file or a cell holds: a text in one of the three forms, a `date`, a
        year as a number. A French message (ValueError) says the expected forms otherwise.

        `francais`: also « 30/06/2026 » and « 06/2026 », as a spreadsheet cell is typed (a
        YAML file keeps the one form its readers and VS Code know)."""
        if isinstance(value, DateDocument):
            return value
        if isinstance(value, datetime):
            value = value.date()
        if isinstance(value, date):
            return cls._verifiee(value.year, value.month, value.day, value.isoformat())
        if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
            return cls._verifiee(int(value), None, None, str(int(value)))
        if not isinstance(value, str):
            raise ValueError(f"« {value} » n'est pas une date : {FORMES}.")
        texte = value.strip()
        found = _ISO.fullmatch(texte)
        if found:
            annee, mois, jour = (int(g) if g else None for g in found.groups())
            return cls._verifiee(annee, mois, jour, texte)
        found = _FRANCAIS.fullmatch(texte)
        if found:
            jour, mois, annee = (int(g) if g else None for g in found.groups())
            lue = cls._verifiee(annee, mois, jour, texte)
            if francais:
                return lue
            raise ValueError(f"« {value} » : dans le fichier, la date s'écrit « {lue.isoformat()} » "
                             f"; {FORMES}.")
        found = _EN_LETTRES.fullmatch(texte)
        if found:
            jour = found.group(1)
            iso = f"{found.group(3)}-{_NUMERO_MOIS[found.group(2).lower()]:02d}"
            if jour:
                iso += f"-{1 if jour == '1er' else int(jour):02d}"
            raise ValueError(f"« {value} » : écrivez la date en chiffres, ici « {iso} » ; {FORMES}.")
        raise ValueError(f"« {value} » n'est pas une date : {FORMES}.")

    @classmethod
    def _verifiee(cls, annee: int, mois: int | None, jour: int | None, texte: str) -> DateDocument:
        debut, fin = ANNEES_PLAUSIBLES
        if not debut <= annee <= fin:
            raise ValueError(f"« {texte} » : l'année {annee} n'est pas plausible (entre {debut} et {fin}) "
                             f"; vérifiez la date : {FORMES}.")
        if mois is not None and not 1 <= mois <= 12:
            raise ValueError(f"« {texte} » : il n'y a pas de mois {mois} (de 01 à 12) ; {FORMES}.")
        if jour is not None:
            dernier = calendar.monthrange(annee, mois)[1]
            if not 1 <= jour <= dernier:
                raise ValueError(f"« {texte} » : ce mois n'a pas de jour {jour} (il en a {dernier}) ; "
                                 f"{FORMES}.")
        return cls(annee, mois, jour)

    @property
    def precision(self) -> str:
        """« jour », « mois » or « annee »."""
        return "jour" if self.jour else "mois" if self.mois else "annee"

    @property
    def debut(self) -> date:
        """The first day of the period."""
        return date(self.annee, self.mois or 1, self.jour or 1)

    @property
    def fin(self) -> date:
        """The last day of the period: an échéance is past the day after."""
        if self.jour:
            return self.debut
        mois = self.mois or 12
        return date(self.annee, mois, calendar.monthrange(self.annee, mois)[1])

    @property
    def jour_exact(self) -> date | None:
        """The day, when the document gives one (a spreadsheet then holds a real date)."""
        return self.debut if self.jour else None

    def isoformat(self) -> str:
        """As the files write it: « 2025-06-30 », « 2025-06 », « 2028 »."""
        texte = f"{self.annee:04d}"
        if self.mois:
            texte += f"-{self.mois:02d}"
        if self.jour:
            texte += f"-{self.jour:02d}"
        return texte

    __str__ = isoformat

    @property
    def en_francais(self) -> str:
        """« 30 juin 2025 », « juin 2025 », « 2028 »."""
        return date_fr(self)

    def _cle(self) -> tuple[date, date]:
        return self.fin, self.debut

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, DateDocument):
            return NotImplemented
        return self._cle() < other._cle()

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> core_schema.CoreSchema:
        # Kept as the object in Python (templates, the follow-up, `model_dump` read back by
        # the import); written as text in JSON.
        return core_schema.no_info_plain_validator_function(
            cls.lire, serialization=core_schema.plain_serializer_function_ser_schema(
                _serialiser, info_arg=True))

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict:
        # `x-date` tells the form editor to give the field its French date widget.
        return {"type": "string", "pattern": MOTIF_DATE_DOCUMENT, "x-date": "jour-mois-annee"}


def _serialiser(value: DateDocument, info: Any) -> DateDocument | str:
    return value.isoformat() if info.mode_is_json() else value
