"""An organisation's files (`data/<slug>/fichiers/`): what is published, how pages link them.

The syndicat fixture has a logo, a form (PDF) and a plan (SVG): each is published at
/fichiers/, a link to the form says « (PDF, 15 Ko) », the logo is in the header, the favicon
and on the kit's cover. A hostile SVG, a file that is not what its name says, a link that
leads nowhere and a Markdown link left as typed are refused with their file and line, by the
loader (`make check`) and by the build.
"""

from __future__ import annotations

import base64
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from macros.data.errors import DataErrors
from macros.data.fichiers import Fichier
from macros.data.loader import load_referentiel

from .conftest import FIXTURES, article_html, build_site, visible_text
from .helpers import pdftotext

SYNDICAT = FIXTURES / "syndicat"


@pytest.fixture
def syndicat(tmp_path) -> Path:
    folder = tmp_path / "data" / "syndicat"
    shutil.copytree(SYNDICAT, folder)
    return folder


def _errors(folder: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_referentiel(folder, folder.parent.parent)
    return [str(error) for error in caught.value.errors]


# --- What the loader accepts ----------------------------------------------------------------

def test_the_files_are_catalogued_with_format_and_size():
    loaded = load_referentiel(SYNDICAT, FIXTURES.parent.parent)
    assert sorted(loaded.fichiers) == ["demande-teletravail.pdf", "logo.png", "plan-du-siege.svg"]
    form = loaded.fichiers["demande-teletravail.pdf"]
    size = (SYNDICAT / "fichiers" / "demande-teletravail.pdf").stat().st_size
    assert (form.format, form.octets, form.type_mime) == ("PDF", size, "application/pdf")
    assert form.libelle == f"PDF, {-(-size // 1024)}\u00a0Ko"
    assert Fichier("a.png", 1_300_000).libelle == "PNG, 1,2\u00a0Mo"
    assert loaded.logo == loaded.fichiers["logo.png"]


HOSTILE_SVG = {
    "script": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "onload": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>',
    "foreignObject": ('<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div xmlns="http://www.w3.org'
                      '/1999/xhtml">x</div></foreignObject></svg>'),
    "javascript": ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
                   '<a xlink:href="javascript:alert(1)"><text>x</text></a></svg>'),
    "external image": ('<svg xmlns="http://www.w3.org/2000/svg"><image href="https://exemple.invalid/x.png"/>'
                       '</svg>'),
    "animation": ('<svg xmlns="http://www.w3.org/2000/svg"><a>'
                  '<set attributeName="href" to="javascript:alert(1)"/></a></svg>'),
    "entities": '<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
    "style": '<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://exemple.invalid/a.css);</style></svg>',
    "not svg": '<html><body onload="alert(1)"></body></html>',
}


@pytest.mark.parametrize("kind", HOSTILE_SVG)
def test_a_hostile_svg_is_refused(syndicat, kind):
    (syndicat / "fichiers" / "piege.svg").write_text(HOSTILE_SVG[kind], encoding="utf-8")
    [error] = _errors(syndicat)
    assert error.startswith("data/syndicat/fichiers/piege.svg: dessin SVG refusé") \
        or error.startswith("data/syndicat/fichiers/piege.svg: ce n'est pas"), error


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("page.html", b"<html></html>", "ce type de fichier n'est pas publié"),
    ("script.js", b"alert(1)", "ce type de fichier n'est pas publié"),
    ("faux.pdf", b"<html><script>alert(1)</script>", "ce fichier n'est pas un vrai PDF"),
    ("image.png", b"GIF89a", "ce fichier n'est pas un vrai PNG"),
    ("Mon formulaire.pdf", b"%PDF-1.7", "« Mon formulaire.pdf » ne peut pas servir d'adresse"),
])
def test_what_is_not_a_publishable_file_is_refused(syndicat, name, content, expected):
    (syndicat / "fichiers" / name).write_bytes(content)
    [error] = _errors(syndicat)
    assert error.startswith(f"data/syndicat/fichiers/{name}: {expected}"), error


def test_a_link_or_a_folder_in_fichiers_is_refused(tmp_path, syndicat):
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"%PDF-1.7 secret")
    (syndicat / "fichiers" / "lien.pdf").symlink_to(secret)
    (syndicat / "fichiers" / "archives").mkdir()
    errors = _errors(syndicat)
    assert errors[0].startswith("data/syndicat/fichiers/archives: sous-dossier refusé"), errors
    assert errors[1].startswith("data/syndicat/fichiers/lien.pdf: lien symbolique refusé"), errors


