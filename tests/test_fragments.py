"""Snapshots of rendered fragments: one file per case in tests/snapshots/.

Run `make snapshots` after an intended change of a template, then review the diff of
tests/snapshots/. A missing snapshot fails: it is written only on purpose.
"""

from __future__ import annotations

from datetime import date

import pytest

from macros.data.loader import load_referentiel
from macros.models.charte import Charte
from macros.models.gouvernance import Gouvernance
from macros.site.plan_view import vue_plan
from macros.site.render import fragment, markdown_text

from .conftest import FIXTURES

MINI = load_referentiel(FIXTURES / "mini", FIXTURES.parent.parent)

GOUVERNANCE = Gouvernance.model_validate({
    "pacte": {"titre": "Un pacte", "enjeux": ["Servir"],
              "legitimites": [{"acteurs": "Les élus", "legitimite": "politique", "roles": ["Décider"]}],
              "texte": "Un pacte est nécessaire.",
              "principes": [{"acteurs": "Des services", "texte": ["qui proposent."]}]},
    "instances_titre": "Les instances",
    "categories": [{"id": "admin", "titre": "Instances administratives", "nature": "administrative",
                    "notes": ["* non exhaustif"]}],
    "instances": [
        {"id": "codir", "nom": "Comité de direction", "sigle": "CODIR", "categorie": "admin",
         "composition": "DGS et DGA", "frequence": "Hebdomadaire", "rythme": "hebdomadaire",
         "fonctions": ["Revue des projets", "Arbitrages | urgents"]},
        {"id": "comex", "nom": "COMEX", "categorie": "admin", "rythme": "non-precise"},
    ],
    "acteurs_titre": "Les acteurs",
    "acteurs": [{"id": "maire", "nom": "Le Maire", "missions": ["dirige l'administration"]}],
    "articulation_titre": "Articulation",
    "articulation": ["Les instances s'articulent."],
})

CHARTE = Charte.model_validate({
    "titre": "Charte d'essai",
    "roles": [{"id": "agent", "nom": "À titre individuel", "lecteur": "Agent"},
              {"id": "pilote", "nom": "En tant que pilote", "lecteur": "Manager"}],
    "valeurs": [{"id": "confiance", "nom": "La confiance", "definition": ["Se fier."],
                 "engagements": [{"role": "agent", "liste": ["Être sincère."]},
                                 {"role": "pilote", "liste": ["Déléguer.", "Clarifier."]}]}],
})

def _fiche_page() -> str:
    vue = vue_plan(MINI.plan, jour=date(2026, 6, 1), page_plan="../plan/",
                   fiches="../fiches-actions/").plus_profonde()
    return fragment("plan_fiches", vue, vue.suivi.actions[0], macro="page")


CASES = {
    "plan": lambda: fragment("plan", vue_plan(MINI.plan, jour=date(2026, 6, 1), fiches="../fiches-actions/")),
    "plan_fiches": lambda: fragment("plan_fiches", vue_plan(
        MINI.plan, jour=date(2026, 6, 1), page_plan="../plan/", fiches="../fiches-actions/")),
    "plan_fiche_page": lambda: _fiche_page(),
    "gouvernance": lambda: fragment("gouvernance", GOUVERNANCE),
    "charte": lambda: fragment("charte", CHARTE, "../engagements-par-role/"),
    "roles": lambda: fragment("roles", CHARTE),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_fragment_snapshot(case, snapshot):
    snapshot(f"{case}.md", CASES[case]())


def test_role_view_groups_every_commitment_of_a_role():
    assert [(v.nom, items) for v, items in CHARTE.engagements_du_role("pilote")] == [
        ("La confiance", ["Déléguer.", "Clarifier."])]


@pytest.mark.parametrize(("text", "expected"), [
    ("Objectif 1.1 : *x*", "Objectif 1\\.1 : \\*x\\*"),
    ("<b>a</b> & {#id}", "&lt;b&gt;a&lt;/b&gt; &amp; \\{\\#id\\}"),
    ("a | b", "a \\| b"),
])
def test_heading_text_is_escaped_for_markdown_and_html(text, expected):
    assert markdown_text(text) == expected
