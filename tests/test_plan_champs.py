"""Every field of an action, generated from the model, survives the spreadsheets.

The action below is not written by hand: each field of `Action` (and of its jalons,
indicators, measures and notes) gets a value of its type, so a field added to the model
and forgotten by the export or by the import (macros/plan/tableur/colonnes.py) is lost
on the way and fails here, in XLSX and in ODS. The fields declared with a label are
shown on the fiche, site and kit, from the same table.
"""

from __future__ import annotations

import types
import typing
from datetime import date

import pytest
from pydantic import BaseModel

from macros.data.loader import load_referentiel
from macros.models.dates import DateDocument
from macros.models.plan import Plan
from macros.models.plan_action import Action
from macros.plan.fiche import champs_a_designer, fiche_en_ligne
from macros.plan.suivi import suivre
from macros.plan.tableur.colonnes import ACTIONS
from macros.plan.tableur.ecrire import fichiers
from macros.plan.tableur.importer import plan_depuis_feuilles
from macros.plan.tableur.lire import lire_feuilles
from macros.site.plan_view import InstanceLiee, vue_plan
from macros.site.render import fragment

from .conftest import FIXTURES, ROOT, visible_text

SYNDICAT = load_referentiel(FIXTURES / "syndicat", ROOT).plan
# The syndicat's plan, with horizons so that an action can name one.
BASE = Plan.model_validate(SYNDICAT.model_dump() | {"horizons": [
    {"cle": "court-terme", "libelle": "Court terme"}, {"cle": "long-terme", "libelle": "Long terme"}]})
INSTANCES = frozenset({"comite-syndical", "bureau"})
# Dates of each precision, in turn: a day, a month, a year.
DATES = [DateDocument(2026, 6, 30), DateDocument(2026, 9), DateDocument(2027)]


def _sans_none(annotation):
    """`X | None` → X; `Annotated[X, …]` → X."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _valeur(modele: type[BaseModel], nom: str, rang: int):
    """A value of the type of `modele.nom`, different from its default."""
    info = modele.model_fields[nom]
    extra = info.json_schema_extra or {}
    if "x-vocabulaire" in extra:  # a key of the plan's own list, not its first (the default)
        return getattr(BASE, extra["x-vocabulaire"])[-1].cle
    if "x-reference" in extra:
        return sorted(INSTANCES)
    annotation = _sans_none(info.annotation)
    if typing.get_origin(annotation) is list:
        item = _sans_none(typing.get_args(annotation)[0])
        if isinstance(item, type) and issubclass(item, BaseModel):
            return [_rempli(item, rang), _rempli(item, rang + 1)]
        return [f"{nom} {rang}", f"{nom} {rang + 1}"]
    if annotation is DateDocument:
        return DATES[rang % len(DATES)]
    if annotation is int:
        return 40 + rang
    if annotation is float:
        return 1234.5 + rang
    if annotation is str:
        return f"{nom} {rang}" if nom != "id" else f"action-generee-{rang}"
    raise AssertionError(f"{modele.__name__}.{nom} : type {annotation} inconnu du test, à lui apprendre")


def _rempli(modele: type[BaseModel], rang: int = 0) -> BaseModel:
    """An instance of `modele` with every field filled."""
    found = modele.model_validate({nom: _valeur(modele, nom, rang + index)
                                   for index, nom in enumerate(modele.model_fields)})
    vides = [nom for nom, info in modele.model_fields.items()
             if not info.is_required() and getattr(found, nom) == info.get_default()]
    assert not vides, f"{modele.__name__} : champs laissés à leur valeur par défaut : {vides}"
    return found


def _plan_avec(action: Action) -> Plan:
    data = BASE.model_dump()
    data["axes"][0]["actions"][0] = action.model_dump()
    return Plan.model_validate(data)


ACTION = _rempli(Action)
PLAN = _plan_avec(ACTION)


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_every_field_of_an_action_round_trips_through_the_spreadsheet(tmp_path, suffix):
    [fichier] = [f for f in fichiers(PLAN, suivre(PLAN, date(2026, 6, 15)), "champs")
                 if f.nom.endswith(suffix)]
    path = tmp_path / fichier.nom
    path.write_bytes(fichier.contenu)
    again, erreurs = plan_depuis_feuilles(lire_feuilles(path), PLAN, path.name, INSTANCES)
    assert erreurs == []
    back = next(a for a in again.actions if a.id == ACTION.id)
    lost = {nom: (getattr(ACTION, nom), getattr(back, nom)) for nom in Action.model_fields
            if getattr(back, nom) != getattr(ACTION, nom)}
    assert lost == {}
    assert again == PLAN


def test_the_fields_declared_with_a_label_are_on_the_fiche_site_and_kit():
    declares = [c for c in ACTIONS if c.libelle]
    # Those of the issue at least; a field added to the table is checked below with them.
    assert {"priorite", "thematiques", "budget_prevu", "budget_engage", "financeurs"} <= {
        c.champ for c in declares}
    vue = vue_plan(PLAN, jour=date(2026, 6, 15),
                   instances={i: InstanceLiee(i.capitalize(), None) for i in INSTANCES})
    suivie = next(a for a in vue.suivi.actions if a.action.id == ACTION.id)
    fiches = visible_text(fragment("plan_fiches", vue, suivie, macro="contenu"))
    ligne = fiche_en_ligne(suivie, champs_a_designer(PLAN))
    assert "Budget prévu : 1\u202f2" in ligne and "\u00a0€" in ligne
    for colonne in declares:
        valeur = colonne.forme.afficher(getattr(ACTION, colonne.champ))
        assert f"{colonne.libelle} : {valeur}" in ligne
        assert " ".join(f"{colonne.libelle} {valeur}".split()) in fiches
    # An action without them shows none of their labels.
    vue = vue_plan(SYNDICAT, jour=date(2026, 6, 15))
    autres = " ".join(visible_text(fragment("plan_fiches", vue, a, macro="contenu"))
                      for a in vue.suivi.actions)
    assert not any(c.libelle in autres for c in declares)
