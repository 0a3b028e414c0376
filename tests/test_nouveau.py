"""`make nouveau`: a new organisation's référentiel, valid and built at once."""

from __future__ import annotations

import subprocess
import sys

import pytest

from macros.cli.nouveau import create
from macros.data.loader import load_referentiel

from .conftest import ROOT, article_html, build_site, visible_text


def test_the_new_referentiel_is_valid_and_names_the_organisation(tmp_path):
    folder = create("syndicat-essai", "Syndicat d'essai des eaux", tmp_path / "data")
    loaded = load_referentiel(folder, tmp_path)
    assert loaded.referentiel.organisation.nom == "Syndicat d'essai des eaux"
    assert loaded.referentiel.organisation.sigle_logo == "SEE"
    # One rubrique that shows every kind of block, for the editor to copy from.
    [bienvenue] = loaded.rubriques
    assert {bloc.type for bloc in bienvenue.model.blocs} == {
        "paragraphe", "liste", "etapes", "tableau", "questions", "contacts", "encadre", "definitions"}


def test_the_new_referentiel_builds_and_says_what_to_replace(tmp_path):
    create("essai", None, tmp_path / "data")
    out = tmp_path / "site"
    result = build_site(out, "essai", tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert "Bienvenue" in visible_text(article_html(out, "bienvenue"))
    assert (out / "kit-accueil.pdf").stat().st_size > 10_000
    check = subprocess.run([sys.executable, "-m", "macros.cli.check", str(tmp_path / "data" / "essai")],
                           cwd=ROOT, capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stderr
    assert "rubriques/bienvenue.yml:" in check.stdout and "texte à remplacer" in check.stdout


def test_an_existing_folder_or_a_bad_name_is_refused(tmp_path):
    create("essai", None, tmp_path / "data")
    with pytest.raises(ValueError, match="existe déjà"):
        create("essai", None, tmp_path / "data")
    with pytest.raises(ValueError, match="minuscules sans accents"):
        create("Mon Syndicat", None, tmp_path / "data")


def test_a_markdown_table_typed_in_a_text_field_is_flagged(tmp_path):
    """Valid, but shown with its pipes: `make check` names the file, the line and the tableau block."""
    import shutil

    from .conftest import FIXTURES

    folder = tmp_path / "data" / "tableau"
    shutil.copytree(FIXTURES / "mini", folder)
    plan = folder / "plan.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "  - Une phrase d'introduction.\n",
        "  - |\n    | Jour | Horaire |\n    |---|---|\n    | Lundi | 9 h |\n"), encoding="utf-8")
    check = subprocess.run([sys.executable, "-m", "macros.cli.check", str(folder)], cwd=ROOT,
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stderr
    assert "plan.yml:4: ce texte contient un tableau écrit en Markdown" in check.stdout
    assert "bloc « tableau »" in check.stdout


@pytest.mark.parametrize(("nom", "nature"), [
    ("Syndicat intercommunal des eaux du Val", "syndicat"),
    ("Centre hospitalier de Lens", "etablissement-de-sante"),
    ("CHU de Lille", "etablissement-de-sante"),
    ("Communauté de communes du Ternois", "communaute-de-communes"),
    ("Communauté d’agglomération de Béthune-Bruay", "communaute-d-agglomeration"),
    ("CCAS de Béthune", "ccas"),
    ("Centre communal d'action sociale d'Arras", "ccas"),
    ("Centre de gestion du Pas-de-Calais", "centre-de-gestion"),
    ("Ville de Béthune", "commune"),
    ("Département du Pas-de-Calais", "departement"),
    ("Office de tourisme du Val", "organisme"),
    (None, "organisme"),
])
def test_the_nature_is_taken_from_the_name_or_left_neutral(tmp_path, nom, nature):
    folder = create("essai", nom, tmp_path / "data")
    loaded = load_referentiel(folder, tmp_path)
    assert loaded.referentiel.organisation.nature == nature


def test_a_hospital_s_new_home_page_says_l_etablissement_never_la_collectivite(tmp_path):
    create("ch", "Centre hospitalier d'Essai", tmp_path / "data")
    out = tmp_path / "site"
    result = build_site(out, "ch", tmp_path / "data")
    assert result.returncode == 0, result.stderr
    home = visible_text(article_html(out, ""))
    assert "qui découvrent l'établissement" in home
    assert "collectivité" not in home and "manager" not in home
