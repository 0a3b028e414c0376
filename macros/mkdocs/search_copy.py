"""The copy of a page's HTML that Material's search plugin reads: same text, fewer tags.

Material's search plugin splits each page's HTML into sections with Python's HTMLParser
and a handler per tag and per run of text; it keeps only headings, text and a few tags
(p, li, ul, ol, code, pre, sub, sup). On Socle's pages (tables of actions and instances,
figures) that costs more than anything else in a build: about a tenth of Béthune's build,
a third at ten times its content. So the plugin is handed a copy without the tags it
drops anyway: same sections, same words (a run of spaces in the index may be longer,
where text met a dropped tag; the search splits words on any run). `tests/test_search_copy.py`
compares both on every page of the built sites. the plugin gives the page its full HTML back
right after the plugin has read it.
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


def search_copy(html: str) -> str:
    """`html` without the tags the search plugin drops, or unchanged where it would differ."""
    # `data-search-exclude` leaves a whole element out of the index: the plugin must see it.
    if "data-search-" in html:
        return html
    return _OTHER_TAG.sub("", _LEFT_OUT.sub("", html))
