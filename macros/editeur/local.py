"""The editor's local backend: Decap's proxy API over the référentiel's files, in Python.

`make editer` opens the editor against the files of the checkout, as decap-server (Node)
does: the editor's « proxy » backend posts `{"action": …, "params": …}` to one address and
this server reads and writes the files. Written in Python so that a fresh clone needs only
Python, git and make (the API is small: the actions below, as decap-server's `localFs`
answers them). Stricter than decap-server, because any page the HR officer opens meanwhile
can send requests to 127.0.0.1:

- only the editor's own page is answered (local_requete.py: Host, Origin, JSON, a token);
- only the `.yml` and `.md` files of `data/<slug>/` are read and written, never through a
  link (local_fichiers.py); the media library is `data/<slug>/fichiers/`, files of the
  types the site publishes only (macros/data/fichiers.py);
- a save, an upload or a deletion is carried out only if the référentiel, as it would be
  after it, passes the loader (local_verification.py): a hostile SVG, a file that is not what
  its name says, one too large, the logo removed, are refused with the loader's
  `fichier:ligne: message`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import secrets
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from macros.data.files import PUBLISHED_FOLDER
from macros.data.limites import TAILLE_MAX_FICHIER, message_trop_gros, message_trop_gros_publie
from macros.editeur import local_requete as requete
from macros.editeur.local_fichiers import Absent, Fichiers
from macros.editeur.local_requete import Garde, Refus
from macros.editeur.local_verification import verifier


class Depot:
    """The référentiel folder `writable` (`data/<slug>`) of the repository `root`."""

    def __init__(self, root: Path, writable: str) -> None:
        self.fichiers = Fichiers(root, writable)
        self.root = self.fichiers.racine
        # One save at a time: each is checked against the files as the one before left them.
        self._verrou = threading.Lock()

    def entry(self, path: str, label: str | None = None) -> dict:
        try:
            content = self.fichiers.lire(path)
        except Absent:
            return {"data": None, "file": {"path": path, "label": label, "id": None}}
        try:
            text = content.decode("utf-8")
        except UnicodeDecodeError:
            raise Refus(422, f"{path} : ce fichier n'est pas du texte UTF-8 ; l'éditeur ne peut pas "
                             "le lire.") from None
        return {"data": text, "file": {"path": path, "label": label,
                                       "id": hashlib.sha256(content).hexdigest()}}

    def media(self, parties: tuple[str, ...]) -> dict:
        """A file of the media library as Decap reads it (its content in base64)."""
        chemin = "/".join(parties)
        try:
            content = self.fichiers.lire(chemin, parties)
        except Absent:
            raise Refus(404, f"{chemin} : ce fichier n'existe pas.") from None
        return {"id": hashlib.sha256(content).hexdigest(), "encoding": "base64", "path": chemin,
                "content": base64.b64encode(content).decode("ascii"), "name": parties[-1]}

    def _asset(self, asset: object) -> tuple[tuple[str, ...], bytes]:
        """An uploaded file: its checked path and its bytes (the loader judges them with the rest)."""
        if not isinstance(asset, dict):
            raise Refus(400, "requête invalide : un fichier déposé doit être un objet.")
        parties = self.fichiers.media(asset.get("path"))
        if asset.get("encoding") != "base64":
            raise Refus(400, "requête invalide : un fichier déposé s'envoie en base64.")
        content = requete.texte(asset, "content")
        if len(content) > (TAILLE_MAX_FICHIER * 4) // 3 + 4:
            raise Refus(413, f"{parties[-1]} : {message_trop_gros_publie(len(content) * 3 // 4)} "
                             "Rien n'a été enregistré.")
        try:
            data = base64.b64decode(content, validate=True)
        except (binascii.Error, ValueError):
            raise Refus(400, "requête invalide : le contenu du fichier n'est pas du base64.") from None
        if len(data) > TAILLE_MAX_FICHIER:
            raise Refus(413, f"{parties[-1]} : {message_trop_gros_publie(len(data))} "
                             "Rien n'a été enregistré.")
        return parties, data

    def _write(self, written: dict[tuple[str, ...], bytes],
               removed: set[tuple[str, ...]] = frozenset()) -> None:
        """Check the référentiel as it would be, then write (and remove): all or nothing said."""
        for parts in written:
            try:
                self.fichiers.existe(parts)  # refused here if a link is on its way
            except Absent:
                if parts[:-1] != (*self.fichiers.dossier, PUBLISHED_FOLDER):  # made below
                    raise Refus(404, f"{'/'.join(parts)} : son dossier n'existe pas.") from None
        with self._verrou:
            verifier(self.root, self.fichiers.dossier, written, removed)
            if any(parts[len(self.fichiers.dossier)] == PUBLISHED_FOLDER for parts in written):
                self.fichiers.creer_dossier_medias()
            for parts, content in written.items():
                self.fichiers.ecrire(parts, content)
            for parts in removed:
                self.fichiers.supprimer(parts)

    def _persist_media(self, params: dict) -> dict:
        parties, data = self._asset(params.get("asset"))
        self._write({parties: data})
        return self.media(parties)

    def _persist(self, params: dict) -> dict:
        # Files uploaded with the entry go to the media library, checked with it.
        assets = dict(self._asset(asset) for asset in requete.liste(params, "assets", dict)) \
            if params.get("assets") else {}
        data_files = (requete.liste(params, "dataFiles", dict) if "dataFiles" in params
                      else [params.get("entry")] if isinstance(params.get("entry"), dict) else None)
        if not data_files:
            raise Refus(400, "requête invalide : le paramètre « dataFiles » (les fichiers à "
                             "enregistrer) manque.")
        written: dict[tuple[str, ...], bytes] = {}
        for data_file in data_files:
            path, raw = requete.texte(data_file, "path"), requete.texte(data_file, "raw")
            if data_file.get("newPath") not in (None, "", path):
                raise Refus(403, "renommer un fichier n'est pas permis depuis l'éditeur.")
            parts = self.fichiers.modifiable(path)
            content = raw.encode("utf-8", "surrogatepass")
            if len(content) > TAILLE_MAX_FICHIER:
                raise Refus(413, f"{path} : {message_trop_gros(len(content))} Rien n'a été enregistré.")
            try:
                self.fichiers.existe(parts)  # refused here if a link is on its way
            except Absent:
                raise Refus(404, f"{path} : le dossier {'/'.join(parts[:-1])}/ n'existe pas.") from None
            written[parts] = content
        self._write({**assets, **written})
        return {"message": "entry persisted"}

    def _delete(self, paths: list[str]) -> dict:
        # A rubrique, or a file of the media library (refused if a page still needs it).
        media = f"{self.fichiers.nom}/{PUBLISHED_FOLDER}/"
        removed = {self.fichiers.media(path) if isinstance(path, str) and path.startswith(media)
                   else self.fichiers.rubrique(path) for path in paths}
        if not removed:
            raise Refus(400, "requête invalide : aucun fichier à supprimer.")
        for parts in removed:
            try:
                there = self.fichiers.existe(parts)
            except Absent:
                there = False
            if not there:
                raise Refus(404, f"{'/'.join(parts)} : ce fichier n'existe pas.")
        self._write({}, removed)
        return {"message": "files deleted"}

    def answer(self, action: str, params: dict) -> object:
        """The reply to one action of Decap's proxy API."""
        if action == "info":
            return {"repo": self.root.name, "publish_modes": ["simple"], "type": "local_fs"}
        if action == "entriesByFolder":
            depth = params.get("depth", 1)
            if not isinstance(depth, int) or isinstance(depth, bool) or not 1 <= depth <= 3:
                raise Refus(400, "requête invalide : « depth » doit être un nombre de 1 à 3.")
            extension = params.get("extension") or ""
            if not isinstance(extension, str):
                raise Refus(400, "requête invalide : « extension » doit être un texte.")
            found = self.fichiers.fichiers_du_dossier(requete.texte(params, "folder"), extension, depth)
            return [self.entry(path) for path in found]
        if action == "entriesByFiles":
            files = requete.liste(params, "files", dict)
            return [self.entry(requete.texte(f, "path"), f.get("label") if isinstance(
                f.get("label"), str) else None) for f in files]
        if action == "getEntry":
            return self.entry(requete.texte(params, "path"))
        if action == "persistEntry":
            return self._persist(params)
        if action == "deleteFiles":
            return self._delete(requete.liste(params, "paths", str))
        if action == "deleteFile":
            return self._delete([requete.texte(params, "path")])
        if action == "getMedia":
            folder = f"{self.fichiers.nom}/{PUBLISHED_FOLDER}"
            if params.get("mediaFolder") not in (folder, folder + "/"):
                raise Refus(403, f"la médiathèque de l'éditeur est {folder}/ (demandé : "
                                 f"« {str(params.get('mediaFolder'))[:200]} »).")
            return [self.media(parts) for parts in self.fichiers.medias()]
        if action == "getMediaFile":
            return self.media(self.fichiers.media(params.get("path")))
        if action == "persistMedia":
            return self._persist_media(params)
        if action == "getDeployPreview":
            return None
        raise Refus(400, f"action non prise en charge par l'éditeur local : « {action[:80]} ».")


