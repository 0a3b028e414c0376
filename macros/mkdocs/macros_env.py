"""mkdocs-macros entry point: wiring only.

`define_env` registers one macro per kind of content; each renders validated
models through a fragment. `on_pre_page_macros` leaves page authors nothing but
those macros, in a sandboxed Jinja environment.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from macros.data.project import current
from macros.mkdocs.html_blocks import keep
from macros.mkdocs.sandbox import PAGE_MACROS, restrict_page_environment
from macros.site.page_macros import build_macros
from macros.site.pages import present_pages


def define_env(env) -> None:
    """Register Socle's macros (called once per build by mkdocs-macros)."""
    referentiel = current()
    macros = build_macros(referentiel, present_pages(referentiel))
    macros = {name: _html_blocks_kept(function) for name, function in macros.items()}
    for name, function in macros.items():
        env.macro(function, name)
    PAGE_MACROS.clear()
    PAGE_MACROS.update(macros)


def _html_blocks_kept(function: Callable[..., str]) -> Callable[..., str]:
    """The macro, its HTML blocks set aside until Markdown is done (macros/mkdocs/html_blocks.py)."""
    @wraps(function)
    def macro(*args: str) -> str:
        return keep(function(*args))
    return macro


def on_pre_page_macros(env) -> None:
    """Before each page: sandbox the environment and hide config and variables."""
    restrict_page_environment(env)
