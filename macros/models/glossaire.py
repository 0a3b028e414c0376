"""The glossary: acronyms of the source document and what they stand for.

Only what the document itself says: an acronym whose expansion the document does
not give keeps `developpe` empty, and nothing is guessed. The instances of
`gouvernance.yml` that carry a `sigle` join the glossary on their own (their
`nom` is the expansion), so an acronym is written in one data file only.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from macros.models.base import Constats, Modele, Suivi, Texte, champ_suivi, liste


class Terme(Modele):
    """One acronym as the document uses it."""

    sigle: Texte = Field(description="Le sigle tel que le document l'écrit (« DGS »).")
    developpe: Texte | None = Field(
        default=None,
        description="Sa forme développée, telle que le document la donne (« Directeur Général "
        "des Services ») ; à laisser vide si le document ne la donne pas.",
    )
    variantes: list[Texte] = Field(
        default=[], description="Autres graphies du même sigle dans le document (« ComEx »)."
    )


class Glossaire(Modele):
    """The acronyms of the référentiel that are not already instance sigles."""

    suivi: Suivi | None = champ_suivi()
    termes: list[Terme] = liste("Les sigles, chacun une seule fois.")

    @model_validator(mode="after")
    def _sigles_uniques(self) -> Glossaire:
        erreur = Constats()
        vus: set[str] = set()
        for rang, terme in enumerate(self.termes):
            for graphie in (terme.sigle, *terme.variantes):
                if graphie in vus:
                    erreur(f"le sigle « {graphie} » figure deux fois dans le glossaire.",
                           "termes", rang, "sigle")
                vus.add(graphie)
        erreur.lever()
        return self


class Entree(Modele):
    """A glossary line as the site shows it: an acronym, its expansion, where it is defined."""

    sigle: Texte = Field(description="Le sigle.")
    developpe: Texte | None = Field(default=None, description="Sa forme développée, si connue.")
    variantes: tuple[Texte, ...] = Field(default=(), description="Autres graphies du sigle.")
    ancre: Texte | None = Field(
        default=None, description="Page et ancre où il est présenté (« gouvernance/#copil »)."
    )

    @property
    def initiale(self) -> str:
        """The letter the acronym is filed under."""
        return self.sigle[0].upper()

    @property
    def graphies(self) -> tuple[str, ...]:
        """Every spelling of the acronym, as written in the document."""
        return (self.sigle, *self.variantes)


def entrees(glossaire: Glossaire | None, gouvernance: object | None) -> list[Entree]:
    """The glossary lines of a référentiel, in alphabetical order.

    `gouvernance` is the validated Gouvernance model (or None): each instance with
    a `sigle` gives a line whose expansion is the instance's name, linked to it.
    A sigle repeated in glossaire.yml adds its spellings (`variantes`) to the instance's line.
    """
    lignes: dict[str, Entree] = {}
    for instance in getattr(gouvernance, "instances", ()):
        if instance.sigle and instance.sigle != instance.nom:
            lignes[instance.sigle] = Entree(sigle=instance.sigle, developpe=instance.nom,
                                            ancre=f"gouvernance/#{instance.id}")
    for terme in glossaire.termes if glossaire else ():
        instance = lignes.get(terme.sigle)
        lignes[terme.sigle] = Entree(
            sigle=terme.sigle,
            developpe=terme.developpe or (instance.developpe if instance else None),
            variantes=tuple(terme.variantes),
            ancre=instance.ancre if instance else None,
        )
    return sorted(lignes.values(), key=lambda entree: entree.sigle.casefold())
