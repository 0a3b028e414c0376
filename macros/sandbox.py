"""Page authors reach Socle's macros and nothing else.

mkdocs-macros renders every page with a plain Jinja environment that exposes
the whole MkDocs config, environment variables, its own `context()` helper and
Python attribute walks (`''.__class__.__mro__`). Instead, each page is rendered
here, before mkdocs-macros sees it, by a SandboxedEnvironment whose only names
are the macros Socle registers; mkdocs-macros is then told not to render it
again (so text from data is never read as Jinja). A misuse stops the build with
the page's path and a French message, without a traceback.
"""

from __future__ import annotations

from types import SimpleNamespace

from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from mkdocs.exceptions import PluginError

# The macros Socle registers (filled by define_env): the only names pages may call.
PAGE_MACROS: dict[str, object] = {}

_sandbox = SandboxedEnvironment(
    loader=None,            # no {% include %} / {% import %} of files
    undefined=StrictUndefined,
    autoescape=False,       # pages are Markdown; our macros return already-escaped text
)


def render_page(markdown: str, page_path: str) -> str:
    """Render one page's Markdown with Socle's macros only."""
    _sandbox.globals.clear()
    _sandbox.globals.update(PAGE_MACROS)
    try:
        return _sandbox.from_string(markdown).render()
    except TemplateError as error:
        line = getattr(error, "lineno", None)
        where = f"docs/{page_path}" + (f":{line}" if line else "")
        known = ", ".join(f"{name}()" for name in sorted(PAGE_MACROS))
        raise PluginError(
            f"{where}: instruction de page refusée ({type(error).__name__} : {error}). "
            f"Une page ne peut appeler que les macros de Socle : {known}."
        ) from None


def restrict_page_environment(env) -> None:
    """mkdocs-macros pre-page hook: render in the sandbox, then disable its own rendering."""
    page = env.page
    env.markdown = render_page(env.markdown, page.file.src_uri)
    env.variables.clear()
    env.variables["page"] = SimpleNamespace(meta={"render_macros": False})
