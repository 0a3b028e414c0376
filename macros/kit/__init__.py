"""The kit d'accueil: one printable, tagged PDF of the référentiel, built with the site.

A fixed pipeline, one module per step: `chapters` decides what goes in the kit
(from the site's own page registry), `document` renders it to HTML through
autoescaping Jinja templates fed with the validated models, `pdf` lays it out
with WeasyPrint and keeps the result for the rest of the build.
"""

from __future__ import annotations

from .pdf import KIT_FILENAME, Kit, kit_for

__all__ = ["KIT_FILENAME", "Kit", "kit_for"]
