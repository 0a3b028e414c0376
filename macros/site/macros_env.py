"""Socle's page macros for a host without Socle's MkDocs plugin: Zensical's macros extension.

mkdocs-macros and Zensical's `zensical.extensions.macros` both call the `define_env(env)` of
the module they are given (`modules: [macros]`, macros/__init__.py). Under MkDocs, Socle's
plugin has made this build's macros (pages, kit, spreadsheets: macros/mkdocs/macros_env.py);
elsewhere, they are made here from the référentiel of the project, with what needs the plugin
left out: no kit link (nothing writes the kit), no plan spreadsheets.
"""

from __future__ import annotations

from pathlib import Path

from macros.data.construction import Construction
from macros.site.page_macros import LienKit, build_macros
from macros.site.pages import present_pages


def define_env(env) -> None:
    """Register the macros of the référentiel of the project `env` builds."""
    referentiel = Construction.du_projet(Path(env.project_dir)).referentiel()
    macros = build_macros(referentiel, present_pages(referentiel), LienKit("", lambda: ""))
    for name, function in macros.items():
        env.macro(function, name)
