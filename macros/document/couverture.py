"""The cover of a document — what comes before its first heading — read into referentiel.yml.

The title, subtitle and date as the file's properties (pandoc's metadata: Word's Title,
Subtitle and Date styles) give them, else as the first short lines write them (« Mars 2025 »,
« Édition 2025 »); the other paragraphs are the presentation. A date the document does not
write is taken from the file's properties, or left to write, and said for review.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from macros.document.lecture import Lu
from macros.document.markdown import Ecriture
from macros.document.revue import Revue
from macros.text.francais import mois_fr

_MOIS = "janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre"
# A short cover line that is a date as documents write one: « Mars 2025 », « Édition 2025 »,
# « 12 mars 2025 », « 03/2025 », « 2025 ».
_DATE = re.compile(
    rf"^(?:[ÉéEe]dition|[Mm]ise à jour|[Vv]ersion)?\s*(?:d[eu]\s+|:\s*)?"
    rf"((?:(?:1er|\d{{1,2}})\s+)?(?:{_MOIS})\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{4}}|\d{{1,2}}/\d{{4}}|\d{{4}})\.?$",
    re.IGNORECASE,
)
_RESSEMBLE_DATE = re.compile(
    rf"\b(?:{_MOIS})\b|\b(?:19|20)\d\d\b|\b\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\b", re.IGNORECASE
)


def meta(lu: Lu, cle: str, ecriture: Ecriture) -> str | None:
    valeur = lu.ast.get("meta", {}).get(cle)
    if not valeur:
        return None
    if valeur["t"] == "MetaString":
        return valeur["c"].strip() or None
    if valeur["t"] == "MetaInlines":
        return ecriture.inline(valeur["c"], plain=True) or None
    if valeur["t"] == "MetaBlocks":
        return " ".join(ecriture.plain_blocks(valeur["c"])) or None
    return None


def couverture(
    lu: Lu, blocks: list, ecriture: Ecriture, revue: Revue, nom_fichier: str
) -> tuple[str, str | None, str, list[str], list]:
    """(title, subtitle, date, presentation paragraphs, other cover blocks)."""
    titre = meta(lu, "title", ecriture)
    sous_titre = meta(lu, "subtitle", ecriture)
    date = meta(lu, "date", ecriture)
    presentation: list[str] = []
    autres: list = []
    for number, block in enumerate(blocks, start=1):
        if block["t"] not in ("Para", "Plain"):
            autres.append(block)
            continue
        texte = ecriture.inline(block["c"], plain=True)
        if any(inline["t"] == "Image" for inline in block["c"]):
            revue.noter(
                f"couverture, paragraphe {number}",
                "image de la couverture non reprise : si c'est le "
                "logo, rangez-le dans fichiers/ et nommez-le dans referentiel.yml (organisation: logo:)",
            )
        if not texte:
            continue
        if titre is None and len(texte) <= 120:
            titre = texte
        elif date is None and len(texte) <= 40 and _DATE.match(texte):
            date = texte
        elif sous_titre is None and not presentation and len(texte) <= 120 and number <= 3:
            sous_titre = texte
        else:
            if _RESSEMBLE_DATE.search(texte) and date is None and len(texte) <= 80:
                revue.noter(
                    f"couverture, paragraphe {number}",
                    f"« {texte} » ressemble à une date mais n'a "
                    "pas été lu comme celle du document : vérifiez « document: date: » dans "
                    "referentiel.yml",
                )
            presentation.append(texte)
    if titre is None:
        titre = lu.titre or PurePosixPath(nom_fichier).stem
    if date is None and lu.date and re.match(r"\d{4}-\d{2}", lu.date):
        date = mois_fr(int(lu.date[:4]), int(lu.date[5:7])).capitalize()
        revue.noter(
            "propriétés du fichier",
            f"date du document prise dans les propriétés du fichier ({date}) : "
            "le document n'en écrit pas ; corrigez-la dans referentiel.yml",
        )
    if date is None:
        date = "‹Mois et année du document›"
        revue.noter("couverture", "le document ne dit pas sa date : écrivez-la dans referentiel.yml")
    return titre, sous_titre, date, presentation, autres
