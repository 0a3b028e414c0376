"""Text from data is shown literally: no HTML, Markdown, table or Jinja injection."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from .conftest import FIXTURES, SYNDICAT_TODAY, article_html, build_site, visible_text
from .helpers import pdfinfo, pdftotext


@pytest.fixture(scope="module")
def piege_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("piege")
    result = build_site(out, "piege", FIXTURES)
    assert result.returncode == 0, result.stderr
    return out


LITERALS = [
    "Plan <script>alert('titre')</script> | a | b",
    "Balise <script>alert(1)</script> et <img src=x onerror=alert(2)>",
    "Tableau | cellule | et **gras** et [lien] (https://exemple.invalid) et `code`",
    "Jinja {{ config.site_name }} et {% if true %}bloc{% endif %} et {# commentaire #}",
    "NO", "18:30", "2023-12-04", "# pas un titre",
    "Axe 1. Axe *étoilé* {#ancre-pirate} <b>gras</b>",
    "_souligné_ & « guillemets »",
    "Objectif 1.1 : Objectif | avec | barres ## et dièses",
    "Action <a href='javascript:alert(3)'>clic</a> | x",
    'Typst #set page(paper: "a6") #link("https://exemple.invalid")[lien] *gras* $x^2$ <etiquette> @etiquette',
    'Fin de chaîne \\" ; #pagebreak() #"',
    "Barre oblique finale \\",
]


@pytest.mark.parametrize("literal", LITERALS)
def test_data_text_appears_literally(piege_site, literal):
    assert literal in visible_text(article_html(piege_site, "plan"))


def test_no_markup_is_injected(piege_site):
    page = article_html(piege_site, "plan")
    for injected in ["<script>alert", "<img src=x", "<b>gras", "<strong>gras", "<em>étoilé",
                     'href="javascript:', 'id="ancre-pirate"', "<code>code"]:
        assert injected not in page, injected
    assert 'id="axe-1"' in page and 'id="objectif-1-1"' in page


def test_kit_shows_data_literally(piege_site):
    # The same texts, in the PDF: Typst received them as strings, never as markup or code.
    pdf = piege_site / "kit-accueil.pdf"
    text = pdftotext(pdf, raw=True)
    def flat(value: str) -> str:
        # French typography puts a narrow no-break space before ; : ! ? », which the
        # extraction may drop: compare without any space there.
        value = " ".join(value.replace("\u2060", "").split())
        return re.sub(r"«\s+", "«", re.sub(r"\s+([;:!?»])", r"\1", value))

    for literal in LITERALS:
        assert flat(literal) in flat(text), literal
    data = pdf.read_bytes()
    assert b"exemple.invalid" not in data.split(b"stream")[0]  # no link annotation
    assert b"/URI" not in data
    assert "595.276 x 841.89" in pdfinfo(pdf)["Page size"]  # still A4: `#set page(paper: "a6")` stayed text


# What mkdocs-macros' unsandboxed environment would give a template: configuration, environment,
# its helpers, Python's attribute walk, files.
ATTACKS = [
    "{{ config }}",
    "{{ config.site_name }}",
    "{{ environment }}",
    "{{ context() }}",
    "{{ macros_info() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ accueil.__globals__ }}",
    "{% include '/etc/passwd' %}",
    "{{ 7 * 191 }}",
]
# The rubrique's title: in the navigation of every page, and mkdocs-macros renders a title
# holding Jinja's marks (1337, and the site's name, without Socle holding it aside).
ATTACK_TITLE = "Attaque {{ 7 * 191 }} {{ config.site_name }}"


@pytest.fixture(scope="module")
def attaques_site(tmp_path_factory):
    """The syndicat with a rubrique whose title and every paragraph is an attack on mkdocs-macros."""
    root = tmp_path_factory.mktemp("attaques")
    data = root / "data"
    shutil.copytree(FIXTURES / "syndicat", data / "syndicat")
    # As code (`…`): the blocks' inline syntax would read `__class__` as bold.
    blocs = "".join(f"  - type: paragraphe\n    texte: {json.dumps('`' + attack + '`')}\n"
                    for attack in ATTACKS)
    (data / "syndicat" / "rubriques" / "attaques.yml").write_text(
        f"titre: {json.dumps(ATTACK_TITLE)}\nblocs:\n{blocs}", encoding="utf-8")
    out = root / "site"
    result = build_site(out, "syndicat", data, today=SYNDICAT_TODAY)
    assert result.returncode == 0, result.stderr
    return out


def test_attacks_in_the_data_reach_no_template(attaques_site):
    """mkdocs-macros renders Socle's pages, never a text of the data: each attack shows as typed."""
    page = (attaques_site / "attaques" / "index.html").read_text(encoding="utf-8")
    article = visible_text(article_html(attaques_site, "attaques"))
    for attack in ATTACKS:
        assert attack in article, attack
    assert "root:x:0" not in page
    # The title, which mkdocs-macros renders when it holds Jinja's marks, is held aside: as
    # typed in the heading, the window's title and the navigation of every page.
    for shown in (page, (attaques_site / "index.html").read_text(encoding="utf-8")):
        assert "1337" not in shown
        assert visible_text(shown).count(ATTACK_TITLE) >= 2


PAGE_TITLE = "Plan {{ config.site_name }} {% raw %} <b>gras</b> | a |"


def test_a_page_title_from_the_data_is_shown_literally(piege_site):
    """Pages are made from the registry; the organisation's title reaches them only as text."""
    page = (piege_site / "plan" / "index.html").read_text(encoding="utf-8")
    heading = page[page.index("<h1"):page.index("</h1>")]
    assert visible_text(heading).removesuffix("¶").strip() == PAGE_TITLE
    assert "<b>gras" not in page and "alert(4)</script>" not in page
    home = visible_text(article_html(piege_site, ""))
    assert PAGE_TITLE in home and "Résumé {{ 7 * 7 }} <script>alert(4)</script>" in home
    assert "Plan Commune d'Essai" not in home and "Résumé 49" not in home
    assert PAGE_TITLE in pdftotext(piege_site / "kit-accueil.pdf", raw=True)


@pytest.mark.parametrize(("fiche", "literals"), [
    ("action-1", ["Action <a href='javascript:alert(3)'>clic</a> | x",
                  "Axe 1. Axe *étoilé* {#ancre-pirate} <b>gras</b>"]),
    ("action-2", ['Fin de chaîne \\" ; #pagebreak() #"', "Barre oblique finale \\",
                  "Objectif 1.1 : Objectif | avec | barres ## et dièses"]),
])
def test_a_fiche_page_shows_its_data_literally(piege_site, fiche, literals):
    """A fiche's page is made from its model by the plugin, not by a template: text as typed."""
    page = article_html(piege_site, f"fiches-actions/{fiche}")
    for literal in literals:
        assert literal in visible_text(page), literal
    for injected in ["href='javascript:", 'href="javascript:', "<b>gras", 'id="ancre-pirate"',
                     "<strong>gras"]:
        assert injected not in page, injected
