"""An ODS or XLSX file read as sheets of plain cell values (text, number, date or None).

Spreadsheets repeat empty rows and cells to the end of the sheet (LibreOffice writes
« 1 048 576 empty rows » as one repeated row): repetitions of empty cells are dropped, so a
sheet is only as long as what was typed in it.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from macros.plan.tableur.colonnes import Valeur

# A repeated row or cell that holds something is written out at most this many times.
_REPETITION_MAX = 1000


class TableurIlisible(Exception):
    """The file is not a spreadsheet this reader understands (message in French)."""


def lire_feuilles(path: Path) -> dict[str, list[list[Valeur]]]:
    """Every sheet of an .ods or .xlsx file, by name, as rows of values."""
    suffix = path.suffix.lower()
    if suffix == ".ods":
        return _ods(path)
    if suffix == ".xlsx":
        return _xlsx(path)
    raise TableurIlisible(f"« {path.name} » n'est pas un tableur ODS ou XLSX (extension .ods ou .xlsx).")


def _sans_vides_finaux(rows: list[list[Valeur]]) -> list[list[Valeur]]:
    for row in rows:
        while row and row[-1] is None:
            row.pop()
    while rows and not rows[-1]:
        rows.pop()
    return rows


def _xlsx(path: Path) -> dict[str, list[list[Valeur]]]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, BadZipFile, KeyError, ValueError) as error:
        raise TableurIlisible(f"« {path.name} » ne s'ouvre pas comme un tableur XLSX ({error}).") from None
    sheets = {}
    for sheet in book.worksheets:
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append([_valeur_xlsx(value) for value in row])
        sheets[sheet.title] = _sans_vides_finaux(rows)
    book.close()
    return sheets


def _valeur_xlsx(value: object) -> Valeur:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, bool):
        return "oui" if value else "non"
    return value  # int, float, date or None


def _ods(path: Path) -> dict[str, list[list[Valeur]]]:
    from zipfile import BadZipFile

    from odf.opendocument import load
    from odf.table import Table

    try:
        doc = load(str(path))
    except (OSError, BadZipFile, KeyError, ValueError) as error:
        raise TableurIlisible(f"« {path.name} » ne s'ouvre pas comme un tableur ODS ({error}).") from None
    sheets = {}
    for table in doc.spreadsheet.getElementsByType(Table):
        rows: list[list[Valeur]] = []
        for row in _ods_rows(table):
            repeat = int(row.getAttribute("numberrowsrepeated") or 1)
            cells = _ods_cells(row)
            if not any(value is not None for value in cells):
                rows.extend([] for _ in range(min(repeat, _REPETITION_MAX)))
            else:
                rows.extend(list(cells) for _ in range(min(repeat, _REPETITION_MAX)))
        sheets[table.getAttribute("name")] = _sans_vides_finaux(rows)
    return sheets


def _ods_rows(table):
    """The table's rows, including those inside header-rows and row-groups."""
    for node in table.childNodes:
        name = getattr(node, "qname", (None, None))[1]
        if name == "table-row":
            yield node
        elif name in ("table-header-rows", "table-rows", "table-row-group"):
            yield from _ods_rows(node)


def _ods_cells(row) -> list[Valeur]:
    cells: list[Valeur] = []
    for cell in row.childNodes:
        if getattr(cell, "qname", (None, None))[1] not in ("table-cell", "covered-table-cell"):
            continue
        repeat = int(cell.getAttribute("numbercolumnsrepeated") or 1)
        value = _ods_value(cell)
        cells.extend([value] * (min(repeat, _REPETITION_MAX) if value is not None else min(repeat, 64)))
    return cells


def _ods_value(cell) -> Valeur:
    from odf import teletype
    from odf.text import P

    kind = cell.getAttribute("valuetype")
    if kind in ("float", "percentage", "currency"):
        number = float(cell.getAttribute("value"))
        return int(number) if number.is_integer() else number
    if kind == "date":
        try:
            return date.fromisoformat(cell.getAttribute("datevalue")[:10])
        except ValueError:
            pass
    if kind == "boolean":
        return "oui" if cell.getAttribute("booleanvalue") == "true" else "non"
    text = "\n".join(teletype.extractText(p) for p in cell.getElementsByType(P))
    return text if text.strip() else None
