"""The architecture holds: the core imports nothing of MkDocs or Material."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

from .conftest import ROOT

_IMPORT_THE_CORE = """
import importlib, pkgutil, sys
import macros
core = [m.name for m in pkgutil.walk_packages(macros.__path__, "macros.")
        if not m.name.startswith("macros.mkdocs")]
for name in core:
    importlib.import_module(name)
glue = sorted({m.split(".")[0] for m in sys.modules} & {"mkdocs", "material", "mkdocs_macros"})
print(len(core), ",".join(glue))
"""


def test_the_core_imports_no_mkdocs():
    """Everything but macros/mkdocs/ loads in a fresh interpreter without MkDocs or Material."""
    result = subprocess.run([sys.executable, "-c", _IMPORT_THE_CORE], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    count, glue = result.stdout.split()[0], result.stdout.strip().partition(" ")[2]
    assert int(count) > 30  # the walk really found the packages
    assert glue == "", f"le cœur importe {glue}"


_RENDER_WITHOUT_MKDOCS = """
import sys
import tomllib
from pathlib import Path
from macros.data.loader import load_referentiel
from macros.kit.document import kit_source
from macros.site.macros_auteur import MACROS_AUTEUR
from macros.site.page_macros import LienKit, build_macros
from macros.site.pages import MACROS_DE_SOUS_PAGE, page_markdown, present_pages, sous_pages

root = Path.cwd()
ref = load_referentiel(root / "tests/fixtures/syndicat", root)
pages = present_pages(ref)
macros = build_macros(ref, pages, LienKit("kit.pdf", lambda: "PDF, 2 pages, 40 Ko"))
html = [page_markdown(page) for page in pages]
html += [macros["titre"](page.path) for page in pages]
html += [macros["rubrique"](r.id) for r in ref.rubriques]
html += [macros[name](s.identifiant) for s in sous_pages(ref, pages) for name in MACROS_DE_SOUS_PAGE]
html += [macros[name]() for name in macros
         if name not in ("titre", "rubrique", "accueil", *MACROS_AUTEUR, *MACROS_DE_SOUS_PAGE)]
html += [macros["action"](ref.plan.entrees[0].action.id)]
typst = kit_source(ref)
glue = sorted({m.split(".")[0] for m in sys.modules} & {"mkdocs", "material", "mkdocs_macros"})
print(len(pages), sum(map(len, html)), len(typst), ",".join(glue) or "-")
"""


def test_a_whole_referentiel_renders_without_mkdocs():
    """Every page's Markdown and fragments, and the kit's Typst source, with MkDocs never imported."""
    result = subprocess.run([sys.executable, "-c", _RENDER_WITHOUT_MKDOCS], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
    pages, html, typst, glue = result.stdout.split()
    assert int(pages) >= 8 and int(html) > 5_000 and int(typst) > 5_000
    assert glue == "-", f"le rendu a importé {glue}"


def test_architecture_md_lists_the_layers_that_import_linter_checks():
    """The table of ARCHITECTURE.md names the packages in the order of pyproject.toml's layers."""
    layers = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    declared = [name.strip() for layer in layers["contracts"][0]["layers"] for name in layer.split("|")]
    guide = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    table = guide[guide.index("## Les paquets et ce qu'ils peuvent importer"):]
    table = table[:table.index("\n\n", table.index("| paquet |"))]
    rows = re.findall(r"^\| `(macros/[a-z_]+)(?:/|\.py)` \|", table, flags=re.MULTILINE)
    assert [row.replace("/", ".") for row in rows] == declared