# What BaseHTTPRequestHandler refuses by itself (a malformed request line, headers too long…),
# said in French instead of its English HTML page.
_HTTP_ERRORS = {
    400: "requête HTTP mal formée.",
    408: "requête trop lente.",
    414: "adresse trop longue.",
    431: "en-têtes trop longs ou trop nombreux.",
    501: "méthode non prise en charge : l'éditeur n'envoie que des POST.",
    505: "version d'HTTP non prise en charge.",
}


def _handler(depot: Depot, garde: Garde) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        # The socket's timeout: a client silent this long (request line, headers, body) is dropped.
        timeout = requete.DELAI_LECTURE
        server_version = "socle-editeur"
        sys_version = ""

        def _reply(self, status: int, body: object) -> None:
            data = b"" if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            headers = getattr(self, "headers", None)
            if headers is not None and garde.origine_exacte(headers):
                # The editor's page only; any other origin gets no CORS header, so its browser
                # shows it nothing (and refuses the preflight of a JSON request).
                self.send_header("Access-Control-Allow-Origin", garde.origine)
                self.send_header("Access-Control-Allow-Headers", "Content-Type")
                self.send_header("Access-Control-Allow-Methods", "POST, OPTIONS")
                self.send_header("Access-Control-Max-Age", "600")
            self.send_header("Vary", "Origin")
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            if body is not None:
                self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        def _refuse(self, refus: Refus) -> None:
            # Said in the terminal of `make editer` too: a refused save whole (the editor's
            # notification fades), and a request of another page, which shows nothing.
            print(f"éditeur local : refusé ({refus.statut}) : {refus.detail}", file=sys.stderr)
            self._reply(refus.statut, {"error": refus.message})

        def do_OPTIONS(self) -> None:
            try:
                garde.verifier_preflight(self.path, self.headers)
            except Refus as refus:
                self._refuse(refus)
                return
            self._reply(204, None)

        def do_POST(self) -> None:
            try:
                garde.verifier(self.path, self.headers)
                requete.verifier_type(self.headers)
                announced = requete.longueur(self.headers)
                if announced > requete.TAILLE_MAX_CORPS:
                    if announced <= requete.TAILLE_MAX_VIDEE:  # read, so the browser reads the answer
                        requete.lire_corps(self.rfile, announced, garder=False)
                    raise requete.trop_gros(announced)
                action, params = requete.decoder(requete.lire_corps(self.rfile, announced))
                reply = depot.answer(action, params)
            except Refus as refus:
                self._refuse(refus)
            except OSError as error:  # the disk said no (rights, space): nothing half-written
                self._refuse(Refus(500, f"le fichier n'a pas pu être lu ou écrit ({error.strerror}) : "
                                        "rien n'a été enregistré."))
            except Exception as error:  # a bug: said in one line, the request refused, no traceback
                print(f"éditeur local : erreur interne ({type(error).__name__}: {error})", file=sys.stderr)
                self._refuse(Refus(500, "erreur interne du serveur de l'éditeur : rien n'a été "
                                        "enregistré. Le terminal de « make editer » en dit plus."))
            else:
                self._reply(200, reply)

        def _not_allowed(self) -> None:
            self._refuse(Refus(405, f"méthode {self.command} refusée : l'éditeur n'envoie que des POST."))

        do_GET = do_HEAD = do_PUT = do_DELETE = do_PATCH = _not_allowed

        def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
            self.close_connection = True
            if self.request_version == "HTTP/0.9":  # a line it could not read: answer with headers
                self.request_version = "HTTP/1.0"
            self._refuse(Refus(code, _HTTP_ERRORS.get(code, "requête refusée.")))

        def log_message(self, format: str, *args) -> None:
            pass

    return Handler


