"""The design card's macro layer: define_env of macros/ under mkdocs-macros, docs/ pages, Zensical."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from macros.data.loader import load_referentiel
from macros.site.macros_auteur import MACROS_AUTEUR
from macros.site.page_macros import LienKit, build_macros
from macros.site.pages import present_pages, sous_page_markdown, sous_pages

from .conftest import FIXTURES, ROOT, SYNDICAT_TODAY, article_html, build_site, visible_text

AUTHORED_PAGE = """---
title: Page écrite à la main
render_macros: true
---

# Page écrite à la main

Vos interlocuteurs :

{{ contacts("interlocuteurs") }}

{{ action("badge-unique") }}
"""


def _project_with_page(root: Path, page: str) -> Path:
    """A project: the syndicat (its contacts block given an id), docs/ with one page of a developer."""
    shutil.copytree(FIXTURES / "syndicat", root / "data" / "syndicat")
    contacts = root / "data" / "syndicat" / "rubriques" / "contacts.yml"
    contacts.write_text(contacts.read_text(encoding="utf-8").replace(
        "  - type: contacts\n", "  - type: contacts\n    id: interlocuteurs\n"), encoding="utf-8")
    shutil.copytree(ROOT / "docs", root / "docs")
    (root / "docs" / "essai.md").write_text(page, encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def test_a_developer_page_calls_the_documented_macros(tmp_path):
    root = _project_with_page(tmp_path / "projet", AUTHORED_PAGE)
    result = build_site(tmp_path / "site", "syndicat", root / "data", cwd=root, today=SYNDICAT_TODAY)
    assert result.returncode == 0, result.stderr
    page = article_html(tmp_path / "site", "essai")
    assert '<h2 id="interlocuteurs">Vos interlocuteurs' in page and '<ul class="socle-contacts">' in page
    assert "Service des ressources humaines" in visible_text(page)
    assert 'id="action-badge-unique"' in page and '<dl class="socle-fiche">' in page
    assert "{{" not in page
    # In the navigation after the pages of the data.
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="essai/"' in home


@pytest.mark.parametrize(("call", "said"), [
    ('{{ contacts("rh") }}', "contacts() : le bloc de contacts « rh » n'existe pas"),
    ("{{ instances() }}", "instances() montre gouvernance.yml, que ce référentiel n'a pas"),
    ('{{ action("1.1", "2") }}', "action() attend « identifiant », pas 2 argument(s)"),
])
def test_a_macro_wrongly_called_stops_the_build_in_french(tmp_path, call, said):
    page = AUTHORED_PAGE.replace('{{ action("badge-unique") }}', call)
    root = _project_with_page(tmp_path / "projet", page)
    result = build_site(tmp_path / "site", "syndicat", root / "data", cwd=root, today=SYNDICAT_TODAY)
    assert result.returncode != 0
    assert f"docs/essai.md : {said}" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_macros_take_their_arguments_from_the_data():
    ref = load_referentiel(ROOT / "data" / "bethune", ROOT)
    macros = build_macros(ref, present_pages(ref), LienKit("", lambda: ""))
    instances = macros["instances"]()
    assert all(f'<tr id="{i.id}">' in instances for i in ref.gouvernance.instances)
    assert macros["sigle"]("CFI") == "CFI (Commission Finances)"


def test_mkdocs_yml_renders_only_the_pages_that_opt_in():
    """What keeps mkdocs-macros from reading data: opt-in pages, no data file loaded, errors stop."""
    class Loader(yaml.SafeLoader):
        """mkdocs.yml's `!ENV` tags read as nothing."""

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    (settings,) = [p["macros"] for p in config["plugins"] if isinstance(p, dict) and "macros" in p]
    assert settings["modules"] == ["macros"]
    assert settings["render_by_default"] is False
    assert settings["on_error_fail"] is True and settings["on_undefined"] == "strict"
    # Neither a YAML file as variables, nor includes from elsewhere than docs/, nor forced pages.
    assert not {"include_yaml", "include_dir", "force_render_paths"} & set(settings)


def test_zensical_loads_the_same_define_env(monkeypatch):
    """Zensical's macros extension (Material's successor) renders a page with Socle's macros."""
    from markdown import Markdown
    from zensical.extensions.context import ContextExtension, Page
    from zensical.extensions.macros import MacrosExtension

    monkeypatch.setenv("REFERENTIEL", "syndicat")
    monkeypatch.setenv("SOCLE_DATA_DIR", str(FIXTURES))
    monkeypatch.setenv("SOCLE_AUJOURDHUI", SYNDICAT_TODAY)
    page = Page("plan/", "plan.md", meta={"render_macros": True})
    markdown = Markdown(extensions=[
        ContextExtension(page=page, config={"root_dir": str(ROOT), "docs_dir": "docs"}),
        MacrosExtension(modules=["macros"], module_name="", render_by_default=False,
                        on_error_fail=True, on_undefined="strict"),
    ])
    html = markdown.convert('# {{ titre("plan.md") }}\n\n{{ plan() }}\n')
    assert html.startswith("<h1>Notre plan d&#39;actions</h1>") and '<table>' in html
    assert "{{" not in html
    # A page that does not opt in is left as written.
    other = Markdown(extensions=[
        ContextExtension(page=Page("a/", "a.md", meta={}), config={"root_dir": str(ROOT)}),
        MacrosExtension(modules=["macros"], module_name="", render_by_default=False),
    ])
    assert other.convert("{{ plan() }}") == "<p>{{ plan() }}</p>"



# The names mkdocs-macros gives a page's template as variables, which hide a macro of the same
# name (`{{ page() }}` would call the page): its own, the page header's, those of `extra:`.
MKDOCS_MACROS_VARIABLES = {"page", "config", "environment", "plugin", "git", "extra", "macros", "filters",
                           "filters_builtin", "navigation", "files", "title", "hide", "search",
                           "render_macros", "identifiant", "nom_court", "accessibilite"}


@pytest.mark.parametrize("slug", ["syndicat", "piege"])
def test_no_macro_is_hidden_by_a_variable_of_mkdocs_macros(slug):
    ref = load_referentiel(FIXTURES / slug, ROOT)
    names = set(build_macros(ref, present_pages(ref), LienKit("", lambda: "")))
    assert {"plan", "titre", *MACROS_AUTEUR} <= names
    assert not names & MKDOCS_MACROS_VARIABLES


def test_a_fiche_page_is_no_template_for_mkdocs_macros():
    """Its body is made from the model by Socle's plugin: its header opts out, it holds no call."""
    ref = load_referentiel(FIXTURES / "syndicat", ROOT)
    sous = sous_pages(ref, present_pages(ref))
    assert sous
    for page in sous:
        source = sous_page_markdown(page)
        assert "render_macros: false" in source.splitlines()
        assert "{{" not in source and "{%" not in source