# --- Links that lead nowhere ------------------------------------------------------------------

def test_a_link_to_a_missing_file_or_left_as_typed_is_named_at_its_line(syndicat):
    rubrique = syndicat / "rubriques" / "teletravail.md"
    text = rubrique.read_text(encoding="utf-8")
    text = text.replace("(fichiers/demande-teletravail.pdf)", "(fichiers/demande.pdf)")
    text = text.replace("[délibération du comité syndical](https://exemple.invalid/deliberation)",
                        "[délibération](deliberation.pdf)")
    rubrique.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    missing = next(n for n, line in enumerate(lines, 1) if "fichiers/demande.pdf" in line)
    raw = next(n for n, line in enumerate(lines, 1) if "deliberation.pdf" in line)
    errors = "\n".join(_errors(syndicat))
    where = "data/syndicat/rubriques/teletravail.md"
    assert f"{where}:{raw}: « [délibération](deliberation.pdf) » ne mène nulle part" in errors, errors
    assert (f"{where}:{missing}: le lien vers « fichiers/demande.pdf » ne mène à aucun fichier : "
            "data/syndicat/fichiers/ ne contient pas « demande.pdf ».") in errors


def test_a_missing_logo_image_or_download_is_named_at_its_field(syndicat):
    (syndicat / "fichiers" / "logo.png").unlink()
    contacts = syndicat / "rubriques" / "contacts.yml"
    text = contacts.read_text(encoding="utf-8").replace("plan-du-siege.svg", "demande-teletravail.pdf")
    text = text.replace("fichier: demande-teletravail.pdf\n    libelle", "fichier: absent.odt\n    libelle")
    contacts.write_text(text, encoding="utf-8")
    errors = "\n".join(_errors(syndicat))
    assert re.search(r"data/syndicat/referentiel.yml:\d+:\d+: le logo « logo.png » doit être un fichier du "
                     r"dossier data/syndicat/fichiers/", errors), errors
    assert re.search(r"contacts.yml:\d+:\d+: l'image « demande-teletravail.pdf » n'est pas une image",
                     errors)
    assert re.search(r"contacts.yml:\d+:\d+: le fichier « absent.odt » doit être un fichier du dossier",
                     errors)


def test_a_markdown_link_in_a_field_without_links_is_refused(syndicat):
    # A bespoke kind's texts are shown as typed: a link there would keep its brackets.
    charte = syndicat / "charte.yml"
    text = charte.read_text(encoding="utf-8")
    line = text[:text.index("nom: La continuité du service")].count("\n") + 1
    linked = 'nom: "La [continuité](https://exemple.invalid) du service"'
    charte.write_text(text.replace("nom: La continuité du service", linked), encoding="utf-8")
    [error] = _errors(syndicat)
    assert error.startswith(f"data/syndicat/charte.yml:{line}:") and "serait affiché tel quel" in error, error


def test_the_build_stops_on_a_broken_link_with_its_file_and_line(tmp_path, syndicat):
    rubrique = syndicat / "rubriques" / "teletravail.md"
    text = rubrique.read_text(encoding="utf-8")
    text = text.replace("fichiers/demande-teletravail.pdf", "fichiers/demande.pdf")
    rubrique.write_text(text, encoding="utf-8")
    result = build_site(tmp_path / "site", "syndicat", syndicat.parent, today="2026-06-15")
    output = (result.stdout + result.stderr).replace(f"{tmp_path}/", "")
    assert result.returncode != 0 and "Traceback" not in output
    assert re.search(r"data/syndicat/rubriques/teletravail.md:\d+: le lien vers « fichiers/demande.pdf »",
                     output), output


# --- The built site and kit ---------------------------------------------------------------------

def test_the_files_are_published_as_they_are(syndicat_site):
    for name in ("demande-teletravail.pdf", "logo.png", "plan-du-siege.svg"):
        assert (syndicat_site / "fichiers" / name).read_bytes() == (SYNDICAT / "fichiers" / name).read_bytes()


