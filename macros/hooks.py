"""MkDocs hooks: load the référentiel first, name the site, keep only its pages.

Declared in mkdocs.yml under `hooks:`. Loading happens in `on_config` with a
high priority, before mkdocs-macros: a data error stops the build there, before
anything is written, with every problem listed and no traceback.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

# No collection while the modules below load: they live as long as the process (see on_startup).
gc.disable()

# MkDocs loads this file on its own, not as part of the `macros` package; make the
# package importable so hooks and mkdocs-macros share one module (and one cache).
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

import mkdocs_macros.context  # noqa: E402
from jinja2 import FileSystemBytecodeCache  # noqa: E402
from markupsafe import escape  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import Files  # noqa: E402

from macros import gitinfo  # noqa: E402
from macros.abreviations import ajouter_abreviations  # noqa: E402
from macros.context import current, data_folder, present_pages, use_project  # noqa: E402
from macros.errors import DataErrors  # noqa: E402
from macros.html_blocks import put_back  # noqa: E402
from macros.kit import KIT_FILENAME, PENDING_LABEL, KitError, kit_for, label_for, start_kit  # noqa: E402
from macros.kit import pdf as kit_pdf  # noqa: E402
from macros.kit.placeholder import fill_in  # noqa: E402
from macros.loader import per_referentiel  # noqa: E402
from macros.models.glossaire import entrees  # noqa: E402
from macros.page_info import edit_base, infos_page, render_footer, render_notice  # noqa: E402
from macros.redirects import RedirectionError, parse, write  # noqa: E402
from macros.search_copy import search_copy  # noqa: E402
from macros.search_index import enrichir_index  # noqa: E402
from macros.search_toc import install as index_tables_of_contents  # noqa: E402
from macros.theme_files import list_theme_files_quickly  # noqa: E402

# mkdocs-macros starts twelve `git` processes per build to fill a `git` variable for
# pages; Socle's pages cannot see it (macros/sandbox.py hides every variable), so it
# gets the answer mkdocs-macros gives outside a repository, without a process.
mkdocs_macros.context.get_git_info = lambda: {"status": False, "date": None}
# Material's search plugin walks a page's table of contents once per section (quadratic on
# large pages): it looks entries up in an index instead (macros/search_toc.py).
index_tables_of_contents()


def on_startup(command, dirty):
    """Once per process: keep what is loaded by now out of the garbage collector's rounds."""
    # MkDocs, the theme, pydantic, the models and their schemas: some fifty thousand objects
    # that live as long as the process. Each full collection of the build, and the one at
    # exit, walked them all again; frozen, they are left alone.
    gc.freeze()
    # Young objects collected every 5 000 allocations rather than 700: a build makes millions
    # of short-lived objects; fewer, larger rounds halve the collector's time (make bench).
    gc.set_threshold(5000, 10, 10)
    gc.enable()
    # `mkdocs build` makes the kit in a child process; `serve` keeps it in a thread.
    kit_pdf.in_child_process = command == "build"


@event_priority(100)
def on_config(config):
    """Validate the data, then derive site name and navigation from it."""
    # The data of the project whose mkdocs.yml this is, wherever the engine was installed from.
    use_project(Path(config.config_file_path).parent)
    # One `git log` per build answers every page's questions (macros/gitinfo.py).
    gitinfo.start_build([data_folder(), Path(config.docs_dir)])
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
    # The kit d'accueil is made in a thread, beside the rendering of the pages.
    start_kit(referentiel)
    list_theme_files_quickly(config.theme)
    return config


def on_files(files: Files, config) -> Files:
    """Drop the pages of sections this référentiel does not have."""
    wanted = {page.path for page in present_pages(current())}
    for file in list(files.documentation_pages()):
        if file.src_uri not in wanted:
            files.remove(file)
    return files


def _kit():
    try:
        return kit_for(current())
    except KitError as error:
        raise PluginError(f"kit d'accueil : {error}") from None


# Pages written with the kit's placeholder, filled in once the kit is made (on_post_build).
_awaiting_kit: list[Path] = []


def on_pre_build(config):
    _awaiting_kit.clear()
    _full_html.clear()


# Pages' HTML while the search plugin reads the copy made for it (on_page_content).
_full_html: dict[str, str] = {}


# After Material's search plugin (priority 0), which indexes page.content.
@event_priority(-100)
def on_page_context(context, page, config, nav):
    """The page's full HTML back, with the kit's figures; the theme gets this page's facts."""
    page.content = _full_html.pop(page.file.src_uri, page.content)
    if PENDING_LABEL in page.content:
        # Not waiting for the kit here: the pages after this one would wait with it.
        label = label_for(current())
        if label == PENDING_LABEL:
            _awaiting_kit.append(Path(page.file.abs_dest_path))
        else:
            page.content = page.content.replace(PENDING_LABEL, str(escape(label)))
    # « À vérifier », suivi, last update, files to edit.
    infos = infos_page(current(), page.file.src_uri, Path(config.docs_dir), edit_base(config.extra))
    context["socle_alerte"] = render_notice(infos)
    context["socle_infos_page"] = render_footer(infos)
    return context


@per_referentiel
def _entrees_of(referentiel) -> tuple:
    """The glossary's entries, listed once per référentiel rather than once per page."""
    return tuple(entrees(referentiel.sections.get("glossaire"), referentiel.sections.get("gouvernance")))


def _glossaire() -> tuple:
    return _entrees_of(current())


def on_page_content(html, page, config, files):
    """The fragments' HTML blocks back in place; acronyms get an `<abbr title>` tooltip."""
    # Set aside by the macros, so that Python-Markdown did not parse them (macros/html_blocks.py);
    # MkDocs checks links to anchors against the page's ids: those of the blocks too.
    html, anchors = put_back(html)
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= anchors
    html = ajouter_abreviations(html, _glossaire())
    # Until Material's search plugin has read it (on_page_context), the page holds the copy
    # made for it, lighter to parse (macros/search_copy.py); on_page_context puts it back.
    copy = search_copy(html)
    if copy is not html:
        _full_html[page.file.src_uri] = html
    return copy


def on_post_build(config):
    """Glossary in the search index, the kit beside the home page, redirections of moved pages."""
    # Runs after Material's search plugin has written search/search_index.json (hooks come
    # after plugins): add the glossary's acronyms and expansions to it.
    site = Path(config.site_dir)
    enrichir_index(site, list(_glossaire()))
    # The kit d'accueil beside the home page; its figures in pages written before it was made.
    kit = _kit()
    (site / KIT_FILENAME).write_bytes(kit.data)
    fill_in(_awaiting_kit, site / "search" / "search_index.json", kit.label)
    # Moved pages keep their old addresses working (`extra.redirections` in mkdocs.yml).
    present = {page.path for page in present_pages(current())}
    try:
        write(site, parse(config.extra.get("redirections")), present)
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
