"""The glossary: only what the source says, shown as a page, as tooltips and in search."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest
from pydantic import ValidationError

from macros.data.loader import load_referentiel
from macros.mkdocs.abreviations import ajouter_abreviations
from macros.mkdocs.search_index import _fold as folded_phrase
from macros.mkdocs.search_index import synonymes
from macros.models.glossaire import Entree, Glossaire, entrees

from .conftest import ROOT, article_html, source_document, visible_text

DGS = Entree(sigle="DGS", developpe="Directeur Général des Services")
COMEX = Entree(sigle="COMEX", developpe="Comité exécutif", variantes=("ComEx",))
ELARGI = Entree(sigle="COMEX ELARGI", developpe="Comité exécutif élargi")
PIEGE = Entree(sigle="XY'Z", developpe='« Guillemets " & <balises> »')
GLOSSAIRE = (DGS, COMEX, ELARGI, PIEGE, Entree(sigle="DGA"))


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"\s+", " ", "".join(c for c in text if not unicodedata.combining(c)))


@pytest.fixture(scope="module")
def bethune():
    return load_referentiel(ROOT / "data" / "bethune", ROOT)


def test_every_expansion_and_acronym_is_in_the_source(bethune):
    """Nothing invented: each acronym and each expansion is written in the source document."""
    source = source_document("bethune").read_text(encoding="utf-8")
    for terme in bethune.glossaire.termes:
        for graphie in (terme.sigle, *terme.variantes):
            assert graphie in source, graphie
        if terme.developpe:
            assert _fold(terme.developpe) in _fold(source), terme.developpe


def test_instances_sigles_join_the_glossary_with_their_spellings(bethune):
    lignes = {e.sigle: e for e in entrees(bethune.glossaire, bethune.gouvernance)}
    assert lignes["COPIL"].developpe == "Comité de pilotage"
    assert lignes["COPIL"].ancre == "gouvernance/#copil"
    assert lignes["COMEX"].variantes == ("ComEx",)
    assert lignes["COMEX"].developpe == "Comité exécutif"
    assert lignes["DGA"].developpe is None
    assert list(lignes) == sorted(lignes, key=str.casefold)


def test_a_sigle_written_twice_is_refused():
    with pytest.raises(ValidationError, match="deux fois"):
        Glossaire.model_validate({"termes": [{"sigle": "DGS"}, {"sigle": "X", "variantes": ["DGS"]}]})


def test_tooltips_in_running_text_only():
    html = ('<h2 id="dgs">Le DGS<a class="headerlink" href="#dgs">¶</a></h2>'
            '<p>Le DGS et le ComEx, pas DGSA ni ADGS ; <a href="#">DGS</a> <code>DGS</code> '
            '<abbr title="déjà">DGS</abbr> COMEX ELARGI, DGA.</p>')
    out = ajouter_abreviations(html, GLOSSAIRE)
    assert out.startswith('<h2 id="dgs">Le DGS<a class="headerlink" href="#dgs">¶</a></h2>')
    assert '<p>Le <abbr title="Directeur Général des Services">DGS</abbr> et le ' in out
    assert '<abbr title="Comité exécutif">ComEx</abbr>' in out
    assert "DGSA ni ADGS" in out
    assert '<a href="#">DGS</a> <code>DGS</code> <abbr title="déjà">DGS</abbr>' in out
    assert '<abbr title="Comité exécutif élargi">COMEX ELARGI</abbr>' in out
    assert "DGA.</p>" in out   # no expansion in the source: no tooltip


def test_tooltip_text_is_escaped_and_apostrophes_match_entities():
    out = ajouter_abreviations("<p>Voir XY&#39;Z.</p>", GLOSSAIRE)
    assert out == ('<p>Voir <abbr title="« Guillemets &quot; &amp; &lt;balises&gt; »">'
                   "XY&#39;Z</abbr>.</p>")


def test_untitled_abbr_of_a_fragment_gets_its_title():
    out = ajouter_abreviations('<td><abbr class="socle-sigle">(COMEX)</abbr></td>', GLOSSAIRE)
    assert out == '<td><abbr class="socle-sigle" title="Comité exécutif">(COMEX)</abbr></td>'


def test_search_synonyms_go_both_ways():
    assert synonymes("Composition : DGS et DGA", list(GLOSSAIRE)) == ["Directeur Général des Services"]
    assert synonymes("à l'initiative du directeur general des services", list(GLOSSAIRE)) == ["DGS"]
    assert synonymes("Le DGS (Directeur Général des Services)", list(GLOSSAIRE)) == []


def test_built_site_has_glossary_page_tooltips_and_index_field(bethune_site):
    page = visible_text(article_html(bethune_site, "glossaire"))
    assert "DGS Directeur Général des Services" in page
    assert "COPIL Comité de pilotage — voir l'instance" in page
    assert "DGA Sens non précisé dans le document." in page
    gouvernance = article_html(bethune_site, "gouvernance")
    assert '<abbr title="Directeur Général des Services">DGS</abbr>' in gouvernance
    assert not re.search(r"<h[1-6][^>]*>[^<]*<abbr", gouvernance)
    index = json.loads((bethune_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["fields"]["glossaire"] == {"boost": 1}   # declared in mkdocs.yml
    smart_team = next(d for d in index["docs"] if d["location"] == "smart-city/#smart-team")
    assert "Directeur Général des Services" in smart_team["text"]
    assert "DGS" not in smart_team.get("glossaire", "")   # the section already says DGS
    codir = next(d for d in index["docs"] if d["location"] == "gouvernance/#instances-administratives")
    assert "Directeur Général des Services" in codir["glossaire"]


def test_a_referentiel_without_glossary_has_no_page(pdc_site):
    assert not (pdc_site / "glossaire").exists()
    index = json.loads((pdc_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if "glossaire" in doc]


@pytest.mark.parametrize(("text", "folded"), [
    ("Directeur Général des Services", " directeur general des services "),
    ("l’agent, d'accueil — « pôle » ÉLARGI", " l agent d accueil pole elargi "),
    ("B'CLIC\u00a0n°\u202f2 ﬁn ½", " b clic n 2 fin 1 2 "),
    ("", "  "),
])
def test_phrases_are_compared_without_case_accents_or_punctuation(text, folded):
    assert folded_phrase(text) == folded
