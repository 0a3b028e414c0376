"""The source document, sentence by sentence, and the organisation's list of what it changed.

A référentiel keeps the text of the document it publishes in `source/` (the file named by
`document.fichier` in referentiel.yml). Every sentence of it must be on the site and in the
kit, unless the organisation says otherwise in its CORRECTIONS.md:

- a table with the columns « texte extrait » (or « texte du document ») and « texte retenu »:
  each « … » of the first cell is looked for as the « … » of the same rank in the second
  (« référé handicap » → « référent handicap »);
- a list item that begins with a quotation, `- « passage » : raison`: every sentence of the
  source holding the passage is left out on purpose (a caption of a lost figure, page
  furniture).

This module reads both and says which sentences are missing from a text; what the site and
the kit say is worked out above it (macros/cli/fidelite.py).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from macros.data.files import SOURCE_FOLDER

CORRECTIONS = "CORRECTIONS.md"
# Shorter than this, a line of the source is a heading, a label or page furniture (« Objet »,
# « 4 décembre 2023 »), said by the page's own structure rather than as a sentence.
LONGUEUR_MINIMALE = 25
# A sentence ends at . ! ? or ; followed by a space.
_FIN_DE_PHRASE = re.compile(r"(?<=[.!?;])\s+")
# What begins a line without being its text: bullets, quotes, numbering (« 1) », « a) », « 2. »).
_DEBUT = re.compile(r"^(?:[\s\-–—o•>*#+]+|\(?(?:\d{1,2}|[a-z])[).]\s+)+")
_COLONNE_EXTRAIT = ("texte extrait", "texte du document")
_CITATION = re.compile(r"«\s*(.+?)\s*»")
_TABLEAU = re.compile(r"^\s*\|.*\|\s*$")
# Markdown sources: links keep their text; emphasis marks go.
_LIEN = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_A_REMPLACER = re.compile(r"‹[^›]*›?")


@dataclass(frozen=True)
class Phrase:
    """One sentence of the source, with its line."""

    ligne: int
    texte: str


@dataclass(frozen=True)
class Corrections:
    """What the organisation says it changed: replacements, and passages left out."""

    remplacements: tuple[tuple[str, str], ...] = ()
    omissions: tuple[str, ...] = ()


def normalise(text: str) -> str:
    """Lowercase words without accents nor punctuation: « L’État, 1^{er} » → « l etat 1er »."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'")
    # Superscripts as a PDF extraction writes them: 7^{ème}, 1^{er}, XX^e.
    text = re.sub(r"\s?\^\{?(er|ème|eme|e)\}?", lambda m: "er" if m.group(1) == "er" else "e", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def source_file(folder: Path, fichier: str) -> Path | None:
    """The source document of the référentiel in `folder`, if it is there."""
    path = folder / SOURCE_FOLDER / fichier
    return path if path.is_file() else None


def phrases(path: Path) -> list[Phrase]:
    """The sentences of the source worth looking for, with their line.

    Left out: lines shorter than LONGUEUR_MINIMALE (headings, labels), lines in capitals
    (titles, a logo's words), table rows (a table is checked by its cells' data), and the
    texts still « ‹ › » to replace of the model of `make nouveau`.
    """
    found = []
    text = path.read_text(encoding="utf-8")
    # A text to replace may run over several lines: its lines stay, emptied, to keep numbers.
    text = _A_REMPLACER.sub(lambda m: "\n" * m.group().count("\n"), text)
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _LIEN.sub(r"\1", raw).replace("**", "").replace("__", "")
        line = _DEBUT.sub("", line).strip()
        if len(line) < LONGUEUR_MINIMALE or line.isupper() or _TABLEAU.match(raw):
            continue
        for sentence in _FIN_DE_PHRASE.split(line):
            if len(normalise(sentence)) >= LONGUEUR_MINIMALE // 2:
                found.append(Phrase(number, sentence.strip()))
    return found


def corrections(folder: Path) -> Corrections:
    """The organisation's CORRECTIONS.md, read (an absent file changes nothing)."""
    path = folder / CORRECTIONS
    if not path.is_file():
        return Corrections()
    remplacements: list[tuple[str, str]] = []
    omissions: list[str] = []
    colonnes: tuple[int, int] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("|"):
            cells = [cell.strip().lower() for cell in stripped.strip("|").split("|")]
            extrait = next((i for i, c in enumerate(cells) if c in _COLONNE_EXTRAIT), None)
            if extrait is not None and "texte retenu" in cells:
                colonnes = (extrait, cells.index("texte retenu"))
            elif colonnes and max(colonnes) < len(cells):
                avant = _CITATION.findall(cells[colonnes[0]])
                apres = _CITATION.findall(cells[colonnes[1]])
                if len(avant) == len(apres):  # else a description, not one text for another
                    remplacements += [(normalise(a), normalise(b)) for a, b in zip(avant, apres, strict=True)
                                      if normalise(a)]
            continue
        colonnes = None
        item = re.match(r"^[-*]\s*«\s*(.+?)\s*»", stripped)
        if item and normalise(item.group(1)):
            omissions.append(normalise(item.group(1)))
    return Corrections(tuple(remplacements), tuple(omissions))


def absentes(sentences: list[Phrase], texte: str, corrige: Corrections) -> list[Phrase]:
    """The sentences not found in `texte` (normalised), once the corrections are made.

    A sentence is found when its first or its second half is there word for word: an
    unlisted local change (a typo fixed, a word of punctuation) is tolerated, a sentence
    left out is not.
    """
    haystack = f" {normalise(texte)} "
    missing = []
    for sentence in sentences:
        words = f" {normalise(sentence.texte)} "
        if any(f" {omis} " in words or words in f" {omis} " for omis in corrige.omissions):
            continue
        for avant, apres in corrige.remplacements:
            words = words.replace(f" {avant} ", f" {apres} ")
        words = words.split()
        halves = [" ".join(words[: len(words) // 2 + 1]), " ".join(words[len(words) // 2:])]
        # A half of a few short words (« de la ville ») would be found anywhere.
        wanted = [half for half in halves if len(half) > 12] or [" ".join(words)]
        if not any(f" {half} " in haystack for half in wanted):
            missing.append(sentence)
    return missing
