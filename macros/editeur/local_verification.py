"""A save is checked as `make check` would check the référentiel after it, before it is made.

The référentiel folder is copied into a temporary folder under the same relative path
(`<temp>/data/<slug>/`), the saved files laid over the copy (and the deleted ones removed),
and the copy loaded by the strict loader (macros/data/loader.py), cross-file references
included: an unknown instance in plan.yml, an axe renumbered so that objectives point nowhere,
a YAML error, are all refused with the loader's own `data/<slug>/fichier:ligne: message`.

A référentiel already broken by hand must still be mendable through the editor, one file at
a time: errors that were there before the save, in files the save does not touch, do not
refuse it. Every error in a file the save writes, and every new error, does.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path

from macros.data.errors import DataError, DataErrors
from macros.data.limites import TAILLE_MAX_FICHIER
from macros.data.loader import load_referentiel
from macros.editeur.local_fichiers import SUFFIXE_TEMPORAIRE
from macros.editeur.local_requete import Refus


def _copier(source: Path, copie: Path) -> None:
    """A copy the loader judges as it would the original, links and odd files included.

    Links are copied as links and special files become a named pipe (the loader refuses both
    without opening them); a file past the size limit becomes an empty file of the same size
    (the loader refuses it on its size, unread). Nothing is followed.
    """
    copie.mkdir(parents=True, exist_ok=True)
    with os.scandir(source) as entrees:
        for entree in entrees:
            if entree.name.endswith(SUFFIXE_TEMPORAIRE) and entree.name.startswith("."):
                continue  # another save's temporary file
            cible = copie / entree.name
            etat = entree.stat(follow_symlinks=False)
            if stat.S_ISLNK(etat.st_mode):
                os.symlink(os.readlink(entree.path), cible)
            elif stat.S_ISDIR(etat.st_mode):
                _copier(Path(entree.path), cible)
            elif not stat.S_ISREG(etat.st_mode):
                os.mkfifo(cible)
            elif etat.st_size > TAILLE_MAX_FICHIER:
                with cible.open("wb") as vide:
                    vide.truncate(etat.st_size)
            else:
                shutil.copyfile(entree.path, cible, follow_symlinks=False)


def _erreurs(racine: Path, dossier: tuple[str, ...], ecrits: dict[tuple[str, ...], bytes],
             retires: set[tuple[str, ...]]) -> list[DataError]:
    """The loader's errors on a copy of the référentiel with the change made (or not: empty)."""
    with tempfile.TemporaryDirectory(prefix="socle-editeur-") as temporaire:
        base = Path(temporaire)
        _copier(racine.joinpath(*dossier), base.joinpath(*dossier))
        for parties in retires:
            base.joinpath(*parties).unlink()
        for parties, contenu in ecrits.items():
            cible = base.joinpath(*parties)
            # Never written through a link of the copy (the loader refuses the link itself).
            if any(base.joinpath(*parties[:rang]).is_symlink() for rang in range(1, len(parties) + 1)):
                continue
            # `fichiers/` may be made by this save (the first file of the media library).
            cible.parent.mkdir(exist_ok=True)
            cible.write_bytes(contenu)
        try:
            load_referentiel(base.joinpath(*dossier), base)
        except DataErrors as erreurs:
            return erreurs.errors
    return []


def verifier(racine: Path, dossier: tuple[str, ...], ecrits: dict[tuple[str, ...], bytes],
             retires: set[tuple[str, ...]] = frozenset()) -> None:
    """Refus (422) when the référentiel would have an error this change brings or leaves."""
    try:
        apres = _erreurs(racine, dossier, ecrits, retires)
        if not apres:
            return
        avant = set(_erreurs(racine, dossier, {}, set()))
    except OSError as erreur:
        raise Refus(500, f"la vérification n'a pas pu copier le référentiel ({erreur.strerror}) : "
                         "rien n'a été enregistré.") from None
    touches = {"/".join(parties) for parties in (*ecrits, *retires)}
    nouvelles = [e for e in apres if e.source in touches or e not in avant]
    if nouvelles:
        erreurs = DataErrors(nouvelles)
        raise Refus(422, message(erreurs), detail=f"rien n'a été enregistré. {erreurs.report()}")


# Decap shows the answer in a notification for 8 seconds, its lines run together: the first
# errors only, each as `make check` words it; the terminal of `make editer` has them all.
MONTRES = 3


def message(erreurs: DataErrors) -> str:
    """The answer to a refused save, in the words of `make check`."""
    premieres = DataErrors(erreurs.errors[:MONTRES]).report().split("\n", 1)[1]
    nombre = len(erreurs.errors)
    entete = ("1 erreur" if nombre == 1 else f"{nombre} erreurs") + " dans les données :"
    reste = nombre - MONTRES
    suite = (f"\n  … et {reste} autre{'s' if reste > 1 else ''} : « make check » les donne toutes."
             if reste > 0 else "")
    return f"Rien n'a été enregistré : le référentiel ne serait plus valide. {entete}\n{premieres}{suite}"
