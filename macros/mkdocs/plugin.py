"""Socle's MkDocs plugin: load the référentiel first, name the site, keep only its pages.

Declared in mkdocs.yml as `socle` (an entry point of pyproject.toml). Every piece of state
lives on the plugin object. Loading happens in `on_config`, first: a data error stops the
build there, before anything is written, with every problem listed and no traceback. The
pages, made by the registry, call Socle's macros, made here for the build and registered with
mkdocs-macros by the design card's `define_env` (macros/__init__.py, macros/mkdocs/macros_env.py),
which renders them.
"""

from __future__ import annotations

import html
import mimetypes
import sys
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from macros.data import collector
from macros.data.construction import Construction
from macros.data.errors import DataErrors
from macros.data.loader import per_referentiel
from macros.editeur import admin
from macros.editeur.config import Forge, dump, editor_config
from macros.history.gitinfo import MemoireGit
from macros.kit import KIT_FILENAME, PENDING_LABEL, FabriqueKit, KitError
from macros.kit.cache import folder as kit_cache
from macros.kit.placeholder import fill_in
from macros.mkdocs.abreviations import ajouter_abreviations
from macros.mkdocs.config import SocleConfig
from macros.mkdocs.html_blocks import BlocsMisDeCote, put_back
from macros.mkdocs.macros_env import page_macros
from macros.mkdocs.menu_actif import ParentActif
from macros.mkdocs.redirects import RedirectionError, write
from macros.mkdocs.search_copy import search_copy
from macros.mkdocs.search_index import enrichir_index
from macros.models.glossaire import entrees
from macros.registry import PAGES
from macros.site.erreurs import TITRE, page_erreurs
from macros.site.page_info import edit_base, infos_page, render_footer, render_notice
from macros.site.page_macros import LienKit, build_macros
from macros.site.pages import (
    FICHES_DANS_LA_RECHERCHE,
    as_theme_text,
    page_markdown,
    present_pages,
    sous_page_corps,
    sous_page_markdown,
    sous_pages,
)
from macros.site.plan_view import DOSSIER_TELECHARGEMENTS, telechargement


def plan_en_tableurs(referentiel, root: Path) -> tuple:
    """The plan as ODS, XLSX and CSV files (macros/plan/tableur/), read on the day of the build."""
    from macros.plan.suivi import suivre
    from macros.plan.tableur.cache import folder
    from macros.plan.tableur.ecrire import fichiers

    return fichiers(referentiel.plan, suivre(referentiel.plan), referentiel.slug, folder(root))


@per_referentiel
def _entrees_of(referentiel) -> tuple:
    """The glossary's entries, listed once per référentiel rather than once per page."""
    return tuple(entrees(referentiel.sections.get("glossaire"), referentiel.sections.get("gouvernance")))


def _in_project(file: File, root: Path) -> str:
    """A file of docs/ as the developer names it: its path in the project."""
    path = Path(file.abs_src_path)
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


