"""« Quoi de neuf » from git history: a scratch repository with real commits, then a real build."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from macros.history.changes import describe_changes
from macros.history.gitinfo import last_change
from macros.history.news import modifications
from macros.text.francais import date_fr

from .conftest import FIXTURES, ROOT, article_html, build_site, visible_text
from .helpers import git as _git

GOUVERNANCE = (ROOT / "data" / "bethune" / "gouvernance.yml").read_text(encoding="utf-8")
FIRST_FREQUENCY = re.search(r"^    frequence: (.+)$", GOUVERNANCE, re.M)
NEW_ACTION = ("      - id: lettre-interne\n        texte: Publier chaque mois une lettre interne\n"
              "        horizon: moyen-terme\n")




@pytest.fixture(scope="module")
def scratch_repo(tmp_path_factory) -> Path:
    """data/essai/ with three commits: creation, real changes, a comment-only change."""
    repo = tmp_path_factory.mktemp("depot")
    folder = repo / "data" / "essai"
    shutil.copytree(FIXTURES / "mini", folder)
    (folder / "gouvernance.yml").write_text(GOUVERNANCE, encoding="utf-8")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "Création", when="2024-03-01T10:00:00+01:00")

    plan = folder / "plan.yml"
    text = plan.read_text(encoding="utf-8")
    text = text.replace("        statut: fait\n", "        statut: fait\n" + NEW_ACTION)
    text = text.replace("titre: Faire simple", "titre: Faire plus simple")
    plan.write_text(text, encoding="utf-8")
    gouvernance = folder / "gouvernance.yml"
    gouvernance.write_text(GOUVERNANCE.replace(FIRST_FREQUENCY.group(0), "    frequence: Chaque mois", 1),
                           encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "Update plan.yml", when="2024-03-12T15:30:00+01:00")

    plan.write_text("# Un commentaire seulement.\n" + plan.read_text(encoding="utf-8"), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "Commentaire", when="2024-04-02T09:00:00+02:00")
    return repo


def test_changes_are_told_in_plain_french(scratch_repo):
    found = modifications(scratch_repo / "data" / "essai")
    by_file = {(m.quand, m.fichier): m.changements for m in found}
    plan = by_file[(date(2024, 3, 12), "plan.yml")]
    assert "Action ajoutée : « Publier chaque mois une lettre interne » (objectif 1.1)" in plan
    assert "Titre modifié : « Faire simple » → « Faire plus simple » (objectif 1.1)" in plan
    gouvernance = by_file[(date(2024, 3, 12), "gouvernance.yml")]
    [frequency] = gouvernance
    assert frequency.startswith(f"Fréquence modifiée : « {FIRST_FREQUENCY.group(1)} » → « Chaque mois » "
                                "(instance « ")
    # The first commit adds whole sections; the comment-only commit changes no data.
    assert by_file[(date(2024, 3, 1), "plan.yml")] == ("Section ajoutée au référentiel",)
    assert not any(m.quand == date(2024, 4, 2) for m in found)
    assert [m.quand for m in found] == sorted((m.quand for m in found), reverse=True)


def test_quoi_de_neuf_page_and_home_page_list_the_changes(scratch_repo, tmp_path):
    out = tmp_path / "site"
    result = build_site(out, "essai", scratch_repo / "data")
    assert result.returncode == 0, result.stderr
    page = visible_text(article_html(out, "quoi-de-neuf"))
    assert page.index("12 mars 2024") < page.index("1er mars 2024")
    assert "Action ajoutée : « Publier chaque mois une lettre interne » (objectif 1.1)" in page
    assert "Fréquence modifiée" in page and "→ « Chaque mois »" in page
    assert "Plan d'amélioration (plan.yml)" in page
    html = article_html(out, "quoi-de-neuf")
    assert 'href="../plan/"' in html and 'id="modifications-2024-03-12"' in html
    home = visible_text(article_html(out, ""))
    assert "Dernières modifications" in home and "12 mars 2024 — Plan d'amélioration" in home
    assert "Quoi de neuf" in (out / "index.html").read_text(encoding="utf-8")  # in the navigation


def test_last_update_comes_from_the_latest_commit(scratch_repo):
    folder = scratch_repo / "data" / "essai"
    assert last_change([folder / "plan.yml"]) == date(2024, 4, 2)
    assert last_change([folder / "gouvernance.yml", folder / "referentiel.yml"]) == date(2024, 3, 12)
    assert date_fr(date(2024, 3, 1)) == "1er mars 2024" and date_fr(date(2025, 8, 15)) == "15 août 2025"


def test_shallow_clone_does_not_invent_additions(scratch_repo, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{scratch_repo}", str(clone)],
                   check=True, capture_output=True)
    found = modifications(clone / "data" / "essai")
    # Commit 2 is the clone's boundary: its parent is missing, so it is skipped, not
    # mistaken for the creation of every file; commit 3 changes no data.
    assert found == []


def test_folder_outside_git_has_no_history(tmp_path):
    folder = tmp_path / "data" / "essai"
    shutil.copytree(FIXTURES / "mini", folder)
    assert modifications(folder) == []
    assert last_change([folder / "plan.yml"]) is None


def test_build_without_git_still_works(tmp_path):
    """No git on the machine at all (a tarball build): no dates, no history, no failure."""
    out = tmp_path / "site"
    path = os.environ.get("PATH", "")
    os.environ["PATH"] = str(tmp_path / "rien")
    try:
        result = build_site(out, "mini", FIXTURES)
    finally:
        os.environ["PATH"] = path
    assert result.returncode == 0, result.stderr
    assert "construite hors d'un dépôt git" in visible_text(article_html(out, "quoi-de-neuf"))
    plan = visible_text(article_html(out, "plan"))
    assert "Dernière mise à jour" not in plan
    assert "Modifier cette page" in plan


def test_identical_data_gives_no_change():
    assert describe_changes({"a": ["x"]}, {"a": ["x"]}) == []
    assert describe_changes({"instances": [{"id": "cm", "nom": "CM"}]},
                            {"instances": []}) == ["Instance supprimée : « CM »"]


def test_changes_to_rubriques_are_told_and_linked_to_their_page(tmp_path):
    """An organisation's own pages, YAML and Markdown, have their history too."""
    repo = tmp_path / "depot"
    folder = repo / "data" / "essai"
    shutil.copytree(FIXTURES / "mini", folder)
    rubriques = folder / "rubriques"
    rubriques.mkdir()
    shutil.copy(FIXTURES / "syndicat" / "rubriques" / "teletravail.md", rubriques)
    shutil.copy(FIXTURES / "syndicat" / "rubriques" / "contacts.yml", rubriques)
    shutil.copytree(FIXTURES / "syndicat" / "fichiers", folder / "fichiers")  # what contacts.yml shows
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "Création", when="2024-05-02T10:00:00+02:00")
    page = rubriques / "teletravail.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("| Agent à temps partiel | 1 |", "| Agent à temps partiel | 2 |"),
                    encoding="utf-8")
    contacts = rubriques / "contacts.yml"
    text = contacts.read_text(encoding="utf-8")
    contacts.write_text(text.replace("Service informatique", "Direction du numérique"), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "Télétravail", when="2024-05-20T10:00:00+02:00")
    # A text with a link changed: the sentence quotes the words the page shows, not Markdown.
    page.write_text(page.read_text(encoding="utf-8").replace(
        "1. Remplir le [formulaire de demande]", "1. Remplir et signer le [formulaire de demande]"),
        encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "Formulaire", when="2024-05-25T10:00:00+02:00")

    by_file = {(m.quand, m.fichier): m.changements for m in modifications(folder)}
    assert by_file[(date(2024, 5, 2), "rubriques/teletravail.md")] == ("Page ajoutée au référentiel",)
    [table] = by_file[(date(2024, 5, 20), "rubriques/teletravail.md")]
    [etape] = by_file[(date(2024, 5, 25), "rubriques/teletravail.md")]
    assert "« Agent à temps partiel | 1 | Responsable de service » → « Agent à temps partiel | 2 |" in table
    assert "« Remplir le formulaire de demande avec" in etape
    assert "→ « Remplir et signer le formulaire" in etape
    assert "](" not in etape and "fichiers/" not in etape
    [service] = by_file[(date(2024, 5, 20), "rubriques/contacts.yml")]
    assert "« Service informatique » → « Direction du numérique »" in service

    out = tmp_path / "site"
    result = build_site(out, "essai", repo / "data")
    assert result.returncode == 0, result.stderr
    news = article_html(out, "quoi-de-neuf")
    assert 'href="../teletravail/"' in news and "Le télétravail" in visible_text(news)
    home = visible_text(article_html(out, ""))
    assert "Dernières modifications" in home and "Remplir et signer le formulaire de demande" in home
    assert "[formulaire" not in home and "](" not in home


