"""The accessibility statement (« déclaration d'accessibilité ») in the RGAA form.

Only the facts that belong to one organisation live here: its compliance state,
its audit if one was made, its contact. The legal text that is the same for every
French public body (voies de recours, Défenseur des droits) is in the fragment.
A fact the organisation has not supplied yet is written « à compléter » in the
data, and the page shows it as such instead of inventing it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from macros.models.base import ErreurLocalisee, Modele, Suivi, Texte, champ_suivi

A_COMPLETER = "à compléter"
ACompleter = Literal["à compléter"]

EtatConformite = Literal["totalement-conforme", "partiellement-conforme", "non-conforme"]

ETATS: dict[str, str] = {
    "totalement-conforme": "totalement conforme",
    "partiellement-conforme": "partiellement conforme",
    "non-conforme": "non conforme",
}


class Audit(Modele):
    """An RGAA compliance audit of the site, as its report states it."""

    date: Texte = Field(description="Date de l'audit, telle qu'elle figure dans le rapport.")
    realise_par: Texte = Field(description="Qui a réalisé l'audit (service interne ou prestataire).")
    taux_conformite: float = Field(
        ge=0, le=100, description="Pourcentage de critères RGAA respectés, par exemple 72.5."
    )
    environnement: list[Texte] = Field(
        default=[], description="Combinaisons navigateur et technologie d'assistance utilisées."
    )
    outils: list[Texte] = Field(default=[], description="Outils utilisés pour évaluer l'accessibilité.")
    pages: list[Texte] = Field(default=[], description="Pages de l'échantillon audité.")


class Contact(Modele):
    """How a user reports an accessibility problem (at least one way)."""

    service: Texte = Field(description="Service ou personne responsable de l'accessibilité du site.")
    courriel: Texte | None = Field(
        default=None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", description="Adresse électronique."
    )
    formulaire: Texte | None = Field(
        default=None, pattern=r"^https://", description="Adresse (https://…) d'un formulaire de contact."
    )
    telephone: Texte | None = Field(default=None, description="Numéro de téléphone.")
    adresse_postale: Texte | None = Field(default=None, description="Adresse postale complète.")

    @model_validator(mode="after")
    def _au_moins_un_moyen(self) -> Contact:
        if not (self.courriel or self.formulaire or self.telephone or self.adresse_postale):
            raise ValueError("le contact doit donner au moins un moyen : courriel, formulaire, "
                             "telephone ou adresse_postale.")
        return self


class DeclarationAccessibilite(Modele):
    """The organisation's facts for the RGAA accessibility statement of this site."""

    suivi: Suivi | None = champ_suivi()
    etat: EtatConformite = Field(
        description="État de conformité au RGAA. « non-conforme » tant qu'aucun audit n'a été "
        "réalisé (c'est l'état que la loi impose alors)."
    )
    version_rgaa: Texte = Field(description="Version du RGAA de référence, par exemple « 4.1.2 ».")
    date_declaration: Texte = Field(
        description="Date d'établissement de la déclaration, ou « à compléter »."
    )
    audit: Audit | Literal["aucun"] = Field(
        description="L'audit RGAA du site, ou « aucun » si aucun audit n'a été réalisé."
    )
    non_conformites: list[Texte] = Field(
        default=[], description="Contenus non conformes relevés par l'audit."
    )
    derogations: list[Texte] = Field(
        default=[], description="Contenus dérogeant pour charge disproportionnée, avec la raison."
    )
    contenus_non_soumis: list[Texte] = Field(
        default=[], description="Contenus non soumis à l'obligation d'accessibilité."
    )
    contact: Contact | ACompleter = Field(
        description="Le contact pour signaler un défaut d'accessibilité, ou « à compléter »."
    )

    @model_validator(mode="after")
    def _etat_justifie_par_l_audit(self) -> DeclarationAccessibilite:
        # RGAA: « totalement » = 100 % des critères, « partiellement » = au moins 50 %,
        # « non conforme » = moins de 50 % ou aucun audit. A claim needs its audit.
        if self.audit == "aucun":
            if self.etat != "non-conforme":
                raise ErreurLocalisee(
                    f"l'état « {self.etat} » suppose un audit : décrivez-le sous « audit », ou "
                    "écrivez « etat: non-conforme » (l'état légal tant qu'aucun audit n'est fait).",
                    "etat")
            if self.non_conformites:
                raise ErreurLocalisee("des non-conformités sont listées sans audit : décrivez "
                                      "l'audit qui les a relevées sous « audit ».", "non_conformites")
            return self
        taux = self.audit.taux_conformite
        attendu = {"totalement-conforme": taux == 100,
                   "partiellement-conforme": 50 <= taux < 100,
                   "non-conforme": taux < 50}[self.etat]
        if not attendu:
            raise ErreurLocalisee(
                f"l'état « {self.etat} » ne correspond pas au taux de l'audit ({taux:g} %) : "
                "100 % = totalement-conforme, 50 % ou plus = partiellement-conforme, "
                "moins de 50 % = non-conforme.", "etat")
        return self

    @property
    def etat_libelle(self) -> str:
        return ETATS[self.etat]

    @property
    def a_ete_audite(self) -> bool:
        return self.audit != "aucun"

    @property
    def date_a_completer(self) -> bool:
        return self.date_declaration == A_COMPLETER

    @property
    def contact_a_completer(self) -> bool:
        return self.contact == A_COMPLETER

    @property
    def a_completer(self) -> list[str]:
        """Names of the facts still missing, for the notice at the top of the page."""
        manquants = []
        if self.date_a_completer:
            manquants.append("la date de la déclaration")
        if self.contact_a_completer:
            manquants.append("le contact")
        return manquants