class SoclePlugin(BasePlugin[SocleConfig]):
    """The build of one référentiel: data, navigation, pages' finishing, kit, redirections."""

    def __init__(self) -> None:
        super().__init__()
        # This build (macros/data/construction.py): its référentiel, git's answers, its kit, the
        # HTML blocks set aside. Made anew by each build (on_config); a rebuild of `mkdocs
        # serve` takes over what only depends on unchanged content.
        self.construction: Construction | None = None
        # The garbage collector as the build found it, put back when it ends (collector.py).
        self.reglage: collector.Reglage | None = None
        # The MkDocs command: `build` makes the kit in a child process, `serve` in a thread.
        self.command = ""
        # Pages written with the kit's placeholder, filled in once the kit is made (on_post_build).
        self.awaiting_kit: list[Path] = []
        # Pages' full HTML while the search plugin reads the copy made for it (on_page_content).
        self.full_html: dict[str, str] = {}
        # The pages of this build, by source path, and the macros they call (on_config), which
        # mkdocs-macros registers (macros/mkdocs/macros_env.py).
        self.pages: dict = {}
        self.macros: dict = {}
        # The pages of one item each (a fiche: fiches-actions/<id>.md), by source path, and the
        # footer facts of their parent page, which they share (computed once, not per fiche).
        self.sous_pages: dict = {}
        self.infos_parent: dict = {}
        # A fiche's parent entry, shown in the menu as where the reader is (menu_actif.py).
        self.parent_actif = ParentActif()
        # The plan's spreadsheets of this build (on_config), written with the site (on_files).
        self.tableurs: tuple = ()
        # What a page's macros were wrongly asked for, said once mkdocs-macros rendered it.
        self.macro_errors: list[str] = []
        # Titles holding Jinja's marks, set aside while mkdocs-macros renders their page.
        self.held_titles: dict[str, str] = {}
        # Pages written by hand in docs/ (src_uri), after the pages made from the data.
        self.authored: list[str] = []
        # `mkdocs serve`: bad data shows as a page of errors instead of stopping the build.
        self.serving = False
        # The data's errors while previewing (None when the data is valid), and the pages
        # the last valid build had, which show these errors until the file is fixed.
        self.errors: DataErrors | None = None
        self.last_pages: set[str] = set()
        # The forge the editor at /admin/ saves through (its `editeur` setting), read in on_config.
        self.forge = Forge()

    def on_startup(self, *, command, dirty) -> None:
        self.command = command
        self.serving = command == "serve"
        if self.serving and mimetypes.guess_type("admin/config.yml")[0] is None:
            # `mkdocs serve` types files with `mimetypes`, which may not know .yml: the
            # editor's /admin/config.yml is served as YAML, as Decap expects it. The one
            # change to the process that outlives a build: only under `serve`, whose process
            # is the server, and only a type Python had none for (MkDocs' server offers no
            # setting of its own, and its way of typing files is private).
            mimetypes.add_type("text/yaml", ".yml")

    def _construction(self, config) -> Construction:
        """This build: the data of the project whose mkdocs.yml this is, wherever the engine
        was installed from; a rebuild of the same référentiel follows the previous build."""
        made = Construction.du_projet(Path(config.config_file_path).parent)
        previous = self.construction
        if previous is not None and (previous.racine, previous.dossier) == (made.racine, made.dossier):
            made = previous.suivante()
        # One `git log` per build answers every page's questions (macros/history/gitinfo.py).
        made.memoire(MemoireGit).demander([made.dossier, Path(config.docs_dir)])
        return made

    def _end_of_build(self) -> None:
        """The process as the build found it: the collector put back (collector.py)."""
        if self.reglage is not None:
            collector.restore(self.reglage)
            self.reglage = None

    @event_priority(100)
    def on_config(self, config):
        """Validate the data, then derive site name and navigation from it."""
        self._end_of_build()  # a build stopped before its end (serve) left it tuned
        self.reglage = collector.tune_for_a_build()
        self.construction = construction = self._construction(config)
        try:
            referentiel = construction.referentiel()
        except DataErrors as errors:
            if not self.serving:
                raise PluginError(errors.report()) from None
            return self._show_errors(config, errors)
        self.errors = None
        self.forge = Forge.from_extra(dict(self.config.editeur))
        if self.forge.problem():
            raise PluginError(f"mkdocs.yml, réglage « editeur » de socle : {self.forge.problem()}")
        # The theme writes the site's name and the pages' titles as HTML in text, and escapes
        # them itself in attributes: < > & are escaped here, so that a title written by the
        # organisation is shown as typed; quotes are left to the theme (no double escaping).
        organisation, document = referentiel.referentiel.organisation, referentiel.referentiel.document
        config.site_name = as_theme_text(organisation.nom)
        # The phone header shows the short name instead (overrides/partials/header.html).
        config.extra["nom_court"] = as_theme_text(organisation.nom_court)
        # The logo (a file of fichiers/, published below) in the header and as the favicon;
        # without one, the sigle in its place (overrides/partials/logo.html).
        if referentiel.logo is not None:
            config.theme["logo"] = config.theme["favicon"] = referentiel.logo.adresse
        config.extra["sigle_logo"] = organisation.sigle_logo or ""
        # The theme writes the description into an attribute, unescaped: fully escaped here.
        config.site_description = html.escape(
            f"{document.titre} — {organisation.nom}, pour les {organisation.mot_agents}.", quote=True)
        self.pages = {page.path: page for page in present_pages(referentiel)}
        self.sous_pages = {sous.path: sous for sous in sous_pages(referentiel, list(self.pages.values()))}
        self.last_pages = set(self.pages)
        config.nav = [{as_theme_text(page.title): page.path} for page in self.pages.values()]
        # RGAA: every page's footer states the compliance level (overrides/partials/copyright.html).
        if referentiel.has("accessibilite"):
            config.extra["accessibilite"] = referentiel.accessibilite.etat_libelle
        # The plan's spreadsheets, written with the site and linked from the plan page.
        self.tableurs = (tuple(plan_en_tableurs(referentiel, construction.racine))
                         if referentiel.has("plan") else ())
        telechargements = tuple(telechargement(fichier.nom, len(fichier.contenu))
                                for fichier in self.tableurs)
        fabrique = construction.memoire(FabriqueKit)
        kit = LienKit(KIT_FILENAME, lambda: fabrique.label_for(referentiel))
        self.macro_errors.clear()
        macros = build_macros(referentiel, list(self.pages.values()), kit, telechargements,
                              construction.memoire(MemoireGit))
        self.macros = page_macros(macros, self.macro_errors, construction.memoire(BlocsMisDeCote))
        # The kit d'accueil is made beside the rendering of the pages.
        fabrique.start(referentiel, kit_cache(construction.racine), in_child_process=self.command == "build")
        return config

    def _show_errors(self, config, errors: DataErrors):
        """Preview only: the build goes on, every page showing the located errors.

        Printed to the terminal as the build would; not through MkDocs' logger, whose
        errors count as warnings and would stop the preview in strict mode.
        """
        print(f"ERREUR (aperçu) - {errors.report()}", file=sys.stderr, flush=True)
        self.errors = errors
        self.pages, self.sous_pages, self.macros, self.tableurs = {}, {}, {}, ()
        config.nav = [{TITRE: "index.md"}]
        return config

    def _error_pages(self, files: Files, config) -> Files:
        # Every address the reader may be on: the last valid build's pages and every page
        # the registry knows, so that the page being previewed reloads into the errors.
        paths = {*self.last_pages, *(page.path for page in PAGES)}
        content = page_erreurs(self.errors)
        for path in sorted(paths):
            inclusion = InclusionLevel.INCLUDED if path == "index.md" else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, path, content=content, inclusion=inclusion))
        return files

    def on_files(self, files: Files, *, config) -> Files:
        """The pages this référentiel has, made from the registry, then those written in docs/."""
        authored = list(files.documentation_pages())
        if self.errors is not None:
            for file in authored:
                files.remove(file)
            return self._error_pages(files, config)
        # A page of docs/ is the developer's own (CONTRIBUTING.md): it keeps its address, after
        # the pages of the data in the navigation, and may call the same macros.
        taken = sorted(file.src_uri for file in authored
                       if file.src_uri in self.pages or file.src_uri in self.sous_pages)
        if taken:
            raise PluginError(f"{_in_project(files.get_file_from_path(taken[0]), self._built.racine)} : "
                              "Socle fait déjà "
                              "une page à cette adresse "
                              "depuis les données ; donnez un autre nom à la page écrite à la main.")
        self.authored = sorted(file.src_uri for file in authored)
        config.nav = [*config.nav, *self.authored]
        for fichier in self.tableurs:
            files.append(File.generated(config, f"{DOSSIER_TELECHARGEMENTS}/{fichier.nom}",
                                        content=fichier.contenu))
        referentiel = self._built.referentiel()
        # The organisation's files, at /fichiers/<nom>, as they are (checked by the loader).
        for fichier in referentiel.fichiers.values():
            files.append(File(fichier.adresse, src_dir=str(referentiel.folder), dest_dir=config.site_dir,
                              use_directory_urls=False))
        for page in self.pages.values():
            files.append(File.generated(config, page.path, content=page_markdown(page)))
        # Reached from their parent page, not from the navigation; in the search while few.
        cherchees = len(self.sous_pages) <= FICHES_DANS_LA_RECHERCHE
        for sous in self.sous_pages.values():
            files.append(File.generated(config, sous.path, content=sous_page_markdown(sous, cherchees),
                                        inclusion=InclusionLevel.NOT_IN_NAV))
        return self._editor_files(files, config)

    def _editor_files(self, files: Files, config) -> Files:
        """/admin/: the form editor, its configuration for this référentiel, its vendored code."""
        if not self.forge.configured:
            return files  # no forge named: no /admin/, nothing that could contact one
        referentiel, root = self._built.referentiel(), self._built.racine
        page = admin.index_html(self.forge, referentiel.referentiel.organisation.nom)
        files.append(File.generated(config, "admin/index.html", content=page))
        settings = editor_config(referentiel, root, self.forge, config.site_url or "")
        files.append(File.generated(config, "admin/config.yml", content=dump(settings)))
        for path in admin.static_files(root):
            files.append(File(f"admin/{path}", src_dir=str(root), dest_dir=config.site_dir,
                              use_directory_urls=False))
        return files

    # After mkdocs-macros (priority 0), which rendered the page with Socle's macros.
    @event_priority(-50)
    def on_page_markdown(self, markdown, *, page, config, files):
        """A fiche's body from its model; a macro wrongly called stops the build, page named."""
        sous = self.sous_pages.get(page.file.src_uri)
        if sous is not None:
            # Not a template (its header opts out of mkdocs-macros): Socle's own text, made
            # from the validated model by the same macros (pages.py:sous_page_markdown).
            markdown = sous_page_corps(sous, self.macros)
        if self.macro_errors:
            generated = page.file.generated_by
            where = page.file.src_uri if generated else _in_project(page.file, self._built.racine)
            errors, self.macro_errors[:] = list(self.macro_errors), []
            raise PluginError(f"{where} : " + " ; ".join(errors))
        return markdown

    def on_pre_build(self, *, config) -> None:
        self.awaiting_kit.clear()
        self.full_html.clear()
        self.infos_parent.clear()

    def on_page_content(self, html, *, page, config, files):
        """The fragments' HTML blocks back in place; acronyms get an `<abbr title>` tooltip."""
        if self.errors is not None:
            return html
        # Set aside by the macros, so that Python-Markdown did not parse them (html_blocks.py);
        # MkDocs checks links to anchors against the page's ids: those of the blocks too.
        html, anchors = put_back(html, self._built.memoire(BlocsMisDeCote))
        if page.present_anchor_ids is not None:
            page.present_anchor_ids |= anchors
        html = ajouter_abreviations(html, _entrees_of(self._built.referentiel()))
        # Until Material's search plugin has read it (on_page_context), the page holds the copy
        # made for it, lighter to parse (search_copy.py); on_page_context puts it back.
        copy = search_copy(html)
        if copy is not html:
            self.full_html[page.file.src_uri] = html
        return copy

    # After Material's search plugin (priority 0), which indexes page.content.
    @event_priority(-100)
    def on_page_context(self, context, *, page, config, nav):
        """The page's full HTML back, with the kit's figures; the theme gets this page's facts."""
        page.content = self.full_html.pop(page.file.src_uri, page.content)
        if self.errors is not None:
            return context
        if PENDING_LABEL in page.content:
            # Not waiting for the kit here: the pages after this one would wait with it.
            label = self._built.memoire(FabriqueKit).label_for(self._built.referentiel())
            if label == PENDING_LABEL:
                self.awaiting_kit.append(Path(page.file.abs_dest_path))
            else:
                page.content = page.content.replace(PENDING_LABEL, str(escape(label)))
        # « À vérifier », suivi, last update, files to edit.
        present = self.pages.get(page.file.src_uri)
        sous = self.sous_pages.get(page.file.src_uri)
        if sous is not None:
            self.parent_actif.marquer(nav, sous.parent.path)
            if sous.parent.path not in self.infos_parent:
                self.infos_parent[sous.parent.path] = self._infos(sous.parent)
            infos = self.infos_parent[sous.parent.path]
        else:
            infos = self._infos(present) if present else None
        context["socle_alerte"] = render_notice(infos)
        context["socle_infos_page"] = render_footer(infos)
        return context

    def on_post_page(self, output, *, page, config):
        self.parent_actif.effacer()
        return output

    def _infos(self, present):
        construction = self._built
        return infos_page(construction.referentiel(), present, edit_base(self.config.url_edition),
                          construction.racine, construction.memoire(MemoireGit))

    @property
    def _built(self) -> Construction:
        """The build under way (made by on_config, the first hook that runs)."""
        assert self.construction is not None, "on_config makes the build's Construction"
        return self.construction

    # After Material's search plugin (priority 0), which writes search/search_index.json.
    @event_priority(-100)
    def on_post_build(self, *, config) -> None:
        """Glossary in the search index, the kit beside the home page, redirections of moved pages."""
        try:
            if self.errors is None:
                self._finish(Path(config.site_dir), config)
        finally:
            self._end_of_build()

    def on_build_error(self, *, error) -> None:
        self._end_of_build()

    def _finish(self, site: Path, config) -> None:
        referentiel = self._built.referentiel()
        # The kit d'accueil beside the home page; its figures in pages written before it was
        # made, and in the search index before the glossary and the words' forms are added to
        # it: the index is then the same whether the kit was made before the pages or after.
        try:
            kit = self._built.memoire(FabriqueKit).kit_for(referentiel)
        except KitError as error:
            raise PluginError(f"kit d'accueil : {error}") from None
        (site / KIT_FILENAME).write_bytes(kit.data)
        fill_in(self.awaiting_kit, site / "search" / "search_index.json", kit.label)
        search = config.plugins.get("material/search")
        if search is not None and search.config.enabled:
            enrichir_index(site, list(_entrees_of(referentiel)), search.config.separator)
        # Moved pages keep their old addresses working (`redirections` of the plugin, checked
        # with the configuration; a target's anchor is checked once its page is written).
        try:
            write(site, self.config.redirections, set(self.pages))
        except RedirectionError as error:
            raise PluginError(f"mkdocs.yml, réglage « redirections » de socle : {error}") from None

    def on_env(self, env, *, config, files):
        """Keep the theme's compiled templates between builds (a tenth of a second each build).

        Jinja stores them in the user's temp folder, keyed on each template's source.
        """
        env.bytecode_cache = FileSystemBytecodeCache()
        return env

    def on_serve(self, server, *, config, builder):
        """Rebuild when a data file of the référentiel changes."""
        server.watch(str(self._built.dossier))
        return server
