"""Only what a document must have is required; what it does not state is not shown.

A délibération with its five identifying fields, a governance made of bare instances:
both validate, and the site and the kit show what is given, with no filler text
(« Non précisé »), no empty term or definition, no heading over nothing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from macros.data.errors import DataErrors
from macros.data.loader import load_referentiel
from macros.kit.chapters import Part
from macros.kit.document import PREAMBLE, render_part
from macros.kit.pdf import compile_pdf
from macros.models.deliberation import Deliberation
from macros.models.gouvernance import Gouvernance
from macros.models.referentiel import Referentiel
from macros.site.figures.gouvernance import figures_gouvernance
from macros.site.parcours import DETAILS
from macros.site.render import fragment

from .conftest import FIXTURES

DELIBERATION_MINIMALE = {
    "instance": "Comité syndical",
    "date_seance": "douze mars deux mille vingt-quatre",
    "objet": "Adoption du projet d'administration",
    "vote": {"resultat": "Adopté à l'unanimité"},
    "date_application": "1er avril 2024",
}

GOUVERNANCE_MINIMALE = {
    "instances": [{"id": "comite", "nom": "Comité syndical"},
                  {"id": "bureau", "nom": "Bureau syndical"}],
}

REFERENTIEL = Referentiel.model_validate({
    "organisation": {"nom": "Syndicat intercommunal des eaux", "nom_court": "SIE", "sigle_logo": "SIE"},
    "document": {"titre": "Projet d'administration", "date": "Mars 2024", "fichier": "projet.txt"},
})

FILLER = re.compile(r"[Nn]on précis|\bNone\b")


def _kit_text(source: str) -> str:
    """Compile one part with the kit's preamble and read the PDF back as text."""
    # PDF/UA wants a title, and a level-1 heading first: the chapter the part belongs to.
    chapitre = '#set document(title: "Essai")\n#heading(level: 1)[Chapitre]\n'
    pdf = compile_pdf(PREAMBLE.read_text(encoding="utf-8") + "\n" + chapitre + source)
    lecture = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return lecture.stdout.decode()


def _assert_nothing_empty_on_the_site(page: str) -> None:
    assert not FILLER.search(page), page
    assert not re.search(r"<dt>\s*</dt>|<dd>\s*</dd>|<p>\s*</p>|<li>\s*</li>", page), page
    # A Markdown heading always has words before its {#anchor}.
    for line in page.splitlines():
        if line.startswith("#"):
            assert re.match(r"^#+ \S.*\{#[a-z0-9-]+\}$", line), line


def _assert_nothing_empty_in_the_kit(source: str) -> None:
    assert not FILLER.search(source), source
    assert '""' not in source, source  # an absent text would reach Typst as ""
    assert "#heading(level: 2, )" not in source


# --- Délibération -------------------------------------------------------------------------


def test_a_minimal_deliberation_validates():
    d = Deliberation.model_validate(DELIBERATION_MINIMALE)
    assert d.vote.pour is None and d.visas == [] and d.signataire is None


def test_a_minimal_deliberation_shows_only_what_it_states_on_the_site():
    d = Deliberation.model_validate(DELIBERATION_MINIMALE)
    page = fragment("a_propos", REFERENTIEL, d, "data/sie/source/projet.txt")
    _assert_nothing_empty_on_the_site(page)
    deliberation = page[page.index("{#deliberation}"):]
    terms = re.findall(r"<dt>([^<]+)</dt>", deliberation)
    assert terms == ["Assemblée", "Séance", "Objet", "Vote", "Application"]
    assert "<dd>Comité syndical</dd>" in deliberation
    assert "<dd>douze mars deux mille vingt-quatre</dd>" in deliberation
    assert "<dd>Adoption du projet d&#39;administration</dd>" in deliberation
    assert "<dd>Adopté à l&#39;unanimité</dd>" in deliberation  # no count, no « voix »
    for heading in ("Visas", "Considérants", "Décision", "Voies de recours", "Membres du conseil"):
        assert f"### {heading}" not in page
    assert "Signé par" not in page and "Étaient présents" not in page
    # The document's own « Nature » is optional too.
    assert "<dt>Nature</dt>" not in page


def test_each_vote_count_is_shown_only_when_given():
    d = Deliberation.model_validate({**DELIBERATION_MINIMALE,
                                     "vote": {"pour": 12, "contre": 0, "resultat": "Adopté"}})
    page = fragment("a_propos", REFERENTIEL, d, "data/sie/source/projet.txt")
    assert "<dd>12 voix pour, 0 voix contre : Adopté</dd>" in page
    assert "abstention" not in page


def test_a_minimal_deliberation_shows_only_what_it_states_in_the_kit():
    d = Deliberation.model_validate(DELIBERATION_MINIMALE)
    source = str(render_part(Part("deliberation", d), "essai"))
    _assert_nothing_empty_in_the_kit(source)
    assert "#heading(level: 3" not in source  # Visas, Considérants, Décision…: all absent
    text = _kit_text(source)
    assert "Comité syndical" in text and "Adopté à l'unanimité" in text
    for absent in ("Visas", "Considérants", "Présidence", "Rapporteur", "Signé par", "voix"):
        assert absent not in text


