"""Every page of every référentiel loads in Chromium, in French, without other hosts."""

from __future__ import annotations

import pytest

PAGES = {
    "bethune": ["", "collectivite/", "valeurs/", "engagements-par-role/", "droits-obligations/",
                "gouvernance/", "circuits/", "note-piaa/", "relation-usagers/", "plan/",
                "smart-city/", "a-propos/"],
    "pas-de-calais": ["", "valeurs/", "engagements-par-role/", "a-propos/"],
}


@pytest.mark.parametrize(("slug", "path"), [(s, p) for s, ps in PAGES.items() for p in ps])
def test_page_loads_with_no_foreign_request(page_factory, server, slug, path):
    page = page_factory()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(f"{server}/{slug}/{path}")
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    assert page.get_attribute("html", "lang") == "fr"
    assert page.foreign_requests == []
    assert errors == []


def test_no_horizontal_scroll_at_320px(page_factory, server):
    page = page_factory(width=320)
    for path in PAGES["bethune"]:
        page.goto(f"{server}/bethune/{path}")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (path, overflow)
