"""Text from data is shown literally: no HTML, Markdown, table or Jinja injection."""

from __future__ import annotations

import re

import pytest

from .conftest import FIXTURES, article_html, build_site, visible_text
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


ATTACKS = [
    "{{ config }}",
    "{{ config.site_name }}",
    "{{ environment }}",
    "{{ context() }}",
    "{{ macros_info() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ accueil.__globals__ }}",
    "{% include '/etc/passwd' %}",
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_pages_reach_only_socle_macros(attack):
    """Each attack, in the sandbox every page goes through: refused, page named."""
    from mkdocs.exceptions import PluginError

    from macros.mkdocs import sandbox

    with pytest.raises(PluginError) as refused:
        sandbox.render_page(f"# À propos\n\n{attack}\n", "a-propos.md", {"accueil": lambda: "accueil"})
    assert str(refused.value).startswith("a-propos.md")
    assert "root:x:0" not in str(refused.value) and "site_name" not in str(refused.value)


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


def test_a_page_edited_between_two_builds_is_compiled_anew():
    # Page templates' compiled code is kept between builds, keyed on the page's text.
    from macros.mkdocs import sandbox

    macros = {"accueil": lambda: "A"}
    assert sandbox.render_page("# T\n\n{{ accueil() }}\n", "essai-cache.md", macros) == "# T\n\nA"
    assert sandbox.render_page("# T\n\n{{ accueil() }}\n", "essai-cache.md", macros) == "# T\n\nA"
    assert sandbox.render_page("# U\n\n{{ accueil() }}{{ accueil() }}\n",
                               "essai-cache.md", macros) == "# U\n\nAA"
