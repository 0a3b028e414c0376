"""The copy of a page's HTML that Material's search plugin reads: same text, fewer tags.

Material's search plugin splits each page's HTML into sections with Python's HTMLParser
and a handler per tag and per run of text; it keeps only headings, text and a few tags
(p, li, ul, ol, code, pre, sub, sup). On Socle's pages (tables of actions and instances,
figures) that costs more than anything else in a build: about a tenth of Béthune's build,
a third at ten times its content. So the plugin is handed a copy without the tags it
drops anyway: same sections, same words (a run of spaces in the index may be longer,
where text met a dropped tag; the search splits words on any run). `tests/test_search_copy.py`
compares both on every page of the built sites. The plugin gives the page its full HTML back
right after the plugin has read it.

An element marked `data-search-exclude` (Material's documented way to keep a block out of
the index) is left out of the copy whole, as the plugin would skip it — every fiche page
has some (« à désigner », its place in the plan, its links).
"""

from __future__ import annotations

import re

# The tags the search plugin keeps or reads (headings open sections), left as they are.
_READ = "h1|h2|h3|h4|h5|h6|p|li|ul|ol|code|pre|sub|sup"
# Elements whose text the plugin leaves out: permalinks (¶) and non-text content.
_LEFT_OUT = re.compile(r'<a class="headerlink"[^>]*>.*?</a>|<(script|style|object)\b.*?</\1>',
                       re.DOTALL | re.IGNORECASE)
# Any other tag or comment (attribute values hold no `>`: they reach the page escaped).
_OTHER_TAG = re.compile(rf"<(?!/?(?:{_READ})\b)[^>]*>", re.IGNORECASE)
# A start tag and its attributes; one attribute's name (its value quoted, or bare, or none).
_START_TAG = re.compile(r"<([a-zA-Z][^\s/>]*)([^>]*)>")
_ATTRIBUTE_NAME = re.compile(r"""([^\s"'=<>/]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]*))?""")
_HEADING = re.compile(r"<h[1-6]\b", re.IGNORECASE)
_HEADINGS = frozenset(f"h{level}" for level in range(1, 7))
# Tags the plugin never pushes on its stack: `data-search-exclude` on one excludes nothing.
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})


def _excluded(attributes: str) -> bool:
    return any(match.group(1) == "data-search-exclude" for match in _ATTRIBUTE_NAME.finditer(attributes))


def _without_excluded(html: str) -> str | None:
    """`html` without its `data-search-exclude` elements; None where the plugin would differ.

    The plugin skips such an element until the first end tag of the same name (its stack
    compares elements by tag name only: a nested element of that name ends the skip), so
    the copy cuts to that same end tag. A heading inside still opens a section for the
    plugin (with an empty title): such a page is left whole.
    """
    parts: list[str] = []
    copied = position = 0   # copied: where the part of `html` not yet in `parts` begins
    while (found := html.find("data-search-exclude", position)) != -1:
        start = html.rfind("<", position, found)
        tag = _START_TAG.match(html, start) if start != -1 else None
        if tag is None or tag.end() <= found:
            position = found + 1  # in text (escaped), not in a tag
            continue
        name = tag.group(1).lower()
        if name in _VOID or not _excluded(tag.group(2)):
            position = tag.end()
            continue
        end = re.compile(rf"</{re.escape(name)}\s*>", re.IGNORECASE).search(html, tag.end())
        if end is None or name in _HEADINGS or _HEADING.search(html, start, end.start()):
            return None
        parts.append(html[copied:start])
        copied = position = end.end()
    parts.append(html[copied:])
    return "".join(parts)


def search_copy(html: str) -> str:
    """`html` without the tags the search plugin drops, or unchanged where it would differ."""
    if "data-search-exclude" in html:
        kept = _without_excluded(html)
        if kept is None:
            return html
        html = kept
    return _OTHER_TAG.sub("", _LEFT_OUT.sub("", html))
