"""The files the editor's local backend may touch: the référentiel's, and never through a link.

Only `.yml` and `.md` files of `data/<slug>/` are read; only those the loader reads (the
folder itself and `rubriques/`) are written; only rubriques are deleted. The media library
is the published files' folder, `fichiers/`: there only, files of the types it publishes
(macros/data/fichiers.py) are read, written and deleted, each checked by the loader first. A
path is walked one component at a time from the repository, each folder opened with
O_NOFOLLOW relative to the one before (`dir_fd`), each entry looked at with lstat: a
symbolic link anywhere in the path is refused, and one swapped in between the look and the
open makes the open fail instead of being followed (a check on the resolved path would
follow it). Writes go to a temporary file of the same folder, renamed over the file (`make
serve` never reads a half-written file), keeping the file's mode (a new file gets the
umask's, 0644 usually).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from macros.data.fichiers import TYPES
from macros.data.files import PUBLISHED_FOLDER
from macros.data.limites import TAILLE_MAX_FICHIER, message_trop_gros
from macros.editeur.local_requete import Refus

EXTENSIONS = (".yml", ".md")
RUBRIQUES = "rubriques"
SUFFIXE_TEMPORAIRE = ".editeur"  # `.<name>.<random>.editeur`, hidden, removed on failure
_DOSSIER = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW


class Absent(Exception):
    """The file, or one of its folders, does not exist."""


def _lien(chemin: str) -> Refus:
    return Refus(403, f"{chemin} : lien symbolique refusé — l'éditeur ne suit aucun lien (il ferait "
                      "lire ou écrire un fichier pris hors du référentiel).")


class Fichiers:
    """The référentiel folder `dossier` (`data/<slug>`) of the repository `racine`."""

    def __init__(self, racine: Path, dossier: str) -> None:
        self.racine = racine.resolve()
        self.dossier = PurePosixPath(dossier).parts
        self.nom = "/".join(self.dossier)

    # Paths -----------------------------------------------------------------------------

    def parties(self, chemin: object, fichier: bool = True) -> tuple[str, ...]:
        """The components of a path the editor sent, once it is known to name the référentiel.

        Decap sends paths relative to the repository (`data/bethune/plan.yml`): anything else
        (absolute, `..`, a hidden name, another folder, another extension) is refused.
        """
        refus = Refus(403, f"l'éditeur local ne lit et n'écrit que les fichiers .yml et .md de "
                           f"{self.nom}/ (demandé : « {str(chemin)[:200]} »).")
        if not isinstance(chemin, str) or not chemin or len(chemin) > 1024 or "\x00" in chemin \
                or "\\" in chemin:
            raise refus
        parties = tuple((chemin if fichier else chemin.removesuffix("/")).split("/"))
        if any(partie in ("", ".", "..") or partie.startswith(".") for partie in parties):
            raise refus
        if parties[:len(self.dossier)] != self.dossier or (fichier and len(parties) == len(self.dossier)):
            raise refus
        if fichier and not parties[-1].endswith(EXTENSIONS):
            raise refus
        return parties

    def modifiable(self, chemin: object) -> tuple[str, ...]:
        """A file the editor may write: one the loader reads (the folder's, or a rubrique)."""
        parties = self.parties(chemin)
        interieur = parties[len(self.dossier):]
        if len(interieur) == 1 or (len(interieur) == 2 and interieur[0] == RUBRIQUES):
            return parties
        raise Refus(403, f"l'éditeur n'écrit que les fichiers de {self.nom}/ et de {self.nom}/"
                         f"{RUBRIQUES}/ (demandé : « {chemin} »).")

    def media(self, chemin: object) -> tuple[str, ...]:
        """A file of the media library: `data/<slug>/fichiers/<nom>`, of a published type."""
        refus = Refus(403, f"la médiathèque de l'éditeur ne contient que les fichiers de "
                           f"{self.nom}/{PUBLISHED_FOLDER}/ ({', '.join(sorted(TYPES))}) "
                           f"(demandé : « {str(chemin)[:200]} »).")
        if not isinstance(chemin, str) or not chemin or len(chemin) > 1024 or "\x00" in chemin \
                or "\\" in chemin:
            raise refus
        parties = tuple(chemin.split("/"))
        if parties[:-1] != (*self.dossier, PUBLISHED_FOLDER) or parties[-1] in ("", ".", "..") \
                or parties[-1].startswith(".") or PurePosixPath(parties[-1]).suffix.lower() not in TYPES:
            raise refus
        return parties

    def medias(self) -> list[tuple[str, ...]]:
        """The files of the media library, by name (none when `fichiers/` is not there)."""
        trouves = []
        try:
            with self._ouvrir_dossier((*self.dossier, PUBLISHED_FOLDER)) as fd, os.scandir(fd) as entrees:
                for entree in sorted(entrees, key=lambda e: e.name):
                    if not entree.name.startswith(".") and entree.is_file(follow_symlinks=False) \
                            and PurePosixPath(entree.name).suffix.lower() in TYPES:
                        trouves.append((*self.dossier, PUBLISHED_FOLDER, entree.name))
        except Absent:
            return []
        return trouves

    def creer_dossier_medias(self) -> None:
        """`fichiers/` in the référentiel's folder, made if it is not there (never through a link)."""
        with self._ouvrir_dossier(self.dossier) as fd:
            etat = _etat(PUBLISHED_FOLDER, fd)
            if etat is None:
                os.mkdir(PUBLISHED_FOLDER, 0o777, dir_fd=fd)
            elif not stat.S_ISDIR(etat.st_mode) or stat.S_ISLNK(etat.st_mode):
                raise _lien(f"{self.nom}/{PUBLISHED_FOLDER}") if stat.S_ISLNK(etat.st_mode) else \
                    Refus(403, f"{self.nom}/{PUBLISHED_FOLDER} : ce n'est pas un dossier.")

    def rubrique(self, chemin: object) -> tuple[str, ...]:
        """A file the editor may delete: a rubrique, nothing else."""
        parties = self.modifiable(chemin)
        if len(parties) != len(self.dossier) + 2:
            raise Refus(403, f"l'éditeur ne supprime que des pages de {self.nom}/{RUBRIQUES}/ "
                             f"(demandé : « {chemin} »).")
        return parties

    # Walking without links ---------------------------------------------------------------

    @contextmanager
    def _ouvrir_dossier(self, parties: tuple[str, ...]) -> Iterator[int]:
        """A descriptor of the folder `racine/parties…`, no component of it a link."""
        fd = os.open(self.racine, os.O_RDONLY | os.O_DIRECTORY)
        try:
            for rang, nom in enumerate(parties):
                chemin = "/".join(parties[:rang + 1])
                etat = _etat(nom, fd)
                if etat is None:
                    raise Absent(chemin)
                if stat.S_ISLNK(etat.st_mode):
                    raise _lien(chemin)
                if not stat.S_ISDIR(etat.st_mode):
                    raise Refus(403, f"{chemin} : ce n'est pas un dossier.")
                try:
                    suivant = os.open(nom, _DOSSIER, dir_fd=fd)
                except OSError as erreur:  # changed between the look and the open
                    if erreur.errno in (errno.ELOOP, errno.ENOTDIR):
                        raise _lien(chemin) from None
                    raise
                os.close(fd)
                fd = suivant
            yield fd
        finally:
            os.close(fd)

    def lire(self, chemin: str, parties: tuple[str, ...] | None = None) -> bytes:
        """The bytes of a file of the référentiel (Absent when there is none).

        `parties`: the path already checked (a file of the media library); else `chemin` is.
        """
        parties = parties or self.parties(chemin)
        with self._ouvrir_dossier(parties[:-1]) as dossier:
            etat = _etat(parties[-1], dossier)
            if etat is None:
                raise Absent(chemin)
            _ordinaire(chemin, etat)
            try:  # O_NONBLOCK: a pipe swapped in is opened without waiting, then refused
                fd = os.open(parties[-1], os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=dossier)
            except OSError as erreur:
                if erreur.errno == errno.ELOOP:
                    raise _lien(chemin) from None
                raise
            with os.fdopen(fd, "rb") as fichier:
                _ordinaire(chemin, os.fstat(fichier.fileno()))
                contenu = fichier.read(TAILLE_MAX_FICHIER + 1)
        if len(contenu) > TAILLE_MAX_FICHIER:
            raise Refus(413, f"{chemin} : {message_trop_gros(len(contenu))}")
        return contenu

    def fichiers_du_dossier(self, dossier: str, extension: str, profondeur: int) -> list[str]:
        """The files of `dossier` (and its folders, to `profondeur` levels) ending in `extension`."""
        parties = self.parties(dossier, fichier=False)
        if extension and ("." + extension.lstrip(".")) not in EXTENSIONS:
            raise Refus(403, f"l'éditeur local ne lit que les fichiers .yml et .md (demandé : {extension}).")
        suffixes = ("." + extension.lstrip("."),) if extension else EXTENSIONS
        trouves: list[str] = []

        def parcourir(fd: int, prefixe: tuple[str, ...], niveau: int) -> None:
            with os.scandir(fd) as entrees:
                for entree in sorted(entrees, key=lambda e: e.name):
                    if entree.name.startswith("."):
                        continue
                    if entree.is_file(follow_symlinks=False) and entree.name.endswith(suffixes):
                        trouves.append("/".join((*prefixe, entree.name)))
                    elif entree.is_dir(follow_symlinks=False) and niveau < profondeur:
                        try:
                            sous = os.open(entree.name, _DOSSIER, dir_fd=fd)
                        except OSError:
                            continue
                        try:
                            parcourir(sous, (*prefixe, entree.name), niveau + 1)
                        finally:
                            os.close(sous)

        try:
            with self._ouvrir_dossier(parties) as fd:
                parcourir(fd, parties, 1)
        except Absent:
            return []
        return trouves

    def ecrire(self, parties: tuple[str, ...], contenu: bytes) -> None:
        """Replace (or create) the file, atomically, keeping its mode."""
        chemin = "/".join(parties)
        with self._ouvrir_dossier(parties[:-1]) as dossier:
            etat = _etat(parties[-1], dossier)
            if etat is not None:
                _ordinaire(chemin, etat)
            temporaire = f".{parties[-1]}.{secrets.token_hex(4)}{SUFFIXE_TEMPORAIRE}"
            # 0o666 less the umask for a new file, as any editor would create it (not 0600).
            fd = os.open(temporaire, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666,
                         dir_fd=dossier)
            try:
                with os.fdopen(fd, "wb") as fichier:
                    fichier.write(contenu)
                    if etat is not None:
                        os.fchmod(fichier.fileno(), stat.S_IMODE(etat.st_mode))
                    fichier.flush()
                    os.fsync(fichier.fileno())
                os.replace(temporaire, parties[-1], src_dir_fd=dossier, dst_dir_fd=dossier)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporaire, dir_fd=dossier)
                raise

    def supprimer(self, parties: tuple[str, ...]) -> None:
        chemin = "/".join(parties)
        with self._ouvrir_dossier(parties[:-1]) as dossier:
            etat = _etat(parties[-1], dossier)
            if etat is None:
                raise Refus(404, f"{chemin} : ce fichier n'existe pas.")
            _ordinaire(chemin, etat)
            os.unlink(parties[-1], dir_fd=dossier)

    def existe(self, parties: tuple[str, ...]) -> bool:
        """Whether the file is there; refused if it, or a folder of its path, is a link or odd.

        Absent when its folder is not there.
        """
        chemin = "/".join(parties)
        with self._ouvrir_dossier(parties[:-1]) as dossier:
            etat = _etat(parties[-1], dossier)
            if etat is not None:
                _ordinaire(chemin, etat)
            return etat is not None

def _etat(nom: str, dossier: int) -> os.stat_result | None:
    """lstat of `nom` in the folder `dossier` (a link is looked at, not followed)."""
    try:
        return os.lstat(nom, dir_fd=dossier)
    except FileNotFoundError:
        return None


def _ordinaire(chemin: str, etat: os.stat_result) -> None:
    if stat.S_ISLNK(etat.st_mode):
        raise _lien(chemin)
    if not stat.S_ISREG(etat.st_mode):
        raise Refus(403, f"{chemin} : ce n'est pas un fichier ordinaire.")

