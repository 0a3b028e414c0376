"""The action plan: its axes, optional objectives, actions, and its own vocabulary.

A plan has the shape its organisation gave it: axes holding objectives holding actions
(Béthune), or axes holding actions directly; horizons or none; its own list of statuses,
each saying what it means for the follow-up (`sens`), so that « en retard » is computed
from the échéance and never typed.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Annotated, Literal

from pydantic import Field, PlainValidator, WithJsonSchema, model_validator

from macros.models.base import (
    Constats,
    Identifiant,
    Modele,
    Suivi,
    Texte,
    champ_suivi,
    liste,
    nomme,
    reference,
)
from macros.models.plan_action import Action
from macros.text.francais import pluriel

# What a status means for the follow-up, whatever the organisation calls it.
Sens = Literal["non-renseigne", "a-venir", "en-cours", "en-pause", "realise", "abandonne"]
# Statuses after which an action can no longer be late.
SENS_TERMINES: frozenset[str] = frozenset({"realise", "abandonne"})

# What a fiche may be expected to name (Béthune: « un service pilote, les services
# contributeurs, les partenaires extérieurs éventuels, le calendrier envisagé »).
Attendu = Literal["pilote", "contributeurs", "partenaires", "calendrier", "indicateurs"]


class StatutDuPlan(Modele):
    """One status of the plan's own vocabulary."""

    cle: Identifiant = Field(description="Clé écrite dans le champ « statut » des actions.")
    libelle: Texte = Field(description="Nom affiché (« En cours »).")
    sens: Sens = Field(description="Ce que le statut veut dire pour le suivi : non-renseigne, a-venir, "
                       "en-cours, en-pause, realise ou abandonne (une action realise ou abandonne "
                       "n'est jamais en retard).")


class HorizonDuPlan(Modele):
    """One horizon of the plan (Béthune: victoire rapide, moyen terme, grand projet)."""

    cle: Identifiant = Field(description="Clé écrite dans le champ « horizon » des actions.")
    libelle: Texte = Field(description="Nom affiché (« Moyen terme »).")


STATUTS_PAR_DEFAUT: tuple[StatutDuPlan, ...] = tuple(
    StatutDuPlan(cle=cle, libelle=libelle, sens=cle) for cle, libelle in (
        ("a-venir", "À venir"), ("en-cours", "En cours"), ("en-pause", "En pause"),
        ("realise", "Réalisé"), ("abandonne", "Abandonné")))


# An axe numbered as the plan numbers it: 1, 2, 3… or by letters (« A », « B », « IV »).
MOTIF_LETTRES = r"^[A-Z]{1,4}$"
MOTIF_NUMERO_AXE = r"^([1-9][0-9]*|[A-Z]{1,4})$"


