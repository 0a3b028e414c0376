"""A third organisation unlike Béthune, with zero Python written for it: a fictional syndicat.

tests/fixtures/syndicat/: values, rubriques in YAML and Markdown (a table, contacts, steps, a
FAQ, an encadré, definitions) and a plan of its own shape (axes holding actions, its own
statuses, pilotes, échéances, indicators), built for real, site and kit.
"""

from __future__ import annotations

import json
import re

import pytest

from .conftest import FIXTURES, article_html, visible_text
from .helpers import pdftotext


def _nav(site) -> list[str]:
    home = (site / "index.html").read_text(encoding="utf-8")
    primary = home[home.index('md-nav--primary'):]
    return [visible_text(label) for label in re.findall(
        r'<a href="[^"]*" class="md-nav__link[^"]*">(.*?)</a>', primary, re.S)]


def test_its_pages_follow_its_own_order_and_titles(syndicat_site):
    nav = _nav(syndicat_site)
    for title in ("Accueil", "Mes premiers jours", "Contacts utiles", "Nos valeurs", "Le télétravail",
                  "Notre plan d'actions", "À propos"):
        assert title in nav, title
    assert nav.index("Contacts utiles") < nav.index("Nos valeurs") < nav.index("Le télétravail")
    assert nav.index("Le télétravail") < nav.index("Notre plan d'actions") < nav.index("À propos")
    # A page it asked to leave out: no page, no link, no kit chapter.
    assert "Engagements par rôle" not in nav
    assert not (syndicat_site / "engagements-par-role").exists()
    # The syndicat calls itself so: no « collectivité » in what the engine writes for it.
    home = visible_text(article_html(syndicat_site, ""))
    assert "découvrent le syndicat" in home and "collectivité" not in home


def test_a_markdown_rubrique_gives_a_real_table_steps_an_encadre_and_a_faq(syndicat_site):
    page = article_html(syndicat_site, "teletravail")
    table = page[page.index("<table"):page.index("</table>")]
    assert table.count('<th scope="col">') == 3 and "Agent d'exploitation (astreinte)" in visible_text(table)
    assert ("<ol" in page and "Signer l&#39;avenant" in page) or "Signer l'avenant" in page
    assert 'class="admonition warning"' in page
    assert "<dl" in page and "Puis-je télétravailler depuis une autre commune ?" in visible_text(page)
    assert '<strong>accord écrit</strong>' in page
    assert 'href="https://exemple.invalid/deliberation"' in page
    assert 'id="combien-de-jours"' in page
    # Three levels of list, the third numbered, and a step with its list.
    assert "<li>du siège<ol>\n<li>service des ressources humaines</li>" in page
    assert ('<li>Remplir le <a href="../fichiers/demande-teletravail.pdf" type="application/pdf">'
            'formulaire de demande</a> <span class="socle-fichier">(PDF, 15\u00a0Ko)</span> avec son '
            'responsable\u202f:<ul>' in page)
    # A règlement's articles: their number is their anchor.
    assert 'id="article-1"' in page and 'id="article-2"' in page


def test_contacts_are_links_a_person_can_follow(syndicat_site):
    page = article_html(syndicat_site, "contacts")
    assert 'href="mailto:rh@exemple.invalid"' in page
    assert 'href="tel:' in page
    # An extension is said beside the number it is reached through; alone, it has no link.
    assert '<a href="tel:0300000001">03 00 00 00 01</a> poste 214' in page
    assert "<p>Téléphone : poste 4444</p>" in page
    assert "Joignable jour et nuit, week-ends compris." in visible_text(page)


def test_an_urgent_procedure_is_framed_and_labelled_with_its_steps_inside(syndicat_site):
    page = article_html(syndicat_site, "contacts")
    box = page[page.index('<div class="admonition danger socle-urgence">'):]
    box = box[:box.index("</div>")]
    assert '<p class="admonition-title">Urgence</p>' in box
    assert "<ol" in box and "<li>de jour comme de nuit, au 06 00 00 00 02</li>" in box
    assert "Notez l&#39;heure et l&#39;adresse exacte." in box


def test_rubriques_marked_as_steps_are_in_the_arrival_path(syndicat_site):
    path = visible_text(article_html(syndicat_site, "mes-premiers-jours"))
    assert "Contacts utiles" in path and "Le télétravail" in path
    # The plan is a step; its fiches, a reference to look things up in, are not.
    assert "Notre plan d'actions" in path and "Fiches actions" not in path


