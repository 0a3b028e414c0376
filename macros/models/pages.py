"""How an organisation arranges the registry's pages (in referentiel.yml)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field

from .base import Modele, Texte


def _oui_non(value: object) -> object:
    """« oui » / « non », as an HR officer writes them (also true / false)."""
    if isinstance(value, str):
        word = value.strip().lower()
        if word in ("oui", "true"):
            return True
        if word in ("non", "false"):
            return False
        raise ValueError(f"« {value} » n'est pas une réponse permise : écrivez « oui » ou « non ».")
    return value


OuiNon = Annotated[bool, BeforeValidator(_oui_non)]


class ReglagePage(Modele):
    """What an organisation changes of one of the site's pages (all optional)."""

    titre: Texte | None = Field(default=None, description="Titre de la page dans le menu et en tête de page.")
    resume: Texte | None = Field(default=None, description="Phrase qui dit ce que la page contient "
                                 "(accueil, « Mes premiers jours », kit).")
    position: int | None = Field(default=None, description="Place dans le menu : les pages du site sont "
                                 "rangées de 0 (Accueil) à 930 (Accessibilité), par dizaines ; par "
                                 "exemple 65 place la page entre Gouvernance (60) et Circuits (70).")
    masquer: OuiNon = Field(default=False, description="« oui » : la page n'est pas publiée, même si "
                            "ses données existent (l'accueil ne peut pas être masqué).")
