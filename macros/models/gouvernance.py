"""Governance: the pact of trust, the instances, the actors' roles."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from macros.models.base import (
    Constats,
    Identifiant,
    Modele,
    Suivi,
    Texte,
    champ_suivi,
    facultatif,
    liste,
    nomme,
    reference,
)

Rythme = Literal[
    "hebdomadaire", "bimensuelle", "mensuelle", "trimestrielle", "semestrielle",
    "annuelle", "plusieurs-fois-par-an", "selon-besoin", "non-precise",
]

RYTHMES: dict[str, str] = {
    "hebdomadaire": "Chaque semaine",
    "bimensuelle": "Deux fois par mois",
    "mensuelle": "Chaque mois",
    "trimestrielle": "Chaque trimestre",
    "semestrielle": "Chaque semestre",
    "annuelle": "Chaque année",
    "plusieurs-fois-par-an": "Plusieurs fois par an",
    "selon-besoin": "Selon les besoins",
    "non-precise": "Rythme non précisé",
}

# Rhythms too vague to stand for what the document wrote: beside them the calendar shows the
# written frequency (« 3 fois par an », not only « Plusieurs fois par an »).
RYTHMES_VAGUES = frozenset({"plusieurs-fois-par-an", "selon-besoin", "non-precise"})

# The columns of a table of instances after the name, in order, with the words of its caption.
# A column no row of the table fills is not shown (site and kit).
COLONNES_INSTANCES: dict[str, str] = {
    "composition": "composition", "presidence": "présidence", "frequence": "fréquence",
    "fonctions": "fonctions",
}


class Legitimite(Modele):
    """Who holds which legitimacy, and the roles that follow."""

    acteurs: Texte = Field(description="Les acteurs (« Les élus »).")
    legitimite: Texte = Field(description="Leur légitimité (« légitimité politique »).")
    roles: list[Texte] = Field(default=[], description="Les rôles qui en découlent.")


class Principe(Modele):
    """One of the two principles of the pact (services / élus)."""

    acteurs: Texte = Field(description="À qui s'applique le principe (« Des services »).")
    texte: list[Texte] = liste("Ce qui est attendu d'eux.")


class Pacte(Modele):
    """The pact of trust between elected officials and the administration."""

    titre: Texte | None = facultatif(
        "Titre de la partie ; sans titre, la page l'intitule « Le pacte de confiance »."
    )
    enjeux: list[Texte] = Field(default=[], description="Les enjeux communs.")
    legitimites: list[Legitimite] = Field(default=[], description="Les légitimités différentes.")
    texte: Texte | None = facultatif("Paragraphe sur le pacte de confiance.")
    principes: list[Principe] = Field(
        default=[], description="Les principes « rôles et responsabilités »."
    )


class Categorie(Modele):
    """A family of instances, as the document's tables group them."""

    id: Identifiant
    titre: Texte = Field(description="Titre de la famille (« Instances obligatoires »).")
    nature: Literal["politique", "administrative", "mixte"] = Field(
        description="Politique (élus), administrative (agents) ou mixte."
    )
    notes: list[Texte] = Field(default=[], description="Renvois et précisions du tableau.")


