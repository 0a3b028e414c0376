"""The kit's figures in the files of pages written before the kit was made.

Pages that give the kit's figures (« PDF, 37 pages, 626 Ko ») are rendered with
`PENDING_LABEL` while the kit is being made beside the build (macros/kit/pdf.py). A page
written once the kit is made gets the figures before it is written (macros/mkdocs/plugin.py). The home
page is written first, usually before the kit is made: waiting for the kit there held the
whole build up (a tenth of a second for Béthune). Such a page is written with the
placeholder and filled in after the build, once the kit is made, with the search index.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from markupsafe import escape

from macros.kit.pdf import PENDING_LABEL


def fill_in(pages: Iterable[Path], search_index: Path, label: str) -> None:
    """Replace the placeholder with `label` in the written `pages` and in the search index."""
    # Pages are HTML; the search index is JSON holding HTML text.
    as_html = str(escape(label))
    for path in [*pages, search_index]:
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        if PENDING_LABEL in text:
            # The index as Material wrote it (JSON, ASCII escapes), before Socle adds to it.
            value = json.dumps(as_html)[1:-1] if path == search_index else as_html
            path.write_text(text.replace(PENDING_LABEL, value), encoding="utf-8")
