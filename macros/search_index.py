"""Build-time addition to Material's search index: the glossary, as a hidden field.

Material writes `search/search_index.json` (one entry per page section). For each
section that names an acronym of the glossary, its expansion is added to a
`glossaire` field, and for each section that spells the expansion out, the
acronym: searching « DGS » finds « Directeur Général des Services » and the other
way round. The field is indexed by the search worker (its name is added to the
index's `fields`) but never shown. Accents, plurals and apostrophes are handled
in the browser (docs/assets/javascripts/workers/search-fr*.js), for the index and
the query alike, so nothing else is added here and the index stays small.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from pathlib import Path

from .models.glossaire import Entree

FIELD = "glossaire"
# Same weight as the text: an expansion counts like the words it stands for.
FIELD_BOOST = 1.0


def _fold(text: str) -> str:
    """Lowercase, no accents, apostrophes and dashes as spaces: for comparing phrases."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " " + re.sub(r"[^a-z0-9]+", " ", text).strip() + " "


def _plain_text(*parts: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", " ".join(parts)))


def synonymes(text: str, entrees: list[Entree]) -> list[str]:
    """What the glossary adds to a section's text: expansions of its acronyms and vice versa."""
    folded = _fold(text)
    added: list[str] = []
    for entree in entrees:
        if not entree.developpe:
            continue
        has_acronym = any(re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text) for s in entree.graphies)
        has_expansion = _fold(entree.developpe) in folded
        if has_acronym and not has_expansion:
            added.append(entree.developpe)
        elif has_expansion and not has_acronym:
            added.append(entree.sigle)
    return added


def enrichir_index(site_dir: Path, entrees: list[Entree]) -> None:
    """Add the glossary field to `site_dir/search/search_index.json`, if both exist."""
    path = site_dir / "search" / "search_index.json"
    if not path.exists() or not any(entree.developpe for entree in entrees):
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    index["config"]["fields"][FIELD] = {"boost": FIELD_BOOST}
    for doc in index["docs"]:
        added = synonymes(_plain_text(doc.get("title", ""), doc.get("text", "")), entrees)
        if added:
            doc[FIELD] = " ; ".join(added)
    # Compact, as Material writes it.
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
