"""One build of one référentiel: which one, and what the build keeps while it runs.

Nothing of a build is kept in a module. Socle's MkDocs plugin makes a `Construction` in
`on_config`, for every build and every rebuild of `mkdocs serve`; each command-line tool
makes its own. It is handed down to whatever needs the référentiel, the project's folder,
or a memory of the build: the loaded référentiel, git's answers (macros/history/gitinfo.py),
the file versions read from git (macros/history/news.py), the kit being made
(macros/kit/pdf.py), the HTML blocks set aside while Markdown runs
(macros/mkdocs/html_blocks.py). Two référentiels built one after the other in one process
never see each other's data (tests/test_construction.py).

The packages above this one keep their memory here without this module knowing them
(the layers of ARCHITECTURE.md): `memoire(Classe)` is the build's one instance of `Classe`,
made on first use.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from macros.data import collector
from macros.data.loader import LoadedReferentiel, fingerprint, load_referentiel
from macros.data.project import data_folder, project_root

T = TypeVar("T")


@dataclass(eq=False)
class Construction:
    """The build of the référentiel in `dossier`, for the project in `racine`."""

    # The project: its mkdocs.yml, data/, .cache/; errors name files relative to it.
    racine: Path
    # The référentiel's folder (data/<slug>/, or a fixture's).
    dossier: Path
    # The référentiel loaded, with the fingerprint of its files when it was read.
    _charge: tuple[tuple, LoadedReferentiel] | None = field(default=None, repr=False)
    # The memories of the packages above (git, kit, HTML blocks), by their class.
    _memoires: dict[type, object] = field(default_factory=dict, repr=False)
    # Whether this build has compared `_charge` with the files: once is enough, the files
    # do not change under a build (a change under `mkdocs serve` starts the next one).
    _verifie: bool = field(default=False, repr=False)

    @classmethod
    def du_projet(cls, racine: Path | None = None, environ: Mapping[str, str] = os.environ) -> Construction:
        """The référentiel `REFERENTIEL` and `SOCLE_DATA_DIR` name in the project at `racine`.

        Without `racine`, the working folder: the command-line tools run from the project.
        """
        racine = (racine or project_root()).resolve()
        return cls(racine, data_folder(racine, environ))

    def referentiel(self) -> LoadedReferentiel:
        """The validated référentiel (raises DataErrors): read once, again if a file changed.

        The files are compared with what was read once per build, not at every call: the
        plugin asks for the référentiel on every page.
        """
        if self._charge is None or not self._verifie:
            empreinte = fingerprint(self.dossier)
            if self._charge is None or self._charge[0] != empreinte:
                with collector.paused(keep=True):  # kept for the whole build
                    self._charge = (empreinte, load_referentiel(self.dossier, self.racine))
            self._verifie = True
        return self._charge[1]

    def memoire(self, sorte: type[T]) -> T:
        """This build's one `sorte()`, made the first time it is asked for."""
        if sorte not in self._memoires:
            self._memoires[sorte] = sorte()
        return self._memoires[sorte]  # type: ignore[return-value]

    def suivante(self) -> Construction:
        """The next build of the same référentiel (a rebuild of `mkdocs serve`).

        It starts afresh — git is asked again, so a new commit shows — but keeps what only
        depends on content: the référentiel while its files are unchanged, and what each
        memory's `suivante()` hands on (the kit of an unchanged référentiel, the file
        versions read from git, named by their object id); a memory without one is dropped.
        """
        kept = {sorte: memoire.suivante() for sorte, memoire in self._memoires.items()
                if hasattr(memoire, "suivante")}
        return Construction(self.racine, self.dossier, self._charge, kept)
