"""Which référentiel this build is for, and where its data lives.

`REFERENTIEL` (default `bethune`) picks `data/<slug>/`; `SOCLE_DATA_DIR`
(default `data/`) lets tests build tiny fixture référentiels.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .loader import LoadedReferentiel, load_cached
from .sections import PAGES, PageSpec

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SLUG = "bethune"


def data_folder() -> Path:
    """Folder of the référentiel selected by the environment."""
    base = Path(os.environ.get("SOCLE_DATA_DIR") or ROOT / "data")
    if not base.is_absolute():
        base = ROOT / base
    return base / (os.environ.get("REFERENTIEL") or DEFAULT_SLUG)


def current() -> LoadedReferentiel:
    """The validated référentiel of this build (loaded once, then cached)."""
    return load_cached(data_folder(), ROOT)


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
