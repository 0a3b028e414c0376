"""Relations with the public: the GRU tool and its good practices."""

from __future__ import annotations

from pydantic import Field

from macros.models.base import Modele, Suivi, Texte, champ_suivi, facultatif, liste


class BonnePratique(Modele):
    """A good practice, with its details if any."""

    texte: Texte = Field(description="La bonne pratique.")
    details: list[Texte] = Field(default=[], description="Ses précisions.")


class RelationUsagers(Modele):
    """How requests from the public are recorded and answered."""

    suivi: Suivi | None = champ_suivi()
    titre: Texte | None = facultatif("Titre de la partie.")
    sous_titre: Texte | None = facultatif("Sous-titre.")
    outil: Texte | None = facultatif("Nom de l'outil de gestion de la relation usagers.")
    presentation: list[Texte] = liste("Présentation de l'outil.")
    principe: Texte | None = facultatif("Le principe (« 1 demande = 1 réponse »).")
    feuille_de_route: Texte | None = facultatif("Ce que chaque direction doit faire.")
    defi: Texte | None = facultatif("Le défi à relever.")
    bonnes_pratiques_intro: Texte | None = facultatif("Phrase qui introduit les bonnes pratiques.")
    bonnes_pratiques: list[BonnePratique] = Field(default=[], description="Les bonnes pratiques.")
    suite: list[Texte] = Field(default=[], description="Paragraphes de conclusion.")
