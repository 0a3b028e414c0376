"""Tableurs made to hurt, refused by `make importer-plan` with a French message, nothing written.

Each file is made here: a zip bomb (a gigabyte of one letter, deflated to a megabyte, its
size told or hidden), an XLSX that declares or fills the cell XFD1048576, an ODS repeating
a row a million times or a space a billion times, a content.xml cut or empty, an entity
bomb, and files that are no tableur at all. For each: exit code 1, a French message naming
the file, plan.yml unchanged byte for byte and mode for mode. The heaviest are also imported
in a child process whose address space is capped at 500 Mo: refused before being read.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import struct
import subprocess
import sys
import zipfile
import zlib
from datetime import date
from pathlib import Path

import pytest

from macros.cli.importer_plan import main
from macros.data.loader import load_referentiel
from macros.plan.suivi import suivre
from macros.plan.tableur.ecrire import fichiers

from .conftest import FIXTURES, ROOT, SYNDICAT_TODAY

GIGA = 1 << 30
_MIO = b"a" * (1 << 20)


def _export(suffix: str) -> bytes:
    plan = load_referentiel(FIXTURES / "syndicat", ROOT).plan
    [found] = [f for f in fichiers(plan, suivre(plan, date.fromisoformat(SYNDICAT_TODAY)), "syndicat")
               if f.nom.endswith(suffix)]
    return found.contenu


def _zip(parts: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip written by hand, from (name, deflated bytes, crc, size told, method) parts: the size
    told may be anything, as a bomb's maker would write it."""
    out, directory = io.BytesIO(), io.BytesIO()
    for name, data, crc, size, method in parts:
        offset, encoded = out.tell(), name.encode()
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, method, 0, 0, crc, len(data), size,
                              len(encoded), 0) + encoded + data)
        directory.write(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, method, 0, 0, crc, len(data),
                                    size, len(encoded), 0, 0, 0, 0, 0, offset) + encoded)
    start, entries = out.tell(), directory.getvalue()
    out.write(entries + struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(parts), len(parts), len(entries),
                                    start, 0))
    return out.getvalue()


def _partie(name: str, content: bytes) -> tuple[str, bytes, int, int, int]:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return name, packer.compress(content) + packer.flush(), zlib.crc32(content), len(content), 8


def _bombe(name: str, before: bytes, after: bytes, size_told: int | None) -> tuple[str, bytes, int, int, int]:
    """`before`, a gigabyte of « a », `after`, deflated to about a megabyte: each mebibyte of « a »
    compressed after a full flush gives the same bytes, so one block is made and repeated."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = packer.compress(before) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(_MIO) + packer.flush(zlib.Z_FULL_FLUSH)
    tail = packer.compress(after) + packer.flush()
    crc = zlib.crc32(before)
    for _ in range(GIGA // len(_MIO)):
        crc = zlib.crc32(_MIO, crc)
    crc = zlib.crc32(after, crc)
    size = len(before) + GIGA + len(after)
    return name, head + block * (GIGA // len(_MIO)) + tail, crc, size if size_told is None else size_told, 8


def _parties(contenu: bytes, **remplacees: bytes) -> list[tuple[str, bytes, int, int, int]]:
    """The parts of a real export, some replaced (name with « / » written « __ », « . » as « _ »)."""
    with zipfile.ZipFile(io.BytesIO(contenu)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    for key, value in remplacees.items():
        parts[key.replace("__", "/").replace("_xml", ".xml")] = value
    return [_partie(name, data) for name, data in parts.items()]


_SST = b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'


def xlsx_bombe_annoncee() -> bytes:
    """A 1 Mo XLSX whose shared texts are one cell of a gigabyte, its size told in the directory."""
    return _zip([*_parties(_export(".xlsx")), _bombe("xl/sharedStrings.xml", _SST, b"</t></si></sst>", None)])


def xlsx_bombe_cachee() -> bytes:
    """The same gigabyte, the directory telling 2 Ko: zipfile stops there, the checksum is wrong."""
    return _zip([*_parties(_export(".xlsx")), _bombe("xl/sharedStrings.xml", _SST, b"</t></si></sst>", 2048)])


def xlsx_xfd(dimension: str = "A1:XFD1048576") -> bytes:
    """A 5 Ko XLSX with one cell at XFD1048576 (openpyxl pads every row to it)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Actions"
    sheet["A1"], sheet["XFD1048576"] = "Identifiant", "x"
    out = io.BytesIO()
    book.save(out)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as archive:
        feuille = archive.read("xl/worksheets/sheet1.xml")
    feuille = re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{dimension}"'.encode(), feuille)
    return _zip(_parties(out.getvalue(), xl__worksheets__sheet1_xml=feuille))


