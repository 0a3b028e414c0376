"""How fast the search box answers: from each keystroke to its results on screen, in Chromium.

The queries of tests/search_queries.yml that people type most are typed letter by letter
into the real box of the built site, on a phone-sized window, at the machine's speed and
with the processor slowed four times (Chromium's throttling, a modest phone). For each
letter: the time from the letter entering the box to the next frame drawn after the results of
what was typed came back from Material's search worker. Results are told apart from other
messages by their shape (they have `items`), not by Material's message numbers.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from .navigateur import site_dans_chromium
from .runs import say

QUERIES = ["greve", "qui valide une note", "télétravail", "reglement interieur", "B'CLIC",
           "conges maternite", "l'agent"]
THROTTLING = (1, 4)

PROBE = """
(() => {
  const etat = window.__frappe = { pret: false, envoyees: 0, recues: 0, touche: 0, dessine: 0 }
  // The letter in the box (an accented letter is typed without a key event, as on a phone).
  document.addEventListener("input", () => { etat.touche = performance.now() }, true)
  const Original = window.Worker
  window.Worker = function (url, options) {
    const worker = new Original(url, options)
    const envoyer = worker.postMessage.bind(worker)
    worker.postMessage = message => {
      if (message && typeof message.data === "string") etat.envoyees++
      envoyer(message)
    }
    worker.addEventListener("message", event => {
      const data = event.data && event.data.data
      if (data && Array.isArray(data.items)) {
        etat.recues++
        requestAnimationFrame(() => { etat.dessine = performance.now() })
      } else {
        etat.pret = true             // the index is built: the worker's first other message
      }
    })
    return worker
  }
  window.Worker.prototype = Original.prototype
})()
"""


def wait_for(page, expression: str, timeout: float = 20.0) -> None:
    # The site's CSP forbids `eval`, hence polling with `evaluate` (as the browser tests do).
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise RuntimeError(f"toujours faux après {timeout} s : {expression}")
        time.sleep(0.005)


def open_search(browser, base: str, rate: int, timeout: float | None = None):
    """A phone-sized page of the site at `base`, its processor slowed `rate` times, with the
    search box open and its index built: the page, the box, and the seconds until the page
    was shown and until the search was ready. `timeout` (s): for the page and the index,
    else Playwright's and `wait_for`'s own."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.add_init_script(PROBE)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
    started = time.perf_counter()
    page.goto(base, timeout=None if timeout is None else timeout * 1000)
    shown = time.perf_counter() - started
    page.click("header label[for=__search]")
    box = page.locator("input.md-search__input")
    box.click()
    wait_for(page, "window.__frappe.pret", *(() if timeout is None else (timeout,)))
    return page, box, shown, time.perf_counter() - started


def type_query(page, box, query: str, timeout: float = 20.0) -> list[float]:
    """Milliseconds from each letter typed to its results drawn."""
    latencies = []
    box.fill("")
    wait_for(page, "window.__frappe.envoyees === window.__frappe.recues", timeout)
    for letter in query:
        sent = page.evaluate("window.__frappe.dessine = 0, window.__frappe.envoyees")
        box.press_sequentially(letter)
        # Material asks its worker as the key is handled; a letter that does not change the
        # query (a space, an apostrophe) asks nothing and is not counted.
        if page.evaluate("window.__frappe.envoyees") == sent:
            continue
        wait_for(page, "window.__frappe.envoyees === window.__frappe.recues && window.__frappe.dessine > 0",
                 timeout)
        latencies.append(page.evaluate("window.__frappe.dessine - window.__frappe.touche"))
    return latencies


def bench_typing(site: Path) -> dict | None:
    """Keystroke-to-results times (ms) on `site`, or None without Playwright and Chromium."""
    figures: dict = {}
    with site_dans_chromium(site) as ouvert:
        if ouvert is None:
            return None
        browser, base = ouvert
        for rate in THROTTLING:
            page, box, _, ready = open_search(browser, base, rate)
            latencies = [ms for query in QUERIES for ms in type_query(page, box, query)]
            figures[f"processeur_ralenti_{rate}x"] = {
                "touches": len(latencies),
                "mediane_ms": round(statistics.median(latencies), 1),
                "p90_ms": round(statistics.quantiles(latencies, n=10)[-1], 1),
                "max_ms": round(max(latencies), 1),
                "page_et_recherche_pretes_s": round(ready, 2),
            }
            page.close()
    return figures


def report_typing(site: Path) -> dict | None:
    """`make bench`'s section: the figures of `bench_typing`, printed."""
    say("\n## Recherche : de la frappe aux résultats (Chromium, 390 px, Béthune)")
    figures = bench_typing(site) if site.is_dir() else None
    if figures is None:
        say("non mesuré : Playwright, Chromium ou le site construit manque.")
        return None
    for name, scores in figures.items():
        say(f"{name:<28} : médiane {scores['mediane_ms']} ms, 9 sur 10 sous {scores['p90_ms']} ms, "
            f"au plus {scores['max_ms']} ms sur {scores['touches']} lettres ; page et recherche "
            f"prêtes en {scores['page_et_recherche_pretes_s']} s")
    return figures
