"""Figures drawn at build time from the data: charts of the plan, governance map and
calendar, step diagrams. Each is checked against the numbers of its data, and a
change of the data must change the figure accordingly."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET

import pytest
from pydantic import ValidationError

from macros.data.loader import load_referentiel
from macros.models.gouvernance import Gouvernance
from macros.models.plan import Plan
from macros.plan.suivi import suivre
from macros.site.figures.carte import carte_gouvernance
from macros.site.figures.gouvernance import calendrier, figures_gouvernance
from macros.site.figures.plan import figures_plan
from macros.site.render import fragment

from .conftest import FIXTURES, ROOT, article_html, build_site, source_document, visible_text

SVG = "{http://www.w3.org/2000/svg}"
BETHUNE = load_referentiel(ROOT / "data" / "bethune", ROOT)


def _svgs(html: str) -> list[ET.Element]:
    """Every inline SVG of a page, parsed as XML (so each must be well-formed)."""
    return [ET.fromstring(match) for match in re.findall(r"<svg\b.*?</svg>", html, flags=re.S)]


def _segments(svg: ET.Element) -> dict[str, str]:
    """Bar segments by their tooltip (« Axe 1. … — Victoire rapide : 12 actions »)."""
    return {rect.find(f"{SVG}title").text: rect.get("width")
            for rect in svg.iter(f"{SVG}rect") if rect.find(f"{SVG}title") is not None}


# ── Charts of the plan ────────────────────────────────────────────────────────────

def _figures(plan: Plan):
    return figures_plan(plan, suivre(plan), None)


def test_counts_match_the_plan_of_bethune():
    plan = BETHUNE.plan
    suivi = suivre(plan)
    f = _figures(plan)
    assert f.repartition.total == len(plan.actions) == 138
    assert sum(suivi.total.par_statut) == 138
    for axe, ligne in zip(plan.axes, f.repartition.axes, strict=True):
        actions = [a for o in plan.objectifs_de(axe) for a in o.actions]
        assert ligne.valeurs == tuple(sum(a.horizon == h for a in actions)
                                      for h in ("victoire-rapide", "moyen-terme", "grand-projet"))


def test_chart_is_an_image_with_a_text_alternative_stating_every_number():
    f = _figures(BETHUNE.plan)
    svg = ET.fromstring(str(f.horizons))
    assert svg.get("role") == "img"
    titre, desc = svg.get("aria-labelledby").split()
    assert svg.find(f"{SVG}title").get("id") == titre
    description = svg.find(f"{SVG}desc")
    assert description.get("id") == desc
    for ligne in f.repartition.axes:
        assert f"{ligne.libelle} : {ligne.total} actions" in description.text
    # Legible at 390 px: the drawing scales with the column (viewBox, width 100 %).
    assert svg.get("viewBox").startswith("0 0 360 ") and svg.get("width") == "100%"


def _plan_modifie(plan: Plan) -> Plan:
    """The mini plan with one more action: a quick win, already done."""
    data = plan.model_dump()
    data["horizons"].append({"cle": "victoire-rapide", "libelle": "Victoire rapide"})
    data["objectifs"][0]["actions"].append(
        {"id": "ajoutee", "texte": "Une action ajoutée", "horizon": "victoire-rapide", "statut": "fait"})
    return Plan.model_validate(data)


def test_changing_the_data_changes_the_chart():
    avant = load_referentiel(FIXTURES / "mini", ROOT).plan
    apres = _plan_modifie(avant)
    f_avant, f_apres = _figures(avant), _figures(apres)
    s_avant = _segments(ET.fromstring(str(f_avant.horizons)))
    s_apres = _segments(ET.fromstring(str(f_apres.horizons)))
    assert "Axe 1. Premier axe — Victoire rapide : 1 action" not in s_avant
    assert "Axe 1. Premier axe — Victoire rapide : 1 action" in s_apres
    # The longest bar keeps the full width: the other segments shrink to make room.
    moyen = "Axe 1. Premier axe — Moyen terme : 1 action"
    assert float(s_apres[moyen]) < float(s_avant[moyen])
    statuts = _segments(ET.fromstring(str(f_apres.par_statut)))
    assert "Axe 1. Premier axe — Fait : 2 actions" in statuts
    assert "fait 2" in ET.fromstring(str(f_apres.par_statut)).find(f"{SVG}desc").text


def test_a_plan_without_horizons_has_no_horizon_chart():
    data = load_referentiel(FIXTURES / "mini", ROOT).plan.model_dump()
    data["horizons"] = []
    for action in data["objectifs"][0]["actions"]:
        action["horizon"] = None
    f = _figures(Plan.model_validate(data))
    assert f.horizons is None and f.repartition is None and f.par_statut


def test_changing_a_fixture_changes_the_built_page(tmp_path):
    """A real build from edited YAML: the chart and its table follow the data."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "mini", data / "essai")
    plan = data / "essai" / "plan.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "horizon: moyen-terme", "horizon: grand-projet\n        statut: fait"), encoding="utf-8")
    out = tmp_path / "site"
    result = build_site(out, "essai", data)
    assert result.returncode == 0, result.stderr
    page = article_html(out, "plan")
    statuts, horizons = _svgs(page)
    assert set(_segments(horizons)) == {"Axe 1. Premier axe — Grand projet : 2 actions"}
    assert set(_segments(statuts)) == {"Axe 1. Premier axe — Fait : 2 actions"}
    table = visible_text(page[page.index("<caption>Où en est chaque axe"):])
    assert table.startswith("Où en est chaque axe (nombre d'actions) Statut Axe 1 Ensemble du plan "
                            "Non renseigné 0 0 Fait 2 2 En retard 0 0")


