"""pandoc's document model (JSON AST) written as the Markdown a rubrique accepts.

macros/data/markdown_rubrique.py reads headings (`##` titles the next block), paragraphs,
bold and italics, links, nested lists (four levels), numbered lists (steps), pipe tables with
their header row and quotes (encadrés); backslash escapes keep every other sign literal.
What the document has beyond that is brought into it and said for review (`Revue`): merged
cells repeated in each cell, a heading with no text under it written in bold, a list deeper
than four levels joined into its fourth, a footnote written after its paragraph. Every text
also goes to `texte` (one line per paragraph, item or cell): the document's plain text, kept
in source/ for the fidelity check.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from macros.document.revue import Image, Revue
from macros.models.listes import PROFONDEUR_MAXIMALE

_A_ECHAPPER = re.compile(r"([\\`*_\[\]<>|])")
# What would start a heading, a list or a quote at the beginning of a paragraph.
_DEBUT = re.compile(r"^(#|>|[-+*](?=\s|$)|=|\d+(?=[.)]))")
_SCHEMAS = ("http://", "https://", "mailto:")
# The alternative text of an image the document does not describe: make check lists the « ‹…› ».
ALTERNATIVE_A_ECRIRE = "‹Décrivez ce que montre l'image›"


def echapper(texte: str) -> str:
    """Signs of the inline syntax kept as signs (« 3 * 4 », « [note] »)."""
    return _A_ECHAPPER.sub(r"\\\1", texte)


def debut_literal(texte: str) -> str:
    found = _DEBUT.match(texte)
    if not found:
        return texte
    if found.group(1)[0].isdigit():  # « 2025. » : the dot, not the number, is escaped
        end = found.end()
        return texte[:end] + "\\" + texte[end:]
    return "\\" + texte


def _espaces(parts: list[str]) -> str:
    return re.sub(r"\s+", " ", "".join(parts)).strip()


class Ecriture:
    """The walk: blocks → Markdown lines and plain text lines, with what to review."""

    def __init__(self, revue: Revue, nommer: Callable[[Image], str | None] | None = None) -> None:
        self.revue = revue
        # Keeps an image in fichiers/ and says its name there (None: not kept, said for review).
        self.nommer = nommer
        self.a_placer: list[str] = []  # image paragraphs to write after the current block
        self.texte: list[str] = []  # plain text, one line per paragraph, item, cell
        self.position = ""
        self.notes: list[str] = []

    # Inlines ------------------------------------------------------------------------------

    def inline(self, inlines: list, plain: bool = False) -> str:
        return _espaces([self._inline(i, plain) for i in inlines])

    def _inline(self, node: dict, plain: bool) -> str:
        t, c = node["t"], node.get("c")
        if t == "Str":
            return c if plain else echapper(c)
        if t in ("Space", "SoftBreak", "LineBreak"):
            return " "
        if t in ("Emph", "Strong"):
            inner = "".join(self._inline(i, plain) for i in c)
            if plain or not inner.strip():
                return inner
            mark = "*" if t == "Emph" else "**"
            stripped = inner.strip()
            before = " " if inner[:1].isspace() else ""
            after = " " if inner[-1:].isspace() else ""
            return f"{before}{mark}{stripped}{mark}{after}"
        if t in ("Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps"):
            return "".join(self._inline(i, plain) for i in c)
        if t == "Quoted":
            ouvre, ferme = ("“", "”") if c[0]["t"] == "DoubleQuote" else ("‘", "’")
            return ouvre + "".join(self._inline(i, plain) for i in c[1]) + ferme
        if t == "Cite":
            return "".join(self._inline(i, plain) for i in c[1])
        if t == "Code":
            return c[1] if plain else echapper(c[1])
        if t == "Math":
            return c[1] if plain else echapper(c[1])
        if t == "Span":
            return "".join(self._inline(i, plain) for i in c[1])
        if t == "Link":
            texte = "".join(self._inline(i, plain) for i in c[1])
            url = c[2][0]
            if plain or not url.lower().startswith(_SCHEMAS) or not texte.strip():
                return texte
            url = url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
            return f"[{texte.strip()}]({url})"
        if t == "Image":
            if not plain:
                self._image(c)
            return ""
        if t == "Note":
            if not plain:
                note = " ".join(self.plain_blocks(c))
                if note:
                    self.notes.append(note)
            return ""
        return ""  # RawInline: markup of another format, never text

    def _image(self, c: list, legende: str = "") -> None:
        alt = self.inline(c[1], plain=True)
        image = Image(c[2][0], alt, legende, self.position)
        self.revue.images.append(image)
        image.nom = self.nommer(image) if self.nommer else None
        if image.nom:
            alternative = alt or ALTERNATIVE_A_ECRIRE
            ligne = f"![{echapper(alternative)}](fichiers/{image.nom}"
            if legende:
                ligne += ' "' + echapper(legende).replace("\\", "\\\\").replace('"', '\\"') + '"'
            self.a_placer.append(ligne + ")")

    # Plain text of blocks (cells, notes) ------------------------------------------------------

    def plain_blocks(self, blocks: list) -> list[str]:
        out: list[str] = []
        for block in blocks:
            t, c = block["t"], block.get("c")
            if t in ("Para", "Plain"):
                out.append(self.inline(c, plain=True))
            elif t == "LineBlock":
                out.append(" ".join(self.inline(line, plain=True) for line in c))
            elif t in ("BulletList", "OrderedList"):
                for item in c if t == "BulletList" else c[1]:
                    out += self.plain_blocks(item)
            elif t in ("BlockQuote",):
                out += self.plain_blocks(c)
            elif t == "Div":
                out += self.plain_blocks(c[1])
            elif t == "CodeBlock":
                out.append(" ".join(c[1].split()))
            elif t == "Header":
                out.append(self.inline(c[2], plain=True))
        return [text for text in out if text]

    def _cell_markdown(self, blocks: list) -> str:
        parts: list[str] = []
        for block in blocks:
            t, c = block["t"], block.get("c")
            if t in ("Para", "Plain"):
                parts.append(self.inline(c))
            elif t in ("BulletList", "OrderedList"):
                parts.append(
                    " ; ".join(self._cell_markdown(item) for item in (c if t == "BulletList" else c[1]))
                )
            elif t == "Div":
                parts.append(self._cell_markdown(c[1]))
            elif t == "Figure":
                self._figure(c)
            else:
                parts.append(" ".join(echapper(text) for text in self.plain_blocks([block])))
        return " ".join(part for part in parts if part)

    # Blocks ------------------------------------------------------------------------------------

    def paragraphe(self, inlines: list) -> str | None:
        """One paragraph: its Markdown line, and its plain line in `texte` (None when empty)."""
        texte = self.inline(inlines)
        plain = self.inline(inlines, plain=True)
        if not texte:
            return None
        self.texte.append(plain)
        return debut_literal(texte)

    def _sortir_notes(self) -> list[str]:
        notes, self.notes = self.notes, []
        out, self.a_placer = self.a_placer, []
        for note in notes:
            self.revue.noter(
                self.position, f"note de bas de page écrite après son paragraphe : « {note[:60]} »"
            )
            self.texte.append(note)
            out.append(debut_literal("Note : " + echapper(note)))
        return out

    def blocs(self, blocks: list) -> list[str]:
        """Markdown blocks (each a string, maybe several lines), headings left to the caller."""
        out: list[str] = []
        for block in blocks:
            out += self.bloc(block)
            out += self._sortir_notes()
        return out

    def bloc(self, block: dict) -> list[str]:
        t, c = block["t"], block.get("c")
        if t in ("Para", "Plain"):
            images = [i for i in c if i["t"] == "Image"]
            texte = self.paragraphe(c)
            if images and texte is None:
                return []
            return [texte] if texte else []
        if t == "LineBlock":
            texte = self.paragraphe([x for line in c for x in [*line, {"t": "Space"}]])
            return [texte] if texte else []
        if t == "BulletList":
            lines = self._liste(c, False, 1, "")
            return ["\n".join(lines)] if lines else []
        if t == "OrderedList":
            lines = self._liste(c[1], True, 1, "")
            return ["\n".join(lines)] if lines else []
        if t == "DefinitionList":
            return self._definitions(c)
        if t == "BlockQuote":
            return self._encadre(c)
        if t == "Table":
            from macros.document.tableaux import tableau

            return tableau(self, c)
        if t == "Figure":
            return self._figure(c)
        if t == "Div":
            return self.blocs(c[1])
        if t == "CodeBlock":
            texte = " ".join(c[1].split())
            if not texte:
                return []
            self.texte.append(texte)
            return [debut_literal(echapper(texte))]
        if t == "RawBlock":
            self.revue.noter(self.position, f"contenu au format {c[0]} laissé de côté")
            return []
        if t == "Header":  # a heading where only text may be: written in bold
            texte = self.inline(c[2])
            if texte:
                self.texte.append(self.inline(c[2], plain=True))
                return [f"**{texte}**"]
        return []  # HorizontalRule: layout

    def _figure(self, c: list) -> list[str]:
        legende_blocks = c[1][1]
        legende = " ".join(self.plain_blocks(legende_blocks))
        before = len(self.revue.images)
        for block in c[2]:
            for inline in block.get("c", []) if block["t"] in ("Para", "Plain") else []:
                if isinstance(inline, dict) and inline.get("t") == "Image":
                    self._image(inline["c"], legende)
        if len(self.revue.images) == before:
            self.blocs(c[2])
        if legende and self.a_placer:  # the caption is the image's
            return []
        if legende:
            self.texte.append(legende)
            return [debut_literal("*" + echapper(legende) + "*")]
        return []

    def _item(self, blocks: list, depth: int) -> tuple[str, list, bool]:
        """(the item's text, its sub-list items, numbered?) — paragraphs after a sub-list move before it."""
        texts: list[str] = []
        plains: list[str] = []
        sub: list = []
        numbered = False
        moved = False
        for block in blocks:
            t, c = block["t"], block.get("c")
            if t in ("BulletList", "OrderedList") and depth < PROFONDEUR_MAXIMALE:
                items = c if t == "BulletList" else c[1]
                numbered = numbered if sub else t == "OrderedList"
                sub += items
            elif t in ("BulletList", "OrderedList"):
                flat = self.plain_blocks([block])
                self.revue.noter(
                    self.position,
                    f"liste de plus de {PROFONDEUR_MAXIMALE} niveaux : ses éléments "
                    f"sont joints au niveau {PROFONDEUR_MAXIMALE} (« {flat[0][:40]}… »)",
                )
                texts.append(" ; ".join(echapper(x) for x in flat))
                plains.append(" ; ".join(flat))
            elif t in ("Para", "Plain"):
                if sub:
                    moved = True
                texts.append(self.inline(c))
                plains.append(self.inline(c, plain=True))
            else:
                flat = self.plain_blocks([block])
                if flat:
                    self.revue.noter(
                        self.position,
                        "un tableau ou un encadré dans une liste est écrit en texte dans l'élément",
                    )
                texts += [echapper(x) for x in flat]
                plains += flat
        if moved:
            self.revue.noter(self.position, "texte écrit après une sous-liste, placé avant elle")
        texte = " ".join(x for x in texts if x)
        plain = " ".join(x for x in plains if x)
        if plain:
            self.texte.append(plain)
        return texte, sub, numbered

    def _liste(self, items: list, numbered: bool, depth: int, indent: str) -> list[str]:
        lines: list[str] = []
        for number, item in enumerate(items, start=1):
            texte, sub, sub_numbered = self._item(item, depth)
            marker = f"{number}." if numbered else "-"
            if not texte:  # an item that is only a sub-list: its items at this level
                lines += self._liste(sub, numbered, depth, indent)
                continue
            lines.append(f"{indent}{marker} {debut_literal(texte)}")
            if sub:
                lines += self._liste(sub, sub_numbered, depth + 1, indent + " " * (len(marker) + 1))
        return lines

    def _definitions(self, c: list) -> list[str]:
        lines = []
        for terme, definitions in c:
            nom = self.inline(terme)
            nom_plain = self.inline(terme, plain=True)
            texte = " ".join(self._cell_markdown(d) for d in definitions)
            plain = " ".join(x for d in definitions for x in self.plain_blocks(d))
            self.texte.append(f"{nom_plain} : {plain}" if plain else nom_plain)
            lines.append(f"- **{nom}** : {texte}" if texte else f"- {nom}")
        return ["\n".join(lines)] if lines else []

    def _encadre(self, blocks: list) -> list[str]:
        """Paragraphs, then at most a numbered list and a bulleted one; other lists become paragraphs."""
        flat: list[dict] = []
        for block in blocks:
            flat += block["c"][1] if block["t"] == "Div" else [block]
        kinds = [b["t"] for b in flat]
        lists = [k for k in kinds if k in ("BulletList", "OrderedList")]
        first_list = next((n for n, k in enumerate(kinds) if k in ("BulletList", "OrderedList")), len(kinds))
        tail = kinds[first_list:]
        fits = (
            all(k in ("BulletList", "OrderedList") for k in tail)
            and len(lists) <= 2
            and (lists in (["BulletList"], ["OrderedList"], ["OrderedList", "BulletList"], []))
        )
        parts: list[str] = []
        for block in flat:
            t, c = block["t"], block.get("c")
            if t in ("BulletList", "OrderedList") and fits:
                parts.append(
                    "\n".join(self._liste(c if t == "BulletList" else c[1], t == "OrderedList", 1, ""))
                )
            elif t in ("Para", "Plain"):
                texte = self.paragraphe(c)
                if texte:
                    parts.append(texte)
            else:
                texts = self.plain_blocks([block])
                self.texte += texts
                parts += [debut_literal(echapper(x)) for x in texts]
                if t in ("BulletList", "OrderedList", "Table", "BlockQuote"):
                    self.revue.noter(
                        self.position,
                        "encadré dont une liste ou un tableau est écrit en "
                        "paragraphes (un encadré a ses paragraphes, puis ses listes)",
                    )
        parts += self._sortir_notes()
        if not parts:
            return []
        return ["\n>\n".join("\n".join("> " + line for line in part.split("\n")) for part in parts)]