# --- Gouvernance --------------------------------------------------------------------------


def test_a_governance_of_bare_instances_validates():
    g = Gouvernance.model_validate(GOUVERNANCE_MINIMALE)
    assert g.pacte is None and g.categories == [] and g.acteurs == [] and g.articulation == []


def test_a_governance_of_bare_instances_renders_on_the_site():
    g = Gouvernance.model_validate(GOUVERNANCE_MINIMALE)
    page = fragment("gouvernance", g, figures_gouvernance(g))
    _assert_nothing_empty_on_the_site(page)
    # One table under the instances' heading; no pact, actors, articulation, calendar, map.
    assert [line for line in page.splitlines() if line.startswith("#")] == ["## Les instances {#instances}"]
    assert page.count("<table>") == 1
    assert '<tr id="comite">' in page and '<tr id="bureau">' in page
    for absent in ("pacte-de-confiance", "role-des-acteurs", "articulation", "calendrier", "<svg"):
        assert absent not in page


def test_an_instance_with_only_a_name_renders_a_row_without_filler():
    # Instances of names only: no column at all (a column no row fills is not shown).
    g = Gouvernance.model_validate(GOUVERNANCE_MINIMALE)
    page = fragment("gouvernance", g, figures_gouvernance(g))
    row = re.search(r'<tr id="comite">(.*?)</tr>', page, re.DOTALL).group(1)
    assert '<th scope="row">Comité syndical</th>' in row and "<td" not in row
    # Beside an instance that fills every column, the bare one shows a dash in each.
    pleine = {"id": "cst", "nom": "Comité social territorial", "composition": "Élus et agents",
              "president": "Le président", "frequence": "3 fois par an", "fonctions": ["Avis"]}
    g = Gouvernance.model_validate({"instances": [*GOUVERNANCE_MINIMALE["instances"], pleine]})
    page = fragment("gouvernance", g, figures_gouvernance(g))
    row = re.search(r'<tr id="comite">(.*?)</tr>', page, re.DOTALL).group(1)
    cells = re.findall(r'<td data-label="([^"]+)">(.*?)</td>', row)
    assert [label for label, _ in cells] == ["Composition", "Présidence et rapporteurs",
                                             "Fréquence", "Fonctions"]
    for _, cell in cells:
        # A dash to the eye, hidden from screen readers, which read words instead.
        assert cell.startswith('<span aria-hidden="true">—</span>')
        assert "non indiqué" in cell
        assert 'class="socle-lecteur-ecran"' in cell
        assert not FILLER.search(cell)


def test_a_governance_of_bare_instances_renders_in_the_kit():
    g = Gouvernance.model_validate(GOUVERNANCE_MINIMALE)
    source = str(render_part(Part("gouvernance", g), "essai"))
    _assert_nothing_empty_in_the_kit(source)
    text = _kit_text(source)
    assert "Les instances" in text and "Comité syndical" in text and "Bureau syndical" in text
    assert "pacte" not in text.lower() and "Articulation" not in text


def test_instances_without_families_share_one_calendar_column():
    g = Gouvernance.model_validate({"instances": [
        {"id": "comite", "nom": "Comité syndical", "rythme": "trimestrielle"},
        {"id": "bureau", "nom": "Bureau syndical", "rythme": "mensuelle"},
        {"id": "groupe", "nom": "Groupe de travail"},  # no rhythm: not in the calendar
    ]})
    figures = figures_gouvernance(g)
    assert figures.calendrier.natures == ("Instances",)
    assert [(ligne.rythme, [i.id for i in ligne.colonnes[0]]) for ligne in figures.calendrier.lignes] == [
        ("mensuelle", ["bureau"]), ("trimestrielle", ["comite"])]
    page = fragment("gouvernance", g, figures)
    _assert_nothing_empty_on_the_site(page)
    assert "Le calendrier des instances" in page


def test_liaisons_are_drawn_without_families():
    g = Gouvernance.model_validate({
        "instances": [{"id": "bureau", "nom": "Bureau syndical"},
                      {"id": "comite", "nom": "Comité syndical"}],
        "articulation": ["Le bureau prépare les délibérations du comité."],
        "liaisons": [{"de": "bureau", "vers": "comite", "motif": "préparation",
                      "citations": ["Le bureau prépare les délibérations du comité."]}],
    })
    page = fragment("gouvernance", g, figures_gouvernance(g))
    _assert_nothing_empty_on_the_site(page)
    assert "<svg" in page and "## L&#39;articulation des instances {#articulation}" in page
    assert "instance politique" not in page  # no nature to state, no legend of natures


def test_family_references_are_still_checked_when_families_are_given():
    categorie = {"id": "statutaires", "titre": "Instances statutaires", "nature": "politique"}
    with pytest.raises(ValueError, match="« inconnue », qui n'existe pas dans « categories »"):
        Gouvernance.model_validate({"categories": [categorie], "instances": [
            {"id": "comite", "nom": "Comité syndical", "categorie": "inconnue"}]})
    with pytest.raises(ValueError, match="n'indique pas sa famille"):
        Gouvernance.model_validate({"categories": [categorie], "instances": [
            {"id": "comite", "nom": "Comité syndical", "categorie": "statutaires"},
            {"id": "bureau", "nom": "Bureau syndical"}]})


