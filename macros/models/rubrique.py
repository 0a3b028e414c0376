"""A rubrique, an organisation's own page: a title, then its blocks, each one of the types
macros/models/blocs.py declares (the union is made from them at import)."""

from __future__ import annotations

import re
from typing import Annotated, Union

from pydantic import BeforeValidator, Field, model_validator

from macros.models.base import Constats, ErreurLocalisee, Modele, Suivi, Texte, champ_suivi, liste
from macros.models.blocs import PAR_TYPE, TYPES_DE_BLOC
from macros.models.pages import OuiNon


def _known_type(value: object) -> object:
    """Say in French which types exist (pydantic's own message for a bad tag is English)."""
    if not isinstance(value, dict):
        return value
    possible = ", ".join(TYPES_DE_BLOC)
    kind = value.get("type")
    if kind is None:
        raise ValueError(f"ce bloc n'a pas de « type » : ajoutez « type: ... » avec l'un de : {possible}.")
    if kind not in PAR_TYPE:
        raise ErreurLocalisee(f"le type de bloc « {kind} » n'existe pas ; types possibles : {possible}.",
                              "type")
    return value


Bloc = Annotated[
    Union[tuple(PAR_TYPE.values())],  # noqa: UP007 - the union of classes known only at import
    Field(discriminator="type"),
    BeforeValidator(_known_type),
]


class Rubrique(Modele):
    """A page of the organisation's own: a title, then its blocks."""

    suivi: Suivi | None = champ_suivi()
    titre: Texte = Field(description="Titre de la rubrique (titre de la page et du chapitre du kit).")
    resume: Texte | None = Field(
        default=None, description="Facultatif : résumé en une phrase, affiché sous le titre.")
    position: int | None = Field(
        default=None, ge=0, description="Facultatif : rang de la rubrique dans le menu (1, 2, 3…).")
    etape: OuiNon = Field(
        default=False, description="« oui » si la rubrique est une étape du parcours « Mes premiers jours ».")
    blocs: list[Bloc] = liste("Les blocs de la rubrique, dans l'ordre de la page.")

    @model_validator(mode="after")
    def _each_article_once(self) -> Rubrique:
        erreur = Constats()
        seen: dict[str, int] = {}
        for number, bloc in enumerate(self.blocs):
            anchor = bloc.id or bloc.ancre_article
            if anchor is None:
                continue
            if anchor in seen:
                # The first block named by its title where it has one: its rank among the blocks
                # that validated may not be its rank in the file (macros/data/elagage.py).
                first = self.blocs[seen[anchor]]
                owner = f"« {first.titre} »" if first.titre else str(seen[anchor] + 1)
                erreur(f"l'ancre « {anchor} » est déjà celle du bloc {owner} : deux articles ou "
                       "deux blocs ne peuvent pas avoir le même numéro ou le même « id » sur une page.",
                       "blocs", number, "id" if bloc.id else "titre")
            else:
                seen[anchor] = number
        erreur.lever()
        return self


_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_SEPARATOR = re.compile(r"^\s*\|(\s*:?-+:?\s*\|)+\s*$")


def looks_like_a_markdown_table(text: str) -> bool:
    """True when `text` holds a pipe table (rows framed by |, a |---| line), shown as typed."""
    lines = [line for line in text.splitlines() if line.strip()]
    return (any(_TABLE_SEPARATOR.match(line) for line in lines)
            and sum(bool(_TABLE_ROW.match(line)) for line in lines) >= 2)
