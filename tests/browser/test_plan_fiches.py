"""A page per fiche, in Chromium: the old anchors lead to it, with or without JavaScript.

The fiches were anchors (#action-<id>) of the fiches' page, and before that of the plan's;
a static host cannot redirect an anchor, so the page holding it goes on to the fiche's page
(docs/assets/javascripts/plan-filtres.js); without JavaScript the link lands on the row.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("ancienne", ["fiches-actions/", "plan/"])
def test_an_old_anchor_opens_the_fiche_s_page(page_factory, server, ancienne):
    page = page_factory()
    page.goto(f"{server}/syndicat/{ancienne}#action-livret-accueil")
    page.wait_for_url("**/syndicat/fiches-actions/livret-accueil/")
    assert page.locator("h1").inner_text().startswith("1.1 Écrire un livret")


def test_an_unknown_anchor_stays_on_the_page(page_factory, server):
    page = page_factory()
    page.goto(f"{server}/syndicat/fiches-actions/#action-inconnue")
    page.wait_for_selector("form[data-socle-filtres]:not([hidden])")
    assert page.url.endswith("/syndicat/fiches-actions/#action-inconnue")


def test_without_javascript_an_old_anchor_lands_on_the_row_that_links_to_the_fiche(page_factory, server):
    page = page_factory(javascript=False)
    page.goto(f"{server}/syndicat/fiches-actions/#action-livret-accueil")
    row = page.locator("#action-livret-accueil")
    assert row.is_visible()
    assert row.locator("a").first.get_attribute("href") == "../fiches-actions/livret-accueil/"
    assert page.url.endswith("#action-livret-accueil")
