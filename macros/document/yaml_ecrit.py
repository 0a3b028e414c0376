"""Data written as YAML that the strict loader reads back as it was meant.

Every scalar is a double-quoted string (JSON's escapes are YAML's): a text such as « Oui »,
« 2025 » or « : » is never read as a boolean, a number or a mapping, and no anchor, alias
or tag can appear.
"""

from __future__ import annotations

import json


def _texte(valeur: str) -> str:
    return json.dumps(valeur, ensure_ascii=False)


def lignes(valeur: object, indent: str = "") -> list[str]:
    """The YAML lines of a dict (keys kept in order) of texts, lists and dicts."""
    out: list[str] = []
    if isinstance(valeur, dict):
        for cle, sous in valeur.items():
            if isinstance(sous, str):
                out.append(f"{indent}{cle}: {_texte(sous)}")
            elif isinstance(sous, list | dict) and not sous:
                continue
            else:
                out.append(f"{indent}{cle}:")
                out += lignes(sous, indent + "  ")
    elif isinstance(valeur, list):
        for element in valeur:
            if isinstance(element, str):
                out.append(f"{indent}- {_texte(element)}")
            else:
                sous = lignes(element, indent + "  ")
                out.append(f"{indent}- {sous[0].lstrip()}")
                out += sous[1:]
    return out


def dumps(valeur: dict, entete: str = "") -> str:
    return entete + "\n".join(lignes(valeur)) + "\n"
