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


def box(page, nom: str, valeur: str):
    return page.locator(f"form[data-socle-filtres] input[name='{nom}'][value='{valeur}']")


def checked(page, nom: str) -> list[str]:
    return page.eval_on_selector_all(f"form[data-socle-filtres] input[name='{nom}']:checked",
                                     "boxes => boxes.map(b => b.value)")


@pytest.mark.essentiel
def test_filters_by_horizon_and_statut_and_keeps_them_in_the_url(page_factory, server):
    page = open_plan(page_factory, server)
    assert visible_rows(page) == TOTAL
    assert count_text(page) == f"{TOTAL} actions affichées : toutes."
    box(page, "horizon", "grand-projet").check()
    expected = sum(a.horizon == "grand-projet" for a in PLAN.actions)
    assert 0 < expected < TOTAL
    assert visible_rows(page) == expected
    assert count_text(page) == f"{expected} actions affichées sur {TOTAL}."
    assert page.evaluate("location.search") == "?horizon=grand-projet"
    # The address opens on the list, even once Material has written the section in view there.
    wait_until(page, "location.hash === '#toutes-les-actions'")
    page.mouse.wheel(0, -3000)
    wait_until(page, "location.hash === '#toutes-les-actions'")
    box(page, "statut", "fait").check()
    expected = sum(a.horizon == "grand-projet" and a.statut == "fait" for a in PLAN.actions)
    assert visible_rows(page) == expected
    assert "statut=fait" in page.evaluate("location.search")
    # Objectives and axes left without any action lose their heading too.
    shown = {o.ancre for o, a in PAIRES if a.horizon == "grand-projet" and a.statut == "fait"}
    hidden = next(o.ancre for o in PLAN.objectifs if o.ancre not in shown)
    assert page.locator(f"#{hidden}").is_hidden()
    assert page.locator(f"#{next(iter(shown))}").is_visible()
    assert page.foreign_requests == []


def test_two_values_of_one_filter_widen_the_list(page_factory, server):
    page = open_plan(page_factory, server)
    box(page, "horizon", "grand-projet").check()
    box(page, "horizon", "victoire-rapide").check()
    expected = sum(a.horizon in ("grand-projet", "victoire-rapide") for a in PLAN.actions)
    assert visible_rows(page) == expected
    # In the form's order, whatever the order they were ticked in.
    assert page.evaluate("location.search") == "?horizon=victoire-rapide&horizon=grand-projet"
    vue = page.locator("[data-socle-vue]")
    assert vue.inner_text() == (f"Vue filtrée — Horizon : Victoire rapide ou Grand projet : "
                                f"{expected} actions sur {TOTAL}.")
    # The sentence that counted every action gives way to the filtered view's.
    assert page.locator("[data-socle-intro]").is_hidden()


def test_a_shared_url_restores_the_filtered_view(page_factory, server):
    page = open_plan(page_factory, server, "?axe=2&horizon=moyen-terme")
    assert checked(page, "axe") == ["2"] and checked(page, "horizon") == ["moyen-terme"]
    expected = sum(o.axe == 2 and a.horizon == "moyen-terme" for o, a in PAIRES)
    assert visible_rows(page) == expected
    assert page.locator("#axe-1").is_hidden() and page.locator("#axe-2").is_visible()
    page.click("form[data-socle-filtres] button[type=reset]")
    wait_until(page, "location.search === ''")
    assert visible_rows(page) == TOTAL


def test_a_filtered_view_prints_its_filters_and_its_count(page_factory, server):
    page = open_plan(page_factory, server, "?horizon=grand-projet")
    expected = sum(a.horizon == "grand-projet" for a in PLAN.actions)
    page.emulate_media(media="print")
    assert page.locator("form[data-socle-filtres]").is_hidden()
    assert page.locator("[data-socle-vue]").inner_text() == (
        f"Vue filtrée — Horizon : Grand projet : {expected} actions sur {TOTAL}.")
    assert page.locator("[data-socle-intro]").is_hidden()
    assert visible_rows(page) == expected


def test_on_a_phone_the_filters_fold_into_one_control(page_factory, server):
    page = open_plan(page_factory, server, width=390)
    plier = page.locator("form[data-socle-filtres] details")
    assert plier.get_attribute("open") is None
    assert box(page, "horizon", "grand-projet").is_hidden()
    page.click("form[data-socle-filtres] summary")
    box(page, "horizon", "grand-projet").check()
    summary = page.locator("form[data-socle-filtres] summary")
    assert summary.inner_text() == "Filtrer les actions (1 filtre actif)"
    # On a wide screen they are open from the start.
    large = open_plan(page_factory, server)
    assert large.locator("form[data-socle-filtres] details").get_attribute("open") == ""


