"""A rubrique written in Markdown, read into the same shape as its YAML form.

What an HR officer writes most easily: an optional YAML header between two `---` lines
(titre, resume, position, etape, suivi), then Markdown. `## Titre` titles the next block;
a paragraph, a bulleted list, a numbered list, a pipe table and a quote become a
paragraphe, a liste, etapes, a tableau and an encadré (an indented list under a list item or a
step is that item's `items`); `### Une question ?` followed by
paragraphs is a question of a questions block. Raw HTML is refused with its line; every
other text (Jinja included) stays as typed, for the inline syntax of macros/site/inline.py.

The result holds positioned dicts and lists (as read_yaml's), so that a validation error
of `Rubrique.model_validate` can be placed at its line by explain_validation_error.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from macros.data.errors import DataError
from macros.data.files import read_data_text
from macros.data.yaml_strict import PositionedDict, PositionedList, parse_yaml_text

HEADER_KEYS = ("titre", "resume", "position", "etape", "suivi")
_ID_SUFFIX = re.compile(r"\s*\{#([a-z0-9]+(?:-[a-z0-9]+)*)\}\s*$")
# A quote starting with « Attention » or « Urgence » is an encadré of that level.
_LEVEL = re.compile(r"^(?:\*\*)?(Attention|Urgence)\b")
# « Attention : » written as a label: the encadré's own title says it already.
_LEVEL_LABEL = re.compile(r"^(?:\*\*(?:Attention|Urgence)\s*:\s*\*\*|\*\*(?:Attention|Urgence)\*\*\s*:"
                         r"|(?:Attention|Urgence)\s*:)\s*")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
# Blocks a list item or a quote may not hold (a list item's own sub-list is read apart).
_LISTS = ("bullet_list_open", "ordered_list_open")
_NESTED = {"bullet_list_open", "ordered_list_open", "blockquote_open", "table_open", "heading_open",
           "fence", "code_block", "hr"}


class _At:
    """A value and the line it was written on, until the result is positioned."""

    __slots__ = ("line", "value")

    def __init__(self, value: object, line: int) -> None:
        self.value, self.line = value, line


def _mark(line: int) -> yaml.Mark:
    return yaml.Mark("", 0, line - 1, 0, None, None)


def _positioned(value: object, line: int) -> object:
    """Positioned dicts and lists from `_At` values: each item at its own line, or its parent's."""
    if isinstance(value, _At):
        return _positioned(value.value, value.line)
    if isinstance(value, PositionedDict | PositionedList):
        return value  # read from the YAML header: already placed
    if isinstance(value, dict):
        result = PositionedDict()
        result._start, result._marks = _mark(line), {}
        for key, item in value.items():
            own = item.line if isinstance(item, _At) else line
            result[key], result._marks[key] = _positioned(item, own), _mark(own)
        return result
    if isinstance(value, list):
        items = PositionedList()
        items._start, items._marks = _mark(line), []
        for item in value:
            own = item.line if isinstance(item, _At) else line
            items.append(_positioned(item, own))
            items._marks.append(_mark(own))
        return items
    return value


