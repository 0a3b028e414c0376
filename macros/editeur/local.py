"""The editor's local backend: Decap's proxy API over the working tree, in Python.

`make editer` opens the editor against the files of the checkout, as decap-server (Node)
does: the editor's « proxy » backend posts `{"action": …, "params": …}` to one address and
this server reads and writes the files. Written in Python so that a fresh clone needs only
Python, git and make (the API is small: the actions below, as decap-server's `localFs`
answers them). Stricter than decap-server: it listens on 127.0.0.1 only, and writes only
YAML and Markdown files inside the référentiel's folder; media are refused (Socle has none).
"""

from __future__ import annotations

import hashlib
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

WRITABLE = {".yml", ".md"}


class Refused(Exception):
    """A request the local backend does not carry out, said in French."""


class Depot:
    """The working tree the editor reads, and the folder it may write into."""

    def __init__(self, root: Path, writable: str) -> None:
        self.root = root.resolve()
        self.writable = (self.root / writable).resolve()

    def resolve(self, path: str) -> Path:
        target = (self.root / path).resolve()
        if not target.is_relative_to(self.root):
            raise Refused(f"chemin hors du dépôt : {path}")
        return target

    def entry(self, path: str, label: str | None = None) -> dict:
        try:
            content = self.resolve(path).read_bytes()
        except (OSError, Refused):
            return {"data": None, "file": {"path": path, "label": label, "id": None}}
        return {"data": content.decode("utf-8"),
                "file": {"path": path, "label": label, "id": hashlib.sha256(content).hexdigest()}}

    def write(self, path: str, raw: str) -> None:
        target = self.resolve(path)
        if not target.is_relative_to(self.writable) or target.suffix not in WRITABLE:
            raise Refused(f"l'éditeur local n'écrit que les fichiers .yml et .md de "
                          f"{self.writable.relative_to(self.root)}/ (demandé : {path})")
        target.parent.mkdir(parents=True, exist_ok=True)
        # Written whole, then renamed: `make serve` never reads a half-written file.
        temporary = target.with_name(f".{target.name}.editeur")
        temporary.write_text(raw, encoding="utf-8")
        temporary.replace(target)

    def entries_in(self, folder: str, extension: str, depth: int) -> list[dict]:
        base = self.resolve(folder)
        if not base.is_dir():
            return []
        found = [p for p in sorted(base.rglob(f"*{extension}"))
                 if p.is_file() and len(p.relative_to(base).parts) <= depth]
        return [self.entry(p.relative_to(self.root).as_posix()) for p in found]

    def answer(self, action: str, params: dict) -> object:
        """The reply to one action of Decap's proxy API."""
        if action == "info":
            return {"repo": self.root.name, "publish_modes": ["simple"], "type": "local_fs"}
        if action == "entriesByFolder":
            return self.entries_in(params["folder"], params.get("extension", ""), int(params.get("depth", 1)))
        if action == "entriesByFiles":
            return [self.entry(f["path"], f.get("label")) for f in params["files"]]
        if action == "getEntry":
            return self.entry(params["path"])
        if action == "persistEntry":
            data_files = params.get("dataFiles") or [params["entry"]]
            if params.get("assets"):
                raise Refused("les médias ne sont pas pris en charge par Socle")
            for data_file in data_files:
                if data_file.get("newPath"):
                    raise Refused("renommer un fichier n'est pas permis depuis l'éditeur")
                self.write(data_file["path"], data_file["raw"])
            return {"message": "entry persisted"}
        if action == "getMedia":
            return []
        if action == "getDeployPreview":
            return None
        raise Refused(f"action non prise en charge par l'éditeur local : {action}")


def _handler(depot: Depot, origin: str):
    class Handler(BaseHTTPRequestHandler):
        def _headers(self, status: int) -> None:
            self.send_response(status)
            # The editor's page is served by `make serve`, on another port: that page only.
            self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Access-Control-Allow-Headers", "Content-Type")
            self.send_header("Access-Control-Allow-Methods", "POST, OPTIONS")
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.end_headers()

        def do_OPTIONS(self) -> None:
            self._headers(204)

        def do_POST(self) -> None:
            if self.path.rstrip("/") != "/api/v1":
                self._headers(404)
                return
            length = int(self.headers.get("Content-Length") or 0)
            try:
                body = json.loads(self.rfile.read(length) or b"{}")
                reply, status = depot.answer(body.get("action", ""), body.get("params") or {}), 200
            except Refused as refused:
                reply, status = {"error": str(refused)}, 422
            except (KeyError, TypeError, ValueError) as error:
                reply, status = {"error": f"requête invalide : {error}"}, 422
            self._headers(status)
            self.wfile.write(json.dumps(reply, ensure_ascii=False).encode("utf-8"))

        def log_message(self, format: str, *args) -> None:
            pass

    return Handler


def start(depot: Depot, origin: str, port: int = 8081) -> ThreadingHTTPServer:
    """Serve Decap's proxy API on 127.0.0.1:`port` in a thread (port 0: any free port)."""
    server = ThreadingHTTPServer(("127.0.0.1", port), _handler(depot, origin))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
