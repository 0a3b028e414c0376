"""The import fails closed: what the sheet lost is refused, an action goes only when asked.

A column, a sheet, a row or an identifier missing from the export once made the import
empty a field on every action, rename every action or remove one with « 1 retirée »: each
is now refused, named, nothing written. « Supprimer » removes an action, and the summary
names each action added, changed or removed.
"""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path

import pytest

from macros.cli.importer_plan import main
from macros.data.loader import load_referentiel
from macros.plan.suivi import suivre
from macros.plan.tableur.ecrire import feuilles, ods, xlsx

from .conftest import FIXTURES, ROOT, SYNDICAT_TODAY

JOUR = date.fromisoformat(SYNDICAT_TODAY)


def _feuilles():
    plan = load_referentiel(FIXTURES / "syndicat", ROOT).plan
    sheets = feuilles(plan, suivre(plan, JOUR))
    return [(name, [list(row) for row in rows], widths) for name, rows, widths in sheets]


def _sans_colonne(sheet, titre: str):
    name, rows, widths = sheet
    index = rows[0].index(titre)
    return name, [row[:index] + row[index + 1:] for row in rows], widths[:index] + widths[index + 1:]


def _importer(project: Path, sheets, capsys, suffix: str = "xlsx") -> tuple[int, str, str]:
    path = project.parent / f"plan.{suffix}"
    path.write_bytes((xlsx if suffix == "xlsx" else ods)(sheets))
    with contextlib.chdir(project):  # the command-line tools work on the project they run in
        code = main([str(path), "syndicat"])
    out = capsys.readouterr()
    return code, out.out, out.err


def _refuse(project: Path, sheets, capsys, *expected: str, suffix: str = "xlsx") -> str:
    plan = project / "data" / "syndicat" / "plan.yml"
    before = plan.read_bytes()
    code, _, err = _importer(project, sheets, capsys, suffix)
    assert code == 1
    assert "aucun fichier n'a été modifié" in err.splitlines()[0]
    for words in expected:
        assert words in err, err
    assert plan.read_bytes() == before
    assert oct(plan.stat().st_mode & 0o777) == "0o644"
    return err


@pytest.mark.parametrize("suffix", ["xlsx", "ods"])
@pytest.mark.parametrize("titre", ["Statut", "Pilote", "Échéance", "Action", "Identifiant"])
def test_a_deleted_column_is_refused_and_named(projet, capsys, titre, suffix):
    sheets = _feuilles()
    sheets[0] = _sans_colonne(sheets[0], titre)
    err = _refuse(projet, sheets, capsys, f"feuille « Actions » : la colonne « {titre} » manque",
                  suffix=suffix)
    assert len(err.splitlines()) == 2  # one problem: not one per action (« 139 added, 139 removed »)


@pytest.mark.parametrize("titre", ["N°", "En retard", "Supprimer"])
def test_a_column_whose_loss_loses_nothing_may_go(projet, capsys, titre):
    sheets = _feuilles()
    sheets[0] = _sans_colonne(sheets[0], titre)
    code, out, err = _importer(projet, sheets, capsys)
    assert (code, err) == (0, "")
    assert "rien à écrire" in out


def test_a_deleted_column_of_the_indicators_is_refused(projet, capsys):
    sheets = _feuilles()
    sheets[1] = _sans_colonne(sheets[1], "Valeur")
    _refuse(projet, sheets, capsys, "feuille « Indicateurs » : la colonne « Valeur » manque")


def test_a_removed_or_renamed_indicators_sheet_is_refused(projet, capsys):
    sheets = _feuilles()
    _refuse(projet, sheets[:1], capsys, "feuille « Indicateurs » : cette feuille manque")
    _, rows, widths = sheets[1]
    err = _refuse(projet, [sheets[0], ("Mesures", rows, widths)], capsys,
                  "feuille « Mesures » : cette feuille n'est pas une feuille du plan",
                  "feuille « Indicateurs » : cette feuille manque")
    assert len(err.splitlines()) == 3


def test_an_empty_extra_sheet_is_no_problem(projet, capsys):
    sheets = _feuilles()
    code, _, err = _importer(projet, [*sheets, ("Feuil3", [], ())], capsys)
    assert (code, err) == (0, "")


def test_a_deleted_row_or_a_cleared_identifier_is_refused_and_names_the_action(projet, capsys):
    sheets = _feuilles()
    head = sheets[0][1][0]
    gone = sheets[0][1].pop(3)
    numero, texte = gone[head.index("N°")], gone[head.index("Action")]
    ident = gone[head.index("Identifiant")]
    _refuse(projet, sheets, capsys, f"l'action {numero} « {texte} » (identifiant {ident}) n'est plus dans "
            "la feuille", "écrivez « oui » dans sa colonne « Supprimer »")
    sheets = _feuilles()
    sheets[0][1][3][head.index("Identifiant")] = None  # would be a new action, and the old one gone
    _refuse(projet, sheets, capsys, f"(identifiant {ident}) n'est plus dans la feuille")


@pytest.mark.parametrize("marque", ["oui", "x", "OUI", " X "])
def test_supprimer_removes_the_action_and_the_summary_names_it(projet, capsys, marque):
    sheets = _feuilles()
    head = sheets[0][1][0]
    row = sheets[0][1][1]  # the first action, which has indicators: they go with it
    row[head.index("Supprimer")] = marque
    code, out, err = _importer(projet, sheets, capsys)
    assert (code, err) == (0, "")
    ident, numero, texte = (row[head.index(t)] for t in ("Identifiant", "N°", "Action"))
    assert "0 action ajoutée, 0 modifiée, 1 retirée" in out
    assert f"  retirée : {numero} « {texte[:60]}" in out
    assert f"(identifiant {ident})" in out
    written = load_referentiel(projet / "data" / "syndicat", projet).plan
    assert ident not in {a.id for a in written.actions}


