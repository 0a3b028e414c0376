"""A values charter: values, each with commitments per role.

Both kinds of charter fit here: the Pas-de-Calais charter (every agent commits at
three levels) and Béthune's charte managériale (the manager's commitments). The
view by role is built from `roles` and each value's `engagements`.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from macros.models.base import (
    Constats,
    Identifiant,
    Modele,
    Suivi,
    Texte,
    champ_suivi,
    liste,
    reference,
)


class Role(Modele):
    """A role a reader may hold (agent, member of a team, manager)."""

    id: Identifiant
    nom: Texte = Field(description="Nom du rôle tel que la charte l'écrit (« À titre individuel »).")
    lecteur: Texte | None = Field(default=None, description=(
        "Facultatif : qui se reconnaît dans ce rôle (« Agent », « Manager »), quand le nom du "
        "rôle ne le dit pas déjà."))
    description: Texte | None = Field(default=None, description="Ce que recouvre ce rôle.")

    @property
    def libelle(self) -> str:
        """What a reader picks the role by: « Agent », or the role's name."""
        return self.lecteur or self.nom

    @property
    def titre(self) -> str:
        """« Agent — À titre individuel », but « Chaque agent » alone when both say the same."""
        if not self.lecteur or self.lecteur.casefold().rstrip("s") in self.nom.casefold():
            return self.nom
        return f"{self.lecteur} — {self.nom}"


class Engagements(Modele):
    """The commitments of one role for one value."""

    role: Identifiant = Field(description="Identifiant d'un rôle déclaré dans « roles ».",
                              json_schema_extra=reference("charte", "roles"))
    liste: list[Texte] = liste("Les engagements, dans l'ordre.")


class Valeur(Modele):
    """One value of the charter."""

    id: Identifiant
    nom: Texte = Field(description="Nom de la valeur (« La confiance », « Équité »).")
    definition: list[Texte] = Field(default=[], description="Définition ou principes de la valeur.")
    engagement_intro: Texte | None = Field(
        default=None, description="Phrase qui introduit les engagements (« chacun s'engage à »)."
    )
    engagements: list[Engagements] = Field(default=[], description="Engagements, groupés par rôle.")


class Charte(Modele):
    """The values charter."""

    suivi: Suivi | None = champ_suivi()
    titre: Texte = Field(description="Titre de la charte.")
    sous_titre: Texte | None = Field(default=None, description="Sous-titre.")
    introduction: list[Texte] = Field(default=[], description="Paragraphes d'introduction.")
    roles: list[Role] = Field(
        default=[], description="Les rôles auxquels s'adressent les engagements, s'il y en a."
    )
    valeurs_intro: list[Texte] = Field(default=[], description="Paragraphes avant les valeurs.")
    valeurs: list[Valeur] = liste("Les valeurs, dans l'ordre de la charte.")
    conclusion: list[Texte] = Field(
        default=[], description="Paragraphes qui suivent la liste des valeurs, avant leur détail."
    )

    @model_validator(mode="after")
    def _roles_exist(self) -> Charte:
        erreur = Constats()
        known = {role.id for role in self.roles}
        for v, valeur in enumerate(self.valeurs):
            for g, groupe in enumerate(valeur.engagements):
                if groupe.role not in known:
                    erreur(f"la valeur « {valeur.nom} » cite le rôle « {groupe.role} », qui "
                           f"n'est pas déclaré dans « roles » (rôles connus : {', '.join(sorted(known))}).",
                           "valeurs", v, "engagements", g, "role", selon=(("roles",),))
        erreur.lever()
        return self

    def engagements_du_role(self, role_id: str) -> list[tuple[Valeur, list[str]]]:
        """Every commitment of one role, value by value (the view by role)."""
        found = []
        for valeur in self.valeurs:
            items = [text for groupe in valeur.engagements if groupe.role == role_id
                     for text in groupe.liste]
            if items:
                found.append((valeur, items))
        return found
