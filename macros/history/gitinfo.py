"""Ask git about the history of files, tolerating every way git can be missing.

A site may be built from a tarball, in a container without git, from a shallow
clone or from a folder that is not a repository at all: then every function
here answers "unknown" (None or an empty list) and the page simply omits the
information. Nothing here raises.

A build asks about the same few folders many times (each page's « Dernière mise à
jour », « Quoi de neuf », the home page's latest changes). Each question used to
start its own `git` process, about fifty per build; now one `git log` per
repository and build (`Depot`) answers them all, and file versions are read with
one `git cat-file --batch`. That memory is the build's (`MemoireGit`, on its
`Construction`): every build, `mkdocs serve`'s included, asks git afresh, so a new
commit is seen by the next build.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

# Separators of the log's records and fields (never found in a sha, a date or a ref name).
_RECORD, _FIELD = "\x1e", "\x1f"


def git(args: list[str], cwd: Path, stdin: bytes | None = None) -> str | None:
    """Output of `git <args>` run in `cwd`, or None if git is absent or fails."""
    output = git_bytes(args, cwd, stdin)
    try:
        return None if output is None else output.decode("utf-8")
    except UnicodeDecodeError:
        return None


def git_bytes(args: list[str], cwd: Path, stdin: bytes | None = None) -> bytes | None:
    """Raw output of `git <args>` run in `cwd`, or None if git is absent or fails."""
    try:
        result = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True,
                                timeout=60, check=False)
    except (OSError, subprocess.SubprocessError, ValueError):
        return None
    return result.stdout if result.returncode == 0 else None


@dataclass(frozen=True)
class Commit:
    """One commit of the log: what it changed, and when."""

    sha: str
    day: date
    # Its parents are missing (the boundary of a shallow clone): what it changed is unknown.
    shallow: bool
    # (status letter A/M/D/T…, path from the repository's top), as `git log --name-status`.
    files: tuple[tuple[str, str], ...]


def _parse_log(output: str) -> tuple[Commit, ...]:
    commits = []
    for record in output.split(_RECORD):
        lines = [line for line in record.splitlines() if line.strip()]
        if not lines or lines[0].count(_FIELD) < 3:
            continue
        sha, when, parents, refs = lines[0].split(_FIELD, 3)
        try:
            day = datetime.fromisoformat(when.strip()).date()
        except ValueError:
            continue
        # A shallow clone's boundary shows no parent and is decorated « grafted ».
        shallow = not parents.strip() and "grafted" in (ref.strip() for ref in refs.split(","))
        files = tuple((status[:1], path) for status, path in
                      (line.split("\t", 1) for line in lines[1:] if "\t" in line))
        commits.append(Commit(sha, day, shallow, files))
    return tuple(commits)


def under(path: str, folder: str) -> bool:
    """Whether `path` is `folder` or inside it (both relative to the repository's top)."""
    return folder in ("", ".") or path == folder or path.startswith(folder + "/")


class Depot:
    """One repository, as far as this build needs it: the commits touching some folders.

    Read with a single `git log --name-status` over those folders; each question
    (last change of a file, commits of a folder) is then answered from memory.
    """

    def __init__(self, top: Path) -> None:
        self.top = top
        self.folders: tuple[str, ...] = ()   # folders the log covers, relative to the top
        self.commits: tuple[Commit, ...] = ()
        self.readable = True                 # False when `git log` failed (e.g. no commit yet)
        # Answers computed from this log (« Quoi de neuf » of a folder), kept for the build.
        self.memo: dict[tuple[str, str], object] = {}

    def relative(self, path: Path) -> str | None:
        try:
            return path.relative_to(self.top).as_posix()
        except ValueError:
            return None

    def cover(self, folders: Iterable[str]) -> None:
        """Make sure the log covers `folders` (read again, once, when one is new)."""
        wanted = tuple(sorted({*self.folders, *folders}))
        if wanted == self.folders or all(any(under(f, known) for known in self.folders)
                                         for f in wanted):
            return
        self.folders = wanted
        self.memo.clear()
        # --no-merges: a merge lists no file in this format, so it never answers a question;
        # --no-renames: a renamed file is its old path deleted and its new path added.
        output = git(["-c", "core.quotePath=false", "log", "--no-merges", "--no-renames",
                      "--name-status", "--format=" + _RECORD + _FIELD.join(["%H", "%cI", "%P", "%D"]),
                      "--", *(folder or "." for folder in wanted)], self.top)
        self.readable = output is not None
        self.commits = _parse_log(output or "")

    def last_change(self, path: str) -> date | None:
        """Date of the latest commit touching `path` (relative to the top), None if none."""
        for commit in self.commits:
            if any(changed == path for _, changed in commit.files):
                return commit.day
        return None

    def commits_of(self, folder: str) -> list[Commit]:
        """Commits touching `folder` (relative to the top), newest first."""
        return [commit for commit in self.commits
                if any(under(changed, folder) for _, changed in commit.files)]

    def blobs(self, names: list[str]) -> list[tuple[str, bytes] | None]:
        """(object id, content) of each `<revision>:<path>`, None where it does not exist.

        One `git cat-file --batch` for all of them, instead of one `git show` each.
        """
        if not names:
            return []
        output = git_bytes(["cat-file", "--batch"], self.top,
                           "".join(name + "\n" for name in names).encode("utf-8"))
        found: list[tuple[str, bytes] | None] = []
        position = 0
        for _ in names:
            if output is None:
                found.append(None)
                continue
            end = output.find(b"\n", position)
            if end < 0:
                found.append(None)
                continue
            header = output[position:end].decode("utf-8", "replace").split()
            position = end + 1
            if len(header) < 3 or header[-1] in ("missing", "ambiguous") or not header[-1].isdigit():
                found.append(None)
                continue
            size = int(header[-1])
            found.append((header[0], output[position:position + size]))
            position += size + 1  # the content is followed by a newline
        return found


# --- The build's memory ----------------------------------------------------------------------

class MemoireGit:
    """What git said during one build: the top of each folder's work tree, each repository's log.

    A build's (`Construction.memoire(MemoireGit)`), so that the next build, made afresh,
    sees new commits. Without one, nothing is kept between two questions: code that calls
    these functions on its own (tests, `make check`) always sees the repository as it is.
    """

    def __init__(self, versions: dict[str, object] | None = None) -> None:
        self.tops: dict[Path, Path | None] = {}
        self.depots: dict[Path, Depot] = {}
        self.wanted: list[Path] = []
        # File versions already parsed, by git object id (macros/history/news.py): a version
        # is the « after » of one commit and the « before » of the next.
        self.versions: dict[str, object] = {} if versions is None else versions

    def suivante(self) -> MemoireGit:
        """For the next build: git asked again; the versions read kept (named by content)."""
        return MemoireGit(self.versions)

    def demander(self, folders: Iterable[Path]) -> None:
        """`folders` will be asked about: one log per repository covers them all."""
        self.wanted = [Path(folder).resolve() for folder in folders]


def _top(folder: Path, memoire: MemoireGit) -> Path | None:
    """The top of the work tree holding `folder`, None outside git."""
    tops = memoire.tops
    if folder in tops:
        return tops[folder]
    # A folder inside an already known work tree, with no nested repository on the way,
    # belongs to it: no need to ask git again.
    for top in {t for t in tops.values() if t is not None}:
        if folder.is_relative_to(top) and not any(
                (parent / ".git").exists() for parent in (folder, *folder.parents)
                if parent.is_relative_to(top) and parent != top):
            tops[folder] = top
            return top
    output = git(["rev-parse", "--show-toplevel"], folder) if folder.is_dir() else None
    top = Path(output.strip()).resolve() if output and output.strip() else None
    tops[folder] = top
    return top


def repository(folder: Path, memoire: MemoireGit | None = None) -> Depot | None:
    """The log of the repository holding `folder`, covering it; None outside git."""
    memoire = memoire or MemoireGit()
    folder = folder.resolve()
    top = _top(folder, memoire)
    if top is None:
        return None
    depot = memoire.depots.get(top)
    if depot is None:
        depot = memoire.depots[top] = Depot(top)
    # Read once for every folder the build will ask about in this repository.
    known = [wanted for wanted in memoire.wanted if wanted.is_relative_to(top)]
    depot.cover(rel for rel in (depot.relative(f) for f in [folder, *known]) if rel is not None)
    return depot


def last_change(paths: Iterable[Path], memoire: MemoireGit | None = None) -> date | None:
    """Date of the latest commit touching any of `paths` (None when unknown)."""
    memoire = memoire or MemoireGit()
    dates = []
    for path in paths:
        path = path.resolve()
        depot = repository(path.parent, memoire) if path.parent.is_dir() else None
        relative = depot.relative(path) if depot else None
        found = depot.last_change(relative) if depot and relative else None
        if found is not None:
            dates.append(found)
    return max(dates, default=None)
