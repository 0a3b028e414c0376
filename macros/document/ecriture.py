"""The draft written into data/<slug>/: never over a référentiel, never one the loader refuses.

The files go first to a hidden folder beside the others (`data/.import-<slug>-…/`, which the
builds and make check skip), are read back there by the strict loader, and only then is the
folder renamed to `data/<slug>/` in one step: a draft that would not build is never left
half-written, and an existing référentiel is never touched.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from macros.data.errors import DataErrors
from macros.data.limites import TAILLE_MAX_FICHIER
from macros.data.loader import load_referentiel
from macros.models.base import MOTIF_IDENTIFIANT


class ImportRefuse(Exception):
    """The draft cannot be written (message in French, for the user)."""


def verifier_slug(slug: str, data: Path) -> Path:
    """data/<slug>, which must not exist yet."""
    if not re.match(MOTIF_IDENTIFIANT, slug):
        raise ImportRefuse(
            f"« {slug} » ne peut pas servir de nom de dossier : minuscules sans accents, "
            "chiffres et tirets (par exemple « ccas-de-lievin »)."
        )
    dossier = data / slug
    if dossier.exists() or dossier.is_symlink():
        raise ImportRefuse(
            f"data/{slug}/ existe déjà : l'import n'écrit jamais sur un référentiel. Choisissez "
            f"un autre nom (SLUG=…), ou retirez data/{slug}/ vous-même si c'est un ancien "
            "brouillon."
        )
    return dossier


def ecrire(fichiers: dict[str, str | bytes], data: Path, slug: str, root: Path) -> Path:
    """Write the draft to data/<slug>/ once the loader accepts it; ImportRefuse otherwise."""
    dossier = verifier_slug(slug, data)
    for chemin, contenu in fichiers.items():
        taille = len(contenu.encode("utf-8") if isinstance(contenu, str) else contenu)
        if taille > TAILLE_MAX_FICHIER:
            raise ImportRefuse(
                f"{chemin} ferait {taille // 1024} Ko, au-delà de ce que Socle lit : découpez "
                "le document en plusieurs parties (titres de niveau 1)."
            )
    data.mkdir(parents=True, exist_ok=True)
    essai = Path(tempfile.mkdtemp(prefix=f".import-{slug}-", dir=data))
    try:
        for chemin, contenu in fichiers.items():
            cible = essai / chemin
            cible.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(contenu, str):
                cible.write_text(contenu, encoding="utf-8")
            else:
                cible.write_bytes(contenu)
            cible.chmod(0o644)
        essai.chmod(0o755)
        try:
            load_referentiel(essai, root)
        except DataErrors as erreurs:
            raise ImportRefuse(
                "le brouillon tiré du document n'est pas accepté par Socle — c'est un défaut de "
                "l'import, signalez-le avec le document ; rien n'a été écrit.\n" + erreurs.report()
            ) from None
        if dossier.exists():
            raise ImportRefuse(f"data/{slug}/ vient d'être créé par ailleurs : rien n'a été écrit.")
        os.rename(essai, dossier)
    finally:
        if essai.exists():
            shutil.rmtree(essai, ignore_errors=True)
    return dossier
