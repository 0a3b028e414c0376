"""`make editer [PORT=8000]`: the form editor against the working tree, with the live preview.

Starts the local backend (macros/editeur/local.py) on a free port of 127.0.0.1 with a token
drawn for this run, then `mkdocs serve` on 127.0.0.1:PORT with `SOCLE_EDITEUR_LOCAL` naming
the backend's address (token included): http://127.0.0.1:PORT/admin/ edits the files of
data/<slug>/, and each save rebuilds the preview, which reloads. Two clones can each run
their own `make editer` side by side, each on its own PORT.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys

from macros.data.construction import Construction
from macros.data.errors import DataErrors
from macros.editeur.config import repo_folder
from macros.editeur.local import Depot, start

HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def _port(text: str) -> int | None:
    return int(text) if text.isascii() and text.isdigit() and 0 < int(text) < 65536 else None


def _taken(port: int) -> bool:
    """Whether `port` cannot be listened on, asked before mkdocs serve tries (and says it in English)."""
    with socket.socket() as probe:
        try:
            probe.bind((HOST, port))
        except OSError:
            return True
    return False


def main(argv: list[str]) -> int:
    text = argv[0] if argv else str(DEFAULT_PORT)
    port = _port(text)
    if port is None:
        print(f"make editer : PORT vaut « {text} » ; il faut un numéro de port entre 1 et 65535, "
              f"par exemple « make editer PORT=8001 ».", file=sys.stderr)
        return 2
    if _taken(port):
        free = next((other for other in range(port + 1, min(port + 50, 65536)) if not _taken(other)), None)
        example = f"make editer PORT={free}" if free else "make editer PORT=<numéro>"
        print(f"make editer : le port {port} est déjà pris ; un autre « make editer » ou « make serve » "
              f"tourne peut-être. Choisissez-en un autre, par exemple : {example}", file=sys.stderr)
        return 1
    try:
        construction = Construction.du_projet()
        referentiel = construction.referentiel()
    except DataErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    root, folder = repo_folder(referentiel, construction.racine)
    address = f"{HOST}:{port}"
    server = start(Depot(root, folder), origin=f"http://{address}")  # a free port of its own
    env = {**os.environ, "SOCLE_EDITEUR_LOCAL": server.url}
    print(f"Éditeur : http://{address}/admin/ — il modifie les fichiers de {folder}/ "
          f"(aperçu : http://{address}/). Ctrl+C pour arrêter.", flush=True)
    try:
        return subprocess.call([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", address], env=env)
    except KeyboardInterrupt:
        return 0
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
