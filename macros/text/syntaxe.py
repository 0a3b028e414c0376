"""The small inline syntax of rubrique texts, parsed: what may become emphasis, code or a link.

Allowed, and nothing else: **gras**, *italique* or _italique_, `code`, backslash escapes
(\\*) and links [texte](https://…), [texte](http://…), [texte](mailto:…) and
[texte](fichiers/nom.pdf) (a file of the référentiel's `fichiers/` folder, checked by the
loader, macros/data/liens.py). Raw HTML, images, autolinks, entities, tables, headings and
Jinja stay the text the editor typed. markdown-it-py's "zero" preset with only those rules
enabled does the parsing; the site's and the kit's renderers (macros/site/inline.py,
macros/kit/typst_text.py) write nothing but what its tokens allow, and the loader reads the
same tokens to refuse a link that would stay as typed.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

SCHEMES = ("http://", "https://", "mailto:")
# A link to one of the organisation's files: `fichiers/<nom>`, from the site's root.
FICHIERS = "fichiers/"
# What is left of a link the syntax did not make (« [formulaire](declaration.pdf) »).
LIEN_BRUT = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)")


def safe_link(url: str) -> bool:
    url = url.strip()
    return url.lower().startswith(SCHEMES) or (url.startswith(FICHIERS) and "/" not in url[len(FICHIERS):])


@cache
def _parser() -> MarkdownIt:
    # Imported on first use: only référentiels with rubriques pay for it (20 ms a build).
    from markdown_it import MarkdownIt

    parser = MarkdownIt("zero", {"html": False}).enable(["emphasis", "link", "backticks", "escape"])
    # Refused links are never made: `[texte](page.md)` or `javascript:` stays as typed.
    parser.validateLink = safe_link
    return parser


def tokens(text: str) -> list[Token]:
    """The inline tokens of `text` under the syntax above."""
    if not text:
        return []
    return _parser().parseInline(str(text))[0].children or []


def texte_seul(text: str) -> str:
    """What a reader sees of `text` on the page, as plain text: a link's words without its
    address, emphasis without its stars (« voir [le formulaire](fichiers/a.pdf) » → « voir le
    formulaire »). Still a text to escape where it is written."""
    parts = []
    for token in tokens(text):
        if token.type in ("text", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)
