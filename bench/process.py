"""Run a command as a user would, and measure its wall time and peak memory."""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# Compiled modules go to a git-ignored folder, whatever the environment says.
BYTECODE = {"PYTHONPYCACHEPREFIX": str(ROOT / ".cache" / "pycache")}


@dataclass(frozen=True)
class Run:
    """One finished command."""

    seconds: float          # wall clock
    cpu_seconds: float      # user + system, the command and the children it waited for
    peak_mb: float
    returncode: int
    output: str


def run(command: list[str], env: dict[str, str] | None = None, timeout: float = 300) -> Run:
    """Run `command` from the repository root; time it; read its peak RSS from wait4().

    wait4() reports the resource usage of that one child (and of the children it
    waited for), so each measure is the command's own, not a running maximum.
    """
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **BYTECODE, **(env or {})}
    # A user's Python keeps compiled modules; an environment that forbids it would make
    # every build recompile Socle's own modules (a tenth of a second), not MkDocs' ones.
    full_env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=full_env, stdout=out,
                                   stderr=subprocess.STDOUT)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.01)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        output = out.read().decode("utf-8", "replace")
    # Linux reports ru_maxrss in kilobytes.
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
               process.returncode, output)


def mkdocs_build(out: Path, slug: str = "bethune", data_dir: Path | None = None,
                 config: Path | None = None) -> Run:
    """`mkdocs build --strict` of one référentiel (or of another config file), kit included."""
    # An empty SOCLE_DATA_DIR means the repository's data/ (see macros/data/project.py).
    env = {"REFERENTIEL": slug, "SOCLE_DATA_DIR": str(data_dir or "")}
    command = [PYTHON, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)]
    if config is not None:
        command += ["-f", str(config)]
    result = run(command, env, timeout=900)
    if result.returncode != 0:
        raise RuntimeError(f"échec de la construction (code {result.returncode}, "
                           f"{' '.join(command)}) :\n{result.output[-3000:]}")
    return result


def median_run(runs: list[Run]) -> Run:
    """The run of median duration (its memory figure comes with it)."""
    ordered = sorted(runs, key=lambda r: r.seconds)
    middle = ordered[len(ordered) // 2]
    return Run(statistics.median(r.seconds for r in runs),
               statistics.median(r.cpu_seconds for r in runs), middle.peak_mb,
               middle.returncode, middle.output)


def instructions(command: list[str], env: dict[str, str] | None = None) -> int | None:
    """Instructions `command` executes (its own process), counted by valgrind; None without it.

    Unlike time, the count does not move with the load of a shared machine: it tells whether
    a change made the build do less work. (It leaves out what waits on memory, such as the
    garbage collector walking the heap; the times above include it.) About fifty times slower
    than the command itself.
    """
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        result = run([valgrind, "--tool=callgrind", f"--callgrind-out-file={folder}/out.%p", *command],
                     env, timeout=1800)
    # One count per process; a child forked for the kit reports its own: keep the largest.
    counts = [int(found) for found in re.findall(r"Collected : (\d+)", result.output)]
    return max(counts) if result.returncode == 0 and counts else None
