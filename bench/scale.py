"""`make bench`, part 4: the Béthune data scaled ×1, ×10 and, asked for, ×100 (bench/generate.py).

Build time and peak memory of the site alone at each scale, against a plain Material
site of the same pages (bench/plain_site.py: same pages, words and menu, a page per fiche
outside it), built in turn in the same run; and against the start-up cost of a référentiel
reduced to its identity file: the part that grows with the content must grow linearly or
better. The ×100 plan (13 800 actions, as many fiche pages) takes minutes: `make bench
ECHELLE=1` adds it, `make bench-echelle` (`python -m bench.scale`) runs this part alone with it.
Its instructions are not counted (valgrind would take hours); its CPU time is the criterion,
and the search box is tried on it in Chromium (bench/search_scale.py).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from .generate import scale_referentiel
from .plain_site import write_plain_site
from .process import ROOT, Run, median_run, mkdocs_build
from .runs import (
    RATIO_REPEATS,
    REPEATS,
    instrumented,
    kb,
    pdf_layout,
    run_figures,
    say,
    site_builds,
)
from .search_scale import report_first_query
from .weight import home_page_assets, search_assets

TARGET_MEMORY_MB = 2048
TARGET_RATIO = 1.1
LARGE = 100


def scales() -> tuple[int, ...]:
    """×1 and ×10; ×100 too when ECHELLE is set (`make bench ECHELLE=1`)."""
    return (1, 10, LARGE) if os.environ.get("ECHELLE") else (1, 10)


def bench_scale(tmp: Path, factors: tuple[int, ...] | None = None) -> dict:
    factors = factors or scales()
    say(f"\n## Montée en charge (données de Béthune {', '.join(f'×{k}' for k in factors)})")
    source = ROOT / "data" / "bethune"
    minimal = tmp / "scale-min" / "bethune"
    minimal.mkdir(parents=True)
    shutil.copy2(source / "referentiel.yml", minimal / "referentiel.yml")
    shutil.copytree(source / "source", minimal / "source")  # the loader checks the document is there
    say("(site seul : le kit PDF est remplacé par un PDF d'une page ; son coût est mesuré à part ; "
        f"démarrage et ×1 : médianes de {RATIO_REPEATS}, en alternance)")
    data_x1 = scale_referentiel(source, tmp / "scale-x1" / "bethune", 1).parent
    # Start-up and ×1 interleaved: the linearity bound is their difference, which a change
    # of the machine's load between two separate series would swamp.
    series: dict[str, list[Run]] = {"demarrage": [], "x1": []}
    for _ in range(RATIO_REPEATS):
        series["demarrage"].append(
            instrumented(tmp / "site-min", "bethune", minimal.parent, with_pdf=False, counters=False)[0])
        series["x1"].append(
            instrumented(tmp / "site-x1", "bethune", data_x1, with_pdf=False, counters=False)[0])
    start_up = median_run(series["demarrage"])
    say(f"démarrage fixe (référentiel réduit à son identité) : {start_up.seconds:.2f} s "
        f"(CPU {start_up.cpu_seconds:.2f} s), {start_up.peak_mb:.0f} Mo")
    results: dict[int, dict] = {}
    for factor in factors:
        results[factor] = _one_scale(tmp, factor, data_x1 if factor == 1 else None,
                                     series["x1"] if factor == 1 else None)
    verdicts, top = {}, max(factors)
    for measure in ("secondes", "cpu"):
        fixed = start_up.seconds if measure == "secondes" else start_up.cpu_seconds
        t1, t100 = results[1][measure], results[max(factors)][measure]
        bound = top * (t1 - fixed)
        growth = (t100 - fixed) / max(t1 - fixed, 1e-9)
        verdicts[measure] = {"borne_s": round(bound, 3), f"x{top}_s": t100,
                             "croissance_partie_variable": round(growth, 1),
                             "lineaire": t100 <= bound}
        if t1 <= fixed:
            say(f"linéarité ({measure}) : non mesurable, ×1 ({t1:.2f} s) ≤ démarrage "
                f"({fixed:.2f} s) — machine trop chargée pour l'horloge, voir le CPU")
            continue
        say(f"linéarité ({'horloge' if measure == 'secondes' else 'CPU'}) : ×{top} = {t100:.2f} s ≤ "
            f"{top} × (×1 − démarrage) = {bound:.2f} s : {'OK' if t100 <= bound else 'NON'} "
            f"(la partie variable croît de ×{growth:.0f} pour des données ×{top})")
    peak = max(max(r["memoire_max_mo"], r["temoin"]["memoire_max_mo"]) for r in results.values())
    say(f"mémoire maximale        : {peak:.0f} Mo (Socle ou témoin) — cible < {TARGET_MEMORY_MB} Mo : "
        f"{'OK' if peak < TARGET_MEMORY_MB else 'AU-DELÀ DE LA CIBLE'}")
    # The kit at ×10 (×1 is Béthune's, above); ×100 would take minutes and gigabytes,
    # so it is extrapolated from the two, not run.
    kit = pdf_layout(tmp / "scale-x10" / "bethune") if 10 in factors else None
    if kit:
        say(f"kit PDF ×10            : {kit['pages']} pages, {kb(kit['octets'])}, mise en page "
            f"{kit['secondes']:.1f} s (CPU {kit['cpu']:.1f} s), {kit['memoire_max_mo']:.0f} Mo — "
            f"×100 non lancé (≈ ×10 du coût ×10, estimation linéaire)")
    return {"demarrage": run_figures(start_up),
            "echelles": {f"x{k}": v for k, v in results.items()},
            "linearite": verdicts, "memoire_max_mo": peak, "kit_pdf_x10": kit}


def _one_scale(tmp: Path, factor: int, data: Path | None, first: list[Run] | None) -> dict:
    """Socle's site alone and its witness, built in turn; their ratio, the search, the home page."""
    source = ROOT / "data" / "bethune"
    if data is None:
        data = scale_referentiel(source, tmp / f"scale-x{factor}" / "bethune", factor).parent
    out = tmp / f"site-x{factor}"
    repeats = REPEATS if factor < LARGE else 1
    ours = list(first or [])
    if not ours:
        ours.append(site_builds(out, data, 1))
    # The witness is the built site's text: it is written once Socle has built it.
    config, pages, words = write_plain_site(out, tmp / f"plain-x{factor}", ROOT / "mkdocs.yml")
    plain_out = tmp / f"plain-x{factor}-site"
    theirs = [mkdocs_build(plain_out, config=config)]
    while len(theirs) < repeats:   # in turn: a change of the machine's load weighs on both
        if len(ours) < repeats:
            ours.append(site_builds(out, data, 1))
        theirs.append(mkdocs_build(plain_out, config=config))
    built, plain = median_run(ours), median_run(theirs)
    plan = scale_counts(data / "bethune")
    fiches = len(list((out / "fiches-actions").glob("*/index.html")))
    ratios = {"horloge": round(built.seconds / plain.seconds, 3),
              "cpu": round(built.cpu_seconds / plain.cpu_seconds, 3),
              "memoire": round(built.peak_mb / plain.peak_mb, 3)}
    index = next((a for a in search_assets(out) if a.kind == "index"), None)
    home = [a for a in home_page_assets(out) if a.kind in {"html", "css", "js", "font"}]
    home_gz, home_html = sum(a.gzipped for a in home), next(a for a in home if a.path == "index.html")
    runs = f"médiane de {repeats}, en alternance" if repeats > 1 else "une de chaque, l'une après l'autre"
    say(f"×{factor:<3} : {built.seconds:6.2f} s (CPU {built.cpu_seconds:6.2f} s), "
        f"{built.peak_mb:5.0f} Mo — {plan['actions']} actions ({fiches} pages de fiche), "
        f"{plan['instances']} instances, {words} mots sur {pages} pages")
    say(f"       témoin Material (mêmes pages, mots et menu) : {plain.seconds:.2f} s "
        f"(CPU {plain.cpu_seconds:.2f} s), {plain.peak_mb:.0f} Mo ({runs})")
    verdict = "OK" if min(ratios["horloge"], ratios["cpu"]) <= TARGET_RATIO else "AU-DELÀ DE LA CIBLE"
    say(f"       Socle / témoin : {ratios['horloge']:.2f}× (horloge), {ratios['cpu']:.2f}× (CPU), "
        f"{ratios['memoire']:.2f}× (mémoire) — cible ≤ {TARGET_RATIO}× : {verdict}")
    say(f"       index de recherche {kb(index.raw) if index else '—'} brut, "
        f"{kb(index.gzipped) if index else '—'} gzip ; accueil HTML+CSS+JS {kb(home_gz)} gzip "
        f"(HTML {kb(home_html.raw)} brut) — cible < 400 Ko : {'OK' if home_gz < 400 * 1024 else 'NON'}")
    figures = {**run_figures(built), **plan, "pages_de_fiche": fiches, "mots": words, "pages": pages,
               "temoin": run_figures(plain), "rapport": ratios, "repetitions": repeats,
               "index_recherche_octets": index.raw if index else None,
               "index_recherche_octets_gzip": index.gzipped if index else None,
               "accueil_octets_gzip": home_gz, "accueil_html_octets": home_html.raw}
    if factor == LARGE:
        figures["recherche_navigateur"] = report_first_query(out)
    return figures


def scale_counts(folder: Path) -> dict:
    from macros.data.loader import load_referentiel
    loaded = load_referentiel(folder, ROOT)
    return {"actions": len(loaded.plan.actions), "objectifs": len(loaded.plan.objectifs),
            "instances": len(loaded.gouvernance.instances)}


def main(*factors: str) -> int:
    """`make bench-echelle`: this part alone, ×100 included (or the factors given, ×1 always);
    figures in build/bench-echelle.json."""
    import json

    chosen = tuple(sorted({1, *(int(f) for f in factors)})) if factors else (1, 10, LARGE)
    with tempfile.TemporaryDirectory(prefix="socle-echelle-") as name:
        figures = bench_scale(Path(name), chosen)
    out = ROOT / "build" / "bench-echelle.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    say(f"\nchiffres dans {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
