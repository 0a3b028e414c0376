"""Two référentiels built one after the other in one process, as each is built alone.

A build's state lives on its `Construction` (macros/data/construction.py) and the plugin
object, not in modules: a process that builds again (`mkdocs serve`, an editor, these tests)
writes the same site as a fresh `mkdocs build`, and the process is left as the build found
it (garbage collector, environment).
"""

from __future__ import annotations

import gc
import gzip
import os
from pathlib import Path

# Material sets NO_MKDOCS_2_WARNING in the environment when it is first imported, once per
# process and not per build (material/templates/__init__.py): imported before the builds.
import material.templates  # noqa: F401
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.conftest import FIXTURES, HOPITAL_TODAY, ROOT, SYNDICAT_TODAY, _built_once, _shared_root

# The syndicat has a charte and a plan, and no glossary; the hospital a plan read on another
# day, files, rubriques and a glossary (abbreviations, synonyms in the search index), which it
# must not take from the syndicat. Built again, the hospital's build follows the previous one
# (`Construction.suivante`, as a rebuild of `mkdocs serve` does): its référentiel and its kit
# are those already made.
REFERENTIELS = (("syndicat", SYNDICAT_TODAY), ("hopital", HOPITAL_TODAY), ("hopital", HOPITAL_TODAY))


def _build_in_this_process(out: Path) -> None:
    """What `mkdocs build --strict -d out` does (mkdocs/__main__.py, build_command)."""
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(out), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config, dirty=False)
    finally:
        config.plugins.on_shutdown()


def _files(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its path in it.

    The sitemap's gzip copy carries the minute it was written in its header (MkDocs, unless
    SOURCE_DATE_EPOCH is set): what it holds is compared, not when it was compressed.
    """
    found = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            found[path.relative_to(site).as_posix()] = gzip.decompress(data) if path.suffix == ".gz" else data
    return found


def _collector() -> tuple:
    return gc.isenabled(), gc.get_threshold(), gc.get_freeze_count()


def _changed(environ: dict[str, str]) -> dict[str, tuple]:
    """The environment's variables set, changed or removed since `environ`."""
    return {name: (environ.get(name), os.environ.get(name)) for name in {*environ, *os.environ}
            if environ.get(name) != os.environ.get(name)}


def test_two_referentiels_built_in_one_process_are_those_built_alone(tmp_path, tmp_path_factory, monkeypatch):
    # Built alone, each in its own process, as a user would (shared with the tests reading them).
    alone = {slug: _built_once(_shared_root(tmp_path_factory), slug, FIXTURES, today=today)
             for slug, today in dict(REFERENTIELS).items()}
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("SOCLE_DATA_DIR", str(FIXTURES))
    for number, (slug, today) in enumerate(REFERENTIELS):
        monkeypatch.setenv("REFERENTIEL", slug)
        monkeypatch.setenv("SOCLE_AUJOURDHUI", today)
        environ, collector = dict(os.environ), _collector()
        _build_in_this_process(tmp_path / f"{number}-{slug}")
        assert _changed(environ) == {} and _collector() == collector, slug
        here, there = _files(tmp_path / f"{number}-{slug}"), _files(alone[slug])
        assert sorted(here) == sorted(there), slug
        differ = [name for name in here if here[name] != there[name]]
        assert not differ, f"{slug} : {differ[:10]} diffèrent d'une construction seule"


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_put_back_even_when_a_build_fails(tmp_path, monkeypatch, caplog, enabled):
    """A build stopped by bad data leaves the collector as it found it."""
    broken = tmp_path / "donnees" / "syndicat"
    broken.mkdir(parents=True)
    for name in ("referentiel.yml", "plan.yml"):
        (broken / name).write_bytes((FIXTURES / "syndicat" / name).read_bytes())
    (broken / "plan.yml").write_text("axes: [\n", encoding="utf-8")
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("SOCLE_DATA_DIR", str(broken.parent))
    monkeypatch.setenv("REFERENTIEL", "syndicat")
    threshold = gc.get_threshold()
    try:
        if not enabled:
            gc.disable()
        environ, collector = dict(os.environ), _collector()
        with pytest.raises(Exception, match="BuildError"):
            _build_in_this_process(tmp_path / "site")
        assert "plan.yml" in caplog.text  # stopped by the data, after the collector was tuned
        assert _changed(environ) == {} and _collector() == collector
    finally:
        gc.enable()
        gc.set_threshold(*threshold)
