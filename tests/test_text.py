"""French formatting (macros/text/francais.py): what readers of a French document expect."""

from __future__ import annotations

from datetime import date

import pytest

from macros.text.francais import date_fr, euros_fr, kilo_octets, mois_fr, nombre_fr

NNBSP = "\u202f"  # the narrow no-break space between thousands


@pytest.mark.parametrize(("day", "written"), [
    (date(2024, 3, 1), "1er mars 2024"), (date(2025, 8, 15), "15 août 2025"),
    (date(2026, 12, 31), "31 décembre 2026"), (date(2026, 2, 2), "2 février 2026"),
])
def test_dates_are_written_the_french_way(day, written):
    assert date_fr(day) == written


def test_months():
    assert [mois_fr(2026, month) for month in (1, 8, 12)] == ["janvier 2026", "août 2026", "décembre 2026"]


@pytest.mark.parametrize(("value", "written"), [
    (12, "12"), (12.0, "12"), (12.5, "12,5"), (0.125, "0,125"), (55.5, "55,5"),
    (1200, f"1{NNBSP}200"), (-3.25, "-3,25"), (1234567.5, f"1{NNBSP}234{NNBSP}567,5"),
])
def test_numbers_keep_every_digit_and_a_decimal_comma(value, written):
    assert nombre_fr(value) == written


def test_amounts_and_sizes():
    assert euros_fr(1200.5) == f"1{NNBSP}200,50\u00a0€"
    assert [kilo_octets(size) for size in (0, 1, 1024, 1025)] == [0, 1, 1, 2]
