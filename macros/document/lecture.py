"""A DOCX or an ODT checked whole, then read by pandoc into its document model (JSON AST).

pandoc's model is the reference for both formats (headings, emphasis, links, nested lists,
tables with their spans, figures, notes): the same walk (markdown.py) serves both. Before
pandoc sees the file, it passes the checks every office import shares (macros/data/archive.py):
declared sizes, number of parts, no password, every XML part parsed strictly without DTD or
entity. pandoc then runs in a child process bounded in processor time, heap and address
space, in its sandbox (it reads the file and nothing else).
"""

from __future__ import annotations

import json
import resource
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.handler import ContentHandler

from macros.data import archive
from macros.document import limites
from macros.text.francais import taille_lisible


class DocumentIlisible(archive.ArchiveIlisible):
    """The file cannot be read whole (message in French, for the user)."""


_REENREGISTRER = (
    "Ouvrez-le avec Word ou LibreOffice Writer, enregistrez-le de nouveau en .docx ou .odt, puis importez-le."
)
_MOT_DE_PASSE = (
    "il est protégé par un mot de passe, ou c'est un ancien document Word 97-2003 (.doc) : "
    "Socle ne lit que les documents DOCX et ODT sans mot de passe. Ouvrez-le, retirez le mot "
    "de passe (Fichier › Informations › Protéger le document dans Word, Fichier › "
    "Propriétés › Sécurité dans LibreOffice) et enregistrez-le en .docx ou .odt, puis "
    "importez-le."
)
DOCUMENT = archive.Format(
    nature="un document DOCX ou ODT",
    exemple="FICHIER=…/livret.docx",
    reenregistrer=_REENREGISTRER,
    mot_de_passe=_MOT_DE_PASSE,
    plafond="un livret d'accueil",
    parties_usuelles="quelques dizaines",
    taille_fichier_max=limites.TAILLE_FICHIER_MAX,
    taille_decompressee_max=limites.TAILLE_DECOMPRESSEE_MAX,
    parties_max=limites.PARTIES_MAX,
    exception=DocumentIlisible,
)

_FORMATS = {".docx": "docx", ".odt": "odt"}
_AUTRES = {
    ".doc": "c'est un ancien document Word 97-2003 (.doc), que Socle ne lit pas en entier. Ouvrez-le "
    "avec Word ou LibreOffice Writer et enregistrez-le en .docx ou .odt, puis importez ce fichier.",
    ".pdf": "Socle ne lit pas les PDF : le texte y est coupé en lignes et en pages, ses titres et ses "
    "listes sont perdus. Importez le document d'origine (.docx ou .odt) ; si vous n'avez que le "
    "PDF, ouvrez-le avec Word ou LibreOffice, enregistrez-le en .docx ou .odt, relisez-le, puis "
    "importez-le.",
    ".rtf": "Socle ne lit pas le RTF en entier. Ouvrez-le et enregistrez-le en .docx ou .odt.",
    ".odp": "c'est une présentation : Socle importe un document texte (.docx ou .odt).",
    ".pptx": "c'est une présentation : Socle importe un document texte (.docx ou .odt).",
    ".ods": "c'est un tableur : pour le plan d'actions, utilisez make importer-plan ; Socle importe ici "
    "un document texte (.docx ou .odt).",
    ".xlsx": "c'est un tableur : pour le plan d'actions, utilisez make importer-plan ; Socle importe ici "
    "un document texte (.docx ou .odt).",
}
_ODT = b"application/vnd.oasis.opendocument.text"
_MANIFEST_NS = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
_DC = "http://purl.org/dc/elements/1.1/"
_META_NS = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
_DCTERMS = "http://purl.org/dc/terms/"


@dataclass(frozen=True)
class Lu:
    """What the file holds: pandoc's model, its images by their name in the model, its metadata."""

    format: str  # docx or odt
    ast: dict
    medias: dict[str, bytes] = field(default_factory=dict)
    titre: str | None = None  # the title stored in the file's properties
    date: str | None = None  # its creation date there, AAAA-MM-JJ


def refus(path: Path, raison: str) -> DocumentIlisible:
    return archive.refus(DOCUMENT, path, raison)  # type: ignore[return-value]


class _Taille(ContentHandler):
    """Any XML part: parsed strictly; an ODT's manifest says whether parts are encrypted."""

    def __init__(self) -> None:
        super().__init__()
        self.chiffre = False
        self.champ: tuple[str, str] | None = None
        self.valeurs: dict[tuple[str, str], str] = {}

    def startElementNS(self, name, qname, attrs):
        if name == (_MANIFEST_NS, "encryption-data"):
            self.chiffre = True
        if name in ((_DC, "title"), (_META_NS, "creation-date"), (_DCTERMS, "created"), (_DC, "date")):
            self.champ = name
            self.valeurs.setdefault(name, "")

    def endElementNS(self, name, qname):
        self.champ = None

    def characters(self, content):
        if self.champ:
            self.valeurs[self.champ] += content


