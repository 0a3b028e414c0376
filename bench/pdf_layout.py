"""`python -m bench.pdf_layout FOLDER`: make one référentiel's PDF kit, alone.

The kit's own cost, apart from the site's: Typst source from the models, then its
compilation. Prints JSON: CPU (Typst's threads included) and wall seconds, pages,
bytes, and this process's peak memory.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from macros.data.loader import load_referentiel

from .process import ROOT


def main(folder: str) -> int:
    from macros.kit.pdf import render_kit

    referentiel = load_referentiel(Path(folder), ROOT)
    cpu, wall = time.process_time(), time.perf_counter()
    kit = render_kit(referentiel)  # no cache: laid out, as when the data has changed
    print(json.dumps({
        "cpu": round(time.process_time() - cpu, 3), "secondes": round(time.perf_counter() - wall, 3),
        "pages": kit.pages, "octets": kit.size,
        "memoire_max_mo": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
