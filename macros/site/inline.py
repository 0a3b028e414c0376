"""The small inline syntax of rubrique texts, and its rendering for the site (HTML).

Allowed, and nothing else: **gras**, *italique* or _italique_, `code`, backslash escapes
(\\*) and links [texte](https://…), [texte](http://…), [texte](mailto:…). Raw HTML,
images, autolinks, entities, tables, headings and Jinja stay the text the editor typed.
markdown-it-py's "zero" preset with only those rules enabled does the parsing; the
renderers (inline_html below, macros/kit/typst_text.py for the kit) write nothing but what
its tokens allow, so a text can add emphasis and safe links, never markup, code or script.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from macros.site.render import french_typography

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_SCHEMES = ("http://", "https://", "mailto:")
# A line break inside a paragraph is a space on the page: a blank line inside a site's HTML
# block would end the block, and Typst would keep the break.
NEWLINES = re.compile(r"\s*\n\s*")


def _safe_link(url: str) -> bool:
    return url.strip().lower().startswith(_SCHEMES)


@cache
def _parser() -> MarkdownIt:
    # Imported on first use: only référentiels with rubriques pay for it (20 ms a build).
    from markdown_it import MarkdownIt

    parser = MarkdownIt("zero", {"html": False}).enable(["emphasis", "link", "backticks", "escape"])
    # Refused links are never made: `[texte](page.md)` or `javascript:` stays as typed.
    parser.validateLink = _safe_link
    return parser


def tokens(text: str) -> list[Token]:
    """The inline tokens of `text` under the syntax above (the kit's renderer reads them too)."""
    if not text:
        return []
    return _parser().parseInline(str(text))[0].children or []


def _text(value: str) -> str:
    return french_typography(NEWLINES.sub(" ", value))


def inline_html(text: object) -> Markup:
    """The text as escaped HTML, with its allowed emphasis, code and links."""
    out: list[str] = []
    for token in tokens(str(text)):
        kind = token.type
        if kind == "text":
            out.append(str(escape(_text(token.content))))  # (an empty one writes nothing)
        elif kind in ("softbreak", "hardbreak"):
            out.append("<br>" if kind == "hardbreak" else " ")
        elif kind == "code_inline":
            out.append(f"<code>{escape(token.content)}</code>")
        elif kind in ("strong_open", "strong_close", "em_open", "em_close"):
            out.append(f"<{'/' if kind.endswith('close') else ''}{token.tag}>")
        elif kind == "link_open":
            out.append(f'<a href="{escape(token.attrs["href"])}">')
        elif kind == "link_close":
            out.append("</a>")
        else:  # a rule not enabled above: show what was typed
            out.append(str(escape(token.content)))
    return Markup("".join(out))
