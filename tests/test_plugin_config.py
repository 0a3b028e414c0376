"""The settings of the socle plugin (macros/mkdocs/config.py): typed, and refused in French."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

SETTING = '      url_edition: !ENV [SOCLE_URL_EDITION, ""]\n'


def _build_with(tmp_path: Path, old: str, new: str) -> subprocess.CompletedProcess:
    project = tmp_path / "projet"
    project.mkdir()
    for shared in ("macros", "overrides", "docs"):
        (project / shared).symlink_to(ROOT / shared)
    # A copy (the loader refuses links under data/<slug>/, and pages name files from the project).
    shutil.copytree(ROOT / "data" / "pas-de-calais", project / "data" / "pas-de-calais")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert old in config
    (project / "mkdocs.yml").write_text(config.replace(old, new), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "REFERENTIEL": "pas-de-calais"}
    env.pop("SOCLE_DATA_DIR", None)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                          cwd=project, env=env, capture_output=True, text=True, timeout=300, check=False)


@pytest.mark.parametrize(("old", "new", "said"), [
    (SETTING, "      url_edition: 12\n", "ce réglage est un texte, pas « 12 »."),
    ("      redirections: {}\n", "      redirections:\n        ancien.md: nulle-part.md\n",
     "redirection « ancien.md » : la page visée « nulle-part.md » n'existe pas."),
    ("      redirections: {}\n", "      redirections: [plan.md]\n", "« redirections » doit être une liste"),
    ('        forge: !ENV [SOCLE_EDITEUR_FORGE, ""]', "        forge: gitlob",
     "valeurs possibles github ou gitlab"),
])
def test_a_wrong_setting_stops_the_build_in_french(tmp_path, old, new, said):
    result = _build_with(tmp_path, old, new)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and said in output, output
    assert "Traceback" not in output and not (tmp_path / "site").exists()


def test_the_settings_reach_the_pages(tmp_path):
    result = _build_with(tmp_path, SETTING, "      url_edition: https://forge.example/rh/socle/-/edit/main\n")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "valeurs" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://forge.example/rh/socle/-/edit/main/data/pas-de-calais/charte.yml"' in page
