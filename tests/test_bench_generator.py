"""The bench's synthetic référentiels are valid data of the announced size."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.generate import SCALED_LISTS, scale_referentiel
from macros.data.loader import load_referentiel

from .conftest import ROOT, build_site

BETHUNE = ROOT / "data" / "bethune"
FACTOR = 3


@pytest.fixture(scope="module")
def original():
    return load_referentiel(BETHUNE, ROOT)


@pytest.fixture(scope="module")
def scaled(tmp_path_factory):
    folder = scale_referentiel(BETHUNE, tmp_path_factory.mktemp("x3") / "bethune", FACTOR)
    # The strict loader and every model's cross-reference check accept it.
    return load_referentiel(folder, ROOT)


def _ids(items) -> list[str]:
    return [item.id for item in items]


def test_same_sections_as_the_source(original, scaled):
    assert set(scaled.sections) == set(original.sections)


def test_the_plan_grows_by_the_factor(original, scaled):
    assert len(scaled.plan.objectifs) == FACTOR * len(original.plan.objectifs)
    assert len(scaled.plan.actions) == FACTOR * len(original.plan.actions)
    # The frame of the plan stays: same axes, each objective numbered within its axis.
    assert [axe.numero for axe in scaled.plan.axes] == [axe.numero for axe in original.plan.axes]
    numbers = [objectif.numero for objectif in scaled.plan.objectifs]
    assert len(set(numbers)) == len(numbers)
    assert all(o.numero.startswith(f"{o.axe}.") for o in scaled.plan.objectifs)


def test_instances_and_other_lists_grow_with_unique_ids(original, scaled):
    gouvernance, source = scaled.gouvernance, original.gouvernance
    assert len(gouvernance.instances) == FACTOR * len(source.instances)
    assert len(gouvernance.acteurs) == FACTOR * len(source.acteurs)
    assert gouvernance.categories == source.categories
    assert len(scaled.charte.valeurs) == FACTOR * len(original.charte.valeurs)
    assert len(scaled.droits.obligations) == FACTOR * len(original.droits.obligations)
    for items in (gouvernance.instances, gouvernance.acteurs, scaled.charte.valeurs,
                  scaled.droits.obligations, scaled.droits.droits, scaled.circuits.circuits):
        assert len(set(_ids(items))) == len(items)


def test_factor_one_keeps_the_content(original, tmp_path: Path):
    same = load_referentiel(scale_referentiel(BETHUNE, tmp_path / "bethune", 1), ROOT)
    assert same.sections == original.sections


def test_every_scaled_list_exists_in_the_data():
    # A renamed field would silently stop growing: the bench would measure less than it says.
    from macros.data.yaml_strict import read_yaml

    for filename, keys in SCALED_LISTS.items():
        path = BETHUNE / filename
        if not path.exists():
            continue
        data = read_yaml(path, filename)
        for key in keys:
            assert isinstance(data.get(key), list), f"{filename}: {key}"


def test_factor_below_one_is_refused(tmp_path: Path):
    with pytest.raises(ValueError):
        scale_referentiel(BETHUNE, tmp_path / "bethune", 0)


@pytest.mark.complet
def test_the_card_witness_shows_the_plain_witness_text(tmp_path):
    """The card's stack (Material + mkdocs-macros, text from YAML) builds the same pages and words."""
    from bench.card_site import write_card_site
    from bench.plain_site import site_words, write_plain_site
    from bench.process import mkdocs_build

    from .conftest import FIXTURES, SYNDICAT_TODAY

    site = tmp_path / "site"
    result = build_site(site, "syndicat", FIXTURES, today=SYNDICAT_TODAY)
    assert result.returncode == 0, result.stderr
    plain_config, pages, words = write_plain_site(site, tmp_path / "plain", ROOT / "mkdocs.yml")
    card_config = write_card_site(site, tmp_path / "carte", ROOT / "mkdocs.yml")
    mkdocs_build(tmp_path / "plain-site", config=plain_config)
    mkdocs_build(tmp_path / "carte-site", config=card_config)
    assert pages > 5 and words > 1000
    assert site_words(tmp_path / "carte-site") == site_words(tmp_path / "plain-site")
    home = (tmp_path / "carte-site" / "index.html").read_text(encoding="utf-8")
    assert "texte_de_page" not in home
    # The fiches are built, outside the menu, in both witnesses as in Socle's site.
    fiches = sorted(p.parent.name for p in (site / "fiches-actions").glob("*/index.html"))
    assert fiches
    for witness in ("plain-site", "carte-site"):
        assert (tmp_path / witness / "fiches-actions" / fiches[0] / "index.html").is_file()
        menu = (tmp_path / witness / "index.html").read_text(encoding="utf-8")
        assert f"fiches-actions/{fiches[0]}/" not in menu


def test_the_plain_witness_has_socle_s_menu():
    """The witness leaves the fiches out of its menu as Socle does (else 13 800 entries a page)."""
    from bench.plain_site import plain_nav

    menu = plain_nav(["plan.md", "fiches-actions/a-1.md", "index.md", "fiches-actions.md",
                      "fiches-actions/a-2.md"])
    assert menu["nav"] == ["index.md", "fiches-actions.md", "plan.md"]
    assert menu["not_in_nav"] == "/fiches-actions/"
