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
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)")
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
    if pattern is None:
        return html

    def wrap(match: re.Match[str]) -> str:
        title = titles[_plain(match.group(0))]
        return f'<abbr title="{escape(title, quote=True)}">{match.group(0)}</abbr>'

    out: list[str] = []
    depth: dict[str, int] = {}
    pieces = _TAG.split(html)
    for position, piece in enumerate(pieces):
        if _UNTITLED_ABBR.match(piece):
            # An <abbr> a fragment already wrote (« (CM) ») gets the title it lacks.
            following = pieces[position + 1] if position + 1 < len(pieces) else ""
            title = titles.get(_plain(following.strip(" ()")))
            if title:
                piece = piece[:-1].rstrip() + f' title="{escape(title, quote=True)}">'
        if piece.startswith("<"):
            name = _TAG_NAME.match(piece)
            if name and name.group(2).lower() in _LEFT_ALONE and not piece.endswith("/>"):
                key = name.group(2).lower()
                depth[key] = max(0, depth.get(key, 0) + (-1 if name.group(1) else 1))
            out.append(piece)
        elif piece and not any(depth.values()):
            out.append(pattern.sub(wrap, piece))
        else:
            out.append(piece)
    return "".join(out)
