"""Ownership and freshness: « Contenu suivi par … », « À vérifier » past the date, check warnings."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from macros.data.errors import DataErrors
from macros.data.loader import load_referentiel
from macros.registry import KINDS

from .conftest import FIXTURES, ROOT, article_html, build_site, visible_text

OVERDUE = "suivi:\n  responsable: Direction des ressources humaines\n  revoir_le: 2000-01-01\n"
ITEM_LATER = "    suivi:\n      responsable: Service communication\n      revoir_le: 2099-12-31\n"


@pytest.fixture
def followed(tmp_path):
    """The mini référentiel whose plan is overdue as a whole, and one objectif followed later."""
    folder = tmp_path / "data" / "suivi"
    shutil.copytree(FIXTURES / "mini", folder)
    plan = folder / "plan.yml"
    text = plan.read_text(encoding="utf-8").replace("    titre: Faire simple\n",
                                                    "    titre: Faire simple\n" + ITEM_LATER)
    plan.write_text(OVERDUE + text, encoding="utf-8")
    return folder


def test_every_section_may_name_its_owner():
    for section in KINDS:
        assert "suivi" in section.model.model_fields, f"{section.filename} : champ « suivi » absent"


def test_overdue_section_shows_the_notice_and_the_owner(followed, tmp_path):
    out = tmp_path / "site"
    result = build_site(out, "suivi", followed.parent)
    assert result.returncode == 0, result.stderr
    html = article_html(out, "plan")
    notice = html[html.index('<div class="admonition warning socle-a-verifier"'):]
    text = visible_text(notice)
    assert text.startswith("À vérifier Ce contenu devait être relu le 1er janvier 2000 par Direction "
                           "des ressources humaines. Il peut ne plus être à jour")
    assert html.index("socle-a-verifier") < html.index('id="axe-1"'), "l'avis doit précéder le contenu"
    footer = visible_text(html[html.index('class="socle-infos-page"'):])
    assert "Contenu suivi par Direction des ressources humaines — à vérifier" in footer
    assert ("Objectif 1.1 : contenu suivi par Service communication — prochaine relecture le "
            "31 décembre 2099") in footer
    # Pages made of other sections carry no notice.
    assert "socle-a-verifier" not in article_html(out, "a-propos")


def test_several_overdue_items_are_listed(followed, tmp_path):
    plan = followed / "plan.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("2099-12-31", "2001-02-01"), encoding="utf-8")
    out = tmp_path / "site"
    assert build_site(out, "suivi", followed.parent).returncode == 0
    html = article_html(out, "plan")
    text = visible_text(html[html.index("socle-a-verifier"):html.index('id="axe-1"')])
    assert "Une partie de ce contenu devait être relue" in text
    assert "l'ensemble de la page : à relire depuis le 1er janvier 2000 (Direction des ressources humaines)" \
        in text
    assert "Objectif 1.1 : à relire depuis le 1er février 2001 (Service communication)" in text


def test_no_notice_before_the_date(followed, tmp_path):
    plan = followed / "plan.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("2000-01-01", "2099-01-01"), encoding="utf-8")
    out = tmp_path / "site"
    assert build_site(out, "suivi", followed.parent).returncode == 0
    html = article_html(out, "plan")
    assert "socle-a-verifier" not in html
    assert "Contenu suivi par Direction des ressources humaines — prochaine relecture le 1er janvier 2099" \
        in visible_text(html)


def test_check_lists_overdue_content_as_a_warning(followed):
    result = subprocess.run([sys.executable, "-m", "macros.cli.check", str(followed)], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    [warning] = [line for line in result.stdout.splitlines() if line.startswith("⚠")]
    assert warning.endswith("plan.yml:3: à revoir depuis le 1er janvier 2000 (suivi par Direction des "
                            "ressources humaines). Relisez ce contenu, puis reportez la date « revoir_le ».")


def test_a_badly_written_date_is_explained_in_french(followed):
    plan = followed / "plan.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("2000-01-01", "31/12/2025"), encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_referentiel(followed, followed.parent.parent)
    [error] = [str(e) for e in caught.value.errors]
    assert error.startswith("data/suivi/plan.yml:3:")
    assert "« 31/12/2025 » : dans le fichier, la date s'écrit « 2025-12-31 »" in error
