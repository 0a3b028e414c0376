"""The plan's history from git: a throwaway repository, three commits changing statuses."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest

from macros.data.loader import load_referentiel
from macros.history import gitinfo
from macros.plan.historique import historique

from .conftest import SYNDICAT_TODAY, article_html, build_site, visible_text
from .helpers import depot_du_syndicat, git


def _set(text: str, action: str, line: str) -> str:
    """Add `line` (« statut: terminee ») right under the id of `action`."""
    anchor = f"      - id: {action}\n"
    assert anchor in text
    return text.replace(anchor, anchor + f"        {line}\n", 1)


@pytest.fixture(scope="module")
def depot(tmp_path_factory):
    repo = tmp_path_factory.mktemp("plan")
    folder = depot_du_syndicat(repo)
    plan = folder / "plan.yml"
    text = plan.read_text(encoding="utf-8")
    text = text.replace("        statut: engagee\n", "        statut: terminee\n", 1)   # livret-accueil
    text = _set(text, "visite-usine", "statut: engagee")
    text = _set(text, "visite-usine", "avancement: 30")
    plan.write_text(text, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Suivi de février", when="2026-02-14T15:00:00+01:00")
    text = text.replace("        avancement: 30\n        statut: engagee\n",
                        "        avancement: 100\n        statut: terminee\n", 1)   # visite-usine
    text = text.replace("        statut: suspendue\n", "        statut: terminee\n", 1)  # factures
    plan.write_text(text, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Suivi de mars", when="2026-03-20T15:00:00+01:00")
    text = text.replace("        texte: \"Rendre les factures plus lisibles\"\n        statut: terminee\n",
                        "        texte: \"Rendre les factures plus lisibles\"\n        statut: suspendue\n")
    plan.write_text(text, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Suivi d'avril", when="2026-04-02T15:00:00+02:00")
    return repo


def _historique(folder):
    memoire = gitinfo.MemoireGit()
    memoire.demander([folder])
    return historique(folder, load_referentiel(folder, folder.parent.parent).plan, memoire)


def test_three_commits_give_the_dated_changes_of_each_action(depot):
    found = _historique(depot / "data" / "essai")
    assert [(e.quand, e.action, e.phrase) for e in found.evolutions] == [
        (date(2026, 2, 14), "livret-accueil", "Passée à Terminée"),
        (date(2026, 2, 14), "visite-usine", "Passée à Engagée"),
        (date(2026, 2, 14), "visite-usine", "Avancement non indiqué → 30 %"),
        (date(2026, 3, 20), "visite-usine", "Passée à Terminée"),
        (date(2026, 3, 20), "visite-usine", "Avancement 30 % → 100 %"),
        (date(2026, 3, 20), "factures-lisibles", "Passée à Terminée"),
        (date(2026, 4, 2), "factures-lisibles", "Passée à Suspendue"),
    ]


def test_the_monthly_chart_counts_actions_realised_each_month(depot):
    folder = depot / "data" / "essai"
    plan = load_referentiel(folder, depot).plan
    mois = _historique(folder).realisations(plan).mois
    assert [(m.libelle, m.nombre) for m in mois] == [("février 2026", 1), ("mars 2026", 2)]


def test_fiche_plan_page_and_quoi_de_neuf_show_the_history(depot, tmp_path):
    out = tmp_path / "site"
    result = build_site(out, "essai", depot / "data", today=SYNDICAT_TODAY)
    assert result.returncode == 0, result.stderr
    fiche = visible_text(article_html(out, "fiches-actions/visite-usine"))
    assert "Historique Passée à Engagée le 14 février 2026" in fiche
    assert "Passée à Terminée le 20 mars 2026" in fiche
    plan = article_html(out, "plan")
    table = visible_text(plan[plan.index("<caption>Actions réalisées par mois"):])
    assert table.startswith("Actions réalisées par mois Mois Actions réalisées février 2026 1 mars 2026 2 "
                            "Total 3")
    assert 'id="figure-plan-mois"' in plan
    news = visible_text(article_html(out, "quoi-de-neuf"))
    assert ("2 avril 2026 — 2.2 Rendre les factures plus lisibles : Passée à Suspendue"
            in news)
    assert news.index("2 avril 2026 — 2.2") < news.index("14 février 2026 — 1.1")


def test_a_shallow_clone_knows_no_history_and_builds(depot, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{depot}", str(clone)],
                   check=True, capture_output=True)
    assert _historique(clone / "data" / "essai").evolutions == ()
    out = tmp_path / "site"
    result = build_site(out, "essai", clone / "data", today=SYNDICAT_TODAY)
    assert result.returncode == 0, result.stderr
    assert "Actions réalisées par mois" not in article_html(out, "plan")


def test_a_new_action_and_each_change_of_pilote_are_dated(tmp_path):
    repo = tmp_path / "plan"
    folder = depot_du_syndicat(repo)
    plan = folder / "plan.yml"
    text = plan.read_text(encoding="utf-8").replace(
        'pilote: "Service des ressources humaines"', 'pilote: "Direction générale"')
    text = _set(text, "factures-lisibles", 'pilote: "Service des usagers"')
    text = text.replace("      - id: factures-lisibles\n", "      - id: relevés-en-ligne\n"
                        "        texte: \"Relevés en ligne\"\n      - id: factures-lisibles\n".replace(
                            "relevés", "releves"))
    plan.write_text(text, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Suivi de février", when="2026-02-14T15:00:00+01:00")
    plan.write_text(text.replace('        pilote: "Service des usagers"\n', ""), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Suivi de mars", when="2026-03-20T15:00:00+01:00")
    found = _historique(folder)
    assert [(e.quand, e.action, e.champ, e.phrase) for e in found.evolutions] == [
        (date(2026, 2, 14), "livret-accueil", "pilote",
         "Pilote : Service des ressources humaines → Direction générale"),
        (date(2026, 2, 14), "releves-en-ligne", "creation", "Ajoutée au plan"),
        (date(2026, 2, 14), "factures-lisibles", "pilote", "Pilote désigné : Service des usagers"),
        (date(2026, 3, 20), "factures-lisibles", "pilote", "Pilote retiré (Service des usagers)"),
    ]
    # The actions of the first version known have no date of creation: nothing says when.
    assert not any(e.champ == "creation" and e.action != "releves-en-ligne" for e in found.evolutions)
    # The fiche's history says it.
    from macros.site.plan_view import vue_plan
    from macros.site.render import fragment

    vue = vue_plan(load_referentiel(folder, repo).plan, found, jour=date(2026, 6, 15))
    [nouvelle] = [a for a in vue.suivi.actions if a.action.id == "releves-en-ligne"]
    assert "Historique Ajoutée au plan le 14 février 2026" in visible_text(
        fragment("plan_fiches", vue, nouvelle, macro="contenu"))
