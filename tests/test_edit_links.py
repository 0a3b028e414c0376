"""« Modifier cette page » names the data file(s) each page renders, and they exist."""

from __future__ import annotations

import re
import subprocess
from datetime import date

import pytest

from macros.registry import KIND_FILES, PAGES
from macros.text.francais import date_fr

from .conftest import ROOT, article_html, build_site, visible_text

BASE = "https://forge.example/rh/socle/-/edit/main/"
_LINK = re.compile(r'<a href="([^"]+)" class="socle-infos-page__fichier"')


@pytest.fixture(scope="module")
def linked_site(tmp_path_factory):
    """Béthune built as CI would, with the forge's edit address configured."""
    out = tmp_path_factory.mktemp("liens")
    # Only around this build: the session's other sites are built without a forge.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOCLE_URL_EDITION", BASE)
        result = build_site(out, "bethune")
    assert result.returncode == 0, result.stderr
    return out


def _page_dir(path: str) -> str:
    return "" if path == "index.md" else path.removesuffix(".md")


def test_every_page_links_to_the_files_it_is_made_of(linked_site):
    checked = 0
    for spec in PAGES:
        folder = linked_site / _page_dir(spec.path)
        # « Quoi de neuf » is made from git history: there is no file to edit.
        if not (folder / "index.html").exists() or spec.path == "quoi-de-neuf.md":
            continue
        links = _LINK.findall(article_html(linked_site, _page_dir(spec.path)))
        assert links, f"{spec.path} : aucun lien « Modifier cette page »"
        for link in links:
            assert link.startswith(BASE), link
            assert (ROOT / link.removeprefix(BASE)).is_file(), f"{spec.path} → {link} : fichier absent"
        expected = {f"data/bethune/{KIND_FILES[key]}" for key in spec.kinds
                    if (ROOT / "data" / "bethune" / KIND_FILES[key]).exists()}
        if spec.path != "quoi-de-neuf.md":
            assert expected <= {link.removeprefix(BASE) for link in links}, spec.path
        # Pages are made from the registry: what to edit is the data, never a page file.
        assert not any(link.removeprefix(BASE).startswith("docs/") for link in links), spec.path
        checked += 1
    assert checked >= 10


def test_a_page_of_two_sections_links_both(linked_site):
    links = _LINK.findall(article_html(linked_site, "gouvernance"))
    assert BASE + "data/bethune/gouvernance.yml" in links
    assert BASE + "data/bethune/organigramme.yml" in links


def test_without_a_forge_the_paths_are_shown_as_text(bethune_site):
    html = article_html(bethune_site, "plan")
    assert not _LINK.search(html)
    assert '<code class="socle-infos-page__fichier">data/bethune/plan.yml</code>' in html
    assert "Modifier cette page" in visible_text(html)


def test_last_update_is_the_latest_commit_in_french(bethune_site):
    output = subprocess.run(["git", "log", "-1", "--format=%cs", "--", "data/bethune/plan.yml"],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    if output.returncode != 0 or not output.stdout.strip():
        pytest.skip("dépôt sans historique git")
    expected = date_fr(date.fromisoformat(output.stdout.strip()))
    assert f"Dernière mise à jour : {expected}" in visible_text(article_html(bethune_site, "plan"))
