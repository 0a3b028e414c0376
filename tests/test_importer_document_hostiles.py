"""make importer-document refuses, in French and writing nothing, what it cannot read whole.

Each file is made here: a zip bomb, a DOCX whose XML declares entities, a Word file protected
by a password (an OLE2 container, as Word writes it), an ODT encrypted by LibreOffice, a .doc
renamed .docx, a cut file, a PDF, an unknown extension. None reaches pandoc, and data/ stays
empty.
"""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

from macros.cli.importer_document import main
from macros.document.lecture import pandoc

from .conftest import ROOT

LIVRET = ROOT / "tests" / "fixtures" / "documents" / "livret-syndicat.md"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


@pytest.fixture(scope="module")
def bon_docx(tmp_path_factory) -> Path:
    cible = tmp_path_factory.mktemp("bon") / "livret.docx"
    subprocess.run([pandoc(), "--sandbox", str(LIVRET), "-o", str(cible)], check=True)
    return cible


def _reecrire(source: Path, cible: Path, partie: str, contenu: bytes) -> Path:
    with zipfile.ZipFile(source) as entree, zipfile.ZipFile(cible, "w", zipfile.ZIP_DEFLATED) as sortie:
        for info in entree.infolist():
            sortie.writestr(info.filename, contenu if info.filename == partie else entree.read(info.filename))
    return cible


def _bombe(source: Path, cible: Path) -> Path:
    with zipfile.ZipFile(source) as entree, zipfile.ZipFile(cible, "w", zipfile.ZIP_DEFLATED) as sortie:
        for info in entree.infolist():
            sortie.writestr(info.filename, entree.read(info.filename))
        sortie.writestr("word/media/vide.png", b"\0" * (130 * 1024 * 1024))
    return cible


_ENTITES = (
    b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>'
    b"<w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
)
_MANIFESTE_CHIFFRE = (
    b'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    b'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    b'<manifest:file-entry manifest:full-path="/" manifest:media-type='
    b'"application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" '
    b'manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K" '
    b'manifest:checksum="AAAA"/></manifest:file-entry></manifest:manifest>'
)


def _odt_chiffre(tmp: Path) -> Path:
    cible = tmp / "livret.odt"
    with zipfile.ZipFile(cible, "w") as sortie:
        sortie.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        sortie.writestr("META-INF/manifest.xml", _MANIFESTE_CHIFFRE)
        sortie.writestr("content.xml", bytes(range(256)) * 4)  # what an encrypted part looks like
    return cible


CAS = {
    "bombe": (lambda tmp, bon: _bombe(bon, tmp / "livret.docx"), "une fois décompressé, il ferait"),
    "entites": (
        lambda tmp, bon: _reecrire(bon, tmp / "livret.docx", "word/document.xml", _ENTITES),
        "déclare des entités XML",
    ),
    "mot-de-passe": (lambda tmp, bon: _ecrire(tmp / "livret.docx", _OLE2), "protégé par un mot de passe"),
    "odt-chiffre": (lambda tmp, bon: _odt_chiffre(tmp), "protégé par un mot de passe"),
    "doc-renomme": (
        lambda tmp, bon: _ecrire(tmp / "ancien.docx", _OLE2 + b"Microsoft Word"),
        "ancien document Word 97-2003 (.doc)",
    ),
    "doc": (lambda tmp, bon: _ecrire(tmp / "ancien.doc", _OLE2), "enregistrez-le en .docx ou .odt"),
    "coupe": (
        lambda tmp, bon: _ecrire(tmp / "livret.docx", bon.read_bytes()[: bon.stat().st_size // 2]),
        "le fichier est peut-être abîmé ou incomplet",
    ),
    "pdf": (
        lambda tmp, bon: _ecrire(tmp / "livret.pdf", b"%PDF-1.7\n%\xe2\xe3\n"),
        "Socle ne lit pas les PDF",
    ),
    "pdf-renomme": (lambda tmp, bon: _ecrire(tmp / "livret.txt", b"%PDF-1.7\n"), "Socle ne lit pas les PDF"),
    "extension": (lambda tmp, bon: _ecrire(tmp / "livret.pages", b"PK"), "pas les fichiers « .pages »"),
    "vide": (lambda tmp, bon: _ecrire(tmp / "livret.odt", b""), "le fichier est vide"),
    "absent": (lambda tmp, bon: tmp / "nulle-part.docx", "ce fichier n'existe pas"),
}


def _ecrire(cible: Path, contenu: bytes) -> Path:
    cible.write_bytes(contenu)
    return cible


@pytest.mark.parametrize("cas", sorted(CAS))
def test_un_fichier_illisible_est_refuse_en_francais(cas, tmp_path, bon_docx, capsys, monkeypatch):
    fabriquer, attendu = CAS[cas]
    fichier = fabriquer(tmp_path, bon_docx)
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("SOCLE_DATA_DIR", str(data))
    assert main([str(fichier), "essai"]) == 1
    erreur = capsys.readouterr().err
    assert erreur.startswith(f"✗ « {fichier.name} » ne peut pas être importé : ")
    assert attendu in erreur, erreur
    assert "Traceback" not in erreur
    assert list(data.iterdir()) == []


def test_pandoc_est_borne(monkeypatch, tmp_path, bon_docx):
    """A file that passed the checks and still runs away is stopped by the child's limits."""
    from macros.document import lecture, limites

    monkeypatch.setattr(limites, "MEMOIRE_MAX", 20 * 1024 * 1024)  # far too little for pandoc
    with pytest.raises(lecture.DocumentIlisible, match="n'a pas pu être lu en entier"):
        lecture.lire(bon_docx)
