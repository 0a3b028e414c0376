"""`make editer`: the form editor against the working tree, with the live preview.

Starts the local backend (macros/editeur/local.py) on 127.0.0.1:8081, then `mkdocs serve`
with `SOCLE_EDITEUR_LOCAL` naming it: http://127.0.0.1:8000/admin/ edits the files of
data/<slug>/, and each save rebuilds the preview, which reloads.
"""

from __future__ import annotations

import os
import subprocess
import sys

from macros.data.errors import DataErrors
from macros.data.project import current, project_root
from macros.editeur.config import repo_folder
from macros.editeur.local import Depot, start

BACKEND_PORT = 8081


def main(argv: list[str]) -> int:
    address = argv[0] if argv else "127.0.0.1:8000"
    try:
        referentiel = current()
    except DataErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    root, folder = repo_folder(referentiel, project_root())
    try:
        server = start(Depot(root, folder), origin=f"http://{address}", port=BACKEND_PORT)
    except OSError as error:
        print(f"make editer : le port {BACKEND_PORT} est déjà pris ({error.strerror}) ; un autre "
              "« make editer » tourne peut-être.", file=sys.stderr)
        return 1
    env = {**os.environ, "SOCLE_EDITEUR_LOCAL": f"http://127.0.0.1:{BACKEND_PORT}/api/v1"}
    print(f"Éditeur : http://{address}/admin/ — il modifie les fichiers de {folder}/ "
          f"(aperçu : http://{address}/). Ctrl+C pour arrêter.", flush=True)
    try:
        return subprocess.call([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", address], env=env)
    except KeyboardInterrupt:
        return 0
    finally:
        server.shutdown()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
