"""Shared helpers: build real sites with MkDocs, read their pages as text."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
SOURCES = ROOT.parent / "shared" / "sources"


def build_site(out: Path, slug: str = "bethune", data_dir: Path | None = None,
               strict: bool = True) -> subprocess.CompletedProcess:
    """Run `mkdocs build` in a subprocess, as a user would."""
    env = {**os.environ, "REFERENTIEL": slug, "NO_MKDOCS_2_WARNING": "1"}
    if data_dir is not None:
        env["SOCLE_DATA_DIR"] = str(data_dir)
    else:
        env.pop("SOCLE_DATA_DIR", None)
    command = [sys.executable, "-m", "mkdocs", "build", "-d", str(out)]
    if strict:
        command.append("--strict")
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300, check=False)


def article_html(site: Path, page: str) -> str:
    """The main content of a built page (without nav, header and footer)."""
    path = site / page / "index.html" if page else site / "index.html"
    text = path.read_text(encoding="utf-8")
    start = text.index('<article class="md-content__inner md-typeset">')
    return text[start:text.index("</article>", start)]


def visible_text(fragment: str) -> str:
    """Text a reader sees: tags dropped, entities decoded, spaces folded."""
    text = re.sub(r"<[^>]+>", " ", fragment)
    text = html.unescape(text).replace("\u202f", " ").replace("\xa0", " ")
    return re.sub(r"\s+", " ", text).strip()


def site_text(site: Path) -> str:
    """Visible text of every page of a built site, concatenated."""
    parts = []
    for index in sorted(site.rglob("index.html")):
        if "search" in index.parts:
            continue
        page = index.parent.relative_to(site).as_posix()
        parts.append(visible_text(article_html(site, "" if page == "." else page)))
    return "\n".join(parts)


def _built(tmp_path_factory, slug: str) -> Path:
    out = tmp_path_factory.mktemp(f"site-{slug}")
    result = build_site(out, slug)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def bethune_site(tmp_path_factory) -> Path:
    return _built(tmp_path_factory, "bethune")


@pytest.fixture(scope="session")
def pdc_site(tmp_path_factory) -> Path:
    return _built(tmp_path_factory, "pas-de-calais")
