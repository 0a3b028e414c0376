"""The plan's action filters and the figures, in Chromium.

Filtering, the URL that keeps the filters, the polite live count, the page without
JavaScript, figures legible at 390 px in both schemes, axe-core on the pages that
carry figures, and never a request to another host.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from macros.data.loader import load_referentiel

from ..conftest import ROOT
from .conftest import wait_until

pytestmark = pytest.mark.browser

PLAN = load_referentiel(ROOT / "data" / "bethune", ROOT).plan
TOTAL = len(PLAN.actions)
# (objectif, action) of every action: Béthune's plan has the objectif level.
PAIRES = [(e.objectif, e.action) for e in PLAN.entrees]
AXE = Path(__file__).parent / "vendor" / "axe.min.js"


def visible_rows(page) -> int:
    return page.locator("tr[data-action]:visible").count()


def open_plan(page_factory, server, query: str = "", **options):
    page = page_factory(**options)
    page.goto(f"{server}/bethune/plan/{query}")
    page.wait_for_selector("form[data-socle-filtres]:not([hidden])")
    return page


def count_text(page) -> str:
    return page.locator("[data-socle-compte]").inner_text()


def test_filters_by_horizon_and_statut_and_keeps_them_in_the_url(page_factory, server):
    page = open_plan(page_factory, server)
    assert visible_rows(page) == TOTAL
    assert count_text(page) == f"{TOTAL} actions affichées : toutes."
    page.select_option("#filtre-horizon", "grand-projet")
    expected = sum(a.horizon == "grand-projet" for a in PLAN.actions)
    assert 0 < expected < TOTAL
    assert visible_rows(page) == expected
    assert count_text(page) == f"{expected} actions affichées sur {TOTAL}."
    assert page.evaluate("location.search") == "?horizon=grand-projet"
    page.select_option("#filtre-statut", "fait")
    expected = sum(a.horizon == "grand-projet" and a.statut == "fait" for a in PLAN.actions)
    assert visible_rows(page) == expected
    assert "statut=fait" in page.evaluate("location.search")
    # Objectives and axes left without any action lose their heading too.
    shown = {o.ancre for o, a in PAIRES if a.horizon == "grand-projet" and a.statut == "fait"}
    hidden = next(o.ancre for o in PLAN.objectifs if o.ancre not in shown)
    assert page.locator(f"#{hidden}").is_hidden()
    assert page.locator(f"#{next(iter(shown))}").is_visible()
    assert page.foreign_requests == []


def test_a_shared_url_restores_the_filtered_view(page_factory, server):
    page = open_plan(page_factory, server, "?axe=2&horizon=moyen-terme")
    assert page.input_value("#filtre-axe") == "2"
    assert page.input_value("#filtre-horizon") == "moyen-terme"
    expected = sum(o.axe == 2 and a.horizon == "moyen-terme" for o, a in PAIRES)
    assert visible_rows(page) == expected
    assert page.locator("#axe-1").is_hidden() and page.locator("#axe-2").is_visible()
    page.click("form[data-socle-filtres] button[type=reset]")
    wait_until(page, "location.search === ''")
    assert visible_rows(page) == TOTAL


def _fold(text: str) -> str:
    return unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode().lower()


def test_free_text_ignores_accents_and_case(page_factory, server):
    page = open_plan(page_factory, server)
    expected = sum("numerique" in _fold(a.texte + " " + " ".join(a.precisions)) for a in PLAN.actions)
    assert expected > 0
    for query in ("numérique", "NUMERIQUE", "numerique"):
        page.fill("#filtre-mot", query)
        assert visible_rows(page) == expected, query
    assert "mot=NUMERIQUE" not in page.evaluate("location.search")
    assert "mot=numerique" in page.evaluate("location.search")
    page.fill("#filtre-mot", "zzzz introuvable")
    assert visible_rows(page) == 0
    assert count_text(page) == f"Aucune action ne correspond à ces filtres ({TOTAL} au total)."


def test_the_count_is_announced_politely(page_factory, server):
    page = open_plan(page_factory, server)
    region = page.locator("[data-socle-compte]")
    assert region.get_attribute("aria-live") == "polite"
    assert region.get_attribute("role") == "status"


def test_without_javascript_every_action_is_shown(page_factory, server):
    page = page_factory(width=390, javascript=False)
    page.goto(f"{server}/bethune/plan/?horizon=grand-projet")
    assert page.locator("form[data-socle-filtres]").is_hidden()
    assert visible_rows(page) == TOTAL


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["plan/", "gouvernance/"])
def test_figures_are_legible_at_390px(page_factory, server, path, scheme):
    page = page_factory(width=390, scheme=scheme)
    page.goto(f"{server}/bethune/{path}")
    figures = page.evaluate("""() => [...document.querySelectorAll('svg.socle-fig__svg')].map(svg => {
        const text = svg.querySelector('.socle-fig__texte');
        return {scale: svg.getBoundingClientRect().width / svg.viewBox.baseVal.width,
                font: parseFloat(getComputedStyle(text).fontSize),
                right: svg.getBoundingClientRect().right,
                fill: getComputedStyle(text).fill,
                body: getComputedStyle(document.querySelector('.md-typeset')).color};
    })""")
    assert figures
    for figure in figures:
        assert figure["font"] * figure["scale"] >= 11, figure      # at least 11 px on screen
        assert figure["right"] <= 390, figure                      # nothing cut off
        assert figure["fill"] == figure["body"], figure            # text follows the scheme
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert page.foreign_requests == []


@pytest.mark.parametrize(("path", "query"), [("plan/", ""), ("plan/", "?horizon=grand-projet&mot=agents"),
                                              ("gouvernance/", ""), ("circuits/", "")])
def test_axe_finds_no_violation_on_pages_with_figures(page_factory, server, path, query):
    page = page_factory(width=390)
    page.goto(f"{server}/bethune/{path}{query}")
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("""() => axe.run(document, {runOnly: {type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})
        .then(r => r.violations.map(v => v.id + ' : ' + v.nodes.map(n => n.target.join(' ')).join(', ')))""")
    assert violations == []


# ── A plan of another shape: the fictional syndicat (no objectifs, no horizons, its own
# statuses, pilotes and échéances), read on 15 June 2026. ──────────────────────────────

def open_syndicat_plan(page_factory, server, query: str = "", **options):
    page = page_factory(**options)
    page.goto(f"{server}/syndicat/plan/{query}")
    page.wait_for_selector("form[data-socle-filtres]:not([hidden])")
    return page


def visible_ids(page) -> list[str]:
    return page.eval_on_selector_all("tr[data-action]:not([hidden])",
                                     "rows => rows.map(r => r.dataset.action)")


def test_late_actions_are_one_filter_away_and_the_url_keeps_it(page_factory, server):
    page = open_syndicat_plan(page_factory, server)
    # The filters this plan offers, and no horizon filter: it has none.
    assert page.locator("#filtre-horizon").count() == 0
    assert page.locator("#filtre-pilote option").all_inner_texts() == [
        "Tous les pilotes", "Direction technique (2)", "Laboratoire (1)",
        "Service des ressources humaines (1)"]
    page.select_option("#filtre-echeance", "retard")
    # Past échéance, not done: late. Past but abandoned or done: not late.
    assert visible_ids(page) == ["livret-accueil"]
    assert page.evaluate("location.search") == "?echeance=retard"
    assert count_text(page) == "1 action affichée sur 5."
    # An axe left without any action loses its heading, and a group's heading is the axe's.
    assert page.locator("#axe-2").is_hidden() and page.locator("#axe-1").is_visible()
    page.select_option("#filtre-echeance", "depassee")
    assert visible_ids(page) == ["livret-accueil", "badge-unique", "qualite-eau"]
    page.select_option("#filtre-echeance", "proche")
    assert visible_ids(page) == ["visite-usine"]


def test_a_shared_url_filters_by_pilote(page_factory, server):
    page = open_syndicat_plan(page_factory, server, "?pilote=Direction%20technique")
    assert page.input_value("#filtre-pilote") == "Direction technique"
    assert visible_ids(page) == ["visite-usine", "badge-unique"]


def test_without_javascript_the_follow_up_is_readable(page_factory, server):
    page = page_factory(width=390, javascript=False)
    page.goto(f"{server}/syndicat/plan/?echeance=retard")
    assert page.locator("form[data-socle-filtres]").is_hidden()
    late = page.locator("#actions-en-retard + p + ul.socle-echeances li").all_inner_texts()
    assert len(late) == 1 and "Écrire un livret d'accueil des agents" in late[0]
    coming = page.locator("#echeances-a-venir + ul.socle-echeances li").all_inner_texts()
    assert [text.split(" — ")[0] for text in coming] == ["15 juillet 2026", "31 août 2026"]