def xlsx_xfd_ailleurs() -> bytes:
    """The same sheet kept outside xl/worksheets/, where the workbook's relations point."""
    with zipfile.ZipFile(io.BytesIO(xlsx_xfd())) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["xl/ailleurs.xml"] = parts.pop("xl/worksheets/sheet1.xml")
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"/xl/worksheets/sheet1.xml", b"/xl/ailleurs.xml").replace(b"worksheets/sheet1.xml", b"ailleurs.xml")
    return _zip([_partie(name, data) for name, data in parts.items()])


_ODS_DEBUT = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
              'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
              'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
              'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
              '<office:body><office:spreadsheet><table:table table:name="Actions">')
_ODS_FIN = "</table:table></office:spreadsheet></office:body></office:document-content>"


def _ods(content: bytes | str) -> bytes:
    content = content.encode() if isinstance(content, str) else content
    return _zip([("mimetype", b"application/vnd.oasis.opendocument.spreadsheet",
                  zlib.crc32(b"application/vnd.oasis.opendocument.spreadsheet"), 46, 0),
                 _partie("content.xml", content)])


def _cellule(texte: str, repetition: int = 1) -> str:
    return (f'<table:table-cell office:value-type="string" table:number-columns-repeated="{repetition}">'
            f"<text:p>{texte}</text:p></table:table-cell>")


def ods_lignes_repetees() -> bytes:
    """A row of the plan repeated a million times (odfpy, then the reader, would expand it)."""
    row = "".join(_cellule(t) for t in ("x", "1", "Une action"))
    return _ods(f'{_ODS_DEBUT}<table:table-row table:number-rows-repeated="1000000">{row}'
                f"</table:table-row>{_ODS_FIN}")


def ods_colonnes_repetees() -> bytes:
    """Three hundred rows, each one cell repeated a million times: 14 Ko of XML."""
    row = f"<table:table-row>{_cellule('x', 1_000_000)}</table:table-row>"
    return _ods(_ODS_DEBUT + row * 300 + _ODS_FIN)


def ods_espaces() -> bytes:
    """One cell holding a billion spaces written as a single `text:s` element."""
    cell = ('<table:table-cell office:value-type="string"><text:p>a<text:s text:c="1000000000"/>b</text:p>'
            "</table:table-cell>")
    return _ods(f"{_ODS_DEBUT}<table:table-row>{cell}</table:table-row>{_ODS_FIN}")


def ods_trop_d_elements() -> bytes:
    """300 000 empty cells: within rows and columns, but odfpy would keep 300 000 objects."""
    row = "<table:table-row>" + "<table:table-cell/>" * 30 + "</table:table-row>"
    return _ods(_ODS_DEBUT + row * 10_000 + _ODS_FIN)


def ods_coupe() -> bytes:
    """The real export, its content.xml cut at 97 %."""
    with zipfile.ZipFile(io.BytesIO(_export(".ods"))) as archive:
        content = archive.read("content.xml")
    return _zip(_parties(_export(".ods"), content_xml=content[: len(content) * 97 // 100]))


def ods_vide() -> bytes:
    return _zip(_parties(_export(".ods"), content_xml=b""))


def ods_entites() -> bytes:
    """The billion laughs: entities expanding to each other."""
    lol = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
           + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                     for i in range(1, 10))
           + ']><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">'
           "&lol9;</office:document-content>")
    return _zip(_parties(_export(".ods"), content_xml=lol.encode()))


def ods_chiffre() -> bytes:
    """An ODS saved with a password: its manifest says how content.xml is encrypted."""
    manifest = (b'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="'
                b'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
                b'manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data '
                b'manifest:checksum-type="SHA1/1K" manifest:checksum="x"/></manifest:file-entry>'
                b"</manifest:manifest>")
    return _zip(_parties(_export(".ods"), META_INF__manifest_xml=manifest, content_xml=os.urandom(4000)))


# What Excel writes for a workbook saved with a password, and for an .xls: an OLE2 compound file.
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000)

