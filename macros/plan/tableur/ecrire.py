"""The plan's sheets written as ODS, XLSX and CSV, at each build.

ODS is the office format French administrations are asked to use (Référentiel général
d'interopérabilité); XLSX is what most spreadsheets open by default; CSV (UTF-8 with its
byte-order mark, « ; » as separator, as French spreadsheets expect) is for every other tool.
Libraries: openpyxl writes XLSX (imported only when a plan is exported); ODS is written
here as its XML (see `ods`) and read back by odfpy (macros/plan/tableur/lire.py).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from macros.models.plan import Plan
from macros.plan.suivi import SuiviPlan
from macros.plan.synthese import synthese
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
from macros.plan.tableur.listes import (
    FEUILLE_LISTES,
    FILTREES,
    STYLE_CACHEE,
    feuille_listes,
    filtre,
    nom_ods,
    ods_filtres,
    ods_lignes_en_plus,
    ods_validations,
    validations,
    xlsx_validations,
)
from macros.plan.tableur.synthese import FEUILLE_SYNTHESE, LARGEURS, lignes_synthese

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
    # The COPIL summary last: the actions stay the sheet a spreadsheet opens on.
    found.append((FEUILLE_SYNTHESE, lignes_synthese(synthese(plan, suivi), suivi.a_venir), LARGEURS))
    # The values of the drop-down lists of « Actions », in a hidden sheet (listes.py).
    found.append(feuille_listes(plan, colonnes_actions(plan)))
    return found


def fichiers(plan: Plan, suivi: SuiviPlan, slug: str,
             cache: Path | None = None) -> tuple[FichierTableur, ...]:
    """The plan as ODS, XLSX and CSV (a second CSV for the indicators, when there are any).

    `cache`: the project's `.cache/tableur/` (macros/plan/tableur/cache.py); None: always written.
    """
    sheets = feuilles(plan, suivi)

    def write() -> dict[str, bytes]:
        found = {f"plan-{slug}.ods": ods(sheets), f"plan-{slug}.xlsx": xlsx(sheets),
                 f"plan-{slug}.csv": texte_csv(sheets[0][1])}
        indicateurs = [rows for name, rows, _ in sheets if name == FEUILLE_INDICATEURS]
        if indicateurs:
            found[f"plan-{slug}-indicateurs.csv"] = texte_csv(indicateurs[0])
        return found

    from macros.plan.tableur.cache import cached_files

    made = cached_files((slug, sheets), write, cache) if cache else write()
    return tuple(FichierTableur(nom, contenu) for nom, contenu in made.items())


# A text cell beginning with one of these is taken by a spreadsheet opening the CSV for a
# formula (OWASP, « CSV injection »): « =HYPERLINK(…) » typed in an action would become a live
# link in every copy of the file. Such a text goes out behind a single quote, which the
# spreadsheet shows as text. The CSV is export-only (make importer-plan reads ODS and XLSX),
# so the quote never comes back into plan.yml. Numbers are not texts: « -3,5 » stays a number.
_DEBUTS_DE_FORMULE = ("=", "+", "-", "@", "\t", "\r")


def _csv(value: Valeur) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(value).replace(".", ",")  # « 55,5 »: French spreadsheets read a comma
    if isinstance(value, str) and value.startswith(_DEBUTS_DE_FORMULE):
        return "'" + value
    return str(value)


def texte_csv(rows: list[list[Valeur]]) -> bytes:
    """UTF-8 with a byte-order mark (so that Excel reads the accents), « ; » between fields."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow([_csv(value) for value in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx(sheets: list[Feuille]) -> bytes:
    """openpyxl in write-only mode: rows streamed out, styled cells only where they need it.

    openpyxl writes a text beginning with « = » as a formula, and « #N/A » and the like as an
    error: such a text gets a cell of its own, said to be a string (data type « s »), so that
    every text of the plan reaches the sheet as text and comes back unchanged."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ERROR_CODES
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for name, rows, widths in sheets:
        sheet = book.create_sheet(name)
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.freeze_panes = "A2"
        if name in FILTREES:
            sheet.auto_filter.ref = filtre(rows)
        if name == FEUILLE_ACTIONS:
            xlsx_validations(sheet, validations(sheets))
        if name == FEUILLE_LISTES:
            sheet.sheet_state = "hidden"

        def styled(value: Valeur, sheet=sheet) -> object:
            if isinstance(value, date):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "DD/MM/YYYY"
                return cell
            if not isinstance(value, str):
                return value
            texte = value.startswith("=") or value in ERROR_CODES
            if not (texte or "\n" in value):
                return value
            cell = WriteOnlyCell(sheet, value=value)
            if texte:
                cell.data_type = "s"
            if "\n" in value:
                cell.alignment = wrap
            return cell

        for number, row in enumerate(rows):
            if number == 0:
                cells = [WriteOnlyCell(sheet, value=value) for value in row]
                for cell in cells:
                    cell.font = bold
                sheet.append(cells)
            else:
                sheet.append([styled(value) for value in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# ODS is written as its XML, streamed row by row: odfpy, which reads the files back, builds an
# object per cell and takes half a second for Béthune's 2 500 cells (a minute for a plan a
# hundred times larger), for the same bytes. The document is the minimal one the format
# allows (OpenDocument 1.2: mimetype, manifest, content) with column widths, bold headings,
# wrapped cells and dates shown JJ/MM/AAAA.
_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
       'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"')
_MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?>\n'
             '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
             'manifest:version="1.2">'
             '<manifest:file-entry manifest:full-path="/" manifest:version="1.2" '
             'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
             '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
             '</manifest:manifest>')
_STYLES = ('<number:date-style style:name="date-fr"><number:day number:style="long"/><number:text>/'
           '</number:text><number:month number:style="long"/><number:text>/</number:text>'
           '<number:year number:style="long"/></number:date-style>'
           '<style:style style:name="cellule" style:family="table-cell"><style:table-cell-properties '
           'fo:wrap-option="wrap" style:vertical-align="top"/></style:style>'
           '<style:style style:name="date" style:family="table-cell" style:data-style-name="date-fr">'
           '<style:table-cell-properties style:vertical-align="top"/></style:style>'
           '<style:style style:name="entete" style:family="table-cell"><style:text-properties '
           'fo:font-weight="bold"/></style:style>')
_SPACES = re.compile(r"  +|\t")


def _ods_text(line: str) -> str:
    """A line of text as ODF writes it: runs of spaces and tabs kept (ODF collapses them)."""
    def keep(match: re.Match) -> str:
        found = match.group(0)
        return "<text:tab/>" if found == "\t" else f' <text:s text:c="{len(found) - 1}"/>'
    return _SPACES.sub(keep, escape(line))


def _ods_cell(value: Valeur, style: str, liste: str = "") -> str:
    """A cell of content.xml. A text is always office:value-type="string" and never has a
    table:formula: « =… » typed in an action is shown, not computed. `liste`: the name of
    its drop-down list (listes.py), if any."""
    if liste:
        liste = f' table:content-validation-name="{liste}"'
    if value is None:
        return f"<table:table-cell{liste}/>"
    if isinstance(value, date):
        return (f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}" '
                f'table:style-name="date"{liste}><text:p>{value.strftime("%d/%m/%Y")}</text:p>'
                "</table:table-cell>")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (f'<table:table-cell office:value-type="float" office:value="{value}" '
                f'table:style-name="{style}"{liste}><text:p>{value}</text:p></table:table-cell>')
    lines = "".join(f"<text:p>{_ods_text(line)}</text:p>" for line in str(value).split("\n"))
    return (f'<table:table-cell office:value-type="string" table:style-name="{style}"{liste}>{lines}'
            "</table:table-cell>")


def ods(sheets: list[Feuille]) -> bytes:
    parts = [f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_NS} office:version="1.2">'
             f"<office:automatic-styles>{_STYLES}"]
    for rank, (_, _, widths) in enumerate(sheets):
        parts += [f'<style:style style:name="col{rank}-{index}" style:family="table-column">'
                  f'<style:table-column-properties style:column-width="{width * 0.21:.2f}cm"/></style:style>'
                  for index, width in enumerate(widths)]
    listes = validations(sheets)
    parts.append(f"{STYLE_CACHEE}</office:automatic-styles><office:body><office:spreadsheet>"
                 + ods_validations(listes))
    for rank, (name, rows, widths) in enumerate(sheets):
        cachee = ' table:style-name="cachee"' if name == FEUILLE_LISTES else ""
        parts.append(f"<table:table table:name={quoteattr(name)}{cachee}>")
        parts += [f'<table:table-column table:style-name="col{rank}-{index}"/>'
                  for index in range(len(widths))]
        par_colonne = {v.colonne: nom_ods(v) for v in listes} if name == FEUILLE_ACTIONS else {}
        for number, row in enumerate(rows):
            style, noms = ("entete", {}) if number == 0 else ("cellule", par_colonne)
            parts.append("<table:table-row>" + "".join(_ods_cell(value, style, noms.get(index, ""))
                                                       for index, value in enumerate(row))
                         + "</table:table-row>")
        if par_colonne:
            parts.append(ods_lignes_en_plus(listes))
        parts.append("</table:table>")
    parts.append(ods_filtres(sheets) + "</office:spreadsheet></office:body></office:document-content>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        # The mimetype comes first, uncompressed: that is how a reader recognises the format.
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", _MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", "".join(parts), compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