def _numero_axe(value: object) -> int | str:
    """« 2 » (every YAML scalar is a text) → 2; « A » stays « A »; anything else is refused in
    French, once (a union of two types would give two English messages)."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    if isinstance(value, str):
        texte = value.strip()
        if re.fullmatch(r"[1-9][0-9]*", texte):
            return int(texte)
        if re.fullmatch(MOTIF_LETTRES, texte):
            return texte
    if isinstance(value, list | dict):
        forme = "une liste" if isinstance(value, list) else "un bloc de champs"
        raise ValueError(f"un numéro d'axe est un nombre (1, 2…) ou une lettre (A, B…), pas {forme}.")
    raise ValueError(f"« {value} » n'est pas un numéro d'axe : écrivez un nombre (1, 2…) ou, si le plan "
                     "numérote ses axes par des lettres, une ou quelques majuscules (A, B…).")


NumeroAxe = Annotated[int | str, PlainValidator(_numero_axe), WithJsonSchema({"anyOf": [
    {"type": "integer", "minimum": 1}, {"type": "string", "pattern": MOTIF_LETTRES}]})]


class Objectif(Modele):
    """A strategic objective of an axe, and its actions."""

    suivi: Suivi | None = champ_suivi()
    numero: Texte = Field(pattern=r"^(\d+\.\d+|[A-Z]{1,4}\.?\d+)$",
                          description="Numéro « axe.rang », par exemple « 2.7 » ; sous un axe numéroté par "
                          "une lettre, « A1 » ou « A.1 ».")
    axe: NumeroAxe = Field(description="Numéro (ou lettre) de l'axe auquel l'objectif appartient.",
                           json_schema_extra=reference("plan", "axes", cle="numero", libelle="titre"))
    titre: Texte = Field(description="Intitulé de l'objectif.")
    actions: list[Action] = liste("Les actions de l'objectif.")

    @property
    def ancre(self) -> str:
        return "objectif-" + self.numero.replace(".", "-").lower()


class Axe(Modele):
    """One axe of the plan; it holds its actions directly when the plan has no objectives."""

    numero: NumeroAxe = Field(description="Numéro de l'axe (1, 2…), ou sa lettre quand le plan numérote "
                              "ainsi (« A », « B ») : l'axe est alors « Orientation A », avec le nom que le "
                              "plan donne à ses axes (« nom_axe »).")
    titre: Texte = Field(description="Titre de l'axe (sans son nom ni son numéro : « Prendre soin »).")
    devise: Texte | None = Field(default=None, description="Sous-titre de l'axe.")
    actions: list[Action] = Field(
        default=[], description="Les actions de l'axe, quand le plan n'a pas d'objectifs.")

    @property
    def ancre(self) -> str:
        return f"axe-{str(self.numero).lower()}"

    @property
    def par_lettre(self) -> bool:
        return isinstance(self.numero, str)

    def numero_action(self, rang: int) -> str:
        """« 2.3 » under axe 2; « A3 » under axe A, as plans numbered by letters write it."""
        return f"{self.numero}{rang}" if self.par_lettre else f"{self.numero}.{rang}"


class Plan(Modele):
    """The plan d'actions."""

    suivi: Suivi | None = champ_suivi()
    titre: Texte = Field(description="Titre de la partie.")
    nom_axe: Texte = Field(default="Axe", description="Ce que le plan appelle ses axes (« Orientation », "
                           "« Priorité ») : « Orientation A. Prendre soin ». Par défaut : Axe.")
    nom_axes: Texte | None = Field(default=None, **nomme("Nom des niveaux au pluriel"),
                                   description="Le même au pluriel, quand il ne prend pas "
                                   "simplement un s (« enjeux ») ; par défaut : « axes », « orientations ».")
    introduction: list[Texte] = Field(default=[], description="Paragraphes d'introduction.")
    fiche_projet: Texte | None = Field(
        default=None, **nomme("Fiche projet", "f"),
        description="Ce que le document dit de la fiche de chaque action.")
    fiche_attendue: list[Attendu] = Field(
        default=[], **nomme("Ce que chaque fiche doit nommer"),
        description="Ce que chaque fiche doit nommer selon le document (pilote, "
        "contributeurs, partenaires, calendrier, indicateurs) : tant que la donnée manque, la fiche "
        "l'écrit (« Pilote : à désigner »).")
    statuts: list[StatutDuPlan] = Field(
        default=list(STATUTS_PAR_DEFAUT), min_length=1,
        description="Les statuts du plan, dans l'ordre ; le premier est celui d'une action sans "
        "statut. Par défaut : à venir, en cours, en pause, réalisé, abandonné.")
    horizons: list[HorizonDuPlan] = Field(
        default=[], description="Les horizons du plan, s'il en a (victoire rapide, moyen terme…).")
    axes: list[Axe] = liste("Les axes.")
    objectifs: list[Objectif] = Field(
        default=[], description="Les objectifs, chacun rattaché à un axe ; laissez vide si les axes "
        "portent directement leurs actions.")

    @model_validator(mode="after")
    def _references(self) -> Plan:
        erreur = Constats()
        _unique([s.cle for s in self.statuts], "statuts", "cle", "statut", erreur)
        _unique([h.cle for h in self.horizons], "horizons", "cle", "horizon", erreur)
        _unique([a.numero for a in self.axes], "axes", "numero", "axe", erreur)
        axes = {axe.numero for axe in self.axes}
        seen: set[str] = set()
        for index, objectif in enumerate(self.objectifs):
            # « 2.7 » under axe 2; « A1 » or « A.1 » under axe A.
            debut = objectif.axe if isinstance(objectif.axe, str) else f"{objectif.axe}."
            if objectif.axe not in axes:
                erreur(f"l'objectif {objectif.numero} est rattaché à l'axe {objectif.axe}, qui "
                       f"n'existe pas (axes connus : {', '.join(str(a.numero) for a in self.axes)}).",
                       "objectifs", index, "axe", selon=(("axes",),))
            elif not (objectif.numero.startswith(debut)
                      and re.fullmatch(r"\.?\d+", objectif.numero[len(debut):])):
                erreur(f"l'objectif {objectif.numero} est rattaché à l'axe {objectif.axe} : "
                       f"son numéro devrait commencer par « {debut} ».",
                       "objectifs", index, "numero")
            if objectif.numero in seen:
                erreur(f"deux objectifs portent le numéro {objectif.numero}.",
                       "objectifs", index, "numero")
            seen.add(objectif.numero)
        if not any(axe.actions for axe in self.axes) and not self.objectifs:
            erreur("le plan n'a aucune action : donnez ses actions à chaque axe "
                   "(« actions ») ou à des objectifs (« objectifs »).", "axes",
                   selon=(("axes",), ("objectifs",)))
        statuts = {s.cle for s in self.statuts}
        horizons = {h.cle for h in self.horizons}
        ids: set[str] = set()
        for chemin, action in self.actions_et_chemins():
            if action.id in ids:
                erreur(f"deux actions portent l'identifiant « {action.id} » : chaque "
                       "action a le sien.", *chemin, "id")
            ids.add(action.id)
            if action.statut is not None and action.statut not in statuts:
                erreur(f"le statut « {action.statut} » n'est pas un statut du plan "
                       f"(statuts possibles : {', '.join(sorted(statuts))}).",
                       *chemin, "statut", selon=(("statuts",),))
            if action.horizon is not None and action.horizon not in horizons:
                possibles = ", ".join(sorted(horizons)) if horizons else "aucun : le plan n'a pas d'horizons"
                erreur(f"l'horizon « {action.horizon} » n'est pas un horizon du plan "
                       f"(horizons possibles : {possibles}).", *chemin, "horizon",
                       selon=(("horizons",),))
        erreur.lever()
        return self

    def actions_et_chemins(self):
        for index, axe in enumerate(self.axes):
            for rang, action in enumerate(axe.actions):
                yield ("axes", index, "actions", rang), action
        for index, objectif in enumerate(self.objectifs):
            for rang, action in enumerate(objectif.actions):
                yield ("objectifs", index, "actions", rang), action

    @property
    def mot_axe(self) -> str:
        """« axe », « orientation »: the plan's word for its axes, within a sentence."""
        return self.nom_axe.lower()

    @property
    def pluriel_axes(self) -> str:
        """« axes », « orientations », or what `nom_axes` says."""
        return self.nom_axes or pluriel(self.nom_axe.lower())

    def titre_axe(self, axe: Axe) -> str:
        """« Axe 2. Titre », « Orientation A. Prendre soin »."""
        return f"{self.nom_axe} {axe.numero}. {axe.titre}"

    def court_axe(self, axe: Axe) -> str:
        """« Axe 2 », « Orientation A »."""
        return f"{self.nom_axe} {axe.numero}"

    def legende_axe(self, axe: Axe) -> str:
        """« Actions de l'axe 2 », « Actions — Orientation A » (an article only for the default
        word, whose gender is known)."""
        if self.nom_axe == "Axe":
            return f"Actions de l'axe {axe.numero}"
        return f"Actions — {self.nom_axe} {axe.numero}"

    def objectifs_de(self, axe: Axe) -> list[Objectif]:
        return [objectif for objectif in self.objectifs if objectif.axe == axe.numero]

    @cached_property
    def entrees(self) -> tuple[EntreeDuPlan, ...]:
        """Every action with its place: axe, objectif (or None), number as displayed."""
        found = []
        for axe in self.axes:
            for rang, action in enumerate(axe.actions, start=1):
                found.append(EntreeDuPlan(action, axe, None, axe.numero_action(rang)))
            for objectif in self.objectifs_de(axe):
                for rang, action in enumerate(objectif.actions, start=1):
                    found.append(EntreeDuPlan(action, axe, objectif, f"{objectif.numero}.{rang}"))
        return tuple(found)

    @property
    def actions(self) -> list[Action]:
        return [entree.action for entree in self.entrees]

    @cached_property
    def statuts_par_cle(self) -> dict[str, StatutDuPlan]:
        return {statut.cle: statut for statut in self.statuts}

    @cached_property
    def horizons_par_cle(self) -> dict[str, HorizonDuPlan]:
        return {horizon.cle: horizon for horizon in self.horizons}

    def statut_de(self, action: Action) -> StatutDuPlan:
        """The action's status, or the plan's first one when it has none."""
        return self.statuts_par_cle[action.statut] if action.statut else self.statuts[0]

    def horizon_de(self, action: Action) -> HorizonDuPlan | None:
        return self.horizons_par_cle.get(action.horizon) if action.horizon else None


class EntreeDuPlan:
    """An action and where it sits in the plan."""

    __slots__ = ("action", "axe", "numero", "objectif")

    def __init__(self, action: Action, axe: Axe, objectif: Objectif | None, numero: str) -> None:
        self.action, self.axe, self.objectif, self.numero = action, axe, objectif, numero

    @property
    def ancre(self) -> str:
        """The fiche's anchor: the action's id, which survives renumbering."""
        return f"action-{self.action.id}"


def _unique(keys: list, liste_: str, champ: str, nom: str, erreur: Constats) -> None:
    seen = set()
    for index, key in enumerate(keys):
        if key in seen:
            erreur(f"deux {nom}s portent « {key} » : chacun a le sien.", liste_, index, champ)
        seen.add(key)
