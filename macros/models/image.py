"""A file of the organisation's `fichiers/` folder as a block names it, and an image with
what it shows for those who cannot see it."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

from macros.models.base import Modele, Texte


def _nom_de_fichier(nom: str) -> str:
    # A name, not a path: the loader then finds it in fichiers/ (macros/data/fichiers.py).
    if "/" in nom or "\\" in nom or nom.startswith(".") or not nom.strip():
        raise ValueError(f"« {nom} » n'est pas un nom de fichier : écrivez seulement le nom d'un fichier "
                         "rangé dans le dossier fichiers/ (par exemple « declaration.pdf »).")
    return nom


NomDeFichier = Annotated[str, AfterValidator(_nom_de_fichier)]


class Image(Modele):
    """One image, with what it shows for those who cannot see it."""

    fichier: NomDeFichier = Field(description="Nom de l'image (PNG, JPEG, WebP ou SVG), rangée dans le "
                                  "dossier fichiers/ du référentiel.")
    alternative: Texte = Field(description="Ce que montre l'image, pour qui ne la voit pas (lu par les "
                               "lecteurs d'écran, affiché si l'image manque) : « Plan du rez-de-chaussée : "
                               "accueil à gauche de l'entrée ». « décorative » si elle n'apprend rien.")
    legende: Texte | None = Field(default=None, description="Facultatif : légende affichée sous l'image.")

    @property
    def decorative(self) -> bool:
        """An image that teaches nothing (« décorative »): a screen reader skips it on the site
        (an empty alternative), the kit gives it none and never prints the word."""
        return self.alternative.strip().lower() in ("décorative", "decorative")
