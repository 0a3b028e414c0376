"""Render validated models into page fragments (Markdown headings + HTML blocks).

Fragments are Jinja templates in `templates/`, each exposing
`{% macro render(...) %}`, rendered by code with models, never raw dicts.
The environment autoescapes: text from data reaches the page literally.
Headings are Markdown (so MkDocs builds the table of contents, anchors and
search sections from them); everything else is HTML, which Markdown leaves
alone. Headings therefore get a second escape for Markdown's own syntax.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    select_autoescape,
)
from markupsafe import Markup, escape

from macros.text.francais import date_fr, nombre_fr

TEMPLATES = Path(__file__).parent / "templates"

# Python-Markdown's backslash-escapable characters (plus `|` for tables); `<` and `&`
# are already entities by then. Escaping any other character would print the backslash.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")
_ENTITY = re.compile(r"(&#?\w+;)")
# Applied to every text of the data: compiled once, not looked up at each call.
_HIGH_PUNCTUATION = re.compile(r"[;:!?»]")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([;:!?»])")
_SPACE_AFTER_GUILLEMET = re.compile(r"«\s+")
# Not `\n{3,}`: a pattern that starts with a literal lets the regex engine jump from one
# candidate to the next (five times faster on the 700 Ko of a large plan).
_BLANK_LINES = re.compile(r"\n\n\n+")


def markdown_text(value: object) -> Markup:
    """Escape text for a Markdown line (headings): HTML first, then Markdown syntax."""
    html = str(escape(str(value)))
    # Entities produced by escape() (&lt; &amp; &#39;...) must keep their & ; and #.
    parts = _ENTITY.split(html)  # text, entity, text, entity… text
    return Markup("".join(
        part if number % 2 else _MARKDOWN_SPECIALS.sub(r"\\\1", part)
        for number, part in enumerate(parts)
    ))


def slug(value: object) -> str:
    """An anchor from text: lowercase ASCII words joined by dashes."""
    text = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"


def heading_attributes(anchor: str) -> Markup:
    """`{#anchor}` for attr_list; the anchor is reduced to safe characters first."""
    return Markup("{#" + slug(anchor) + "}")


def french_typography(value: object) -> str:
    """Non-breaking spaces before ; : ! ? and inside « » (French typography)."""
    text = str(value)
    # Most texts have none of these signs: looking for one is quicker than trying `\s+` at
    # every space.
    if _HIGH_PUNCTUATION.search(text):
        text = _SPACE_BEFORE_PUNCTUATION.sub("\u202f\\1", text)
    if "«" in text:
        text = _SPACE_AFTER_GUILLEMET.sub("«\u202f", text)
    return text


def escaping_environment(folder: Path, **options: object) -> Environment:
    """A Jinja environment for data templates: autoescape, strict names, `fr` and `slug`.

    Shared by the site's fragments and the PDF kit, so both escape and typeset alike.
    """
    env = Environment(
        loader=FileSystemLoader(folder),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        **options,
    )
    env.filters["slug"] = slug
    env.filters["fr"] = french_typography
    env.filters["date_fr"] = date_fr
    env.filters["nombre_fr"] = nombre_fr
    return env


@cache
def environment() -> Environment:
    """The Jinja environment for fragments (created once per process)."""
    # Compiling the fragments costs a tenth of a second per build; the compiled code is
    # kept in the user's temp folder, keyed on each template's source (see `make bench`).
    env = escaping_environment(TEMPLATES, bytecode_cache=FileSystemBytecodeCache(),
                               keep_trailing_newline=True)
    env.filters["md"] = markdown_text
    env.globals["ancre"] = heading_attributes
    # The small inline syntax of block texts (emphasis, code, links), as safe HTML.
    from macros.site.inline import EnLigne

    env.globals["inline"] = EnLigne()
    return env


def fragment(name: str, *args: object, macro: str = "render") -> str:
    """Call a macro (by default `render`) of `templates/<name>.md.j2`."""
    module = environment().get_template(f"{name}.md.j2").module
    output = str(getattr(module, macro)(*args))
    # Blank lines separate Markdown blocks; more than one is noise.
    return _BLANK_LINES.sub("\n\n", output).strip() + "\n"