# ── Governance: map and calendar ─────────────────────────────────────────────────

GOUVERNANCE = {
    "pacte": {"titre": "Un pacte", "enjeux": ["Servir"],
              "legitimites": [{"acteurs": "Les élus", "legitimite": "politique", "roles": ["Décider"]}],
              "texte": "Un pacte.", "principes": [{"acteurs": "Des services", "texte": ["qui proposent."]}]},
    "instances_titre": "Les instances",
    "categories": [{"id": "pol", "titre": "Politiques", "nature": "politique"},
                   {"id": "adm", "titre": "Administratives", "nature": "administrative"}],
    "instances": [
        {"id": "conseil", "nom": "Conseil <b>& co</b>", "sigle": "CM", "categorie": "pol",
         "rythme": "mensuelle", "fonctions": ["vote des délibérations"]},
        {"id": "cotech", "nom": "COTECH", "categorie": "adm", "rythme": "hebdomadaire",
         "fonctions": ["Suivi technique des projets"]},
        {"id": "codir", "nom": "CODIR", "categorie": "adm", "rythme": "hebdomadaire"},
    ],
    "acteurs_titre": "Les acteurs",
    "acteurs": [{"id": "maire", "nom": "Le Maire", "missions": ["dirige"]}],
    "articulation_titre": "Articulation",
    "articulation": ["Le CoTech prépare les décisions que le conseil vote."],
    "liaisons": [{"de": "cotech", "vers": "conseil", "motif": "décision",
                  "citations": ["Le CoTech prépare les décisions que le conseil vote."]}],
}


def _gouvernance(**changes) -> Gouvernance:
    return Gouvernance.model_validate({**GOUVERNANCE, **changes})


def _boites(svg: ET.Element) -> dict[str, str]:
    """Boxes of the map: tooltip → CSS class (which carries the nature)."""
    return {rect.find(f"{SVG}title").text: rect.get("class")
            for rect in svg.iter(f"{SVG}rect") if rect.find(f"{SVG}title") is not None}


def test_map_draws_the_stated_liaisons_between_the_instances_they_join():
    svg = ET.fromstring(str(carte_gouvernance(_gouvernance())))
    assert svg.get("role") == "img"
    assert _boites(svg) == {
        "COTECH — instance administrative": "socle-fig__noeud socle-fig__noeud--administrative",
        "Conseil <b>& co</b> (CM) — instance politique": "socle-fig__noeud socle-fig__noeud--politique"}
    assert [p.find(f"{SVG}title").text for p in svg.iter(f"{SVG}path") if p.find(f"{SVG}title") is not None] \
        == ["1. COTECH → Conseil <b>& co</b> (CM) : décision"]