def test_the_top_of_the_plan_links_to_the_filters(page_factory, server):
    page = page_factory()
    page.goto(f"{server}/bethune/plan/")
    lien = page.locator(".socle-plan-liens a", has_text="Filtrer les actions")
    assert lien.get_attribute("href") == "#toutes-les-actions"
    # Above the first chart: the manager does not scroll four screens to find it.
    assert lien.bounding_box()["y"] < page.locator("#plan-en-chiffres").bounding_box()["y"]


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
    # The reader is told why the address's filters do nothing.
    note = page.locator(".socle-filtres__sans-js")
    assert note.is_visible() and "ont besoin de JavaScript" in note.inner_text()
    assert "toutes les actions sont affichées" in note.inner_text()


def test_with_javascript_the_note_is_not_shown(page_factory, server):
    page = open_plan(page_factory, server)
    # <noscript> holds text, not elements, when scripts run.
    assert page.locator(".socle-filtres__sans-js").count() == 0


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
    assert page.locator("fieldset[data-socle-filtre='horizon']").count() == 0
    assert page.locator("fieldset[data-socle-filtre='pilote'] label").all_inner_texts() == [
        "Direction technique (2)", "Laboratoire (1)", "Service des ressources humaines (1)",
        "Sans pilote (1)"]
    box(page, "echeance", "retard").check()
    # Past échéance, not done: late. Past but abandoned or done: not late.
    assert visible_ids(page) == ["livret-accueil"]
    assert page.evaluate("location.search") == "?echeance=retard"
    assert count_text(page) == "1 action affichée sur 5."
    # An axe left without any action loses its heading, and a group's heading is the axe's.
    assert page.locator("#axe-2").is_hidden() and page.locator("#axe-1").is_visible()
    box(page, "echeance", "retard").uncheck()
    box(page, "echeance", "depassee").check()
    assert visible_ids(page) == ["livret-accueil", "badge-unique", "qualite-eau"]
    box(page, "echeance", "depassee").uncheck()
    box(page, "echeance", "proche").check()
    assert visible_ids(page) == ["visite-usine"]


def test_without_pilote_and_without_echeance_are_values_of_their_filters(page_factory, server):
    page = open_syndicat_plan(page_factory, server, "?pilote=")
    assert visible_ids(page) == ["factures-lisibles"]
    page = open_syndicat_plan(page_factory, server, "?echeance=aucune")
    assert visible_ids(page) == ["factures-lisibles"]


def test_contributeurs_filter_the_actions_they_work_on(page_factory, server):
    page = open_syndicat_plan(page_factory, server, "?contributeurs=Communication")
    assert visible_ids(page) == ["livret-accueil"]
    assert "Communication (1)" in page.locator("fieldset[data-socle-filtre='contributeurs']").inner_text()


@pytest.mark.essentiel
def test_a_shared_url_filters_by_pilote(page_factory, server):
    page = open_syndicat_plan(page_factory, server, "?pilote=Direction%20technique")
    assert checked(page, "pilote") == ["Direction technique"]
    assert visible_ids(page) == ["visite-usine", "badge-unique"]
    # Two pilotes: the actions of either.
    page = open_syndicat_plan(page_factory, server, "?pilote=Direction%20technique&pilote=Laboratoire")
    assert visible_ids(page) == ["visite-usine", "badge-unique", "qualite-eau"]


def test_the_fiches_page_has_the_same_filters(page_factory, server):
    page = page_factory()
    page.goto(f"{server}/syndicat/fiches-actions/?pilote=Direction%20technique")
    page.wait_for_selector("form[data-socle-filtres]:not([hidden])")
    assert visible_ids(page) == ["visite-usine", "badge-unique"]
    assert page.locator("#fiches-axe-2").is_hidden()
    assert page.evaluate("location.hash") == "#liste-des-fiches"


def test_without_javascript_the_follow_up_is_readable(page_factory, server):
    page = page_factory(width=390, javascript=False)
    page.goto(f"{server}/syndicat/plan/?echeance=retard")
    assert page.locator("form[data-socle-filtres]").is_hidden()
    late = page.locator("#actions-en-retard + p + ul.socle-echeances li").all_inner_texts()
    assert len(late) == 1 and "Écrire un livret d'accueil des agents" in late[0]
    coming = page.locator("#echeances-a-venir + ul.socle-echeances li").all_inner_texts()
    assert [text.split(" — ")[0] for text in coming] == ["15 juillet 2026", "31 août 2026"]
