"""Decap CMS fields drawn from a model's JSON Schema (the one `make schema` writes).

The same schema VS Code reads: each property becomes a field whose label is its name made
readable and whose hint is the model's French description; an enumeration becomes a select,
a date a date picker, a list a repeatable group (with its fields, or typed when its items
are a union tagged by `type`, as the blocks of a rubrique), a number a number. What the
model requires is required, with its pattern and minimum count. A union Decap cannot show
(a block or the word « aucun ») is left out of the form and named in its hint: the editor
keeps what the file says there (admin/socle-yaml.js only writes what changed). A field that
takes a key of a vocabulary the file declares (`x-vocabulaire`: an action's `statut` among the
plan's `statuts`) is a select whose options each référentiel's own list gives (config.py);
so is a field that names an item of another list (`x-reference`: an action's `instances`
among the gouvernance's, an objective's `axe` among the plan's axes). The forms carry what the
model checks on one value (required, pattern, minimum and maximum, lists) so that what the
online editor accepts, which has no server to ask, passes the loader where a form can tell.
"""

from __future__ import annotations

import re

from macros.history.changes import NOUNS
from macros.models.dates import ANNEES_PLAUSIBLES, MOTIF_DATE_DOCUMENT
from macros.text.vocabulaire import cle_lisible

# The widget admin/socle-widgets.js registers for ids: read-only once it holds a value.
WIDGET_IDENTIFIANT = "identifiant"
# The widget admin/socle-widgets.js registers for dates: typed and shown JJ/MM/AAAA (a day),
# MM/AAAA (a month) or AAAA (a year), stored AAAA-MM-JJ, AAAA-MM or AAAA; what it stores must
# be one of them in a plausible year (as macros/models/dates.py checks), else the form
# refuses it with this message.
WIDGET_DATE = "date-fr"
_DEBUT, _FIN = ANNEES_PLAUSIBLES
DATE = MOTIF_DATE_DOCUMENT
MESSAGE_DATE = (f"Une date écrite JJ/MM/AAAA (un jour), MM/AAAA (un mois) ou AAAA (une année), entre "
                f"{_DEBUT} et {_FIN} (par exemple 30/06/2026, 06/2026 ou 2027).")
# The examples of a date field's description, as the form shows them (« 2026-06-30 » → « 30/06/2026 »).
_JOUR_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MOIS_ISO = re.compile(r"\b(\d{4})-(\d{2})\b")
# A decimal number as an HR officer types it: « 12 », « 12,5 », « 1 200 », « -3.5 ».
NOMBRE = r"^-?\d[\d \u00a0\u202f]*([.,]\d+)?$"
# The automatic title pydantic gives a field (« fiche_projet » → « Fiche Projet »).
_AUTO_TITLE = re.compile(r"^[A-Z][a-z0-9]*( [A-Z0-9][a-z0-9]*)*$")


def label(name: str, title: str | None = None) -> str:
    """« fiche_projet » → « Fiche projet », « revoir_le » → « Revoir le », « numero » → « Numéro ».

    A title set in the model (`Field(title=…)`) is used as written.
    """
    automatic = " ".join(part.capitalize() for part in name.split("_"))
    if title and title != automatic and not _AUTO_TITLE.match(title):
        return title
    text = cle_lisible(name)
    return text[:1].upper() + text[1:]


