"""What every page says about itself: who follows it, when it changed, how to edit it.

Computed per page from the sections the page renders (`sections.PAGES`), the
files they were read from (`LoadedReferentiel.sources`) and git history, then
rendered through the autoescaping fragment `page_info.md.j2`; the theme
(`overrides/main.html`) only places the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from markupsafe import Markup

from macros.data.freshness import SuiviTrouve, suivis
from macros.data.loader import LoadedReferentiel
from macros.history.gitinfo import MemoireGit, last_change
from macros.registry import KIND_FILES
from macros.site.pages import PresentPage
from macros.site.render import fragment
from macros.text.francais import date_fr


@dataclass(frozen=True)
class FichierSource:
    """A file the page is made from: its path in the repository and, if known, its edit link."""

    chemin: str
    url: str | None


@dataclass(frozen=True)
class InfosPage:
    """Everything the page footer and the « à vérifier » notice show."""

    fichiers: tuple[FichierSource, ...]
    mise_a_jour: date | None
    suivis: tuple[SuiviTrouve, ...]

    @property
    def mise_a_jour_texte(self) -> str:
        return date_fr(self.mise_a_jour) if self.mise_a_jour else ""

    @property
    def en_retard(self) -> tuple[SuiviTrouve, ...]:
        return tuple(found for found in self.suivis if found.en_retard)


def _repo_path(path: Path, root: Path) -> str | None:
    """`data/bethune/plan.yml` for a file inside the repository at `root`, else None."""
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return None


def edit_base(url_edition: str) -> str:
    """The forge's edit address (`url_edition` of the plugin in mkdocs.yml), '' when not configured."""
    base = url_edition.strip()
    return base if not base or base.endswith("/") else base + "/"


def infos_page(ref: LoadedReferentiel, page: PresentPage, base_url: str, root: Path,
               git: MemoireGit | None = None) -> InfosPage:
    """Footer facts for one page: the data files it is made of, their history, their suivi.

    `root`: the project's folder; `git`: what git said during this build.
    """
    # « Quoi de neuf » is made from git history, not from a data file one could edit.
    keys = [] if page.spec.from_git else [key for key in page.spec.kinds if ref.has(key)]
    paths = [Path(ref.folder) / KIND_FILES[key] for key in keys]
    if page.rubrique:
        paths.append(root / page.rubrique.source)
    fichiers = []
    for path in paths:
        in_repo = _repo_path(path, root)
        shown = in_repo or path.as_posix()
        fichiers.append(FichierSource(shown, base_url + in_repo if base_url and in_repo else None))
    return InfosPage(tuple(fichiers), last_change(paths, git), tuple(suivis(ref, keys)))


def render_notice(infos: InfosPage | None) -> Markup:
    """The « à vérifier » box shown above the content (empty when nothing is overdue)."""
    return Markup(fragment("page_info", infos, macro="alerte")) if infos and infos.en_retard else Markup()


def render_footer(infos: InfosPage | None) -> Markup:
    """« Contenu suivi par … », « Dernière mise à jour … », « Modifier cette page … »."""
    return Markup(fragment("page_info", infos, macro="pied")) if infos else Markup()
