"""The home page and the organisation chart, on real builds.

The home page shows the logo (or nothing in its place), the organisation's name, the
first-days path first, then every other page as a card with the summary the registry or
the organisation's `pages:` gives it, and the kit. The chart is a tree of nested lists, on
the site and in the kit; too deep a chart is refused at its line.
"""

from __future__ import annotations

import re
import shutil

import pytest

from macros.data.errors import DataErrors
from macros.data.loader import load_referentiel
from macros.site.pages import present_pages

from .conftest import FIXTURES, ROOT, article_html, build_site, visible_text
from .helpers import pdftotext


def _cards(page: str) -> list[tuple[str, str]]:
    return re.findall(r'<li><p class="socle-carte__titre"><a href="([^"]*)">[^<]*</a></p>'
                      r'<p>([^<]*)</p></li>', page)


@pytest.mark.parametrize(("fixture", "folder"), [("bethune_site", ROOT / "data" / "bethune"),
                                                 ("syndicat_site", FIXTURES / "syndicat")])
def test_every_other_page_is_a_card_with_its_summary_after_the_path(request, fixture, folder):
    page = article_html(request.getfixturevalue(fixture), "")
    pages = present_pages(load_referentiel(folder, ROOT))
    expected = [(p.url, p.summary) for p in pages if p.path not in ("index.md", "mes-premiers-jours.md")]
    assert [(url, visible_text(summary)) for url, summary in _cards(page)] == \
        [(url, visible_text(summary.replace("'", "&#39;"))) for url, summary in expected]
    assert page.index("socle-accueil-parcours") < page.index("socle-kit") < page.index("grid cards")
    assert '<a href="mes-premiers-jours/">Mes premiers jours</a>' in page


def test_the_organisation_s_own_summary_is_on_its_card(syndicat_site):
    # referentiel.yml `pages:` gives the plan page another title and summary.
    text = visible_text(article_html(syndicat_site, ""))
    assert "Notre plan d'actions Les actions que le syndicat mène cette année" in text
    assert "6 étapes, à commencer par « Contacts utiles »." in text


def test_the_logo_stands_beside_the_name(syndicat_site):
    page = article_html(syndicat_site, "")
    assert '<img class="socle-hero__logo" src="fichiers/logo.png" alt="">' in page
    assert "Syndicat intercommunal des eaux du Val d&#39;Essai" in page[:page.index("socle-hero__titre")]


def test_a_home_page_without_logo_has_no_empty_image(tmp_path):
    result = build_site(tmp_path / "site", "mini", FIXTURES)
    assert result.returncode == 0, result.stderr
    page = article_html(tmp_path / "site", "")
    assert "<img" not in page and len(_cards(page)) == 5


def test_the_organisation_chart_is_a_tree_on_the_site_and_in_the_kit(syndicat_site):
    page = article_html(syndicat_site, "gouvernance")
    assert '<ul role="list" class="socle-organigramme">' in page
    assert ('<li><span class="socle-unite">Centres d&#39;exploitation</span><ul role="list">\n'
            "<li>Centre nord</li>") in page
    # Four levels: each unit's list inside its item.
    assert page.count("<ul") == 5 and page.count("</ul>") == 5
    text = " ".join(pdftotext(syndicat_site / "kit-accueil.pdf").split())
    assert ("Direction générale — La directrice générale des services – Pôle administratif • Service des "
            "ressources humaines") in text


def test_too_deep_a_chart_is_refused_at_its_line(tmp_path):
    folder = tmp_path / "data" / "syndicat"
    shutil.copytree(FIXTURES / "syndicat", folder)
    deep = "".join(f"{'  ' * (2 * level)}  - nom: Niveau {level + 1}\n{'  ' * (2 * level)}    entites:\n"
                   for level in range(7))
    (folder / "organigramme.yml").write_text(f"complet: true\nentites:\n{deep}{'  ' * 14}  - Fin\n",
                                             encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_referentiel(folder, tmp_path)
    [error] = caught.value.errors
    assert error.source == "data/syndicat/organigramme.yml" and error.line is not None
    assert "l'organigramme ne peut pas avoir plus de 6 niveaux" in error.message