# name of the file, its content, the words its message must hold
HOSTILES = {
    "bombe-annoncee.xlsx": (xlsx_bombe_annoncee, "une fois décompressé, il ferait 1024 Mo"),
    "bombe-cachee.xlsx": (xlsx_bombe_cachee, "ne se décompresse pas"),
    "xfd.xlsx": (xlsx_xfd, "déclare s'étendre jusqu'à la cellule XFD1048576"),
    "xfd-cache.xlsx": (lambda: xlsx_xfd("A1:A1"), "la cellule XFD1048576 est remplie"),
    "xfd-ailleurs.xlsx": (xlsx_xfd_ailleurs, "la feuille « Actions » déclare s'étendre jusqu'à la cellule"),
    "lignes.ods": (ods_lignes_repetees, "des lignes sont remplies au-delà de la ligne 20\u202f000"),
    "colonnes.ods": (ods_colonnes_repetees, "des cellules sont remplies au-delà de la colonne AX"),
    "espaces.ods": (ods_espaces, "cellule A1 : elle contient plus de 100\u202f000 caractères"),
    "elements.ods": (ods_trop_d_elements, "plus de 250\u202f000 éléments XML"),
    "coupe.ods": (ods_coupe, "sa partie « content.xml » est incomplète ou abîmée"),
    "vide.ods": (ods_vide, "sa partie « content.xml » est incomplète ou abîmée"),
    "entites.ods": (ods_entites, "déclare des entités XML"),
    "chiffre.ods": (ods_chiffre, "protégé par un mot de passe"),
    "chiffre.xlsx": (lambda: _OLE2, "protégé par un mot de passe"),
    "ancien.xls": (lambda: _OLE2, "le format .xls n'est pas lu"),
    "texte.xlsx": (lambda: b"Identifiant;Axe\n", "ce n'est pas un tableur ODS ou XLSX"),
    "vide.xlsx": (lambda: b"", "le fichier est vide"),
    "texte.ods": (lambda: _zip([_partie("mimetype", b"application/vnd.oasis.opendocument.text"),
                                _partie("content.xml", b"<x/>")]), "ce n'est pas un tableur ODS"),
    "plan.csv": (lambda: b"Identifiant;Axe\n", "extension .ods ou .xlsx"),
}
LOURDS = ["bombe-annoncee.xlsx", "bombe-cachee.xlsx", "xfd.xlsx", "xfd-cache.xlsx", "xfd-ailleurs.xlsx",
          "lignes.ods", "colonnes.ods", "espaces.ods", "elements.ods"]


@pytest.fixture(scope="module")
def hostiles(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostiles")
    for name, (make, _) in HOSTILES.items():
        (folder / name).write_bytes(make())
    (folder / "dossier.ods").mkdir()
    return folder


def _importer(project: Path, sheet: Path, capsys) -> tuple[int, str]:
    with contextlib.chdir(project):  # the command-line tools work on the project they run in
        code = main([str(sheet), "syndicat"])
    return code, capsys.readouterr().err


def _inchange(project: Path, before: bytes) -> None:
    plan = project / "data" / "syndicat" / "plan.yml"
    assert plan.read_bytes() == before
    assert oct(plan.stat().st_mode & 0o777) == "0o644"
    assert [p.name for p in plan.parent.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("name", [*HOSTILES, "dossier.ods", "absent.ods"])
def test_a_hostile_file_is_refused_in_french_and_nothing_is_written(hostiles, projet, capsys, name):
    before = (projet / "data" / "syndicat" / "plan.yml").read_bytes()
    code, err = _importer(projet, hostiles / name, capsys)
    assert code == 1
    assert err.startswith(f"« {name} » ne peut pas être importé : "), err
    expected = {"dossier.ods": "c'est un dossier", "absent.ods": "ce fichier n'existe pas"}.get(name)
    assert (expected or HOSTILES[name][1]) in err
    for english in ("Traceback", "Error", "error", "File ", "zip file", "expected"):
        assert english not in err
    _inchange(projet, before)


def test_the_hostile_files_are_small(hostiles):
    """What the issue saw: a few kilo-octets, or a mega-octet, that would fill the memory."""
    assert (hostiles / "xfd.xlsx").stat().st_size < 10_000
    assert (hostiles / "lignes.ods").stat().st_size < 2_000
    assert (hostiles / "colonnes.ods").stat().st_size < 20_000
    assert (hostiles / "bombe-annoncee.xlsx").stat().st_size < 1_500_000


_PLAFOND = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (500 * 1024 * 1024, 500 * 1024 * 1024))
from macros.cli.importer_plan import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("name", LOURDS)
def test_a_heavy_file_is_refused_before_being_read_within_500_mo(hostiles, projet, name):
    """In a child whose address space is capped at 500 Mo: reading any of these files (odfpy's
    objects, openpyxl's padded rows, a gigabyte of text) would end in a MemoryError."""
    before = (projet / "data" / "syndicat" / "plan.yml").read_bytes()
    result = subprocess.run([sys.executable, "-c", _PLAFOND, str(hostiles / name), "syndicat"],
                            cwd=projet, capture_output=True, text=True, timeout=120,
                            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(f"« {name} » ne peut pas être importé : "), result.stderr
    assert HOSTILES[name][1] in result.stderr
    _inchange(projet, before)


def test_contributing_states_the_limits_the_import_applies():
    from macros.data.limites import TAILLE_MAX_FICHIER, taille_lisible
    from macros.plan.tableur import limites

    section = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8").split("### Travailler le plan")[1]
    section = section.split("\n### ")[0]
    def millier(n: int) -> str:
        return f"{n:,}".replace(",", " ")

    for value in (taille_lisible(limites.TAILLE_FICHIER_MAX), taille_lisible(limites.TAILLE_DECOMPRESSEE_MAX),
                  f"{millier(limites.PARTIES_MAX)} parties", millier(limites.LIGNES_MAX),
                  f"| {limites.COLONNES_MAX} |", millier(limites.CARACTERES_MAX_CELLULE),
                  millier(limites.ELEMENTS_ODS_MAX), taille_lisible(TAILLE_MAX_FICHIER)):
        assert value in section, value
