"""Text into Typst for the kit: string literals, and the inline syntax of rubrique texts.

Every piece of text is a string literal, set in French typography; only the emphasis,
code and links that the syntax of macros/site/inline.py allows become Typst calls.
"""

from __future__ import annotations

from markupsafe import Markup

from macros.site.inline import NEWLINES
from macros.site.render import french_typography
from macros.text.syntaxe import tokens


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


def _link_text(following: list) -> str:
    """The text of a link, from the tokens after its opening."""
    text = []
    for token in following:
        if token.type == "link_close":
            break
        text.append(token.content if token.type in ("text", "code_inline") else "")
    return "".join(text)


def _same_address(label: str, address: str) -> bool:
    def bare(value: str) -> str:
        return value.strip().removeprefix("https://").removeprefix("http://").rstrip("/")
    return bare(label) == bare(address)


def inline_typst(text: object) -> Markup:
    """The text as a Typst content block `[…]`, usable as an argument or after `#`.

    Every piece of text is a string literal (shown as written); only the emphasis, code
    and links the syntax allows become Typst calls.
    """
    out: list[str] = []
    # A printed kit cannot be clicked: each link's address is printed after its text,
    # unless the text is the address already.
    addresses: list[str] = []
    items = tokens(str(text))
    for number, token in enumerate(items):
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
            href = token.attrs["href"]
            out.append(f"#link({_literal(href)})[")
            shown = href.removeprefix("mailto:")
            label = _link_text(items[number + 1:])
            addresses.append("" if _same_address(label, shown) else shown)
        elif kind == "link_close":
            address = addresses.pop() if addresses else ""
            out.append("];" + (f"#{_literal(' (' + address + ')')};"
                               if address else ""))
        elif kind in ("strong_close", "em_close"):
            out.append("];")
        else:
            out.append(f"#{typst_string(token.content)};")
    return Markup("[" + "".join(out) + "]")
