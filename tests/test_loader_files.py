"""The loader trusts no path: links, special files, giants and file names that are paths.

Each case damages a copy of the one-section fixture and checks that the loader names the
file in French, reads nothing it should not (no hang on a pipe, nothing published through a
link), and that a real build stops with the same message.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from macros.data.errors import DataErrors
from macros.data.limites import TAILLE_MAX_FICHIER
from macros.data.loader import load_referentiel
from macros.history.news import parse_version

from .conftest import FIXTURES, build_site


@pytest.fixture
def referentiel(tmp_path) -> Path:
    folder = tmp_path / "data" / "essai"
    shutil.copytree(FIXTURES / "mini", folder)
    return folder


def _errors(folder: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_referentiel(folder, folder.parent.parent)
    return [str(error) for error in caught.value.errors]


def _secret(tmp_path: Path) -> Path:
    secret = tmp_path / "hors-du-depot.md"
    secret.write_text("# Secret\n\nMot de passe du serveur : hunter2\n", encoding="utf-8")
    return secret


def test_a_linked_rubrique_is_refused_and_never_published(tmp_path, referentiel):
    (referentiel / "rubriques").mkdir()
    (referentiel / "rubriques" / "piege.md").symlink_to(_secret(tmp_path))
    [error] = _errors(referentiel)
    assert error.startswith("data/essai/rubriques/piege.md: lien symbolique refusé"), error
    out = tmp_path / "site"
    result = build_site(out, "essai", referentiel.parent)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "data/essai/rubriques/piege.md: lien symbolique refusé" in output.replace(f"{tmp_path}/", "")
    assert "hunter2" not in output and not out.exists()


@pytest.mark.parametrize("where", ["plan.yml", "source/autre.txt", "rubriques"])
def test_a_link_anywhere_in_the_folder_is_refused(tmp_path, referentiel, where):
    target = referentiel / where
    if target.exists():
        target.unlink()
    target.parent.mkdir(exist_ok=True)
    target.symlink_to(tmp_path if where == "rubriques" else _secret(tmp_path))
    errors = _errors(referentiel)
    assert f"data/essai/{where}: lien symbolique refusé : un lien ferait publier un fichier pris hors " \
           "du référentiel. Remplacez-le par une copie du fichier lui-même." in errors, errors


def test_the_referentiel_folder_itself_may_not_be_a_link(tmp_path):
    real = tmp_path / "ailleurs"
    shutil.copytree(FIXTURES / "mini", real)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "essai").symlink_to(real)
    [error] = _errors(tmp_path / "data" / "essai")
    assert error.startswith("data/essai: lien symbolique refusé"), error


def test_a_pipe_is_refused_without_being_opened(referentiel):
    # Opening a pipe for reading waits for a writer: the build would hang for ever.
    (referentiel / "plan.yml").unlink()
    os.mkfifo(referentiel / "plan.yml")
    [error] = _errors(referentiel)
    assert error == "data/essai/plan.yml: ce n'est pas un fichier ordinaire : retirez-le du dossier."


def test_a_file_over_the_limit_is_refused_before_it_is_read(referentiel):
    plan = referentiel / "plan.yml"
    with plan.open("a", encoding="utf-8") as out:
        out.write("#" * (TAILLE_MAX_FICHIER + 1 - plan.stat().st_size) + "\n")
    [error] = _errors(referentiel)
    assert error.startswith("data/essai/plan.yml: le fichier est trop gros (5 Mo) : un fichier de "
                            "données ne dépasse pas 5 Mo."), error


@pytest.mark.parametrize("name", ["../../../../etc/passwd", "source/document-essai.txt", ".cache"])
def test_the_source_document_is_a_name_not_a_path(referentiel, name):
    identity = referentiel / "referentiel.yml"
    identity.write_text(identity.read_text(encoding="utf-8").replace(
        "fichier: document-essai.txt", f"fichier: {name}"), encoding="utf-8")
    [error] = _errors(referentiel)
    assert error.startswith(f"data/essai/referentiel.yml:10:3: « {name} » n'est pas un nom de fichier"), error


def test_the_source_document_must_be_there(referentiel):
    (referentiel / "source" / "document-essai.txt").unlink()
    [error] = _errors(referentiel)
    assert error == ("data/essai/referentiel.yml:10:3: le document source « document-essai.txt » doit "
                     "être un fichier du dossier data/essai/source/, qui n'en contient pas de ce nom : "
                     "déposez-y le texte du document, ou corrigez le nom.")


def test_history_never_expands_an_anchor():
    # A version committed without the checks: nine levels of aliases, a billion items.
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + level)}: &{chr(98 + level)} [{', '.join(['*' + chr(97 + level)] * 10)}]\n"
        for level in range(8))
    assert parse_version("0" * 40, bomb.encode(), "plan.yml") is None
    assert parse_version("1" * 40, b"titre: R&D\n", "plan.yml") == {"titre": "R&D"}
    assert parse_version("2" * 40, b"#" * (TAILLE_MAX_FICHIER + 1), "plan.yml") is None


def test_hidden_files_are_left_alone(referentiel):
    # The editor's temporary file lives a few milliseconds beside the file it replaces.
    (referentiel / ".plan.yml.editeur").write_text("pas: [du yaml", encoding="utf-8")
    (referentiel / ".DS_Store").write_bytes(b"\0\1")
    assert load_referentiel(referentiel, referentiel.parent.parent).has("plan")
