"""Page authors reach Socle's macros and nothing else.

mkdocs-macros renders every page with a plain Jinja environment that exposes
the whole MkDocs config, environment variables and Python attribute walks
(`''.__class__.__mro__`). We swap it for a SandboxedEnvironment with the same
loader, macros and filters, and strip the template variables down to the page's
own metadata.
"""

from __future__ import annotations

from types import SimpleNamespace

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

# The macros Socle registers (filled by define_env): the only names pages may call.
PAGE_MACROS: dict[str, object] = {}


def _sandboxed_copy(plain) -> SandboxedEnvironment:
    # Only Socle's macros: mkdocs-macros' own `context()` or `macros_info()` would
    # print the configuration and environment variables.
    sandbox = SandboxedEnvironment(
        loader=None,  # no {% include %} of arbitrary files
        undefined=StrictUndefined,
        autoescape=False,  # pages are Markdown; our macros return already-escaped text
    )
    sandbox.globals.update(PAGE_MACROS)
    return sandbox


def restrict_page_environment(env) -> None:
    """Install the sandbox once, and reset the variables before each page."""
    if not isinstance(env.env, SandboxedEnvironment):
        env._env = _sandboxed_copy(env.env)
    page = env.variables.get("page")
    env.variables.clear()
    # mkdocs-macros reads `page.meta` to honour `render_macros: false`.
    env.variables["page"] = SimpleNamespace(meta=getattr(page, "meta", {}) or {})
