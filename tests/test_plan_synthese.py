"""The COPIL summary: its figures, its sheet in the spreadsheets, its page, its kit chapter.

The syndicat's plan on 15 June 2026: 5 actions, one « Terminée » (its only « réalisé »
status), one late (the livret, due 29 May), two with an avancement (60 and 100).
"""

from __future__ import annotations

from datetime import date

import pytest

from macros.data.loader import load_referentiel
from macros.plan.suivi import suivre
from macros.plan.synthese import EN_RETARD_PAR_AXE, synthese
from macros.plan.tableur.ecrire import fichiers
from macros.plan.tableur.importer import plan_depuis_feuilles
from macros.plan.tableur.lire import lire_feuilles

from .conftest import FIXTURES, ROOT, SYNDICAT_TODAY, article_html, visible_text

JOUR = date.fromisoformat(SYNDICAT_TODAY)


@pytest.fixture(scope="module")
def plan():
    return load_referentiel(FIXTURES / "syndicat", ROOT).plan


def test_the_share_done_counts_the_plan_s_own_realised_statuses(plan):
    s = synthese(plan, suivre(plan, JOUR))
    axe1, axe2 = s.axes
    assert (axe1.total, axe1.realisees, axe1.part_realisee) == (3, 0, 0)
    assert (axe2.total, axe2.realisees, axe2.part_realisee) == (2, 1, 50)
    assert (s.ensemble.total, s.ensemble.realisees, s.ensemble.part_realisee) == (5, 1, 20)
    # The mean says how many actions it is the mean of: one of three on axe 1.
    assert (axe1.avancement, axe1.avec_avancement) == (60, 1)
    assert (s.ensemble.avancement, s.ensemble.avec_avancement) == (80, 2)
    assert [a.action.id for a in axe1.en_retard] == ["livret-accueil"]
    assert axe2.en_retard == ()
    assert [e.suivie.action.id for e in s.ensemble.a_venir][:1] == ["livret-accueil"]
    assert s.jour == JOUR


def test_an_axe_lists_its_first_late_actions_and_counts_the_others(plan):
    s = synthese(plan, suivre(plan, date(2030, 1, 1)))
    (axe1, _) = s.axes
    assert len(axe1.retard_montre) == min(len(axe1.en_retard), EN_RETARD_PAR_AXE)
    assert axe1.retard_cache == max(0, len(axe1.en_retard) - EN_RETARD_PAR_AXE)
    # Oldest échéance first: the most overdue leads the list.
    dates = [a.action.echeance for a in axe1.en_retard]
    assert dates == sorted(dates)


@pytest.mark.parametrize("suffix", [".ods", ".xlsx"])
def test_the_synthese_sheet_is_dated_and_left_aside_by_the_import(tmp_path, plan, suffix):
    [fichier] = [f for f in fichiers(plan, suivre(plan, JOUR), "syndicat") if f.nom.endswith(suffix)]
    path = tmp_path / fichier.nom
    path.write_bytes(fichier.contenu)
    sheets = lire_feuilles(path)
    rows = sheets["Synthèse"]
    assert rows[0] == ["Synthèse du plan, données au", JOUR]
    entete = rows[2]
    assert entete[:2] == ["Axe", "Actions"] and "Part réalisée (%)" in entete
    ensemble = dict(zip(entete, rows[5], strict=False))
    assert ensemble["Axe"] == "Ensemble du plan"
    assert (ensemble["Actions"], ensemble["Terminée"], ensemble["Part réalisée (%)"]) == (5, 1, 20)
    assert (ensemble["Avancement moyen (%)"], ensemble["Actions dont l'avancement est indiqué"]) == (80, 2)
    retard = rows.index(["Actions en retard : 1"])
    assert rows[retard + 2] == ["1.1 Écrire un livret d'accueil des agents", date(2026, 5, 29),
                                "Service des ressources humaines"]
    # The import reads the plan back unchanged, the summary sheet included in the file.
    again, erreurs = plan_depuis_feuilles(sheets, plan, path.name)
    assert erreurs == [] and again == plan


def test_the_page_is_dated(syndicat_site):
    text = visible_text(article_html(syndicat_site, "synthese-du-plan"))
    assert "Données au 15 juin 2026" in text
    assert "1 action réalisée sur 5 (20 %), 1 en retard." in text
    assert "80 % (sur 2 actions)" in text and "60 % (sur 1 action)" in text
    assert "Écrire un livret d'accueil des agents" in text and "29 mai 2026" in text


def test_the_kit_has_the_summary_chapter(monkeypatch):
    from macros.kit.document import kit_source

    monkeypatch.setenv("SOCLE_AUJOURDHUI", SYNDICAT_TODAY)
    source = kit_source(load_referentiel(FIXTURES / "syndicat", ROOT))
    chapitre = source[source.index('"Synthèse du plan"'):source.index('"Notre plan d\'actions"')]
    assert '"Données au 15 juin 2026"' in chapitre
    assert '"1 action réalisée sur 5 (20 %), 1 en retard."' in chapitre
    assert '"80 % (sur 2)"' in chapitre
    assert "Écrire un livret d'accueil des agents — échéance du 29 mai 2026" in chapitre
