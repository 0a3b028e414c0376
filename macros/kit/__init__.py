"""The kit d'accueil: one printable, tagged PDF of the référentiel, built with the site.

A fixed pipeline, one module per step: `chapters` decides what goes in the kit
(from the site's own page registry), `document` renders it to HTML through
autoescaping Jinja templates fed with the validated models, `pdf` has `layout`
lay it out with WeasyPrint (in a child process, beside the build, when the content
is new) and keeps the result; `publish` writes it into the built site.
"""

from __future__ import annotations

from .pdf import KIT_FILENAME, Kit, kit_for, kit_or_pending

__all__ = ["KIT_FILENAME", "Kit", "kit_for", "kit_or_pending"]
