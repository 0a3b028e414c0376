"""The garbage collector paused while data is read, and tuned for a build, then put back.

Reading YAML makes hundreds of thousands of small objects and no reference cycle: the
collector's rounds during it find nothing to free, yet walk every object made so far.
Paused, reading the référentiel takes half the time at ×100, and the history's versions
a third less (`make bench`). Objects are still freed as soon as nothing refers to them.

What is read to be kept (the référentiel lives as long as the build) is frozen before the
collector resumes: else its first round walks all of it (0.1 s at ×100) to free nothing.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@contextmanager
def paused(keep: bool = False) -> Iterator[None]:
    """No collection inside the `with` block (nested blocks are fine).

    `keep`: in a build, what exists when the block ends is out of the collector's rounds
    until the build ends. Only in a build — which froze what lived at its start
    (`tune_for_a_build`), and unfreezes it all at its end (`restore`): outside one (a
    command-line tool, a test, Zensical) nothing is frozen, and nothing would unfreeze it.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
        if keep and gc.get_freeze_count() > 0:
            gc.freeze()
    finally:
        if collecting:
            gc.enable()


@dataclass(frozen=True)
class Reglage:
    """The collector as a build found it: put back as it was when the build ends."""

    enabled: bool
    threshold: tuple[int, int, int]
    frozen: int


def tune_for_a_build() -> Reglage:
    """At the start of a build: fewer, larger collections (a speed trick, `make bench`).

    MkDocs, the theme, pydantic and the models are some fifty thousand objects that live as
    long as the process: frozen, no collection walks them again. A build then makes millions
    of short-lived objects and few cycles: young objects are collected every 5 000
    allocations rather than 700. Objects are freed as before as soon as nothing refers to
    them; only the search for cycles runs less often. `restore` puts it all back.
    """
    found = Reglage(gc.isenabled(), gc.get_threshold(), gc.get_freeze_count())
    gc.freeze()
    gc.set_threshold(5000, 10, 10)
    return found


def restore(found: Reglage) -> None:
    """After the build (done or failed): the collector as `tune_for_a_build` found it.

    What the build froze (its référentiel, the objects alive at its start) is collectable
    again: a process that builds again (`mkdocs serve`, tests) does not keep every build's
    leftovers. Objects frozen before the build by someone else stay frozen with them: the
    collector cannot tell them apart.
    """
    if found.frozen == 0:
        gc.unfreeze()
    gc.set_threshold(*found.threshold)
    if found.enabled:
        gc.enable()
    else:
        gc.disable()
