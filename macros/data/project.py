"""Which référentiel a build is for, and where its data lives.

`REFERENTIEL` (default `bethune`) picks `data/<slug>/`; `SOCLE_DATA_DIR`
(default `data/`) lets tests build tiny fixture référentiels. Both are read relative to
the project being built — the folder of its `mkdocs.yml`, which the plugin names — and
never relative to this package: two checkouts sharing one installed engine each build
their own data. The build itself is a `Construction` (macros/data/construction.py).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

DEFAULT_SLUG = "bethune"


def project_root() -> Path:
    """The project of the command-line tools: the working folder, as for `mkdocs`.

    A build knows its own (`Construction.racine`, the folder of its mkdocs.yml).
    """
    return Path.cwd().resolve()


def data_folder(root: Path, environ: Mapping[str, str] = os.environ) -> Path:
    """Folder of the référentiel that `environ` selects in the project at `root`."""
    base = Path(environ.get("SOCLE_DATA_DIR") or root / "data")
    if not base.is_absolute():
        base = root / base
    return base / (environ.get("REFERENTIEL") or DEFAULT_SLUG)
