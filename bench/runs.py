"""What the bench's sections share: printing, and builds run and measured in a child process."""

from __future__ import annotations

import json
from pathlib import Path

from .process import PYTHON, Run, median_run, mkdocs_build, run

REPEATS = 3
RATIO_REPEATS = 7  # the criterion's runs: more of them, interleaved with the yardstick's


def say(text: str = "") -> None:
    print(text, flush=True)


def kb(size: int) -> str:
    return f"{size / 1024:,.0f} Ko".replace(",", " ")


def timed_builds(out: Path, repeats: int = REPEATS, **kwargs) -> Run:
    return median_run([mkdocs_build(out, **kwargs) for _ in range(repeats)])


def run_figures(result: Run) -> dict:
    return {"secondes": round(result.seconds, 3), "cpu": round(result.cpu_seconds, 3),
            "memoire_max_mo": round(result.peak_mb, 1)}


def instrumented(out: Path, slug: str, data_dir: Path | None = None,
                 with_pdf: bool = True, counters: bool = True) -> tuple[Run, dict]:
    """One build (bench/instrumented.py); `with_pdf=False` stubs the kit out, `counters=False`
    leaves the build unwrapped, for the runs that are timed."""
    report = out.parent / f"{out.name}-instruments.json"
    command = [PYTHON, "-m", "bench.instrumented", str(out), str(report)]
    options = ([] if with_pdf else ["--sans-pdf"]) + ([] if counters else ["--sans-compteurs"])
    result = run(command + options,
                 {"REFERENTIEL": slug, "SOCLE_DATA_DIR": str(data_dir or "")}, timeout=900)
    if result.returncode != 0:
        raise RuntimeError(f"échec de la construction instrumentée (code {result.returncode}) :\n"
                           f"{result.output[-3000:]}")
    return result, json.loads(report.read_text(encoding="utf-8"))


def site_builds(out: Path, data_dir: Path | None, repeats: int, slug: str = "bethune") -> Run:
    """Builds of the site alone (kit stubbed out), median of `repeats`."""
    return median_run([instrumented(out, slug, data_dir, with_pdf=False, counters=False)[0]
                       for _ in range(repeats)])


def pdf_layout(folder: Path) -> dict | None:
    """Cold layout of the kit of `folder` (bench/pdf_layout.py), or None without a kit."""
    result = run([PYTHON, "-m", "bench.pdf_layout", str(folder)], timeout=900)
    if result.returncode != 0:
        say(f"ÉCHEC de la mise en page du PDF : {result.output[-1500:]}")
        return None
    return json.loads(result.output.strip().splitlines()[-1])
