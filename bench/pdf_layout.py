"""`python -m bench.pdf_layout FOLDER`: lay out one référentiel's PDF kit, no cache.

The build keeps laid-out kits on disk (macros/kit/pdf.py), so a warm build does
not show what a change of content costs; this does. Prints JSON: CPU and wall
seconds of the layout, pages, bytes, and this process's peak memory.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from macros.loader import load_referentiel

from .process import ROOT


def main(folder: str) -> int:
    try:
        from macros.kit.pdf import render_kit
    except ImportError:
        print(json.dumps(None))
        return 0
    referentiel = load_referentiel(Path(folder), ROOT)
    cpu, wall = time.process_time(), time.perf_counter()
    kit = render_kit(referentiel)
    print(json.dumps({
        "cpu": round(time.process_time() - cpu, 3), "secondes": round(time.perf_counter() - wall, 3),
        "pages": kit.pages, "octets": kit.size,
        "memoire_max_mo": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
