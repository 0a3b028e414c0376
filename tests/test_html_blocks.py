"""HTML blocks set aside before Markdown come back exactly as Markdown would have written them."""

from __future__ import annotations

import pytest
from markdown import Markdown
from mkdocs.structure.pages import _HTMLHandler
from mkdocs.utils.yaml import yaml_load

from macros.data.loader import load_referentiel
from macros.mkdocs.html_blocks import BlocsMisDeCote, keep, put_back
from macros.models.glossaire import entrees
from macros.site.page_macros import LienKit, build_macros
from macros.site.pages import MACROS_DE_SOUS_PAGE, present_pages, sous_pages

from .conftest import FIXTURES, ROOT

_CONFIG = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


# The blocks these tests set aside (a build has its own: Construction.memoire).
BLOCS = BlocsMisDeCote()


def _markdown() -> Markdown:
    """Python-Markdown with the extensions and settings of mkdocs.yml."""
    names, settings = [], {}
    for item in _CONFIG["markdown_extensions"]:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        names.append(name)
        settings[name] = options or {}
    return Markdown(extensions=names, extension_configs=settings)


def _both_ways(text: str) -> tuple[str, str]:
    """(Markdown's HTML of `text`, the HTML with its blocks set aside and put back)."""
    direct = _markdown().convert(text)
    kept, _ = put_back(_markdown().convert(keep(text, BLOCS)), BLOCS)
    return direct, kept


CASES = {
    "headings and blocks": ("## Titre {#titre}\n\n<p>Un.</p>\n<p>Deux.</p>\n\n"
                            "<div class=\"a\">\n<p>x</p>\n</div>\n"),
    "blank lines inside a block": ("<div>\n<p>a</p>\n\n<ul>\n<li>b</li>\n</ul>\n\n</div>\n\n"
                                   "## Suite {#suite}\n"),
    "several blank lines between blocks": "<p>a</p>\n\n\n<p>b</p>\n  \n<p>c</p>",
    "heading right after a block": "<div>\n<p>a</p>\n</div>\n## Titre\n<p>b</p>",
    "void tags and self-closing tags": ("<div><input type=\"checkbox\"><br>\n"
                                        "<img src=\"x.png\" alt=\"\"/>\n</div>\n"),
    "unclosed list item": "<ul>\n<li>un\n<li>deux\n</ul>\n\n<p>fin</p>",
    "inline tag at the start of a line": "<span>texte *emphase*</span>\n\n<a href=\"#x\">lien</a> suite\n",
    "text after the closing tag": "<p>a</p> et *ceci*\n\n<p>b</p>",
    "block left open": "<div>\n<p>a</p>\n\n## Pas un titre\n",
    "indented block": "  <p>indenté</p>\n\n    <p>code</p>\n",
    "horizontal rule": "<hr>\n<p>a</p>\n\n<hr/>\n",
    "script and comment": "<script>if (a < b) {}</script>\n\n<!-- note -->\n<p>a</p>\n",
    "text between blocks": "<p>a</p>\nTexte *libre*\n<p>b</p>\n",
    "entities": "<p>&lt;b&gt; &amp; &#39; &nbsp;</p>\n",
}


@pytest.mark.parametrize("text", CASES.values(), ids=CASES.keys())
def test_markdown_sees_no_difference(text):
    direct, kept = _both_ways(text)
    assert kept == direct


def test_blocks_are_really_set_aside():
    text = CASES["headings and blocks"]
    kept = keep(text, BLOCS)
    assert "<p>" not in kept and "<div" not in kept
    assert "## Titre {#titre}" in kept  # headings stay Markdown: table of contents, anchors
    assert put_back(_markdown().convert(kept), BLOCS)[0].count("<p>") == 3


def test_what_markdown_would_change_stays_in_the_markdown():
    for name in ("inline tag at the start of a line", "text after the closing tag", "block left open",
                 "indented block", "script and comment"):
        kept = keep(CASES[name], BLOCS)
        assert CASES[name].splitlines()[0] in kept, name
        put_back(kept, BLOCS)


def test_anchors_of_the_blocks_are_those_mkdocs_would_list():
    text = ('<div id="bloc">\n<a name="ancre" href="#x">a</a>\n<select name="pas-une-ancre" '
            'id="filtre"><option>1</option></select>\n<p data-id="non" id=\'cote&amp;\'>b</p>\n</div>\n')
    _, anchors = put_back(keep(text, BLOCS), BLOCS)
    parser = _HTMLHandler()
    parser.feed(text)
    parser.close()
    assert anchors == parser.present_anchor_ids == {"bloc", "ancre", "filtre", "cote&"}


def test_blocks_are_kept_until_put_back():
    blocs = BlocsMisDeCote()
    kept = keep("<p>a</p>\n", blocs)
    assert len(blocs.kept) == 1
    assert put_back(kept, blocs)[0] == "<p>a</p>\n"
    assert blocs.kept == {}


REFERENTIELS = [ROOT / "data" / "bethune", ROOT / "data" / "pas-de-calais",
                FIXTURES / "piege", FIXTURES / "mini", FIXTURES / "syndicat"]


@pytest.mark.parametrize("folder", REFERENTIELS, ids=lambda folder: folder.name)
def test_every_fragment_reads_the_same_after_markdown(folder):
    # The kit's figures are not what is compared here: no PDF is made.
    ref = load_referentiel(folder, ROOT)
    pages = present_pages(ref)
    # Macros that take an argument (the page's heading, one rubrique, those of docs/ pages), and
    # those that show a kind only a référentiel with it may call.
    calls = {"titre": [(page.path,) for page in pages], "rubrique": [(r.id,) for r in ref.rubriques],
             "instances": [()] if ref.has("gouvernance") else [],
             "action": [(entree.action.id,) for entree in ref.plan.entrees[:3]] if ref.has("plan") else [],
             "contacts": [(b.id,) for r in ref.rubriques for b in r.model.blocs
                          if b.type == "contacts" and b.id],
             "sigle": [(e.sigle,) for e in entrees(ref.sections.get("glossaire"),
                                                   ref.sections.get("gouvernance"))[:3]]}
    # A fiche's page: its title and its body, for a few of them.
    for name in MACROS_DE_SOUS_PAGE:
        calls[name] = [(sous.identifiant,) for sous in sous_pages(ref, pages)[:3]]
    for name, macro in build_macros(ref, pages, LienKit("kit.pdf", lambda: "PDF")).items():
        for args in calls.get(name, [()]):
            output = macro(*args)
            direct, kept = _both_ways(output)
            assert kept == direct, name
            if output.count("<p") > 3:
                assert len(keep(output, BLOCS)) < len(output) / 2, name  # most of it was set aside
