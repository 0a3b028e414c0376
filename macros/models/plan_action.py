"""One action of the plan and its fiche: who pilots it, when, how far along, how measured.

Only `id` and `texte` are required: a plan copied from a document has nothing more, and a
follow-up meeting fills the rest as it is decided. What the plan says every fiche must name
(`Plan.fiche_attendue`) and is still missing is shown as « à désigner », never invented.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field

from macros.models.base import Date, Identifiant, Modele, Texte, nomme, reference
from macros.text.francais import nombre_fr


def _nombre(value: object) -> object:
    """« 12,5 » as a French editor writes it, « 12.5 » as a spreadsheet may."""
    if isinstance(value, str):
        text = value.strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
        try:
            return float(text.replace(",", "."))
        except ValueError:
            raise ValueError(f"« {value} » n'est pas un nombre (par exemple 12 ou 12,5).") from None
    return value


Nombre = Annotated[float, BeforeValidator(_nombre)]


def _euros(value: object) -> object:
    """« 12 000 € », « 12000,50 », as a budget is typed; never negative. (Checked here, not
    by a `ge` bound: the form editor's number field is a text, which has no minimum.)"""
    texte = value
    if isinstance(value, str):
        texte = value.strip().removesuffix("€").removesuffix("EUR").strip()
        try:
            value = _nombre(texte)
        except ValueError:
            raise ValueError(f"« {texte} » n'est pas un montant en euros (par exemple 12000 ou "
                             "12 000,50).") from None
    if isinstance(value, int | float) and value < 0:
        raise ValueError(f"« {texte} » : un budget n'est pas négatif.")
    return value


# An amount in euros; written « 12000 » or « 12 000,50 » (« € » may follow).
Euros = Annotated[float, BeforeValidator(_euros)]


def vocabulaire(liste: str) -> dict:
    """A field whose value is the `cle` of one item of the plan's own list `liste`.

    Said in the JSON Schema (`x-vocabulaire`), where the form editor finds it: its select
    offers the keys that list declares in each référentiel (macros/editeur/config.py).
    """
    return {"x-vocabulaire": liste}


def _pourcentage(value: object) -> object:
    """« 40 » or « 40 % »: a whole percentage."""
    if isinstance(value, str):
        text = value.strip().removesuffix("%").strip()
        if not text.isdigit():
            raise ValueError(f"« {value} » n'est pas un pourcentage entier de 0 à 100 (par exemple 40).")
        return int(text)
    return value


# The bounds before the validator: pydantic then writes them into the JSON Schema (minimum,
# maximum), which VS Code and the form editor read; after it, they stayed pydantic-only.
Pourcentage = Annotated[int, Field(ge=0, le=100), BeforeValidator(_pourcentage)]


class Jalon(Modele):
    """A dated step on the way to the échéance."""

    date: Date = Field(description="Date du jalon : un jour (2026-06-30), un mois (2026-06) ou une "
                       "année (2027).")
    libelle: Texte = Field(description="Ce qui doit être atteint à cette date.")


class Mesure(Modele):
    """One dated value of an indicator."""

    date: Date = Field(description="Date de la mesure : un jour (2026-06-30), un mois (2026-06) ou une "
                       "année (2025).")
    valeur: Nombre = Field(description="Valeur mesurée (un nombre : 12 ou 12,5).")


class Indicateur(Modele):
    """How the action's effect is measured."""

    libelle: Texte = Field(description="Ce que l'indicateur mesure.")
    unite: Texte | None = Field(default=None, **nomme("Unité", "f"),
                                description="Unité des valeurs (%, jours, agents…).")
    cible: Nombre | None = Field(
        default=None, **nomme("Cible", "f"),
        description="Valeur visée ; avec « par_rapport_a », l'écart visé à cette référence "
        "(-30 pour « −30 % par rapport à 2025 »).")
    par_rapport_a: Texte | None = Field(
        default=None, **nomme("Référence de la cible", "f"),
        description="Ce à quoi la cible se compare quand elle est relative (« 2025 », « la "
        "consommation de 2025 ») : la fiche écrit « cible : −30 % par rapport à 2025 ».")
    unite_cible: Texte | None = Field(
        default=None, **nomme("Unité de la cible", "f"),
        description="Unité de la cible quand ce n'est pas celle des valeurs (« % » pour une "
        "baisse de 30 % de kWh) ; par défaut, l'unité de l'indicateur.")
    valeurs: list[Mesure] = Field(default=[], description="Valeurs mesurées, datées.")

    @property
    def cible_texte(self) -> str | None:
        """« 100 % », « −30 % par rapport à 2025 » (a relative target shows its sign)."""
        if self.cible is None:
            return None
        unite = self.unite_cible or self.unite
        if self.par_rapport_a is None:
            return nombre_fr(self.cible) + (f" {unite}" if unite else "")
        signe = "+" if self.cible > 0 else "−" if self.cible < 0 else ""
        return (f"{signe}{nombre_fr(abs(self.cible))}" + (f" {unite}" if unite else "")
                + f" par rapport à {self.par_rapport_a}")


class NoteDeSuivi(Modele):
    """What a follow-up meeting recorded about the action."""

    date: Date = Field(description="Date de la note (de la réunion de suivi), écrite AAAA-MM-JJ (ou "
                       "AAAA-MM, AAAA).")
    texte: Texte = Field(description="Ce qui a été constaté ou décidé.")


class Action(Modele):
    """One concrete action, and what its fiche says of it."""

    id: Identifiant = Field(description="Identifiant stable de l'action (minuscules, chiffres, tirets) : "
                            "l'adresse de sa fiche. Ne le changez pas quand l'action change de place.")
    texte: Texte = Field(description="L'action, telle qu'écrite.")
    horizon: Texte | None = Field(
        default=None, description="Clé d'un des horizons du plan (« horizons »), s'il en a.",
        json_schema_extra=vocabulaire("horizons"))
    statut: Texte | None = Field(
        default=None, description="Clé d'un des statuts du plan (« statuts ») ; sans statut, le premier de "
        "la liste.", json_schema_extra=vocabulaire("statuts"))
    precisions: list[Texte] = Field(default=[], description="Sous-points de l'action.")
    pilote: Texte | None = Field(default=None, description="Service ou agent pilote.")
    contributeurs: list[Texte] = Field(default=[], description="Services contributeurs.",
                                       **nomme("Services contributeurs", "mp"))
    partenaires: list[Texte] = Field(default=[], description="Partenaires extérieurs.",
                                     **nomme("Partenaires", "mp"))
    debut: Date | None = Field(default=None, description="Date de début : un jour (2026-01-15), un mois "
                               "(2026-01) ou une année (2026).")
    echeance: Date | None = Field(
        default=None, description="Date à laquelle l'action doit être réalisée, telle que le plan "
        "l'écrit : un jour (2026-06-30), un mois (2026-06, « juin 2026 ») ou une année (2028) ; passé ce "
        "jour (ou la fin de ce mois, de cette année), une action ni réalisée ni abandonnée est « en "
        "retard ».")
    jalons: list[Jalon] = Field(default=[], description="Étapes datées avant l'échéance.",
                                **nomme("Jalons", "mp"))
    avancement: Pourcentage | None = Field(default=None, description="Avancement, en % (0 à 100).")
    indicateurs: list[Indicateur] = Field(default=[], description="Indicateurs de l'action.",
                                          **nomme("Indicateurs", "mp"))
    notes: list[NoteDeSuivi] = Field(default=[], description="Notes de suivi datées.",
                                     **nomme("Notes de suivi", "fp"))
    instances: list[Identifiant] = Field(
        default=[], description="Identifiants des instances de gouvernance qui suivent l'action.",
        json_schema_extra=reference("gouvernance", "instances"))
    # What follow-up tools for local plans carry (ADEME's Territoires en Transitions): each is
    # shown on the fiche and in the kit when present, and has its column in the spreadsheets
    # (macros/plan/tableur/colonnes.py, the one table that drives all four).
    priorite: Texte | None = Field(
        default=None, **nomme("Priorité", "f"),
        description="Priorité de l'action, dans les mots du plan (« haute », « 1 »).")
    thematiques: list[Texte] = Field(
        default=[], **nomme("Thématiques", "fp"),
        description="Thématiques de l'action (« eau », « numérique »), pour la retrouver.")
    budget_prevu: Euros | None = Field(
        default=None, **nomme("Budget prévu"), description="Budget prévu, en euros (12000 ou 12 000,50).")
    budget_engage: Euros | None = Field(
        default=None, **nomme("Budget engagé"), description="Budget déjà engagé, en euros.")
    financeurs: list[Texte] = Field(
        default=[], **nomme("Financeurs", "mp"),
        description="Qui finance l'action (« Région », « Agence de l'eau »).")