def _split_header(text: str, source: str) -> tuple[dict, str, int]:
    """(header fields, body, lines before the body)."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return {}, text, 0
    end = next((number for number in range(1, len(lines)) if lines[number].rstrip() == "---"), None)
    if end is None:
        raise DataError(source, 1, None, "l'en-tête ouvert par « --- » n'est jamais fermé : ajoutez une "
                        "ligne « --- » après ses champs (titre, resume…).")
    header_text = "\n".join(lines[1:end])
    header: dict = {}
    if any(line.strip() and not line.lstrip().startswith("#") for line in lines[1:end]):
        header = parse_yaml_text(header_text, source, first_line=2)
        for key in header:
            if key not in HEADER_KEYS:
                where = header.position(key)
                raise DataError(source, where.line, where.column,
                                f"la clé « {key} » n'est pas prévue dans l'en-tête d'une rubrique ; "
                                f"clés possibles : {', '.join(HEADER_KEYS)}.")
    return header, "\n".join(lines[end + 1:]), end + 1


def _parser() -> MarkdownIt:
    # html on: raw HTML is then seen as html_block / html_inline tokens, and refused.
    return MarkdownIt("commonmark", {"html": True}).enable("table")


def _steps(items: list[_At]) -> list[_At]:
    """The items of a numbered list as steps: {texte} (or {texte, items} as read already)."""
    return [item if isinstance(item.value, dict) else _At({"texte": item}, item.line) for item in items]


class _Body:
    """Walks the top-level tokens of the body and builds its blocks."""

    def __init__(self, body: str, offset: int, source: str, titre: str | None) -> None:
        self.lines = body.split("\n")
        self.offset, self.source, self.titre = offset, source, titre
        self.titre_line: int | None = None
        env: dict = {}
        self.tokens = _parser().parse(body, env)
        self._refuse_html()
        references = env.get("references") or {}
        if references:
            first = min(reference.get("map", [0])[0] for reference in references.values())
            raise DataError(source, first + offset + 1, None,
                            "les liens par repère (« [texte][1] » et « [1]: adresse ») ne sont pas "
                            "acceptés : écrivez le lien en entier, « [texte](https://…) ».")
        self.blocs: list[_At] = []
        self.pending: tuple[str, str | None, int] | None = None  # titre, id, line of a `##`
        self.faq: dict | None = None

    def _line(self, token: Token) -> int:
        return (token.map[0] if token.map else 0) + self.offset + 1

    def _refuse_html(self) -> None:
        for token in self.tokens:
            if token.type == "html_block":
                self._html(token.content, self._line(token))
            for number, child in enumerate(token.children or []):
                if child.type == "html_inline":
                    breaks = sum(c.type in ("softbreak", "hardbreak") for c in token.children[:number])
                    self._html(child.content, self._line(token) + breaks)

    def _html(self, html: str, line: int) -> None:
        shown = html.strip().split("\n")[0]
        shown = shown if len(shown) <= 60 else shown[:57] + "…"
        raise DataError(self.source, line, None,
                        f"le HTML n'est pas accepté dans une rubrique : « {shown} » ; écrivez le texte en "
                        "Markdown (**gras**, listes, tableaux) ou retirez la balise.")

    def _close(self, start: int) -> int:
        """Index of the token that closes the one at `start`."""
        token = self.tokens[start]
        closing = token.type.replace("_open", "_close")
        return next(n for n in range(start + 1, len(self.tokens))
                    if self.tokens[n].type == closing and self.tokens[n].level == token.level)

    def _add(self, line: int, **fields: object) -> None:
        self._end_faq()
        bloc: dict = dict(fields)
        if self.pending:
            titre, anchor, title_line = self.pending
            bloc["titre"] = _At(titre, title_line)
            if anchor:
                bloc["id"] = _At(anchor, title_line)
            self.pending = None
        self.blocs.append(_At(bloc, line))

    def _end_faq(self) -> None:
        faq, self.faq = self.faq, None
        if faq is None:
            return
        for item in faq["items"]:
            if not item.value["reponse"]:
                question = item.value["question"].value
                raise DataError(self.source, item.line, None,
                                f"la question « {question} » n'a pas de réponse : écrivez au moins un "
                                "paragraphe sous la question.")
        self._add(faq["line"], type="questions", items=faq["items"])

    def _texts(self, start: int, end: int, what: str) -> list[_At]:
        """The paragraphs between two tokens; any other block there is refused."""
        texts = []
        for token in self.tokens[start:end]:
            if token.type in _NESTED:
                raise DataError(self.source, self._line(token), None,
                                f"{what} ne contient que du texte ou une sous-liste : les tableaux, "
                                "titres, encadrés et blocs de code ne peuvent pas y être imbriqués.")
            if token.type == "inline":
                texts.append(_At(token.content, self._line(token)))
        return texts

    def _items(self, start: int, end: int, what: str) -> list[_At]:
        """One text per list item (an item's paragraphs joined by a space), or, for an item with
        an indented list under it, {texte, items, numerotee} (the model limits the depth)."""
        items, level = [], self.tokens[start].level + 1
        for number in range(start + 1, end):
            token = self.tokens[number]
            if token.type == "list_item_open" and token.level == level:
                item_end = self._close(number)
                sub_list = next((n for n in range(number + 1, item_end)
                                 if self.tokens[n].type in _LISTS and self.tokens[n].level == level + 1),
                                None)
                texts = self._texts(number + 1, item_end if sub_list is None else sub_list, what)
                text = _At(" ".join(t.value for t in texts), self._line(token))
                if sub_list is None:
                    items.append(text)
                    continue
                sub_end = self._close(sub_list)
                if sub_end + 1 < item_end:  # text again after the sub-list: one text per element
                    self._texts(sub_end + 1, item_end, what)
                    raise DataError(self.source, self._line(self.tokens[sub_end + 1]), None,
                                    f"{what} a du texte après sa sous-liste : mettez ce texte avant "
                                    "la sous-liste, ou faites-en un élément de la sous-liste.")
                element = {"texte": text, "items": _At(self._items(sub_list, sub_end, what),
                                                       self._line(self.tokens[sub_list]))}
                if self.tokens[sub_list].type == "ordered_list_open":
                    element["numerotee"] = "oui"
                items.append(_At(element, self._line(token)))
        return items

    def _encadre(self, start: int, end: int, line: int) -> None:
        """A quote: its paragraphs, then maybe a numbered list (its steps) and a bulleted list."""
        what = "un encadré (ligne commençant par « > »)"
        texts: list[_At] = []
        parts: dict[str, _At] = {}
        number = start + 1
        while number < end:
            token = self.tokens[number]
            close = self._close(number) if token.type.endswith("_open") else number
            field = "etapes" if token.type == "ordered_list_open" else "liste"
            if token.type == "paragraph_open" and not parts:
                texts.append(_At(self.tokens[number + 1].content, self._line(token)))
            elif token.type == "paragraph_open":
                raise DataError(self.source, self._line(token), None,
                                f"{what} a un paragraphe après sa liste : mettez les paragraphes avant "
                                "les listes, ou ce texte hors de l'encadré.")
            elif token.type in _LISTS and field not in parts and "liste" not in parts:
                items = self._items(number, close, "un élément de liste")
                parts[field] = _At(_steps(items) if field == "etapes" else items, self._line(token))
            elif token.type in _LISTS:
                raise DataError(self.source, self._line(token), None,
                                f"{what} contient des paragraphes, puis au plus une liste numérotée (ses "
                                "étapes), puis au plus une liste à puces : faites de cette liste-ci un bloc "
                                "à part, hors de l'encadré.")
            else:
                self._texts(number, close + 1, what)  # refuses the table, the title, the quote…
            number = close + 1
        found = _LEVEL.match(texts[0].value) if texts else None
        if found:
            first = _LEVEL_LABEL.sub("", texts[0].value, count=1)
            first = first[:1].upper() + first[1:]  # the sentence now starts the box
            texts = [_At(first, texts[0].line), *texts[1:]] if first else texts[1:] or texts
        self._add(line, type="encadre", niveau=found.group(1).lower() if found else "information",
                  texte=texts, **parts)

    def _cells(self, token: Token) -> list[str]:
        # From the source line: markdown-it pads a short row and drops extra cells, which would
        # hide the mistake from the model's check.
        row = self.lines[token.map[0]].strip()
        row = row[1:] if row.startswith("|") else row
        row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
        return [cell.strip() for cell in _CELL_SPLIT.split(row)]

    def _heading(self, token: Token, text: str) -> None:
        level, line = int(token.tag[1]), self._line(token)
        if level == 1:
            if self.titre is None:
                self.titre, self.titre_line = text, line
            elif text != self.titre:
                raise DataError(self.source, line, None,
                                f"« # {text} » : une rubrique n'a qu'un titre de niveau 1, "
                                f"« {self.titre} » ; pour une partie, écrivez « ## {text} ».")
        elif level == 2:
            self._end_faq()
            if self.pending:
                self._untitled()
            anchor = _ID_SUFFIX.search(text)
            self.pending = (text[:anchor.start()] if anchor else text, anchor and anchor.group(1), line)
        elif level == 3 and text.endswith("?"):
            if self.faq is None:
                self.faq = {"line": line, "items": []}
            self.faq["items"].append(_At({"question": _At(text, line), "reponse": []}, line))
        else:
            raise DataError(self.source, line, None,
                            f"« {token.markup} {text} » : sous un titre « ## », un titre « ### » doit être "
                            "une question (finissant par « ? ») ; pour une partie, écrivez « ## ».")

    def _untitled(self) -> None:
        titre, _, line = self.pending
        raise DataError(self.source, line, None,
                        f"le titre « {titre} » n'est suivi d'aucun texte : ajoutez le contenu de cette "
                        "partie, ou retirez le titre.")

    def _images(self, inline: Token, line: int) -> list[_At] | None:
        """A paragraph of images only (`![texte de remplacement](fichiers/plan.png "Légende")`)."""
        children = [child for child in inline.children or () if child.type not in ("softbreak", "hardbreak")
                    and not (child.type == "text" and not child.content.strip())]
        if not children or any(child.type != "image" for child in children):
            return None
        items = []
        for child in children:
            src = child.attrs.get("src", "")
            if not src.startswith("fichiers/"):
                raise DataError(self.source, line, None,
                                f"l'image « {src} » doit être un fichier du dossier fichiers/ du "
                                "référentiel, écrit « ![ce que montre l'image](fichiers/nom.png) ».")
            item = {"fichier": src.removeprefix("fichiers/"), "alternative": child.content}
            if child.attrs.get("title"):
                item["legende"] = child.attrs["title"]
            items.append(_At(item, line))
        return items

    def read(self) -> list[_At]:
        number = 0
        while number < len(self.tokens):
            token = self.tokens[number]
            kind, line = token.type, self._line(token)
            end = self._close(number) if kind.endswith("_open") else number
            if kind == "heading_open":
                self._heading(token, self.tokens[number + 1].content.strip())
            elif kind == "paragraph_open":
                text = _At(self.tokens[number + 1].content, line)
                images = self._images(self.tokens[number + 1], line)
                if images:
                    self._add(line, type="images", items=images)
                elif self.faq is not None and self.faq["items"]:
                    self.faq["items"][-1].value["reponse"].append(text)
                else:
                    self._add(line, type="paragraphe", texte=text)
            elif kind == "bullet_list_open":
                self._add(line, type="liste", items=self._items(number, end, "un élément de liste"))
            elif kind == "ordered_list_open":
                self._add(line, type="etapes", items=_steps(self._items(number, end, "une étape numérotée")))
            elif kind == "table_open":
                rows = [t for t in self.tokens[number:end] if t.type == "tr_open"]
                self._add(line, type="tableau", colonnes=self._cells(rows[0]),
                          lignes=[_At(self._cells(row), self._line(row)) for row in rows[1:]])
            elif kind == "blockquote_open":
                self._encadre(number, end, line)
            elif kind in ("fence", "code_block"):
                raise DataError(self.source, line, None,
                                "bloc de code (texte entre ``` ou indenté de quatre espaces) : retirez "
                                "l'indentation ; pour un mot de code, écrivez `code` dans la phrase.")
            number = end + 1
        self._end_faq()
        if self.pending:
            self._untitled()
        return self.blocs


def read_markdown_rubrique(path: Path, source: str) -> dict:
    """Read a Markdown rubrique into the dict its YAML form would give (validate with Rubrique).

    `source` is the path shown to the editor. Raises DataError for what the editor must fix.
    """
    return parse_markdown_rubrique(read_data_text(path, source), source)


def parse_markdown_rubrique(text: str, source: str) -> dict:
    """`read_markdown_rubrique` on a text already read (a version from git history, say)."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    header, body, offset = _split_header(text, source)
    titre = header.get("titre")
    reader = _Body(body, offset, source, titre.strip() if isinstance(titre, str) else None)
    blocs = reader.read()
    if reader.titre is None:
        raise DataError(source, 1, None, "la rubrique n'a pas de titre : ajoutez « titre: ... » dans "
                        "l'en-tête, ou une première ligne « # Titre de la rubrique ».")
    if not blocs:
        raise DataError(source, offset + 1, None,
                        "la rubrique ne contient aucun texte : écrivez son contenu sous l'en-tête.")
    result = _positioned({"blocs": _At(blocs, blocs[0].line)}, 1)
    for key, value in header.items():  # with the header's own positions
        result[key], result._marks[key] = value, header._marks[key]
    if "titre" not in header:
        result["titre"], result._marks["titre"] = reader.titre, _mark(reader.titre_line or 1)
    return result
