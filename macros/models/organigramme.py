"""The fragment of the organisation chart that the document carries."""

from __future__ import annotations

from pydantic import Field

from macros.models.base import Modele, Suivi, Texte, champ_suivi, facultatif, liste


class Organigramme(Modele):
    """Organisation chart (possibly partial)."""

    suivi: Suivi | None = champ_suivi()
    titre: Texte | None = facultatif(
        "Titre de l'organigramme ; sans titre, la page l'intitule « L'organigramme »."
    )
    complet: bool = Field(description="false si le document n'en donne qu'un extrait.")
    entites: list[Texte] = liste("Les entités lisibles, dans l'ordre.")
