"""Drop-down lists and filters in the plan's spreadsheets, as a coordinator expects them.

The sheet « Actions » offers, in its columns Statut, Horizon, Axe and Objectif, the values
of the plan (its statuses' and horizons' libellés, its axes' and objectives' numbers) as a
drop-down list (data validation), down to `EN_PLUS` rows past the last action so that a new
one gets them too; any other value is refused by the spreadsheet with a French message.
The lists are kept in a hidden sheet « Listes » (a list written inside the validation
would be cut at 255 characters by Excel, and break on a libellé holding a comma); the import
knows that sheet and leaves it aside (macros/plan/tableur/structure.py). The data sheets'
heading rows carry an autofilter.

Nothing here is a formula of a cell: a validation points at the sheet « Listes », and the
import's checks refuse a cell formula (controle_xlsx.py, controle_ods.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from macros.models.plan import Plan
from macros.plan.tableur.cellules import lettre
from macros.plan.tableur.colonnes import FEUILLE_ACTIONS, FEUILLE_INDICATEURS, Colonne, Valeur

FEUILLE_LISTES = "Listes"
# Rows under the last action that still offer the lists, for actions typed in the sheet.
EN_PLUS = 200
# The sheets whose heading row gets an autofilter.
FILTREES = (FEUILLE_ACTIONS, FEUILLE_INDICATEURS)
_NOMS = {"statut": "les statuts du plan", "horizon": "les horizons du plan", "axe": "les axes du plan",
         "objectif": "les objectifs du plan"}

Feuille = tuple[str, list[list[Valeur]], tuple[int, ...]]  # name, rows, column widths


def feuille_listes(plan: Plan, colonnes: tuple[Colonne, ...]) -> Feuille:
    """The sheet « Listes »: one column per list, headed like its column in « Actions »."""
    valeurs: dict[str, list[Valeur]] = {
        "statut": [s.libelle for s in plan.statuts], "horizon": [h.libelle for h in plan.horizons],
        "axe": [a.numero for a in plan.axes], "objectif": [o.numero for o in plan.objectifs]}
    presentes = [c for c in colonnes if valeurs.get(c.champ)]
    hauteur = max(len(valeurs[c.champ]) for c in presentes)
    rows: list[list[Valeur]] = [[c.entete for c in presentes]]
    rows += [[valeurs[c.champ][rang] if rang < len(valeurs[c.champ]) else None for c in presentes]
             for rang in range(hauteur)]
    return FEUILLE_LISTES, rows, tuple(max(c.largeur, 16) for c in presentes)


@dataclass(frozen=True)
class Validation:
    """One drop-down list: the column of « Actions » it applies to, and where its values are."""

    colonne: int      # in « Actions », from 0
    source: int       # the column of « Listes » holding the values, from 0
    nombre: int       # how many values
    titre: str        # « Statut »
    lignes: int       # rows of « Actions », its heading included

    @property
    def message(self) -> str:
        nom = _NOMS.get(self.titre.casefold(), f"les valeurs de la feuille « {FEUILLE_LISTES} »")
        return f"Choisissez dans la liste : {nom} (feuille « {FEUILLE_LISTES} »)."

    @property
    def plage_source(self) -> str:
        """« $A$2:$A$6 »."""
        col = lettre(self.source)
        return f"${col}$2:${col}${self.nombre + 1}"


def validations(sheets: list[Feuille]) -> tuple[Validation, ...]:
    """The drop-down lists of « Actions », found from the headings of « Listes »."""
    par_nom = {name: rows for name, rows, _ in sheets}
    if FEUILLE_LISTES not in par_nom or FEUILLE_ACTIONS not in par_nom:
        return ()
    listes, actions = par_nom[FEUILLE_LISTES], par_nom[FEUILLE_ACTIONS]
    found = []
    for source, titre in enumerate(listes[0]):
        if titre not in actions[0]:  # a sheet rewritten without that column
            continue
        nombre = sum(row[source] is not None for row in listes[1:])
        found.append(Validation(actions[0].index(titre), source, nombre, str(titre), len(actions)))
    return tuple(found)


def filtre(rows: list[list[Valeur]]) -> str:
    """The autofilter's range of a sheet: « A1:S140 »."""
    return f"A1:{lettre(len(rows[0]) - 1)}{len(rows)}"


# --- XLSX (openpyxl) -------------------------------------------------------------------------

def xlsx_validations(sheet: object, found: tuple[Validation, ...]) -> None:
    """Add the drop-down lists to the openpyxl sheet « Actions »."""
    from openpyxl.worksheet.datavalidation import DataValidation

    for v in found:
        colonne = lettre(v.colonne)
        dv = DataValidation(type="list", formula1=f"{FEUILLE_LISTES}!{v.plage_source}", allow_blank=True,
                            showErrorMessage=True, errorTitle=v.titre, error=v.message)
        dv.add(f"{colonne}2:{colonne}{v.lignes + EN_PLUS}")
        sheet.data_validations.append(dv)


# --- ODS (written as XML by macros/plan/tableur/ecrire.py) ----------------------------------

STYLE_CACHEE = ('<style:style style:name="cachee" style:family="table"><style:table-properties '
                'table:display="false"/></style:style>')


def nom_ods(v: Validation) -> str:
    return f"liste-{v.colonne}"


def ods_validations(found: tuple[Validation, ...]) -> str:
    """<table:content-validations>, before the sheets: each list points at « Listes »."""
    if not found:
        return ""
    parts = ["<table:content-validations>"]
    for v in found:
        source = v.plage_source.replace(":", ":.")
        parts.append(
            f'<table:content-validation table:name="{nom_ods(v)}" '
            f'table:condition="of:cell-content-is-in-list([${FEUILLE_LISTES}.{source}])" '
            f'table:allow-empty-cell="true" table:display-list="unsorted" '
            f'table:base-cell-address="{FEUILLE_ACTIONS}.{lettre(v.colonne)}2">'
            f'<table:error-message table:display="true" table:message-type="stop" '
            f"table:title={quoteattr(v.titre)}><text:p>{escape(v.message)}</text:p></table:error-message>"
            "</table:content-validation>")
    parts.append("</table:content-validations>")
    return "".join(parts)


def ods_lignes_en_plus(found: tuple[Validation, ...]) -> str:
    """`EN_PLUS` empty rows under the actions whose cells still offer the lists."""
    if not found:
        return ""
    par_colonne = {v.colonne: v for v in found}
    cells, vides = [], 0
    for colonne in range(max(par_colonne) + 1):
        if colonne not in par_colonne:
            vides += 1
            continue
        if vides:
            cells.append(f'<table:table-cell table:number-columns-repeated="{vides}"/>')
            vides = 0
        cells.append(f'<table:table-cell table:content-validation-name="{nom_ods(par_colonne[colonne])}"/>')
    return f'<table:table-row table:number-rows-repeated="{EN_PLUS}">{"".join(cells)}</table:table-row>'


def ods_filtres(sheets: list[Feuille]) -> str:
    """<table:database-ranges>, after the sheets: the autofilter of each data sheet."""
    ranges = [f'<table:database-range table:name="__Anonymous_Sheet_DB__{rank}" '
              f'table:target-range-address="{name}.A1:{name}.{filtre(rows).split(":")[1]}" '
              'table:display-filter-buttons="true"/>'
              for rank, (name, rows, _) in enumerate(sheets) if name in FILTREES and rows]
    return f"<table:database-ranges>{''.join(ranges)}</table:database-ranges>" if ranges else ""
