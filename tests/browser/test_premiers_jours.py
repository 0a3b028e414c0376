"""« Mes premiers jours » in Chromium: ticks kept in localStorage, and pages that print cleanly."""

from __future__ import annotations

URL = "/bethune/mes-premiers-jours/"


def test_ticks_survive_a_reload_and_stay_in_local_storage(page_factory, server):
    page = page_factory()
    page.goto(server + URL)
    boxes = page.locator("input.socle-etape__case")
    count = boxes.count()
    assert count >= 11
    assert boxes.first.get_attribute("aria-label").startswith("Lu : ")
    status = page.locator(".socle-progression[role=status]")
    assert f"0 étape lue sur {count}" in status.inner_text()
    boxes.nth(0).check()
    boxes.nth(2).check()
    assert f"2 étapes lues sur {count}" in status.inner_text()
    page.reload()
    assert page.locator("input.socle-etape__case:checked").count() == 2
    stored = page.evaluate("window.localStorage.getItem('socle.premiers-jours.bethune')")
    assert stored and "etape-collectivite" in stored
    assert page.context.cookies() == []  # nothing in cookies: no banner needed
    page.get_by_role("button", name="Tout décocher").click()
    assert page.locator("input.socle-etape__case:checked").count() == 0
    assert page.evaluate("window.localStorage.getItem('socle.premiers-jours.bethune')") is None
    assert page.foreign_requests == []


def test_without_javascript_the_path_is_a_list_of_links(page_factory, server):
    page = page_factory(javascript=False)
    page.goto(server + URL)
    links = page.locator("ol.socle-premiers-jours > li > a")
    assert links.count() >= 11
    assert page.locator("input.socle-etape__case").count() == 0
    page.goto(server + "/bethune/" + links.first.get_attribute("href").removeprefix("../"))
    assert page.title().startswith("Notre commune")


def test_print_hides_navigation_and_shows_link_addresses(page_factory, server):
    page = page_factory()
    page.goto(server + "/bethune/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert not page.locator(selector).first.is_visible(), selector
    after = page.evaluate("""() => getComputedStyle(
        document.querySelector('.socle-cartes a'), '::after').content""")
    assert "(" in after and "/" in after  # « (collectivite/) » after the link text
    page.goto(server + "/bethune/plan/")
    page.emulate_media(media="print")
    breaks = page.evaluate("""() => getComputedStyle(document.querySelector('.md-typeset tbody tr'))
        .breakInside""")
    assert breaks == "avoid"
