"""`python -m bench.instrumented OUT REPORT [--sans-pdf] [--sans-compteurs]`: one build, with counters.

Run in its own process by the bench. It wraps, before MkDocs starts:

- the YAML reader, to count how often each data file is parsed (once per build
  is the contract: a page must never reload the data);
- the fragment renderer, to count fragments per template (one per macro call);
- MkDocs' event dispatcher, to time each event (on_config, on_page_markdown...).

and writes what it saw to REPORT as JSON. With `--sans-pdf` the kit is replaced
by a one-page stand-in, to measure the site alone (the criterion of the build
ratio) and how it scales; the PDF's own cost is what a full build adds to that.
With `--sans-compteurs`, nothing is wrapped: the runs that are timed do not pay for
the counting (a timer around each of the build's events).
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import mkdocs.plugins
from mkdocs.__main__ import cli

import macros.data.loader
import macros.site.page_macros
import macros.site.render

yaml_reads: Counter[str] = Counter()
fragments: Counter[str] = Counter()
event_seconds: defaultdict[str, float] = defaultdict(float)
event_calls: Counter[str] = Counter()


def _count_reads(read_yaml):
    def counted(path, source):
        yaml_reads[Path(path).name] += 1
        return read_yaml(path, source)
    return counted


def _count_fragments(fragment):
    def counted(name, *args, **kwargs):
        fragments[name] += 1
        return fragment(name, *args, **kwargs)
    return counted


def _time_events(run_event):
    def timed(self, name, item=None, **kwargs):
        start = time.perf_counter()
        try:
            return run_event(self, name, item, **kwargs)
        finally:
            event_seconds[name] += time.perf_counter() - start
            event_calls[name] += 1
    return timed


def _stub_pdf() -> None:
    import macros.kit.pdf as pdf

    stand_in = b"%PDF-1.7\n% stand-in of the bench\n%%EOF\n"
    pdf.render_kit = lambda ref, cache=None: pdf.Kit(data=stand_in, pages=1)


def _instrument() -> None:
    macros.data.loader.read_yaml = _count_reads(macros.data.loader.read_yaml)
    macros.site.render.fragment = _count_fragments(macros.site.render.fragment)
    # page_macros imported `fragment` by name: wrap that reference too.
    macros.site.page_macros.fragment = macros.site.render.fragment
    plugins = mkdocs.plugins.PluginCollection
    plugins.run_event = _time_events(plugins.run_event)


def main(out: str, report: str, *options: str) -> int:
    with_pdf = "--sans-pdf" not in options
    if "--sans-compteurs" not in options:
        _instrument()
    if not with_pdf:
        _stub_pdf()
    start = time.perf_counter()
    cli(["build", "--strict", "--quiet", "-d", out], standalone_mode=False)
    total = time.perf_counter() - start
    Path(report).write_text(json.dumps({
        "build_seconds": total,
        "yaml_reads": dict(yaml_reads),
        "fragments": dict(fragments),
        "event_seconds": dict(event_seconds),
        "event_calls": dict(event_calls),
    }, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