class _Schema:
    """One JSON Schema and its definitions, walked into Decap fields."""

    def __init__(self, schema: dict) -> None:
        self.definitions = schema.get("definitions", {})

    def resolve(self, node: dict) -> dict:
        while "$ref" in node:
            node = self.definitions[node["$ref"].rsplit("/", 1)[-1]]
        return node

    def fields(self, node: dict) -> list[dict]:
        node = self.resolve(node)
        required = set(node.get("required", ()))
        return [self.field(name, prop, name in required) for name, prop in node["properties"].items()]

    def field(self, name: str, prop: dict, required: bool) -> dict:
        field: dict = {"name": name, "label": label(name, prop.get("title"))}
        hint = prop.get("description")
        options = [self.resolve(o) for o in prop.get("anyOf", [prop]) if o.get("type") != "null"]
        nullable = len(options) < len(prop.get("anyOf", [prop]))
        field["required"] = required and not nullable
        widget = self.widget(options[0]) if len(options) == 1 else None
        if sorted(o.get("type") for o in options) == ["integer", "string"]:
            # An axe's number: 1, 2… or a letter (macros/models/plan.py). Decap's text field
            # cannot hold the file's numbers (its pattern check fails on them and the save
            # hangs): the form offers the number; a letter is written in the file.
            widget = self.widget(next(o for o in options if o.get("type") == "integer"))
        if widget is None:
            # Decap has no widget for « a block, or the word aucun », nor for a table keyed by
            # names (referentiel.yml `pages:`): left to the file.
            field.update(widget="hidden")
            field["hint"] = (f"{hint} Ce champ se modifie dans le fichier lui-même "
                             "(l'éditeur garde ce qui y est écrit).")
            field["required"] = False
            return field
        field.update(widget)
        if field["widget"] == "list" and name in NOUNS:
            # « 1 engagement », « Ajouter engagement »: Decap names one item by this label.
            field["label_singular"] = NOUNS[name][0]
        if name == "id" and field["widget"] == "string":
            # An id is the address of what it names (a fiche, an anchor, a cross-reference):
            # admin/socle-yaml.js registers a text field that is read-only once it holds a
            # value, and editable only in an item just added (which needs one).
            field["widget"] = WIDGET_IDENTIFIANT
        if "x-reference" in prop:
            # The key of an item of another list (an instance of the gouvernance, an axe of
            # the plan): chosen among that list's items of each référentiel, never typed
            # (config.py sets the options and removes this mark).
            multiple = field["widget"] == "list"
            for key in ("field", "fields", "summary", "collapsed", "label_singular", "pattern",
                        "value_type", *(() if multiple else ("min", "max"))):
                field.pop(key, None)
            field.update(widget="select", reference=dict(prop["x-reference"]))
            if multiple:
                field["multiple"] = True
        if "x-vocabulaire" in prop:
            # A key of a list the file itself declares (the plan's `statuts`): its options are
            # that list's, in each référentiel, set when the site's editor is configured
            # (macros/editeur/config.py, which removes this mark).
            field.update(widget="select", vocabulaire=prop["x-vocabulaire"])
            field.pop("pattern", None)
        if field["widget"] == "object" and not field["required"]:
            field["collapsed"] = True  # an optional group (suivi) stays folded until opened
            # Decap checks a group's required fields even when the group is optional and
            # left empty, which would forbid saving any file without `suivi`: inside an
            # optional group nothing is required by the form (make check still requires it).
            _not_required(field["fields"])
        if "default" in prop and prop["default"] not in (None, [], {}) and "default" not in field:
            field["default"] = _as_written(prop["default"])
        if hint and field["widget"] == WIDGET_DATE:
            # The model says how the file writes a date (for VS Code); the form takes it in French.
            hint = hint.replace("écrite AAAA-MM-JJ", "saisie JJ/MM/AAAA").replace("AAAA-MM", "MM/AAAA")
            hint = _MOIS_ISO.sub(r"\2/\1", _JOUR_ISO.sub(r"\3/\2/\1", hint))
        if hint:
            field["hint"] = hint
        return field

    def widget(self, node: dict) -> dict | None:
        """The widget of one value (a field's, or a list's items); None when Decap has none."""
        node = self.resolve(node)
        kind = node.get("type")
        if "enum" in node or "const" in node:
            values = node.get("enum", [node.get("const")])
            return {"widget": "select", "options": list(values)}
        if kind == "boolean":
            # « oui » / « non », as the files and the HR officers write them (macros/models/pages.py).
            return {"widget": "select", "options": [{"label": "Oui", "value": "oui"},
                                                    {"label": "Non", "value": "non"}]}
        if kind == "string" and "x-date" in node:
            return {"widget": WIDGET_DATE, "pattern": [DATE, MESSAGE_DATE]}
        if kind == "string":
            widget: dict = {"widget": "string"}
            if "pattern" in node:
                widget["pattern"] = [node["pattern"], _pattern_message(node["pattern"])]
            return widget
        if kind == "number":
            # A decimal, typed as the files write it (« 12,5 » or « 12.5 », macros/models/
            # plan_action.py reads both): a text with the form of a number, kept as typed.
            return {"widget": "string", "pattern": [NOMBRE, "Un nombre, par exemple 12 ou 12,5."]}
        if kind == "integer":
            widget = {"widget": "number", "value_type": "int"}
            for key, decap in (("minimum", "min"), ("maximum", "max")):
                if key in node:
                    widget[decap] = node[key]
            return widget
        if kind == "array":
            return self.list_widget(node)
        if kind == "object" and "properties" in node:
            return {"widget": "object", "collapsed": False, "fields": self.fields(node)}
        return None

    def list_widget(self, node: dict) -> dict:
        items = node.get("items", {})
        widget: dict = {"widget": "list"}
        if node.get("minItems"):
            widget["min"] = node["minItems"]
        if ("oneOf" in items or "anyOf" in items) and "discriminator" not in items:
            # Items that are a text or a mapping (a list item with its own sub-list): Decap's
            # text field would show a mapping as « [object Object] » and an edit would write a
            # text over the sub-list. Left to the file, like any union Decap cannot show.
            return None
        if "oneOf" in items and "discriminator" in items:
            tag = items["discriminator"]["propertyName"]
            widget.update(typeKey=tag, collapsed=True, types=[
                self.typed(self.resolve(member), tag) for member in items["oneOf"]])
            return widget
        item = self.resolve(items)
        if item.get("type") == "object":
            fields = self.fields(item)
            widget.update(collapsed=True, fields=fields)
            summary = _summary(fields)
            if summary:
                widget["summary"] = summary
            return widget
        # A list of texts (paragraphs, commitments) or of rows: one field per item.
        inner = self.widget(item) or {"widget": "text"}
        if inner["widget"] == "string":
            inner["widget"] = "text"
        widget["field"] = {"name": "element", "label": "Élément", **inner}
        if inner["widget"] in {"text", "select"}:
            # A folded item reads as its text or its choice (Decap shows the field's label,
            # « Élément », else).
            widget["summary"] = "{{fields.element}}"
        return widget

    def typed(self, member: dict, tag: str) -> dict:
        """One type of a typed list: its tag is the name Decap writes under `typeKey`."""
        name = member["properties"][tag]["const"]
        fields = [f for f in self.fields(member) if f["name"] != tag]
        typed = {"name": name, "label": label(name), "widget": "object", "fields": fields}
        summary = _summary(fields)
        if summary:
            typed["summary"] = summary
        return typed


