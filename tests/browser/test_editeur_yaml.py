"""What the editor writes is what Socle reads: admin/socle-yaml.js run in Chromium, where the
editor runs it, over every data file of both référentiels and the fixture.

Read and written back without a change, every file comes out byte for byte (header comments,
comments inside, blank lines, quoting); a one-field change moves that field's lines only,
and the strict loader reads the result.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading

import pytest

from macros.data.yaml_strict import parse_yaml_text

from ..conftest import FIXTURES, ROOT
from .conftest import _QuietHandler

FILES = sorted([*ROOT.glob("data/*/*.yml"), *ROOT.glob("data/*/rubriques/*.yml"),
                *FIXTURES.glob("syndicat/*.yml"), *FIXTURES.glob("syndicat/rubriques/*.yml")])


@pytest.fixture(scope="module")
def project_server():
    handler = functools.partial(_QuietHandler, directory=str(ROOT))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def serializer(browser, project_server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(project_server + "/admin/vendor/README.md")
    yield page
    context.close()


ROUND_TRIP = """async (texts) => {
  const { lire, ecrire } = await import('/admin/socle-yaml.js');
  return texts.map((text) => ecrire(lire(text)));
}"""


def test_every_data_file_comes_back_unchanged(serializer):
    assert len(FILES) >= 20
    texts = [path.read_text(encoding="utf-8") for path in FILES]
    written = serializer.evaluate(ROUND_TRIP, texts)
    changed = [str(path.relative_to(ROOT)) for path, text, out in zip(FILES, texts, written, strict=True)
               if text != out]
    assert changed == []


EDIT = """async ([plan, charte]) => {
  const { lire, ecrire } = await import('/admin/socle-yaml.js');
  const p = lire(plan);
  p.objectifs[0].actions[1].statut = 'fait';
  p.fiche_projet = p.fiche_projet + ' Mise à jour : oui.';
  const c = lire(charte);
  c.valeurs[0].engagements[0].liste.push('Je dis « bonjour » : chaque matin, # sans faute.');
  c.sous_titre = '';                 // an optional field left empty stays absent
  delete c.valeurs[1].definition;    // a list removed
  return [ecrire(p), ecrire(c)];
}"""


def _diff(before: str, after: str) -> list[str]:
    import difflib

    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


@pytest.mark.essentiel
def test_a_change_moves_only_its_lines_and_the_strict_loader_reads_it(serializer):
    plan = (ROOT / "data/bethune/plan.yml").read_text("utf-8")
    charte = (ROOT / "data/bethune/charte.yml").read_text("utf-8")
    new_plan, new_charte = serializer.evaluate(EDIT, [plan, charte])
    plan_diff = _diff(plan, new_plan)
    assert plan_diff[-1] == "+        statut: fait"
    assert [line[:14] for line in plan_diff[:-1]] == ["-fiche_projet:", "+fiche_projet:"]
    assert new_plan.splitlines()[:5] == plan.splitlines()[:5]  # the header comments
    charte_diff = _diff(charte, new_charte)
    assert '+          - "Je dis « bonjour » : chaque matin, # sans faute."' in charte_diff
    assert all(line.startswith("-") for line in charte_diff if "bonjour" not in line)
    for name, text in (("plan.yml", new_plan), ("charte.yml", new_charte)):
        raw = parse_yaml_text(text, name)
        assert json.dumps(raw, ensure_ascii=False)  # plain texts, lists and mappings
    assert parse_yaml_text(new_plan, "plan.yml")["objectifs"][0]["actions"][1]["statut"] == "fait"
    assert parse_yaml_text(new_charte, "charte.yml")["valeurs"][0]["engagements"][0]["liste"][-1] == \
        "Je dis « bonjour » : chaque matin, # sans faute."


LISTS = """async (glossaire) => {
  const { lire, ecrire } = await import('/admin/socle-yaml.js');
  const edit = (change) => { const data = lire(glossaire); change(data.termes); return ecrire(data); };
  const at = (termes, sigle) => termes.findIndex((terme) => terme.sigle === sigle);
  return {
    // QVT and CIA swap places (a drag in the form).
    reorder: edit((termes) => {
      const i = at(termes, 'QVT');
      [termes[i], termes[i + 1]] = [termes[i + 1], termes[i]];
    }),
    // GRU removed: the items after it move up one place.
    remove: edit((termes) => { termes.splice(at(termes, 'GRU'), 1); }),
    // COMEX, a comment above it and a flow list, goes first.
    move: edit((termes) => { termes.unshift(...termes.splice(at(termes, 'COMEX'), 1)); }),
    add: edit((termes) => {
      termes.splice(2, 0, { sigle: 'DRH', developpe: 'Direction : ressources humaines' });
    }),
    // A list of texts (a flow list): one added.
    variantes: edit((termes) => { termes[at(termes, "B'CLIC")].variantes = ["B'Clic", 'BClic']; }),
  };
}"""


def test_list_items_keep_their_lines_and_comments_whatever_their_place(serializer):
    glossaire = (ROOT / "data/bethune/glossaire.yml").read_text("utf-8")
    written = serializer.evaluate(LISTS, glossaire)
    qvt = ["  - sigle: QVT", "    developpe: qualité de la vie professionnelle       # source l. 1151"]
    cia = ["  - sigle: CIA", "    developpe: Complément Indemnitaire Annuel          # source l. 1199"]
    # Reordered: the two items' lines, comments included, swap places (the diff shows one of
    # them moving); nothing else changes.
    assert _diff(glossaire, written["reorder"]) in (
        [f"-{line}" for line in qvt] + [f"+{line}" for line in qvt],
        [f"+{line}" for line in cia] + [f"-{line}" for line in cia])
    assert written["reorder"].index("QVT") > written["reorder"].index("CIA")
    # Deleted: GRU's two lines only; later comments stay on their terms, quotes and the flow
    # list [ComEx] as they were.
    assert _diff(glossaire, written["remove"]) == [
        "-  - sigle: GRU", "-    developpe: Gestion Relation Usagers                # source l. 741"]
    comex = ["  # COMEX est une instance (gouvernance.yml) ; le document l'écrit aussi « ComEx ».",
             "  - sigle: COMEX", "    variantes: [ComEx]"]
    assert _diff(glossaire, written["move"]) == [f"+{line}" for line in comex] + [
        f"-{line}" for line in comex]
    assert _diff(glossaire, written["add"]) == [
        "+  - sigle: DRH", '+    developpe: "Direction : ressources humaines"']
    assert _diff(glossaire, written["variantes"]) == [
        '-    variantes: ["B\'Clic"]', '+    variantes: ["B\'Clic", BClic]']
    for text in written.values():
        assert parse_yaml_text(text, "glossaire.yml")["termes"]


EMPTY_FIELDS = """async (plan) => {
  const { lire, ecrire } = await import('/admin/socle-yaml.js');
  const data = lire(plan);
  const action = data.objectifs[0].actions[0];
  action.avancement = 40;              // Decap's number field gives a number
  action.echeance = '2026-06-30';      // the date field, AAAA-MM-JJ
  const filled = ecrire(data);
  const again = lire(filled);
  again.objectifs[0].actions[0].avancement = null;   // emptied number field
  again.objectifs[0].actions[0].echeance = '';       // emptied date field
  return [filled, ecrire(again)];
}"""


def test_a_number_or_a_date_set_in_an_empty_field_then_emptied(serializer):
    plan = (ROOT / "data/bethune/plan.yml").read_text("utf-8")
    filled, emptied = serializer.evaluate(EMPTY_FIELDS, plan)
    assert _diff(plan, filled) == ["+        avancement: 40", "+        echeance: 2026-06-30"]
    action = parse_yaml_text(filled, "plan.yml")["objectifs"][0]["actions"][0]
    assert (action["avancement"], action["echeance"]) == ("40", "2026-06-30")
    assert emptied == plan


WIDGETS = """async () => {
  const { enIso, enFrancais } = await import('/admin/socle-widgets.js');
  const { entreeDe, gardeEnregistrement } = await import('/admin/socle-adresse.js');
  const entry = (fields) => ({ get: (key) => fields[key] });
  const refused = (hash, fields) => {
    try { gardeEnregistrement({ entry: entry(fields) }, { location: { hash } }); return null; }
    catch (error) { return error.message; }
  };
  return {
    iso: ['30/06/2026', '30062026', '3/6/2026', '06302026', '31/06/2026', '30/06/26', '',
          '06/2026', '6/2026', '2028', '13/2026', 'juin 2026'].map(enIso),
    francais: ['2026-06-30', '', 'abc', '2026-06', '2028'].map(enFrancais),
    entree: ['#/collections/sections/entries/charte', '#/collections/sections', '#/'].map(entreeDe),
    same: refused('#/collections/sections/entries/charte', { collection: 'sections', slug: 'charte' }),
    other: refused('#/collections/sections/entries/charte',
                   { collection: 'sections', slug: 'glossaire', path: 'data/bethune/glossaire.yml' }),
  };
}"""


def test_french_dates_and_the_save_guard(serializer):
    found = serializer.evaluate(WIDGETS)
    # « 06302026 », month 30, is no date (it became 1906-06-30 in the browser's date field).
    assert found["iso"] == ["2026-06-30", "2026-06-30", "2026-06-03", None, None, None, None,
                            "2026-06", "2026-06", "2028", None, None]
    assert found["francais"] == ["30/06/2026", "", "abc", "06/2026", "2028"]
    assert found["entree"] == ["sections/charte", None, None]
    assert found["same"] is None
    assert "data/bethune/glossaire.yml" in found["other"] and "rien n'a été enregistré" in found["other"]
