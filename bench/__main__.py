"""`make bench`: what a build costs, what a reader downloads, and how both scale.

One run prints every figure and writes them to build/bench.json:

1. each real référentiel: the full build (median of 7, interleaved) against two witnesses
   with the same pages, headings and words — plain Material, and the design card's stack,
   Material + mkdocs-macros rendering the text from YAML (bench/witnesses.py) —, and the
   same ratios in instructions (valgrind, when installed: the load of a shared machine
   moves times by ±15 %, not instruction counts); how often each data file was parsed;
   the site alone (kit stubbed out) and the kit laid out again (data changed);
   the PDF kit's share; site weight, home page transfer, search index;
2. `python -m macros.cli.check` time;
3. `mkdocs serve`: time from saving plan.yml to the page showing the change;
4. the Béthune data scaled ×1, ×10 (and ×100 with ECHELLE=1; `make bench-echelle` runs this
   part alone, ×100 included): build time and peak memory, against plain Material with the
   same pages, words and menu, and against the start-up cost of a référentiel with nothing
   but its identity file (bench/scale.py);
5. the search box: from each letter typed to its results on screen, in Chromium on a
   phone-sized window, at full speed and with the processor slowed four times
   (bench/search.py); search quality from build/search-report.json, which
   tests/browser/test_search.py writes.

Times are wall-clock seconds and CPU seconds (user + system, build and its
children): the CPU figure moves less when the machine is shared. Builds keep their
compiled Python modules (bench/process.py), as a user's Python does.
"""

from __future__ import annotations

import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

from .process import PYTHON, ROOT, median_run, mkdocs_build, run
from .runs import REPEATS, instrumented, kb, pdf_layout, run_figures, say
from .scale import bench_scale
from .search import report_typing
from .serve import measure_reload
from .weight import browser_home_assets, home_page_assets, search_assets, site_weight
from .witnesses import compare

TARGET_HOME_KB = 400
CRITERION_KINDS = {"html", "css", "js", "font"}

figures: dict = {"machine": {"python": platform.python_version(), "processeurs": os.cpu_count()}}


def _loads_line(counts: dict) -> str:
    reads = counts["yaml_reads"]
    several = {name: n for name, n in reads.items() if n != 1}
    verdict = "chacun lu une seule fois" if not several else f"LUS PLUSIEURS FOIS : {several}"
    return f"{len(reads)} fichiers de données, {verdict}"


def bench_referentiel(slug: str, tmp: Path) -> dict:
    say(f"\n## Référentiel {slug}")
    site = tmp / f"site-{slug}"
    _, counts = instrumented(tmp / f"instr-{slug}", slug)
    # The full build, kit included, is what a user waits for: the witnesses judge it.
    mkdocs_build(site, slug=slug)
    runs, compared = compare(slug, tmp, site)
    alone, cold = runs.alone, runs.cold
    say(f"données                : {_loads_line(counts)} ; fragments rendus : "
        f"{sum(counts['fragments'].values())}")
    events = {name: round(seconds, 3) for name, seconds in counts["event_seconds"].items()
              if seconds >= 0.01}
    say(f"événements MkDocs (s)  : {events}")

    weight = site_weight(site)
    pdf_line, pdf = "aucun PDF produit", None
    extra_wall, extra_cpu = cold.seconds - alone.seconds, cold.cpu_seconds - alone.cpu_seconds
    if weight.pdf:
        names = ", ".join(f"{name} ({kb(size)})" for name, size in weight.pdf)
        pdf = pdf_layout(ROOT / "data" / slug)
        pdf_line = (f"{names}, {pdf['pages']} pages ; seul : {pdf['secondes']:.2f} s "
                    f"(CPU {pdf['cpu']:.2f} s, {pdf['memoire_max_mo']:.0f} Mo), fait par un "
                    f"processus enfant pendant la construction") if pdf else names
        verdict = "OK" if extra_wall <= alone.seconds / 2 else "AU-DELÀ DE LA CIBLE"
        pdf_line += (f"\n  ajouté à la construction, kit refait : {extra_wall:+.2f} s d'horloge "
                     f"({extra_wall / alone.seconds:.0%} du site seul, cible ≤ 50 % : {verdict}), "
                     f"{extra_cpu:+.2f} s CPU ({extra_cpu / alone.cpu_seconds:.0%})")
    say(f"PDF                    : {pdf_line}")
    say(f"poids du site          : {kb(weight.raw)} en {weight.files} fichiers")

    browser = browser_home_assets(site)
    if browser is not None:
        home, elsewhere = browser
        source = "requêtes réelles de Chromium"
    else:
        home, elsewhere = home_page_assets(site) + search_assets(site), []
        source = "lecture du HTML (Chromium absent)"
    by_kind: dict[str, int] = {}
    for asset in home:
        by_kind[asset.kind] = by_kind.get(asset.kind, 0) + asset.gzipped
    criterion = sum(size for kind, size in by_kind.items() if kind in CRITERION_KINDS)
    total = sum(by_kind.values())
    verdict = "OK" if criterion < TARGET_HOME_KB * 1024 else "AU-DELÀ DE LA CIBLE"
    say(f"page d'accueil (gzip)  : HTML+CSS+JS+polices {kb(criterion)} — cible < "
        f"{TARGET_HOME_KB} Ko : {verdict} ; tout compris (index de recherche, images) "
        f"{kb(total)} en {len(home)} fichiers ({source})")
    say("  par type             : " + ", ".join(f"{kind} {kb(size)}" for kind, size in
                                                 sorted(by_kind.items())))
    if elsewhere:
        say(f"  REQUÊTES VERS UN AUTRE HÔTE : {elsewhere}")
    index = next((a for a in search_assets(site) if a.kind == "index"), None)
    if index:
        say(f"index de recherche     : {kb(index.raw)} brut, {kb(index.gzipped)} compressé")
    return {
        **compared,
        "lectures_yaml": counts["yaml_reads"], "fragments": counts["fragments"],
        "evenements_s": events, "pdf_seul": pdf,
        "pdf_ajoute_horloge_part": round(extra_wall / alone.seconds, 3) if weight.pdf else None,
        "pdf_ajoute_cpu_part": round(extra_cpu / alone.cpu_seconds, 3) if weight.pdf else None,
        "pdf": [{"fichier": name, "octets": size} for name, size in weight.pdf],
        "site_octets": weight.raw, "site_fichiers": weight.files,
        "accueil_octets_gzip": criterion, "accueil_tout_compris_octets_gzip": total,
        "accueil_par_type_gzip": by_kind, "accueil_source": source,
        "autres_hotes": elsewhere,
        "index_recherche_octets": index.raw if index else None,
        "index_recherche_octets_gzip": index.gzipped if index else None,
    }


