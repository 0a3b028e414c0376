"""The second yardstick: the design card's own stack, Material + mkdocs-macros, without Socle.

The same pages as the plain witness (bench/plain_site.py: same titles, headings and words),
but their text is kept in one YAML file, as a référentiel's is, and each page is a template
calling a macro that a `define_env` of the project's `main.py` registers: what a site written
as the card says, with no engine of its own, costs. The YAML is read with libyaml (PyYAML's
C loader), the quickest a project of this stack would use: the witness is not slowed down.
Socle's build must not cost more than this stack, which pays mkdocs-macros' start-up too.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .plain_site import plain_config, site_pages

# The witness's own macro module: the pages' text read from YAML once per build, each page
# rendered by one macro call, as a card-style project would write it.
_MAIN_PY = r'''"""Macros of the card's witness: each page's Markdown, made from its text kept in YAML."""

import re
from pathlib import Path

import yaml

_SPECIALS = re.compile(r"([\\`*_{}\[\]#|<>])")


def _escape(text):
    return _SPECIALS.sub(r"\\\1", text)


def define_env(env):
    # libyaml's loader, as a careful project would use: PyYAML's own, in Python, would take
    # longer than the rest of this witness's build.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    pages = yaml.load((Path(env.project_dir) / "pages.yml").read_text(encoding="utf-8"), Loader=loader)

    @env.macro
    def texte_de_page(path):
        lines = []
        for block in pages[path]:
            if block["niveau"]:
                lines += ["#" * block["niveau"] + " " + _escape(block["titre"]), ""]
            for paragraph in block["paragraphes"]:
                lines += [_escape(paragraph), ""]
        return "\n".join(lines)
'''

_WORDS_PER_PARAGRAPH = 80


def write_card_site(built_site: Path, destination: Path, socle_config: Path) -> Path:
    """Write the card's witness beside the plain one; returns its mkdocs.yml."""
    pages = site_pages(built_site)
    data: dict[str, list[dict]] = {}
    docs = destination / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for page in pages:
        data[page.path] = [
            {"niveau": level, "titre": title,
             "paragraphes": [" ".join(text.split()[start:start + _WORDS_PER_PARAGRAPH])
                             for start in range(0, len(text.split()), _WORDS_PER_PARAGRAPH)]}
            for level, title, text in page.blocks]
        (docs / page.path).parent.mkdir(parents=True, exist_ok=True)
        body = f'{{{{ texte_de_page("{page.path}") }}}}'
        (docs / page.path).write_text(f"---\nrender_macros: true\n---\n\n{body}\n", encoding="utf-8")
    (destination / "pages.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (destination / "main.py").write_text(_MAIN_PY, encoding="utf-8")
    config = plain_config(socle_config, [page.path for page in pages])
    config["site_name"] = "Site Material + mkdocs-macros de comparaison"
    config["plugins"] = [*config["plugins"], {"macros": {
        "render_by_default": False, "on_error_fail": True, "on_undefined": "strict"}}]
    path = destination / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path