def test_a_link_and_a_download_say_format_and_size(syndicat_site):
    size = -(-(SYNDICAT / "fichiers" / "demande-teletravail.pdf").stat().st_size // 1024)
    page = article_html(syndicat_site, "teletravail")
    assert (f'<a href="../fichiers/demande-teletravail.pdf" type="application/pdf">formulaire de demande</a> '
            f'<span class="socle-fichier">(PDF, {size}\u00a0Ko)</span>') in page
    contacts = article_html(syndicat_site, "contacts")
    assert f"Demande de télétravail (PDF, {size} Ko)" in visible_text(contacts)
    assert '<img src="../fichiers/plan-du-siege.svg" alt="Plan du rez-de-chaussée du siège' in contacts


def test_the_logo_is_in_the_header_and_the_favicon(syndicat_site):
    page = (syndicat_site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="icon" href="fichiers/logo.png">' in page
    header = page[page.index('class="md-header__button md-logo"'):]
    assert header[:header.index("</a>")].strip().endswith('<img src="fichiers/logo.png" alt="">')
    assert "book-open" not in page


def test_the_sigle_stands_for_a_missing_logo(tmp_path):
    result = build_site(tmp_path / "site", "mini", FIXTURES)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<span class="socle-sigle" data-sigle="CE" aria-hidden="true"></span>' in page


def test_the_kit_has_the_logo_on_its_cover_and_prints_link_addresses(syndicat_site):
    pdf = syndicat_site / "kit-accueil.pdf"
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True,
                             check=True).stdout
    images = [line.split() for line in listing.splitlines()[2:]]
    # The logo (96 × 96 px) on page 1, the cover.
    assert any(row[0] == "1" and row[3:5] == ["96", "96"] for row in images), listing
    text = " ".join(pdftotext(pdf).split())
    assert "formulaire de demande (fichiers/demande-teletravail.pdf)" in text
    assert "délibération du comité syndical (https://exemple.invalid/deliberation)" in text
    assert "Demande de télétravail (à télécharger sur le site : fichiers/demande-teletravail.pdf)" in text


# A WebP of 40 × 20 px (a blue frame), written by Chromium's canvas.
WEBP = base64.b64decode(
    "UklGRqYCAABXRUJQVlA4WAoAAAAgAAAAJwAAEwAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAA"
    "AABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAA"
    "ABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAA"
    "AAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAA"
    "AAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAA"
    "AABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDgguAAAANAF"
    "AJ0BKigAFAA+bS6RRiQioaEwGqgAgA2JaAC7OUF+Ac8pYflEmA0AACYRI2IPjwcTGZEDu4AA/uvQX9wjG6n6No5Z7ev3dllq"
    "AKjC/M2jNEPRzkqgy/CncTBfPNEAeP61M9Jh1/xBWbBmvpJw7CMK/5E8F/QfgTALVdAFvzzqS/38s5nfd5srghgDl82bJQOZ"
    "opIfO/KGory9BSD+lKWDC1+IxFIJD1THJ+XidthhzeVF1vwEIAA=")


def test_a_webp_image_is_in_the_kit_and_a_decorative_one_says_nothing(tmp_path, syndicat):
    """Typst 0.15 reads WebP: the kit prints it. An image marked « décorative » has an empty
    alternative on the site and none in the kit, where the word is never printed."""
    (syndicat / "fichiers" / "bandeau.webp").write_bytes(WEBP)
    (syndicat / "fichiers" / "ornement.webp").write_bytes(WEBP)
    contacts = syndicat / "rubriques" / "contacts.yml"
    contacts.write_text(contacts.read_text(encoding="utf-8") + (
        "  - type: images\n"
        "    titre: Le siège en images\n"
        "    items:\n"
        "      - fichier: bandeau.webp\n"
        "        alternative: \"Bandeau bleu du syndicat\"\n"
        "      - fichier: ornement.webp\n"
        "        alternative: \"décorative\"\n"
        "        legende: Un *ornement*.\n"), encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(site, "syndicat", syndicat.parent, today="2026-06-15")
    assert result.returncode == 0, result.stderr
    page = article_html(site, "contacts")
    assert '<img src="../fichiers/bandeau.webp" alt="Bandeau bleu du syndicat"' in page
    assert '<img src="../fichiers/ornement.webp" alt=""' in page
    pdf = site / "kit-accueil.pdf"
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True,
                             check=True).stdout
    webp = [line for line in listing.splitlines()[2:] if line.split()[3:5] == ["40", "20"]]
    assert len(webp) == 2, listing
    text = " ".join(pdftotext(pdf).split())
    assert "Le siège en images" in text and "Un ornement." in text
    assert "décorative" not in text.lower() and "Bandeau bleu du syndicat" not in text
