"""The strict loader: text stays text, mistakes are located."""

from __future__ import annotations

import pytest

from macros.data.errors import DataError
from macros.data.yaml_strict import read_yaml


def load(tmp_path, text: str | bytes):
    path = tmp_path / "f.yml"
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return read_yaml(path, "data/x/f.yml")


@pytest.mark.parametrize("written", ["NO", "yes", "off", "18:30", "01000", "2023-12-04",
                                     "~", "null", "1e3", "0x1F", ".inf"])
def test_yaml_11_values_stay_the_text_written(tmp_path, written):
    assert load(tmp_path, f"valeur: {written}\n")["valeur"] == written


def test_positions_are_kept_for_keys_and_items(tmp_path):
    data = load(tmp_path, "titre: A\nliste:\n  - un\n  - deux\n")
    assert data.position("liste").line == 2
    assert data["liste"].position(1).line == 4
    assert data["liste"].position(1).column == 5


def test_duplicate_key_names_both_lines(tmp_path):
    with pytest.raises(DataError) as caught:
        load(tmp_path, "titre: A\nautre: B\ntitre: C\n")
    assert caught.value.line == 3
    assert "« titre » apparaît deux fois" in caught.value.message
    assert "ligne 1" in caught.value.message
    assert str(caught.value).startswith("data/x/f.yml:3:1: ")


def test_tab_in_indentation(tmp_path):
    with pytest.raises(DataError) as caught:
        load(tmp_path, "liste:\n\t- un\n")
    assert caught.value.line == 2
    assert caught.value.column == 1
    assert "tabulation" in caught.value.message


def test_tab_after_spaces_is_found_at_its_column_and_a_tab_in_text_is_fine(tmp_path):
    with pytest.raises(DataError) as caught:
        load(tmp_path, "titre: un\tdeux\nliste:\n  - un\n   \t- deux\n")
    assert (caught.value.line, caught.value.column) == (4, 4)
    assert load(tmp_path, "titre: un\tdeux\n") == {"titre": "un\tdeux"}


def test_unclosed_quote(tmp_path):
    with pytest.raises(DataError) as caught:
        load(tmp_path, 'titre: "Bonjour\nautre: x\n')
    assert "guillemet" in caught.value.message
    assert caught.value.line is not None


def test_unclosed_quote_in_a_list_item_is_found_at_its_line(tmp_path):
    with pytest.raises(DataError) as caught:
        load(tmp_path, 'actions:\n  - texte: "Bonjour\n    horizon: moyen-terme\n  - texte: "Autre"\n')
    assert (caught.value.line, caught.value.column) == (2, 12)
    assert "guillemet" in caught.value.message


def test_not_utf8(tmp_path):
    with pytest.raises(DataError) as caught:
        load(tmp_path, "titre: ok\nautre: caf\xe9\n".encode("latin-1"))
    assert caught.value.line == 2
    assert "UTF-8" in caught.value.message


@pytest.mark.parametrize("text", ["", "\n\n", "# seulement un commentaire\n"])
def test_empty_file(tmp_path, text):
    with pytest.raises(DataError) as caught:
        load(tmp_path, text)
    assert "vide" in caught.value.message


def test_top_level_must_be_a_mapping(tmp_path):
    with pytest.raises(DataError) as caught:
        load(tmp_path, "- un\n- deux\n")
    assert "clé: valeur" in caught.value.message


def test_colon_inside_plain_text_is_explained(tmp_path):
    with pytest.raises(DataError) as caught:
        load(tmp_path, "titre: Objet : la note: suite\n")
    assert "guillemets" in caught.value.message


def _alias_bomb(levels: int = 8) -> str:
    """Nested aliases: 300 bytes that PyYAML would expand into 9**8 (43 million) strings."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_at_its_first_anchor(tmp_path):
    with pytest.raises(DataError) as caught:
        load(tmp_path, _alias_bomb())
    assert (caught.value.line, caught.value.column) == (1, 5)
    assert "ancre" in caught.value.message and "toutes lettres" in caught.value.message


def test_a_lone_anchor_is_refused(tmp_path):
    with pytest.raises(DataError) as caught:
        load(tmp_path, "titre: Bonjour\nautre: &rappel Texte\n")
    assert (caught.value.line, caught.value.column) == (2, 8)
    assert "« &rappel »" in caught.value.message


def test_an_alias_is_refused_even_without_its_anchor(tmp_path):
    # An alias to an unknown anchor: refused where it is written, with the same explanation.
    with pytest.raises(DataError) as caught:
        load(tmp_path, "titre: Bonjour\nliste:\n  - *rappel\n")
    assert caught.value.line == 3
    assert "alias" in caught.value.message


@pytest.mark.parametrize(("text", "tag"), [
    ("titre: !!python/object/apply:os.system [echo]\n", "!!python/object/apply:os.system"),
    ("titre: !!str 18:30\n", "!!str"),
    ("titre: !ma-balise texte\n", "!ma-balise"),
])
def test_tags_are_refused(tmp_path, text, tag):
    with pytest.raises(DataError) as caught:
        load(tmp_path, text)
    assert (caught.value.line, caught.value.column) == (1, 8)
    assert f"« {tag} »" in caught.value.message


def test_merge_keys_and_second_documents_are_refused(tmp_path):
    with pytest.raises(DataError) as caught:
        load(tmp_path, "a: 1\n<<: {b: 2}\n")
    assert caught.value.line == 2 and "fusion" in caught.value.message
    with pytest.raises(DataError) as caught:
        load(tmp_path, "a: 1\n---\nb: 2\n")
    assert caught.value.line == 2 and "un seul document" in caught.value.message
    # A quoted "<<" is plain text, as any other key.
    assert load(tmp_path, '"<<": 1\n') == {"<<": "1"}


def test_a_key_that_is_a_list_is_refused(tmp_path):
    with pytest.raises(DataError) as caught:
        load(tmp_path, "? [a, b]\n: 1\n")
    assert "simple mot" in caught.value.message


def test_an_alias_bomb_stops_the_check_of_a_referentiel(tmp_path):
    """Through the whole command an editor runs: located message, no traceback, no hang."""
    import shutil
    import subprocess
    import sys

    from .conftest import FIXTURES, ROOT

    folder = tmp_path / "bombe"
    shutil.copytree(FIXTURES / "mini", folder)
    (folder / "plan.yml").write_text(_alias_bomb(), encoding="utf-8")
    # The timeout only keeps a regression from hanging the suite: refusal takes milliseconds.
    result = subprocess.run([sys.executable, "-m", "macros.cli.check", str(folder)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 1
    assert "bombe/plan.yml:1:5: l'ancre YAML « &a0 » n'est pas acceptée" in result.stderr
    assert "Traceback" not in result.stderr