def test_the_kit_holds_its_rubriques_tables_and_faq(syndicat_site):
    text = " ".join(pdftotext(syndicat_site / "kit-accueil.pdf", raw=True).split())
    for expected in ("Le télétravail", "Agent d'exploitation (astreinte)", "Le matériel est-il fourni ?",
                     "Contacts utiles", "rh@exemple.invalid", "Publier la qualité de l'eau chaque mois",
                     "Nos valeurs", "La continuité du service", "service des finances",
                     "Urgence", "Ne manœuvrez aucune vanne sans y être habilité."):
        assert expected in text, expected


def test_search_finds_the_blocks_by_their_anchor(syndicat_site):
    index = json.loads((syndicat_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert "teletravail/#combien-de-jours" in locations and "teletravail/#article-2" in locations
    assert any("Le syndicat fournit un ordinateur portable" in doc["text"] for doc in index["docs"])


def test_nothing_of_another_organisation_shows(syndicat_site):
    for path in syndicat_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "Béthune" not in text and "Pas-de-Calais" not in text, path
    assert "Béthune" not in (syndicat_site / "search" / "search_index.json").read_text(encoding="utf-8")
    kit = pdftotext(syndicat_site / "kit-accueil.pdf", raw=True)
    assert "Béthune" not in kit and "Pas-de-Calais" not in kit


def test_bad_rubriques_are_each_named_with_their_line(tmp_path):
    """Every mistake of an HR officer's own pages, at once, located, in French."""
    import shutil

    from macros.data.errors import DataErrors
    from macros.data.loader import load_referentiel

    folder = tmp_path / "s"
    shutil.copytree(FIXTURES / "syndicat", folder)
    (folder / "rubriques" / "mauvais.yml").write_text(
        "titre: Mauvais\nblocs:\n  - type: tablo\n    texte: x\n  - type: tableau\n    colonnes: [A, B]\n"
        "    lignes:\n      - [1, 2]\n      - [3]\n  - type: contacts\n    items:\n      - role: Quelqu'un\n"
        "        courriel: pas-une-adresse\n", encoding="utf-8")
    (folder / "rubriques" / "html.md").write_text("---\ntitre: HTML\n---\n\nDu texte <b>gras</b>.\n",
                                                  encoding="utf-8")
    (folder / "rubriques" / "Mon Fichier.md").write_text("# Titre\n\nTexte.\n", encoding="utf-8")
    (folder / "rubriques" / "plan.md").write_text("# Titre\n\nTexte.\n", encoding="utf-8")
    # What the richer blocks refuse: a fifth level, an extension with a letter, an unknown level.
    (folder / "rubriques" / "profond.yml").write_text(
        "titre: Profond\nblocs:\n  - type: liste\n    items:\n      - texte: 1\n        items:\n"
        "          - texte: 2\n            items:\n              - texte: 3\n                items:\n"
        "                  - texte: 4\n                    items: [5]\n  - type: contacts\n    items:\n"
        "      - role: Accueil\n        service: Accueil\n        telephone: poste 12a\n"
        "  - type: encadre\n    niveau: urgent\n    texte: [Vite]\n", encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_referentiel(folder, tmp_path)
    report = caught.value.report()
    for expected in ("s/rubriques/mauvais.yml:3:5: le type de bloc « tablo » n'existe pas",
                     "s/rubriques/mauvais.yml:9:9: la ligne 2 du tableau a 1 cellule au lieu de 2",
                     "s/rubriques/mauvais.yml:13:9: « pas-une-adresse » n'est pas une adresse électronique",
                     "s/rubriques/html.md:5: le HTML n'est pas accepté dans une rubrique",
                     "s/rubriques/Mon Fichier.md: « Mon Fichier » ne peut pas servir d'adresse de page",
                     "s/rubriques/plan.md: l'adresse « plan » est déjà prise",
                     "s/rubriques/profond.yml:12:21: une liste ne peut pas avoir plus de 4 niveaux",
                     "s/rubriques/profond.yml:17:9: « poste 12a » n'est pas un numéro de téléphone",
                     "s/rubriques/profond.yml:19:5: la valeur « urgent » n'est pas permise pour « niveau » ; "
                     "valeurs possibles : information, attention ou urgence."):
        assert expected in report, expected