def test_an_unclear_or_useless_supprimer_is_refused(projet, capsys):
    sheets = _feuilles()
    head = sheets[0][1][0]
    sheets[0][1][1][head.index("Supprimer")] = "peut-être"
    new = [None] * len(head)
    new[head.index("Axe")], new[head.index("Action")], new[head.index("Supprimer")] = 1, "Nouvelle", "oui"
    sheets[0][1].append(new)
    _refuse(projet, sheets, capsys, "« peut-être » : écrivez « oui » (ou « x ») pour retirer l'action",
            "cette ligne est marquée « Supprimer » mais n'est pas une action du plan")


def test_the_summary_agrees_in_number_and_names_each_action(projet, capsys):
    sheets = _feuilles()
    head = sheets[0][1][0]
    for texte in ("Ouvrir une permanence le samedi", "Former les agents d'accueil", "Traduire le livret"):
        new = [None] * len(head)
        new[head.index("Axe")], new[head.index("Action")] = 2, texte
        sheets[0][1].append(new)
    for row in sheets[0][1][1:3]:
        row[head.index("Pilote")] = "Service des usagers"
    code, out, err = _importer(projet, sheets, capsys)
    assert (code, err) == (0, "")
    assert "3 actions ajoutées, 2 modifiées, 0 retirée" in out
    assert "  ajoutée : 2." in out and "« Traduire le livret »" in out
    changed = [line for line in out.splitlines() if line.startswith("  modifiée : ")]
    assert len(changed) == 2
    assert changed[0].startswith(f"  modifiée : {sheets[0][1][1][head.index('N°')]} « ")
    assert changed[0].endswith("» (Pilote)")


def test_the_summary_says_which_fields_changed_and_which_action_moved(projet, capsys):
    sheets = _feuilles()
    head = sheets[0][1][0]
    row = sheets[0][1][1]
    numero, texte = row[head.index("N°")], row[head.index("Action")]
    row[head.index("Axe")], row[head.index("Statut")] = 2, "Terminée"
    code, out, err = _importer(projet, sheets, capsys)
    assert (code, err) == (0, "")
    assert "(Statut)" in out
    [moved] = [line for line in out.splitlines() if line.startswith("  déplacée : ")]
    assert moved.startswith(f"  déplacée : {numero} → 2.") and texte[:40] in moved


def test_an_action_without_axis_is_told_so(projet, capsys):
    sheets = _feuilles()
    head = sheets[0][1][0]
    sheets[0][1][2][head.index("Axe")] = None
    err = _refuse(projet, sheets, capsys, "cellule B3 : l'action n'a pas d'axe : écrivez le numéro de son "
                  "axe (axes : 1, 2).")
    assert "«  »" not in err
    sheets = _feuilles()
    sheets[1][1][1][0] = None
    err = _refuse(projet, sheets, capsys, "feuille « Indicateurs », cellule A2 : la ligne n'a pas "
                  "d'identifiant d'action")
    assert "«  »" not in err


@pytest.mark.parametrize("mode", [0o644, 0o664, 0o600])
def test_an_import_keeps_the_mode_of_plan_yml(projet, capsys, mode):
    plan = projet / "data" / "syndicat" / "plan.yml"
    plan.chmod(mode)
    sheets = _feuilles()
    head = sheets[0][1][0]
    sheets[0][1][1][head.index("Pilote")] = "Service des usagers"
    code, out, err = _importer(projet, sheets, capsys)
    assert (code, err) == (0, "")
    assert "0 action ajoutée, 1 modifiée, 0 retirée" in out
    assert plan.stat().st_mode & 0o777 == mode
    assert [p.name for p in plan.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_a_plan_yml_past_the_size_limit_is_not_written(projet, capsys, monkeypatch):
    from macros.cli import importer_plan

    monkeypatch.setattr(importer_plan, "TAILLE_MAX_FICHIER", 2048)
    sheets = _feuilles()
    head = sheets[0][1][0]
    sheets[0][1][1][head.index("Pilote")] = "Service des usagers"
    _refuse(projet, sheets, capsys, "data/syndicat/plan.yml ferait 3 Ko, au-delà des 2 Ko qu'un fichier")


def test_a_referentiel_name_is_never_a_path(projet, capsys):
    with contextlib.chdir(projet):  # the command-line tools work on the project they run in
        code = main([str(projet / "plan.xlsx"), "../../etc"])
    assert code == 2
    assert capsys.readouterr().err.startswith("« ../../etc » n'est pas un nom de référentiel")


def test_what_would_be_written_is_read_by_the_strict_loader_first(projet, capsys, monkeypatch):
    """The whole référentiel, with the new plan.yml, as make check reads it: refused, nothing written."""
    from macros.cli import importer_plan

    real = importer_plan.plan_en_yaml
    monkeypatch.setattr(importer_plan, "plan_en_yaml",
                        lambda plan, tete="": real(plan, tete) + "couleur: bleu\n")
    sheets = _feuilles()
    head = sheets[0][1][0]
    sheets[0][1][1][head.index("Pilote")] = "Service des usagers"
    _refuse(projet, sheets, capsys, "1 erreur dans les données :", "data/syndicat/plan.yml:",
            "la clé « couleur » est inconnue")
