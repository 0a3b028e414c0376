"""`make bench`, part 1's criterion: Socle's build against two witnesses of the same content.

- plain Material (bench/plain_site.py): the pages' text written as Markdown, nothing else;
- the design card's stack (bench/card_site.py): Material + mkdocs-macros, the same text kept
  in YAML and rendered by a macro of a `define_env`.

Built in the same venv, interleaved (a shared machine's changing load weighs on all alike),
timed in wall and CPU seconds, then counted once more in instructions (valgrind), which the
load does not move. Targets: the full build (kit read back from .cache/kit/, data unchanged)
≤ 1.0× the card's stack and ≤ 1.1× plain Material; the site alone (kit stubbed out) is shown
beside it.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from macros.kit.cache import folder as kit_cache

from .card_site import write_card_site
from .plain_site import site_words, write_plain_site
from .process import PYTHON, ROOT, Run, instructions, median_run, mkdocs_build
from .runs import RATIO_REPEATS, instrumented, run_figures, say

TARGET_PLAIN = 1.1
TARGET_CARD = 1.0


@dataclass(frozen=True)
class Runs:
    """The medians of one référentiel's interleaved builds."""

    alone: Run   # the site alone, kit stubbed out
    full: Run    # the full build, kit read back from its cache
    cold: Run    # the full build, kit laid out again (data changed)
    plain: Run
    card: Run


def _verdict(ratio: float, target: float) -> str:
    return f"cible ≤ {target}× : " + ("OK" if ratio <= target else "AU-DELÀ DE LA CIBLE")


def _say_ratio(label: str, ours: Run, theirs: Run, target: float) -> dict:
    wall, cpu = ours.seconds / theirs.seconds, ours.cpu_seconds / theirs.cpu_seconds
    say(f"{label:<23}: {wall:.2f}× (horloge), {cpu:.2f}× (CPU) — {_verdict(min(wall, cpu), target)}")
    return {"horloge": round(wall, 3), "cpu": round(cpu, 3)}


def compare(slug: str, tmp: Path, site: Path) -> tuple[Runs, dict]:
    """Build both witnesses of `site` (Socle's build of `slug`), time and count all builds."""
    plain_config, pages, words = write_plain_site(site, tmp / f"plain-{slug}", ROOT / "mkdocs.yml")
    card_config = write_card_site(site, tmp / f"carte-{slug}", ROOT / "mkdocs.yml")
    plain_site, card_site = tmp / f"plain-{slug}-site", tmp / f"carte-{slug}-site"
    series: dict[str, list[Run]] = {"alone": [], "full": [], "cold": [], "plain": [], "card": []}
    for _ in range(RATIO_REPEATS):
        series["alone"].append(instrumented(tmp / f"seul-{slug}", slug, with_pdf=False, counters=False)[0])
        series["full"].append(mkdocs_build(site, slug=slug))
        series["plain"].append(mkdocs_build(plain_site, config=plain_config))
        series["card"].append(mkdocs_build(card_site, config=card_config))
        shutil.rmtree(kit_cache(ROOT), ignore_errors=True)
        series["cold"].append(mkdocs_build(site, slug=slug))
    runs = Runs(**{kind: median_run(found) for kind, found in series.items()})
    (plain_pages, plain_words), (card_pages, card_words) = site_words(plain_site), site_words(card_site)
    say(f"construction complète  : {runs.full.seconds:.2f} s (CPU {runs.full.cpu_seconds:.2f} s), "
        f"mémoire max {runs.full.peak_mb:.0f} Mo, kit relu du cache — médiane de {RATIO_REPEATS}, "
        "en alternance")
    say(f"site seul (sans PDF)   : {runs.alone.seconds:.2f} s (CPU {runs.alone.cpu_seconds:.2f} s)")
    say(f"témoin Material        : {runs.plain.seconds:.2f} s (CPU {runs.plain.cpu_seconds:.2f} s) — "
        f"{pages} pages, {words} mots (témoin : {plain_pages} pages, {plain_words} mots)")
    say(f"témoin de la carte     : {runs.card.seconds:.2f} s (CPU {runs.card.cpu_seconds:.2f} s) — "
        f"Material + mkdocs-macros, le même texte lu d'un YAML ({card_pages} pages, {card_words} mots)")
    figures = {
        "complet": run_figures(runs.full), "socle": run_figures(runs.alone),
        "complet_kit_refait": run_figures(runs.cold),
        "temoin": run_figures(runs.plain), "temoin_carte": run_figures(runs.card),
        "pages": pages, "mots": words, "mots_temoin": plain_words, "mots_temoin_carte": card_words,
        "rapport_complet_temoin": _say_ratio("complet / Material", runs.full, runs.plain, TARGET_PLAIN),
        "rapport_complet_carte": _say_ratio("complet / carte", runs.full, runs.card, TARGET_CARD),
        "rapport_seul_temoin": _say_ratio("site seul / Material", runs.alone, runs.plain, TARGET_PLAIN),
    }
    figures["instructions"] = _instructions(slug, tmp, plain_config, card_config)
    return runs, figures


def _instructions(slug: str, tmp: Path, plain_config: Path, card_config: Path) -> dict:
    """The full build and both witnesses once more, in instructions (valgrind)."""
    build = [PYTHON, "-m", "mkdocs", "build", "--strict", "--quiet", "-d"]
    ours = instructions([*build, str(tmp / f"ir-{slug}")], {"REFERENTIEL": slug, "SOCLE_DATA_DIR": ""})
    plain = instructions([*build, str(tmp / f"ir-plain-{slug}"), "-f", str(plain_config)])
    card = instructions([*build, str(tmp / f"ir-carte-{slug}"), "-f", str(card_config)])
    if not (ours and plain and card):
        say("en instructions        : valgrind absent, non mesuré")
        return {"socle": ours, "temoin": plain, "temoin_carte": card}
    say(f"en instructions        : Socle {ours / 1e9:.2f} G, Material {plain / 1e9:.2f} G, "
        f"carte {card / 1e9:.2f} G (valgrind ; insensible à la charge de la machine)")
    say(f"  complet / Material   : {ours / plain:.2f}× — {_verdict(ours / plain, TARGET_PLAIN)}")
    say(f"  complet / carte      : {ours / card:.2f}× — {_verdict(ours / card, TARGET_CARD)}")
    return {"socle": ours, "temoin": plain, "temoin_carte": card,
            "rapport_temoin": round(ours / plain, 3), "rapport_carte": round(ours / card, 3)}
