"""Render the kit as one HTML document, from the validated models.

Templates live in `templates/`: `kit.html.j2` is the document (cover, contents,
chapters), `sections/<name>.html.j2` each expose `{% macro render(model) %}`.
The environment autoescapes, and every text from data goes through the `fr`
filter (French typography), as on the site.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup

from ..loader import LoadedReferentiel
from ..render import escaping_environment
from .chapters import Part, chapters

TEMPLATES = Path(__file__).parent / "templates"


@cache
def environment() -> Environment:
    """The kit's Jinja environment (created once per process)."""
    env = escaping_environment(TEMPLATES)
    env.globals["part"] = render_part
    return env


def render_part(part: Part, prefix: str) -> Markup:
    """Render one part of a chapter; `prefix` keeps its anchors unique in the document."""
    module = environment().get_template(f"sections/{part.template}.html.j2").module
    return Markup(str(module.render(part.model, prefix)))


def kit_html(ref: LoadedReferentiel) -> str:
    """The whole kit as an HTML document, ready for WeasyPrint."""
    template = environment().get_template("kit.html.j2")
    return template.render(ref=ref.referentiel, chapters=chapters(ref))
