"""Dates and numbers as documents write them: a day, a month (`2026-06`) or a year (`2028`);
axes numbered by letters and named by the plan (« Orientation A », actions « A1 »).

A hospital's projet d'établissement knows its échéances to the month or the year: nothing
is invented (no 30 June), « en retard » waits for the end of the period, the page and the
kit say « juin 2026 », and the spreadsheets give back exactly what was written.
"""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from macros.data.errors import DataErrors
from macros.data.loader import load_referentiel
from macros.models.dates import DateDocument
from macros.plan.ecriture import entete, plan_en_yaml
from macros.plan.fiche import champs_a_designer, fiche_en_ligne
from macros.plan.suivi import suivre
from macros.plan.tableur.ecrire import fichiers
from macros.plan.tableur.importer import plan_depuis_feuilles
from macros.plan.tableur.lire import lire_feuilles
from macros.site.plan_view import vue_plan
from macros.site.render import fragment

from .conftest import FIXTURES, ROOT, visible_text

PLAN_HOPITAL = """\
titre: Projet d'établissement
nom_axe: Orientation
axes:
  - numero: A
    titre: Prendre soin ensemble
    actions:
      - id: accueil-patients
        texte: Refondre l'accueil des patients
        debut: "2026"
        echeance: 2026-06
        jalons:
          - date: 2026-03
            libelle: Diagnostic
        indicateurs:
          - libelle: Délai d'attente aux urgences
            unite: minutes
            cible: "-30"
            par_rapport_a: "2025"
            unite_cible: "%"
            valeurs:
              - date: 2025
                valeur: "95"
              - date: 2026-05
                valeur: "80"
      - id: projet-medical
        texte: Écrire le projet médical partagé
        echeance: "2028"
  - numero: B
    titre: Travailler mieux
objectifs:
  - numero: B1
    axe: B
    titre: Attirer
    actions:
      - id: logements
        texte: Proposer des logements aux internes
        echeance: 2026-07-15
"""


@pytest.fixture
def hopital(tmp_path):
    folder = tmp_path / "data" / "hopital"
    shutil.copytree(FIXTURES / "mini", folder)
    (folder / "plan.yml").write_text(PLAN_HOPITAL, encoding="utf-8")
    return folder


def _plan(folder):
    return load_referentiel(folder, folder.parent.parent).plan


def test_a_month_or_a_year_is_kept_and_late_only_after_its_whole_period(hopital):
    plan = _plan(hopital)
    accueil = plan.actions[0]
    assert accueil.echeance == DateDocument(2026, 6) and accueil.debut == DateDocument(2026)
    assert accueil.echeance.en_francais == "juin 2026" and accueil.debut.en_francais == "2026"
    late = {jour: [a.action.id for a in suivre(plan, date.fromisoformat(jour)).en_retard]
            for jour in ("2026-06-30", "2026-07-01", "2028-12-31", "2029-01-01")}
    assert late == {"2026-06-30": [], "2026-07-01": ["accueil-patients"],
                    "2028-12-31": ["accueil-patients", "logements"],
                    "2029-01-01": ["accueil-patients", "projet-medical", "logements"]}


def test_dates_to_come_are_sorted_by_the_end_of_their_period(hopital):
    suivi = suivre(_plan(hopital), date(2026, 6, 1))
    assert [e.quand.isoformat() for e in suivi.a_venir] == ["2026-06", "2026-07-15", "2028"]
    assert sorted([DateDocument(2026, 7), DateDocument(2026, 7, 15), DateDocument(2026, 8, 1),
                   DateDocument(2026)]) == [DateDocument(2026, 7, 15), DateDocument(2026, 7),
                                            DateDocument(2026, 8, 1), DateDocument(2026)]


def test_letter_axes_number_their_actions_and_carry_the_plan_s_word(hopital):
    plan = _plan(hopital)
    assert [e.numero for e in plan.entrees] == ["A1", "A2", "B1.1"]
    assert plan.titre_axe(plan.axes[0]) == "Orientation A. Prendre soin ensemble"
    assert plan.pluriel_axes == "orientations"
    text = visible_text(fragment("plan", vue_plan(plan, jour=date(2026, 7, 1))))
    assert "Orientation A. Prendre soin ensemble" in text and "Actions — Orientation A" in text
    assert "Axe A" not in text and "Axe 1" not in text
    vue = vue_plan(plan, jour=date(2026, 7, 1))
    fiches = " ".join(visible_text(fragment("plan_fiches", vue, a, macro="contenu"))
                      for a in vue.suivi.actions)
    assert "Échéance : juin 2026 dépassée" in fiches
    assert "Début : 2026" in fiches and "2026-06" not in fiches
    assert "80 minutes en mai 2026" in fiches and "95 minutes en 2025" in fiches
    # A target relative to a reference, with its sign and its own unit.
    assert "cible : −30 % par rapport à 2025" in fiches


