"""MkDocs hooks: load the référentiel first, name the site, keep only its pages.

Declared in mkdocs.yml under `hooks:`. Loading happens in `on_config` with a
high priority, before mkdocs-macros: a data error stops the build there, before
anything is written, with every problem listed and no traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads this file on its own, not as part of the `macros` package; make the
# package importable so hooks and mkdocs-macros share one module (and one cache).
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from jinja2 import FileSystemBytecodeCache  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import Files  # noqa: E402

from macros.abreviations import ajouter_abreviations  # noqa: E402
from macros.context import current, data_folder, present_pages  # noqa: E402
from macros.errors import DataErrors  # noqa: E402
from macros.kit import KIT_FILENAME, kit_for  # noqa: E402
from macros.models.glossaire import entrees  # noqa: E402
from macros.page_info import edit_base, infos_page, render_footer, render_notice  # noqa: E402
from macros.redirects import RedirectionError, parse, write  # noqa: E402
from macros.search_index import enrichir_index  # noqa: E402


@event_priority(100)
def on_config(config):
    """Validate the data, then derive site name and navigation from it."""
    try:
        referentiel = current()
    except DataErrors as errors:
        raise PluginError(errors.report()) from None
    organisation = referentiel.referentiel.organisation
    config.site_name = organisation.nom
    config.nav = [{page.title: page.path} for page in present_pages(referentiel)]
    config.extra["organisation"] = {"nom": organisation.nom, "nom_court": organisation.nom_court,
                                    "sigle": organisation.sigle_logo}
    # RGAA: every page's footer states the compliance level (overrides/partials/copyright.html).
    if referentiel.has("accessibilite"):
        config.extra["accessibilite"] = referentiel.accessibilite.etat_libelle
    return config


def on_files(files: Files, config) -> Files:
    """Drop the pages of sections this référentiel does not have."""
    wanted = {page.path for page in present_pages(current())}
    for file in list(files.documentation_pages()):
        if file.src_uri not in wanted:
            files.remove(file)
    return files


def on_page_context(context, page, config, nav):
    """Give the theme this page's facts: « à vérifier », suivi, last update, files to edit."""
    infos = infos_page(current(), page.file.src_uri, Path(config.docs_dir), edit_base(config.extra))
    context["socle_alerte"] = render_notice(infos)
    context["socle_infos_page"] = render_footer(infos)
    return context


def _glossaire() -> tuple:
    referentiel = current()
    return tuple(entrees(referentiel.sections.get("glossaire"), referentiel.sections.get("gouvernance")))


def on_page_content(html, page, config, files):
    """Acronyms of the glossary get an `<abbr title>` tooltip in running text."""
    return ajouter_abreviations(html, _glossaire())


def on_post_build(config):
    """Keep moved pages' old addresses working (`extra.redirections` in mkdocs.yml)."""
    # Runs after Material's search plugin has written search/search_index.json (hooks come
    # after plugins): add the glossary's acronyms and expansions to it.
    enrichir_index(Path(config.site_dir), list(_glossaire()))
    # The kit d'accueil, as laid out for the home page's link (same référentiel, same file).
    (Path(config.site_dir) / KIT_FILENAME).write_bytes(kit_for(current()).data)
    present = {page.path for page in present_pages(current())}
    try:
        write(Path(config.site_dir), parse(config.extra.get("redirections")), present)
    except RedirectionError as error:
        raise PluginError(f"mkdocs.yml: {error}") from None


def on_env(env, config, files):
    """Keep the theme's compiled templates between builds (a tenth of a second each build).

    Jinja stores them in the user's temp folder, keyed on each template's source.
    """
    env.bytecode_cache = FileSystemBytecodeCache()
    return env


def on_serve(server, config, builder):
    """Rebuild when a data file of the référentiel changes."""
    server.watch(str(data_folder()))
    return server
