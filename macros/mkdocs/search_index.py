"""Build-time addition to Material's search index: the glossary, as a hidden field.

Material writes `search/search_index.json` (one entry per page section). For each
section that names an acronym of the glossary, its expansion is added to a
`glossaire` field, and for each section that spells the expansion out, the
acronym: searching « DGS » finds « Directeur Général des Services » and the other
way round. The field is indexed by the search worker (its name is added to the
index's `fields`) but never shown. Accents, plurals and apostrophes are handled
in the browser (docs/assets/javascripts/workers/search-fr*.js), for the index and
the query alike, so nothing else is added here and the index stays small.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from macros.models.glossaire import Entree

FIELD = "glossaire"
# Same weight as the text: an expansion counts like the words it stands for.
FIELD_BOOST = 1.0


# Accents once the text is decomposed (NFKD): the combining diacritical marks' blocks.
_ACCENTS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
# Bytes of UTF-8 text: a-z and 0-9 kept, anything else (including the bytes of the
# characters left outside ASCII) a space.
_WORD_BYTES = bytes(b if b in b"abcdefghijklmnopqrstuvwxyz0123456789" else 32 for b in range(256))


def _fold(text: str) -> str:
    """Lowercase, no accents, apostrophes and dashes as spaces: for comparing phrases.

    « Directeur Général des Services » and « directeur general des services » both give
    " directeur general des services ". Done with C-level calls only (decomposition, one
    regex, a byte table): the index of a large référentiel holds some megabytes of text.
    """
    text = unicodedata.normalize("NFKD", text.casefold())
    if not text.isascii():
        text = _ACCENTS.sub("", text)
    words = text.encode("utf-8").translate(_WORD_BYTES).split()
    return " " + b" ".join(words).decode("ascii") + " "


def _plain_text(*parts: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", " ".join(parts)))


@dataclass(frozen=True)
class _Recherche:
    """One glossary entry, ready to be looked for in many texts."""

    entree: Entree
    graphies: tuple[str, ...]  # its spellings, as written
    sigle: re.Pattern[str]     # any of its spellings, as a whole word
    developpe: str             # its expansion, folded

    def sigle_dans(self, text: str) -> bool:
        """Whether one of its spellings is in `text` as a whole word."""
        # Most texts hold none of the spellings: a plain substring test (fast) rules them
        # out before the regex, whose look-behind is tried at every position of the text.
        for graphie in self.graphies:
            if graphie in text:
                return self.sigle.search(text) is not None
        return False


@cache
def _recherches(entrees: tuple[Entree, ...]) -> tuple[_Recherche, ...]:
    """Patterns and folded expansions, made once per glossary rather than once per text."""
    return tuple(
        _Recherche(entree, entree.graphies,
                   re.compile(r"(?<!\w)(?:" + "|".join(re.escape(s) for s in entree.graphies) + r")(?!\w)"),
                   _fold(entree.developpe))
        for entree in entrees if entree.developpe)


def synonymes(text: str, entrees: list[Entree]) -> list[str]:
    """What the glossary adds to a section's text: expansions of its acronyms and vice versa."""
    return _synonymes(text, _recherches(tuple(entrees)))


def _synonymes(text: str, recherches: tuple[_Recherche, ...]) -> list[str]:
    folded = _fold(text)
    added: list[str] = []
    for recherche in recherches:
        has_acronym = recherche.sigle_dans(text)
        has_expansion = recherche.developpe in folded
        if has_acronym and not has_expansion:
            added.append(recherche.entree.developpe)
        elif has_expansion and not has_acronym:
            added.append(recherche.entree.sigle)
    return added


def enrichir_index(site_dir: Path, entrees: list[Entree]) -> None:
    """Add the glossary field to `site_dir/search/search_index.json`, if both exist."""
    path = site_dir / "search" / "search_index.json"
    if not path.exists() or not any(entree.developpe for entree in entrees):
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    index["config"]["fields"][FIELD] = {"boost": FIELD_BOOST}
    recherches = _recherches(tuple(entrees))
    for doc in index["docs"]:
        added = _synonymes(_plain_text(doc.get("title", ""), doc.get("text", "")), recherches)
        if added:
            doc[FIELD] = " ; ".join(added)
    # Compact, as Material writes it.
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