class Instance(Modele):
    """One meeting body: who sits, who chairs, how often, what for."""

    suivi: Suivi | None = champ_suivi()
    id: Identifiant
    nom: Texte = Field(description="Nom de l'instance.")
    sigle: Texte | None = Field(default=None, description="Sigle, s'il y en a un.")
    categorie: Identifiant | None = Field(
        default=None,
        description="Identifiant d'une famille de « categories » (obligatoire dès que "
                    "« categories » est rempli).",
        json_schema_extra=reference("gouvernance", "categories", libelle="titre"))
    composition: Texte | None = Field(default=None, description="Qui y siège.")
    president: Texte | None = Field(default=None, description="Qui la préside.")
    rapporteurs: Texte | None = Field(default=None, description="Qui y rapporte.")
    frequence: Texte | None = Field(default=None, description="Fréquence, telle qu'écrite.")
    rythme: Rythme | None = facultatif(
        "Rythme normalisé, pour le calendrier ; sans rythme, l'instance n'y figure pas."
    )
    fonctions: list[Texte] = Field(default=[], description="Ses fonctions.")
    note: Texte | None = Field(default=None, description="Renvoi en bas de tableau.")

    @property
    def rythme_libelle(self) -> str:
        """French label of the normalised rhythm."""
        return RYTHMES[self.rythme] if self.rythme else ""

    @property
    def frequence_precise(self) -> str | None:
        """The written frequency, when it says more than a vague rhythm (« 3 fois par an »)."""
        if self.rythme not in RYTHMES_VAGUES or not self.frequence:
            return None
        return None if self.frequence.casefold() == RYTHMES[self.rythme].casefold() else self.frequence

    @property
    def colonnes_remplies(self) -> frozenset[str]:
        """The columns of its table this instance has something to show in."""
        valeurs = {"composition": self.composition, "presidence": self.president or self.rapporteurs,
                   "frequence": self.frequence, "fonctions": self.fonctions or self.note}
        return frozenset(colonne for colonne, valeur in valeurs.items() if valeur)


class Acteur(Modele):
    """The role of one political actor."""

    id: Identifiant
    nom: Texte = Field(description="L'acteur (« Le Maire »).")
    missions: list[Texte] = liste("Ce qu'il fait.")


class Liaison(Modele):
    """How a subject travels from one instance to another, as the document states it.

    Drawn on the governance map. `citations` must be copied word for word from
    the texts of this file (articulation, or the two instances' composition,
    fréquence, fonctions, note): the map never shows a link the source does not make.
    """

    de: Identifiant = Field(description="Identifiant de l'instance d'où part le sujet.",
                            json_schema_extra=reference("gouvernance", "instances"))
    vers: Identifiant = Field(description="Identifiant de l'instance où le sujet est porté ensuite.",
                              json_schema_extra=reference("gouvernance", "instances"))
    motif: Texte = Field(description="Pourquoi le sujet y va, en quelques mots repris du document.")
    citations: list[Texte] = liste(
        "Passages qui établissent ce lien, recopiés mot pour mot depuis ce fichier "
        "(articulation, ou composition, fréquence, fonctions ou note de l'une des deux instances)."
    )


