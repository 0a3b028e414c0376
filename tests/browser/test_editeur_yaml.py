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
