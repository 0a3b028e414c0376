"""A page per fiche (`fiches-actions/<id>/`): its own title, its place, its links, its index.

Built for real on the syndicat (pilotes, échéances, one late action) and Béthune (138
actions, objectives); the old anchors are checked in Chromium (tests/browser/test_plan_explorer.py).
"""

from __future__ import annotations

import json
import re

from macros.data.loader import load_referentiel
from macros.site.pages import FICHES_DANS_LA_RECHERCHE, present_pages, sous_page_markdown, sous_pages

from .conftest import FIXTURES, ROOT, article_html, visible_text


def _page(site, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_each_action_has_its_page_with_its_own_title(bethune_site, syndicat_site):
    for site, count in ((bethune_site, 138), (syndicat_site, 5)):
        pages = [p for p in (site / "fiches-actions").iterdir() if p.is_dir()]
        assert len(pages) == count
    page = _page(syndicat_site, "fiches-actions/livret-accueil")
    assert "<title>1.1 Écrire un livret d&#39;accueil des agents - " in page \
        or "<title>1.1 Écrire un livret d'accueil des agents - " in page
    article = article_html(syndicat_site, "fiches-actions/livret-accueil")
    assert re.search(r"<h1[^>]*>1\.1 Écrire un livret d(&#39;|')accueil des agents", article)


def test_a_fiche_links_its_axe_its_row_and_its_pilote_s_other_actions(bethune_site, syndicat_site):
    article = article_html(syndicat_site, "fiches-actions/visite-usine")
    assert '<a href="../../plan/#axe-1">Axe 1. Mieux accueillir</a>' in article
    assert '<a href="../../plan/#ligne-visite-usine">Sa ligne dans le plan</a>' in article
    # Direction technique leads two actions: the fiche names the other, and the plan filtered on it.
    text = visible_text(article)
    assert "Les autres actions de Direction technique" in text
    assert '<a href="../../fiches-actions/badge-unique/">1.3 Remplacer les badges' in article
    assert 'href="../../plan/?pilote=Direction%20technique#toutes-les-actions"' in article
    # The row the fiche links to exists, and links back to the fiche.
    plan = article_html(syndicat_site, "plan")
    assert 'id="ligne-visite-usine"' in plan and 'href="../fiches-actions/visite-usine/"' in plan
    # Béthune: axe and objective, each a heading of the plan page.
    article = article_html(bethune_site, "fiches-actions/dematerialiser-gestion-temps")
    ancres = re.findall(r'href="\.\./\.\./plan/#([a-z0-9-]+)"', article)
    plan = article_html(bethune_site, "plan")
    assert ancres[:2] == ["axe-2", "objectif-2-8"]
    for ancre in ancres:
        assert f'id="{ancre}"' in plan, ancre


def test_the_search_index_has_each_fiche_under_its_title(syndicat_site):
    index = json.loads((syndicat_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    found = {doc["location"]: doc["title"] for doc in index["docs"]}
    assert found["fiches-actions/livret-accueil/"] == "1.1 Écrire un livret d'accueil des agents"
    # The fiches' index repeats the plan's rows: its tables are left to the plan and the fiches.
    texts = {doc["location"]: doc["text"] for doc in index["docs"]}
    assert "Écrire un livret" not in " ".join(text for location, text in texts.items()
                                             if location.startswith("fiches-actions/#"))
    assert "Écrire un livret" in " ".join(text for location, text in texts.items()
                                          if location.startswith("plan/"))


def test_beyond_so_many_fiches_their_pages_leave_the_search_to_the_plan():
    ref = load_referentiel(FIXTURES / "syndicat", ROOT)
    fiche = sous_pages(ref, present_pages(ref))[0]
    assert "search: {boost: 0.0001}" in sous_page_markdown(fiche).splitlines()
    assert "search: {exclude: true}" in sous_page_markdown(fiche, dans_la_recherche=False).splitlines()
    # Béthune ×10 (1 380 fiches) keeps them; `make bench`'s ×100 (13 800) leaves them out.
    assert 1_380 <= FICHES_DANS_LA_RECHERCHE < 13_800


def test_the_index_lists_every_fiche_and_keeps_the_old_anchors(bethune_site):
    index = article_html(bethune_site, "fiches-actions")
    assert index.count('<tr id="action-') == 138
    assert 'href="../fiches-actions/dematerialiser-gestion-temps/"' in index
    assert 'data-socle-filtres="plan"' in index
    # The plan page keeps the anchor the fiches once had there too.
    assert 'id="action-dematerialiser-gestion-temps"' in article_html(bethune_site, "plan")


def _primary_menu(html: str) -> str:
    return html.split('<nav class="md-nav md-nav--primary"')[1]


def test_a_fiche_shows_the_fiches_entry_of_the_menu_as_where_the_reader_is(syndicat_site):
    """Material marks the entry of the page shown; a fiche, outside the menu, marks its parent's."""
    # No page of this menu is the current one: no table of contents nested in it.
    menu = _primary_menu(_page(syndicat_site, "fiches-actions/visite-usine")).split("</nav>")[0]
    marked = re.findall(r'<li class="md-nav__item md-nav__item--active">\s*<a href="([^"]*)"', menu)
    assert marked == ["../"]                     # fiches-actions/, the fiches' index
    # Marked, not made the current page: a plain link (no aria-current), and no fiche in the menu.
    assert "md-nav__link--active" not in menu and "aria-current" not in menu
    assert "badge-unique/" not in menu
    # The flag is lifted once the fiche is written: every other page marks itself only.
    for path in ("plan", "", "fiches-actions"):
        menu = _primary_menu(_page(syndicat_site, path))
        assert menu.count("md-nav__item--active") == 1, path   # the page's own entry
        assert "md-nav__link--active" in menu, path
