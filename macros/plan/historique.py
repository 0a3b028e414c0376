"""When each action appeared, changed status, avancement or pilote, read from the history
of `plan.yml`.

Each version of the file that git knows is read as plain data and its actions matched by
`id` with the version before; the first version a clone knows (a shallow clone's
boundary included) is the starting point, so nothing is ever dated from a guess: an
action already there has no date of creation, one that comes in a later version has it. Versions
older than the ids, or unreadable ones, are skipped. Without git the history is empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

from macros.data import collector
from macros.history import gitinfo
from macros.history.news import parse_version
from macros.models.plan import Plan
from macros.registry import KIND_FILES
from macros.text.francais import date_fr, mois_fr

# How many versions of the plan are read (a weekly meeting for a year, and some).
MAX_VERSIONS = 80


@dataclass(frozen=True)
class Evolution:
    """One change of one action: « passée à Réalisé », « avancement 40 % → 60 % »,
    « pilote : DRH → DGS », « ajoutée au plan »."""

    quand: date
    action: str  # the action's id
    champ: str   # « statut », « avancement », « pilote » or « creation »
    avant: str | None
    apres: str | None
    phrase: str

    @property
    def quand_texte(self) -> str:
        return date_fr(self.quand)


@dataclass(frozen=True)
class Mois:
    """How many actions became realised in one month."""

    annee: int
    mois: int
    nombre: int

    @property
    def libelle(self) -> str:
        return mois_fr(self.annee, self.mois)


@dataclass(frozen=True)
class ParMois:
    """Actions realised per month, from the first month with a change to the last."""

    mois: tuple[Mois, ...]

    @property
    def total(self) -> int:
        return sum(m.nombre for m in self.mois)


@dataclass(frozen=True)
class HistoriquePlan:
    """Every change of status, avancement or pilote, and every new action, oldest first."""

    evolutions: tuple[Evolution, ...]

    def de(self, action_id: str) -> tuple[Evolution, ...]:
        """The changes of one action (every fiche asks: grouped once)."""
        return self._par_action.get(action_id, ())

    @cached_property
    def _par_action(self) -> dict[str, tuple[Evolution, ...]]:
        found: dict[str, list[Evolution]] = {}
        for evolution in self.evolutions:
            found.setdefault(evolution.action, []).append(evolution)
        return {action: tuple(items) for action, items in found.items()}

    def realisations(self, plan: Plan) -> ParMois:
        """Changes into a realised status, counted per month (months without any included)."""
        realises = {s.cle for s in plan.statuts if s.sens == "realise"}
        dates = [e.quand for e in self.evolutions if e.champ == "statut" and e.apres in realises]
        if not dates:
            return ParMois(())
        counts: dict[tuple[int, int], int] = {}
        for day in dates:
            counts[(day.year, day.month)] = counts.get((day.year, day.month), 0) + 1
        first, last = min(dates), max(dates)
        months, year, month = [], first.year, first.month
        while (year, month) <= (last.year, last.month):
            months.append(Mois(year, month, counts.get((year, month), 0)))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return ParMois(tuple(months))


def _actions(data: object) -> dict[str, dict]:
    """The actions of one version, by id (those without an id are left out)."""
    found: dict[str, dict] = {}
    if not isinstance(data, dict):
        return found
    for key in ("axes", "objectifs"):
        for holder in data.get(key) or ():
            if not isinstance(holder, dict):
                continue
            for action in holder.get("actions") or ():
                if isinstance(action, dict) and isinstance(action.get("id"), str):
                    found[action["id"]] = action
    return found


def _first_status(data: object) -> str | None:
    statuts = data.get("statuts") if isinstance(data, dict) else None
    if isinstance(statuts, list) and statuts and isinstance(statuts[0], dict):
        return statuts[0].get("cle")
    return None


def compare(old: object, new: object, day: date, plan: Plan) -> list[Evolution]:
    """What changed between two versions of the plan: for the actions both know, their
    status, avancement and pilote; the actions only the new one has, added (unless the old
    one had no action with an id, from before ids: nothing is known to be new then)."""
    labels = {s.cle: s.libelle for s in plan.statuts}
    before, after = _actions(old), _actions(new)
    default_before = _first_status(old) or plan.statuts[0].cle
    default_after = _first_status(new) or plan.statuts[0].cle
    found = []
    for ident, action in after.items():
        if ident not in before:
            if before:
                found.append(Evolution(day, ident, "creation", None, None, "Ajoutée au plan"))
            continue
        was, now = before[ident].get("statut") or default_before, action.get("statut") or default_after
        if was != now:
            found.append(Evolution(day, ident, "statut", was, now,
                                   f"Passée à {labels.get(now, now)}"))
        was, now = before[ident].get("avancement"), action.get("avancement")
        if was != now and now is not None:
            start = f"{was.removesuffix('%').strip()} %" if was else "non indiqué"
            found.append(Evolution(day, ident, "avancement", was, now,
                                   f"Avancement {start} → {now.removesuffix('%').strip()} %"))
        was, now = _texte(before[ident].get("pilote")), _texte(action.get("pilote"))
        if was != now:
            phrase = (f"Pilote : {was} → {now}" if was and now else f"Pilote désigné : {now}" if now
                      else f"Pilote retiré ({was})")
            found.append(Evolution(day, ident, "pilote", was, now, phrase))
    return found


def _texte(value: object) -> str | None:
    """A field of an old version as text, None when absent or not text."""
    return value.strip() or None if isinstance(value, str) else None


def historique(folder: Path, plan: Plan, memoire: gitinfo.MemoireGit | None = None) -> HistoriquePlan:
    """The plan's changes (status, avancement, pilote, new actions), oldest first (empty
    without git). `memoire`: what git said during this build (none: git is asked afresh)."""
    memoire = memoire or gitinfo.MemoireGit()
    depot = gitinfo.repository(folder, memoire) if folder.is_dir() else None
    inside = depot.relative(folder.resolve()) if depot else None
    if depot is None or inside is None:
        return HistoriquePlan(())
    key = ("historique-plan", inside)
    if key not in depot.memo:
        depot.memo[key] = _historique(depot, f"{inside}/{KIND_FILES['plan']}".lstrip("/"), plan,
                                      memoire.versions)
    return depot.memo[key]


def _historique(depot: gitinfo.Depot, path: str, plan: Plan, parsed: dict[str, object]) -> HistoriquePlan:
    commits = [commit for commit in depot.commits_of(path)
               if any(changed == path and status != "D" for status, changed in commit.files)]
    commits = list(reversed(commits[:MAX_VERSIONS]))  # oldest first
    versions = depot.blobs([f"{commit.sha}:{path}" for commit in commits])
    found: list[Evolution] = []
    previous = None
    with collector.paused(keep=True):
        for commit, version in zip(commits, versions, strict=True):
            data = parse_version(*version, path, parsed) if version else None
            if data is None:
                continue
            if previous is not None:
                found += compare(previous, data, commit.day, plan)
            previous = data
    return HistoriquePlan(tuple(found))
