"""The déclaration d'accessibilité: honest by default, a claim needs its audit."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.data.errors import DataErrors
from macros.data.loader import load_referentiel
from macros.site.pages import present_pages
from macros.site.render import fragment

from .conftest import FIXTURES, ROOT, visible_text

A_COMPLETER = """\
etat: non-conforme
version_rgaa: "4.1.2"
date_declaration: à compléter
audit: aucun
contact: à compléter
"""

AUDITEE = """\
etat: partiellement-conforme
version_rgaa: "4.1.2"
date_declaration: 3 février 2026
audit:
  date: janvier 2026
  realise_par: Cabinet <Essai>
  taux_conformite: "72.5"
  environnement: [NVDA 2025.1 et Firefox]
  outils: [Colour Contrast Analyser]
  pages: [Accueil]
non_conformites: [Le plan n'a pas d'alternative textuelle]
contact:
  service: Direction de la communication
  courriel: accessibilite@exemple.fr
"""


@pytest.fixture
def referentiel(tmp_path) -> Path:
    folder = tmp_path / "data" / "essai"
    shutil.copytree(FIXTURES / "mini", folder)
    return folder


def declaration(folder: Path, text: str) -> str:
    (folder / "accessibilite.yml").write_text(text, encoding="utf-8")
    loaded = load_referentiel(folder, folder.parent.parent)
    html = fragment("accessibilite", loaded.accessibilite, loaded.referentiel, present_pages(loaded))
    return visible_text(html)


def errors_for(folder: Path, text: str) -> list[str]:
    (folder / "accessibilite.yml").write_text(text, encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_referentiel(folder, folder.parent.parent)
    return [str(error) for error in caught.value.errors]


def test_missing_facts_are_shown_as_to_complete_not_invented(referentiel):
    text = declaration(referentiel, A_COMPLETER)
    assert "Déclaration à compléter" in text
    assert "doit encore fournir : la date de la déclaration, le contact" in text
    assert "Contact : à compléter" in text and "@" not in text
    assert "Ce site est non conforme" in text
    assert "Aucun audit de conformité au RGAA n'a encore été réalisé" in text
    assert "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07" in text
    # The automatic checks list every page of the site, the declaration included.
    listed = text.split("toutes les pages du site.")[1].split("## Retour")[0]
    assert listed.startswith(" Accueil ") and "Plan d'amélioration" in listed
    assert listed.strip().endswith("À propos Accessibilité")


def test_an_audited_declaration_shows_its_facts_escaped(referentiel):
    text = declaration(referentiel, AUDITEE)
    assert "à compléter" not in text
    assert "Ce site est partiellement conforme" in text
    assert "réalisé par Cabinet <Essai> (janvier 2026) révèle que 72.5 % des critères" in text
    assert "NVDA 2025.1 et Firefox" in text and "Le plan n'a pas d'alternative textuelle" in text
    assert "accessibilite@exemple.fr" in text and "établie le 3 février 2026" in text
    html = (referentiel / "accessibilite.yml").read_text(encoding="utf-8")
    assert "<Essai>" in html  # the raw data has it; the page must have it escaped:
    loaded = load_referentiel(referentiel, referentiel.parent.parent)
    rendered = fragment("accessibilite", loaded.accessibilite, loaded.referentiel, [])
    assert "Cabinet &lt;Essai&gt;" in rendered


def test_a_conformity_claim_without_audit_is_refused_at_its_line(referentiel):
    errors = errors_for(referentiel, A_COMPLETER.replace("etat: non-conforme",
                                                         "etat: totalement-conforme"))
    assert len(errors) == 1
    assert errors[0].startswith("data/essai/accessibilite.yml:1:")
    assert "suppose un audit" in errors[0]


def test_the_state_must_match_the_audit_rate(referentiel):
    errors = errors_for(referentiel, AUDITEE.replace('"72.5"', '"40"'))
    assert any("ne correspond pas au taux de l'audit (40 %)" in error for error in errors), errors


def test_a_contact_needs_a_way_to_reach_it(referentiel):
    text = A_COMPLETER.replace("contact: à compléter", "contact:\n  service: Communication\n")
    errors = errors_for(referentiel, text)
    assert any("au moins un moyen" in error for error in errors), errors


@pytest.mark.parametrize("slug", ["bethune", "pas-de-calais"])
def test_real_declarations_claim_nothing_unsourced(slug):
    loaded = load_referentiel(ROOT / "data" / slug, ROOT)
    declaration = loaded.accessibilite
    assert declaration.etat == "non-conforme" and not declaration.a_ete_audite
    assert declaration.contact_a_completer and declaration.date_a_completer
