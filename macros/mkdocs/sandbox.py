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

from jinja2 import FileSystemBytecodeCache, FunctionLoader, StrictUndefined, Template, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from mkdocs.exceptions import PluginError

# The macros Socle registers (filled by define_env): the only names pages may call.
PAGE_MACROS: dict[str, object] = {}

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


def _page_template(markdown: str, page_path: str) -> Template:
    # The name says whose code this is: no other environment shares the bytecode folder's key.
    bucket = _compiled.get_bucket(_sandbox, f"socle-page-sandbox:{page_path}", None, markdown)
    if bucket.code is None:
        bucket.code = _sandbox.compile(markdown, page_path)
        _compiled.set_bucket(bucket)
    return _sandbox.template_class.from_code(_sandbox, bucket.code, _sandbox.make_globals(None))


def render_page(markdown: str, page_path: str) -> str:
    """Render one page's Markdown with Socle's macros only."""
    _sandbox.globals.clear()
    _sandbox.globals.update(PAGE_MACROS)
    try:
        return _page_template(markdown, page_path).render()
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
