"""The organisation chart that the document carries: a list of units, each maybe with its own.

An entity is a name (« Accueil »), or a unit with the units under it (« Direction des soins »,
then its poles, then their services): the chart is a tree, shown on the site and in the kit
as nested lists (a screen reader says each level and how many it holds).
"""

from __future__ import annotations

from typing import Annotated, Union

from pydantic import Discriminator, Field, Tag, model_validator

from macros.models.base import ErreurLocalisee, Modele, Suivi, Texte, champ_suivi, facultatif, liste
from macros.models.listes import chemin_trop_profond

# Six levels (direction, pôle, service, unité…) hold a hospital's chart; deeper, a phone's
# screen has no width left for the names.
PROFONDEUR_MAXIMALE = 6


def _entity_kind(value: object) -> str:
    return "unite" if isinstance(value, dict | Unite) else "texte"


# A name, or a unit with its own entities: chosen by the value's shape (as blocs.Element).
Entite = Annotated[
    Union[Annotated[Texte, Tag("texte")], Annotated["Unite", Tag("unite")]],  # noqa: UP007
    Discriminator(_entity_kind),
]


class Unite(Modele):
    """A unit of the chart that has a head or units under it (a plain entity is its name)."""

    nom: Texte = Field(description="Nom de l'unité (« Direction des soins »).")
    responsable: Texte | None = facultatif("Qui la dirige (« Mme Durand, directrice des soins »).")
    entites: list[Entite] | None = Field(
        default=None, min_length=1, description="Facultatif : les unités placées sous elle, dans l'ordre "
        "(chacune un nom, ou « nom » et ses propres « entites »).")


class Organigramme(Modele):
    """Organisation chart (possibly partial), as a tree of units."""

    suivi: Suivi | None = champ_suivi()
    titre: Texte | None = facultatif(
        "Titre de l'organigramme ; sans titre, la page l'intitule « L'organigramme »."
    )
    introduction: list[Texte] = Field(
        default=[],
        description="Facultatif : paragraphes qui présentent l'organisation, avant l'organigramme.")
    complet: bool = Field(description="false si le document n'en donne qu'un extrait.")
    entites: list[Entite] = liste(
        "Les entités, dans l'ordre : un nom, ou « nom » (et « responsable ») avec les « entites » "
        f"placées sous elle ({PROFONDEUR_MAXIMALE} niveaux au plus).")

    @model_validator(mode="after")
    def _not_too_deep(self) -> Organigramme:
        path = chemin_trop_profond(self.entites, "entites", PROFONDEUR_MAXIMALE)
        if path:
            raise ErreurLocalisee(f"l'organigramme ne peut pas avoir plus de {PROFONDEUR_MAXIMALE} niveaux : "
                                  "rattachez ces unités au niveau du dessus.", "entites", *path)
        return self
