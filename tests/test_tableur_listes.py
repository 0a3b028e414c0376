"""Spreadsheets a coordinator likes: drop-down lists for Statut, Horizon, Axe and Objectif,
an autofilter on the headings, in XLSX and ODS — read back by openpyxl and odfpy as a
spreadsheet would see them; the import still gives back the same plan, leaves the hidden
sheet « Listes » aside, and refuses a cell formula."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest

from macros.data.loader import load_referentiel
from macros.plan.suivi import suivre
from macros.plan.tableur.ecrire import fichiers
from macros.plan.tableur.importer import plan_depuis_feuilles
from macros.plan.tableur.lire import TableurIlisible, lire_feuilles
from macros.plan.tableur.listes import EN_PLUS

from .conftest import FIXTURES, ROOT

BETHUNE = load_referentiel(ROOT / "data" / "bethune", ROOT).plan
JOUR = date(2026, 6, 15)


def _fichier(suffix: str, tmp_path):
    [found] = [f for f in fichiers(BETHUNE, suivre(BETHUNE, JOUR), "bethune") if f.nom.endswith(suffix)]
    path = tmp_path / found.nom
    path.write_bytes(found.contenu)
    return path


def test_the_xlsx_offers_the_plan_s_lists_and_filters_its_headings(tmp_path):
    from openpyxl import load_workbook

    book = load_workbook(_fichier(".xlsx", tmp_path))
    actions, listes = book["Actions"], book["Listes"]
    assert listes.sheet_state == "hidden"
    entetes = [c.value for c in actions[1]]
    lignes = 1 + len(BETHUNE.actions)
    assert actions.auto_filter.ref == f"A1:{actions.cell(1, len(entetes)).column_letter}{lignes}"
    par_colonne = {}
    for dv in actions.data_validations.dataValidation:
        [plage] = str(dv.sqref).split()
        debut, fin = plage.split(":")
        colonne = entetes[actions[debut].column - 1]
        assert (dv.type, dv.allow_blank, dv.showErrorMessage, dv.errorStyle or "stop") == (
            "list", True, True, "stop")
        assert fin == f"{debut[0]}{lignes + EN_PLUS}"
        assert dv.errorTitle == colonne and "Choisissez" in dv.error
        feuille, source = dv.formula1.split("!")
        assert feuille == "Listes"
        par_colonne[colonne] = [c.value for (c,) in listes[source.replace("$", "")]]
    assert par_colonne == {
        "Statut": [s.libelle for s in BETHUNE.statuts], "Horizon": [h.libelle for h in BETHUNE.horizons],
        "Axe": [a.numero for a in BETHUNE.axes], "Objectif": [o.numero for o in BETHUNE.objectifs]}


def test_the_ods_offers_the_same_lists_and_filters(tmp_path):
    from odf.opendocument import load
    from odf.table import ContentValidation, DatabaseRange, Table, TableCell, TableRow

    doc = load(str(_fichier(".ods", tmp_path)))
    conditions = {v.getAttribute("name"): v.getAttribute("condition")
                  for v in doc.spreadsheet.getElementsByType(ContentValidation)}
    assert all(c.startswith("of:cell-content-is-in-list([$Listes.$") for c in conditions.values())
    assert len(conditions) == 4
    filtres = {r.getAttribute("targetrangeaddress") for r in doc.spreadsheet.getElementsByType(DatabaseRange)}
    assert f"Actions.A1:Actions.{_derniere(BETHUNE)}{1 + len(BETHUNE.actions)}" in filtres
    actions = next(t for t in doc.spreadsheet.getElementsByType(Table) if t.getAttribute("name") == "Actions")
    rows = actions.getElementsByType(TableRow)
    entetes = [c for c in rows[0].getElementsByType(TableCell)]
    statut = [str(c) for c in entetes].index("Statut")
    assert rows[1].getElementsByType(TableCell)[statut].getAttribute("contentvalidationname") in conditions
    assert rows[-1].getAttribute("numberrowsrepeated") == str(EN_PLUS)
    with zipfile.ZipFile(_fichier(".ods", tmp_path)) as archive:
        content = archive.read("content.xml").decode()
    assert 'table:name="Listes" table:style-name="cachee"' in content and 'table:display="false"' in content


def test_the_indicators_sheet_is_filtered_too(tmp_path):
    from openpyxl import load_workbook

    plan = load_referentiel(FIXTURES / "syndicat", ROOT).plan
    [found] = [f for f in fichiers(plan, suivre(plan, JOUR), "syndicat") if f.nom.endswith(".xlsx")]
    book = load_workbook(io.BytesIO(found.contenu))
    indicateurs = book["Indicateurs"]
    assert indicateurs.auto_filter.ref == "A1:H3" == f"A1:H{indicateurs.max_row}"
    assert book["Synthèse"].auto_filter.ref is None


def _derniere(plan) -> str:
    from macros.plan.tableur.cellules import lettre
    from macros.plan.tableur.colonnes import colonnes_actions

    return lettre(len(colonnes_actions(plan)) - 1)


@pytest.mark.parametrize("suffix", [".ods", ".xlsx"])
def test_the_lists_do_not_change_what_the_import_reads(tmp_path, suffix):
    sheets = lire_feuilles(_fichier(suffix, tmp_path))
    assert sheets["Listes"][0] == ["Axe", "Objectif", "Horizon", "Statut"]
    again, erreurs = plan_depuis_feuilles(sheets, BETHUNE, "plan" + suffix)
    assert erreurs == [] and again == BETHUNE


def test_a_formula_in_a_cell_is_refused_in_french(tmp_path):
    from openpyxl import load_workbook

    path = _fichier(".xlsx", tmp_path)
    book = load_workbook(path)
    book["Actions"]["I2"] = "=A2"
    book.save(path)
    with pytest.raises(TableurIlisible) as raised:
        lire_feuilles(path)
    assert ("la cellule I2 contient une formule : l'import ne lit que des valeurs écrites. Remplacez-la "
            "par sa valeur") in str(raised.value)


def test_a_formula_in_an_ods_cell_is_refused_in_french(tmp_path):
    path = _fichier(".ods", tmp_path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    content = parts["content.xml"].decode()
    entetes = content.index("<table:table-row>", content.index('table:name="Actions"'))
    premiere = content.index("<table:table-row>", entetes + 1)  # the first row of an action
    cellule = content.index("<table:table-cell", premiere)
    content = content[:cellule] + '<table:table-cell table:formula="of:=1+1"' + content[cellule + 17:]
    out = tmp_path / "formule.ods"
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, content if name == "content.xml" else data)
    with pytest.raises(TableurIlisible, match="feuille « Actions », la cellule A2 contient une formule"):
        lire_feuilles(out)
