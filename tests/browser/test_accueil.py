"""The home page welcomes, in Chromium: at 390 and 1280 px, for 4 pages (mini) and 20 (Béthune).

axe-core finds nothing; nothing is wider than the screen (no sideways scrolling); the
first-days path comes before the cards, and each card is a link a keyboard reaches.
"""

from __future__ import annotations

import pytest

from ..conftest import FIXTURES, build_site
from .test_accessibility import open_page, readable, run_axe

pytestmark = pytest.mark.browser

SITES = ["bethune", "syndicat", "mini", "pas-de-calais"]


@pytest.fixture(scope="module")
def with_mini(built_sites):
    """The 4-page fixture (tests/fixtures/mini) beside the other built sites."""
    site = built_sites["root"] / "mini"
    if not site.exists():
        result = build_site(site, "mini", FIXTURES)
        assert result.returncode == 0, result.stderr
    return site


LAYOUT = """() => ({
  overflow: document.documentElement.scrollWidth - window.innerWidth,
  order: [...document.querySelectorAll(
      'article .socle-accueil-parcours, article .grid.cards, article .socle-kit')].map(e => e.className),
  cards: [...document.querySelectorAll('article .grid.cards > ul > li')].map(li => ({
      link: li.querySelector('a') && li.querySelector('a').getAttribute('href'),
      width: li.getBoundingClientRect().width})),
  hero: !!document.querySelector('article .socle-hero__org'),
})"""


@pytest.mark.essentiel
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("slug", SITES)
def test_the_home_page_is_readable_and_axe_clean(page_factory, server, with_mini, slug, width):
    page = open_page(page_factory, server, slug, "", width=width)
    violations = run_axe(page)
    assert violations == [], readable(violations)
    found = page.evaluate(LAYOUT)
    assert found["overflow"] <= 0, f"{slug} à {width} px : {found['overflow']} px de trop en largeur"
    assert found["hero"]
    assert found["order"][0] == "socle-accueil-parcours" and "grid cards socle-cartes" in found["order"]
    assert found["cards"] and all(card["link"] for card in found["cards"])
    if width == 390:  # one card a row on a phone, the width of the text
        assert len({round(card["width"]) for card in found["cards"]}) == 1
    assert page.foreign_requests == [] and page.errors == []


def test_the_organisation_chart_is_axe_clean(page_factory, server):
    for width in (390, 1280):
        page = open_page(page_factory, server, "syndicat", "gouvernance/", width=width)
        violations = run_axe(page)
        assert violations == [], readable(violations)
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


@pytest.mark.parametrize("slug", ["syndicat", "bethune"])
def test_the_home_page_is_axe_clean_in_the_dark_scheme(page_factory, server, slug):
    page = open_page(page_factory, server, slug, "", scheme="dark")
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    violations = run_axe(page)
    assert violations == [], readable(violations)
