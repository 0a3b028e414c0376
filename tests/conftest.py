"""Shared helpers: build real sites with MkDocs, read their pages as text."""

from __future__ import annotations

import fcntl
import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
SNAPSHOTS = Path(__file__).parent / "snapshots"


def source_document(slug: str) -> Path:
    """The text of the document a référentiel was built from, kept in its `source/` folder."""
    folder = ROOT / "data" / slug / "source"
    (found,) = folder.glob("*.txt")
    return found


# The day the syndicat fixture's plan is read on: its dates are written around it.
SYNDICAT_TODAY = "2026-06-15"


def build_site(out: Path, slug: str = "bethune", data_dir: Path | None = None,
               strict: bool = True, cwd: Path = ROOT,
               today: str | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build` in a subprocess, as a user would (in `cwd`, the project).

    `today` (AAAA-MM-JJ) fixes the day the plan's follow-up is computed on."""
    env = {**os.environ, "REFERENTIEL": slug, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SOCLE_AUJOURDHUI", None)
    if today:
        env["SOCLE_AUJOURDHUI"] = today
    if data_dir is not None:
        env["SOCLE_DATA_DIR"] = str(data_dir)
    else:
        env.pop("SOCLE_DATA_DIR", None)
    command = [sys.executable, "-m", "mkdocs", "build", "-d", str(out)]
    if strict:
        command.append("--strict")
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300, check=False)


def article_html(site: Path, page: str) -> str:
    """The main content of a built page (without nav, header and footer)."""
    path = site / page / "index.html" if page else site / "index.html"
    text = path.read_text(encoding="utf-8")
    start = text.index('<article class="md-content__inner md-typeset">')
    return text[start:text.index("</article>", start)]


def visible_text(fragment: str) -> str:
    """Text a reader sees: tags dropped, entities decoded, spaces folded."""
    text = re.sub(r"<[^>]+>", " ", fragment)
    text = html.unescape(text).replace("\u202f", " ").replace("\xa0", " ")
    return re.sub(r"\s+", " ", text).strip()


def site_text(site: Path) -> str:
    """Visible text of every page of a built site, concatenated."""
    parts = []
    for index in sorted(site.rglob("index.html")):
        if "search" in index.parts:
            continue
        page = index.parent.relative_to(site).as_posix()
        parts.append(visible_text(article_html(site, "" if page == "." else page)))
    return "\n".join(parts)


# The real référentiels, each built once per run and shared by every test that reads it.
REAL_SLUGS = ("bethune", "pas-de-calais")
# The day the hospital fixture is read on: its échéances are after it.
HOPITAL_TODAY = "2026-09-15"


def _shared_root(tmp_path_factory) -> Path:
    """Where the sites of this run are built: one folder for every pytest-xdist worker.

    Each worker has its own base folder (…/popen-gw0, …/popen-gw1); their parent is the
    run's. Sites built there once serve every worker, instead of one build per worker.
    """
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent
    root = base / "sites"
    root.mkdir(exist_ok=True)
    return root


def _built_once(root: Path, slug: str, data_dir: Path | None = None, today: str | None = None) -> Path:
    """`root/slug` built by the first worker that asks for it; the others wait for it (a lock)."""
    site = root / slug
    with open(root / f"{slug}.verrou", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = root / f"{slug}.construit"
        if not done.exists():
            shutil.rmtree(site, ignore_errors=True)
            result = build_site(site, slug, data_dir, today=today)
            assert result.returncode == 0, result.stderr
            done.touch()
    return site


@pytest.fixture(scope="session")
def real_sites(tmp_path_factory) -> Path:
    """Every real référentiel built as a user would, under one root: <root>/<slug>/."""
    root = _shared_root(tmp_path_factory)
    # Workers start with different référentiels, so that they build side by side.
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    for slug in REAL_SLUGS[worker % len(REAL_SLUGS):] + REAL_SLUGS[:worker % len(REAL_SLUGS)]:
        _built_once(root, slug)
    return root


@pytest.fixture(scope="session")
def syndicat_site(real_sites) -> Path:
    """The fictional syndicat (tests/fixtures/syndicat/), built once, read on SYNDICAT_TODAY."""
    return _built_once(real_sites, "syndicat", FIXTURES, today=SYNDICAT_TODAY)


@pytest.fixture(scope="session")
def hopital_site(real_sites) -> Path:
    """The fictional hospital (tests/fixtures/hopital/), built once, read on HOPITAL_TODAY."""
    return _built_once(real_sites, "hopital", FIXTURES, today=HOPITAL_TODAY)


@pytest.fixture
def projet(tmp_path) -> Path:
    """A scratch project holding a copy of the syndicat fixture (the plan importers write into it)."""
    project = tmp_path / "projet"
    shutil.copytree(FIXTURES / "syndicat", project / "data" / "syndicat")
    (project / "data" / "syndicat" / "plan.yml").chmod(0o644)
    return project


@pytest.fixture(scope="session")
def bethune_site(real_sites) -> Path:
    return real_sites / "bethune"


@pytest.fixture(scope="session")
def pdc_site(real_sites) -> Path:
    return real_sites / "pas-de-calais"


def pytest_addoption(parser) -> None:
    parser.addoption("--update-snapshots", action="store_true",
                     help="réécrit les instantanés de tests/snapshots/ au lieu de les comparer "
                     "(make snapshots)")


@pytest.fixture
def snapshot(request):
    """`snapshot(path, rendered)`: `rendered` equals tests/snapshots/<path>, or rewrites it.

    `--update-snapshots` (make snapshots) writes every snapshot the tests render; review the diff.
    """
    update = request.config.getoption("--update-snapshots")

    def compare(path: str, rendered: str) -> None:
        stored = SNAPSHOTS / path
        if update:
            stored.parent.mkdir(parents=True, exist_ok=True)
            stored.write_text(rendered, encoding="utf-8")
        assert stored.exists(), f"instantané absent : {path} ; lancez « make snapshots » et relisez-le"
        assert rendered == stored.read_text(encoding="utf-8"), (
            f"{path} a changé : si c'est voulu, lancez « make snapshots » et relisez le diff")

    return compare


def pytest_collection_modifyitems(items) -> None:
    """Everything under tests/browser/ needs Chromium (`make test-browser` runs just that);
    of those, only the smoke set (`essentiel`, one or two per area) runs in `make test`, the
    rest with the complete suite (`make test-all`, and CI after `make test`); every test that
    compares a snapshot is marked `snapshots` (`make snapshots` runs those)."""
    browser = Path(__file__).parent / "browser"
    for item in items:
        if browser in item.path.parents:
            item.add_marker(pytest.mark.browser)
            if item.get_closest_marker("essentiel") is None:
                item.add_marker(pytest.mark.complet)
        if "snapshot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.snapshots)
