"""Who we are: the organisation's self-portrait and history."""

from __future__ import annotations

from pydantic import Field

from macros.models.base import Bloc, Modele, Suivi, Texte, champ_suivi, facultatif, liste


class Identite(Modele):
    """« Ce que nous sommes » and the history of the organisation."""

    suivi: Suivi | None = champ_suivi()
    titre: Texte | None = facultatif("Titre de la partie.")
    introduction: list[Texte] = Field(default=[], description="Paragraphes d'introduction.")
    nous_sommes: list[Texte] = liste("Les affirmations « Nous sommes : ... ».")
    origine: Texte | None = facultatif("D'où viennent ces affirmations.")
    histoire: Bloc | None = facultatif("Histoire de la collectivité.")
