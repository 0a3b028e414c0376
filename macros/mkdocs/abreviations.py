"""Abbreviation tooltips: `<abbr title="…">` around the glossary's acronyms in page text.

Python-Markdown's abbr extension does not reach the HTML blocks our fragments
write, so this runs on each page's rendered HTML (the plugin, `on_page_content`).
Only text between tags changes; nothing inside headings (their anchors and the
table of contents), links, code, existing `<abbr>` or the glossary's own terms.
Only acronyms whose expansion the document gives get a tooltip.

The page is not walked tag by tag (a page of the plan has thousands of tags): the
acronyms are looked for in the whole page, then each one found is kept only if it is
in running text, which asks where the nearest tags are and whether one of the
elements left alone is open there.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from html import escape

from macros.models.glossaire import Entree

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# The start or end tag of an element whose text is left alone (a, abbr, button, code, dt,
# h1…h6, pre, script, style, svg, textarea, title), up to its end. Alternatives grouped by
# first letter: the regex engine tries them at each `<` of the page.
_LEFT_ALONE_TAG = re.compile(r"<\s*(/?)\s*(a(?:bbr)?|button|code|dt|h[1-6]|pre|s(?:cript|tyle|vg)"
                             r"|t(?:extarea|itle))(?![a-zA-Z0-9])[^>]*>", re.IGNORECASE)
# An <abbr> a fragment wrote without a title (« (CM) »), and its text.
_UNTITLED_ABBR = re.compile(r"<abbr(?![^>]*\btitle=)[^>]*>([^<]*)")

# An apostrophe in an acronym (B'CLIC) may reach the HTML as a character or an entity.
_APOSTROPHE = r"(?:'|’|&#39;|&#x27;)"


def _spelling_pattern(spelling: str) -> str:
    return _APOSTROPHE.join(re.escape(part) for part in re.split(r"['’]", spelling))


# Pure, keyed on the glossary itself: a build asks with one glossary, a rebuild of `mkdocs
# serve` after an edit with another; the few kept bound what a long process holds.
@lru_cache(maxsize=4)
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
    # Not inside a longer word or a number; what comes before is checked by _AFTER_A_WORD
    # (as a look-behind here, it would keep the engine from skipping to the first letters
    # of the spellings: six times slower on a page of the plan).
    return re.compile(rf"(?:{alternatives})(?![\w])"), titles


# Before an acronym: a letter, digit or underscore (a longer word), or `&`, `#` (an entity).
_AFTER_A_WORD = re.compile(r"[\w&#]")


def _plain(spelling_in_html: str) -> str:
    return re.sub(_APOSTROPHE, "'", spelling_in_html)


def _left_alone(html: str, comments: list[int]) -> list[int]:
    """Where the text is left alone: [start, end, start, end…], sorted, as bisect wants them.

    Comments, and the text from the start tag that opens a left-alone element (the first
    one, when they nest) to the end tag that closes the last one open.
    """
    spans: list[int] = []
    depth: dict[str, int] = {}  # open elements, by name (a stray end tag counts for nothing)
    open_elements = 0
    for tag in _LEFT_ALONE_TAG.finditer(html):
        if tag.group(0).endswith("/>") or (comments and _inside(comments, tag.start())):
            continue
        name = tag.group(2).lower()
        before = depth.get(name, 0)
        after = before - 1 if tag.group(1) else before + 1
        if after < 0:
            continue
        depth[name] = after
        if not open_elements:
            opened_at = tag.end()
        open_elements += after - before
        if not open_elements:
            spans += (opened_at, tag.start())
    if open_elements:
        spans += (opened_at, len(html))
    return _merged(comments + spans) if comments else spans


def _merged(bounds: list[int]) -> list[int]:
    merged: list[int] = []
    for start, end in sorted(zip(bounds[::2], bounds[1::2], strict=True)):
        if merged and start <= merged[-1]:
            merged[-1] = max(merged[-1], end)
        else:
            merged += (start, end)
    return merged


def _inside(bounds: list[int], position: int) -> bool:
    return bisect_right(bounds, position) % 2 == 1


def ajouter_abreviations(html: str, entrees: tuple[Entree, ...]) -> str:
    """The page's HTML with each acronym of running text wrapped in `<abbr title>`."""
    pattern, titles = _matcher(entrees)
    if pattern is None or not pattern.search(html):
        return html
    comments = [bound for comment in _COMMENT.finditer(html) for bound in comment.span()]
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement)
    # An <abbr> a fragment already wrote (« (CM) ») gets the title it lacks.
    for abbr in _UNTITLED_ABBR.finditer(html):
        title = titles.get(_plain(abbr.group(1).strip(" ()")))
        if title and not _inside(comments, abbr.start()):
            end_of_tag = abbr.start(1) - 1
            opening = html[abbr.start():end_of_tag].rstrip()
            edits.append((abbr.start(), end_of_tag + 1,
                          opening + f' title="{escape(title, quote=True)}">'))
    left_alone = _left_alone(html, comments)
    match = pattern.search(html)
    while match:
        start = match.start()
        if start and _AFTER_A_WORD.match(html, start - 1):
            match = pattern.search(html, start + 1)  # as the regex would go on: next position
            continue
        # In a tag (an attribute value) when a « < » comes after the last « > ».
        in_a_tag = html.rfind("<", 0, start) > html.rfind(">", 0, start)
        if not in_a_tag and not _inside(left_alone, start):
            title = titles[_plain(match.group(0))]
            edits.append((start, match.end(),
                          f'<abbr title="{escape(title, quote=True)}">{match.group(0)}</abbr>'))
        match = pattern.search(html, match.end())
    if not edits:
        return html
    edits.sort()
    parts: list[str] = []
    position = 0
    for start, end, replacement in edits:
        parts += (html[position:start], replacement)
        position = end
    parts.append(html[position:])
    return "".join(parts)
