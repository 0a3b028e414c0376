"""A new block is its class and its two templates: « chiffres clés », added to a copy of the
engine, reaches a rubrique's page and the kit with no other file changed."""

from __future__ import annotations

import shutil
from pathlib import Path

from .conftest import FIXTURES, ROOT, article_html, build_site, visible_text
from .helpers import files_changed_from_the_engine, pdftotext

BLOCK = '''

class Chiffres(BlocCommun):
    """Key figures, each with what it counts."""

    type: Literal["chiffres"] = Field(description="Genre du bloc : « chiffres » (chiffres clés).")
    items: list[Chiffre] = liste("Les chiffres, chacun avec son libellé.")


'''
FIGURE = '''

class Chiffre(Modele):
    """One figure and what it counts."""

    valeur: Texte = Field(description="Le chiffre, tel qu'il s'écrit (« 1 200 »).")
    libelle: Texte = Field(description="Ce qu'il compte.")


'''
SITE = '''{% macro render(b, inline) %}
<ul class="socle-chiffres">{% for c in b.items %}
<li><strong>{{ c.valeur | fr }}</strong> {{ inline(c.libelle) }}</li>{% endfor %}</ul>
{% endmacro %}
'''
KIT = '''{% macro render(b, inline) %}
#list({% for c in b.items %}[#strong({{ c.valeur }}) #{{ inline(c.libelle) }};], {% endfor %})
{% endmacro %}
'''
RUBRIQUE = """titre: En chiffres
blocs:
  - type: chiffres
    titre: Le syndicat en chiffres
    items:
      - valeur: "1 200"
        libelle: agents au service des usagers
      - valeur: "38"
        libelle: communes desservies
"""


def _engine_with_a_new_block(project: Path) -> None:
    shutil.copytree(ROOT / "macros", project / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    for shared in ("docs", "overrides"):
        (project / shared).symlink_to(ROOT / shared)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    blocs = project / "macros/models/blocs.py"
    source = blocs.read_text(encoding="utf-8")
    anchor, before = "\n\ndef _block_type(", "\n\nclass Definition(Modele):"
    assert anchor in source and before in source
    source = source.replace(before, FIGURE.rstrip("\n") + "\n\n" + before)
    blocs.write_text(source.replace(anchor, BLOCK.rstrip("\n") + "\n" + anchor, 1), encoding="utf-8")
    (project / "macros/site/templates/blocs/chiffres.md.j2").write_text(SITE, encoding="utf-8")
    (project / "macros/kit/typst/blocs/chiffres.typ.j2").write_text(KIT, encoding="utf-8")


def test_a_new_block_is_three_files_and_reaches_the_page_and_the_kit(tmp_path):
    project = tmp_path / "projet"
    project.mkdir()
    _engine_with_a_new_block(project)
    assert files_changed_from_the_engine(project) == [
        "macros/kit/typst/blocs/chiffres.typ.j2", "macros/models/blocs.py",
        "macros/site/templates/blocs/chiffres.md.j2"]
    data = project / "data" / "essai"
    shutil.copytree(FIXTURES / "mini", data)
    (data / "rubriques").mkdir(exist_ok=True)
    (data / "rubriques" / "en-chiffres.yml").write_text(RUBRIQUE, encoding="utf-8")
    out = tmp_path / "site"
    result = build_site(out, "essai", project / "data", cwd=project)
    assert result.returncode == 0, result.stderr
    page = visible_text(article_html(out, "en-chiffres"))
    assert "1 200 agents au service des usagers" in page and "38 communes desservies" in page
    kit = pdftotext(out / "kit-accueil.pdf", raw=True)
    assert "agents au service des usagers" in kit and "communes desservies" in kit
