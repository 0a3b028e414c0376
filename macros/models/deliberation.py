"""The council decision that adopted the document."""

from __future__ import annotations

from pydantic import Field, NonNegativeInt

from macros.models.base import Modele, Suivi, Texte, champ_suivi, facultatif, nomme


class Pouvoir(Modele):
    """A proxy vote: who gave it to whom."""

    mandant: Texte = Field(description="Élu absent qui a donné pouvoir.")
    mandataire: Texte = Field(description="Élu qui a reçu le pouvoir.")


class Vote(Modele):
    """The result of the vote: the result always, the counts when the register gives them."""

    pour: NonNegativeInt | None = facultatif("Nombre de voix pour.")
    abstention: NonNegativeInt | None = facultatif("Nombre d'abstentions.")
    contre: NonNegativeInt | None = facultatif("Nombre de voix contre.")
    resultat: Texte = Field(description="Résultat proclamé, par exemple « Adopté ».")


class Deliberation(Modele):
    """Extract of the register of deliberations.

    Only what identifies the decision is required (who decided, when, on what, with
    which result, from when it applies); every other mention of the register is
    optional and shown only when given.
    """

    suivi: Suivi | None = champ_suivi()
    instance: Texte = Field(description="Assemblée qui a délibéré.")
    titre_registre: Texte | None = facultatif("Intitulé de l'extrait de registre.")
    date_seance: Texte = Field(description="Date de la séance, en toutes lettres.")
    preambule: Texte | None = facultatif("La phrase d'ouverture (« L'an deux mille... »).",
                                         **nomme("Préambule"))
    heure: Texte | None = facultatif("Heure d'ouverture de la séance.")
    lieu: Texte | None = facultatif("Lieu de la séance.")
    presidence: Texte | None = facultatif("Qui préside la séance.")
    date_convocation: Texte | None = facultatif("Date de la convocation et de son affichage.")
    conseillers_en_exercice: NonNegativeInt | None = facultatif("Nombre de conseillers.")
    presents_nombre: NonNegativeInt | None = facultatif("Nombre de présents à la séance.")
    presents: list[Texte] = Field(default=[], description="Élus présents, dans l'ordre du registre.")
    pouvoirs: list[Pouvoir] = Field(default=[], description="Pouvoirs donnés.")
    absents: list[Texte] = Field(default=[], description="Élus absents.")
    secretaire: Texte | None = facultatif("Désignation du secrétaire de séance.")
    numero: Texte | None = facultatif("Numéro de la délibération (« 3-01 »).")
    objet: Texte = Field(description="Objet de la délibération.")
    service: Texte | None = facultatif("Service qui porte le rapport.")
    rapporteur: Texte | None = facultatif("Rapporteur.")
    visas: list[Texte] = Field(default=[], description="Les « Vu ... », dans l'ordre.")
    considerants: list[Texte] = Field(default=[], description="Les « Considérant ... », dans l'ordre.")
    formule_decision: Texte | None = facultatif("La phrase qui introduit les décisions.",
                                                **nomme("Formule de décision", "f"))
    decisions: list[Texte] = Field(
        default=[], description="Ce que le conseil décide, article par article."
    )
    date_application: Texte = Field(description="Date d'entrée en application.")
    voies_de_recours: Texte | None = facultatif("Mention des voies et délais de recours.")
    vote: Vote = Field(description="Résultat du vote.")
    mentions: list[Texte] = Field(default=[], description="Mentions finales de l'extrait.")
    signataire: Texte | None = facultatif("Nom et qualité du signataire.")
