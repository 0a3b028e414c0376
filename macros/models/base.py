"""Building blocks shared by every model: frozen, strict, described in French."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from macros.models.dates import ANNEES_PLAUSIBLES, DateDocument  # noqa: F401 (used by the editor)

# A piece of text as an editor writes it: never empty, surrounding spaces dropped.
Texte = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]

# A stable identifier used for anchors, cross-references and page addresses: lowercase,
# digits, dashes.
MOTIF_IDENTIFIANT = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Identifiant = Annotated[
    str,
    StringConstraints(pattern=MOTIF_IDENTIFIANT),
    Field(description="Identifiant stable (minuscules, chiffres et tirets), sert d'ancre."),
]


class Modele(BaseModel):
    """Base of every model: immutable, no unknown key, descriptions on every field."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Bloc(Modele):
    """A titled passage: paragraphs, then a list, then closing paragraphs."""

    titre: Texte = Field(description="Titre du passage, tel qu'il figure dans le document.")
    intro: list[Texte] = Field(default=[], description="Paragraphes avant la liste.")
    points: list[Texte] = Field(default=[], description="Éléments de la liste, dans l'ordre.")
    suite: list[Texte] = Field(default=[], description="Paragraphes après la liste.")


class ErreurLocalisee(ValueError):
    """A cross-field error that knows which item is wrong.

    Pydantic places errors of a model validator on the whole model; `chemin`
    (relative to that model, e.g. ("objectifs", 3, "axe")) lets the error report
    point at the line of the faulty item instead.
    """

    def __init__(self, message: str, *chemin: str | int,
                 selon: tuple[tuple[str | int, ...], ...] = ()) -> None:
        super().__init__(message)
        self.chemin = chemin
        # The parts of the model (relative paths) the check reads to decide: when one of them
        # held an invalid item, set aside to check the rest (macros/data/elagage.py), the
        # error may be that item's absence, and is not said.
        self.selon = selon


class ErreursLocalisees(ValueError):
    """Every cross-field error a validator found in one model, said together."""

    def __init__(self, erreurs: list[ErreurLocalisee]) -> None:
        super().__init__(" ; ".join(str(erreur) for erreur in erreurs))
        self.erreurs = erreurs


class Constats:
    """What a model validator found, raised at its end: every error at once, not the first."""

    def __init__(self) -> None:
        self.erreurs: list[ErreurLocalisee] = []

    def __call__(self, message: str, *chemin: str | int,
                 selon: tuple[tuple[str | int, ...], ...] = ()) -> None:
        self.erreurs.append(ErreurLocalisee(message, *chemin, selon=selon))

    def lever(self) -> None:
        if len(self.erreurs) == 1:
            raise self.erreurs[0]
        if self.erreurs:
            raise ErreursLocalisees(self.erreurs)


def reference(section: str, liste: str, cle: str = "id", libelle: str = "nom") -> dict:
    """A field whose value names an item of another list: the `cle` of one item of `liste` in
    the référentiel's `section` (the plan's `instances` name instances of the gouvernance).

    Said in the JSON Schema (`x-reference`), where the form editor finds it: its select offers
    that list's items of each référentiel, shown by their `libelle` (macros/editeur/config.py).
    The loader checks the same reference (the model's validator, macros/data/references.py).
    """
    return {"x-reference": {"section": section, "liste": liste, "cle": cle, "libelle": libelle}}


def liste(description: str, minimum: int = 1):
    """A required list field with at least `minimum` items."""
    return Field(min_length=minimum, description=description)


def facultatif(description: str, **champ: object):
    """An optional field (None when absent): the page then leaves out its label and text.
    `champ`: more of the field's declaration (its `nomme`)."""
    return Field(default=None, description=description, **champ)


def nomme(nom: str, accord: str = "m") -> dict:
    """A field's French name, declared once where the field is (`Field(…, **nomme(…))`): the
    form editor's label and the word « Quoi de neuf » says (« Public du document ajouté »).
    `accord`: « f », « mp » or « fp » when the name is feminine or plural, so that the
    sentence agrees (« Thématiques ajoutées »); said in the JSON Schema as `x-accord`."""
    return {"title": nom, **({"json_schema_extra": {"x-accord": accord}} if accord != "m" else {})}


# A date as a document writes it — a day, a month or a year (macros/models/dates.py).
Date = DateDocument


class Suivi(Modele):
    """Who keeps a piece of content current, and when it must be read again."""

    responsable: Texte = Field(
        description="Direction ou service qui tient ce contenu à jour "
        "(« Direction des ressources humaines »)."
    )
    revoir_le: Date | None = Field(
        default=None,
        description="Date à laquelle relire ce contenu : un jour (« 2026-06-30 »), un mois "
        "(« 2026-06 ») ou une année (« 2027 ») ; passé cette date (la fin du mois ou de l'année), "
        "la page affiche « à vérifier ».",
    )

    @property
    def en_retard(self) -> bool:
        """True once `revoir_le` is past (checked on the day of the build)."""
        return self.revoir_le is not None and self.revoir_le.fin < date.today()


def champ_suivi():
    """The optional `suivi` field every section (and some items) may carry."""
    return Field(default=None, description="Facultatif : qui suit ce contenu et quand le relire.")
