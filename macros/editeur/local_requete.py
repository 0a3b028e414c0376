"""Who may talk to the editor's local backend, and what a request must look like.

The backend writes the référentiel of the person running `make editer`; any web page that
person opens meanwhile can send requests to 127.0.0.1. So a request is carried out only when
it comes from the editor's own page and nothing else could have sent it:

- `Host` is exactly the loopback address and port the backend listens on: a DNS-rebinding
  page (evil.example resolved to 127.0.0.1) sends its own name;
- `Origin` is exactly the editor's (the `mkdocs serve` address): a browser always sends it on
  a POST and a page cannot forge it;
- `Content-Type` is `application/json`: a form or a no-cors fetch of another site can only
  send "simple" types (text/plain…); JSON needs a preflight, which is refused to any other
  origin, so the browser never sends the request itself;
- the address holds a random token drawn at each run, that only the served /admin/ page knows
  (it is in the `proxy_url` of its config.yml), compared in constant time.

A malformed request is answered 4xx with a French message, never a traceback, never a hang:
the body is read to exactly its `Content-Length`, within a size limit and a time limit.
"""

from __future__ import annotations

import hmac
import json
import re
import time
from dataclasses import dataclass

from macros.data.limites import TAILLE_MAX_FICHIER, taille_lisible

# JSON escaping can double a text (every quote, backslash or line break takes two bytes):
# a file at the loader's limit must still arrive, and then be refused by its own size.
TAILLE_MAX_CORPS = 2 * TAILLE_MAX_FICHIER + 64 * 1024
# A body a little too big from the editor's own page is read and thrown away, so that its
# browser reads the French answer instead of a broken connection; beyond this, cut short.
TAILLE_MAX_VIDEE = 16 * TAILLE_MAX_FICHIER
DELAI_LECTURE = 10.0   # seconds a client may stay silent (the handler's socket timeout)
DELAI_CORPS = 30.0     # seconds for a whole body, so that a slow drip cannot hold a thread
PREFIXE = "/api/v1/"
_CHIFFRES = re.compile(r"[0-9]{1,15}")


class Refus(Exception):
    """A request the local backend does not carry out: an HTTP status and a French reason."""

    def __init__(self, statut: int, message: str, detail: str | None = None) -> None:
        super().__init__(message)
        self.statut = statut
        self.message = message
        self.detail = detail or message  # for the terminal, which may say more


def _cite(valeur: str | None) -> str:
    """A header value the client sent, quoted short (it is the attacker's text)."""
    if valeur is None:
        return "aucun"
    texte = valeur if len(valeur) <= 80 else valeur[:80] + "…"
    return f"« {texte.encode('unicode_escape').decode('ascii')} »"


def _unique(entetes, nom: str) -> str | None:
    """The header `nom`, or None; sent twice, it is refused (two answers to one question)."""
    valeurs = entetes.get_all(nom) or []
    if len(valeurs) > 1:
        raise Refus(400, f"requête refusée : l'en-tête {nom} est envoyé {len(valeurs)} fois.")
    return valeurs[0] if valeurs else None


@dataclass(frozen=True)
class Garde:
    """What the editor's page sends, and nothing else does."""

    origine: str   # the editor's page: http://127.0.0.1:8000
    hote: str      # where the backend listens: 127.0.0.1:41234
    jeton: str     # drawn by secrets.token_urlsafe at each run

    @property
    def chemin(self) -> str:
        return PREFIXE + self.jeton

    def origine_exacte(self, entetes) -> bool:
        """The request comes from the editor's page (then, and only then, CORS headers)."""
        valeurs = entetes.get_all("Origin") or []
        return len(valeurs) == 1 and valeurs[0] == self.origine

    def verifier(self, chemin: str, entetes) -> None:
        """Host, Origin and token of a request (a POST or its preflight)."""
        hote = _unique(entetes, "Host")
        if hote != self.hote:
            raise Refus(403, f"adresse refusée : le serveur de l'éditeur ne répond qu'à "
                             f"http://{self.hote}/ (Host reçu : {_cite(hote)}).")
        if not self.origine_exacte(entetes):
            raise Refus(403, f"origine refusée ({_cite(entetes.get('Origin'))}) : seule la page de "
                             f"l'éditeur, {self.origine}/admin/, peut parler à ce serveur.")
        if not chemin.startswith(PREFIXE):
            raise Refus(404, f"adresse inconnue : {_cite(chemin)}.")
        if not hmac.compare_digest(chemin.encode("utf-8", "surrogateescape"),
                                   self.chemin.encode("utf-8")):
            raise Refus(403, "jeton de l'éditeur absent ou faux : rechargez la page de l'éditeur "
                             f"({self.origine}/admin/). Chaque « make editer » tire un nouveau jeton.")

    def verifier_preflight(self, chemin: str, entetes) -> None:
        """The browser asks whether the editor's page may POST JSON here."""
        self.verifier(chemin, entetes)
        methode = entetes.get("Access-Control-Request-Method")
        if methode != "POST":
            raise Refus(405, f"méthode refusée ({_cite(methode)}) : l'éditeur n'envoie que des POST.")
        demandes = {nom.strip().lower() for nom in
                    (entetes.get("Access-Control-Request-Headers") or "").split(",") if nom.strip()}
        if not demandes <= {"content-type"}:
            raise Refus(403, f"en-têtes refusés : {_cite(', '.join(sorted(demandes)))}.")