def test_first_days_step_of_a_bare_governance():
    ref = SimpleNamespace(has=lambda key: True, gouvernance=Gouvernance.model_validate(GOUVERNANCE_MINIMALE))
    assert DETAILS["gouvernance"](ref) == "2 instances."


# --- What stays required is refused, in French, with its line ---------------------------


@pytest.fixture
def referentiel(tmp_path) -> Path:
    folder = tmp_path / "data" / "essai"
    shutil.copytree(FIXTURES / "mini", folder)
    return folder


def _errors(folder: Path, filename: str, data: dict) -> list[str]:
    (folder / filename).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                   encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_referentiel(folder, folder.parent.parent)
    return [str(error) for error in caught.value.errors]


def test_the_minimal_files_load(referentiel):
    for filename, data in (("deliberation.yml", DELIBERATION_MINIMALE),
                           ("gouvernance.yml", GOUVERNANCE_MINIMALE)):
        (referentiel / filename).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    loaded = load_referentiel(referentiel, referentiel.parent.parent)
    assert loaded.has("deliberation") and loaded.has("gouvernance")


@pytest.mark.parametrize("field", ["instance", "date_seance", "objet", "vote", "date_application"])
def test_each_required_field_of_a_deliberation_is_refused_in_french(referentiel, field):
    data = {key: value for key, value in DELIBERATION_MINIMALE.items() if key != field}
    [error] = _errors(referentiel, "deliberation.yml", data)
    assert error.startswith("data/essai/deliberation.yml:")
    assert f"champ obligatoire « {field} » manque" in error


def test_the_result_of_the_vote_is_required(referentiel):
    [error] = _errors(referentiel, "deliberation.yml", {**DELIBERATION_MINIMALE, "vote": {"pour": 3}})
    assert "champ obligatoire « resultat » manque" in error


@pytest.mark.parametrize("field", ["id", "nom"])
def test_an_instance_needs_its_id_and_name(referentiel, field):
    instance = {key: value for key, value in GOUVERNANCE_MINIMALE["instances"][0].items() if key != field}
    [error] = _errors(referentiel, "gouvernance.yml",
                      {"instances": [instance, GOUVERNANCE_MINIMALE["instances"][1]]})
    assert error.startswith("data/essai/gouvernance.yml:")
    assert f"champ obligatoire « {field} » manque" in error


def test_a_governance_needs_instances(referentiel):
    [error] = _errors(referentiel, "gouvernance.yml", {"articulation": ["Le comité décide."]})
    assert "champ obligatoire « instances » manque" in error


# --- The other sections, reduced to what they require -----------------------------------

MINIMAUX = {
    "charte": ("macros.models.charte:Charte",
               {"titre": "Charte", "valeurs": [{"id": "confiance", "nom": "La confiance"}]}),
    "droits": ("macros.models.droits:DroitsObligations",
               {"obligations": [{"id": "neutralite", "titre": "La neutralité"}]}),
    "circuits": ("macros.models.circuits:Circuits",
                 {"circuits": [{"id": "courrier", "titre": "Circuit courrier"}]}),
    "usagers": ("macros.models.usagers:RelationUsagers", {"presentation": ["Un outil unique."]}),
    "management": ("macros.models.management:Management",
                   {"niveaux": [{"id": "direction", "nom": "Direction"}]}),
    "identite": ("macros.models.identite:Identite", {"nous_sommes": ["Un service public."]}),
    "note_piaa": ("macros.models.note_piaa:ModeleNote", {"titre": "Note au bureau"}),
    "organigramme": ("macros.models.organigramme:Organigramme",
                     {"complet": True, "entites": ["Direction générale"]}),
    "smart_city": ("macros.models.smart_city:SmartCity", {"enjeux": ["Sobriété"]}),
}
# Site fragment arguments and kit templates of each section, besides the model.
SITE_EXTRA = {"charte": ("../engagements-par-role/",), "circuits": ("../note-piaa/", None)}
KIT_TEMPLATES = {"management": ("management", "raison_d_etre")}


def _modele(name: str):
    import importlib

    chemin, donnees = MINIMAUX[name]
    module, classe = chemin.split(":")
    return getattr(importlib.import_module(module), classe).model_validate(donnees)


@pytest.mark.parametrize("name", sorted(MINIMAUX))
def test_a_minimal_section_renders_without_filler(name):
    modele = _modele(name)
    pages = [fragment(name, modele, *SITE_EXTRA.get(name, ()))]
    if name == "charte":
        pages.append(fragment("roles", modele))
    if name == "management":
        pages.append(fragment("management", modele, macro="intro"))
    for page in pages:
        _assert_nothing_empty_on_the_site(page)
    source = "\n".join(str(render_part(Part(template, modele), "essai"))
                       for template in KIT_TEMPLATES.get(name, (name,)))
    _assert_nothing_empty_in_the_kit(source)
    assert _kit_text(source).strip()
