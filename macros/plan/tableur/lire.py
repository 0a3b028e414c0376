"""An ODS or XLSX file read as sheets of plain cell values (text, number, date or None).

The file is first checked whole (macros/plan/tableur/archive.py, controle_ods.py,
controle_xlsx.py: sizes, strict XML, rows and columns within macros/plan/tableur/limites.py),
then read by odfpy or openpyxl; whatever these libraries raise on a file they cannot read
becomes a French TableurIlisible, never a traceback.

Spreadsheets repeat empty rows and cells to the end of the sheet (LibreOffice writes
« 1 048 576 empty rows » as one repeated row): the reading stops at the limits, past which
the check has made sure nothing is filled, so a sheet is only as long as what was typed in it.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from macros.plan.tableur.archive import MOT_DE_PASSE, TableurIlisible, ouvrir, refus
from macros.plan.tableur.colonnes import Valeur
from macros.plan.tableur.controle_ods import controler_ods
from macros.plan.tableur.controle_xlsx import controler_xlsx
from macros.plan.tableur.limites import COLONNES_MAX, LIGNES_MAX

__all__ = ["TableurIlisible", "lire_feuilles"]


def lire_feuilles(path: Path) -> dict[str, list[list[Valeur]]]:
    """Every sheet of an .ods or .xlsx file, by name, as rows of values."""
    suffix = path.suffix.lower()
    if suffix in (".xls", ".xlsm", ".xlsb"):
        raise refus(path, f"le format {suffix} n'est pas lu : {MOT_DE_PASSE.split(' : ', 1)[1]}")
    if suffix not in (".ods", ".xlsx"):
        raise refus(path, "ce n'est pas un tableur ODS ou XLSX (extension .ods ou .xlsx).")
    with ouvrir(path) as archive:
        (controler_ods if suffix == ".ods" else controler_xlsx)(path, archive)
    try:
        return _ods(path) if suffix == ".ods" else _xlsx(path)
    except TableurIlisible:
        raise
    except MemoryError:  # pragma: no cover - the checks above are there so that it never happens
        raise refus(path, "il est trop gros pour être lu.") from None
    except Exception:  # whatever odfpy or openpyxl raise on a file they do not understand
        raise refus(path, f"{'LibreOffice' if suffix == '.ods' else 'le lecteur XLSX'} ne parvient pas à "
                    "le lire (fichier abîmé, ou écrit par un logiciel qui s'écarte du format) : "
                    "enregistrez-le de nouveau avec votre tableur, puis importez-le.") from None


def _sans_vides_finaux(rows: list[list[Valeur]]) -> list[list[Valeur]]:
    for row in rows:
        while row and row[-1] is None:
            row.pop()
    while rows and not rows[-1]:
        rows.pop()
    return rows


def _xlsx(path: Path) -> dict[str, list[list[Valeur]]]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    sheets = {}
    try:
        for sheet in book.worksheets:
            rows = []
            # Bounded, whatever the sheet declares: the check found nothing filled beyond.
            for row in sheet.iter_rows(max_row=LIGNES_MAX, max_col=COLONNES_MAX, values_only=True):
                if row.count(None) == len(row):
                    rows.append([])
                else:
                    rows.append([_valeur_xlsx(value) for value in row])
            sheets[sheet.title] = _sans_vides_finaux(rows)
    finally:
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
    from odf.opendocument import load
    from odf.table import Table

    doc = load(str(path))
    sheets = {}
    for table in doc.spreadsheet.getElementsByType(Table):
        rows: list[list[Valeur]] = []
        for row in _ods_rows(table):
            if len(rows) >= LIGNES_MAX:  # the check found nothing filled beyond
                break
            repeat = min(int(row.getAttribute("numberrowsrepeated") or 1), LIGNES_MAX - len(rows))
            cells = _ods_cells(row)
            if not any(value is not None for value in cells):
                rows.extend([] for _ in range(repeat))
            else:
                rows.extend(list(cells) for _ in range(repeat))
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
        if len(cells) >= COLONNES_MAX:  # the check found nothing filled beyond
            break
        repeat = min(int(cell.getAttribute("numbercolumnsrepeated") or 1), COLONNES_MAX - len(cells))
        cells.extend([_ods_value(cell)] * repeat)
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
