"""The architecture holds: the core imports nothing of MkDocs, Material or mkdocs-macros."""

from __future__ import annotations

import subprocess
import sys

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
