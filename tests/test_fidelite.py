"""Every sentence of a référentiel's source is on the site and in the kit (`make check`),
whatever the référentiel, but what its CORRECTIONS.md says it left out or changed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.cli.fidelite import missing_sentences
from macros.data.fidelite import Phrase, corrections, phrases
from macros.data.loader import load_referentiel

from .conftest import FIXTURES, ROOT

SENTENCE = "Les nouveaux agents visitent la grande station de pompage de Val-Haut le premier jeudi du mois."


def _check(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros.cli.check", str(folder)], cwd=ROOT,
                          capture_output=True, text=True, check=False)


@pytest.fixture
def syndicat(tmp_path) -> Path:
    folder = tmp_path / "data" / "syndicat"
    shutil.copytree(FIXTURES / "syndicat", folder)
    return folder


def _source(folder: Path) -> Path:
    return folder / "source" / "livret-accueil.txt"


def test_a_sentence_of_the_source_missing_from_the_data_is_named_with_its_line(syndicat):
    source = _source(syndicat)
    source.write_text(source.read_text(encoding="utf-8") + "\nBienvenue.\n\n" + SENTENCE + "\n",
                      encoding="utf-8")
    line = source.read_text(encoding="utf-8").splitlines().index(SENTENCE) + 1
    result = _check(syndicat)
    assert result.returncode == 1
    assert f"data/syndicat/source/livret-accueil.txt:{line}: « {SENTENCE} » n'est ni sur le site " \
           "ni dans le kit." in result.stderr, result.stderr
    assert "1 phrase du document source manque" in result.stderr
    assert "CORRECTIONS.md" in result.stderr and "Traceback" not in result.stderr


def test_a_sentence_left_out_in_corrections_md_is_accepted(syndicat):
    source = _source(syndicat)
    source.write_text(source.read_text(encoding="utf-8") + "\n" + SENTENCE + "\n", encoding="utf-8")
    with (syndicat / "CORRECTIONS.md").open("a", encoding="utf-8") as corrections_md:
        corrections_md.write("- « Les nouveaux agents visitent la grande station » : plus de visite.\n")
    result = _check(syndicat)
    assert result.returncode == 0, result.stderr
    assert "✓" in result.stdout


def test_a_correction_listed_in_corrections_md_is_looked_for_as_corrected(syndicat):
    """The source says « ponpage » (a typo); the data says « pompage »: listed, it is found."""
    typo = SENTENCE.replace("pompage", "ponpage")
    rubrique = syndicat / "rubriques" / "teletravail.md"
    rubrique.write_text(rubrique.read_text(encoding="utf-8") + "\n" + SENTENCE + "\n", encoding="utf-8")
    source = _source(syndicat)
    source.write_text(source.read_text(encoding="utf-8") + "\n" + typo + "\n", encoding="utf-8")
    # The typo is the word both halves of the sentence hold: without the correction, not found.
    missing = _missing(syndicat)
    assert [p.texte for p in missing] == [typo]
    table = "\n| fichier | texte extrait | texte retenu |\n|---|---|---|\n" \
            "| rubriques/teletravail.md | « grande station de ponpage » | « grande station de pompage » |\n"
    with (syndicat / "CORRECTIONS.md").open("a", encoding="utf-8") as corrections_md:
        corrections_md.write(table)
    assert _missing(syndicat) == []


def _missing(folder: Path) -> list[Phrase]:
    from macros.cli.fidelite import kit_text, site_text
    from macros.data.fidelite import absentes

    ref = load_referentiel(folder, folder.parent.parent)
    sentences = phrases(_source(folder))
    corrige = corrections(folder)
    site = set(absentes(sentences, site_text(ref), corrige))
    return [p for p in absentes(sentences, kit_text(ref), corrige) if p in site]


def test_a_commitment_taken_out_of_the_data_is_missed_on_the_site_and_in_the_kit(tmp_path):
    folder = tmp_path / "data" / "pas-de-calais"
    shutil.copytree(ROOT / "data" / "pas-de-calais", folder)
    charte = folder / "charte.yml"
    engagement = "Etre sincère dans les échanges avec ses collègues et sa hiérarchie."
    text = charte.read_text(encoding="utf-8")
    kept = [line for line in text.splitlines() if "sincère dans les échanges" not in line]
    assert len(kept) == len(text.splitlines()) - 1
    charte.write_text("\n".join(kept) + "\n", encoding="utf-8")
    missing = missing_sentences(load_referentiel(folder, tmp_path), tmp_path)
    source = (folder / "source" / "charte-valeurs-departement-pas-de-calais.txt").read_text(encoding="utf-8")
    line = source.splitlines().index(engagement) + 1
    assert missing == [f"data/pas-de-calais/source/charte-valeurs-departement-pas-de-calais.txt:{line}: "
                       f"« {engagement} » n'est ni sur le site ni dans le kit."]


@pytest.mark.parametrize("folder", sorted(
    (p.parent for p in [*(ROOT / "data").glob("*/referentiel.yml"), *FIXTURES.glob("*/referentiel.yml")]),
    key=lambda p: p.name), ids=lambda p: p.name)
def test_every_referentiel_with_a_source_is_whole(folder):
    assert missing_sentences(load_referentiel(folder, ROOT), ROOT) == []


def test_what_is_not_a_sentence_is_not_looked_for(tmp_path):
    source = tmp_path / "source.md"
    source.write_text(
        "# TITRE EN CAPITALES DU DOCUMENT\n\nObjet\n\n| une | ligne | de tableau assez longue |\n"
        "‹Collez ici le texte du document,\nsur deux lignes.›\n"
        "1) Une phrase numérotée qui compte vraiment. Et **une autre** [liée](https://x.fr) ici !\n",
        encoding="utf-8")
    assert [(p.ligne, p.texte) for p in phrases(source)] == [
        (8, "Une phrase numérotée qui compte vraiment."), (8, "Et une autre liée ici !")]


def test_the_corrections_of_the_real_referentiels_are_read():
    bethune = corrections(ROOT / "data" / "bethune")
    assert ("refere handicap", "referent handicap") in bethune.remplacements
    assert "projets mis en uvre par la ville" in bethune.omissions
