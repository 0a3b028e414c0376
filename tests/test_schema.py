"""Editors' JSON Schemas: generated from the models, committed, and wired into every data file."""

from __future__ import annotations

import json

import pytest

from macros.cli.schema import SCHEMA_KINDS, SCHEMAS, VSCODE_SETTINGS, kind, modeline, stale_files
from macros.registry import KINDS

from .conftest import ROOT

BY_FILENAME = {section.filename: section for section in KINDS}


def _objects(node: object, where: str = "") -> list[tuple[str, dict]]:
    """Every JSON object of a schema that declares properties, with its location."""
    found = []
    if isinstance(node, dict):
        if "properties" in node:
            found.append((where, node))
        for key, value in node.items():
            found += _objects(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _objects(value, f"{where}/{index}")
    return found


def test_committed_schemas_are_in_sync_with_the_models():
    assert stale_files() == [], "lancez « make schema » et ajoutez les fichiers régénérés"


def test_one_schema_per_kind_of_data_file():
    assert {path.name for path in SCHEMAS.glob("*.schema.json")} == {
        f"{kind(section)}.schema.json" for section in SCHEMA_KINDS}


@pytest.mark.parametrize("section", KINDS, ids=lambda s: s.filename)
def test_every_field_is_described_and_unknown_keys_are_flagged(section):
    schema = json.loads((SCHEMAS / f"{kind(section)}.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    objects = _objects(schema)
    assert objects
    for where, node in objects:
        # additionalProperties: false is what makes the editor underline « titer: ».
        assert node.get("additionalProperties") is False, where
        # Only French field descriptions: the models' English docstrings are left out.
        assert "description" not in node or where == "", where
        for name, field in node["properties"].items():
            assert field.get("description", "").strip(), f"{where}/{name} sans description"
    assert "suivi" in schema["properties"]


def test_data_files_name_their_schema_on_the_first_line():
    files = sorted((ROOT / "data").glob("*/*.yml"))
    assert files
    for path in files:
        section = BY_FILENAME[path.name]
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == modeline(section), f"{path.relative_to(ROOT)} : 1re ligne « {modeline(section)} »"
        target = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert target == (SCHEMAS / f"{kind(section)}.schema.json").resolve() and target.is_file()


def test_vscode_applies_each_schema_to_its_files():
    settings = json.loads(VSCODE_SETTINGS.read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    for section in KINDS:
        schema = f"./schemas/{kind(section)}.schema.json"
        assert mapping[schema] == f"data/*/{section.filename}"
        assert (ROOT / schema).is_file()
    assert settings["[yaml]"]["editor.tabSize"] == 2

