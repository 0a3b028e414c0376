"""The council decision that adopted the document."""

from __future__ import annotations

from pydantic import Field, NonNegativeInt

from macros.models.base import Modele, Suivi, Texte, champ_suivi, liste


class Pouvoir(Modele):
    """A proxy vote: who gave it to whom."""

    mandant: Texte = Field(description="Élu absent qui a donné pouvoir.")
    mandataire: Texte = Field(description="Élu qui a reçu le pouvoir.")


class Vote(Modele):
    """The result of the vote."""

    pour: NonNegativeInt = Field(description="Nombre de voix pour.")
    abstention: NonNegativeInt = Field(description="Nombre d'abstentions.")
    contre: NonNegativeInt = Field(description="Nombre de voix contre.")
    resultat: Texte = Field(description="Résultat proclamé, par exemple « Adopté ».")


class Deliberation(Modele):
    """Extract of the register of deliberations."""

    suivi: Suivi | None = champ_suivi()
    instance: Texte = Field(description="Assemblée qui a délibéré.")
    titre_registre: Texte = Field(description="Intitulé de l'extrait de registre.")
    date_seance: Texte = Field(description="Date de la séance, en toutes lettres.")
    preambule: Texte = Field(description="La phrase d'ouverture (« L'an deux mille... »).")
    heure: Texte = Field(description="Heure d'ouverture de la séance.")
    lieu: Texte = Field(description="Lieu de la séance.")
    presidence: Texte = Field(description="Qui préside la séance.")
    date_convocation: Texte = Field(description="Date de la convocation et de son affichage.")
    conseillers_en_exercice: NonNegativeInt = Field(description="Nombre de conseillers.")
    presents_nombre: NonNegativeInt = Field(description="Nombre de présents à la séance.")
    presents: list[Texte] = liste("Élus présents, dans l'ordre du registre.")
    pouvoirs: list[Pouvoir] = Field(default=[], description="Pouvoirs donnés.")
    absents: list[Texte] = Field(default=[], description="Élus absents.")
    secretaire: Texte = Field(description="Désignation du secrétaire de séance.")
    numero: Texte = Field(description="Numéro de la délibération (« 3-01 »).")
    objet: Texte = Field(description="Objet de la délibération.")
    service: Texte = Field(description="Service qui porte le rapport.")
    rapporteur: Texte = Field(description="Rapporteur.")
    visas: list[Texte] = liste("Les « Vu ... », dans l'ordre.")
    considerants: list[Texte] = liste("Les « Considérant ... », dans l'ordre.")
    formule_decision: Texte = Field(description="La phrase qui introduit les décisions.")
    decisions: list[Texte] = liste("Ce que le conseil décide, article par article.")
    date_application: Texte = Field(description="Date d'entrée en application.")
    voies_de_recours: Texte = Field(description="Mention des voies et délais de recours.")
    vote: Vote = Field(description="Résultat du vote.")
    mentions: list[Texte] = Field(default=[], description="Mentions finales de l'extrait.")
    signataire: Texte = Field(description="Nom et qualité du signataire.")
