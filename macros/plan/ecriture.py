"""The plan written back as YAML, in the style the référentiels are written in by hand.

Used by `make importer-plan`: the file it writes reads as if an editor had typed it —
fields in the model's order, free text between double quotes (so that no YAML reader
takes « NO » for a boolean or « 18:30 » for a number), keys and identifiers bare, dates
as AAAA-MM-JJ, a blank line between the big lists — and it keeps the file's opening
comment lines (schema line and instructions). Comments further down are not kept: the
data itself is what the import replaces.
"""

from __future__ import annotations

import json
import re
from datetime import date

from macros.models.dates import DateDocument
from macros.models.plan import Plan

_BARE = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
# Top-level lists of mappings written with a blank line before them, and between items.
_AIRED = {"objectifs"}
_SPACED = {"statuts", "horizons", "axes", "objectifs"}


def entete(texte: str) -> str:
    """The opening comment lines of a data file (its schema line and instructions)."""
    lines = []
    for line in texte.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line)
    return "".join(line + "\n" for line in lines)


def donnees(plan: Plan) -> dict:
    """What the file must say to give back `plan`: defaults left out, as an editor writes."""
    data = plan.model_dump(exclude_defaults=True)
    first = plan.statuts[0].cle
    for holder in [*data.get("axes", []), *data.get("objectifs", [])]:
        for action in holder.get("actions", []):
            if action.get("statut") == first:  # the first status is every action's default
                del action["statut"]
    return data


def plan_en_yaml(plan: Plan, tete: str = "") -> str:
    """`plan` as the text of a plan.yml, after the comment lines `tete`."""
    out: list[str] = []
    for key, value in donnees(plan).items():
        if key in _SPACED and out:
            out.append("")
        _champ(out, key, value, 0, aired=key in _AIRED)
    return tete + "\n".join(out) + "\n"


def _scalaire(value: object) -> str:
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, date | DateDocument):
        return value.isoformat()
    text = str(value)
    return text if _BARE.fullmatch(text) else json.dumps(text, ensure_ascii=False)


def _champ(out: list[str], key: str, value: object, indent: int, aired: bool = False) -> None:
    pad = " " * indent
    if isinstance(value, list):
        if not value:
            out.append(f"{pad}{key}: []")
            return
        if all(isinstance(item, str) and _BARE.fullmatch(item) for item in value):
            out.append(f"{pad}{key}: [{', '.join(value)}]")  # keys: « [pilote, calendrier] »
            return
        out.append(f"{pad}{key}:")
        for item in value:
            if aired:
                out.append("")
            _element(out, item, indent + 2)
    elif isinstance(value, dict):
        out.append(f"{pad}{key}:")
        for sub, item in value.items():
            _champ(out, sub, item, indent + 2)
    else:
        out.append(f"{pad}{key}: {_scalaire(value)}")


def _element(out: list[str], item: object, indent: int) -> None:
    pad = " " * indent
    if not isinstance(item, dict):
        out.append(f"{pad}- {_scalaire(item)}")
        return
    start = len(out)
    for sub, value in item.items():
        _champ(out, sub, value, indent + 2)
    # The first field goes on the dash's line: « - id: … ».
    out[start] = f"{pad}- {out[start][indent + 2:]}"
