"""`make bench`, part 4: the Béthune data scaled ×1, ×10, ×100 (bench/generate.py).

Build time and peak memory of the site alone at each scale, against a plain Material
site of the same size, and against the start-up cost of a référentiel reduced to its
identity file: the part that grows with the content must grow linearly or better.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .generate import scale_referentiel
from .plain_site import write_plain_site
from .process import ROOT, Run, median_run
from .runs import (
    RATIO_REPEATS,
    REPEATS,
    instrumented,
    kb,
    pdf_layout,
    run_figures,
    say,
    site_builds,
    timed_builds,
)
from .weight import search_assets

TARGET_MEMORY_MB = 1024
SCALES = (1, 10, 100)


def bench_scale(tmp: Path) -> dict:
    say("\n## Montée en charge (données de Béthune ×1, ×10, ×100)")
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
    for factor in SCALES:
        if factor == 1:
            data, built = data_x1, median_run(series["x1"])
        else:
            data = scale_referentiel(source, tmp / f"scale-x{factor}" / "bethune", factor).parent
            built = site_builds(tmp / f"site-x{factor}", data, REPEATS if factor < 100 else 1)
        out = tmp / f"site-x{factor}"
        plan = scale_counts(data / "bethune")
        config, pages, words = write_plain_site(out, tmp / f"plain-x{factor}", ROOT / "mkdocs.yml")
        plain = timed_builds(tmp / f"plain-x{factor}-site", repeats=REPEATS if factor < 100 else 1,
                             config=config)
        index = next((a for a in search_assets(out) if a.kind == "index"), None)
        results[factor] = {**run_figures(built), **plan, "mots": words, "pages": pages,
                           "temoin": run_figures(plain),
                           "rapport_cpu": round(built.cpu_seconds / plain.cpu_seconds, 3),
                           "index_recherche_octets_gzip": index.gzipped if index else None}
        say(f"×{factor:<3} : {built.seconds:6.2f} s (CPU {built.cpu_seconds:6.2f} s), "
            f"{built.peak_mb:5.0f} Mo — {plan['actions']} actions, {plan['instances']} instances, "
            f"{words} mots sur {pages} pages ; témoin {plain.seconds:.2f} s "
            f"(CPU {plain.cpu_seconds:.2f} s), rapport CPU {results[factor]['rapport_cpu']:.2f}× ; "
            f"index de recherche {kb(index.gzipped) if index else '—'} gzip")
    verdicts = {}
    for measure in ("secondes", "cpu"):
        fixed = start_up.seconds if measure == "secondes" else start_up.cpu_seconds
        t1, t100 = results[1][measure], results[100][measure]
        bound = 100 * (t1 - fixed)
        growth = (t100 - fixed) / max(t1 - fixed, 1e-9)
        verdicts[measure] = {"borne_s": round(bound, 3), "x100_s": t100,
                             "croissance_partie_variable": round(growth, 1),
                             "lineaire": t100 <= bound}
        if t1 <= fixed:
            say(f"linéarité ({measure}) : non mesurable, ×1 ({t1:.2f} s) ≤ démarrage "
                f"({fixed:.2f} s) — machine trop chargée pour l'horloge, voir le CPU")
            continue
        say(f"linéarité ({'horloge' if measure == 'secondes' else 'CPU'}) : ×100 = {t100:.2f} s ≤ "
            f"100 × (×1 − démarrage) = {bound:.2f} s : {'OK' if t100 <= bound else 'NON'} "
            f"(la partie variable croît de ×{growth:.0f} pour des données ×100)")
    peak = max(r["memoire_max_mo"] for r in results.values())
    say(f"mémoire maximale        : {peak:.0f} Mo — cible < {TARGET_MEMORY_MB} Mo : "
        f"{'OK' if peak < TARGET_MEMORY_MB else 'AU-DELÀ DE LA CIBLE'}")
    # The kit at ×10 (×1 is Béthune's, above); ×100 would take minutes and gigabytes,
    # so it is extrapolated from the two, not run.
    kit = pdf_layout(tmp / "scale-x10" / "bethune")
    if kit:
        say(f"kit PDF ×10            : {kit['pages']} pages, {kb(kit['octets'])}, mise en page "
            f"{kit['secondes']:.1f} s (CPU {kit['cpu']:.1f} s), {kit['memoire_max_mo']:.0f} Mo — "
            f"×100 non lancé (≈ ×10 du coût ×10, estimation linéaire)")
    return {"demarrage": run_figures(start_up),
            "echelles": {f"x{k}": v for k, v in results.items()},
            "linearite": verdicts, "memoire_max_mo": peak, "kit_pdf_x10": kit}


def scale_counts(folder: Path) -> dict:
    from macros.data.loader import load_referentiel
    loaded = load_referentiel(folder, ROOT)
    return {"actions": len(loaded.plan.actions), "objectifs": len(loaded.plan.objectifs),
            "instances": len(loaded.gouvernance.instances)}
