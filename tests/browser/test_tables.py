"""Tables that fit: no cell of Socle's tables is cut or scrolled away, at any width.

At 1280 px, once actions had a pilote and an échéance, the plan's table overflowed its box
(704 px in 688) and « 30 septembre 2026 » showed as « 30 septen… ». Measured here on every
table of the plan's pages and of the blocks of rubriques, with every column the syndicat's
plan has (pilote, échéance), at a phone's width, a laptop's and a wide screen's: a cell, a
table's box or its scrolling wrapper wider inside than outside is cut.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGES = [("syndicat", "plan/"), ("syndicat", "synthese-du-plan/"), ("syndicat", "teletravail/"),
         ("bethune", "plan/"), ("bethune", "synthese-du-plan/")]

# Every visible cell and box whose content is wider than itself (1 px of rounding allowed).
CUT = """() => {
  const cut = [];
  const boxes = document.querySelectorAll(
    '.socle-table, .socle-table .md-typeset__scrollwrap, .socle-table th, .socle-table td');
  for (const element of boxes) {
    if (element.offsetParent === null) continue;
    if (element.scrollWidth > element.clientWidth + 1) {
      cut.push(`${element.tagName} « ${element.textContent.trim().slice(0, 40)} » : `
               + `${element.scrollWidth} px dans ${element.clientWidth}`);
    }
  }
  return {cut, cells: document.querySelectorAll('.socle-table td').length};
}"""


@pytest.mark.parametrize("width", [390, 1280, 1600])
@pytest.mark.parametrize(("slug", "url"), PAGES)
def test_no_cell_is_cut(page_factory, server, slug, url, width):
    page = page_factory(width=width)
    page.goto(f"{server}/{slug}/{url}")
    # Material wraps each table in its scrolling box once its script has run.
    page.wait_for_selector(".socle-table .md-typeset__scrollwrap", state="attached")
    found = page.evaluate(CUT)
    assert found["cells"] > 0, "aucune cellule mesurée"
    assert found["cut"] == [], "\n".join(found["cut"])

