"""Agents' obligations and rights, with the definitions the text gives."""

from __future__ import annotations

from pydantic import Field, model_validator

from macros.models.base import (
    ErreurLocalisee,
    Identifiant,
    Modele,
    Suivi,
    Texte,
    champ_suivi,
    facultatif,
    liste,
)


class Precision(Modele):
    """A named detail of a rule (for example « Obligation d'exercice entier »)."""

    titre: Texte = Field(description="Nom du point précisé.")
    texte: Texte = Field(description="Explication.")


class Regle(Modele):
    """One obligation or one right, with its explanation."""

    id: Identifiant
    titre: Texte = Field(description="Nom de l'obligation ou du droit.")
    texte: list[Texte] = Field(default=[], description="Explication, en un ou plusieurs paragraphes.")
    precisions: list[Precision] = Field(default=[], description="Points détaillés, s'il y en a.")
    points: list[Texte] = Field(default=[], description="Énumération (services, types de congés...).")
    suite: list[Texte] = Field(default=[], description="Paragraphes après les précisions.")


class Definition(Modele):
    """Definition of a term used in the obligations."""

    id: Identifiant
    terme: Texte = Field(description="Le terme défini.")
    definition: list[Texte] = liste("La définition.")


class DroitsObligations(Modele):
    """The fundamentals of being a public agent here."""

    suivi: Suivi | None = champ_suivi()
    titre: Texte | None = facultatif("Titre de la partie.")
    introduction: list[Texte] = Field(default=[], description="Paragraphes d'introduction.")
    obligations_intro: Texte | None = facultatif("Paragraphe qui introduit les obligations.")
    obligations: list[Regle] = Field(default=[], description="Les obligations des agents.")
    definitions: list[Definition] = Field(default=[], description="Définitions des notions.")
    droits: list[Regle] = Field(default=[], description="Les droits des agents.")
    application: Texte | None = facultatif("Rappel que ces principes s'appliquent ici.")
    documents_intro: Texte | None = facultatif("Phrase qui introduit les documents opposables.")
    documents_opposables: list[Texte] = Field(
        default=[], description="Documents opposables aux agents."
    )

    @model_validator(mode="after")
    def _au_moins_une_regle(self) -> DroitsObligations:
        if not (self.obligations or self.droits):
            raise ErreurLocalisee("le document doit donner au moins une obligation (« obligations ») "
                                  "ou un droit (« droits »).", selon=(("obligations",), ("droits",)))
        return self
