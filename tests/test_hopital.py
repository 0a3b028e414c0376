"""A fourth organisation, of another genre than the syndicat: a fictional public hospital.

tests/fixtures/hopital/ is a welcome booklet for new staff of the « Centre hospitalier de
Val-Morin » (nature établissement de santé), written for the tests with its source text:
first days and an integration calendar, a four-level organisation chart, numbered articles
of the règlement intérieur, working-time regimes, an urgent procedure with its steps and the
form to download, rights and obligations, instances, a projet d'établissement with
orientations A and B, useful numbers with extensions, acronyms, a logo. No Python was written
for it; what it had to bend is in its CORRECTIONS.md.
"""

from __future__ import annotations

import re

from .conftest import FIXTURES, article_html, site_text, visible_text
from .helpers import mots_etrangers, normalise, pdftotext, textes_des_donnees

# Words of other organisations (Béthune, Pas-de-Calais, the syndicat) and of other kinds of
# body, unaccented as `normalise` writes them; « agents » too: the hospital says
# « professionnels » (organisation.agents), and « agent public » only in its own texts.
MOTS_ETRANGERS = re.compile(
    r"\b(bethune\w*|calais|essai|syndica\w*|intercommuna\w*|collectivites?|communes?|communa\w*|"
    r"municipa\w*|mairies?|maires?|elu|elus|elue|elues|departement\w*|territoria\w*|"
    r"villes?|metropoles?|agglomerations?|regions?|regiona\w*|ccas|cias|managers?|manageria\w*|agents?)\b")


def _mots(texte: str) -> list[str]:
    return mots_etrangers(texte, textes_des_donnees(FIXTURES / "hopital"), MOTS_ETRANGERS)


def test_no_page_of_the_hospital_uses_a_word_of_another_body(hopital_site):
    text = site_text(hopital_site)
    assert "Centre hospitalier de Val-Morin" in text
    assert _mots(text) == []


def test_the_hospital_kit_uses_no_word_of_another_body(hopital_site):
    text = pdftotext(hopital_site / "kit-accueil.pdf")
    assert "Livret d'accueil des nouveaux professionnels" in text
    assert _mots(text) == []


def test_the_words_check_would_see_a_word_of_another_body():
    found = _mots("Bienvenue aux agents de la collectivité et aux élus du conseil municipal.")
    assert len(found) == 4 and all(word in " ".join(found) for word in ("agents", "collectivite", "elus",
                                                                         "municipal"))
    assert _mots("Les cadres de santé du Centre hospitalier de Val-Morin.") == []


def test_the_home_page_names_the_establishment_and_its_cadres(hopital_site):
    home = visible_text(article_html(hopital_site, ""))
    assert ("s'adresse aux nouveaux professionnels qui découvrent l'établissement et aux cadres de "
            "santé") in home
    header = (hopital_site / "index.html").read_text(encoding="utf-8")
    assert '<img src="fichiers/logo.svg" alt="">' in header
    assert '<link rel="icon" href="fichiers/logo.svg">' in header


def test_the_urgent_procedure_stands_out_with_its_steps_and_its_form(hopital_site):
    page = article_html(hopital_site, "securite")
    box = page[page.index('class="admonition danger socle-urgence"'):]
    box = box[:box.index("</div>")]
    assert '<p class="admonition-title">Urgence</p>' in box
    assert box.count("<li>") == 4 and "Appelez le médecin des urgences au poste 4444" in box
    download = visible_text(page[page.index('href="../fichiers/declaration-aes.pdf"') - 3:])
    assert download.startswith("Déclaration d'accident d'exposition au sang (PDF, 14 Ko)"), download
    assert (hopital_site / "fichiers" / "declaration-aes.pdf").read_bytes()[:5] == b"%PDF-"


def test_the_organisation_chart_keeps_its_four_levels(hopital_site):
    page = article_html(hopital_site, "gouvernance")
    assert "La direction générale anime les directions fonctionnelles et les pôles cliniques." in page
    chart = page[page.index('<ul role="list" class="socle-organigramme">'):]
    # Each level is a list inside its unit's item: direction, direction, pôle, service.
    levels = re.sub(r"<(/?)(ul|li)\b[^>]*>", r" \1\2 ", re.sub(r"</?span[^>]*>", "", chart))
    assert ("ul li Direction générale ul li Direction des soins ul li Pôle médecine ul li Médecine "
            "polyvalente /li li Gériatrie /li /ul") in " ".join(levels.split())


def test_articles_keep_their_numbers_and_extensions_are_not_dialled(hopital_site):
    page = article_html(hopital_site, "reglement-interieur")
    for number in (1, 2, 3):
        assert f'<h2 id="article-{number}">Article {number} — ' in page
    numbers = article_html(hopital_site, "numeros-utiles")
    assert '<a href="tel:0399001000">03 99 00 10 00</a> poste 214' in numbers
    assert "Téléphone : poste 4444" in visible_text(numbers) and 'href="tel:4444"' not in numbers


def test_the_projet_d_etablissement_says_orientations_letters_and_months(hopital_site):
    page = visible_text(article_html(hopital_site, "plan"))
    assert "Le projet d'établissement 2026-2030" in page and "2 orientations, 4 actions" in page
    assert "Orientation A. Mieux accueillir les patients" in page
    assert "Orientation B. Prendre soin des professionnels" in page
    # Échéances as the document writes them, a month or a year, the nearest first.
    upcoming = page[page.index("Échéances à venir"):page.index("Le plan dans un tableur")]
    assert re.findall(r"((?:janvier|mars|juin|décembre) \d{4}|\d{4}) — Échéance : ([AB]\d)", upcoming) == [
        ("mars 2027", "B1"), ("juin 2027", "A1"), ("2028", "A2"), ("2029", "B2")]
    fiches = visible_text(article_html(hopital_site, "fiches-actions/a1"))
    assert "Temps d'attente moyen aux urgences — cible : −30 % par rapport à 2025" in fiches


def test_the_plan_never_says_axe_where_the_hospital_says_orientation(hopital_site):
    """Its levels' words follow its data: « orientation », and no objectif it does not have."""
    pages = [site_text(hopital_site), pdftotext(hopital_site / "kit-accueil.pdf")]
    for text in pages:
        words = normalise(text).split()
        found = [" ".join(words[max(i - 4, 0):i + 4]) for i, word in enumerate(words)
                 if word in ("axe", "axes", "objectif", "objectifs")]
        assert found == []
    assert "orientation par orientation" in pages[0] or "chaque orientation" in pages[0]
