"""The plan in spreadsheets: exported at each build as ODS, XLSX and CSV, and read back.

Round trips on Béthune and the syndicat give back the same plan and the same plan.yml;
a sheet with five mistakes gets five French messages, each at its cell, and no file written.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from datetime import date

import pytest

from macros.data.loader import load_referentiel
from macros.plan.ecriture import entete, plan_en_yaml
from macros.plan.suivi import suivre
from macros.plan.tableur.colonnes import lignes_actions, lignes_indicateurs
from macros.plan.tableur.ecrire import feuilles, fichiers, ods, xlsx
from macros.plan.tableur.importer import plan_depuis_feuilles
from macros.plan.tableur.lire import TableurIlisible, lire_feuilles

from .conftest import FIXTURES, ROOT, SYNDICAT_TODAY, article_html

JOUR = date.fromisoformat(SYNDICAT_TODAY)
REFERENTIELS = {"bethune": ROOT / "data" / "bethune", "syndicat": FIXTURES / "syndicat"}


def _plan(slug):
    return load_referentiel(REFERENTIELS[slug], ROOT).plan


@pytest.mark.parametrize("suffix", [".ods", ".xlsx"])
@pytest.mark.parametrize("slug", sorted(REFERENTIELS))
def test_export_then_import_gives_back_the_same_plan_and_file(tmp_path, slug, suffix):
    plan = _plan(slug)
    [fichier] = [f for f in fichiers(plan, suivre(plan, JOUR), slug) if f.nom.endswith(suffix)]
    path = tmp_path / fichier.nom
    path.write_bytes(fichier.contenu)
    again, erreurs = plan_depuis_feuilles(lire_feuilles(path), plan, path.name)
    assert erreurs == []
    assert again == plan
    source = (REFERENTIELS[slug] / "plan.yml").read_text(encoding="utf-8")
    assert plan_en_yaml(again, entete(source)) == source


def test_the_sheets_hold_every_field_with_real_dates_and_numbers(tmp_path):
    plan = _plan("syndicat")
    [ods_file] = [f for f in fichiers(plan, suivre(plan, JOUR), "syndicat") if f.nom.endswith(".ods")]
    (tmp_path / "plan.ods").write_bytes(ods_file.contenu)
    sheets = lire_feuilles(tmp_path / "plan.ods")
    assert list(sheets) == ["Actions", "Indicateurs", "Synthèse", "Listes"]
    head, livret = sheets["Actions"][0], sheets["Actions"][1]
    row = dict(zip(head, livret, strict=False))
    assert row["Échéance"] == date(2026, 5, 29) and row["Avancement (%)"] == 60
    assert row["En retard"] == "oui" and row["Statut"] == "Engagée"
    assert row["Contributeurs"] == "Direction technique\nCommunication"
    assert len(sheets["Actions"]) == 1 + len(plan.actions)
    assert sheets["Indicateurs"][2] == ["livret-accueil", "Nouveaux agents ayant reçu le livret", "%", 100,
                                        None, None, date(2026, 5, 31), 55.5]


def test_the_csv_is_utf8_with_semicolons_one_row_per_action():
    plan = _plan("bethune")
    [fichier] = [f for f in fichiers(plan, suivre(plan, JOUR), "bethune") if f.nom.endswith(".csv")]
    assert fichier.contenu.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(fichier.contenu.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:5] == ["Identifiant", "Axe", "Objectif", "N°", "Action"]
    assert len(rows) == 139
    assert {row[0] for row in rows[1:]} == {a.id for a in plan.actions}


def _five_mistakes():
    """The syndicat's sheet with five mistakes, at known cells (no objectif, no horizon column)."""
    plan = _plan("syndicat")
    sheets = feuilles(plan, suivre(plan, JOUR))
    rows = sheets[0][1]
    column = {title: index for index, title in enumerate(rows[0])}
    rows[2][column["Statut"]] = "Fini"                            # E3
    rows[3][column["Échéance"]] = "31 mars"                       # K4
    rows[4][column["Axe"]] = 7                                    # B5
    rows[1][column["Avancement (%)"]] = "beaucoup"                # M2
    rows[1][column["Jalons"]] = "bientôt : Livret imprimé"        # L2
    return sheets


EXPECTED = [
    "plan.{x}, feuille « Actions », cellule L2 : la ligne « bientôt : Livret imprimé » ne commence pas "
    "par une date",
    "plan.{x}, feuille « Actions », cellule M2 : « beaucoup » n'est pas un nombre.",
    "plan.{x}, feuille « Actions », cellule E3 : « Fini » n'est pas un statut du plan (statuts possibles : "
    "À venir, Engagée, Suspendue, Terminée, Abandonnée).",
    "plan.{x}, feuille « Actions », cellule K4 : « 31 mars » n'est pas une date",
    "plan.{x}, feuille « Actions », cellule B5 : « 7 » n'est pas un axe du plan (axes : 1, 2).",
]


