"""Dates, months, numbers, amounts and sizes as French readers write them, on Babel.

Babel (CLDR's data, kept by the Pallets community) is already loaded by every build: MkDocs
localises the theme with it. Socle adds only the « 1er » of the first day of a month, which
French typography asks for and CLDR does not write.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Protocol

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

LOCALE = "fr_FR"
# Every significant digit of what the data says (12,5 ; 0,125), never « ,0 ».
_NOMBRE = "#,##0.##########"


class Periode(Protocol):
    """A date as a document writes it (macros/models/dates.py): a day, a month or a year."""

    annee: int
    mois: int | None
    jour: int | None


# The preposition a sentence puts before a day, and what it becomes before a month or a year
# (« le 30 juin 2026 », « en juin 2026 » ; « échéance du 30 juin », « échéance de juin »).
_PREPOSITIONS = {"le": "en", "au": "en", "du": "de", "depuis le": "depuis", "avant le": "avant"}


def date_fr(day: date | Periode, preposition: str = "") -> str:
    """« 1er mars 2025 », « 12 mars 2025 », « mars 2025 », « 2028 » ; with `preposition`
    (« le », « au », « du », « depuis le », « avant le »): « le 12 mars 2025 », « en mars 2025 »."""
    if isinstance(day, date):
        texte = _jour_fr(day)
    elif day.jour:
        texte = _jour_fr(date(day.annee, day.mois, day.jour))
    elif day.mois:
        texte = mois_fr(day.annee, day.mois)
    else:
        texte = str(day.annee)
    if not preposition:
        return texte
    if not isinstance(day, date) and not day.jour:
        preposition = _PREPOSITIONS[preposition]
    return f"{preposition} {texte}"


def _jour_fr(day: date) -> str:
    if day.day == 1:
        return "1er " + format_date(day, "MMMM y", locale=LOCALE)
    return format_date(day, "d MMMM y", locale=LOCALE)


def mois_fr(year: int, month: int) -> str:
    """« mars 2025 »."""
    return format_date(date(year, month, 1), "MMMM y", locale=LOCALE)


def nombre_fr(value: float) -> str:
    """« 12 », « 12,5 », « 1 200 » (thousands apart by a narrow no-break space)."""
    return format_decimal(value, format=_NOMBRE, locale=LOCALE)


def euros_fr(value: float) -> str:
    """« 1 200,50 € », « 12 000 € » (a whole amount without its « ,00 », as budgets are written)."""
    if float(value).is_integer():
        return format_currency(value, "EUR", format="#,##0\u00a0¤", locale=LOCALE, currency_digits=False)
    return format_currency(value, "EUR", locale=LOCALE)


def kilo_octets(octets: int) -> int:
    """A file's size in Ko (1 Ko = 1 024 octets), rounded up: a small file never shows 0 Ko."""
    return math.ceil(octets / 1024)


def taille_lisible(octets: int) -> str:
    """« 5 Mo », « 120 Ko », as the messages say it."""
    if octets >= 1024 * 1024:
        return f"{octets / (1024 * 1024):.0f} Mo"
    return f"{max(1, round(octets / 1024))} Ko"


def taille_fichier(octets: int) -> str:
    """« 84 Ko », « 1,2 Mo » (no-break space): the size a download link shows."""
    if octets >= 1024 * 1024:
        return f"{format_decimal(round(octets / (1024 * 1024), 1), locale=LOCALE)}\u00a0Mo"
    return f"{kilo_octets(octets)}\u00a0Ko"


def pluriel(nom: str) -> str:
    """« axe » → « axes », « enjeu » → « enjeux », « objectif » → « objectifs » (the regular
    French plural; a word that breaks the rule is given by the data)."""
    if nom.endswith(("s", "x", "z")):
        return nom
    if nom.endswith(("au", "eu")):
        return nom + "x"
    return nom + "s"
