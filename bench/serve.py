"""Time from saving a data file to the reloaded page under `mkdocs serve`.

The server runs in a subprocess on 127.0.0.1 (free port) over a temporary copy
of a référentiel, as `make serve` would. The bench edits the plan's title in
plan.yml, then polls the plan page until the new title appears. Every loop is
bounded; the server is always stopped.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from .process import BYTECODE, PYTHON, ROOT

_TITLE = re.compile(r'^titre: .*$', re.M)


@dataclass(frozen=True)
class ServeFigures:
    first_build_seconds: float     # server start to first page served
    reload_seconds: list[float]    # one per edit: save → page shows the edit
    livereload_script: bool        # the served page carries MkDocs' reload script

    @property
    def median_reload(self) -> float:
        return statistics.median(self.reload_seconds)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return None


def _wait_for(url: str, marker: str | None, timeout: float) -> tuple[float, str] | None:
    """Poll `url` every 50 ms until it answers (and contains `marker`); None on timeout."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        text = _get(url)
        if text is not None and (marker is None or marker in text):
            return time.perf_counter() - start, text
        time.sleep(0.05)
    return None


def measure_reload(slug: str = "bethune", edits: int = 3, timeout: float = 90) -> ServeFigures:
    """Start `mkdocs serve`, edit plan.yml `edits` times, time each reload."""
    with tempfile.TemporaryDirectory(prefix="socle-bench-serve-") as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(ROOT / "data" / slug, data / slug)
        plan = data / slug / "plan.yml"
        port = _free_port()
        url = f"http://127.0.0.1:{port}/plan/"
        log = Path(tmp) / "serve.log"
        env = {**os.environ, "REFERENTIEL": slug, "SOCLE_DATA_DIR": str(data),
               "NO_MKDOCS_2_WARNING": "1", **BYTECODE}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        with log.open("wb") as out:
            server = subprocess.Popen(
                [PYTHON, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True)
            try:
                first = _wait_for(url, None, timeout)
                if first is None:
                    raise RuntimeError("mkdocs serve n'a pas répondu :\n" + log.read_text())
                first_seconds, page = first
                reloads = []
                original = plan.read_text(encoding="utf-8")
                for number in range(1, edits + 1):
                    # Plain ASCII words: the page escapes apostrophes and adds French spacing.
                    marker = f"Titre du banc {number} {time.time_ns()}"
                    time.sleep(0.6)   # let the watcher settle between two edits
                    start = time.perf_counter()
                    plan.write_text(_TITLE.sub(f'titre: "{marker}"', original, count=1),
                                    encoding="utf-8")
                    seen = _wait_for(url, marker, timeout)
                    if seen is None:
                        raise RuntimeError("la page n'a pas été reconstruite après la "
                                           "modification de plan.yml :\n" + log.read_text())
                    # The rebuild makes the new kit too: the page is served once both are done.
                    reloads.append(time.perf_counter() - start)
            finally:
                # The server runs in its own session: stop it and anything it started.
                os.killpg(server.pid, signal.SIGINT)
                try:
                    server.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(server.pid, signal.SIGKILL)
                    server.wait(timeout=15)
        return ServeFigures(first_seconds, reloads, "livereload" in page)
