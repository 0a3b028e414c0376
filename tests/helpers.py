"""Helpers the tests share (instead of importing each other): reading PDFs, finding the
items of a source document in a built text."""

from __future__ import annotations

import filecmp
import os
import re
import shutil
import subprocess
from pathlib import Path

from macros.data.fidelite import absentes, corrections, normalise, phrases

from .conftest import FIXTURES, ROOT, source_document


def pdftotext(pdf: Path, first: int | None = None, last: int | None = None, raw: bool = False) -> str:
    """The PDF's text; `raw`: in the order it is drawn, which is the tagged reading order."""
    command = ["pdftotext", "-enc", "UTF-8", *(["-raw"] if raw else [])]
    if first:
        command += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run([*command, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def pdfinfo(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {key.strip(): value.strip() for key, _, value in
            (line.partition(":") for line in out.splitlines())}


def missing_items(slug: str, text: str) -> list[str]:
    """The sentences of the référentiel's source not found in `text` (a built page, a kit's
    text), by the rules and with the CORRECTIONS.md that `make check` uses."""
    folder = ROOT / "data" / slug
    sentences = phrases(source_document(slug))
    return [f"{p.ligne}: {p.texte}" for p in absentes(sentences, text, corrections(folder))]


def data_texts(model, skip=("id", "role", "categorie", "rythme", "horizon", "statut", "forme",
                            "fichier", "sigle_logo", "numero", "axe", "cle", "sens", "instances",
                            "fiche_attendue")) -> list[str]:
    """Every text written in a référentiel's data (identifiers and codes left out)."""
    from pydantic import BaseModel

    found: list[str] = []
    if isinstance(model, BaseModel):
        for name in type(model).model_fields:
            if name not in skip:
                found += data_texts(getattr(model, name), skip)
    elif isinstance(model, list | tuple):
        for item in model:
            found += data_texts(item, skip)
    elif isinstance(model, str):
        found.append(model)
    return found


def textes_des_donnees(folder: Path) -> str:
    """Every text of a référentiel's data, normalised, one a line: what it says of itself."""
    from macros.data.loader import load_referentiel

    loaded = load_referentiel(folder, folder.parent)
    textes = [t for model in loaded.sections.values() for t in data_texts(model)]
    textes += [t for rubrique in loaded.rubriques for t in data_texts(rubrique.model)]
    return "\n".join(normalise(t) for t in textes)


def mots_etrangers(texte: str, donnees: str, motif: re.Pattern) -> list[str]:
    """Each word of `texte` matching `motif` (words of other bodies) that no text of the data
    says with the same neighbour (« les communes membres » is the syndicat's own)."""
    mots = normalise(texte).split()
    trouves = []
    for rang, mot in enumerate(mots):
        # « charte.yml » is a file's name (« Modifier cette page »), not a word of the text.
        if not motif.fullmatch(mot) or mots[rang + 1:rang + 2] == ["yml"]:
            continue
        voisins = [" ".join(mots[rang - 1:rang + 1]) if rang else "", " ".join(mots[rang:rang + 2])]
        if not any(len(v.split()) == 2 and re.search(rf"\b{re.escape(v)}\b", donnees) for v in voisins):
            trouves.append(" ".join(mots[max(rang - 4, 0):rang + 5]))
    return trouves


def git(repo: Path, *args: str, when: str | None = None) -> None:
    """Run git in a scratch repository, as a fixed author, optionally at a given date."""
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull}
    if when:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", "-c", "user.name=RH", "-c", "user.email=rh@example.invalid",
                    "-c", "commit.gpgsign=false", *args],
                   cwd=repo, env=env, check=True, capture_output=True)


def depot_du_syndicat(repo: Path, slug: str = "essai") -> Path:
    """The syndicat fixture as `data/<slug>/` of a new git repository at `repo`, committed
    once (« Création », 10 January 2026): the folder, for a test to change and commit."""
    folder = repo / "data" / slug
    shutil.copytree(FIXTURES / "syndicat", folder)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "Création", when="2026-01-10T10:00:00+01:00")
    return folder


def files_changed_from_the_engine(project: Path) -> list[str]:
    """Files of `project/macros` that are new or differ from the repository's own engine:
    what a developer wrote to extend it, measured rather than listed by the test."""
    changed = []
    for path in (project / "macros").rglob("*"):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        original = ROOT / path.relative_to(project)
        if not original.exists() or not filecmp.cmp(path, original, shallow=False):
            changed.append(path.relative_to(project).as_posix())
    return sorted(changed)
