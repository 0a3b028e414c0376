"""The registry is the one place that says what a kind of content is.

A throwaway kind is added as a developer would, in a copy of the engine: its model, its site
fragment, its kit template and its rows of the registry — four authored files, no other
module touched — and it reaches the site, the navigation, the search index and the kit.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from macros.registry import KINDS, PAGES, Show

from .conftest import ROOT, article_html, build_site, visible_text
from .helpers import files_changed_from_the_engine, pdftotext

MODEL = '''"""Tips for newcomers: a throwaway kind written by tests/test_registry.py."""

from pydantic import Field

from macros.models.base import Modele, Texte, liste


class Astuces(Modele):
    """A list of tips."""

    titre: Texte = Field(description="Titre de la liste.")
    astuces: list[Texte] = liste("Les astuces, une par ligne.")
'''
FRAGMENT = '''{% import "_partials.md.j2" as p %}
{% macro render(a) %}
{{ p.heading(2, a.titre, "astuces") }}
{{ p.bullets(a.astuces) }}
{% endmacro %}
'''
KIT = '''{% macro render(a, prefix) %}
= #{{ a.titre }};
{% for astuce in a.astuces %}
- #{{ astuce }};
{% endfor %}
{% endmacro %}
'''
KIND_ROW = '    Kind("astuces", "astuces.yml", "essai:Astuces"),\n'
PAGE_ROW = ('    PageSpec("astuces.md", "Astuces", "Les astuces des collègues.", 95, ("astuces",),\n'
            '             body=(Show("astuces", "astuces"),), kit=(("astuces", "astuces"),)),\n')


def _engine_with_a_new_kind(project: Path) -> list[Path]:
    """Copy the engine into `project` and add the kind; the files a developer writes."""
    shutil.copytree(ROOT / "macros", project / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    for shared in ("docs", "overrides"):
        (project / shared).symlink_to(ROOT / shared)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    authored = {
        project / "macros/models/essai.py": MODEL,
        project / "macros/site/templates/astuces.md.j2": FRAGMENT,
        project / "macros/kit/typst/sections/astuces.typ.j2": KIT,
    }
    for path, text in authored.items():
        path.write_text(text, encoding="utf-8")
    registry = project / "macros/registry.py"
    source = registry.read_text(encoding="utf-8")
    glossaire = '    Kind("glossaire", "glossaire.yml", "glossaire:Glossaire"),\n'
    quoi_de_neuf = '    # Built from git history of data/<slug>/'
    assert glossaire in source and quoi_de_neuf in source
    source = source.replace(glossaire, glossaire + KIND_ROW).replace(quoi_de_neuf, PAGE_ROW + quoi_de_neuf)
    registry.write_text(source, encoding="utf-8")
    return [*authored, registry]


def test_a_new_kind_is_four_files_and_reaches_site_search_and_kit(tmp_path):
    project = tmp_path / "projet"
    project.mkdir()
    authored = _engine_with_a_new_kind(project)
    # What the developer wrote, measured against the engine it started from (not the list above).
    written = files_changed_from_the_engine(project)
    assert written == sorted(path.relative_to(project).as_posix() for path in authored)
    assert len(written) == 4
    data = project / "data" / "essai"
    shutil.copytree(ROOT / "tests/fixtures/mini/source", data / "source")
    shutil.copy(ROOT / "tests/fixtures/mini/referentiel.yml", data / "referentiel.yml")
    (data / "astuces.yml").write_text("titre: Nos astuces\nastuces:\n  - Garer son vélo dans la cour.\n"
                                      "  - Badger en arrivant.\n", encoding="utf-8")
    out = tmp_path / "site"
    result = build_site(out, "essai", project / "data", cwd=project)
    assert result.returncode == 0, result.stderr
    page = visible_text(article_html(out, "astuces"))
    assert "Nos astuces" in page and "Garer son vélo dans la cour." in page
    assert 'href="astuces/"' in (out / "index.html").read_text(encoding="utf-8")
    index = json.loads((out / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "astuces/#astuces" in {doc["location"] for doc in index["docs"]}
    assert "Badger en arrivant." in pdftotext(out / "kit-accueil.pdf", raw=True)
    # The arrival path lists it too, with the registry's summary.
    assert "Les astuces des collègues." in visible_text(article_html(out, "mes-premiers-jours"))


def test_every_page_of_the_registry_says_what_it_shows_and_prints():
    kinds = {kind.key for kind in KINDS}
    for spec in PAGES:
        assert spec.body, spec.path
        assert set(spec.kinds) <= kinds, spec.path
        for piece in spec.body:
            if isinstance(piece, Show):
                assert piece.kind in spec.kinds, (spec.path, piece)
        assert bool(spec.kit) != bool(spec.kit_left_out), spec.path
    positions = [spec.position for spec in PAGES]
    assert positions == sorted(positions) and len(set(positions)) == len(positions)


def test_no_other_module_keys_a_table_by_page_path():
    """Only the registry keys anything by a page's path: no `{"plan.md": …}`, no `{"plan.md"}`."""
    paths = "|".join(re.escape(spec.path) for spec in PAGES)
    pattern = re.compile(rf'(?:^|[{{,])\s*"(?:{paths})"\s*:|[{{,]\s*"(?:{paths})"\s*[,}}]')
    offenders = []
    for module in (ROOT / "macros").rglob("*.py"):
        if module.name == "registry.py":
            continue
        for number, line in enumerate(module.read_text(encoding="utf-8").splitlines(), start=1):
            if pattern.search(line):
                offenders.append(f"{module.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)
