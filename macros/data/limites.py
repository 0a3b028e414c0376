"""How large a data file may be, for every reader and every writer of `data/`.

A data file is prose and lists typed by people: Béthune's largest is 74 Ko, the benchmark's
plan of 13 800 actions 3 Mo. A file of 50 Mo made `mkdocs build` run for minutes and Typst
take 6 Go: past this limit the loader refuses the file, and the editor and the imports never
write one.
"""

from __future__ import annotations

from macros.text.francais import taille_lisible

TAILLE_MAX_FICHIER = 5 * 1024 * 1024  # octets


def message_trop_gros(octets: int) -> str:
    """The French reason a file of `octets` bytes is refused."""
    return (f"le fichier est trop gros ({taille_lisible(octets)}) : un fichier de données ne dépasse "
            f"pas {taille_lisible(TAILLE_MAX_FICHIER)}. Découpez-le (une rubrique par page, par "
            "exemple) ou retirez ce qui n'est pas du texte.")


def message_trop_gros_publie(octets: int) -> str:
    """The French reason a file of `fichiers/` (a form, an image) of `octets` bytes is refused."""
    return (f"le fichier est trop gros ({taille_lisible(octets)}) : un fichier publié avec le site ne "
            f"dépasse pas {taille_lisible(TAILLE_MAX_FICHIER)}, pour s'ouvrir vite sur un téléphone. "
            "Réduisez l'image, ou enregistrez le PDF en qualité « écran ».")
