"""« Quoi de neuf » : what changed in a référentiel, in plain French, from git history.

For each recent commit touching `data/<slug>/`, the old and new versions of
every changed YAML file are read and compared as data (not as text), so that a
reader sees « Action ajoutée : … » or « Fréquence modifiée : … » rather than a
diff. Changes that do not alter the data (comments, indentation, quotes) are
left out. Without git, in a shallow clone or outside a repository, the history
is simply empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from macros.data import collector
from macros.data.errors import DataError
from macros.data.limites import TAILLE_MAX_FICHIER
from macros.data.yaml_strict import parse_yaml_text
from macros.history import gitinfo
from macros.history.changes import describe_changes
from macros.registry import KINDS, RUBRIQUES
from macros.text.francais import date_fr

# How many recent commits « Quoi de neuf » reads.
MAX_COMMITS = 60


@dataclass(frozen=True)
class Modification:
    """One data file changed by one commit, told as plain-French changes."""

    quand: date
    fichier: str
    changements: tuple[str, ...]

    @property
    def quand_texte(self) -> str:
        return date_fr(self.quand)


@dataclass(frozen=True)
class Journee:
    """The modifications of one day, newest first."""

    quand: date
    modifications: tuple[Modification, ...]

    @property
    def quand_texte(self) -> str:
        return date_fr(self.quand)


# --- Reading git -----------------------------------------------------------------------------

try:  # libyaml's parser when PyYAML was built with it: same data, several times faster
    _YAML_LOADER = yaml.CBaseLoader
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _YAML_LOADER = yaml.BaseLoader

# How many parsed versions a build keeps (`MemoireGit.versions`, by git object id).
_PARSED_KEEP = 2048


def parse_version(object_id: str, content: bytes, name: str = "",
                  parsed: dict[str, object] | None = None) -> object | None:
    """One version of a data file as plain data (every scalar a string), None if unreadable.

    `parsed`: the versions the build has read already (`MemoireGit.versions`).
    """
    parsed = {} if parsed is None else parsed
    if object_id in parsed:
        return parsed[object_id]
    try:
        if len(content) > TAILLE_MAX_FICHIER:  # never accepted by the loader: nothing to compare
            data = None
        elif name.endswith(".md"):  # a rubrique written in Markdown: compared as its blocks
            from macros.data.markdown_rubrique import parse_markdown_rubrique

            data = parse_markdown_rubrique(content.decode("utf-8"), name)
        elif b"&" in content:
            # An anchor, whose aliases would multiply the work of every comparison, or prose
            # with « & »: read by the strict reader, which refuses anchors and aliases.
            data = parse_yaml_text(content.decode("utf-8"), name)
        else:
            # BaseLoader: every scalar stays a string, as in the strict loader.
            data = yaml.load(content.decode("utf-8"), Loader=_YAML_LOADER)
    except (yaml.YAMLError, UnicodeDecodeError, DataError):
        data = None
    if len(parsed) >= _PARSED_KEEP:
        parsed.clear()
    parsed[object_id] = data
    return data




# --- Putting it together ---------------------------------------------------------------------

def modifications(folder: Path, memoire: gitinfo.MemoireGit | None = None) -> list[Modification]:
    """Recent changes to the data files of `folder`, newest first (empty without git).

    `memoire`: what git said during this build (none: git is asked afresh).
    """
    memoire = memoire or gitinfo.MemoireGit()
    depot = gitinfo.repository(folder, memoire) if folder.is_dir() else None
    inside = depot.relative(folder.resolve()) if depot else None
    if depot is None or inside is None:
        return []
    key = ("modifications", inside)
    if key not in depot.memo:
        depot.memo[key] = _modifications(depot, inside, folder.name, memoire.versions)
    return list(depot.memo[key])


def _modifications(depot: gitinfo.Depot, inside: str, name_of_folder: str,
                   parsed: dict[str, object]) -> list[Modification]:
    # What each recent commit did to each data file; the versions to compare are read
    # together, with one `git cat-file --batch`, after this first pass.
    plan: list[tuple[date, str, list[str] | None]] = []
    wanted: list[str] = []
    for commit in depot.commits_of(inside)[:MAX_COMMITS]:
        for status, path in commit.files:
            name = _data_file(path, inside, name_of_folder)
            if name is None:
                continue
            page = name.startswith(f"{RUBRIQUES.filename}/")
            if status == "A" and not commit.shallow:
                plan.append((commit.day, name, ["Page ajoutée au référentiel" if page
                                                else "Section ajoutée au référentiel"]))
            elif status == "D":
                plan.append((commit.day, name, ["Page retirée du référentiel" if page
                                                else "Section retirée du référentiel"]))
            elif commit.shallow:
                continue  # a shallow clone does not know what this commit changed
            else:
                plan.append((commit.day, name, None))
                wanted += [f"{commit.sha}^:{path}", f"{commit.sha}:{path}"]
    versions = iter(depot.blobs(wanted))
    found: list[Modification] = []
    with collector.paused(keep=True):  # thirty versions read and kept (`parsed`), no cycle
        for day, name, changes in plan:
            if changes is None:
                before, after = next(versions), next(versions)
                old = parse_version(*before, name, parsed) if before else None
                new = parse_version(*after, name, parsed) if after else None
                if old is None or new is None:
                    continue
                changes = describe_changes(old, new, _modele(name),
                                           en_ligne=name.startswith(f"{RUBRIQUES.filename}/"))
            if changes:
                found.append(Modification(day, name, tuple(changes)))
    return found


def _modele(name: str):
    """The model of a data file (`plan.yml`, `rubriques/x.md`), which names its fields."""
    if name.startswith(f"{RUBRIQUES.filename}/"):
        return RUBRIQUES.model
    return next((kind.model for kind in KINDS if kind.filename == name), None)


def _data_file(path: str, inside: str, name_of_folder: str) -> str | None:
    """`plan.yml` or `rubriques/teletravail.md` for a data file of the référentiel, else None."""
    if not gitinfo.under(path, inside):
        return None
    parts = Path(path).parts
    if len(parts) >= 2 and parts[-2] == name_of_folder and parts[-1].endswith(".yml"):
        return parts[-1]
    if (len(parts) >= 3 and parts[-3] == name_of_folder and parts[-2] == RUBRIQUES.filename
            and parts[-1].endswith((".yml", ".md"))):
        return f"{RUBRIQUES.filename}/{parts[-1]}"
    return None


def by_day(found: list[Modification]) -> list[Journee]:
    """Group modifications by date, keeping the newest first."""
    days: dict[date, list[Modification]] = {}
    for modification in found:
        days.setdefault(modification.quand, []).append(modification)
    return [Journee(day, tuple(items)) for day, items in days.items()]


def in_git(folder: Path, memoire: gitinfo.MemoireGit | None = None) -> bool:
    """Whether `folder` is inside a git working tree (else history is unknown, not empty)."""
    return folder.is_dir() and gitinfo.repository(folder, memoire) is not None
