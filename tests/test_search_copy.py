"""The copy of each page that Material's search plugin reads (macros/mkdocs/search_copy.py).

On every page of the built sites, the plugin's parser finds the same sections, titles
and words in the copy as in the page itself, with far fewer tags to go through.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from material.plugins.search.plugin import Parser

from macros.mkdocs.search_copy import search_copy

from .conftest import article_html


def _sections(html: str) -> list[tuple[str | None, str, str]]:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(section.id, "".join(section.title).strip(),
             re.sub(r"\s+", " ", "".join(section.text)).strip())
            for section in parser.data if not section.is_excluded()]


@pytest.mark.parametrize("fixture", ["bethune_site", "pdc_site"])
def test_the_search_reads_the_same_sections_and_words_in_the_copy(fixture, request):
    site: Path = request.getfixturevalue(fixture)
    pages = sorted(path.parent.relative_to(site).as_posix() for path in site.glob("**/index.html"))
    compared = 0
    for page in pages:
        html = article_html(site, page)
        copy = search_copy(html)
        assert _sections(copy) == _sections(html), page
        assert copy.count("<") < html.count("<"), page
        compared += "data-search-exclude" in html
    # The fiches and the plan's lists have elements left out of the search: lighter copies too.
    assert compared >= 7 or not (site / "fiches-actions").exists()


def test_what_the_search_leaves_out_stays_out():
    html = ('<h2 id="a">Titre<a class="headerlink" href="#a" title="Lien">¶</a></h2>'
            '<div class="x"><p>Un <abbr title="Comité technique">CT</abbr> et '
            '<a href="/y">un lien</a></p><script>var x = "<p>";</script>'
            '<style>p { color: red; }</style><!-- note --></div>')
    copy = search_copy(html)
    assert copy == '<h2 id="a">Titre</h2><p>Un CT et un lien</p>'
    assert _sections(copy) == _sections(html)
    assert ("a", "Titre", "<p>Un CT et un lien</p>") in _sections(copy)


def test_an_element_excluded_from_the_search_is_left_out_of_the_copy():
    html = ('<h1 id="f">Fiche</h1><div data-search-exclude><p>Caché <span>aussi</span></p></div>'
            '<dl><dt data-search-exclude>Pilote</dt><dd class="x" data-search-exclude>à désigner</dd>'
            '<dt>Statut</dt><dd>En cours</dd></dl><p title="data-search-exclude">Vu</p>'
            '<hr data-search-exclude><p>Après</p>')
    copy = search_copy(html)
    assert copy == ('<h1 id="f">Fiche</h1>StatutEn cours<p title="data-search-exclude">Vu</p>'
                    '<p>Après</p>')
    assert _sections(copy) == _sections(html)


def test_the_copy_ends_an_exclusion_where_the_plugin_does():
    """The plugin's stack compares elements by name: a nested one of the same name ends the skip."""
    html = '<div data-search-exclude><div>Caché</div>Lu par Material</div><p>Vu</p>'
    copy = search_copy(html)
    assert "Lu par Material" in copy and "Caché" not in copy
    assert _sections(copy) == _sections(html)


def test_a_heading_in_an_excluded_element_leaves_the_page_whole():
    html = '<div data-search-exclude><h2 id="x">Titre</h2><p>Caché</p></div><p>Vu</p>'
    assert search_copy(html) == html
