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
        # A page with an element left out of the search is kept whole (see the last test).
        if "data-search-exclude" not in html:
            assert copy.count("<") < html.count("<"), page
            compared += 1
    assert compared >= 7


def test_what_the_search_leaves_out_stays_out():
    html = ('<h2 id="a">Titre<a class="headerlink" href="#a" title="Lien">¶</a></h2>'
            '<div class="x"><p>Un <abbr title="Comité technique">CT</abbr> et '
            '<a href="/y">un lien</a></p><script>var x = "<p>";</script>'
            '<style>p { color: red; }</style><!-- note --></div>')
    copy = search_copy(html)
    assert copy == '<h2 id="a">Titre</h2><p>Un CT et un lien</p>'
    assert _sections(copy) == _sections(html)
    assert ("a", "Titre", "<p>Un CT et un lien</p>") in _sections(copy)


def test_an_element_excluded_from_the_search_leaves_the_page_as_it_is():
    html = '<div data-search-exclude><p>Caché</p></div><p>Vu</p>'
    assert search_copy(html) == html
