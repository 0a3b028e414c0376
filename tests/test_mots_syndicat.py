"""Words follow the data: the syndicat's site and kit say nothing of a commune, its élus or
its managers, unless the syndicat's own texts say it.

Socle's generic text (page templates, kit, registry) is written once for every kind of body;
a word of one kind (« la collectivité », « aux managers », « le conseil municipal ») used as if
true of any organisation shows up here. An occurrence is the syndicat's own when the word
and a neighbour come from its data (« une autre commune », « les communes membres »).
"""

from __future__ import annotations

import re

from .conftest import FIXTURES, site_text
from .helpers import mots_etrangers, normalise, pdftotext, textes_des_donnees

# Words of one kind of body, unaccented as `normalise` writes them.
MOTS_ETRANGERS = re.compile(
    r"\b(collectivites?|communes?|municipa\w*|mairies?|maires?|elu|elus|elue|elues|"
    r"departement\w*|territoria\w*|managers?|manageria\w*|villes?|chartes?|hopita\w*|"
    r"hospitali\w*|ccas|cias|metropoles?|agglomerations?|gestion)\b")


def _textes_du_syndicat() -> str:
    return textes_des_donnees(FIXTURES / "syndicat")


def _mots_etrangers(texte: str, donnees: str) -> list[str]:
    return mots_etrangers(texte, donnees, MOTS_ETRANGERS)


def test_no_page_of_the_syndicat_uses_a_word_of_another_kind_of_body(syndicat_site):
    assert not _mots_etrangers(site_text(syndicat_site), _textes_du_syndicat())


def test_the_syndicat_kit_uses_no_word_of_another_kind_of_body(syndicat_site):
    assert not _mots_etrangers(pdftotext(syndicat_site / "kit-accueil.pdf"), _textes_du_syndicat())


def test_the_check_sees_a_generic_word_and_lets_the_data_say_its_own():
    donnees = normalise("Les usagers et les communes membres savent ce que le syndicat fait.")
    assert _mots_etrangers("Les communes membres", donnees) == []
    assert _mots_etrangers("Bienvenue aux managers de la commune.", donnees) == [
        "bienvenue aux managers de la commune", "aux managers de la commune"]
