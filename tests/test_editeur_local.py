"""The editor's local backend (macros/editeur/local.py) over HTTP, as an attacker would try it.

A copy of data/bethune, the backend started on a free port as `make editer` starts it, and
raw requests on a socket (so that Host, Content-Length and the body are exactly what the
test says): every hostile request is refused with its status and a French reason, and no
file of the référentiel changes; a save that would break the référentiel is refused with the
loader's own `data/bethune/fichier:ligne: message`, and a valid one is written, mode kept.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import stat
import time
from pathlib import Path

import pytest

from macros.data.errors import DataErrors
from macros.data.limites import TAILLE_MAX_FICHIER
from macros.data.loader import load_referentiel
from macros.editeur import local_requete
from macros.editeur.local import Depot, start

from .conftest import ROOT

ORIGIN = "http://127.0.0.1:8765"  # the editor's page (mkdocs serve), as make editer names it
FOLDER = "data/bethune"


class Backend:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder = root / FOLDER
        self.server = start(Depot(root, FOLDER), origin=ORIGIN)
        self.port = self.server.server_address[1]
        self.host = f"127.0.0.1:{self.port}"
        self.path = self.server.url.removeprefix(f"http://{self.host}")

    def files(self) -> dict[str, bytes]:
        """Every file under the référentiel and around it: what no refused request may change."""
        return {p.relative_to(self.root).as_posix(): p.read_bytes()
                for p in sorted(self.root.rglob("*")) if p.is_file() and not p.is_symlink()}

    def send(self, raw: bytes, timeout: float = 30.0) -> tuple[int, dict[str, str], dict | None]:
        """Status, headers and JSON body of the answer to the bytes `raw`."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=timeout) as connection:
            connection.sendall(raw)
            return _answer(connection)

    def request(self, body: object = None, *, method: str = "POST", path: str | None = None,
                headers: dict[str, str | None] | None = None, raw_body: bytes | None = None):
        data = raw_body if raw_body is not None else json.dumps(body).encode("utf-8")
        values: dict[str, str | None] = {"Host": self.host, "Origin": ORIGIN,
                                         "Content-Type": "application/json; charset=utf-8",
                                         "Content-Length": str(len(data))}
        values.update(headers or {})
        head = f"{method} {path or self.path} HTTP/1.1\r\n" + "".join(
            f"{name}: {value}\r\n" for name, value in values.items() if value is not None)
        return self.send(head.encode("latin-1") + b"\r\n" + data)

    def post(self, action: str, **params):
        return self.request({"action": action, "params": params})


def _answer(connection: socket.socket) -> tuple[int, dict[str, str], dict | None]:
    received = b""
    while chunk := connection.recv(65536):
        received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {name.lower(): value.strip() for name, _, value in
               (line.partition(":") for line in lines[1:])}
    return int(lines[0].split()[1]), headers, json.loads(body) if body else None


@pytest.fixture
def backend(tmp_path):
    shutil.copytree(ROOT / FOLDER, tmp_path / FOLDER)
    (tmp_path / "Makefile").write_text("secret: oui\n", encoding="utf-8")
    served = Backend(tmp_path)
    yield served
    served.server.shutdown()
    served.server.server_close()


def _persist(path: str, raw: str) -> dict:
    return {"action": "persistEntry",
            "params": {"dataFiles": [{"path": path, "raw": raw, "slug": "x"}], "assets": [],
                       "options": {}}}


def _error(answer) -> str:
    body = answer[2]
    assert body is not None and set(body) == {"error"}, body
    return body["error"]


# Reading and saving, as the editor does ----------------------------------------------------

