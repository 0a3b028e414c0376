"""Every item of the source documents reaches the built pages.

Counts are checked against the source; then every list item and paragraph of the
sources is looked for, normalised, in the visible text of the built site.
"""

from __future__ import annotations

import pytest

from macros.data.loader import load_referentiel

from .conftest import ROOT, site_text
from .helpers import data_texts, missing_items, normalise

BETHUNE = load_referentiel(ROOT / "data" / "bethune", ROOT)
PDC = load_referentiel(ROOT / "data" / "pas-de-calais", ROOT)


def test_action_plan_counts():
    plan = BETHUNE.plan
    assert len(plan.axes) == 4
    assert len(plan.objectifs) == 33
    assert len(plan.actions) == 138
    done = [action.texte for action in plan.actions if action.statut == "fait"]
    assert len({action.id for action in plan.actions}) == 138
    assert done == ["Dématérialiser la gestion des temps"]


def test_governance_counts():
    gouvernance = BETHUNE.gouvernance
    per_family = {c.id: len(gouvernance.instances_de(c.id)) for c in gouvernance.categories}
    assert sorted(per_family.values()) == [4, 6, 7, 9]
    assert len(gouvernance.acteurs) == 4


def test_values_and_rights_counts():
    assert len(BETHUNE.charte.valeurs) == 7
    assert sum(len(g.liste) for v in BETHUNE.charte.valeurs for g in v.engagements) == 33
    assert len(BETHUNE.droits.obligations) == 9 and len(BETHUNE.droits.droits) == 11
    assert len(BETHUNE.management.niveaux) == 3 and len(BETHUNE.management.ambitions) == 5
    assert len(BETHUNE.smart_city.piliers) == 7 and len(BETHUNE.smart_city.questions) == 4
    assert len(BETHUNE.identite.nous_sommes) == 6
    vote = BETHUNE.deliberation.vote
    assert (vote.pour, vote.abstention, vote.contre) == (31, 0, 0)


def test_pas_de_calais_counts():
    charte = PDC.charte
    assert [v.nom for v in charte.valeurs] == ["La confiance", "La responsabilité", "L'exigence",
                                               "La bienveillance", "L'engagement"]
    assert {r.id for r in charte.roles} == {"individuel", "collectif", "pilote"}
    assert sum(len(g.liste) for v in charte.valeurs for g in v.engagements) == 44
    for valeur in charte.valeurs:
        assert {g.role for g in valeur.engagements} == {"individuel", "collectif", "pilote"}


@pytest.mark.parametrize(("slug", "fixture", "allowed"), [
    ("bethune", "bethune_site", 0),
    ("pas-de-calais", "pdc_site", 0),
])
def test_every_source_item_is_on_the_site(slug, fixture, allowed, request):
    text = site_text(request.getfixturevalue(fixture))
    missing = missing_items(slug, text)
    assert len(missing) <= allowed, "\n".join(missing)


@pytest.mark.parametrize(("loaded", "fixture"), [(BETHUNE, "bethune_site"), (PDC, "pdc_site")])
def test_every_data_text_is_rendered(loaded, fixture, request):
    haystack = normalise(site_text(request.getfixturevalue(fixture)))
    missing = [text for model in loaded.sections.values() for text in data_texts(model)
               if normalise(text) not in haystack]
    assert not missing, "\n".join(missing)
