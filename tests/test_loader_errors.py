"""Validation errors: all at once, with file, line and a French explanation."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.data.errors import DataErrors
from macros.data.loader import LoadedReferentiel, load_referentiel, per_referentiel

from .conftest import FIXTURES, ROOT


@pytest.fixture
def referentiel(tmp_path) -> Path:
    folder = tmp_path / "data" / "essai"
    shutil.copytree(FIXTURES / "mini", folder)
    return folder


def errors_for(folder: Path, filename: str, text: str) -> list[str]:
    (folder / filename).write_text(text, encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_referentiel(folder, folder.parent.parent)
    return [str(error) for error in caught.value.errors]


PLAN_OK = (FIXTURES / "mini" / "plan.yml").read_text(encoding="utf-8")


def test_fixture_is_valid(referentiel):
    loaded = load_referentiel(referentiel, referentiel.parent.parent)
    assert loaded.has("plan") and not loaded.has("gouvernance")


def test_missing_required_field(referentiel):
    text = PLAN_OK.replace("titre: Plan d'essai", "# titre: Plan d'essai")
    [error] = errors_for(referentiel, "plan.yml", text)
    # The file's first line is now a comment: the mapping, and the error, start on line 2.
    assert error.startswith("data/essai/plan.yml:2:1: ")
    assert "champ obligatoire « titre » manque" in error


def test_wrong_type(referentiel):
    text = PLAN_OK.replace("  - numero: 1\n", "  - numero: un\n", 1)
    [error] = errors_for(referentiel, "plan.yml", text)
    line = PLAN_OK.splitlines().index("  - numero: 1") + 1
    assert error.startswith(f"data/essai/plan.yml:{line}:")
    assert "« un » n'est pas un numéro d'axe : écrivez un nombre (1, 2…) ou" in error


def test_unknown_key_suggests_the_right_one(referentiel):
    text = PLAN_OK.replace("    titre: Faire simple\n", "    titer: Faire simple\n")
    errors = errors_for(referentiel, "plan.yml", text)
    assert any("clé « titer » est inconnue : vouliez-vous dire « titre » ?" in e for e in errors)
    line = text.splitlines().index("    titer: Faire simple") + 1
    assert any(e.startswith(f"data/essai/plan.yml:{line}:5: ") for e in errors)


def test_duplicate_key_stops_with_line(referentiel):
    text = PLAN_OK.replace("titre: Plan d'essai\n", "titre: Plan d'essai\ntitre: Encore\n")
    [error] = errors_for(referentiel, "plan.yml", text)
    assert error.startswith("data/essai/plan.yml:2:1: ")
    assert "apparaît deux fois" in error


def test_empty_required_list(referentiel):
    text = PLAN_OK.replace("axes:\n  - numero: 1\n    titre: Premier axe\n    devise: Une devise\n",
                           "axes: []\n")
    [error] = errors_for(referentiel, "plan.yml", text)
    assert error.startswith("data/essai/plan.yml:5:1: ")
    assert "la liste « axes » est vide" in error


def test_reference_to_missing_axe(referentiel):
    text = PLAN_OK.replace("    axe: 1\n", "    axe: 7\n")
    [error] = errors_for(referentiel, "plan.yml", text)
    assert "rattaché à l'axe 7, qui n'existe pas" in error


def test_bad_enum_lists_allowed_values(referentiel):
    text = PLAN_OK.replace("horizon: moyen-terme", "horizon: bientot")
    [error] = errors_for(referentiel, "plan.yml", text)
    assert "l'horizon « bientot » n'est pas un horizon du plan" in error
    assert "horizons possibles : grand-projet, moyen-terme" in error


def test_every_error_is_reported_at_once(referentiel):
    (referentiel / "referentiel.yml").write_text(
        (referentiel / "referentiel.yml").read_text(encoding="utf-8") + "inconnu: 1\n",
        encoding="utf-8")
    text = PLAN_OK.replace("horizon: moyen-terme", "horizon: bientot").replace(
        "titre: Plan d'essai", "# titre: Plan d'essai").replace("    axe: 1\n", "    axe: un\n")
    errors = errors_for(referentiel, "plan.yml", text)
    assert len(errors) == 3
    assert {e.split(":")[0] for e in errors} == {"data/essai/plan.yml", "data/essai/referentiel.yml"}


def test_unknown_file_is_flagged(referentiel):
    errors = errors_for(referentiel, "gouvernace.yml", "titre: x\n")
    assert any(e.startswith("data/essai/gouvernace.yml: fichier inconnu") for e in errors)


def test_real_data_is_valid():
    for slug in ("bethune", "pas-de-calais"):
        load_referentiel(ROOT / "data" / slug, ROOT)


def test_reference_error_points_at_the_faulty_line(referentiel):
    text = PLAN_OK.replace("    axe: 1\n", "    axe: 7\n")
    [error] = errors_for(referentiel, "plan.yml", text)
    line = text.splitlines().index("    axe: 7") + 1
    assert error.startswith(f"data/essai/plan.yml:{line}:5: ")


def test_what_pages_ask_of_a_referentiel_is_worked_out_once_per_referentiel():
    calls = []

    @per_referentiel
    def section_size(ref, key):
        calls.append((ref, key))
        return len(key)

    # Two loads of the data: two référentiel objects, each keeping its own answers.
    first, second = LoadedReferentiel("essai", Path("essai")), LoadedReferentiel("essai", Path("essai"))
    sizes = [section_size(first, "plan"), section_size(first, "plan"), section_size(first, "charte")]
    assert sizes == [4, 4, 6]
    assert calls == [(first, "plan"), (first, "charte")]
    assert section_size(second, "plan") == 4
    assert calls[-1] == (second, "plan")


def test_a_reference_to_nothing_is_said_with_the_other_files_errors(referentiel):
    """An unknown instance in plan.yml and a mistake in another file: one report, both errors."""
    action = "        texte: Écrire une action\n"
    (referentiel / "plan.yml").write_text(
        PLAN_OK.replace(action, action + "        instances: [codir]\n"), encoding="utf-8")
    identity = referentiel / "referentiel.yml"
    identity.write_text(identity.read_text(encoding="utf-8") + "inconnu: 1\n", encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_referentiel(referentiel, referentiel.parent.parent)
    errors = [str(error) for error in caught.value.errors]
    assert [e.split(":")[0] for e in errors] == ["data/essai/plan.yml", "data/essai/referentiel.yml"], errors
    assert "l'action « action-1 » est suivie par l'instance « codir », qui n'existe pas" in errors[0]


def test_a_text_ending_with_a_colon_is_explained(referentiel):
    # `- Pour venir:` is a one-key mapping to YAML: the editor meant a text.
    text = PLAN_OK.replace("  - Une phrase d'introduction.", "  - Pour venir:")
    [error] = errors_for(referentiel, "plan.yml", text)
    assert error == ("data/essai/plan.yml:3:5: « introduction » doit être un texte, mais « Pour venir: » "
                     "a été lu comme un champ : un texte qui contient « : » suivi d'un espace, ou qui "
                     "finit par « : », s'écrit entre guillemets (« \"Pour venir:\" »).")


def test_checks_across_fields_are_said_with_the_field_errors_of_every_file(referentiel):
    """One report, in source order: a field error and a statut unknown to the plan in plan.yml,
    and the errors of referentiel.yml — not the statut in a second round."""
    text = (PLAN_OK.replace("        texte: Écrire une action\n", "        texte: Écrire une action\n"
                            "        avancement: beaucoup\n")
            .replace("        statut: fait\n", "        statut: termine\n"))
    (referentiel / "plan.yml").write_text(text, encoding="utf-8")
    identity = referentiel / "referentiel.yml"
    identity.write_text(identity.read_text(encoding="utf-8").replace("  nom_court: Essai\n", "")
                        + "inconnu: 1\n", encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_referentiel(referentiel, referentiel.parent.parent)
    lines = text.splitlines()
    avancement = lines.index("        avancement: beaucoup") + 1
    statut = lines.index("        statut: termine") + 1
    errors = [str(error) for error in caught.value.errors]
    assert [e.split(": ")[0] for e in errors] == [
        f"data/essai/plan.yml:{avancement}:9", f"data/essai/plan.yml:{statut}:9",
        "data/essai/referentiel.yml:2:1", "data/essai/referentiel.yml:10:1"], errors
    assert "« beaucoup » n'est pas un pourcentage" in errors[0]
    assert "le statut « termine » n'est pas un statut du plan (statuts possibles : fait, non-renseigne)" \
        in errors[1]
    assert "le champ obligatoire « nom_court » manque" in errors[2]
    assert "la clé « inconnu » est inconnue" in errors[3]


def test_every_check_of_a_file_is_said_not_only_the_first(referentiel):
    text = (PLAN_OK.replace("        statut: fait\n", "        statut: termine\n")
            .replace("      - id: action-2\n", "      - id: action-1\n")
            .replace("horizon: moyen-terme", "horizon: bientot"))
    errors = errors_for(referentiel, "plan.yml", text)
    assert len(errors) == 3, errors
    assert [e.split(":")[1] for e in errors] == sorted((e.split(":")[1] for e in errors), key=int)
    assert any("deux actions portent l'identifiant « action-1 »" in e for e in errors)


def test_a_required_title_missing_does_not_hide_the_checks(referentiel):
    text = PLAN_OK.replace("titre: Plan d'essai", "# titre: Plan d'essai").replace(
        "horizon: moyen-terme", "horizon: bientot")
    errors = errors_for(referentiel, "plan.yml", text)
    assert len(errors) == 2, errors
    assert "champ obligatoire « titre » manque" in errors[0]
    assert "l'horizon « bientot » n'est pas un horizon du plan" in errors[1]


def test_a_check_reading_a_list_with_an_item_set_aside_is_not_said(referentiel):
    """Axe 1 has a mistake: its objectif is not « tied to an unknown axe »."""
    text = PLAN_OK.replace("    titre: Premier axe\n", "    titre: Premier axe\n    couleur: bleu\n").replace(
        "  - numero: 1\n", "  - numero: un\n", 1).replace("statut: fait", "statut: termine").replace(
        "objectifs:\n", "  - numero: 2\n    titre: Second axe\nobjectifs:\n")
    errors = errors_for(referentiel, "plan.yml", text)
    assert len(errors) == 3, errors
    assert "« un » n'est pas un numéro d'axe" in errors[0]
    assert "la clé « couleur » est inconnue" in errors[1]
    assert "le statut « termine »" in errors[2]
    assert not any("n'existe pas" in e for e in errors)
