"""A page that moves keeps its old address: `redirections` of the socle plugin in mkdocs.yml."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from macros.mkdocs.redirects import Redirection, RedirectionError, parse

from .conftest import ROOT

DECLARED = "      redirections: {}\n"  # under `plugins: - socle:`


def _build_with(tmp_path: Path, redirections: str, slug: str = "bethune") -> subprocess.CompletedProcess:
    """The real project, with mkdocs.yml declaring `redirections`, built for real."""
    project = tmp_path / "projet"
    project.mkdir()
    for shared in ("macros", "overrides", "data", "docs"):
        (project / shared).symlink_to(ROOT / shared)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert DECLARED in config, "mkdocs.yml doit déclarer « redirections: {} » sous « - socle: »"
    declared = textwrap.indent(redirections, "    ")  # the calls write it two spaces in
    (project / "mkdocs.yml").write_text(config.replace(DECLARED, declared), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "REFERENTIEL": slug}
    env.pop("SOCLE_DATA_DIR", None)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                          cwd=project, env=env, capture_output=True, text=True, timeout=300, check=False)


def _follow(site: Path, old: str) -> tuple[Path, str]:
    """Where the redirect page at `old/` sends the browser: the built file and the anchor."""
    page = (site / old / "index.html").read_text(encoding="utf-8")
    [url] = re.findall(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', page)
    assert f'<link rel="canonical" href="{url}">' in page and f'<a href="{url}">' in page
    path, _, anchor = url.partition("#")
    return (site / old / path / "index.html").resolve(), anchor


def test_old_address_redirects_to_the_new_page_and_anchor(tmp_path):
    result = _build_with(tmp_path, "  redirections:\n    ancien-plan.md: plan.md#axe-1\n"
                                   "    archives/charte.md: valeurs.md\n")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    target, anchor = _follow(site, "ancien-plan")
    assert target == (site / "plan" / "index.html").resolve() and anchor == "axe-1"
    assert 'id="axe-1"' in target.read_text(encoding="utf-8")
    target, anchor = _follow(site, "archives/charte")
    assert target == (site / "valeurs" / "index.html").resolve() and anchor == ""
    notice = (site / "ancien-plan" / "index.html").read_text(encoding="utf-8")
    assert "Cette page a changé d'adresse" in notice


def test_redirect_to_a_missing_anchor_stops_the_build(tmp_path):
    result = _build_with(tmp_path, "  redirections:\n    ancien-plan.md: plan.md#axe-99\n")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "l'ancre « #axe-99 » n'existe pas dans « plan.md »" in output
    assert "Traceback" not in output


def test_redirect_to_a_page_this_referentiel_lacks_is_skipped(tmp_path):
    result = _build_with(tmp_path, "  redirections:\n    ancien-plan.md: plan.md\n", slug="pas-de-calais")
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "site" / "ancien-plan").exists()


def test_declarations_are_checked():
    assert parse({"a.md": "plan.md#axe-1"}) == [Redirection("a.md", "plan.md#axe-1")]
    with pytest.raises(RedirectionError, match=r"la page visée « plna\.md » n'existe pas"):
        parse({"a.md": "plna.md"})
    with pytest.raises(RedirectionError, match="celle d'une page qui existe"):
        parse({"plan.md": "valeurs.md"})
    with pytest.raises(RedirectionError, match="s'écrit comme un fichier"):
        parse({"/ancien": "plan.md"})
