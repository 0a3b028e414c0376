"""Whole-site builds: real référentiels, a one-section fixture, broken data."""

from __future__ import annotations

import re
import shutil

from macros.data.loader import load_referentiel

from .conftest import FIXTURES, ROOT, article_html, build_site, visible_text

PAGES_BETHUNE = ["", "collectivite", "valeurs", "engagements-par-role", "droits-obligations",
                 "gouvernance", "circuits", "note-piaa", "relation-usagers", "plan",
                 "smart-city", "a-propos"]


def test_bethune_has_every_page_in_nav(bethune_site):
    home = (bethune_site / "index.html").read_text(encoding="utf-8")
    for page in PAGES_BETHUNE:
        assert (bethune_site / page / "index.html").exists(), page
        if page:
            assert f'href="{page}/"' in home, f"{page} absent de la navigation"
    assert "<title>Accueil - Ville de Béthune</title>" in home
    assert 'lang="fr"' in home


def test_sections_are_linkable_by_anchor(bethune_site):
    gouvernance = article_html(bethune_site, "gouvernance")
    for anchor in ["pacte-de-confiance", "instances-obligatoires", "commissions-thematiques",
                   "instances-administratives", "instances-mixtes", "codir", "dialogue-social"]:
        assert f'id="{anchor}"' in gouvernance, anchor
    plan = article_html(bethune_site, "plan")
    for anchor in ["axe-1", "axe-4", "objectif-2-7", "ligne-dematerialiser-gestion-temps"]:
        assert f'id="{anchor}"' in plan, anchor
    fiches = article_html(bethune_site, "fiches-actions")
    assert 'id="action-dematerialiser-gestion-temps"' in fiches


def test_no_page_loads_anything_from_another_host(bethune_site):
    for path in bethune_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="([^"]+)"', text):
            assert not re.match(r"(https?:)?//", match.group(1)), (path, match.group(1))
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text


def test_missing_sections_leave_no_page_link_or_heading(tmp_path):
    out = tmp_path / "site"
    result = build_site(out, "mini", FIXTURES)
    assert result.returncode == 0, result.stderr
    built = {p.parent.relative_to(out).as_posix() for p in out.rglob("index.html")}
    # « Quoi de neuf » comes from git history: every référentiel has it.
    # Pages every référentiel has (home, first days, what's new, about) plus its one section.
    mini = load_referentiel(FIXTURES / "mini", ROOT)
    fiches = {f"fiches-actions/{action.id}" for action in mini.plan.actions}
    assert built - {"search"} - fiches == {".", "mes-premiers-jours", "plan", "synthese-du-plan",
                                           "fiches-actions", "quoi-de-neuf", "a-propos"}
    assert fiches <= built  # a page per fiche
    home = (out / "index.html").read_text(encoding="utf-8")
    for absent in ["gouvernance", "valeurs", "circuits", "droits-obligations", "smart-city"]:
        assert f'href="{absent}/"' not in home, absent
    assert "Plan d&#39;amélioration" in home or "Plan d'amélioration" in home
    assert "Commune d&#39;Essai" in home or "Commune d'Essai" in home
    # The À propos page has no deliberation heading when there is no deliberation.
    assert "deliberation" not in article_html(out, "a-propos")


def test_bad_data_stops_the_build_without_traceback(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "mini", data / "casse")
    plan = data / "casse" / "plan.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("horizon: moyen-terme",
                                                             "avancement: beaucoup\n        couleur: rouge"),
                    encoding="utf-8")
    out = tmp_path / "site"
    result = build_site(out, "casse", data)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert "plan.yml:16:" in output and "« beaucoup » n'est pas un pourcentage entier" in output
    assert "plan.yml:17:9: la clé « couleur » est inconnue" in output
    assert not out.exists(), "aucun site ne doit être écrit"


def test_pages_are_generic():
    """No page of the registry names an organisation: everything specific comes from data."""
    from macros.registry import PAGES

    for spec in PAGES:
        for text in (spec.title, spec.summary, spec.intro, spec.heading):
            assert "Béthune" not in text and "Pas-de-Calais" not in text, spec.path
    assert not list((ROOT / "docs").glob("*.md")), "les pages sont faites par le registre"


def test_home_page_says_who_it_is_for(bethune_site):
    text = visible_text(article_html(bethune_site, ""))
    assert "nouveaux agents" in text and "Les pages du site" in text
    assert "Notre projet d'administration" in text


def test_build_all_writes_every_referentiel_and_an_index(tmp_path, real_sites):
    import subprocess
    import sys

    site = tmp_path / "site"
    for slug in ("bethune", "pas-de-calais"):
        (site / slug).parent.mkdir(exist_ok=True)
        (site / slug).symlink_to(real_sites / slug)
    subprocess.run([sys.executable, "-m", "macros.cli.index", str(site), "bethune", "pas-de-calais"],
                   cwd=ROOT, check=True, capture_output=True)
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="bethune/"' in index and 'href="pas-de-calais/"' in index
    assert "Département du Pas-de-Calais" in index
    assert (site / "pas-de-calais" / "engagements-par-role" / "index.html").exists()
    assert not (site / "pas-de-calais" / "gouvernance").exists()


def test_a_second_checkout_builds_its_own_data(tmp_path):
    """The engine installed from this checkout reads the data of the mkdocs.yml it builds.

    A second checkout sharing the same virtual environment (and so the same installed
    `macros`) has its own `data/bethune/`: its site must show that organisation.
    """
    other = tmp_path / "autre-depot"
    other.mkdir()
    for shared in ("docs", "overrides", "macros"):
        (other / shared).symlink_to(ROOT / shared)
    shutil.copy(ROOT / "mkdocs.yml", other / "mkdocs.yml")
    shutil.copytree(FIXTURES / "mini", other / "data" / "bethune")
    out = tmp_path / "site"
    result = build_site(out, "bethune", cwd=other)
    assert result.returncode == 0, result.stderr
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "<title>Accueil - Commune d&#39;Essai</title>" in home or "Commune d'Essai" in home
    assert "Béthune" not in home
    assert (other / ".cache" / "kit").is_dir()  # its kit cache too, not this checkout's
