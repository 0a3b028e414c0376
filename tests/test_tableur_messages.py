"""The import's messages in plain French: pydantic's English and the models' regular
expressions never reach the person importing, numbers and fields are said as the sheet says them."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import BaseModel, Field, ValidationError

from macros.data.errors import explain_validation_error
from macros.data.loader import load_referentiel
from macros.models.base import Identifiant
from macros.plan.suivi import suivre
from macros.plan.tableur.colonnes import lignes_actions, lignes_indicateurs
from macros.plan.tableur.importer import plan_depuis_feuilles

from .conftest import FIXTURES, ROOT, SYNDICAT_TODAY

_ANGLAIS = ("Input should", "Value error", "should be", "pattern", "^", "$", "[a-z")


def _erreurs(change) -> list[str]:
    plan = load_referentiel(FIXTURES / "syndicat", ROOT).plan
    rows = lignes_actions(plan, suivre(plan, date.fromisoformat(SYNDICAT_TODAY)))
    change(rows, {title: index for index, title in enumerate(rows[0])})
    _, erreurs = plan_depuis_feuilles({"Actions": rows, "Indicateurs": lignes_indicateurs(plan)}, plan,
                                      "plan.xlsx")
    messages = [str(e) for e in erreurs]
    for message in messages:
        for english in _ANGLAIS:
            assert english not in message, message
    return messages


def test_an_avancement_past_100_is_said_in_french_at_its_cell():
    def change(rows, column):
        rows[1][column["Avancement (%)"]] = 150
    [message] = _erreurs(change)
    assert message.endswith("« Avancement (%) » doit valoir au plus 100, pas « 150 ».")
    assert ", cellule " in message


def test_an_identifier_of_the_wrong_form_is_described_not_given_as_a_regex():
    def change(rows, column):
        new = [None] * len(rows[0])
        new[column["Identifiant"]], new[column["Axe"]], new[column["Action"]] = "Mon Action", 1, "Nouvelle"
        rows.append(new)
    [message] = _erreurs(change)
    assert ("la valeur « Mon Action » de « Identifiant » n'a pas la forme attendue : minuscules sans "
            "accents, chiffres et tirets") in message


class _Modele(BaseModel):
    id: Identifiant = "a"
    taux: float = Field(default=0, ge=0, le=100)
    rang: int = Field(default=1, ge=1)
    jour: date | None = None
    court: str = Field(default="", max_length=3)
    numero: str = Field(default="1.1", pattern=r"^\d+\.\d+$")
    code: str = Field(default="AB", pattern=r"^[A-Z]{2}$", description="Deux capitales, par exemple « RH ».")


@pytest.mark.parametrize(("data", "expected"), [
    ({"taux": 100.5}, "« taux » doit valoir au plus 100, pas « 100,5 »."),
    ({"taux": -1}, "« taux » doit être un nombre positif ou nul, pas « -1 »."),
    ({"rang": 0}, "« rang » doit valoir au moins 1, pas « 0 »."),
    ({"jour": "2026-13-01"}, "« jour » doit être une date réelle, écrite AAAA-MM-JJ"),
    ({"taux": "beaucoup"}, "« taux » doit être un nombre, pas « beaucoup »."),
    ({"court": "abcdef"}, "« court » est trop long : 3 caractères au plus."),
    ({"id": "Été 2026"}, "n'a pas la forme attendue : minuscules sans accents, chiffres et tirets"),
    ({"numero": "2"}, "n'a pas la forme attendue : le numéro de l'axe, un point, puis un rang"),
    ({"code": "rh"}, "n'a pas la forme attendue : deux capitales, par exemple « RH »."),
])
def test_pydantic_errors_are_told_in_french_without_regex(data, expected):
    with pytest.raises(ValidationError) as caught:
        _Modele.model_validate(data)
    [error] = explain_validation_error(caught.value, data, "essai.yml", _Modele)
    assert expected in error.message
    for english in _ANGLAIS:
        assert english not in error.message, error.message
