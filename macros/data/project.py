"""Which référentiel this build is for, and where its data lives.

`REFERENTIEL` (default `bethune`) picks `data/<slug>/`; `SOCLE_DATA_DIR`
(default `data/`) lets tests build tiny fixture référentiels. Both are read relative to
the project being built — the folder of its `mkdocs.yml`, which the plugin names — and
never relative to this package: two checkouts sharing one installed engine each build
their own data.
"""

from __future__ import annotations

import os
from pathlib import Path

from macros.data.loader import LoadedReferentiel, load_cached

DEFAULT_SLUG = "bethune"

# The project being built: set from the config file by the plugin, else the working folder
# (the command-line tools run from the project, as `mkdocs` does).
_project: list[Path] = []


def use_project(root: Path) -> None:
    """Build the project whose `mkdocs.yml` is in `root`."""
    _project[:] = [root.resolve()]


def project_root() -> Path:
    """The folder of the project being built: its `mkdocs.yml`, `data/`, `.cache/`."""
    return _project[0] if _project else Path.cwd().resolve()


def data_folder() -> Path:
    """Folder of the référentiel selected by the environment."""
    root = project_root()
    base = Path(os.environ.get("SOCLE_DATA_DIR") or root / "data")
    if not base.is_absolute():
        base = root / base
    return base / (os.environ.get("REFERENTIEL") or DEFAULT_SLUG)


def current() -> LoadedReferentiel:
    """The validated référentiel of this build (loaded once, then cached)."""
    return load_cached(data_folder(), project_root())
