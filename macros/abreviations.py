"""Abbreviation tooltips: `<abbr title="…">` around the glossary's acronyms in page text.

Python-Markdown's abbr extension does not reach the HTML blocks our fragments
write, so this runs on each page's rendered HTML (hooks.py, `on_page_content`).
Only text between tags changes; nothing inside headings (their anchors and the
table of contents), links, code, existing `<abbr>` or the glossary's own terms.
Only acronyms whose expansion the document gives get a tooltip.
"""

from __future__ import annotations

import re
from functools import cache
from html import escape

from .models.glossaire import Entree

# Elements whose text is left alone, and the tags that open or close them.
_LEFT_ALONE = {"a", "abbr", "code", "pre", "script", "style", "textarea", "button", "svg",
               "title", "dt", "h1", "h2", "h3", "h4", "h5", "h6"}
_TAG = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
# The start or end tag of an element whose text is left alone.
_LEFT_ALONE_TAG = re.compile(r"<\s*(/?)\s*(" + "|".join(sorted(_LEFT_ALONE)) + r")(?![a-zA-Z0-9])",
                             re.IGNORECASE)
_UNTITLED_ABBR = re.compile(r"<abbr(?![^>]*\btitle=)[^>]*>$")

# An apostrophe in an acronym (B'CLIC) may reach the HTML as a character or an entity.
_APOSTROPHE = r"(?:'|’|&#39;|&#x27;)"


def _spelling_pattern(spelling: str) -> str:
    return _APOSTROPHE.join(re.escape(part) for part in re.split(r"['’]", spelling))


@cache
def _matcher(entrees: tuple[Entree, ...]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One regex for every spelling (longest first: « COMEX ELARGI » before « COMEX »)."""
    titles: dict[str, str] = {}
    for entree in entrees:
        if entree.developpe:
            for spelling in entree.graphies:
                titles[spelling] = entree.developpe
    if not titles:
        return None, titles
    alternatives = "|".join(_spelling_pattern(s) for s in sorted(titles, key=len, reverse=True))
    # Whole words only: not inside a longer word, an entity (&#39;) or a number.
    return re.compile(rf"(?<![\w&#])(?:{alternatives})(?![\w])"), titles


def _plain(spelling_in_html: str) -> str:
    return re.sub(_APOSTROPHE, "'", spelling_in_html)


def ajouter_abreviations(html: str, entrees: tuple[Entree, ...]) -> str:
    """The page's HTML with each acronym of running text wrapped in `<abbr title>`."""
    pattern, titles = _matcher(entrees)
    if pattern is None or not pattern.search(html):
        return html

    def wrap(match: re.Match[str]) -> str:
        title = titles[_plain(match.group(0))]
        return f'<abbr title="{escape(title, quote=True)}">{match.group(0)}</abbr>'

    # Split on tags, the pieces alternate: text, tag, text, tag… text.
    pieces = _TAG.split(html)
    depth: dict[str, int] = {}
    left_alone = False
    for position in range(1, len(pieces), 2):
        tag = pieces[position]
        if tag.startswith("<abbr") and _UNTITLED_ABBR.match(tag):
            # An <abbr> a fragment already wrote (« (CM) ») gets the title it lacks.
            title = titles.get(_plain(pieces[position + 1].strip(" ()")))
            if title:
                pieces[position] = tag[:-1].rstrip() + f' title="{escape(title, quote=True)}">'
        name = _LEFT_ALONE_TAG.match(tag)
        if name and not tag.endswith("/>"):
            key = name.group(2).lower()
            depth[key] = max(0, depth.get(key, 0) + (-1 if name.group(1) else 1))
            left_alone = any(depth.values())
        text = pieces[position + 1]
        if text and not left_alone:
            pieces[position + 1] = pattern.sub(wrap, text)
    if pieces[0]:
        pieces[0] = pattern.sub(wrap, pieces[0])
    return "".join(pieces)