def verifier_type(entetes) -> None:
    """JSON only: a type another site may send without a preflight is refused."""
    valeur = _unique(entetes, "Content-Type")
    media, *parametres = (valeur or "").split(";")
    charsets = [p.split("=", 1)[1].strip().strip('"').lower() for p in parametres
                if p.strip().lower().startswith("charset=")]
    if media.strip().lower() != "application/json" or any(c not in {"utf-8", "utf8"} for c in charsets):
        raise Refus(415, f"type de contenu refusé ({_cite(valeur)}) : l'éditeur envoie "
                         "application/json en UTF-8.")


def longueur(entetes) -> int:
    """The announced length of the body, checked before a byte of it is read."""
    if entetes.get("Transfer-Encoding") is not None:
        raise Refus(411, "envoi par morceaux (Transfer-Encoding) refusé : annoncez la longueur "
                         "du corps (Content-Length).")
    valeur = _unique(entetes, "Content-Length")
    if valeur is None:
        raise Refus(411, "longueur du corps absente : l'en-tête Content-Length est requis.")
    if not _CHIFFRES.fullmatch(valeur.strip()):
        raise Refus(400, f"longueur du corps invalide ({_cite(valeur)}) : un nombre d'octets est attendu.")
    return int(valeur)


def trop_gros(annonce: int) -> Refus:
    return Refus(413, f"requête trop grosse ({taille_lisible(annonce)}) : l'éditeur n'envoie pas plus "
                      f"de {taille_lisible(TAILLE_MAX_CORPS)} à la fois (un fichier de données ne "
                      f"dépasse pas {taille_lisible(TAILLE_MAX_FICHIER)}).")


def lire_corps(flux, annonce: int, delai: float | None = None, garder: bool = True) -> bytes:
    """Exactly `annonce` bytes of `flux`, or a refusal when they do not all come in time.

    The socket's own timeout bounds each wait; `delai` bounds the whole, against a client
    that sends one byte every few seconds. `garder=False` reads and throws away.
    """
    fin = time.monotonic() + (DELAI_CORPS if delai is None else delai)
    morceaux: list[bytes] = []
    reste = annonce
    try:
        while reste:
            if time.monotonic() > fin:
                raise Refus(408, "requête trop lente : le corps n'est pas arrivé à temps.")
            morceau = flux.read1(min(reste, 1 << 16))
            if not morceau:
                raise Refus(400, f"corps incomplet : {annonce - reste} octets reçus sur les "
                                 f"{annonce} annoncés.")
            if garder:
                morceaux.append(morceau)
            reste -= len(morceau)
    except TimeoutError:
        raise Refus(408, "requête trop lente : le corps n'est pas arrivé à temps.") from None
    return b"".join(morceaux)


def decoder(corps: bytes) -> tuple[str, dict]:
    """The action and its parameters, from a body `{"action": "…", "params": {…}}`."""
    try:
        texte = corps.decode("utf-8")
    except UnicodeDecodeError:
        raise Refus(400, "requête invalide : le corps n'est pas du texte UTF-8.") from None
    try:
        demande = json.loads(texte)
    except (ValueError, RecursionError):
        raise Refus(400, "requête invalide : le corps n'est pas du JSON valide.") from None
    if not isinstance(demande, dict):
        raise Refus(400, "requête invalide : un objet JSON {\"action\": …, \"params\": …} est attendu.")
    action = demande.get("action")
    if not isinstance(action, str) or not action:
        raise Refus(400, "requête invalide : le champ « action » (un texte) manque.")
    parametres = demande.get("params", {})
    if not isinstance(parametres, dict):
        raise Refus(400, "requête invalide : le champ « params » doit être un objet JSON.")
    return action, parametres


def texte(parametres: dict, cle: str) -> str:
    """The parameter `cle`, which must be a text."""
    valeur = parametres.get(cle)
    if not isinstance(valeur, str):
        raise Refus(400, f"requête invalide : le paramètre « {cle} » (un texte) manque.")
    return valeur


def liste(parametres: dict, cle: str, sorte: type) -> list:
    """The parameter `cle`, which must be a list of `sorte` (dict or str)."""
    valeur = parametres.get(cle)
    nom = "objets" if sorte is dict else "textes"
    if not isinstance(valeur, list) or not all(isinstance(element, sorte) for element in valeur):
        raise Refus(400, f"requête invalide : le paramètre « {cle} » (une liste de {nom}) manque.")
    return valeur
