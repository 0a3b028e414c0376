"""The HTML blocks of the fragments, kept out of Python-Markdown's way and put back after it.

A fragment is Markdown headings (the table of contents, anchors and search sections come
from them) and HTML blocks, which Python-Markdown passes through unchanged. Finding where
each block ends costs it a full HTML parse of the block, and MkDocs parses the page's
source once more to list its anchors: together the larger part of a page's Markdown time.
So each run of HTML blocks of a macro's output is replaced by a one-line comment, which
Python-Markdown passes through the same way (it is also a block: same blank lines around
it), and the hooks put the HTML back in the page's HTML (`on_page_content`), giving MkDocs
the anchors (`id`) of the blocks as its own parse would have.

Only what Python-Markdown would surely leave alone is set aside: lines that open with a
block-level tag (`<p>`, `<div>`, `<table>`…) and the lines up to the tag that closes it,
as Python-Markdown's `HTMLExtractor` counts them. Anything else (a heading, text, an inline
tag at the start of a line, a block left open) stays in the Markdown, which treats it as
it always did.
"""

from __future__ import annotations

import html
import itertools
import re

from markdown.util import BLOCK_LEVEL_ELEMENTS

# A start or end tag (HTMLParser's names: letters first, then anything but
# space, / and >). Attribute values never hold `>`: data reaches them escaped (&gt;).
_TAG = re.compile(r"<(/?)([a-zA-Z][^\s/>]*)[^>]*>")
_START_OF_BLOCK = re.compile(r"<([a-zA-Z][^\s/>]*)")
# `hr` is an empty tag to Python-Markdown: it does not open a block. Script, style and
# textarea hold text that is not HTML (a `<` in a script is not a tag): left alone.
_RAW_TEXT = frozenset({"script", "style", "textarea"})
_OPENS_A_BLOCK = frozenset(BLOCK_LEVEL_ELEMENTS) - {"hr"} - _RAW_TEXT
# Start tags with an `id` or a `name`, and their attributes (MkDocs' anchors: every `id`,
# and the `name` of an `<a>`).
_TAG_WITH_ANCHOR = re.compile(r"<([a-zA-Z][^\s/>]*)(\s[^>]*?\b(?:id|name)\s*=[^>]*)>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""\s([^\s"'=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_PLACEHOLDER = "<!--socle-html:{}-->"
_PLACEHOLDERS = re.compile(r"<!--socle-html:(\d+)-->")



class BlocsMisDeCote:
    """The blocks a build has set aside, by number, until their page's HTML takes them back.

    The build's (`Construction.memoire(BlocsMisDeCote)`): numbers are never shared by two
    builds, and nothing is left once every page is written.
    """

    def __init__(self) -> None:
        self.kept: dict[int, str] = {}
        self.numbers = itertools.count()


def _block_end(lines: list[str], index: int) -> int | None:
    """Index of the line where the block opening `lines[index]` ends; None: leave it alone.

    The block opens with a block-level start tag at the very start of the line and ends
    on the line where the tag that opened it is closed (a closing tag also closes the tags
    opened after it and left open, such as `<br>`, as Python-Markdown counts them), with
    nothing after that closing tag.
    """
    opening = _START_OF_BLOCK.match(lines[index])
    if not opening or opening.group(1).lower() not in _OPENS_A_BLOCK:
        return None
    stack: list[str] = []
    for number in range(index, len(lines)):
        line = lines[number]
        if "<!--" in line:
            return None
        for tag in _TAG.finditer(line):
            closing, name = tag.group(1), tag.group(2).lower()
            if name in _RAW_TEXT:
                return None
            if closing:
                if name in stack:
                    while stack.pop() != name:
                        pass
                if not stack:
                    # Python-Markdown would keep what follows on this line apart: let it.
                    return number if tag.end() == len(line) else None
            else:
                stack.append(name)
    return None  # left open: Python-Markdown takes the rest of the page as raw HTML


def keep(markdown: str, blocs: BlocsMisDeCote) -> str:
    """`markdown` with each run of HTML blocks replaced by a placeholder comment (kept in `blocs`).

    Between two blocks of a run, Python-Markdown writes a line break, or one blank line
    when there was at least one: the kept text says the same.
    """
    lines = markdown.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        end = _block_end(lines, index) if lines[index].startswith("<") else None
        if end is None:
            out.append(lines[index])
            index += 1
            continue
        kept = "\n".join(lines[index:end + 1])
        index = end + 1
        while True:
            following = index
            while following < len(lines) and not lines[following].strip(" "):
                following += 1
            end = (_block_end(lines, following)
                   if following < len(lines) and lines[following].startswith("<") else None)
            if end is None:
                break
            kept += ("\n\n" if following > index else "\n") + "\n".join(lines[following:end + 1])
            index = end + 1
        number = next(blocs.numbers)
        blocs.kept[number] = kept
        out.append(_PLACEHOLDER.format(number))
    return "\n".join(out)


def _anchors(text: str) -> set[str]:
    """The anchors MkDocs' own parse would find in `text`."""
    found = set()
    for tag in _TAG_WITH_ANCHOR.finditer(text):
        for attribute in _ATTRIBUTE.finditer(tag.group(2)):
            name = attribute.group(1).lower()
            if name == "id" or (name == "name" and tag.group(1).lower() == "a"):
                value = next(group for group in attribute.groups()[1:] if group is not None)
                found.add(html.unescape(value))
    return found


def put_back(page_html: str, blocs: BlocsMisDeCote) -> tuple[str, set[str]]:
    """The page's HTML with its blocks back in place, and the anchors those blocks hold."""
    anchors: set[str] = set()

    def block(match: re.Match[str]) -> str:
        text = blocs.kept.pop(int(match.group(1)))
        anchors.update(_anchors(text))
        return text

    return _PLACEHOLDERS.sub(block, page_html), anchors