def _not_required(fields: list[dict]) -> None:
    for field in fields:
        field["required"] = False
        if field.get("widget") == "object":
            _not_required(field["fields"])


def _summary(fields: list[dict]) -> str | None:
    """What a collapsed item of a list shows: its first required text that is not an
    identifier (« {{fields.nom}} » rather than the id), else its first text."""
    for field in fields:
        if field.get("widget") in {"string", "text"} and field.get("required") and "pattern" not in field:
            return "{{fields." + field["name"] + "}}"
    for field in fields:
        if field.get("widget") in {"string", "text"}:
            return "{{fields." + field["name"] + "}}"
    return None


def _pattern_message(pattern: str) -> str:
    if pattern.startswith("^[a-z0-9]+"):
        return "Minuscules sans accents, chiffres et tirets seulement (par exemple « conseil-municipal »)."
    if pattern == r"^\d+\.\d+$":
        return "Deux nombres séparés par un point (par exemple « 2.7 »)."
    if pattern == r"^(\d+\.\d+|[A-Z]{1,4}\.?\d+)$":
        return ("Le numéro de l'axe, un point et le rang (par exemple « 2.7 ») ; sous un axe numéroté par "
                "une lettre, la lettre et le rang (« A1 »).")
    if pattern == "^https://":
        return "Une adresse qui commence par https:// (par exemple « https://www.exemple.fr »)."
    if "@" in pattern:
        return "Une adresse électronique (par exemple « drh@exemple.fr »)."
    return f"Forme attendue : {pattern}"


def _as_written(value: object) -> object:
    if value is True:
        return "oui"
    if value is False:
        return "non"
    return value


def fields_of(schema: dict) -> list[dict]:
    """The Decap fields of a data file described by `schema` (its JSON Schema)."""
    return _Schema(schema).fields(schema)