def bench_check() -> dict:
    say("\n## make check")
    runs = [run([PYTHON, "-m", "macros.cli.check"]) for _ in range(REPEATS)]
    result = median_run(runs)
    say(f"python -m macros.cli.check : {result.seconds:.2f} s (CPU {result.cpu_seconds:.2f} s), "
        f"code de sortie {result.returncode}")
    return {**run_figures(result), "code_sortie": result.returncode}


def bench_serve() -> dict:
    say("\n## mkdocs serve : de l'enregistrement à la page rechargée")
    try:
        serve = measure_reload("bethune")
    except RuntimeError as error:
        say(f"ÉCHEC : {str(error).splitlines()[0]}")
        return {"erreur": str(error)[-2000:]}
    say(f"premier affichage      : {serve.first_build_seconds:.2f} s après le lancement")
    say(f"rechargement           : médiane {serve.median_reload:.2f} s "
        f"({', '.join(f'{s:.2f}' for s in serve.reload_seconds)}) après l'enregistrement de "
        f"plan.yml, kit PDF refait compris ; script de rechargement du navigateur présent : "
        f"{'oui' if serve.livereload_script else 'NON'}")
    return {"premier_affichage_s": round(serve.first_build_seconds, 3),
            "rechargements_s": [round(s, 3) for s in serve.reload_seconds],
            "rechargement_median_s": round(serve.median_reload, 3),
            "script_livereload": serve.livereload_script}


def search_report() -> dict | None:
    path = ROOT / "build" / "search-report.json"
    say("\n## Recherche (build/search-report.json)")
    if not path.is_file():
        say("absent : lancez le banc de recherche pour le produire.")
        return None
    report = json.loads(path.read_text(encoding="utf-8"))
    quality = report.get("qualite", report)
    for name, scores in quality.items():
        if isinstance(scores, dict):
            shown = {k: v for k, v in scores.items() if isinstance(v, int | float)}
            say(f"{name:<28} : " + ", ".join(f"{k} {v}" for k, v in shown.items()))
    return report


def main() -> int:
    started = time.perf_counter()
    slugs = sorted(p.name for p in (ROOT / "data").iterdir() if (p / "referentiel.yml").is_file())
    say(f"# Banc d'essai Socle — {', '.join(slugs)}")
    with tempfile.TemporaryDirectory(prefix="socle-bench-") as name:
        tmp = Path(name)
        figures["referentiels"] = {slug: bench_referentiel(slug, tmp) for slug in slugs}
        figures["recherche_frappe"] = report_typing(tmp / "site-bethune")
        figures["check"] = bench_check()
        figures["serve"] = bench_serve()
        figures["echelle"] = bench_scale(tmp)
    figures["recherche"] = search_report()
    figures["duree_du_banc_s"] = round(time.perf_counter() - started, 1)
    out = ROOT / "build" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    say(f"\nBanc terminé en {figures['duree_du_banc_s']:.0f} s ; chiffres dans "
        f"{out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
