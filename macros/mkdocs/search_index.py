"""Build-time additions to Material's search index: French forms and the glossary, as fields.

Material writes `search/search_index.json` (one entry per page section) and its search
finds a section when each typed word begins one of its words. Three fields are added to
each section, declared with their weight in mkdocs.yml (`fields` of the `search` plugin),
indexed by Material's search but never shown:

- `formes_titre` and `formes`: the other forms of the title's and the text's words
  (macros/text/formes.py: without accents, singular or plural), so that « greve »,
  « conges » or « agents » find « grève », « congés » or « agent » — words cut as the
  search cuts them, by the plugin's `separator` (apostrophes included: « l'agent »);
- `glossaire`: for a section that names an acronym of the glossary, its expansion, and
  for one that spells the expansion out, the acronym: « DGS » finds « Directeur Général
  des Services » and the other way round.

Nothing runs in the browser but Material's own search.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from macros.models.glossaire import Entree
from macros.text.formes import autres_formes

# The fields this module fills, each declared in mkdocs.yml with its weight.
GLOSSAIRE = "glossaire"
FORMES = "formes"
FORMES_TITRE = "formes_titre"
CHAMPS = (FORMES_TITRE, FORMES, GLOSSAIRE)


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


# Pure, keyed on the glossary itself, and bounded as abreviations._matcher is.
@lru_cache(maxsize=4)
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


def formes(text: str, separateur: re.Pattern[str], connues: dict[str, set[str]] | None = None) -> str:
    """The other forms of the words of `text` (HTML), each once, cut as the search cuts them.

    A form that begins another form or a word of the text is left out: what is typed is
    looked for as the beginning of a word, so the longer one finds it already (« ajoutees »
    finds « ajoutee » and « ajoute »). The index stays a third smaller. `connues` keeps each
    word's forms for the next sections: an index repeats its words (the fiches of a plan
    say « agents », « usagers », « mise en œuvre » thousands of times).
    """
    mots = {mot for mot in separateur.split(_plain_text(text).lower()) if mot}
    connues = {} if connues is None else connues
    found: set[str] = set()
    for mot in mots:
        autres = connues.get(mot)
        if autres is None:
            autres = connues[mot] = autres_formes(mot)
        found |= autres
    ordered = sorted(found | mots)
    kept = [forme for forme, suivante in zip(ordered, [*ordered[1:], ""][:len(ordered)], strict=True)
            if forme in found and not suivante.startswith(forme)]
    return " ".join(kept)


def enrichir_index(site_dir: Path, entrees: list[Entree], separateur: str) -> None:
    """Add the forms and glossary fields to `site_dir/search/search_index.json`, if it exists."""
    path = site_dir / "search" / "search_index.json"
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    coupe = re.compile(separateur)
    recherches = _recherches(tuple(entrees))
    connues: dict[str, set[str]] = {}
    for doc in index["docs"]:
        title, text = doc.get("title", ""), doc.get("text", "")
        added = _synonymes(_plain_text(title, text), recherches)
        if added:
            doc[GLOSSAIRE] = " ; ".join(added)
        for field, value in ((FORMES_TITRE, formes(title, coupe, connues)),
                             (FORMES, formes(" ".join([text, *added]), coupe, connues))):
            if value:
                doc[field] = value
    # Compact, as Material writes it.
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
