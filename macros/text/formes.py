"""The other spellings a French reader may type for a word: without accents, singular or plural.

Material's search (lunr) finds a word when what is typed is its beginning (« conge » finds
« congeable », never « congés »): it neither folds accents nor knows French plurals. The
search index therefore carries, beside each section's text, the other forms of its words
(macros/mkdocs/search_index.py), and what is typed, in any of these forms, is the
beginning of one of them: « greve » of « greve » (grève), « agents » of « agents » (agent),
« municipaux » of « municipaux » (municipal), « bienveillant » of « bienveillant »
(bienveillance).
"""

from __future__ import annotations

import re
import unicodedata

# Accents once the text is decomposed (NFKD): the combining diacritical marks' blocks.
_ACCENTS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})
# Shorter words keep their only form: « bus », « os », « as » are not plurals.
_LONGUEUR_PLURIEL = 4


def plier(mot: str) -> str:
    """Lowercase, without accents or ligatures: « Grève » → « greve », « Cœur » → « coeur »."""
    mot = unicodedata.normalize("NFKD", mot.lower().translate(_LIGATURES))
    return mot if mot.isascii() else _ACCENTS.sub("", mot)


def _nombres(mot: str) -> set[str]:
    """The word in the singular and in the plural (regular French forms only)."""
    if len(mot) < _LONGUEUR_PLURIEL or not mot.isalpha():
        return {mot}
    if mot.endswith("aux"):
        return {mot, mot[:-3] + "al"}             # municipaux → municipal
    if mot.endswith(("s", "x")):
        return {mot, mot[:-1]}                    # agents → agent, jeux → jeu
    if mot.endswith("al"):
        return {mot, mot[:-2] + "aux", mot + "s"}  # local → locaux, festival → festivals
    if mot.endswith(("au", "eu")):
        return {mot, mot + "x"}                   # niveau → niveaux
    return {mot, mot + "s"}                       # congé → congés


def _adjectif(mot: str) -> set[str]:
    """The adjective of a noun in -ance or -ence: « bienveillance » → « bienveillant »."""
    if len(mot) >= 7 and mot.endswith(("ance", "ence")):
        return {mot[:-2] + "t"}
    return set()


def autres_formes(mot: str) -> set[str]:
    """Forms of `mot` (any case) that a search for it may be typed as, `mot` itself left out."""
    mot = mot.lower()
    formes = set()
    for forme in {mot, plier(mot)}:
        formes |= _nombres(forme)
        for adjectif in _adjectif(forme):
            formes |= _nombres(adjectif)
    formes.discard(mot)
    return formes