def test_the_editor_reads_and_saves_a_file_mode_kept(backend):
    charte = backend.folder / "charte.yml"
    charte.chmod(0o640)
    status, headers, entry = backend.post("getEntry", path=f"{FOLDER}/charte.yml")
    assert status == 200 and entry["data"] == charte.read_text(encoding="utf-8")
    assert headers["access-control-allow-origin"] == ORIGIN
    changed = entry["data"].replace("\n", "\n# relu\n", 1)
    status, _, body = backend.request(_persist(f"{FOLDER}/charte.yml", changed))
    assert (status, body) == (200, {"message": "entry persisted"})
    assert charte.read_text(encoding="utf-8") == changed
    assert stat.S_IMODE(charte.stat().st_mode) == 0o640
    assert not [p.name for p in backend.folder.iterdir() if p.name.startswith(".")]  # no temporary left


def test_a_new_rubrique_gets_the_usual_mode_and_is_listed(backend):
    (backend.folder / "rubriques").mkdir()
    text = "---\ntitre: Télétravail\n---\n\n## Le principe\n\nUn jour par semaine.\n"
    status, _, _ = backend.request(_persist(f"{FOLDER}/rubriques/teletravail.md", text))
    assert status == 200
    created = backend.folder / "rubriques" / "teletravail.md"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(created.stat().st_mode) == 0o666 & ~umask  # 0644 usually, never 0600
    status, _, found = backend.post("entriesByFolder", folder=f"{FOLDER}/rubriques", extension="md", depth=1)
    assert status == 200 and [e["file"]["path"] for e in found] == [f"{FOLDER}/rubriques/teletravail.md"]
    # Deleting: a rubrique only, and checked too.
    assert backend.post("deleteFiles", paths=[f"{FOLDER}/plan.yml"])[0] == 403
    status, _, _ = backend.post("deleteFiles", paths=[f"{FOLDER}/rubriques/teletravail.md"])
    assert status == 200 and not created.exists()
    assert (backend.folder / "plan.yml").exists()


# Who may talk to the backend ---------------------------------------------------------------

