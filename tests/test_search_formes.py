"""French forms in Material's search index (macros/text/formes.py, macros/mkdocs/search_index.py).

Material's search finds a section when each typed word begins one of its indexed words. The
index carries, beside each section's words, their other forms (without accents, singular or
plural), so a word typed in any of these forms begins one of them; these tests read the
built indexes, cut as the search cuts them (the `separator` the index itself declares).
"""

from __future__ import annotations

import json
import re

import pytest

from macros.mkdocs.search_index import formes
from macros.text.formes import autres_formes, plier

# Fields of the index as Material's search reads them (title and text are Material's).
MATERIAL = {"location", "title", "text", "tags", "boost"}


@pytest.mark.parametrize(("word", "expected"), [
    ("Grève", {"greve", "greves", "grèves"}),
    ("congés", {"conge", "conges", "congé"}),
    ("agents", {"agent"}),
    ("municipaux", {"municipal"}),
    ("local", {"locaux", "locals"}),
    ("niveau", {"niveaux"}),
    ("bienveillance", {"bienveillances", "bienveillant", "bienveillants"}),
    ("Laïcité", {"laicite", "laicites", "laïcités"}),
    ("cœur", {"coeur", "coeurs", "cœurs"}),
    ("note", {"notes"}),
    ("DGS", set()),      # short words and acronyms keep their only form
    ("bus", set()),
    ("2026", set()),
])
def test_other_forms_of_a_word(word, expected):
    assert autres_formes(word) == expected


def test_folding_removes_case_accents_and_ligatures():
    assert plier("Œuvre ÉLARGIE à l’Hôtel") == "oeuvre elargie a l’hotel"


def test_forms_that_begin_a_longer_one_are_left_out():
    coupe = re.compile(r"[\s',]+")
    # « ajoutee » and « ajoute » begin « ajoutees »; « ajouté » is a word of the text.
    assert formes("<p>ajouté, ajoutée</p>", coupe).split() == ["ajoutees", "ajoutes", "ajoutées", "ajoutés"]
    assert formes("<p>DGS</p>", coupe) == ""


def _index(site):
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("fixture", ["bethune_site", "pdc_site", "syndicat_site"])
def test_every_form_of_every_word_begins_a_word_of_its_section(fixture, request):
    """What makes « greve », « conges », « agents » find « grève », « congés », « agent »."""
    index = _index(request.getfixturevalue(fixture))
    coupe = re.compile(index["config"]["separator"])

    def words(*texts):
        return {w for text in texts for w in coupe.split(re.sub(r"<[^>]+>", " ", text).lower()) if w}

    missing, checked = [], 0
    for doc in index["docs"]:
        for own, forms in ((doc["title"], doc.get("formes_titre", "")),
                           (doc["text"] + " " + doc.get("glossaire", ""), doc.get("formes", ""))):
            indexed = sorted(words(own) | set(forms.split()))
            for word in words(own):
                for form in autres_formes(word):
                    checked += 1
                    if not any(token.startswith(form) for token in indexed):
                        missing.append((doc["location"], word, form))
    assert checked > 100
    assert missing == []


@pytest.mark.parametrize("fixture", ["bethune_site", "pdc_site"])
def test_every_added_field_is_declared_with_its_weight(fixture, request):
    """Material indexes only the fields the index declares: an undeclared one would be ignored."""
    index = _index(request.getfixturevalue(fixture))
    used = {key for doc in index["docs"] for key in doc} - MATERIAL
    assert used == {"formes", "formes_titre", "glossaire"} or used == {"formes", "formes_titre"}
    assert used <= set(index["config"]["fields"])
    assert index["config"]["fields"]["formes_titre"] == index["config"]["fields"]["title"]


@pytest.mark.parametrize(("text", "words"), [
    ("l'agent", ["agent"]),
    ("B’CLIC", ["CLIC"]),
    ("demande d'un usager", ["demande", "usager"]),
    ("aujourd'hui", ["aujourd", "hui"]),
    ("comité de pilotage", ["comité", "pilotage"]),
    ("Directeur Général des Services", ["Directeur", "Général", "Services"]),
    ("déclaration d’intérêts", ["déclaration", "intérêts"]),
    ("leçon dessinée", ["leçon", "dessinée"]),   # « le », « des » only as whole words
])
def test_the_search_cuts_words_at_elisions_and_short_function_words(bethune_site, text, words):
    """The separator mkdocs.yml gives Material's search, for the index and the query alike."""
    coupe = re.compile(_index(bethune_site)["config"]["separator"])
    assert [w for w in coupe.split(text) if w] == words