class Server(ThreadingHTTPServer):
    """The backend; `url` is the address the editor's config.yml names (token included)."""

    daemon_threads = True
    url: str

    def handle_error(self, request, client_address) -> None:
        # A client gone or too slow is not an event; anything else, one line, no traceback.
        error = sys.exc_info()[1]
        if not isinstance(error, (ConnectionError, TimeoutError)):
            print(f"éditeur local : connexion interrompue ({type(error).__name__})", file=sys.stderr)


def start(depot: Depot, origin: str, port: int = 0, token: str | None = None) -> Server:
    """Serve Decap's proxy API on 127.0.0.1:`port` in a thread (0: a free port, the default).

    `origin` is the editor page's (http://127.0.0.1:8000); the token, drawn here unless
    given, is in `server.url`, the only address answered.
    """
    server = Server(("127.0.0.1", port), BaseHTTPRequestHandler, bind_and_activate=False)
    try:
        server.server_bind()  # the port is known once bound: it goes into the expected Host
        garde = Garde(origine=origin.rstrip("/"), hote=f"127.0.0.1:{server.server_address[1]}",
                      jeton=token or secrets.token_urlsafe(32))
        server.RequestHandlerClass = _handler(depot, garde)
        server.server_activate()
    except OSError:
        server.server_close()
        raise
    server.url = f"http://{garde.hote}{garde.chemin}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
