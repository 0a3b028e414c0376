"""The small inline syntax of rubrique texts, and its rendering for the site (HTML).

Allowed, and nothing else: **gras**, *italique* or _italique_, `code`, backslash escapes
(\\*) and links [texte](https://…), [texte](http://…), [texte](mailto:…),
[texte](fichiers/nom.pdf). Raw HTML, images, autolinks, entities, tables, headings and
Jinja stay the text the editor typed. macros/text/syntaxe.py does the parsing; the
renderers (inline_html below, macros/kit/typst_text.py for the kit) write nothing but what
its tokens allow, so a text can add emphasis and safe links, never markup, code or script.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from markupsafe import Markup, escape

from macros.site.render import french_typography
from macros.text.syntaxe import FICHIERS, tokens

__all__ = ["NEWLINES", "inline_html", "tokens"]

# A line break inside a paragraph is a space on the page: a blank line inside a site's HTML
# block would end the block, and Typst would keep the break.
NEWLINES = re.compile(r"\s*\n\s*")


def _text(value: str) -> str:
    return french_typography(NEWLINES.sub(" ", value))


def inline_html(text: object, fichiers: Mapping[str, object] | None = None, racine: str = "../") -> Markup:
    """The text as escaped HTML, with its allowed emphasis, code and links.

    `fichiers`: the référentiel's files by name (macros/data/fichiers.py), so that a link to
    one says its format and size (« (PDF, 84 Ko) »); `racine` leads from the page to the
    site's root (pages are one folder deep).
    """
    out: list[str] = []
    after_link: list[str] = []
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
            href = token.attrs["href"]
            fichier = (fichiers or {}).get(href.removeprefix(FICHIERS)) if href.startswith(FICHIERS) else None
            if fichier is not None:
                out.append(f'<a href="{escape(racine + href)}" type="{escape(fichier.type_mime)}">')
                after_link.append(f' <span class="socle-fichier">({escape(fichier.libelle)})</span>')
            else:
                out.append(f'<a href="{escape(href)}">')
                after_link.append("")
        elif kind == "link_close":
            out.append("</a>" + (after_link.pop() if after_link else ""))
        else:  # a rule not enabled above: show what was typed
            out.append(str(escape(token.content)))
    return Markup("".join(out))


class EnLigne:
    """`inline` as block templates call it: a text's inline syntax, and this site's files.

    Called, it renders a text (`inline_html`), its links to files with their format and size;
    `fichier(nom)` gives the file a download or image block names (None when unknown, as in
    a rendering without a référentiel), `adresse(nom)` its address from the page.
    """

    def __init__(self, fichiers: Mapping[str, object] | None = None, racine: str = "../") -> None:
        self.fichiers, self.racine = dict(fichiers or {}), racine

    def __call__(self, text: object) -> Markup:
        return inline_html(text, self.fichiers, self.racine)

    def fichier(self, nom: str) -> object | None:
        return self.fichiers.get(nom)

    def adresse(self, nom: str) -> str:
        return f"{self.racine}{FICHIERS}{nom}"
