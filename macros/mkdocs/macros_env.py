"""mkdocs-macros' side of Socle: the build's macros, a data title held aside, French errors.

mkdocs-macros calls `define_env` of macros/__init__.py once per build (after Socle's plugin
has read the data, `on_config` at priority 100), which hands over here: the macros registered
are those Socle's plugin made for this build (`SoclePlugin.macros`, page_macros below).

What keeps text of the data from ever being a template, in an environment mkdocs-macros does
not sandbox: only pages that say `render_macros: true` are rendered (`render_by_default:
false`; Socle's pages, whose body holds macro calls and no text of the data, and developers'
pages of docs/; a fiche's page opts out, its body written by Socle's plugin from the model);
the macros' output is not rendered again; and the page's title, which an organisation may write
(« Plan {{ … }} ») and which mkdocs-macros renders when it holds `{{`, `{%` or `{#`, is held
aside while the page is rendered (`hold_title`, `give_title_back`).
tests/test_escaping.py and tests/test_macros_env.py check each.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from functools import wraps

from macros.mkdocs.html_blocks import BlocsMisDeCote, keep
from macros.site.macros_auteur import ErreurDeMacro


def define_env(env, plugin) -> None:
    """Register the macros Socle's plugin made for this build (none while data is in error)."""
    for name, function in plugin.macros.items():
        env.macro(function, name)


def page_macros(macros: Mapping[str, Callable[..., str]], errors: list[str],
                blocs: BlocsMisDeCote) -> dict[str, Callable[..., str]]:
    """The macros as pages call them.

    Their HTML blocks are set aside in `blocs` until Markdown is done (html_blocks.py). A call
    that names nothing of this référentiel, or gives the wrong arguments, writes nothing: its French
    message goes to `errors`, which the plugin reports with the page's path once mkdocs-macros
    has rendered it (SoclePlugin.on_page_markdown), instead of mkdocs-macros' traceback.
    """
    def kept(name: str, function: Callable[..., str]) -> Callable[..., str]:
        signature = inspect.signature(function)

        @wraps(function)
        def macro(*args, **kwargs) -> str:
            try:
                signature.bind(*args, **kwargs)
            except TypeError:
                expected = ", ".join(signature.parameters)
                errors.append(f"{name}() attend {f'« {expected} »' if expected else 'aucun argument'}, "
                              f"pas {len(args) + len(kwargs)} argument(s).")
                return ""
            try:
                return keep(function(*args, **kwargs), blocs)
            except ErreurDeMacro as error:
                errors.append(str(error))
                return ""
        return macro

    return {name: kept(name, function) for name, function in macros.items()}


def _socle(env):
    return env.conf.plugins.get("socle")


def hold_title(env) -> None:
    """Before mkdocs-macros renders a page: a title holding Jinja's marks is set aside."""
    plugin, page = _socle(env), env.page
    if plugin is not None and page.title and env.has_j2(page.title):
        plugin.held_titles[page.file.src_uri] = page.title
        page.title = ""


def give_title_back(env) -> None:
    """After it rendered the page (and would have rendered the title): the title as written."""
    plugin, page = _socle(env), env.page
    if plugin is not None and page.file.src_uri in plugin.held_titles:
        page.title = plugin.held_titles.pop(page.file.src_uri)
