"""Every item of the source documents reaches the built pages.

Counts are checked against the source; then every list item and paragraph of the
sources is looked for, normalised, in the visible text of the built site.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from macros.data.loader import load_referentiel

from .conftest import ROOT, site_text, source_document

BETHUNE = load_referentiel(ROOT / "data" / "bethune", ROOT)
PDC = load_referentiel(ROOT / "data" / "pas-de-calais", ROOT)


def test_action_plan_counts():
    plan = BETHUNE.plan
    assert len(plan.axes) == 4
    assert len(plan.objectifs) == 33
    assert len(plan.actions) == 138
    done = [action.texte for _, action in plan.actions if action.statut == "fait"]
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


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("**", "")
    # Superscripts as the PDF extraction wrote them: 7^{ème}, 1^{er}, XX^e.
    text = re.sub(r"\s?\^\{?(er|ème|eme|e)\}?", lambda m: "er" if m.group(1) == "er" else "e", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


# Source lines that are layout, not content (logos, repeated titles, page furniture),
# or whose content is carried in another form (listed in CORRECTIONS.md).
LAYOUT = re.compile(
    r"^(béthune|smart city|ville de bethune|departement du pas-de-calais|objet|sommaire|"
    r"\|.*\||.{0,3}|[A-ZÉÈÀ' ]+|.*(figure|schéma ci-dessous).*|etc\.)$", re.IGNORECASE)


# Captions of figures lost in the PDF extraction (see data/bethune/CORRECTIONS.md):
# the figure itself is not in the source text, so there is nothing to show.
LOST_FIGURES = {
    "Projets mis en œuvre par la Ville",
    "Fonctionnement des outils de traitement de la demande",
    "Procédure détaillant le processus le traitement de la demande",
}


def source_items(slug: str) -> list[str]:
    items = []
    for raw in source_document(slug).read_text(encoding="utf-8").splitlines():
        line = re.sub(r"^[\s\-–o•>*]+", "", raw).strip()
        line = re.sub(r"^(\d|[a-g])\)\s*", "", line)
        if line in LOST_FIGURES:
            continue
        if len(line) < 25 or LAYOUT.match(line) or line.isupper():
            continue
        items.append(line)
    return items


def missing_items(slug: str, text: str) -> list[str]:
    haystack = normalise(text)
    missing = []
    for item in source_items(slug):
        words = normalise(item).split()
        # Look for the item's longest stretch without corrected words: first and second half.
        halves = [" ".join(words[: len(words) // 2 + 1]), " ".join(words[len(words) // 2:])]
        if not any(len(h) > 12 and h in haystack for h in halves):
            missing.append(item)
    return missing


@pytest.mark.parametrize(("slug", "fixture", "allowed"), [
    ("bethune", "bethune_site", 0),
    ("pas-de-calais", "pdc_site", 0),
])
def test_every_source_item_is_on_the_site(slug, fixture, allowed, request):
    text = site_text(request.getfixturevalue(fixture))
    missing = missing_items(slug, text)
    assert len(missing) <= allowed, "\n".join(missing)


def data_texts(model, skip=("id", "role", "categorie", "rythme", "horizon", "statut", "forme",
                            "fichier", "sigle_logo", "numero", "axe")) -> list[str]:
    """Every text written in a référentiel's data (identifiers and codes left out)."""
    from pydantic import BaseModel

    found: list[str] = []
    if isinstance(model, BaseModel):
        for name in type(model).model_fields:
            if name not in skip:
                found += data_texts(getattr(model, name), skip)
    elif isinstance(model, list | tuple):
        for item in model:
            found += data_texts(item, skip)
    elif isinstance(model, str):
        found.append(model)
    return found


@pytest.mark.parametrize(("loaded", "fixture"), [(BETHUNE, "bethune_site"), (PDC, "pdc_site")])
def test_every_data_text_is_rendered(loaded, fixture, request):
    haystack = normalise(site_text(request.getfixturevalue(fixture)))
    missing = [text for model in loaded.sections.values() for text in data_texts(model)
               if normalise(text) not in haystack]
    assert not missing, "\n".join(missing)
