"""Words follow the data (issue 26, item 5): each generic sentence says only what the
référentiel gives — its nature, its word for managers, its roles, the columns its instances
fill, the frequency its document wrote, the kit's title, whether the site holds it all."""

from __future__ import annotations

import pytest

from macros.kit.document import environment as kit_environment
from macros.models.charte import Charte
from macros.models.gouvernance import Gouvernance
from macros.models.referentiel import Referentiel
from macros.site.render import fragment

from .conftest import article_html, visible_text


def _referentiel(**changes) -> Referentiel:
    data = {"organisation": {"nom": "Centre hospitalier d'Essai", "nom_court": "CH d'Essai",
                             "sigle_logo": "CHE"},
            "document": {"titre": "Livret d'accueil", "date": "Mai 2026", "fichier": "livret.txt"}}
    for part, values in changes.items():
        data[part] = {**data.get(part, {}), **values} if isinstance(values, dict) else values
    return Referentiel.model_validate(data)


def _accueil(ref: Referentiel) -> str:
    return visible_text(fragment("accueil", ref, [], "PDF, 8 pages, 80 Ko", "kit-accueil.pdf"))


@pytest.mark.parametrize(("nature", "designation"), [
    (None, "l'organisme"), ("etablissement-de-sante", "l'établissement"),
    ("centre-de-gestion", "le centre de gestion"), ("communaute-de-communes", "la communauté de communes"),
    ("ccas", "le CCAS"), ("syndicat", "le syndicat"), ("commune", "la commune"),
])
def test_the_home_page_names_the_body_by_its_nature(nature, designation):
    ref = _referentiel(organisation={"nature": nature} if nature else {})
    assert f"qui découvrent {designation} et" in _accueil(ref)


def test_managers_are_named_only_in_the_organisation_s_word():
    assert "manager" not in _accueil(_referentiel())
    assert "à toute personne qui y cherche une règle" in _accueil(_referentiel())
    ref = _referentiel(organisation={"encadrants": "encadrants"})
    assert "et aux encadrants qui cherchent une règle ou un repère" in _accueil(ref)


def test_the_readers_are_named_in_the_organisation_s_word_or_agents():
    """organisation.agents: « professionnels » on the home page, the rights' headings (site
    and kit), the kit's default title; « agents » without it."""
    from macros.kit.chapters import Part
    from macros.kit.document import render_part
    from macros.models.droits import DroitsObligations

    droits = DroitsObligations.model_validate({
        "obligations": [{"id": "discretion", "titre": "La discrétion", "texte": ["Se taire."]}],
        "droits": [{"id": "greve", "titre": "La grève", "texte": ["Faire grève."]}]})
    defaut, propre = _referentiel(), _referentiel(organisation={"agents": "professionnels"})
    assert "Il s'adresse aux nouveaux agents qui" in _accueil(defaut)
    assert "Il s'adresse aux nouveaux professionnels qui" in _accueil(propre)
    assert (defaut.titre_du_kit, propre.titre_du_kit) == ("Kit d'accueil des agents",
                                                          "Kit d'accueil des professionnels")
    for organisation, mot in ((defaut.organisation, "agents"), (propre.organisation, "professionnels")):
        site = fragment("droits", droits, organisation.mot_agents)
        kit = str(render_part(Part("droits", droits), "d", organisation))
        for heading in (f"Les obligations des {mot}", f"Les droits des {mot}"):
            assert heading in site and f'"{heading}"' in kit
    assert "agents" not in str(render_part(Part("droits", droits), "d", propre.organisation))


def test_the_kit_title_comes_from_the_referentiel_or_stays_the_default():
    assert "Télécharger le kit d'accueil (PDF" in _accueil(_referentiel())
    ref = _referentiel(titre_kit="Livret du nouvel arrivant")
    assert "Télécharger « Livret du nouvel arrivant » (PDF" in _accueil(ref)
    cover = kit_environment().get_template("kit.typ.j2").render(ref=ref, chapters=[], logo=None)
    assert cover.count('"Livret du nouvel arrivant"') == 2  # cover and running footer
    assert "Kit d'accueil des agents" not in cover


def test_a_propos_claims_completeness_only_when_the_referentiel_states_it():
    partial = visible_text(fragment("a_propos", _referentiel(), None, "data/ch/source/livret.txt"))
    assert "Ce site reprend ce document, structuré" in partial and "intégralité" not in partial
    whole = visible_text(fragment("a_propos", _referentiel(document={"integral": "oui"}), None,
                                  "data/ch/source/livret.txt"))
    assert "Ce site reprend l'intégralité de ce document" in whole


