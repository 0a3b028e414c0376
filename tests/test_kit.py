"""The kit d'accueil (PDF) and the « Mes premiers jours » page, on real builds.

The PDFs checked are those the site build writes (session fixtures of conftest),
read with poppler's own tools (pdftotext, pdfinfo, pdffonts) as a reader's
software would.
"""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from macros.data.loader import load_referentiel
from macros.kit.chapters import chapters
from macros.kit.document import kit_source
from macros.registry import IDENTITY, KINDS, KINDS_NOT_PRINTED, PAGES
from macros.site.pages import present_pages

from .conftest import ROOT, article_html, visible_text
from .helpers import data_texts, missing_items, normalise, pdfinfo, pdftotext

KIT = "kit-accueil.pdf"
BETHUNE = load_referentiel(ROOT / "data" / "bethune", ROOT)
PDC = load_referentiel(ROOT / "data" / "pas-de-calais", ROOT)


def test_every_page_is_in_the_kit_or_left_out_on_purpose():
    for spec in PAGES:
        assert bool(spec.kit) != bool(spec.kit_left_out), spec.path
    printed = {key for spec in PAGES for key, _ in spec.kit}
    for section in KINDS:
        assert section.key in printed or section.key in KINDS_NOT_PRINTED, section.key
    assert IDENTITY.key in printed


def test_chapters_follow_the_sections_present():
    assert [c.title for c in chapters(PDC)] == ["Valeurs et charte", "À propos"]
    bethune = [c.title for c in chapters(BETHUNE)]
    assert bethune[:3] == ["Le document en quelques mots", "Notre commune", "Valeurs et charte"]
    assert {"Gouvernance", "Plan d'amélioration", "Droits et obligations"} <= set(bethune)


@pytest.mark.parametrize(("loaded", "fixture"), [(BETHUNE, "bethune_site"), (PDC, "pdc_site")])
def test_pdf_carries_every_data_text(loaded, fixture, request):
    text = normalise(pdftotext(request.getfixturevalue(fixture) / KIT, raw=True))
    missing = [t for key, model in loaded.sections.items() if key not in KINDS_NOT_PRINTED
               for t in data_texts(model) if normalise(t) not in text]
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize(("slug", "fixture"), [
    ("bethune", "bethune_site"),
    ("pas-de-calais", "pdc_site"),
])
def test_pdf_carries_every_source_item(slug, fixture, request):
    missing = missing_items(slug, pdftotext(request.getfixturevalue(fixture) / KIT, raw=True))
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("fixture", ["bethune_site", "pdc_site"])
def test_pdf_is_tagged_titled_french_small_and_embeds_its_fonts(fixture, request):
    pdf = request.getfixturevalue(fixture) / KIT
    info = pdfinfo(pdf)
    assert info["Tagged"] == "yes"
    assert info["Title"].startswith("Kit d'accueil des agents — ")
    assert pdf.stat().st_size < 2 * 1024 * 1024
    data = pdf.read_bytes()
    streams = b"".join(_inflate(data, m.end()) for m in re.finditer(rb"stream\r?\n", data))
    assert re.search(rb"/Lang\s*\(fr", data + streams)
    assert b"pdfuaid:part" in data + streams                          # declared PDF/UA-1
    assert re.search(rb"/DisplayDocTitle\s*true", data + streams)  # viewers show the title
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), fonts  # "emb" column


def _inflate(data: bytes, start: int) -> bytes:
    try:
        return zlib.decompressobj().decompress(data[start:start + 4_000_000])
    except zlib.error:
        return b""


def test_cover_contents_and_running_headers(bethune_site):
    pdf = bethune_site / KIT
    pages = int(pdfinfo(pdf)["Pages"])
    cover = pdftotext(pdf, 1)
    for text in ["VILLE DE BÉTHUNE", "Kit d'accueil des agents", "Notre projet d'administration",
                 "Octobre 2023"]:
        assert text in cover, text
    assert "Page 1" not in cover  # no page number on the cover
    contents = pdftotext(pdf, 2)
    # Each chapter of the contents points to the page where its heading is printed,
    # and that page's running header names the chapter.
    entries = re.findall(r"^(\S[^\n.]*?)\s*(?:\.\s?){3,}[\s\u2060]*(\d+)$", contents, re.MULTILINE)
    assert len(entries) == len(chapters(BETHUNE)), contents
    for title, number in entries:
        page = pdftotext(pdf, int(number))
        head = page.splitlines()[:4]
        assert title.strip() in head, (title, head)
        assert f"Page {number} sur {pages}" in page