def test_changing_the_liaisons_changes_the_map():
    ajout = {"de": "cotech", "vers": "codir", "motif": "suivi",
             "citations": ["Suivi technique des projets"]}
    svg = ET.fromstring(str(carte_gouvernance(_gouvernance(liaisons=[*GOUVERNANCE["liaisons"], ajout]))))
    liens = [p for p in svg.iter(f"{SVG}path") if p.get("class") == "socle-fig__lien"]
    assert len(liens) == 2
    assert "CODIR — instance administrative" in _boites(svg)
    # A category that changes nature changes the border of its boxes.
    categories = [{"id": "pol", "titre": "Politiques", "nature": "mixte"}, GOUVERNANCE["categories"][1]]
    svg = ET.fromstring(str(carte_gouvernance(_gouvernance(categories=categories))))
    assert _boites(svg)["Conseil <b>& co</b> (CM) — instance mixte"].endswith("--mixte")
    # No liaison, no map (and no heading for it).
    sans = _gouvernance(liaisons=[])
    assert carte_gouvernance(sans) == ""
    assert "carte-des-instances" not in fragment("gouvernance", sans, figures_gouvernance(sans))


def test_text_from_data_is_escaped_in_the_svg():
    svg = str(carte_gouvernance(_gouvernance()))
    assert "<b>" not in svg and "Conseil &lt;b&gt;&amp; co&lt;/b&gt;" in svg


def test_a_liaison_must_quote_the_document_and_join_known_instances():
    with pytest.raises(ValidationError, match="ne se trouve mot pour mot"):
        _gouvernance(liaisons=[{"de": "cotech", "vers": "conseil", "motif": "x",
                                "citations": ["une phrase que le document ne contient pas"]}])
    with pytest.raises(ValidationError, match="« inconnue », qui n'existe pas"):
        _gouvernance(liaisons=[{"de": "cotech", "vers": "inconnue", "motif": "x",
                                "citations": ["Suivi technique des projets"]}])


def test_every_liaison_of_bethune_quotes_its_source_text():
    source = source_document("bethune")
    texte = " ".join(source.read_text(encoding="utf-8").replace("**", "").split())
    for liaison in BETHUNE.gouvernance.liaisons:
        for citation in liaison.citations:
            assert citation in texte, citation


def test_calendar_follows_the_rhythm_of_each_instance():
    c = calendrier(_gouvernance())
    assert c.natures == ("Instances politiques", "Instances administratives")
    assert [(ligne.rythme, [[i.id for i in col] for col in ligne.colonnes]) for ligne in c.lignes] == [
        ("hebdomadaire", [[], ["cotech", "codir"]]), ("mensuelle", [["conseil"], []])]
    instances = [{**GOUVERNANCE["instances"][0], "rythme": "annuelle"}, *GOUVERNANCE["instances"][1:]]
    c = calendrier(_gouvernance(instances=instances))
    assert [ligne.rythme for ligne in c.lignes] == ["hebdomadaire", "annuelle"]


def test_calendar_of_bethune_lists_every_instance_once():
    c = calendrier(BETHUNE.gouvernance)
    placed = [i.id for ligne in c.lignes for col in ligne.colonnes for i in col]
    assert sorted(placed) == sorted(i.id for i in BETHUNE.gouvernance.instances)


# ── Built pages ──────────────────────────────────────────────────────────────────

def test_bethune_pages_carry_the_figures(bethune_site):
    plan = article_html(bethune_site, "plan")
    assert len(_svgs(plan)) == 2 and 'id="plan-en-chiffres"' in plan
    assert 'data-socle-filtres="plan"' in plan and " hidden>" in plan   # shown by the script only
    assert plan.count('data-horizon="') == len(BETHUNE.plan.actions)
    gouvernance = article_html(bethune_site, "gouvernance")
    (carte,) = _svgs(gouvernance)
    assert len([p for p in carte.iter(f"{SVG}path") if p.get("class") == "socle-fig__lien"]) \
        == len(BETHUNE.gouvernance.liaisons)
    assert 'id="calendrier-des-instances"' in gouvernance
    for svg in [*_svgs(plan), carte]:
        ids = {e.get("id") for e in svg.iter()}
        assert set(svg.get("aria-labelledby").split()) <= ids
    circuits = article_html(bethune_site, "circuits")
    schemas = re.findall(r'<ol class="socle-schema-etapes[^"]*"[^>]*>(.*?)</ol>', circuits, flags=re.S)
    communication = next(p for c in BETHUNE.circuits.circuits for p in c.parties if p.etapes)
    assert [s.count("<li>") for s in schemas] == [len(BETHUNE.note_piaa.partie_2), len(communication.etapes)]


def test_pas_de_calais_has_no_figure_and_no_empty_heading(pdc_site):
    for index in pdc_site.rglob("index.html"):
        text = index.read_text(encoding="utf-8")
        for marker in ("socle-fig", "socle-filtres", "socle-schema-etapes", "calendrier-des-instances"):
            assert marker not in text, (index, marker)
