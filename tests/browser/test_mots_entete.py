"""The phone header shows the organisation's short name (organisation.nom_court); the long one
stays in the page for screen readers, and is what a wider screen shows."""

from __future__ import annotations

import pytest

LONG = "Syndicat intercommunal des eaux du Val d'Essai"
COURT = "Eaux du Val d'Essai"


def _largeur(page, selecteur: str) -> float:
    return page.locator(f".md-header__topic .{selecteur}").first.bounding_box()["width"]


@pytest.mark.parametrize("width", [390, 1280])
def test_the_header_shows_the_short_name_on_a_phone_only(page_factory, server, width):
    page = page_factory(width=width)
    page.goto(server + "/syndicat/")
    long_name = page.locator(".md-header__topic .socle-nom-long").first
    short_name = page.locator(".md-header__topic .socle-nom-court").first
    assert long_name.text_content() == LONG and short_name.text_content() == COURT
    # The short name is for the eye: a screen reader reads the long one, at every width.
    assert short_name.get_attribute("aria-hidden") == "true"
    assert long_name.get_attribute("aria-hidden") is None
    if width == 390:
        assert short_name.is_visible() and _largeur(page, "socle-nom-court") > 50
        assert _largeur(page, "socle-nom-long") <= 1  # clipped, not display: none
    else:
        assert not short_name.is_visible()
        assert _largeur(page, "socle-nom-long") > 200
    assert not page.foreign_requests and not page.errors
