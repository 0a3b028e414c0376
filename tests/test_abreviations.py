"""The tooltips pass agrees, on random pages, with the plain reading it replaced.

macros/mkdocs/abreviations.py finds the acronyms in the whole page, then asks whether each is in
running text. The reference below walks the page tag by tag instead, as the first version
did: slower, but its rules can be read off line by line. Both must give the same HTML.
"""

from __future__ import annotations

import random
import re
from html import escape

from macros.mkdocs.abreviations import _matcher, _plain, ajouter_abreviations
from macros.models.glossaire import Entree

GLOSSAIRE = (
    Entree(sigle="DGS", developpe="Directeur Général des Services"),
    Entree(sigle="COMEX", developpe="Comité exécutif", variantes=("ComEx",)),
    Entree(sigle="COMEX ELARGI", developpe="Comité exécutif élargi"),
    Entree(sigle="B'CLIC", developpe="Bureau d'accueil"),
    Entree(sigle="CM", developpe="Conseil Municipal"),
    Entree(sigle="DGA"),
)
_LEFT_ALONE = {"a", "abbr", "code", "pre", "script", "style", "textarea", "button", "svg",
               "title", "dt", "h1", "h2", "h3", "h4", "h5", "h6"}
_TAG = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
_LEFT_ALONE_TAG = re.compile(r"<\s*(/?)\s*(" + "|".join(sorted(_LEFT_ALONE)) + r")(?![a-zA-Z0-9])",
                             re.IGNORECASE)


def reference(html: str, entrees: tuple[Entree, ...]) -> str:
    pattern, titles = _matcher(entrees)
    whole_words = re.compile(r"(?<![\w&#])" + pattern.pattern)
    if not whole_words.search(html):
        return html

    def wrap(match: re.Match[str]) -> str:
        title = titles[_plain(match.group(0))]
        return f'<abbr title="{escape(title, quote=True)}">{match.group(0)}</abbr>'

    pieces = _TAG.split(html)  # text, tag, text, tag… text
    depth: dict[str, int] = {}
    left_alone = False
    for position in range(1, len(pieces), 2):
        tag = pieces[position]
        if re.match(r"<abbr(?![^>]*\btitle=)[^>]*>$", tag):
            title = titles.get(_plain(pieces[position + 1].strip(" ()")))
            if title:
                pieces[position] = tag[:-1].rstrip() + f' title="{escape(title, quote=True)}">'
        name = _LEFT_ALONE_TAG.match(tag)
        if name and not tag.endswith("/>"):
            key = name.group(2).lower()
            depth[key] = max(0, depth.get(key, 0) + (-1 if name.group(1) else 1))
            left_alone = any(depth.values())
        if pieces[position + 1] and not left_alone:
            pieces[position + 1] = whole_words.sub(wrap, pieces[position + 1])
    pieces[0] = whole_words.sub(wrap, pieces[0])
    return "".join(pieces)


# Words, acronyms glued to other characters, entities and tags, as pages hold them.
PIECES = [
    "CM", "DGS", "DGA", "COMEX", "COMEX ELARGI", "ComEx", "B'CLIC", "B&#39;CLIC", "B’CLIC",
    "xCM", "CMx", "&CM", "#CM", "_CM", "(CM)", " ", "texte ", "é", "&lt;", "&gt;", " > ",
    "<p>", "</p>", "<td>", "<span title=\"DGS\">", "<span title=\"x>y DGS\">", "</span>",
    "<a href='CM'>", "</a>", "< a>", "</ a >", "<abbr>", "<abbr >", "<Abbr>", "</abbr>",
    "<abbr title='x'>", "<abbreviation>", "<h2 id='dgs'>", "</h2>", "<H2>", "</H2>", "<h7>",
    "<code>", "</code>", "<pre class=\"x\">", "</pre>", "<dt>", "</dt>", "<TITLE>", "</title>",
    "<svg>", "<svg\n>", "</svg>", "<svg/>", "<br/>", "<!-- CM <a> -->", "<!---->",
]


def test_same_html_as_the_tag_by_tag_reading():
    draw = random.Random(20261124)
    for _ in range(20_000):
        html = "".join(draw.choice(PIECES) for _ in range(draw.randint(1, 25)))
        assert ajouter_abreviations(html, GLOSSAIRE) == reference(html, GLOSSAIRE), html
