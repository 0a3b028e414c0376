"""Words follow the data: the syndicat's site and kit say nothing of a commune, its élus or
its managers, unless the syndicat's own texts say it.

Socle's generic text (page templates, kit, registry) is written once for every kind of body;
a word of one kind (« la collectivité », « aux managers », « le conseil municipal ») used as if
true of any organisation shows up here. An occurrence is the syndicat's own when the word
and a neighbour come from its data (« une autre commune », « les communes membres »).
"""

from __future__ import annotations

import re

from macros.data.loader import load_referentiel

from .conftest import FIXTURES, site_text
from .helpers import data_texts, normalise, pdftotext

# Words of one kind of body, unaccented as `normalise` writes them.
MOTS_ETRANGERS = re.compile(
    r"\b(collectivites?|communes?|municipa\w*|mairies?|maires?|elu|elus|elue|elues|"
    r"departement\w*|territoria\w*|managers?|manageria\w*|villes?|chartes?|hopita\w*|"
    r"hospitali\w*|ccas|cias|metropoles?|agglomerations?|gestion)\b")


def _textes_du_syndicat() -> str:
    loaded = load_referentiel(FIXTURES / "syndicat", FIXTURES)
    textes = [t for model in loaded.sections.values() for t in data_texts(model)]
    textes += [t for rubrique in loaded.rubriques for t in data_texts(rubrique.model)]
    return "\n".join(normalise(t) for t in textes)


def _mots_etrangers(texte: str, donnees: str) -> list[str]:
    """Each foreign word of `texte` that no text of the data says with the same neighbour."""
    mots = normalise(texte).split()
    trouves = []
    for rang, mot in enumerate(mots):
        # « charte.yml » is a file's name (« Modifier cette page »), not a word of the text.
        if not MOTS_ETRANGERS.fullmatch(mot) or mots[rang + 1:rang + 2] == ["yml"]:
            continue
        voisins = [" ".join(mots[rang - 1:rang + 1]) if rang else "", " ".join(mots[rang:rang + 2])]
        if not any(len(v.split()) == 2 and re.search(rf"\b{re.escape(v)}\b", donnees) for v in voisins):
            trouves.append(" ".join(mots[max(rang - 4, 0):rang + 5]))
    return trouves


def test_no_page_of_the_syndicat_uses_a_word_of_another_kind_of_body(syndicat_site):
    assert not _mots_etrangers(site_text(syndicat_site), _textes_du_syndicat())


def test_the_syndicat_kit_uses_no_word_of_another_kind_of_body(syndicat_site):
    assert not _mots_etrangers(pdftotext(syndicat_site / "kit-accueil.pdf"), _textes_du_syndicat())


def test_the_check_sees_a_generic_word_and_lets_the_data_say_its_own():
    donnees = normalise("Les usagers et les communes membres savent ce que le syndicat fait.")
    assert _mots_etrangers("Les communes membres", donnees) == []
    assert _mots_etrangers("Bienvenue aux managers de la commune.", donnees) == [
        "bienvenue aux managers de la commune", "aux managers de la commune"]
