"""The plan's summary for a steering committee, printed as a director would: Chromium's
« Imprimer → PDF » on A4.

Issue 27 asked that it print on at most two A4 pages with no blank first page (the plan page
printed on 36 pages, its first one nearly empty). Measured on the real Béthune, on the fixtures
whose plans have pilotes and échéances, and on Béthune's plan with a pilote and an échéance on
every action, half of them past: the most the summary lists (late actions and coming échéances
in every axe).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from ..conftest import ROOT, build_site
from ..helpers import pdfinfo, pdftotext

pytestmark = pytest.mark.browser

# The day the crowded Béthune is read on: its odd actions are late, the even ones coming.
JOUR = "2026-06-15"


def imprimer(page_factory, url: str, pdf: Path) -> Path:
    page = page_factory(width=1280)
    page.goto(url)
    page.wait_for_selector(".socle-synthese")
    page.pdf(path=str(pdf), format="A4")
    return pdf


def verifier(pdf: Path) -> str:
    pages = int(pdfinfo(pdf)["Pages"])
    assert 1 <= pages <= 2, f"la synthèse s'imprime sur {pages} pages A4"
    premiere = re.sub(r"\s+", " ", pdftotext(pdf, first=1))
    # Page 1 has the summary itself, not only a header: its title, its date and its count.
    assert "Synthèse du plan" in premiere, premiere[:300]
    assert re.search(r"Données au \d{1,2}(er)? \w+ \d{4}", premiere), premiere[:300]
    assert re.search(r"\d+ actions? réalisées? sur \d+", premiere), premiere[:300]
    return premiere


@pytest.mark.parametrize("slug", ["bethune", "syndicat", "hopital"])
def test_the_summary_prints_on_two_pages_at_most(page_factory, server, built_sites, syndicat_site,
                                                 hopital_site, tmp_path, slug):
    verifier(imprimer(page_factory, f"{server}/{slug}/synthese-du-plan/", tmp_path / f"{slug}.pdf"))


def test_a_referentiel_without_a_plan_has_no_summary(pdc_site):
    # Pas-de-Calais has only its charte: no plan, so no page to print.
    assert not (ROOT / "data" / "pas-de-calais" / "plan.yml").exists()
    assert not (pdc_site / "synthese-du-plan").exists()


# Pilotes named as a town's services are (the longest wrap in their column).
PILOTES = ("Direction des ressources humaines", "Direction générale des services",
           "Service communication", "Direction des systèmes d'information",
           "Police municipale", "Direction de l'éducation et de la jeunesse")


def _chaque_action_datee(plan: str) -> str:
    """Béthune's plan with a pilote and an échéance under every action id, one in two past."""
    rang = 0

    def dater(found: re.Match) -> str:
        nonlocal rang
        rang += 1
        echeance = "2026-01-31" if rang % 2 else "2027-03-31"
        indent = found["indent"] + "  "
        return (f'{found[0]}\n{indent}pilote: "{PILOTES[rang % len(PILOTES)]}"'
                f'\n{indent}echeance: "{echeance}"')

    dated = re.sub(r"^(?P<indent> *)- id: [a-z0-9-]+$", dater, plan, flags=re.MULTILINE)
    assert rang > 100, rang
    return dated


@pytest.mark.essentiel
def test_the_crowded_summary_still_prints_on_two_pages(page_factory, server, built_sites, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data" / "bethune", data / "bethune")
    plan = data / "bethune" / "plan.yml"
    plan.write_text(_chaque_action_datee(plan.read_text(encoding="utf-8")), encoding="utf-8")
    # Built beside the shared sites (one folder per test run, so workers never share it).
    nom = f"bethune-datee-{tmp_path.name}"
    result = build_site(built_sites["root"] / nom, "bethune", data, today=JOUR)
    assert result.returncode == 0, result.stderr
    pdf = imprimer(page_factory, f"{server}/{nom}/synthese-du-plan/", tmp_path / "bethune-datee.pdf")
    verifier(pdf)
    texte = re.sub(r"\s+", " ", pdftotext(pdf))
    # The most the summary lists is on paper: late actions of every axe with their pilote,
    # the count of the others, and the plan's next échéances.
    assert texte.count("En retard (") == 4, texte[:800]
    for attendu in ("(pilote : Direction", "autres : toutes les actions en retard",
                    "Prochaines échéances du plan"):
        assert attendu in texte, texte[:800]