def verifier(path: Path) -> tuple[str, dict[str, bytes], str | None, str | None]:
    """(format, images, title, date) of a file that passed every check; else DocumentIlisible."""
    extension = path.suffix.lower()
    if path.is_file() and extension not in _FORMATS:
        with path.open("rb") as stream:
            debut = stream.read(5)
        if debut == b"%PDF-":
            raise refus(path, _AUTRES[".pdf"])
        raise refus(
            path,
            _AUTRES.get(
                extension,
                f"Socle importe les documents .docx (Word) et .odt "
                f"(LibreOffice Writer), pas les fichiers « {extension or 'sans extension'} ». "
                + _REENREGISTRER,
            ),
        )
    with archive.ouvrir(DOCUMENT, path) as zip_:
        noms = set(zip_.namelist())
        format_ = _FORMATS.get(extension, "docx")
        if format_ == "odt" and ("mimetype" not in noms or zip_.read("mimetype").strip() != _ODT):
            raise refus(
                path,
                "ce n'est pas un document texte ODT (ce peut être un tableur ou une "
                "présentation renommés). " + _REENREGISTRER,
            )
        if format_ == "docx" and "word/document.xml" not in noms:
            raise refus(
                path,
                "ce n'est pas un document Word DOCX (il n'a pas de texte « word/document.xml »). "
                + _REENREGISTRER,
            )
        xml = [info for info in zip_.infolist() if info.filename.endswith((".xml", ".rels"))]
        if sum(info.file_size for info in xml) > limites.TAILLE_XML_MAX:
            raise refus(
                path,
                f"son texte ferait {taille_lisible(sum(i.file_size for i in xml))} une fois "
                f"décompressé, au-delà des {taille_lisible(limites.TAILLE_XML_MAX)} qu'accepte "
                "l'import : découpez-le en plusieurs documents.",
            )
        lecteur = _Taille()
        if format_ == "odt" and "META-INF/manifest.xml" in noms:
            archive.analyser(DOCUMENT, path, zip_, "META-INF/manifest.xml", lecteur)
            if lecteur.chiffre:
                raise refus(path, _MOT_DE_PASSE)
        for info in xml:
            archive.analyser(DOCUMENT, path, zip_, info.filename, lecteur)
        prefixe = "word/" if format_ == "docx" else ""
        dossier_medias = "word/media/" if format_ == "docx" else "Pictures/"
        medias = {
            nom[len(prefixe) :]: zip_.read(nom)
            for nom in sorted(noms)
            if nom.startswith(dossier_medias) and not nom.endswith("/")
        }
    valeurs = lecteur.valeurs
    titre = (valeurs.get((_DC, "title")) or "").strip() or None
    date = next(
        (
            valeurs[k].strip()[:10]
            for k in ((_META_NS, "creation-date"), (_DCTERMS, "created"), (_DC, "date"))
            if valeurs.get(k, "").strip()
        ),
        None,
    )
    return format_, medias, titre, date


def _borner() -> None:  # in the child, before pandoc starts
    resource.setrlimit(resource.RLIMIT_CPU, (limites.TEMPS_MAX, limites.TEMPS_MAX))
    resource.setrlimit(resource.RLIMIT_AS, (limites.MEMOIRE_MAX, limites.MEMOIRE_MAX))


def pandoc() -> str:
    """The pandoc that the pypandoc-binary wheel ships (no system install)."""
    import pypandoc

    return pypandoc.get_pandoc_path()


def lire(path: Path) -> Lu:
    """The file read whole by pandoc, or DocumentIlisible."""
    format_, medias, titre, date = verifier(path)
    commande = [
        pandoc(),
        "+RTS",
        f"-M{limites.MEMOIRE_PANDOC}",
        "-RTS",
        "--sandbox",
        "-f",
        format_,
        "-t",
        "json",
        "--",
        str(path.resolve()),
    ]
    try:
        fini = subprocess.run(
            commande,
            capture_output=True,
            preexec_fn=_borner,
            timeout=limites.TEMPS_MAX * 2,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        raise refus(
            path,
            f"sa lecture a duré plus de {limites.TEMPS_MAX * 2} secondes : il a peut-être été "
            "fabriqué. " + _REENREGISTRER,
        ) from None
    if fini.returncode != 0:
        raison = fini.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = f" (pandoc : {raison[-1][:200]})" if raison else ""
        raise refus(
            path,
            "il n'a pas pu être lu en entier, parce qu'il est abîmé ou trop lourd"
            f"{detail}. " + _REENREGISTRER,
        )
    try:
        ast = json.loads(fini.stdout)
    except ValueError:
        raise refus(path, "sa lecture n'a rien donné de lisible. " + _REENREGISTRER) from None
    return Lu(format_, ast, medias, titre, date)