def test_the_kit_line_of_a_fiche_says_the_month_as_written(hopital):
    plan = _plan(hopital)
    suivi = suivre(plan, date(2026, 7, 1))
    line = fiche_en_ligne(suivi.actions[0], champs_a_designer(plan))
    assert "début 2026, Diagnostic mars 2026, échéance juin 2026 (dépassée)" in line
    assert "80 minutes en mai 2026 (cible −30 % par rapport à 2025)" in line


@pytest.mark.parametrize("suffix", [".ods", ".xlsx"])
def test_the_spreadsheets_give_back_months_years_and_letter_axes_exactly(hopital, tmp_path, suffix):
    plan = _plan(hopital)
    [fichier] = [f for f in fichiers(plan, suivre(plan, date(2026, 6, 15)), "hopital")
                 if f.nom.endswith(suffix)]
    path = tmp_path / fichier.nom
    path.write_bytes(fichier.contenu)
    sheets = lire_feuilles(path)
    head, accueil = sheets["Actions"][0], sheets["Actions"][1]
    row = dict(zip(head, accueil, strict=False))
    assert (row["Axe"], row["N°"], row["Début"], row["Échéance"]) == ("A", "A1", "2026", "2026-06")
    again, erreurs = plan_depuis_feuilles(sheets, plan, path.name)
    assert erreurs == []
    assert again == plan
    assert plan_en_yaml(again, entete(PLAN_HOPITAL)) == plan_en_yaml(plan, entete(PLAN_HOPITAL))


def test_a_cell_may_hold_a_month_typed_the_french_way_and_a_bad_one_is_explained(hopital, tmp_path):
    plan = _plan(hopital)
    [fichier] = [f for f in fichiers(plan, suivre(plan, date(2026, 6, 15)), "hopital")
                 if f.nom.endswith(".ods")]
    path = tmp_path / fichier.nom
    path.write_bytes(fichier.contenu)
    sheets = lire_feuilles(path)
    colonne = sheets["Actions"][0].index("Échéance")
    sheets["Actions"][1][colonne] = "09/2026"
    sheets["Actions"][2][colonne] = 2029
    again, erreurs = plan_depuis_feuilles(sheets, plan, path.name)
    assert erreurs == []
    assert [a.echeance for a in again.actions][:2] == [DateDocument(2026, 9), DateDocument(2029)]
    sheets["Actions"][1][colonne] = "juin 2026"
    sheets["Actions"][2][colonne] = "2026-13"
    _, erreurs = plan_depuis_feuilles(sheets, plan, path.name)
    lettre = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[colonne]
    assert [(e.cellule, e.message.split(" ; ")[0]) for e in erreurs] == [
        (f"{lettre}2", "« juin 2026 » : écrivez la date en chiffres, ici « 2026-06 »"),
        (f"{lettre}3", "« 2026-13 » : il n'y a pas de mois 13 (de 01 à 12)")]
    assert "un jour s'écrit JJ/MM/AAAA ou AAAA-MM-JJ" in erreurs[0].message


@pytest.mark.parametrize(("written", "line", "message"), [
    ("2026-13", 10, "« 2026-13 » : il n'y a pas de mois 13 (de 01 à 12) ; un jour s'écrit AAAA-MM-JJ"),
    ("juin 2026", 10, "« juin 2026 » : écrivez la date en chiffres, ici « 2026-06 »"),
    ("30/06/2026", 10, "« 30/06/2026 » : dans le fichier, la date s'écrit « 2026-06-30 »"),
    ("1999", 10, "l'année 1999 n'est pas plausible"),
])
def test_a_bad_date_is_said_with_its_file_line_and_the_expected_form(hopital, written, line, message):
    (hopital / "plan.yml").write_text(PLAN_HOPITAL.replace("echeance: 2026-06", f"echeance: {written}"),
                                      encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_referentiel(hopital, hopital.parent.parent)
    [error] = [str(e) for e in caught.value.errors]
    assert error.startswith(f"data/hopital/plan.yml:{line}:") and message in error, error


def test_an_objective_under_a_letter_axe_starts_with_its_letter(hopital):
    (hopital / "plan.yml").write_text(PLAN_HOPITAL.replace("  - numero: B1\n", "  - numero: A1\n"),
                                      encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_referentiel(hopital, hopital.parent.parent)
    [error] = [str(e) for e in caught.value.errors]
    assert "l'objectif A1 est rattaché à l'axe B : son numéro devrait commencer par « B »" in error


def test_bethune_keeps_its_numbers_and_days():
    plan = load_referentiel(ROOT / "data" / "bethune", ROOT).plan
    assert plan.entrees[0].numero == "1.1.1" and plan.titre_axe(plan.axes[0]).startswith("Axe 1. ")
    assert all(a.echeance is None or a.echeance.precision == "jour" for a in plan.actions)