def _charte(*roles) -> Charte:
    return Charte.model_validate({
        "titre": "Nos valeurs", "roles": list(roles),
        "valeurs": [{"id": "soin", "nom": "Le soin", "engagements": [
            {"role": r["id"], "liste": ["Écouter."]} for r in roles]}]})


def test_role_headings_are_not_doubled_and_the_reader_label_is_optional():
    page = visible_text(fragment("roles", _charte(
        {"id": "agent", "nom": "Agents", "lecteur": "Agent"},
        {"id": "cadre", "nom": "En situation d'encadrement", "lecteur": "Encadrant"},
        {"id": "equipe", "nom": "En équipe"})))
    assert "Agent — Agents" not in page and "## Agents {#role-agent}" in page
    assert "## Encadrant — En situation d'encadrement {#role-cadre}" in page
    assert "## En équipe {#role-equipe}" in page
    # The values' title is the document's: never called « la charte » when it says no such thing.
    assert "charte" not in page


def _gouvernance(*instances) -> Gouvernance:
    return Gouvernance.model_validate({"instances": list(instances)})


def test_a_column_no_instance_fills_is_not_shown_on_the_site_nor_in_the_kit():
    g = _gouvernance({"id": "cs", "nom": "Commission de surveillance", "frequence": "3 fois par an",
                      "rythme": "plusieurs-fois-par-an"},
                     {"id": "cme", "nom": "Commission médicale", "frequence": "Chaque mois"})
    page = fragment("gouvernance", g)
    assert "<th scope=\"col\">Fréquence</th>" in page
    for absent in ("Composition", "Présidence", "Fonctions"):
        assert absent not in page, absent
    assert "—" not in visible_text(page)
    assert "<caption>Les instances\u202f: fréquence</caption>" in page
    kit = str(kit_environment().get_template("sections/gouvernance.typ.j2").module.render(g, "g"))
    assert "[*Fréquence*]" in kit and "Composition" not in kit and "Fonctions" not in kit
    assert "columns: (1.1fr, 0.8fr, )" in kit


def test_the_calendar_keeps_the_frequency_the_document_wrote():
    from macros.site.figures.gouvernance import figures_gouvernance

    g = _gouvernance({"id": "cs", "nom": "Commission de surveillance", "frequence": "3 fois par an",
                      "rythme": "plusieurs-fois-par-an"},
                     {"id": "ag", "nom": "Assemblée", "frequence": "Plusieurs fois par an",
                      "rythme": "plusieurs-fois-par-an"})
    calendrier = visible_text(fragment("figures_gouvernance", figures_gouvernance(g), macro="calendrier"))
    assert "Plusieurs fois par an (2)" in calendrier
    assert "Commission de surveillance — 3 fois par an" in calendrier
    assert "Assemblée — Plusieurs" not in calendrier  # no redite of the row's own label


def test_the_plan_step_never_counts_zero(syndicat_site):
    step = visible_text(article_html(syndicat_site, "mes-premiers-jours"))
    assert "2 axes, 5 actions." in step and "0 objectif" not in step


def test_the_phone_header_shows_the_short_name_and_keeps_the_long_one_for_screen_readers(syndicat_site):
    header = (syndicat_site / "index.html").read_text(encoding="utf-8")
    assert ('<span class="socle-nom-long">Syndicat intercommunal des eaux du Val d&#39;Essai</span>'
            in header or '<span class="socle-nom-long">Syndicat intercommunal des eaux du Val d\'Essai</span>'
            in header)
    assert '<span class="socle-nom-court" aria-hidden="true">Eaux du Val d' in header


def test_the_values_page_says_charte_only_when_the_data_says_it(tmp_path):
    import shutil

    from macros.data.loader import load_referentiel
    from macros.site.pages import present_pages

    from .conftest import FIXTURES

    folder = tmp_path / "ch"
    shutil.copytree(FIXTURES / "syndicat", folder)
    (folder / "referentiel.yml").write_text(
        (folder / "referentiel.yml").read_text(encoding="utf-8").split("\npages:")[0], encoding="utf-8")
    [valeurs] = [p for p in present_pages(load_referentiel(folder, tmp_path)) if p.spec.key == "valeurs"]
    assert valeurs.title == "Nos valeurs"
    assert valeurs.summary == "Nos valeurs et ce qu'elles demandent à chacun."
    charte = folder / "charte.yml"
    texte = charte.read_text(encoding="utf-8").replace("titre: Nos valeurs", "titre: Charte des valeurs")
    charte.write_text(texte, encoding="utf-8")
    [valeurs] = [p for p in present_pages(load_referentiel(folder, tmp_path)) if p.spec.key == "valeurs"]
    assert valeurs.title == "Valeurs et charte"
