"""`python -m macros.cli.schema`: one JSON Schema per kind of data file, for editors.

Generated from the same pydantic models that validate the data, so that VS Code
(and any editor speaking the YAML language server) completes keys, shows each
field's French description and flags a misspelt key while HR types. Writes
`schemas/<kind>.schema.json` for every section of `registry.KINDS` and the
matching `.vscode/settings.json`, and the form editor's fields drawn from the same schemas
(`schemas/decap/<kind>.yml`, macros/editeur/champs.py); `--check` only says whether they are
stale (tests/test_schema.py runs the same comparison).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from macros.data.project import project_root
from macros.editeur.champs import fields_of
from macros.editeur.config import dump, fields_file
from macros.registry import KINDS, RUBRIQUES, Kind

ROOT = project_root()  # schemas/ and .vscode/ of the project `make schema` runs in
SCHEMAS = ROOT / "schemas"
VSCODE_SETTINGS = ROOT / ".vscode" / "settings.json"
# Draft 7: the dialect the YAML language server (VS Code's YAML extension) fully supports.
DIALECT = "http://json-schema.org/draft-07/schema#"


# Every kind of data file, and the rubriques (one file each in `rubriques/`).
SCHEMA_KINDS: tuple[Kind, ...] = (*KINDS, RUBRIQUES)


def kind(section: Kind) -> str:
    """The schema's name: the data file's name without `.yml` (`droits-obligations`)."""
    return RUBRIQUES.key if section is RUBRIQUES else section.filename.removesuffix(".yml")


def files_of(section: Kind) -> str:
    """Which files of a référentiel the schema describes, as a path pattern."""
    return f"{section.filename}/*.yml" if section is RUBRIQUES else section.filename


def schema_path(section: Kind) -> Path:
    return SCHEMAS / f"{kind(section)}.schema.json"


def modeline(section: Kind) -> str:
    """The first line of a data file, telling the editor which schema applies."""
    return f"# yaml-language-server: $schema=../../schemas/{kind(section)}.schema.json"


def _drop_class_docstrings(schema: dict) -> None:
    # pydantic copies each model's docstring (English, for developers) into its
    # definition; the French description an editor shows is the field's own.
    for definition in schema.get("definitions", {}).values():
        definition.pop("description", None)


def schema_for(section: Kind) -> dict:
    """JSON Schema of one kind of data file, with French descriptions only."""
    schema = section.model.model_json_schema(mode="validation", ref_template="#/definitions/{model}")
    if "$defs" in schema:
        schema["definitions"] = schema.pop("$defs")
    _drop_class_docstrings(schema)
    schema["title"] = files_of(section)
    schema["description"] = (
        f"Fichier data/<référentiel>/{files_of(section)} de Socle. Survolez une clé pour lire "
        "ce qu'elle attend ; « make check » vérifie le fichier complet."
    )
    return {"$schema": DIALECT, **schema}


def vscode_settings() -> dict:
    """Editor settings: which schema for which file, and YAML indented as the data is."""
    return {
        "yaml.schemas": {f"./schemas/{kind(s)}.schema.json": f"data/*/{files_of(s)}" for s in SCHEMA_KINDS},
        "yaml.validate": True,
        "yaml.completion": True,
        "yaml.hover": True,
        "[yaml]": {
            "editor.tabSize": 2,
            "editor.insertSpaces": True,
            "editor.detectIndentation": False,
            "editor.autoIndent": "keep",
            "files.encoding": "utf8",
        },
        "files.trimTrailingWhitespace": True,
        "files.insertFinalNewline": True,
    }


def _dump(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


DECAP_HEADER = ("# Engendré par « make schema » depuis les modèles (macros/editeur/champs.py) : ne pas\n"
                "# modifier à la main. Les champs du formulaire de l'éditeur (/admin/) pour {files}.\n")


def decap_fields(section: Kind) -> str:
    """The editor's form of one kind of file, drawn from its JSON Schema."""
    return DECAP_HEADER.format(files=files_of(section)) + dump({"fields": fields_of(schema_for(section))})


def expected_files() -> dict[Path, str]:
    """Every generated file and its exact content."""
    files = {schema_path(section): _dump(schema_for(section)) for section in SCHEMA_KINDS}
    files[VSCODE_SETTINGS] = _dump(vscode_settings())
    files |= {fields_file(section, ROOT): decap_fields(section) for section in SCHEMA_KINDS}
    return files


def stale_files() -> list[str]:
    """Generated files that are missing, outdated or left over from a removed section."""
    expected = expected_files()
    stale = [path.relative_to(ROOT).as_posix() for path, text in expected.items()
             if not path.exists() or path.read_text(encoding="utf-8") != text]
    stale += [path.relative_to(ROOT).as_posix() for path in _generated_here() if path not in expected]
    return stale


def _generated_here() -> list[Path]:
    return sorted([*SCHEMAS.glob("*.json"), *SCHEMAS.glob("decap/*.yml")]) if SCHEMAS.is_dir() else []


def main(argv: list[str]) -> int:
    if argv == ["--check"]:
        stale = stale_files()
        for path in stale:
            print(f"{path} : à régénérer avec « make schema ».", file=sys.stderr)
        return 1 if stale else 0
    expected = expected_files()
    for path in _generated_here():
        if path not in expected:
            path.unlink()
    for path, text in expected.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"{len(SCHEMA_KINDS)} schémas écrits dans schemas/, leurs formulaires dans schemas/decap/, "
          "et .vscode/settings.json")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
