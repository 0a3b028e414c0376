"""Socle's engine: a référentiel's YAML data → validated models → site and kit.

Packages, in the order data flows (ARCHITECTURE.md has the picture):

- `registry`: one row per kind of content (file, model, page, fragments, kit, steps).
- `data/`: strict YAML, located French errors, loading; `models/`: frozen pydantic models.
- `history/`: git — last updates, « Quoi de neuf », what changed.
- `site/`: HTML/Markdown fragments, figures, page macros; `kit/`: the PDF (Typst).
- `mkdocs/`: the only code that imports MkDocs or Material (plugin, sandbox, search).
- `cli/`: `make check`, `make schema`, the index of référentiels, new référentiels.

Importing this package imports nothing: the core can be used without MkDocs.
"""