def test_french_typography_in_the_kit():
    # Every text from the data reaches Typst as a string literal set by `fr`: a no-break
    # space before ; : ! ? », after «, and never a plain one.
    source = kit_source(BETHUNE)
    texts = [bytes(t, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
             for t in re.findall(r'"((?:[^"\\]|\\.)*)"', source.split("#show: mise-en-page", 1)[1])]
    text = "\n".join(texts)
    assert not re.search(r"[^\S\n\u202f\xa0][;:!?»]", text), re.findall(r".{20}[ ][;:!?»]", text)[:5]
    assert not re.search(r"«[ ]", text)
    assert "\u202f:" in text and "«\u202f" in text


def _page_texts(pdf: Path) -> list[str]:
    """Each page's text, in reading order, with line breaks and hyphen-free wraps joined."""
    pages = pdftotext(pdf, raw=True).split("\f")
    return [re.sub(r"\s+", " ", page) for page in pages]


def test_table_rows_never_split_across_pages(bethune_site):
    # A row split across two pages would leave the end of its longest cell on the next
    # page: each row's number (or name) and whole text must be found on one page.
    pages = [normalise(page) for page in _page_texts(bethune_site / KIT)]
    rows = [(normalise(f"{o.numero}.{n} {a.texte}"), normalise(a.precisions[-1]) if a.precisions else "")
            for o in BETHUNE.plan.objectifs for n, a in enumerate(o.actions, start=1)]
    rows += [(normalise(i.nom), normalise(i.fonctions[-1]) if i.fonctions else normalise(i.frequence or ""))
             for i in BETHUNE.gouvernance.instances]
    assert len(rows) == len(BETHUNE.plan.actions) + len(BETHUNE.gouvernance.instances)
    split = [start for start, end in rows
             if not any(start in page and end in page.split(start, 1)[1] for page in pages)]
    assert not split, split[:5]


@pytest.mark.parametrize("fixture", ["bethune_site", "pdc_site"])
def test_home_page_link_gives_the_real_figures(fixture, request):
    site = request.getfixturevalue(fixture)
    pdf = site / KIT
    pages = int(pdfinfo(pdf)["Pages"])
    home = visible_text(article_html(site, ""))
    expected = f"Télécharger le kit d'accueil (PDF, {pages} pages, {math.ceil(pdf.stat().st_size / 1024)} Ko)"
    assert expected in home
    assert f'href="{KIT}"' in article_html(site, "")


def test_first_days_page_lists_the_present_pages_in_order(bethune_site, pdc_site):
    for loaded in (BETHUNE, PDC):
        assert [p.path for p in present_pages(loaded)][:2] == ["index.md", "mes-premiers-jours.md"]
    page = article_html(bethune_site, "mes-premiers-jours")
    steps = re.findall(r'<li id="etape-([^"]+)" data-etape="[^"]+"><a href="\.\./([^"]+)"', page)
    assert [url for _, url in steps] == ["collectivite/", "valeurs/", "engagements-par-role/",
                                          "droits-obligations/", "gouvernance/", "circuits/",
                                          "note-piaa/", "relation-usagers/", "plan/", "smart-city/",
                                          "glossaire/", "a-propos/"][: len(steps)]
    assert len(steps) >= 11
    assert "<ol" in page and "<input" not in page  # works without JavaScript: a list of links
    text = visible_text(page)
    assert "4 axes, 33 objectifs, 138 actions." in text
    assert 'href="../kit-accueil.pdf"' in page
    pdc = article_html(pdc_site, "mes-premiers-jours")
    pdc_steps = re.findall(r'data-etape="[^"]+"><a href="\.\./([^"]+)"', pdc)
    assert pdc_steps == ["valeurs/", "engagements-par-role/", "a-propos/"]
    assert "gouvernance" not in pdc_steps


def test_no_page_or_index_keeps_the_kit_placeholder(bethune_site):
    # Pages are rendered while the kit is made; its figures replace the placeholder
    # before each page is written and indexed for search.
    from macros.kit import PENDING_LABEL

    for path in bethune_site.rglob("*"):
        if path.suffix in {".html", ".json"}:
            assert PENDING_LABEL not in path.read_text(encoding="utf-8"), path
    pdf = bethune_site / KIT
    label = f"(PDF, {pdfinfo(pdf)['Pages']} pages, {math.ceil(pdf.stat().st_size / 1024)}\u00a0Ko)"
    index = json.loads((bethune_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert sum(label in doc["text"] for doc in index["docs"]) >= 2  # home page, « Mes premiers jours »


@pytest.mark.parametrize("text", [
    'guillemet " et barre \\ finale \\', "retour\nà la ligne\tet tabulation\x01",
    '#set page(paper: "a6") $x$ <l> @l *g* _i_ `c` [lien](x) {{ jinja }}', "", "« déjà » ; deux : points !",
])
def test_texts_reach_typst_as_written(text):
    # Typst reads back the very string the data holds (in French typography): the literal
    # the kit's templates write cannot be escaped from.
    import typst

    from macros.kit.document import typst_value
    from macros.site.render import french_typography

    source = f"#metadata({typst_value(text)}) <valeur>".encode()
    assert json.loads(typst.query(source, "<valeur>", field="value")) == [french_typography(text)]


def test_absent_optional_text_is_still_a_string():
    from macros.kit.document import typst_value

    assert str(typst_value(None)) == '""'


# --- Made in a child process (`mkdocs build`) ---------------------------------------------
# Each case runs in a fresh interpreter, as `mkdocs build` does: Typst not yet loaded.

_CHILD_CASE = """
import sys
import macros.kit.pdf as pdf
from macros.data.construction import Construction
{setup}
fabrique, ref = pdf.FabriqueKit(), Construction.du_projet().referentiel()
fabrique.start(ref, in_child_process=True)
try:
    kit = fabrique.kit_for(ref)
except pdf.KitError as error:
    print("KitError:", error)
else:
    print("made in child:", "typst" not in sys.modules, kit.pages, kit.data[:5].decode(), kit.label)
"""


def _kit_in_fresh_process(setup: str = "", slug: str = "pas-de-calais") -> str:
    env = {**os.environ, "REFERENTIEL": slug}
    result = subprocess.run([sys.executable, "-c", _CHILD_CASE.format(setup=setup)], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_child_process_sends_back_the_pdf_and_its_figures():
    # Typst stays out of the parent: the child loaded it, laid the kit out, sent it back.
    out = _kit_in_fresh_process()
    assert out.startswith("made in child: True 6 %PDF- PDF, 6 pages, "), out


def test_typst_refusal_in_the_child_reaches_the_build_as_kit_error():
    out = _kit_in_fresh_process('pdf.kit_source = lambda ref: "#let x = ("')
    assert out == "KitError: Typst : unclosed delimiter", out


def test_a_child_that_dies_is_reported_not_awaited_forever():
    out = _kit_in_fresh_process("def crash(ref, cache):\n    raise RuntimeError('panne simulée')\n"
                                "pdf.render_kit = crash")
    assert out.startswith("KitError: le processus qui fait le kit s'est arrêté sans réponse"), out


def test_no_child_once_typst_is_loaded():
    # Forked after Typst started its threads, the child would wait forever: the kit is then
    # made in a thread of the process itself (the case finishes, within the timeout).
    out = _kit_in_fresh_process("import typst")
    assert out.startswith("made in child: False 6 %PDF-"), out


def test_pages_written_before_the_kit_get_its_figures_afterwards(tmp_path):
    from macros.kit import PENDING_LABEL
    from macros.kit.placeholder import fill_in

    page = tmp_path / "index.html"
    page.write_text(f"<p>Kit ({PENDING_LABEL})</p>", encoding="utf-8")
    untouched = tmp_path / "autre.html"
    untouched.write_text("<p>Rien</p>", encoding="utf-8")
    index = tmp_path / "search_index.json"
    # As Material writes it (material/plugins/search/plugin.py).
    index.write_text(json.dumps({"docs": [{"text": f"Kit ({PENDING_LABEL})"}]}, separators=(",", ":")),
                     encoding="utf-8")
    label = "PDF, 2 pages, 3\u00a0Ko <&>"
    fill_in([page, untouched, tmp_path / "absente.html"], index, label)
    assert page.read_text(encoding="utf-8") == "<p>Kit (PDF, 2 pages, 3\u00a0Ko &lt;&amp;&gt;)</p>"
    assert untouched.read_text(encoding="utf-8") == "<p>Rien</p>"
    assert json.loads(index.read_text(encoding="utf-8")) == {
        "docs": [{"text": "Kit (PDF, 2 pages, 3\u00a0Ko &lt;&amp;&gt;)"}]}
    # Still as Material writes it: the same bytes as when the kit was made before the page.
    filled = {"docs": [{"text": "Kit (PDF, 2 pages, 3\u00a0Ko &lt;&amp;&gt;)"}]}
    assert index.read_text(encoding="utf-8") == json.dumps(filled, separators=(",", ":"))
