"""Synthetic référentiels: the Béthune data scaled ×N, for measuring build cost.

Every list that grows with the size of an organisation (objectives and their
actions, instances, actors, values, rules, circuits...) is repeated N times.
Copies keep the original text but get fresh identifiers and numbers, so that the
result still passes the strict loader and the models' cross-reference checks:
anchors stay unique and every objective stays attached to its axis. Lists that
describe the organisation's frame (the four axes, the families of instances, the
roles of the charter) are kept as they are, as a larger organisation would.

The page count itself is fixed by the section registry (one page per kind of
content), so a bigger organisation means longer pages, not more of them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from macros.data.files import SOURCE_FOLDER
from macros.data.yaml_strict import read_yaml

# For each data file, the top-level lists that grow with the organisation.
SCALED_LISTS: dict[str, tuple[str, ...]] = {
    "plan.yml": ("objectifs",),
    "gouvernance.yml": ("instances", "acteurs", "articulation"),
    "charte.yml": ("valeurs",),
    "droits-obligations.yml": ("obligations", "definitions", "droits", "documents_opposables"),
    "circuits.yml": ("circuits", "reunions"),
    "management.yml": ("niveaux", "ambitions", "leviers"),
    "note-piaa.yml": ("partie_1", "cadres"),
    "relation-usagers.yml": ("bonnes_pratiques",),
    "smart-city.yml": ("enjeux", "questions", "axes_strategiques", "piliers"),
    "identite.yml": ("nous_sommes",),
    "organigramme.yml": ("entites",),
    "deliberation.yml": ("visas", "considerants", "decisions"),
}


def _plain(value: object) -> object:
    """The loader's positioned dicts/lists as plain ones, for yaml.safe_dump."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _with_fresh_ids(value: object, copy: int) -> object:
    """A copy of `value` whose every `id` (at any depth) ends with `-c<copy>`."""
    if isinstance(value, dict):
        return {key: (f"{item}-c{copy}" if key == "id" else _with_fresh_ids(item, copy))
                for key, item in value.items()}
    if isinstance(value, list):
        return [_with_fresh_ids(item, copy) for item in value]
    return value


def _scaled_objectifs(objectifs: list[dict], factor: int) -> list[dict]:
    """Objectives repeated, renumbered after the last one of their axis ("1.4" → "1.9"...)."""
    last_rank: dict[str, int] = {}
    for objectif in objectifs:
        axe, rank = objectif["numero"].split(".")
        last_rank[axe] = max(last_rank.get(axe, 0), int(rank))
    scaled = list(objectifs)
    for copy in range(1, factor):
        for objectif in objectifs:
            axe, rank = objectif["numero"].split(".")
            scaled.append({**_with_fresh_ids(objectif, copy),
                           "numero": f"{axe}.{int(rank) + copy * last_rank[axe]}"})
    # Keep each axis's objectives together, in number order, as an editor would.
    return sorted(scaled, key=lambda o: tuple(int(part) for part in o["numero"].split(".")))


def _scaled_list(items: list, factor: int) -> list:
    scaled = list(items)
    for copy in range(1, factor):
        scaled.extend(_with_fresh_ids(item, copy) for item in items)
    return scaled


def scale_file(data: dict, filename: str, factor: int) -> dict:
    """One data file's content with its growing lists repeated `factor` times."""
    scaled = dict(data)
    for key in SCALED_LISTS.get(filename, ()):
        if key not in scaled:
            continue
        if filename == "plan.yml" and key == "objectifs":
            scaled[key] = _scaled_objectifs(scaled[key], factor)
        else:
            scaled[key] = _scaled_list(scaled[key], factor)
    return scaled


class _WrittenOut(yaml.SafeDumper):
    """Writes a value repeated in the scaled data out again each time: Socle refuses aliases."""

    def ignore_aliases(self, data) -> bool:
        return True


def scale_referentiel(source: Path, destination: Path, factor: int) -> Path:
    """Write `source` scaled ×`factor` into `destination` (a référentiel folder).

    Files that are not YAML (CORRECTIONS.md...) and the source document are copied unchanged.
    """
    if factor < 1:
        raise ValueError("le facteur d'échelle doit valoir au moins 1.")
    destination.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.iterdir()):
        if path.name == SOURCE_FOLDER:  # the document the loader checks is there
            shutil.copytree(path, destination / path.name, dirs_exist_ok=True)
            continue
        if not path.is_file():
            continue
        if path.suffix != ".yml":
            shutil.copy2(path, destination / path.name)
            continue
        data = _plain(read_yaml(path, path.name))
        scaled = scale_file(data, path.name, factor)
        # Every scalar is written quoted: the strict loader reads everything as text anyway.
        text = yaml.dump(scaled, Dumper=_WrittenOut, allow_unicode=True, sort_keys=False,
                         width=10_000, default_style='"')
        (destination / path.name).write_text(text, encoding="utf-8")
    return destination
