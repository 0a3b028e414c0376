"""Text into Typst for the kit: string literals, and the inline syntax of rubrique texts.

Every piece of text is a string literal, set in French typography; only the emphasis,
code and links that the syntax of macros/site/inline.py allows become Typst calls.
"""

from __future__ import annotations

from markupsafe import Markup

from macros.site.inline import NEWLINES, tokens
from macros.site.render import french_typography


def typst_string(value: object) -> str:
    """A Typst string literal showing `value` as written, in French typography."""
    return _literal(french_typography(value))


def _literal(value: str) -> str:
    """A Typst string literal of `value` exactly (code and URLs: no typography)."""
    escaped = "".join(
        "\\\\" if char == "\\" else '\\"' if char == '"' else "\\n" if char == "\n"
        else f"\\u{{{ord(char):x}}}" if ord(char) < 0x20 else char
        for char in value)
    return f'"{escaped}"'


def inline_typst(text: object) -> Markup:
    """The text as a Typst content block `[…]`, usable as an argument or after `#`.

    Every piece of text is a string literal (shown as written); only the emphasis, code
    and links the syntax allows become Typst calls.
    """
    out: list[str] = []
    for token in tokens(str(text)):
        kind = token.type
        if kind == "text":
            if token.content:  # markdown-it leaves an empty one before a link's emphasis
                out.append(f"#{typst_string(NEWLINES.sub(' ', token.content))};")
        elif kind == "softbreak":
            out.append('#" ";')
        elif kind == "hardbreak":
            out.append("#linebreak();")
        elif kind == "code_inline":
            out.append(f"#raw({_literal(token.content)});")
        elif kind == "strong_open":
            out.append("#strong[")
        elif kind == "em_open":
            out.append("#emph[")
        elif kind == "link_open":
            out.append(f"#link({_literal(token.attrs['href'])})[")
        elif kind in ("strong_close", "em_close", "link_close"):
            out.append("];")
        else:
            out.append(f"#{typst_string(token.content)};")
    return Markup("[" + "".join(out) + "]")
