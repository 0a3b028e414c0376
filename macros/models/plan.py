"""The continuous-improvement plan: axes, objectives, actions."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from macros.models.base import ErreurLocalisee, Modele, Suivi, Texte, champ_suivi, liste

Horizon = Literal["victoire-rapide", "moyen-terme", "grand-projet"]
Statut = Literal["non-renseigne", "a-lancer", "en-cours", "fait"]

HORIZONS: dict[str, str] = {
    "victoire-rapide": "Victoire rapide",
    "moyen-terme": "Moyen terme",
    "grand-projet": "Grand projet",
}
STATUTS: dict[str, str] = {
    "non-renseigne": "Non renseigné",
    "a-lancer": "À lancer",
    "en-cours": "En cours",
    "fait": "Fait",
}


class Action(Modele):
    """One concrete action."""

    texte: Texte = Field(description="L'action, telle qu'écrite.")
    horizon: Horizon = Field(description="Victoire rapide, moyen terme ou grand projet.")
    statut: Statut = Field(
        default="non-renseigne",
        description="Où en est l'action. « non-renseigne » tant que le document ne dit rien.",
    )
    precisions: list[Texte] = Field(default=[], description="Sous-points de l'action.")

    @property
    def horizon_libelle(self) -> str:
        return HORIZONS[self.horizon]

    @property
    def statut_libelle(self) -> str:
        return STATUTS[self.statut]


class Objectif(Modele):
    """A strategic objective and its actions."""

    suivi: Suivi | None = champ_suivi()
    numero: Texte = Field(pattern=r"^\d+\.\d+$", description="Numéro « axe.rang », par exemple « 2.7 ».")
    axe: int = Field(ge=1, description="Numéro de l'axe auquel l'objectif appartient.")
    titre: Texte = Field(description="Intitulé de l'objectif.")
    actions: list[Action] = liste("Les actions de l'objectif.")

    @property
    def ancre(self) -> str:
        return "objectif-" + self.numero.replace(".", "-")


class Axe(Modele):
    """One of the four cardinal points of the plan."""

    numero: int = Field(ge=1, description="Numéro de l'axe.")
    titre: Texte = Field(description="Titre de l'axe.")
    devise: Texte = Field(description="Sous-titre de l'axe.")

    @property
    def ancre(self) -> str:
        return f"axe-{self.numero}"


class Plan(Modele):
    """The plan d'amélioration continue."""

    suivi: Suivi | None = champ_suivi()
    titre: Texte = Field(description="Titre de la partie.")
    introduction: list[Texte] = liste("Paragraphes d'introduction.")
    fiche_projet: Texte = Field(description="Ce que contiendra la fiche projet de chaque action.")
    axes: list[Axe] = liste("Les axes.")
    objectifs: list[Objectif] = liste("Les objectifs, chacun rattaché à un axe.")

    @model_validator(mode="after")
    def _references(self) -> Plan:
        axes = {axe.numero for axe in self.axes}
        seen: set[str] = set()
        for index, objectif in enumerate(self.objectifs):
            if objectif.axe not in axes:
                raise ErreurLocalisee(
                    f"l'objectif {objectif.numero} est rattaché à l'axe {objectif.axe}, qui "
                    f"n'existe pas (axes connus : {', '.join(str(n) for n in sorted(axes))}).",
                    "objectifs", index, "axe",
                )
            if not objectif.numero.startswith(f"{objectif.axe}."):
                raise ErreurLocalisee(
                    f"l'objectif {objectif.numero} est rattaché à l'axe {objectif.axe} : "
                    f"son numéro devrait commencer par « {objectif.axe}. ».",
                    "objectifs", index, "numero",
                )
            if objectif.numero in seen:
                raise ErreurLocalisee(f"deux objectifs portent le numéro {objectif.numero}.",
                                      "objectifs", index, "numero")
            seen.add(objectif.numero)
        return self

    def objectifs_de(self, axe: Axe) -> list[Objectif]:
        return [objectif for objectif in self.objectifs if objectif.axe == axe.numero]

    @property
    def actions(self) -> list[tuple[Objectif, Action]]:
        return [(objectif, action) for objectif in self.objectifs for action in objectif.actions]