def test_changes_name_a_plans_axes_with_its_own_word():
    old = {"nom_axe": "Orientation", "axes": [{"numero": "A", "titre": "Accueillir"}]}
    new = {"nom_axe": "Orientation", "axes": [{"numero": "A", "titre": "Mieux accueillir"},
                                             {"numero": "B", "titre": "Soigner"}]}
    assert describe_changes(old, new) == [
        "Titre modifié : « Accueillir » → « Mieux accueillir » (orientation A)",
        "Orientation ajoutée : « Soigner »"]
    assert describe_changes({"axes": []}, {"axes": [{"numero": "1", "titre": "Un"}]}) == [
        "Axe ajouté : « Un »"]


def test_changes_say_dates_as_the_site_does_and_fields_by_their_names():
    from macros.models.plan import Plan
    from macros.models.referentiel import Referentiel

    def plan(**action):
        return {"axes": [{"numero": "1", "titre": "Un"}],
                "objectifs": [{"numero": "1.1", "axe": "1", "titre": "Deux",
                               "actions": [{"id": "a1", "texte": "Trois", **action}]}]}

    changes = describe_changes(plan(echeance="2027-06-30"),
                               plan(echeance="2027-06", debut="2026-01-15", thematiques=["eau"],
                                    priorite="haute"), Plan)
    assert changes == [
        "Échéance modifiée : « 30 juin 2027 » → « juin 2027 » (action « a1 », objectif 1.1)",
        "Début ajouté : « 15 janvier 2026 » (action « a1 », objectif 1.1)",
        "Thématiques ajoutées (action « a1 », objectif 1.1)",
        "Priorité ajoutée : « haute » (action « a1 », objectif 1.1)"]
    # The name the model gives the field, where the file says `agents`.
    assert describe_changes({"organisation": {"nom": "CH"}},
                            {"organisation": {"nom": "CH", "agents": "professionnels"}}, Referentiel) == [
        "Public du document ajouté : « professionnels »"]
    # A date the model does not know as one (a free text) is quoted as written.
    assert describe_changes({"suivi": {"revoir_le": "2026-01-01"}},
                            {"suivi": {"revoir_le": "2026-03"}}, Plan) == [
        "Date de relecture modifiée : « 1er janvier 2026 » → « mars 2026 »"]


