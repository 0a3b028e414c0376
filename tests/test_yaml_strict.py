"""The strict loader: text stays text, mistakes are located."""

from __future__ import annotations

import pytest

from macros.errors import DataError
from macros.yaml_strict import read_yaml


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
