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

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import Files  # noqa: E402

from macros.context import current, data_folder, present_pages  # noqa: E402
from macros.errors import DataErrors  # noqa: E402


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
    return config


def on_files(files: Files, config) -> Files:
    """Drop the pages of sections this référentiel does not have."""
    wanted = {page.path for page in present_pages(current())}
    for file in list(files.documentation_pages()):
        if file.src_uri not in wanted:
            files.remove(file)
    return files


def on_serve(server, config, builder):
    """Rebuild when a data file of the référentiel changes."""
    server.watch(str(data_folder()))
    return server
