"""Who we are: the organisation's self-portrait and history."""

from __future__ import annotations

from pydantic import Field

from macros.models.base import Bloc, Modele, Suivi, Texte, champ_suivi, liste


class Identite(Modele):
    """« Ce que nous sommes » and the history of the organisation."""

    suivi: Suivi | None = champ_suivi()
    titre: Texte = Field(description="Titre de la partie.")
    introduction: list[Texte] = liste("Paragraphes d'introduction.")
    nous_sommes: list[Texte] = liste("Les affirmations « Nous sommes : ... ».")
    origine: Texte = Field(description="D'où viennent ces affirmations.")
    histoire: Bloc = Field(description="Histoire de la collectivité.")
