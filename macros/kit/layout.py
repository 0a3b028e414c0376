"""Lay out the kit's HTML with WeasyPrint: a tagged PDF/UA-1 file.

Kept free of any import from Socle, so that it also runs on its own, in a child
process started at the beginning of a build (`macros/kit/pdf.py`): the layout
(seconds for a few dozen pages) then runs beside the rendering of the site's
pages instead of after it.

    python macros/kit/layout.py KIT.html OUT.pdf    # writes OUT.pdf and OUT.pdf.json
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

STYLESHEET = Path(__file__).parent / "kit.css"

# WeasyPrint reports layout problems through logging, not exceptions; silence its
# chatter about the environment but keep errors visible.
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


def lay_out(html: str) -> tuple[bytes, int]:
    """The PDF of `html` and its number of pages."""
    # Imported here: WeasyPrint loads Pango through cffi, which only the kit needs.
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    document = HTML(string=html, base_url=str(STYLESHEET.parent)).render(
        stylesheets=[CSS(filename=str(STYLESHEET), font_config=fonts)],
        font_config=fonts,
        # PDF/UA-1: tagged structure (headings, lists, tables with header cells),
        # title shown instead of the file name, language from <html lang="fr">.
        pdf_variant="pdf/ua-1",
    )
    return document.write_pdf(pdf_variant="pdf/ua-1"), len(document.pages)


def main(source: str, target: str) -> int:
    data, pages = lay_out(Path(source).read_text(encoding="utf-8"))
    out = Path(target)
    out.write_bytes(data)
    # Written last: its presence tells the waiting build that the PDF is whole.
    out.with_name(out.name + ".json").write_text(json.dumps({"pages": pages}), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
