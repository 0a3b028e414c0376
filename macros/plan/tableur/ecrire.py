"""The plan's sheets written as ODS, XLSX and CSV, at each build.

ODS is the office format French administrations are asked to use (Référentiel général
d'interopérabilité); XLSX is what most spreadsheets open by default; CSV (UTF-8 with its
byte-order mark, « ; » as separator, as French spreadsheets expect) is for every other tool.
Libraries: odfpy writes and reads ODS (it is what pandas uses for the format), openpyxl
XLSX; both are pure Python and imported only when a plan is exported.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

from macros.models.plan import Plan
from macros.plan.suivi import SuiviPlan
from macros.plan.tableur.colonnes import (
    ACTIONS,
    FEUILLE_ACTIONS,
    FEUILLE_INDICATEURS,
    INDICATEURS,
    Valeur,
    colonnes_actions,
    lignes_actions,
    lignes_indicateurs,
)

Feuille = tuple[str, list[list[Valeur]], tuple[int, ...]]  # name, rows, column widths


@dataclass(frozen=True)
class FichierTableur:
    """One file of the plan, ready to be written to the site."""

    nom: str        # « plan-bethune.ods »
    contenu: bytes


def feuilles(plan: Plan, suivi: SuiviPlan) -> list[Feuille]:
    """The sheets of the export: the actions, and the indicators when there are any."""
    largeurs = {c.entete: c.largeur for c in (*ACTIONS, *INDICATEURS)}
    actions = lignes_actions(plan, suivi)
    found = [(FEUILLE_ACTIONS, actions, tuple(c.largeur for c in colonnes_actions(plan)))]
    indicateurs = lignes_indicateurs(plan)
    if len(indicateurs) > 1:
        found.append((FEUILLE_INDICATEURS, indicateurs, tuple(largeurs[h] for h in indicateurs[0])))
    return found


def fichiers(plan: Plan, suivi: SuiviPlan, slug: str) -> tuple[FichierTableur, ...]:
    """The plan as ODS, XLSX and CSV (a second CSV for the indicators, when there are any)."""
    sheets = feuilles(plan, suivi)
    found = [FichierTableur(f"plan-{slug}.ods", ods(sheets)),
             FichierTableur(f"plan-{slug}.xlsx", xlsx(sheets)),
             FichierTableur(f"plan-{slug}.csv", texte_csv(sheets[0][1]))]
    if len(sheets) > 1:
        found.append(FichierTableur(f"plan-{slug}-indicateurs.csv", texte_csv(sheets[1][1])))
    return tuple(found)


def _csv(value: Valeur) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(value).replace(".", ",")  # « 55,5 »: French spreadsheets read a comma
    return str(value)


def texte_csv(rows: list[list[Valeur]]) -> bytes:
    """UTF-8 with a byte-order mark (so that Excel reads the accents), « ; » between fields."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow([_csv(value) for value in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx(sheets: list[Feuille]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for name, rows, widths in sheets:
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        for cell in sheet[1]:
            cell.font = bold
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = wrap
                if isinstance(cell.value, date):
                    cell.number_format = "DD/MM/YYYY"
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def ods(sheets: list[Feuille]) -> bytes:
    from odf.number import DateStyle, Day, Month, Text, Year
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableCellProperties, TableColumnProperties, TextProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    date_style = DateStyle(name="date-fr")
    for part in (Day(style="long"), Text(text="/"), Month(style="long"), Text(text="/"), Year(style="long")):
        date_style.addElement(part)
    doc.automaticstyles.addElement(date_style)
    cell = Style(name="cellule", family="table-cell")
    cell.addElement(TableCellProperties(wrapoption="wrap", verticalalign="top"))
    doc.automaticstyles.addElement(cell)
    dated = Style(name="cellule-date", family="table-cell", datastylename="date-fr")
    doc.automaticstyles.addElement(dated)
    heading = Style(name="entete", family="table-cell")
    heading.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(heading)
    for name, rows, widths in sheets:
        table = Table(name=name)
        for index, width in enumerate(widths):
            column = Style(name=f"{name}-col{index}", family="table-column")
            column.addElement(TableColumnProperties(columnwidth=f"{width * 0.21:.2f}cm"))
            doc.automaticstyles.addElement(column)
            table.addElement(TableColumn(stylename=column))
        for number, row in enumerate(rows):
            line = TableRow()
            for value in row:
                line.addElement(_ods_cell(value, TableCell, P, heading if number == 0 else cell, dated))
            table.addElement(line)
        doc.spreadsheet.addElement(table)
    out = io.BytesIO()
    doc.write(out)
    return out.getvalue()


def _ods_cell(value: Valeur, TableCell, P, style, dated):
    if value is None:
        return TableCell(stylename=style)
    if isinstance(value, date):
        found = TableCell(valuetype="date", datevalue=value.isoformat(), stylename=dated)
        found.addElement(P(text=value.strftime("%d/%m/%Y")))
        return found
    if isinstance(value, int | float) and not isinstance(value, bool):
        found = TableCell(valuetype="float", value=value, stylename=style)
        found.addElement(P(text=str(value)))
        return found
    found = TableCell(valuetype="string", stylename=style)
    for line in str(value).split("\n"):
        found.addElement(P(text=line))
    return found
