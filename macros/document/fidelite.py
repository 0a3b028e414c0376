"""The share of the document's sentences found on the built draft.

A sentence is looked for in the visible text of the pages' articles (navigation, search and
scripts left out), both sides lowered, stripped of accents and punctuation, as the fidelity
tests of the real référentiels do.
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

_PHRASE = re.compile(r"(?<=[.!?…;])\s+(?=[«A-ZÀÂÉÈÊÎÔÛÇ0-9])")


def normaliser(texte: str) -> str:
    texte = unicodedata.normalize("NFKD", texte.lower())
    texte = "".join(c for c in texte if not unicodedata.combining(c)).replace("’", "'")
    return re.sub(r"[^a-z0-9]+", " ", texte).strip()


def phrases(lignes: list[str]) -> list[str]:
    """The document's sentences of three words or more, in order, once each."""
    vues: dict[str, None] = {}
    for ligne in lignes:
        for phrase in _PHRASE.split(ligne):
            if len(normaliser(phrase).split()) >= 3:
                vues.setdefault(phrase.strip(), None)
    return list(vues)


class _Article(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.profondeur = 0  # inside <article>
        self.cache = 0  # inside <script>, <style>
        self.morceaux: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.profondeur += 1
        elif tag in ("script", "style", "template"):
            self.cache += 1

    def handle_endtag(self, tag):
        if tag == "article":
            self.profondeur = max(0, self.profondeur - 1)
        elif tag in ("script", "style", "template"):
            self.cache = max(0, self.cache - 1)

    def handle_data(self, data):
        if self.profondeur and not self.cache:
            self.morceaux.append(data)


def texte_du_site(site: Path) -> str:
    """The visible text of every page's article."""
    parts = []
    for page in sorted(site.rglob("index.html")):
        if "search" in page.relative_to(site).parts:
            continue
        lecteur = _Article()
        lecteur.feed(page.read_text(encoding="utf-8"))
        parts.append(" ".join(lecteur.morceaux))
    return "\n".join(parts)


def absentes(
    lignes: list[str], site: Path, equivalents: dict[str, str] | None = None
) -> tuple[int, list[str]]:
    """(number of sentences, those not found on the site) ; a line of `equivalents` counts as
    found when the site writes it as the import rewrote it (a date as a day, an action's number)."""
    equivalents = equivalents or {}
    toutes = phrases(lignes)
    texte = " " + normaliser(texte_du_site(site)) + " "

    def trouvee(phrase: str) -> bool:
        return any(f" {normaliser(forme)} " in texte for forme in (phrase, equivalents.get(phrase, phrase)))

    return len(toutes), [p for p in toutes if not trouvee(p)]
