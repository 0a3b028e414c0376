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
import re
from datetime import date
from pathlib import Path

# Material sets NO_MKDOCS_2_WARNING in the environment when it is first imported, once per
# process and not per build (material/templates/__init__.py): imported before the builds.
import material.templates  # noqa: F401
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from macros.data.construction import Construction
from macros.history.gitinfo import MemoireGit, last_change
from macros.kit import PENDING_LABEL, FabriqueKit
from macros.mkdocs import plugin
from macros.mkdocs.html_blocks import BlocsMisDeCote
from tests.conftest import FIXTURES, HOPITAL_TODAY, ROOT, SYNDICAT_TODAY, _built_once, _shared_root
from tests.helpers import depot_du_syndicat, git

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


# What a kit says of the moment it was laid out: its dates, and the instance id Typst derives
# from them (in the XMP metadata and the trailer). A kit read from the cache was laid out by an
# earlier build: the same document, dated then.
_MOMENT_DU_KIT = re.compile(rb"D:\d{14}Z|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d"
                            rb"|(?<=<xmpMM:InstanceID>)[^<]*|(?<=/ID\[\()[^)]*\)\([^)]*")


def _files(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its path in it, without what says when it was made.

    The sitemap's gzip copy carries the second it was written in its header (MkDocs, unless
    SOURCE_DATE_EPOCH is set): what it holds is compared, not when it was compressed; and the
    kit without its moment (above).
    """
    found = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            elif path.suffix == ".pdf":
                data = _MOMENT_DU_KIT.sub(b"", data)
            found[path.relative_to(site).as_posix()] = data
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
    # Kits laid out anew, in a cache of their own: the first build of each référentiel writes
    # its pages before its kit is made (their figures filled in afterwards), the rebuild after.
    monkeypatch.setattr(plugin, "kit_cache", lambda racine: tmp_path / "kits")
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


def test_a_site_whose_kit_came_after_its_pages_is_the_same(tmp_path, tmp_path_factory, monkeypatch):
    """The kit is made beside the pages: pages written before it get its figures afterwards
    (macros/kit/placeholder.py), and the site is the one written when the kit came first."""
    alone = _built_once(_shared_root(tmp_path_factory), "hopital", FIXTURES, today=HOPITAL_TODAY)
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("SOCLE_DATA_DIR", str(FIXTURES))
    monkeypatch.setenv("REFERENTIEL", "hopital")
    monkeypatch.setenv("SOCLE_AUJOURDHUI", HOPITAL_TODAY)
    # Every page written while the kit is still being laid out, as on a slow machine.
    monkeypatch.setattr(FabriqueKit, "label_for", lambda fabrique, ref: PENDING_LABEL)
    _build_in_this_process(tmp_path / "site")
    here, there = _files(tmp_path / "site"), _files(alone)
    assert sorted(here) == sorted(there)
    assert [name for name in here if here[name] != there[name]] == []


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


def test_a_rebuild_asks_git_again_and_keeps_what_depends_on_content_only(tmp_path):
    """`Construction.suivante` (a rebuild of `mkdocs serve`): a new commit shows, the rest is kept."""
    folder = depot_du_syndicat(tmp_path, "syndicat")
    plan = folder / "plan.yml"
    construction = Construction(tmp_path, folder)
    memoire = construction.memoire(MemoireGit)
    assert last_change([plan], memoire) == date(2026, 1, 10)
    referentiel, kit = construction.referentiel(), construction.memoire(FabriqueKit)
    blocs = construction.memoire(BlocsMisDeCote)
    # What depends on content only is handed on: the file versions read from git (named by
    # their object id), the référentiel while its files are unchanged, and its kit; the blocks
    # set aside by a build are its own.
    suivante = construction.suivante()
    assert suivante.memoire(MemoireGit).versions is memoire.versions
    assert suivante.referentiel() is referentiel and suivante.memoire(FabriqueKit) is kit
    assert suivante.memoire(BlocsMisDeCote) is not blocs
    (folder / "CORRECTIONS.md").write_text("Relu.\n", encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "Relecture", when="2026-02-03T10:00:00+01:00")
    # The build under way keeps what git said when it asked (one `git log` per build) ...
    assert last_change([folder / "CORRECTIONS.md"], memoire) == date(2026, 1, 10)
    # ... the next one asks again, and reads the changed référentiel again.
    apres = construction.suivante()
    assert last_change([folder / "CORRECTIONS.md"], apres.memoire(MemoireGit)) == date(2026, 2, 3)
    assert apres.referentiel() is not referentiel
