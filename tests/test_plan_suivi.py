"""The plan as a follow-up tool: « en retard », dates to come, summaries, fiches, references.

The syndicat's plan (tests/fixtures/syndicat/plan.yml) is read on 15 June 2026: its dates
are written around that day (one échéance past and not done, one past but abandoned, one
past and done, one within three months).
"""

from __future__ import annotations

import re
import shutil
from datetime import date

import pytest

from macros.data.errors import DataErrors
from macros.data.loader import load_referentiel
from macros.models.plan import Plan
from macros.plan.suivi import suivre
from macros.site.plan_view import InstanceLiee, vue_plan
from macros.site.render import fragment

from .conftest import FIXTURES, ROOT, SYNDICAT_TODAY, article_html, visible_text

JOUR = date.fromisoformat(SYNDICAT_TODAY)
SYNDICAT = load_referentiel(FIXTURES / "syndicat", ROOT).plan


def test_late_is_computed_from_the_echeance_and_the_meaning_of_the_status():
    suivi = suivre(SYNDICAT, JOUR)
    assert [a.action.id for a in suivi.en_retard] == ["livret-accueil"]
    etats = {a.action.id: a.echeance_etat for a in suivi.actions}
    assert etats == {"livret-accueil": "depassee", "visite-usine": "proche", "badge-unique": "depassee",
                     "qualite-eau": "depassee", "factures-lisibles": "aucune"}
    # The same plan read a year earlier: nothing is late yet.
    assert suivre(SYNDICAT, date(2025, 6, 15)).en_retard == ()


def test_dates_to_come_are_echeances_and_jalons_of_open_actions_in_order():
    suivi = suivre(SYNDICAT, JOUR)
    assert [(e.quand.isoformat(), e.quoi, e.suivie.action.id) for e in suivi.a_venir] == [
        ("2026-07-15", "Livret imprimé", "livret-accueil"),
        ("2026-08-31", "Échéance", "visite-usine"),
    ]
    assert suivi.pilotes == ("Direction technique", "Laboratoire", "Service des ressources humaines")


def test_the_summary_counts_each_axe_by_status_late_and_mean_avancement():
    suivi = suivre(SYNDICAT, JOUR)
    premier, second = suivi.resumes
    assert premier.par_statut == (1, 1, 0, 0, 1) and premier.en_retard == 1
    assert (premier.avancement, premier.avec_avancement) == (60, 1)
    assert second.par_statut == (0, 0, 1, 1, 0) and second.avancement == 100
    assert suivi.total.total == 5 and suivi.total.avancement == 80


def test_an_action_without_status_has_the_first_one_and_numbers_follow_the_shape():
    assert SYNDICAT.statut_de(SYNDICAT.actions[1]).libelle == "À venir"
    assert [e.numero for e in SYNDICAT.entrees] == ["1.1", "1.2", "1.3", "2.1", "2.2"]


@pytest.mark.parametrize(("change", "message"), [
    ({"statut": "fini"}, "le statut « fini » n'est pas un statut du plan"),
    ({"horizon": "bientot"}, "l'horizon « bientot » n'est pas un horizon du plan (horizons possibles : "
                             "aucun : le plan n'a pas d'horizons)"),
    ({"avancement": "120"}, "100"),
    ({"echeance": "30/06/2026"}, "dans le fichier, la date s'écrit « 2026-06-30 »"),
    ({"echeance": "2026-13"}, "il n'y a pas de mois 13"),
    ({"echeance": "juin 2026"}, "écrivez la date en chiffres, ici « 2026-06 »"),
])
def test_the_plan_refuses_what_its_vocabulary_does_not_know(change, message):
    data = SYNDICAT.model_dump()
    data["axes"][0]["actions"][0].update(change)
    with pytest.raises(ValueError, match=re.escape(message)):
        Plan.model_validate(data)


def test_two_actions_cannot_share_an_id():
    data = SYNDICAT.model_dump()
    data["axes"][1]["actions"][0]["id"] = "livret-accueil"
    with pytest.raises(ValueError, match="deux actions portent l'identifiant « livret-accueil »"):
        Plan.model_validate(data)


