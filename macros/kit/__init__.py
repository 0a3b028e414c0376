"""The kit d'accueil: one printable, tagged PDF of the référentiel, built with the site.

A fixed pipeline, one module per step: `chapters` decides what goes in the kit
(from the site's own page registry), `document` renders it to Typst source through
Jinja templates that turn every text from the data into a string literal, `pdf`
compiles it with Typst into a PDF/UA-1 file; the hooks write it beside the home page.
"""

from __future__ import annotations

from macros.kit.pdf import KIT_FILENAME, PENDING_LABEL, FabriqueKit, Kit, KitError

__all__ = ["KIT_FILENAME", "PENDING_LABEL", "FabriqueKit", "Kit", "KitError"]
