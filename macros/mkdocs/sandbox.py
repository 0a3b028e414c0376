"""Pages reach Socle's macros and nothing else.

Every page is a short template made by the registry (`{{ plan() }}`), rendered here by a
SandboxedEnvironment whose only names are the macros Socle registers for this référentiel:
no configuration, no environment variable, no attribute walk (`''.__class__.__mro__`), no
file included. Text of the data is never rendered as Jinja: it reaches the page as the
macros' output. A misuse stops the build with the page's path and a French message,
without a traceback.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import wraps

from jinja2 import FileSystemBytecodeCache, FunctionLoader, StrictUndefined, Template, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from mkdocs.exceptions import PluginError

from macros.mkdocs.html_blocks import keep

_sandbox = SandboxedEnvironment(
    # No {% include %} / {% import %} / {% extends %}: every name is "not found" (a TemplateError,
    # reported like any other misuse; without a loader Jinja raises a bare TypeError).
    loader=FunctionLoader(lambda name: None),
    undefined=StrictUndefined,
    autoescape=False,       # pages are Markdown; our macros return already-escaped text
)


# Compiling the pages' templates cost more than rendering them (16 pages: 8 ms a build):
# the compiled code is kept like the fragments' (macros/site/render.py), keyed on each page's text.
_compiled = FileSystemBytecodeCache()


# Pages with the same body (every fiche's: macros/site/pages.py) share one compiled template.
_templates: dict[str, Template] = {}


def _page_template(markdown: str, page_path: str) -> Template:
    if markdown in _templates:
        return _templates[markdown]
    template = _compiled_template(markdown, page_path)
    if len(_templates) < 256:  # `mkdocs serve` sees every edit of every page: a bounded memo
        _templates[markdown] = template
    return template


def _compiled_template(markdown: str, page_path: str) -> Template:
    # The name says whose code this is: no other environment shares the bytecode folder's key.
    bucket = _compiled.get_bucket(_sandbox, f"socle-page-sandbox:{page_path}", None, markdown)
    if bucket.code is None:
        bucket.code = _sandbox.compile(markdown, page_path)
        _compiled.set_bucket(bucket)
    return _sandbox.template_class.from_code(_sandbox, bucket.code, _sandbox.make_globals(None))


def page_macros(macros: Mapping[str, Callable[..., str]]) -> dict[str, Callable[..., str]]:
    """The macros as pages call them: their HTML blocks set aside until Markdown is done."""
    def kept(function: Callable[..., str]) -> Callable[..., str]:
        @wraps(function)
        def macro(*args: str) -> str:
            return keep(function(*args))
        return macro

    return {name: kept(function) for name, function in macros.items()}


def render_page(markdown: str, page_path: str, macros: Mapping[str, Callable[..., str]],
                variables: Mapping[str, str] | None = None) -> str:
    """Render one page's Markdown with `macros` as its only names, and `variables` (texts the
    extension gives, like a fiche's `identifiant`: values, never rendered as templates)."""
    _sandbox.globals.clear()
    _sandbox.globals.update(macros)
    try:
        return _page_template(markdown, page_path).render(variables or {})
    except TemplateError as error:
        line = getattr(error, "lineno", None)
        where = page_path + (f":{line}" if line else "")
        known = ", ".join(f"{name}()" for name in sorted(macros))
        raise PluginError(
            f"{where}: instruction de page refusée ({type(error).__name__} : {error}). "
            f"Une page ne peut appeler que les macros de Socle : {known}."
        ) from None
