"""The document's blocks regrouped as Socle's Markdown holds them, before they are written.

Word and LibreOffice write some things in ways a rubrique reads otherwise: a Div around
sections, a list that belongs to the box above it, a heading that asks a question.
"""

from __future__ import annotations

from macros.document.markdown import Ecriture
from macros.document.revue import Revue


def a_plat(blocks: list) -> list:
    """Top-level Divs opened: their blocks are the document's."""
    out = []
    for block in blocks:
        out += a_plat(block["c"][1]) if block["t"] == "Div" else [block]
    return out


def rattacher_listes(blocks: list, revue: Revue, titre: str) -> list:
    """A quote whose last sentence ends with « : » and the list right after it: one encadré.

    Word and LibreOffice cannot put a list in a quote: « En cas d'accident : » in its box, then
    the steps, is how they write an encadré with its steps."""
    out: list = []
    for block in blocks:
        precedent = out[-1] if out else None
        if (
            block["t"] in ("BulletList", "OrderedList")
            and precedent
            and precedent["t"] == "BlockQuote"
            and precedent["c"]
            and precedent["c"][-1]["t"] in ("Para", "Plain")
            and Ecriture(Revue()).inline(precedent["c"][-1]["c"], plain=True).endswith(":")
            and not any(b["t"] in ("BulletList", "OrderedList") for b in precedent["c"])
        ):
            out[-1] = {"t": "BlockQuote", "c": [*precedent["c"], block]}
            revue.noter(
                f"partie « {titre} »",
                "la liste qui suit un encadré terminé par « : » est mise dans "
                "l'encadré : vérifiez qu'elle en fait bien partie",
            )
            continue
        out.append(block)
    return out


def question(texte: str, suite: list) -> bool:
    """A heading that asks a question, followed by paragraphs only up to the next heading."""
    fin = next((n for n, b in enumerate(suite) if b["t"] == "Header"), len(suite))
    corps = suite[:fin]
    return (
        texte.endswith("?")
        and bool(corps)
        and all(
            b["t"] in ("Para", "Plain") and any(i["t"] not in ("Image", "Space", "SoftBreak") for i in b["c"])
            for b in corps
        )
    )
