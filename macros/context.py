"""Which référentiel this build is for, and where its data lives.

`REFERENTIEL` (default `bethune`) picks `data/<slug>/`; `SOCLE_DATA_DIR`
(default `data/`) lets tests build tiny fixture référentiels. Both are read relative to
the project being built — the folder of its `mkdocs.yml`, which the hooks name — and
never relative to this package: two checkouts sharing one installed engine each build
their own data.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .loader import LoadedReferentiel, load_cached
from .sections import PAGES, PageSpec

DEFAULT_SLUG = "bethune"

# The project being built: set from the config file by the hooks, else the working folder
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


@dataclass(frozen=True)
class PresentPage:
    """A page that this référentiel has, with its site-relative URL."""

    spec: PageSpec

    @property
    def title(self) -> str:
        return self.spec.title

    @property
    def summary(self) -> str:
        return self.spec.summary

    @property
    def path(self) -> str:
        return self.spec.path

    @property
    def url(self) -> str:
        """URL relative to the site root, as MkDocs writes it (use_directory_urls)."""
        if self.spec.path == "index.md":
            return ""
        return self.spec.path.removesuffix(".md") + "/"


def present_pages(referentiel: LoadedReferentiel) -> list[PresentPage]:
    """Pages whose data this référentiel has, in navigation order."""
    return [PresentPage(spec) for spec in PAGES
            if any(referentiel.has(key) for key in spec.sections)]