HOSTILE = {
    "another site, text/plain (a form)": (
        {"Origin": "https://another.site", "Content-Type": "text/plain"}, None, 403, "origine refusée"),
    "another site, JSON": ({"Origin": "https://another.site"}, None, 403, "origine refusée"),
    "no Origin (a script outside a browser, a no-cors page that hides it)": (
        {"Origin": None}, None, 403, "origine refusée"),
    "an origin that only begins like the editor's": (
        {"Origin": ORIGIN + ".evil.example"}, None, 403, "origine refusée"),
    "the null origin (a sandboxed frame)": ({"Origin": "null"}, None, 403, "origine refusée"),
    "the editor's origin, text/plain": ({"Content-Type": "text/plain"}, None, 415, "type de contenu refusé"),
    "the editor's origin, a form's type": (
        {"Content-Type": "application/x-www-form-urlencoded"}, None, 415, "application/json"),
    "JSON in another charset": ({"Content-Type": "application/json; charset=latin-1"}, None, 415, "UTF-8"),
    "a DNS-rebinding name": ({"Host": "evil.example:{port}"}, None, 403, "adresse refusée"),
    "localhost instead of 127.0.0.1": ({"Host": "localhost:{port}"}, None, 403, "adresse refusée"),
    "another port": ({"Host": "127.0.0.1:1"}, None, 403, "adresse refusée"),
    "no Host": ({"Host": None}, None, 403, "adresse refusée"),
    "two Origin headers": ({"Origin": ORIGIN + "\r\nOrigin: " + ORIGIN}, None, 403, "origine refusée"),
    "two Host headers": ({"Host": "127.0.0.1:{port}\r\nHost: evil.example"}, None, 400, "2 fois"),
    "no token": ({}, "/api/v1", 404, "adresse inconnue"),
    "a wrong token": ({}, "/api/v1/faux", 403, "jeton de l'éditeur"),
    "the token and more": ({}, "{path}/x", 403, "jeton de l'éditeur"),
    "the token as a query": ({}, "/api/v1/?{token}", 403, "jeton de l'éditeur"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_only_the_editors_page_is_answered(backend, name):
    changes, path, status, words = HOSTILE[name]
    token = backend.path.removeprefix("/api/v1/")
    headers = {k: v.format(port=backend.port) if v else v for k, v in changes.items()}
    before = backend.files()
    answer = backend.request(_persist(f"{FOLDER}/charte.yml", "titre: « Hameçon »\n"),
                             headers=headers, path=path and path.format(path=backend.path, token=token))
    assert answer[0] == status and words in _error(answer)
    # CORS headers for the editor's exact origin only: another page reads nothing.
    sent_origin = headers.get("Origin", ORIGIN)
    if sent_origin != ORIGIN:
        assert "access-control-allow-origin" not in answer[1]
    assert backend.files() == before


def test_a_preflight_is_granted_to_the_editor_only(backend):
    def preflight(origin, request_headers="content-type"):
        head = (f"OPTIONS {backend.path} HTTP/1.1\r\nHost: {backend.host}\r\nOrigin: {origin}\r\n"
                f"Access-Control-Request-Method: POST\r\n"
                f"Access-Control-Request-Headers: {request_headers}\r\n\r\n")
        return backend.send(head.encode())

    status, headers, _ = preflight(ORIGIN)
    assert status == 204 and headers["access-control-allow-origin"] == ORIGIN
    assert headers["access-control-allow-headers"] == "Content-Type"
    for answer in (preflight("https://another.site"), preflight("http://127.0.0.1:1")):
        assert answer[0] == 403 and "access-control-allow-origin" not in answer[1]
        assert "origine refusée" in _error(answer)
    assert preflight(ORIGIN, "content-type, x-autre")[0] == 403


def test_other_methods_and_broken_requests_are_refused_in_french(backend):
    for method in ("GET", "PUT", "DELETE", "PATCH"):
        answer = backend.request({"action": "info"}, method=method)
        assert answer[0] == 405 and "n'envoie que des POST" in _error(answer)
    answer = backend.send(b"N'IMPORTE QUOI\r\n\r\n")
    assert answer[0] == 400 and "mal formée" in _error(answer)
    answer = backend.send(b"BREW /api/v1 HTTP/1.1\r\nHost: x\r\n\r\n")
    assert answer[0] == 501 and "n'envoie que des POST" in _error(answer)


# Malformed requests: a French answer, never a traceback, never a hang ---------------------------

MALFORMED = {
    "a list": (b"[]", 400, "objet JSON"),
    "not JSON": (b"{\"action\": ", 400, "pas du JSON valide"),
    "not UTF-8": (b"{\"action\": \"info\xff\"}", 400, "UTF-8"),
    "no action": (b"{\"params\": {}}", 400, "« action »"),
    "an action that is a number": (b"{\"action\": 5}", 400, "« action »"),
    "params a list": (b"{\"action\": \"getEntry\", \"params\": []}", 400, "« params »"),
    "getEntry without a path": (b"{\"action\": \"getEntry\", \"params\": {}}", 400, "« path »"),
    "a path that is a number": (b"{\"action\": \"getEntry\", \"params\": {\"path\": 3}}", 400, "« path »"),
    "dataFiles a text": (b"{\"action\": \"persistEntry\", \"params\": {\"dataFiles\": \"x\"}}",
                         400, "« dataFiles »"),
    "a data file without raw": (
        b"{\"action\": \"persistEntry\", \"params\": "
        b"{\"dataFiles\": [{\"path\": \"data/bethune/plan.yml\"}]}}",
        400, "« raw »"),
    "deleteFiles with a number": (b"{\"action\": \"deleteFiles\", \"params\": {\"paths\": [1]}}",
                                  400, "« paths »"),
    "a depth that is not a number": (
        b"{\"action\": \"entriesByFolder\", \"params\": {\"folder\": \"data/bethune\", \"depth\": \"9\"}}",
        400, "« depth »"),
    "deeply nested": (b"[" * 200_000 + b"]" * 200_000, 400, "pas du JSON valide"),
    "a number of a million digits": (b"{\"action\": " + b"9" * 1_000_000 + b"}", 400, "pas du JSON valide"),
    "an unknown action": (b"{\"action\": \"runShell\", \"params\": {}}", 400, "non prise en charge"),
    "media without its file": (b"{\"action\": \"persistMedia\", \"params\": {}}", 400,
                               "un fichier déposé doit être un objet"),
}


@pytest.mark.parametrize("name", MALFORMED)
def test_a_malformed_body_is_answered_4xx_in_french(backend, name):
    body, status, words = MALFORMED[name]
    before = backend.files()
    answer = backend.request(raw_body=body)
    assert answer[0] == status and words in _error(answer)
    assert backend.files() == before


LENGTHS = {
    "negative": ("-1", 400, "longueur du corps invalide"),
    "not a number": ("beaucoup", 400, "longueur du corps invalide"),
    "missing": (None, 411, "Content-Length est requis"),
    "huge": (str(10 ** 12), 413, "trop grosse"),
}


@pytest.mark.parametrize("name", LENGTHS)
def test_a_bad_content_length_is_refused_at_once(backend, name):
    value, status, words = LENGTHS[name]
    started = time.monotonic()
    answer = backend.request({"action": "info"}, headers={"Content-Length": value})
    assert answer[0] == status and words in _error(answer)
    assert time.monotonic() - started < 10  # refused, not waited on (the socket timeout is 10 s)


def test_a_chunked_body_is_refused(backend):
    answer = backend.request(raw_body=b"4\r\ninfo\r\n0\r\n\r\n",
                             headers={"Content-Length": None, "Transfer-Encoding": "chunked"})
    assert answer[0] == 411 and "Transfer-Encoding" in _error(answer)


def test_a_body_shorter_than_announced_does_not_hold_a_thread(tmp_path, monkeypatch):
    monkeypatch.setattr(local_requete, "DELAI_LECTURE", 0.5)  # read by start(), for the handler's socket
    shutil.copytree(ROOT / FOLDER, tmp_path / FOLDER)
    slow = Backend(tmp_path)
    try:
        head = (f"POST {slow.path} HTTP/1.1\r\nHost: {slow.host}\r\nOrigin: {ORIGIN}\r\n"
                "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"action\"")
        with socket.create_connection(("127.0.0.1", slow.port), timeout=30) as connection:
            connection.sendall(head.encode())  # then silence, the connection held open
            status, _, body = _answer(connection)
        assert status == 408 and "trop lente" in body["error"]
        # Silent before even the request line: dropped too, and the backend still answers.
        with socket.create_connection(("127.0.0.1", slow.port), timeout=30) as idle:
            assert idle.recv(10) == b""
        assert slow.post("info")[0] == 200
    finally:
        slow.server.shutdown()
        slow.server.server_close()


def test_a_file_past_the_size_limit_is_not_written(backend):
    before = backend.files()
    big = "titre: x\n" + "# " + "a" * TAILLE_MAX_FICHIER + "\n"
    answer = backend.request(_persist(f"{FOLDER}/charte.yml", big))
    assert answer[0] == 413 and "trop gros" in _error(answer) and "5 Mo" in _error(answer)
    # 50 Mo, as in the issue: read and thrown away (so the editor's page reads the answer).
    fifty = backend.request(raw_body=b" " * (50 * 1024 * 1024))
    assert fifty[0] == 413 and "trop grosse" in _error(fifty)
    assert backend.files() == before


# Where the backend reads and writes -------------------------------------------------------------

OUTSIDE = [".git/config", ".venv/lib/python3.12/site-packages/yaml/__init__.py", "Makefile",
           "/etc/passwd", "../dehors.yml", f"{FOLDER}/../../Makefile",
           f"{FOLDER}/../pas-de-calais/charte.yml",
           "data/pas-de-calais/charte.yml", f"{FOLDER}/outil.py", f"{FOLDER}/.cache.yml",
           f"{FOLDER}//plan.yml", f"{FOLDER}/./plan.yml", f"{FOLDER}\\..\\..\\Makefile",
           f"{FOLDER}/plan.yml\x00.md", FOLDER, ""]


@pytest.mark.parametrize("path", OUTSIDE)
def test_nothing_outside_the_referentiel_is_read_or_written(backend, path):
    before = backend.files()
    for answer in (backend.post("getEntry", path=path),
                   backend.post("entriesByFiles", files=[{"path": path}]),
                   backend.request(_persist(path, "titre: x\n")),
                   backend.post("deleteFiles", paths=[path])):
        assert answer[0] == 403 and "que les fichiers .yml et .md de data/bethune/" in _error(answer)
    assert backend.files() == before
    assert not (backend.root.parent / "dehors.yml").exists()


def test_the_source_folder_is_read_not_written(backend):
    status, _, entry = backend.post("getEntry", path=f"{FOLDER}/source/README.md")
    assert status == 200 and entry["data"]
    answer = backend.request(_persist(f"{FOLDER}/source/README.md", "rien\n"))
    assert answer[0] == 403 and "rubriques/" in _error(answer)


def test_no_symbolic_link_is_followed(backend, tmp_path_factory):
    outside = tmp_path_factory.mktemp("dehors")
    secret = outside / "secret.md"
    secret.write_text("---\ntitre: Secret\n---\n\nmot de passe\n", encoding="utf-8")
    rubriques = backend.folder / "rubriques"
    rubriques.mkdir()
    (rubriques / "lien.md").symlink_to(secret)
    before = backend.files()
    for answer in (backend.post("getEntry", path=f"{FOLDER}/rubriques/lien.md"),
                   backend.request(_persist(f"{FOLDER}/rubriques/lien.md", "---\ntitre: X\n---\n\nx\n"))):
        assert answer[0] == 403 and "lien symbolique refusé" in _error(answer)
    found = backend.post("entriesByFolder", folder=f"{FOLDER}/rubriques", extension="md", depth=1)[2]
    assert found == []
    # A linked folder: nothing read or created through it.
    rubriques.joinpath("lien.md").unlink()
    rubriques.rmdir()
    rubriques.symlink_to(outside, target_is_directory=True)
    for answer in (backend.post("getEntry", path=f"{FOLDER}/rubriques/secret.md"),
                   backend.request(_persist(f"{FOLDER}/rubriques/nouvelle.md", "---\ntitre: X\n---\n\nx\n"))):
        assert answer[0] == 403 and "lien symbolique refusé" in _error(answer)
    assert sorted(p.name for p in outside.iterdir()) == ["secret.md"]
    assert secret.read_text(encoding="utf-8").endswith("mot de passe\n")
    assert {k: v for k, v in backend.files().items() if "rubriques" not in k} == \
        {k: v for k, v in before.items() if "rubriques" not in k}


def test_the_whole_referentiel_folder_a_link_is_refused(tmp_path, tmp_path_factory):
    real = tmp_path_factory.mktemp("ailleurs") / "bethune"
    shutil.copytree(ROOT / FOLDER, real)
    (tmp_path / "data").mkdir()
    (tmp_path / FOLDER).symlink_to(real, target_is_directory=True)
    linked = Backend(tmp_path)
    try:
        answer = linked.post("getEntry", path=f"{FOLDER}/charte.yml")
        assert answer[0] == 403 and "lien symbolique refusé" in _error(answer)
    finally:
        linked.server.shutdown()
        linked.server.server_close()


# Nothing invalid is ever written ------------------------------------------------------------------

def _loader_says(folder: Path, name: str, text: str) -> list[str]:
    """What `make check` says of the référentiel with `name` holding `text` (a scratch copy)."""
    scratch = folder.parent.parent.parent / "scratch"
    shutil.copytree(folder, scratch / FOLDER)
    (scratch / FOLDER / name).write_text(text, encoding="utf-8")
    try:
        load_referentiel(scratch / FOLDER, scratch)
    except DataErrors as errors:
        return [str(error) for error in errors.errors]
    finally:
        shutil.rmtree(scratch)
    return []


def _plan_with(folder: Path, old: str, new: str) -> str:
    text = (folder / "plan.yml").read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


INVALID = {
    "a YAML error": ("charte.yml", lambda folder: "[non fermé\n"),
    "an unknown instance": ("plan.yml", lambda folder: _plan_with(
        folder, "        horizon: victoire-rapide\n",
        "        horizon: victoire-rapide\n        instances: [conseil-inconnu]\n")),
    "an axe renumbered": ("plan.yml", lambda folder: _plan_with(
        folder, "  - numero: 1\n", "  - numero: 9\n")),
    "a required field emptied": ("charte.yml", lambda folder: "titre: \"\"\n"),
}


@pytest.mark.parametrize("name", INVALID)
def test_a_save_that_would_break_the_referentiel_is_refused_with_the_loaders_words(backend, name):
    file, make = INVALID[name]
    text = make(backend.folder)
    expected = _loader_says(backend.folder, file, text)
    assert expected, "the loader should refuse this"
    before = backend.files()
    answer = backend.request(_persist(f"{FOLDER}/{file}", text))
    message = _error(answer)
    assert answer[0] == 422 and message.startswith("Rien n'a été enregistré")
    for line in expected[:3]:  # the very words of make check, with the real path data/bethune/…
        assert line in message and line.startswith(f"{FOLDER}/")
    assert backend.files() == before


def test_a_referentiel_already_broken_by_hand_can_be_mended_file_by_file(backend):
    glossaire = backend.folder / "glossaire.yml"
    glossaire.write_text("[cassé à la main\n", encoding="utf-8")
    charte = (backend.folder / "charte.yml").read_text(encoding="utf-8")
    # Another file saved: the error it does not touch does not refuse it.
    assert backend.request(_persist(f"{FOLDER}/charte.yml", charte + "# relu\n"))[0] == 200
    # The broken file saved still broken: refused; mended: written.
    answer = backend.request(_persist(f"{FOLDER}/glossaire.yml", "[toujours cassé\n"))
    assert answer[0] == 422 and "data/bethune/glossaire.yml:" in _error(answer)
    original = (ROOT / FOLDER / "glossaire.yml").read_text(encoding="utf-8")
    assert backend.request(_persist(f"{FOLDER}/glossaire.yml", original))[0] == 200
    assert glossaire.read_text(encoding="utf-8") == original


def test_an_unknown_file_and_a_renaming_are_refused(backend):
    answer = backend.request(_persist(f"{FOLDER}/hameconnage.yml", "titre: x\n"))
    assert answer[0] == 422 and "fichier inconnu" in _error(answer)
    assert not (backend.folder / "hameconnage.yml").exists()
    body = _persist(f"{FOLDER}/charte.yml", "titre: x\n")
    body["params"]["dataFiles"][0]["newPath"] = f"{FOLDER}/autre.yml"
    answer = backend.request(body)
    assert answer[0] == 403 and "renommer" in _error(answer)


# The media library: data/<slug>/fichiers/ ---------------------------------------------------

MEDIAS = f"{FOLDER}/fichiers"
PNG = (ROOT / "tests" / "fixtures" / "syndicat" / "fichiers" / "logo.png").read_bytes()


def _media(path: str, content: bytes) -> dict:
    import base64

    return {"path": path, "content": base64.b64encode(content).decode("ascii"), "encoding": "base64"}


def test_a_file_is_uploaded_listed_and_read_back(backend):
    status, _, answer = backend.post("persistMedia", asset=_media(f"{MEDIAS}/logo.png", PNG))
    assert status == 200 and answer["path"] == f"{MEDIAS}/logo.png" and answer["name"] == "logo.png"
    assert (backend.folder / "fichiers" / "logo.png").read_bytes() == PNG  # the folder made for it
    status, _, listed = backend.post("getMedia", mediaFolder=MEDIAS)
    assert status == 200 and [m["path"] for m in listed] == [f"{MEDIAS}/logo.png"]
    assert listed[0]["content"] == _media("", PNG)["content"] and listed[0]["encoding"] == "base64"
    assert backend.post("getMediaFile", path=f"{MEDIAS}/logo.png")[2]["id"] == answer["id"]
    assert backend.post("deleteFiles", paths=[f"{MEDIAS}/logo.png"])[0] == 200
    assert not (backend.folder / "fichiers" / "logo.png").exists()


@pytest.mark.parametrize(("name", "content", "status", "words"), [
    ("piege.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 422, "dessin SVG refusé"),
    ("faux.pdf", b"<html><script>alert(1)</script></html>", 422, "n'est pas un vrai PDF"),
    ("Mon logo.png", PNG, 422, "ne peut pas servir d'adresse"),
    ("page.html", b"<html></html>", 403, "la médiathèque de l'éditeur ne contient que"),
    ("../plan.yml", b"titre: x\n", 403, "la médiathèque de l'éditeur ne contient que"),
    ("sous/logo.png", PNG, 403, "la médiathèque de l'éditeur ne contient que"),
    (".cache.png", PNG, 403, "la médiathèque de l'éditeur ne contient que"),
])
def test_an_upload_the_site_would_not_publish_is_refused_and_nothing_written(backend, name, content,
                                                                           status, words):
    before = backend.files()
    answer = backend.post("persistMedia", asset=_media(f"{MEDIAS}/{name}", content))
    assert answer[0] == status and words in _error(answer), answer
    assert backend.files() == before and not (backend.folder / "fichiers").exists()


def test_a_broken_upload_request_is_refused(backend):
    asset = _media(f"{MEDIAS}/logo.png", PNG)
    assert backend.post("persistMedia", asset={**asset, "content": "pas du base64 !"})[0] == 400
    assert backend.post("persistMedia", asset={**asset, "encoding": "utf-8"})[0] == 400
    assert backend.post("getMedia", mediaFolder=f"{FOLDER}/rubriques")[0] == 403
    assert not (backend.folder / "fichiers").exists()


def test_a_file_a_page_needs_cannot_be_deleted_and_an_entry_brings_its_files(backend):
    # The logo named by referentiel.yml, saved with the file it names, in one request.
    identity = backend.folder / "referentiel.yml"
    text = identity.read_text(encoding="utf-8").replace("  sigle_logo:", "  logo: logo.png\n  sigle_logo:", 1)
    body = _persist(f"{FOLDER}/referentiel.yml", text)
    body["params"]["assets"] = [_media(f"{MEDIAS}/logo.png", PNG)]
    assert backend.request(body)[0] == 200
    assert identity.read_text(encoding="utf-8") == text
    assert (backend.folder / "fichiers" / "logo.png").exists()
    answer = backend.post("deleteFiles", paths=[f"{MEDIAS}/logo.png"])
    assert answer[0] == 422 and "le logo « logo.png »" in _error(answer)
    assert (backend.folder / "fichiers" / "logo.png").read_bytes() == PNG


def test_a_linked_media_folder_is_refused(backend, tmp_path_factory):
    outside = tmp_path_factory.mktemp("ailleurs")
    (backend.folder / "fichiers").symlink_to(outside, target_is_directory=True)
    answer = backend.post("persistMedia", asset=_media(f"{MEDIAS}/logo.png", PNG))
    assert answer[0] in (403, 422) and "lien symbolique" in _error(answer)
    assert not list(outside.iterdir())
    assert backend.post("getMedia", mediaFolder=MEDIAS)[0] == 403
