"""Is Material's search usable on a site of 13 800 pages: the ×100 plan's, in Chromium.

From opening the home page to the search worker having built its index (it downloads
search/search_index.json and indexes it in the browser), then from typing a query to its
results drawn, at the machine's speed and with the processor slowed four times (a modest
phone). The same probe as bench/search.py: the worker's messages tell when it is ready and
when results come back; every wait is on a condition, none a fixed delay.
"""

from __future__ import annotations

from pathlib import Path

from .navigateur import site_dans_chromium
from .runs import say
from .search import THROTTLING, open_search, type_query

QUERY = "télétravail"
# The index of 13 800 pages is built in the browser: on a slowed processor, minutes.
READY_TIMEOUT = 300.0


def first_query(site: Path) -> dict | None:
    """Seconds to the index built, milliseconds to the first query's results; None without Chromium."""
    figures: dict = {}
    with site_dans_chromium(site) as ouvert:
        if ouvert is None:
            return None
        browser, base = ouvert
        for rate in THROTTLING:
            page, box, shown, ready = open_search(browser, base, rate, READY_TIMEOUT)
            # Letter by letter, each letter's results drawn before the next one.
            latencies = type_query(page, box, QUERY, READY_TIMEOUT)
            found = page.locator(".md-search-result__item").count()
            figures[f"processeur_ralenti_{rate}x"] = {
                "page_affichee_s": round(shown, 2),
                "index_pret_s": round(ready, 2),
                "premiere_lettre_ms": round(latencies[0], 1),
                "max_par_lettre_ms": round(max(latencies), 1),
                "resultats_affiches": found,
                "tas_js_mo": round(page.evaluate(
                    "performance.memory ? performance.memory.usedJSHeapSize : 0") / 2**20, 1),
            }
            page.close()
    return figures


def report_first_query(site: Path) -> dict | None:
    """The figures of `first_query`, printed."""
    try:
        figures = first_query(site)
    except RuntimeError as error:
        say(f"       recherche dans Chromium : ÉCHEC — {error}")
        return {"erreur": str(error)}
    if figures is None:
        say("       recherche dans Chromium : non mesurée (Playwright ou Chromium absent)")
        return None
    for name, scores in figures.items():
        say(f"       recherche ({name.replace('_', ' ')}) : page affichée en "
            f"{scores['page_affichee_s']} s, index construit en {scores['index_pret_s']} s, "
            f"« {QUERY} » tapé lettre à lettre : {scores['premiere_lettre_ms']} ms pour la "
            f"première, au plus {scores['max_par_lettre_ms']} ms, {scores['resultats_affiches']} "
            f"résultats affichés")
    return figures