@pytest.mark.parametrize("suffix", ["ods", "xlsx"])
def test_five_mistakes_give_five_located_messages_and_nothing_is_written(tmp_path, suffix):
    project = tmp_path / "projet"
    shutil.copytree(FIXTURES / "syndicat", project / "data" / "syndicat")
    before = (project / "data" / "syndicat" / "plan.yml").read_bytes()
    sheet = tmp_path / f"plan.{suffix}"
    sheet.write_bytes((ods if suffix == "ods" else xlsx)(_five_mistakes()))
    result = subprocess.run([sys.executable, "-m", "macros.cli.importer_plan", str(sheet), "syndicat"],
                            cwd=project, capture_output=True, text=True, timeout=120,
                            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [line.strip() for line in result.stderr.splitlines()]
    assert lines[0] == "5 problèmes dans le tableur ; aucun fichier n'a été modifié :"
    assert len(lines) == 6
    for line, expected in zip(lines[1:], EXPECTED, strict=True):
        assert line.startswith(expected.format(x=suffix)), line
    assert (project / "data" / "syndicat" / "plan.yml").read_bytes() == before


def test_a_changed_sheet_is_written_back_and_new_rows_get_an_id(tmp_path):
    project = tmp_path / "projet"
    shutil.copytree(FIXTURES / "syndicat", project / "data" / "syndicat")
    plan = _plan("syndicat")
    sheets = feuilles(plan, suivre(plan, JOUR))
    rows = sheets[0][1]
    column = {title: index for index, title in enumerate(rows[0])}
    rows[5][column["Statut"]] = "Engagée"
    rows[5][column["Pilote"]] = "Service des usagers"
    rows[5][column["Échéance"]] = "30/09/2026"
    new = [None] * len(rows[0])
    new[column["Axe"]], new[column["Action"]] = 2, "Ouvrir une permanence le samedi"
    rows.append(new)
    sheet = tmp_path / "plan.xlsx"
    sheet.write_bytes(xlsx(sheets))
    result = subprocess.run([sys.executable, "-m", "macros.cli.importer_plan", str(sheet), "syndicat"],
                            cwd=project, capture_output=True, text=True, timeout=120,
                            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert "1 action ajoutée, 1 modifiée, 0 retirée" in result.stdout
    written = load_referentiel(project / "data" / "syndicat", project).plan
    factures = next(a for a in written.actions if a.id == "factures-lisibles")
    assert (factures.statut, factures.pilote, factures.echeance.isoformat()) == (
        "engagee", "Service des usagers", "2026-09-30")
    assert written.axes[1].actions[-1].id == "ouvrir-permanence-samedi"
    text = (project / "data" / "syndicat" / "plan.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")


def test_an_unknown_column_or_a_missing_sheet_is_named(tmp_path):
    plan = _plan("syndicat")
    rows = lignes_actions(plan, suivre(plan, JOUR))
    rows[0][2] = "Couleur"
    indicateurs = lignes_indicateurs(plan)
    _, erreurs = plan_depuis_feuilles({"Actions": rows, "Indicateurs": indicateurs}, plan, "plan.xlsx")
    assert str(erreurs[0]).startswith(
        "plan.xlsx, feuille « Actions », cellule C1 : la colonne « Couleur » n'est pas une colonne du plan")
    _, erreurs = plan_depuis_feuilles({"Feuil1": rows, "Indicateurs": indicateurs}, plan, "plan.xlsx")
    assert len(erreurs) == 2
    assert str(erreurs[0]).startswith("plan.xlsx, feuille « Feuil1 » : cette feuille n'est pas une feuille")
    assert str(erreurs[1]).startswith("plan.xlsx, feuille « Actions » : cette feuille manque")
    (tmp_path / "plan.txt").write_text("x", encoding="utf-8")
    with pytest.raises(TableurIlisible):
        lire_feuilles(tmp_path / "plan.txt")
    (tmp_path / "faux.ods").write_text("pas un zip", encoding="utf-8")
    with pytest.raises(TableurIlisible):
        lire_feuilles(tmp_path / "faux.ods")


def test_the_plan_page_links_each_file_with_its_size(syndicat_site):
    out = syndicat_site
    page = article_html(out, "plan")
    for name in ("plan-syndicat.ods", "plan-syndicat.xlsx", "plan-syndicat.csv",
                 "plan-syndicat-indicateurs.csv"):
        size = (out / "telechargements" / name).stat().st_size
        assert f'href="../telechargements/{name}" download' in page, name
        assert f"({-(-size // 1024)}\u00a0Ko)" in page, name


@pytest.mark.parametrize("name", ["plan-syndicat-libreoffice.ods", "plan-syndicat-libreoffice.xlsx"])
def test_a_sheet_saved_again_by_libreoffice_reads_back_the_same(name):
    """LibreOffice writes repeated empty cells and rows, its own styles and dates."""
    plan = _plan("syndicat")
    again, erreurs = plan_depuis_feuilles(lire_feuilles(FIXTURES / "tableurs" / name), plan, name)
    assert erreurs == []
    assert again == plan


def test_unchanged_rows_read_the_files_from_the_cache(tmp_path, monkeypatch):
    from macros.plan.tableur import ecrire

    cache = tmp_path / ".cache" / "tableur"
    plan = _plan("syndicat")
    first = fichiers(plan, suivre(plan, JOUR), "syndicat", cache)
    assert len(list(cache.iterdir())) == 1

    def no_writing(sheets):
        raise AssertionError("the cache should have answered")

    monkeypatch.setattr(ecrire, "xlsx", no_writing)
    assert fichiers(plan, suivre(plan, JOUR), "syndicat", cache) == first
    # Another day changes « En retard »: other rows, other files, written anew.
    monkeypatch.undo()
    fichiers(plan, suivre(plan, date(2026, 1, 1)), "syndicat", cache)
    assert len(list(cache.iterdir())) == 2
