"""Helpers the tests share (instead of importing each other): reading PDFs, finding the
items of a source document in a built text."""

from __future__ import annotations

import filecmp
import os
import re
import subprocess
import unicodedata
from pathlib import Path

from .conftest import ROOT, source_document


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


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("**", "")
    # Superscripts as the PDF extraction wrote them: 7^{ème}, 1^{er}, XX^e.
    text = re.sub(r"\s?\^\{?(er|ème|eme|e)\}?", lambda m: "er" if m.group(1) == "er" else "e", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


# Source lines that are layout, not content (logos, repeated titles, page furniture),
# or whose content is carried in another form (listed in CORRECTIONS.md).
LAYOUT = re.compile(
    r"^(béthune|smart city|ville de bethune|departement du pas-de-calais|objet|sommaire|"
    r"\|.*\||.{0,3}|[A-ZÉÈÀ' ]+|.*(figure|schéma ci-dessous).*|etc\.)$", re.IGNORECASE)


# Captions of figures lost in the PDF extraction (see data/bethune/CORRECTIONS.md):
# the figure itself is not in the source text, so there is nothing to show.
LOST_FIGURES = {
    "Projets mis en œuvre par la Ville",
    "Fonctionnement des outils de traitement de la demande",
    "Procédure détaillant le processus le traitement de la demande",
}


def source_items(slug: str) -> list[str]:
    items = []
    for raw in source_document(slug).read_text(encoding="utf-8").splitlines():
        line = re.sub(r"^[\s\-–o•>*]+", "", raw).strip()
        line = re.sub(r"^(\d|[a-g])\)\s*", "", line)
        if line in LOST_FIGURES:
            continue
        if len(line) < 25 or LAYOUT.match(line) or line.isupper():
            continue
        items.append(line)
    return items


def missing_items(slug: str, text: str) -> list[str]:
    haystack = normalise(text)
    missing = []
    for item in source_items(slug):
        words = normalise(item).split()
        # Look for the item's longest stretch without corrected words: first and second half.
        halves = [" ".join(words[: len(words) // 2 + 1]), " ".join(words[len(words) // 2:])]
        if not any(len(h) > 12 and h in haystack for h in halves):
            missing.append(item)
    return missing


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


def git(repo: Path, *args: str, when: str | None = None) -> None:
    """Run git in a scratch repository, as a fixed author, optionally at a given date."""
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull}
    if when:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", "-c", "user.name=RH", "-c", "user.email=rh@example.invalid",
                    "-c", "commit.gpgsign=false", *args],
                   cwd=repo, env=env, check=True, capture_output=True)


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