def _models():
    from macros.history.champs import champ
    from macros.registry import KINDS, RUBRIQUES

    seen: list = []

    def walk(model) -> None:
        if model in seen:
            return
        seen.append(model)
        for name in model.model_fields:
            for inner in champ(model, name).modeles:
                walk(inner)

    for kind in (*KINDS, RUBRIQUES):
        walk(kind.model)
    return seen


@pytest.mark.parametrize("model", _models(), ids=lambda model: model.__name__)
def test_no_change_names_a_field_by_its_key(model):
    """Every field of every model, added to a file: the sentence names it in French words."""
    for name in model.model_fields:
        [sentence] = describe_changes({}, {name: "x"}, model)
        assert "_" not in sentence and "Champ «" not in sentence, sentence
        assert sentence[0].isupper(), sentence


def test_quoi_de_neuf_names_a_file_by_its_page_and_a_removed_page_once(tmp_path):
    """plan.yml is the plan's page even when an organisation puts that page after its synthesis;
    a rubrique removed has no page left: its file is named, once."""
    repo = tmp_path / "depot"
    folder = repo / "data" / "essai"
    shutil.copytree(FIXTURES / "mini", folder)
    referentiel = folder / "referentiel.yml"
    referentiel.write_text(referentiel.read_text(encoding="utf-8")
                           + "pages:\n  plan:\n    position: 600\n", encoding="utf-8")
    (folder / "rubriques").mkdir()
    shutil.copy(FIXTURES / "syndicat" / "rubriques" / "teletravail.md", folder / "rubriques")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "Création", when="2024-05-02T10:00:00+02:00")
    plan = folder / "plan.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("titre: Faire simple", "titre: Faire mieux"),
                    encoding="utf-8")
    (folder / "rubriques" / "teletravail.md").unlink()
    _git(repo, "commit", "-q", "-am", "Retrait", when="2024-05-20T10:00:00+02:00")

    out = tmp_path / "site"
    result = build_site(out, "essai", repo / "data")
    assert result.returncode == 0, result.stderr
    news = visible_text(article_html(out, "quoi-de-neuf"))
    assert "Plan d'amélioration (plan.yml) Titre modifié" in news, news
    assert "Synthèse du plan (plan.yml)" not in news, news
    assert news.count("rubriques/teletravail.md") == 2, news  # on the day it went, and the day it came
    assert "rubriques/teletravail.md Page retirée du référentiel" in news, news


def test_a_rubriques_texts_are_quoted_as_the_page_shows_them():
    from macros.models.rubrique import Rubrique

    def rubrique(texte):
        return {"titre": "T", "blocs": [{"type": "paragraphe", "texte": texte}]}

    assert describe_changes(rubrique("Lire la **note**."),
                            rubrique("Lire la [note](fichiers/note.pdf) <b>ici</b>."), Rubrique,
                            en_ligne=True) == [
        "Texte modifié : « Lire la note. » → « Lire la note <b>ici</b>. » (bloc n°1)"]
    # Only the address changed: the words are the same, the sentence says what changed.
    assert describe_changes(rubrique("[note](https://a.invalid/)"), rubrique("[note](https://b.invalid/)"),
                            Rubrique, en_ligne=True) == [
        "Texte modifié : l'adresse d'un lien de « note » (bloc n°1)"]
    # A bespoke kind's text has no syntax: its stars are the text.
    assert describe_changes({"titre": "a"}, {"titre": "a *b*"}) == ["Titre modifié : « a » → « a *b* »"]