class Gouvernance(Modele):
    """Everything about who decides and where."""

    suivi: Suivi | None = champ_suivi()
    pacte: Pacte | None = facultatif("Le pacte de confiance.")
    instances_titre: Texte | None = facultatif(
        "Titre de la partie sur les instances ; sans titre, la page l'intitule « Les instances »."
    )
    categories: list[Categorie] = Field(
        default=[],
        description="Les familles d'instances ; sans familles, les instances forment un seul tableau.",
    )
    instances: list[Instance] = liste("Les instances.")
    acteurs_titre: Texte | None = facultatif(
        "Titre de la partie sur les acteurs ; sans titre, la page l'intitule « Le rôle des acteurs »."
    )
    acteurs: list[Acteur] = Field(default=[], description="Le rôle des différents acteurs.")
    articulation_titre: Texte | None = facultatif(
        "Titre de la partie sur l'articulation ; sans titre, la page l'intitule "
        "« L'articulation des instances »."
    )
    articulation: list[Texte] = Field(default=[], description="Comment les instances s'articulent.")
    organisation: list[Texte] = Field(default=[], description="Comment l'administration est organisée.")
    dialogue_social: list[Texte] = Field(default=[], description="Le dialogue social.")
    liaisons: list[Liaison] = Field(
        default=[], **nomme("Liens entre les instances", "mp"),
        description="Facultatif : comment un sujet passe d'une instance à une autre, chaque lien "
                    "justifié par une citation du document (dessiné sur la carte de la gouvernance).",
    )

    @model_validator(mode="after")
    def _categories_exist(self) -> Gouvernance:
        erreur = Constats()
        known = {categorie.id for categorie in self.categories}
        for index, instance in enumerate(self.instances):
            if instance.categorie is None:
                if known:
                    erreur(f"l'instance « {instance.nom} » n'indique pas sa famille : dès que "
                           f"« categories » est rempli, chaque instance en cite une avec "
                           f"« categorie » (familles connues : {', '.join(sorted(known))}).",
                           "instances", index, selon=(("categories",),))
                continue
            if instance.categorie not in known:
                erreur(f"l'instance « {instance.nom} » est rangée dans la famille "
                       f"« {instance.categorie} », qui n'existe pas dans « categories » "
                       + (f"(familles connues : {', '.join(sorted(known))})." if known
                          else "(aucune famille n'y est déclarée)."),
                       "instances", index, "categorie", selon=(("categories",),))
        erreur.lever()
        return self

    @model_validator(mode="after")
    def _liaisons_sourcees(self) -> Gouvernance:
        erreur = Constats()
        instances = {instance.id: instance for instance in self.instances}
        for index, liaison in enumerate(self.liaisons):
            inconnues = [champ for champ in ("de", "vers") if getattr(liaison, champ) not in instances]
            for champ in inconnues:
                erreur(f"la liaison n° {index + 1} cite l'instance « {getattr(liaison, champ)} », "
                       f"qui n'existe pas dans « instances ».",
                       "liaisons", index, champ, selon=(("instances",),))
            if liaison.de == liaison.vers:
                erreur("une liaison relie deux instances différentes.", "liaisons", index, "vers")
            if inconnues or liaison.de == liaison.vers:
                continue
            sources = _textes_sources(self, instances[liaison.de], instances[liaison.vers])
            for rang, citation in enumerate(liaison.citations):
                if " ".join(citation.split()) not in sources:
                    erreur(f"la citation « {citation} » ne se trouve mot pour mot ni dans "
                           f"« articulation » ni dans les instances « {liaison.de} » et "
                           f"« {liaison.vers} » : recopiez le passage du document qui établit ce lien.",
                           "liaisons", index, "citations", rang,
                           selon=(("instances",), ("articulation",), ("organisation",)))
        erreur.lever()
        return self

    @property
    def titre_pacte(self) -> str:
        """Heading of the pact part: the document's own title, or a plain one."""
        return self.pacte.titre if self.pacte and self.pacte.titre else "Le pacte de confiance"

    @property
    def titre_instances(self) -> str:
        return self.instances_titre or "Les instances"

    @property
    def titre_acteurs(self) -> str:
        return self.acteurs_titre or "Le rôle des acteurs"

    @property
    def titre_articulation(self) -> str:
        return self.articulation_titre or "L'articulation des instances"

    @staticmethod
    def colonnes(instances: list[Instance]) -> list[str]:
        """The columns at least one of these instances fills, in table order."""
        remplies = frozenset().union(*(instance.colonnes_remplies for instance in instances))
        return [colonne for colonne in COLONNES_INSTANCES if colonne in remplies]

    @staticmethod
    def legende(titre: str, colonnes: list[str]) -> str:
        """« Instances : composition, présidence et fréquence », naming only the columns shown."""
        mots = [COLONNES_INSTANCES[colonne] for colonne in colonnes]
        if not mots:
            return titre
        return f"{titre} : " + (", ".join(mots[:-1]) + " et " + mots[-1] if len(mots) > 1 else mots[0])

    def instances_de(self, categorie_id: str) -> list[Instance]:
        """The instances of one family, in document order."""
        return [instance for instance in self.instances if instance.categorie == categorie_id]


def _textes_sources(g: Gouvernance, *instances: Instance) -> str:
    """The texts a liaison may quote, spaces folded, one passage per line."""
    textes = [*g.articulation, *g.organisation]
    for instance in instances:
        textes += [instance.composition or "", instance.frequence or "", instance.note or "",
                   *instance.fonctions]
    return "\n".join(" ".join(texte.split()) for texte in textes)