def test_an_action_naming_an_unknown_instance_is_located_in_plan_yml(tmp_path):
    folder = tmp_path / "syndicat"
    shutil.copytree(FIXTURES / "syndicat", folder)
    plan = folder / "plan.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "      - id: visite-usine\n", "      - id: visite-usine\n        instances: [codir]\n"),
        encoding="utf-8")
    with pytest.raises(DataErrors) as raised:
        load_referentiel(folder, tmp_path)
    [error] = raised.value.errors
    assert (error.source, error.line) == ("syndicat/plan.yml", 60)  # the line of « instances »
    assert "suivie par l'instance « codir », qui n'existe pas" in error.message
    assert "ce référentiel n'a pas de gouvernance.yml" in error.message


def test_a_fiche_links_the_instances_that_follow_its_action():
    data = SYNDICAT.model_dump()
    data["axes"][0]["actions"][1]["instances"] = ["comite-syndical"]
    lien = InstanceLiee("Comité syndical", "../gouvernance/#comite-syndical")
    vue = vue_plan(Plan.model_validate(data), jour=JOUR, page_plan="../plan/", fiches="../fiches-actions/",
                   instances={"comite-syndical": lien}).plus_profonde()
    # The fiche's own page is one folder deeper than the governance page's siblings.
    html = fragment("plan_fiches", vue, vue.par_id["visite-usine"], macro="page")
    assert '<a href="../../gouvernance/#comite-syndical">Comité syndical</a>' in html
    assert '<a href="../../plan/#ligne-visite-usine">Sa ligne dans le plan</a>' in html


def _fiche(site, ident: str) -> str:
    """A fiche's own page, its fields only (from its title to its links)."""
    page = article_html(site, f"fiches-actions/{ident}")
    return visible_text(page[:page.index('<ul class="socle-fiche__liens"')])


def test_each_fiche_shows_what_the_data_holds_and_what_is_still_to_designate(syndicat_site):
    page = syndicat_site
    livret = _fiche(page, "livret-accueil")
    for expected in ("Statut Engagée en retard — avancement 60 %",
                     "Pilote Service des ressources humaines", "Échéance : 29 mai 2026 dépassée",
                     "31 mars 2026 : Sommaire validé par le comité de direction",
                     "Nouveaux agents ayant reçu le livret — cible : 100 % — 40 % au 30 avril 2026 ; "
                     "55,5 % au 31 mai 2026",
                     "14 avril 2026 : Le sommaire est validé ; la rédaction commence."):
        assert expected in livret.replace("\u202f", " "), expected
    factures = _fiche(page, "factures-lisibles")
    assert "Pilote à désigner" in factures and "Calendrier à fixer" in factures
    # Partenaires are not expected of every fiche here: a fiche with none says nothing of them.
    assert "Partenaires" not in _fiche(page, "qualite-eau")
    # Late in words, not in colour only; abandoned or done past their échéance: not late.
    assert "en retard" not in _fiche(page, "badge-unique") and "en retard" not in _fiche(page, "qualite-eau")


def test_the_plan_page_lists_late_actions_and_dates_to_come_without_javascript(syndicat_site):
    page = article_html(syndicat_site, "plan")
    text = visible_text(page)
    assert "1 action dont l'échéance est passée sans être réalisée ni abandonnée." in text
    assert 'href="../fiches-actions/livret-accueil/"' in page
    coming = text[text.index("Échéances à venir"):text.index("Toutes les actions")]
    assert coming.index("15 juillet 2026") < coming.index("31 août 2026")
    # No horizon in this plan: no horizon column, no horizon chart, no horizon filter.
    assert "Horizon" not in text and 'id="figure-plan-horizons"' not in page
    assert 'data-retard="oui"' in page and page.count('data-retard="oui"') == 1


def test_bethune_fiches_say_what_its_plan_expects_and_the_source_does_not_give():
    plan = load_referentiel(ROOT / "data" / "bethune", ROOT).plan
    vue = vue_plan(plan, jour=JOUR, page_plan="../plan/", fiches="../fiches-actions/").plus_profonde()
    html = "".join(fragment("plan_fiches", vue, a, macro="page") for a in vue.suivi.actions)
    a_designer = '<dt data-search-exclude>{}</dt>\n<dd class="socle-a-designer" data-search-exclude>{}</dd>'
    assert html.count(a_designer.format("Pilote", "à désigner")) == 138
    assert html.count(a_designer.format("Calendrier", "à fixer")) == 138
    assert html.count(a_designer.format("Contributeurs", "à désigner")) == 138
    assert "Partenaires" not in html  # « éventuels » in the source: not expected of every fiche
