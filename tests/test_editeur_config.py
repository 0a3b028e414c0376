"""The editor's configuration (/admin/config.yml): every data file, every field, from the models.

Counted against the pydantic models themselves (not the JSON Schema the forms are drawn
from), for Béthune, Pas-de-Calais and the fictional syndicat; then the forge settings and
the local backend's limits.
"""

from __future__ import annotations

import re
import typing

import pytest
from pydantic import BaseModel, ValidationError

from macros.cli.schema import schema_for
from macros.data.loader import load_referentiel
from macros.editeur import admin
from macros.editeur.champs import DATE, MESSAGE_DATE, NOMBRE, fields_of
from macros.editeur.config import Forge, dump, editor_config
from macros.models.base import Suivi
from macros.models.plan import MOTIF_NUMERO_AXE
from macros.registry import KINDS, RUBRIQUES

from .conftest import FIXTURES, ROOT

REFERENTIELS = {"bethune": ROOT / "data" / "bethune", "pas-de-calais": ROOT / "data" / "pas-de-calais",
                "syndicat": FIXTURES / "syndicat"}
LOCAL = Forge(local="http://127.0.0.1:8081/api/v1")
MODEL_OF = {kind.filename: kind.model for kind in KINDS}


def _models_in(annotation) -> list[type[BaseModel]]:
    """The models a field holds (its list items, the members of a union of blocks)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found = []
    for argument in typing.get_args(annotation):
        found += _models_in(argument)
    return found


def _compare(model: type[BaseModel], fields: list[dict], where: str) -> int:
    """Assert the form has exactly the model's fields, at every depth; count them."""
    by_name = {field["name"]: field for field in fields}
    assert set(by_name) == set(model.model_fields), where
    count = len(by_name)
    for name, info in model.model_fields.items():
        field, inner = by_name[name], _models_in(info.annotation)
        if field["widget"] == "hidden":
            continue  # a union Decap cannot show, kept as written (its hint says so)
        if "types" in field:  # a typed list: one type per block
            tag = field["typeKey"]
            assert {t["name"] for t in field["types"]} == {m.model_fields[tag].annotation.__args__[0]
                                                            for m in inner}, where
            for member in inner:
                name_of = member.model_fields[tag].annotation.__args__[0]
                typed = next(t for t in field["types"] if t["name"] == name_of)
                # The tag is the type's name, not a field of its form.
                count += _compare_without(member, typed["fields"], tag, f"{where}.{name}[{typed['name']}]")
        elif inner:
            count += _compare(inner[0], field["fields"], f"{where}.{name}")
    return count


def _compare_without(model, fields, tag, where) -> int:
    class _View:
        model_fields: typing.ClassVar = {k: v for k, v in model.model_fields.items() if k != tag}
    return _compare(_View, fields, where) + 1


@pytest.mark.parametrize("slug", REFERENTIELS)
def test_every_data_file_and_every_field_has_its_form(slug):
    folder = REFERENTIELS[slug]
    referentiel = load_referentiel(folder, ROOT)
    config = editor_config(referentiel, ROOT, LOCAL)
    prefix = folder.relative_to(ROOT).as_posix() + "/"
    entries = {entry["file"].removeprefix(prefix): entry
               for collection in config["collections"] for entry in collection["files"]}
    data_files = {path.relative_to(folder).as_posix() for path in folder.glob("*.yml")}
    data_files |= {path.relative_to(folder).as_posix() for path in folder.glob("rubriques/*.yml")}
    assert set(entries) == data_files
    counted = 0
    for name, entry in entries.items():
        model = RUBRIQUES.model if name.startswith("rubriques/") else MODEL_OF[name]
        counted += _compare(model, entry["fields"], name)
    assert counted > 40
    for collection in config["collections"]:
        assert collection["format"] == "socle-yml"
    assert config["locale"] == "fr"


def _named(fields: list[dict], name: str) -> dict:
    return next(field for field in fields if field["name"] == name)


def _actions_of_objectifs(slug: str) -> tuple[list[dict], list[dict]]:
    config = editor_config(load_referentiel(REFERENTIELS[slug], ROOT), ROOT, LOCAL)
    plan = _named(config["collections"][0]["files"], "plan")
    assert "vocabulaire" not in dump(config)  # the mark is resolved, never given to Decap
    return plan["fields"], _named(_named(plan["fields"], "objectifs")["fields"], "actions")["fields"]


def test_forms_say_what_the_model_says():
    plan, actions = _actions_of_objectifs("bethune")
    objectifs = _named(plan, "objectifs")
    # Objectives are optional (a plan's axes may hold their actions); an objective has actions.
    assert objectifs["widget"] == "list" and not objectifs["required"] and "min" not in objectifs
    objectif_actions = _named(objectifs["fields"], "actions")
    assert objectif_actions["min"] == 1 and objectif_actions["required"]
    numero = _named(objectifs["fields"], "numero")
    assert numero["label"] == "Numéro" and numero["pattern"][0] == r"^(\d+\.\d+|[A-Z]{1,4}\.?\d+)$"
    # The fields of a fiche: dates typed JJ/MM/AAAA, MM/AAAA or AAAA (admin/socle-widgets.js)
    # and stored AAAA-MM-JJ, AAAA-MM or AAAA of a plausible year, dated lists as repeatable groups.
    for name in ("debut", "echeance"):
        date = _named(actions, name)
        assert date["widget"] == "date-fr" and date["pattern"] == [DATE, MESSAGE_DATE]
    assert all(re.match(DATE, text) for text in ("2026-06-30", "2000-01-01", "2100-12-31", "2026-06",
                                                 "2028"))
    assert not any(re.match(DATE, text) for text in ("1906-06-30", "2101-01-01", "2026-13-01",
                                                     "30/06/2026", "2026-6-30", "2026-06-32", "2026-13",
                                                     "1999", "juin 2026"))
    assert "JJ/MM/AAAA" in MESSAGE_DATE and "2000" in MESSAGE_DATE
    jalons = _named(actions, "jalons")
    assert jalons["widget"] == "list" and [f["name"] for f in jalons["fields"]] == ["date", "libelle"]
    date = _named(jalons["fields"], "date")
    assert date["widget"] == "date-fr" and date["required"]
    assert [f["name"] for f in _named(actions, "notes")["fields"]] == ["date", "texte"]
    indicateurs = _named(actions, "indicateurs")["fields"]
    assert _named(indicateurs, "valeurs")["widget"] == "list"
    # A decimal (the target, each measure) is a text of the form of a number, as typed.
    for nombre in (_named(indicateurs, "cible"), _named(_named(indicateurs, "valeurs")["fields"], "valeur")):
        assert nombre["widget"] == "string" and nombre["pattern"][0] == NOMBRE
    assert all(re.match(NOMBRE, text) for text in ("12", "12,5", "1 200", "-3.5"))
    assert not any(re.match(NOMBRE, text) for text in ("douze", "12 %", "1,2,3"))
    assert _named(actions, "contributeurs")["field"]["widget"] == "text"
    assert _named(actions, "id")["required"] and _named(actions, "id")["label"] == "Identifiant"
    suivi = _named(plan, "suivi")
    assert not suivi["required"] and suivi["collapsed"]
    revoir = _named(suivi["fields"], "revoir_le")
    assert revoir["widget"] == "date-fr" and not revoir["required"]
    # An avancement: a whole number from 0 to 100, as the model bounds it.
    avancement = _named(actions, "avancement")
    assert (avancement["widget"], avancement["min"], avancement["max"]) == ("number", 0, 100)


def test_status_and_horizon_offer_the_keys_this_plan_declares():
    # Béthune's own statuses and horizons, in the file's order, each shown by its libellé.
    plan, actions = _actions_of_objectifs("bethune")
    statut = _named(actions, "statut")
    assert statut["widget"] == "select" and not statut["required"]
    assert statut["options"] == [{"label": "Non renseigné", "value": "non-renseigne"},
                                 {"label": "À lancer", "value": "a-lancer"},
                                 {"label": "En cours", "value": "en-cours"},
                                 {"label": "Fait", "value": "fait"}]
    assert statut["hint"].startswith("Clé d'un des statuts du plan")
    assert [o["value"] for o in _named(actions, "horizon")["options"]] == [
        "victoire-rapide", "moyen-terme", "grand-projet"]
    # The actions an axe holds directly get the same lists.
    axe_actions = _named(_named(plan, "axes")["fields"], "actions")["fields"]
    assert _named(axe_actions, "statut")["options"] == statut["options"]
    # The syndicat: its own five statuses, and no horizon to pick (its plan declares none).
    syndicat = load_referentiel(REFERENTIELS["syndicat"], ROOT).plan
    config = editor_config(load_referentiel(REFERENTIELS["syndicat"], ROOT), ROOT, LOCAL)
    axes = _named(_named(config["collections"][0]["files"], "plan")["fields"], "axes")
    actions = _named(axes["fields"], "actions")["fields"]
    assert _named(actions, "statut")["options"] == [{"label": s.libelle, "value": s.cle}
                                                    for s in syndicat.statuts]
    assert [s.cle for s in syndicat.statuts] != [o["value"] for o in statut["options"]]
    horizon = _named(actions, "horizon")
    assert horizon["widget"] == "hidden" and "options" not in horizon and not horizon["required"]
    # The generated form (schemas/decap/) names the vocabulary, never one référentiel's keys.
    generic = fields_of(schema_for(next(kind for kind in KINDS if kind.key == "plan")))
    generic_statut = _named(_named(_named(generic, "axes")["fields"], "actions")["fields"], "statut")
    assert generic_statut == {**generic_statut, "widget": "select", "vocabulaire": "statuts"}
    assert "options" not in generic_statut


def test_forge_settings_make_a_pull_request_backend():
    referentiel = load_referentiel(REFERENTIELS["bethune"], ROOT)
    github = Forge.from_extra({"forge": "github", "depot": "ville/socle", "branche": "", "url_base":
                               "https://oauth.example"})
    config = editor_config(referentiel, ROOT, github)
    assert config["backend"]["name"] == "github" and config["backend"]["repo"] == "ville/socle"
    assert config["backend"]["branch"] == "main" and config["backend"]["base_url"] == "https://oauth.example"
    assert config["publish_mode"] == "editorial_workflow"
    assert "connect-src 'self' https://api.github.com;" in admin.policy(github)
    # No inline script, not even livereload's under make editer: saving never reloads the editor.
    assert "script-src 'self' 'unsafe-eval';" in admin.policy(github)
    assert "script-src 'self' 'unsafe-eval';" in admin.policy(LOCAL)
    assert "<script>" not in admin.index_html(LOCAL, "Ville")
    gitlab = Forge(forge="gitlab", depot="rh/socle", app_id="abc", url_base="https://forge.ville.fr")
    assert editor_config(referentiel, ROOT, gitlab)["backend"]["auth_type"] == "pkce"
    assert "connect-src 'self' https://forge.ville.fr;" in admin.policy(gitlab)
    assert Forge(forge="gitlab", depot="rh/socle").problem().startswith("SOCLE_EDITEUR_APP_ID")
    assert "valeurs possibles github ou gitlab" in Forge(forge="gitea", depot="a/b").problem()
    assert "publish_mode" not in editor_config(referentiel, ROOT, LOCAL)


def test_without_a_forge_admin_loads_nothing():
    page = admin.index_html(Forge(), "Ville <de> Test")
    assert "L'éditeur n'est pas configuré pour ce site" in page
    assert "<script" not in page and "default-src 'none'" in page and "Ville &lt;de&gt; Test" in page
    assert admin.DECAP in admin.index_html(LOCAL, "Ville")
    files = admin.static_files()
    assert admin.DECAP in files and "socle-yaml.js" in files and "vendor/decap-cms-3.16.3/LICENSE" in files


def _every(fields: list[dict], name: str) -> list[dict]:
    """Every field called `name`, at any depth of the form."""
    found = []
    for field in fields:
        if field["name"] == name:
            found.append(field)
        inner = [*field.get("fields", ()), *([field["field"]] if "field" in field else [])]
        for typed in field.get("types", ()):
            inner += typed["fields"]
        found += _every(inner, name)
    return found


# Each field that names an item of another list, and where the loader finds that list.
REFERENCES = {("plan", "instances"): ("gouvernance", "instances", "id"),
              ("plan", "axe"): ("plan", "axes", "numero"),
              ("charte", "role"): ("charte", "roles", "id"),
              ("gouvernance", "categorie"): ("gouvernance", "categories", "id"),
              ("gouvernance", "de"): ("gouvernance", "instances", "id"),
              ("gouvernance", "vers"): ("gouvernance", "instances", "id")}


@pytest.mark.parametrize("slug", REFERENTIELS)
def test_a_reference_is_chosen_among_the_items_of_this_referentiel(slug):
    referentiel = load_referentiel(REFERENTIELS[slug], ROOT)
    config = editor_config(referentiel, ROOT, LOCAL)
    files = {entry["name"]: entry for entry in config["collections"][0]["files"]}
    assert "reference" not in dump(config)  # resolved here, never given to Decap
    checked = 0
    for (file, name), (section, liste, cle) in REFERENCES.items():
        if file not in files:
            continue
        items = getattr(getattr(referentiel, section, None), liste, None) or []
        for field in _every(files[file]["fields"], name):
            checked += 1
            if not items:  # nothing to choose from: the file keeps what it says
                assert field["widget"] == "hidden" and not field["required"], (file, name)
                continue
            assert field["widget"] == "select", (file, name)
            assert [o["value"] for o in field["options"]] == [str(getattr(i, cle)) for i in items]
            assert field.get("multiple", False) == (name == "instances")
            assert "pattern" not in field and "field" not in field
    assert checked >= 1
    if slug == "bethune":
        actions = _named(_named(files["plan"]["fields"], "objectifs")["fields"], "actions")["fields"]
        instances = _named(actions, "instances")
        assert {"label": "Conférence des directeurs (conference-des-directeurs)",
                "value": "conference-des-directeurs"} in instances["options"]
        assert {"label": "CODIR", "value": "codir"} in instances["options"]
        # Every reference the plan makes is one of the options: the form shows what the file says.
        values = {o["value"] for o in instances["options"]}
        assert all(set(a.instances) <= values for a in referentiel.plan.actions)
        axe = _named(_named(files["plan"]["fields"], "objectifs")["fields"], "axe")
        assert axe["options"][0] == {"label": f"{referentiel.plan.axes[0].titre} (1)", "value": "1"}


def test_the_generated_forms_name_the_reference_not_its_items():
    generic = fields_of(schema_for(next(kind for kind in KINDS if kind.key == "plan")))
    instances = _every(generic, "instances")[0]
    assert instances == {**instances, "widget": "select", "multiple": True,
                         "reference": {"section": "gouvernance", "liste": "instances",
                                       "cle": "id", "libelle": "nom"}}
    assert "options" not in instances


@pytest.mark.parametrize("written", ["1906-06-30", "0006-06-30", "2101-01-01", "1999-12-31"])
def test_the_loader_refuses_a_date_of_an_implausible_year(written):
    # What the browser's date field made of « 06302026 » (1906-06-30): refused by the loader
    # too, in French, as the form's pattern refuses it (DATE above).
    with pytest.raises(ValidationError) as refused:
        Suivi.model_validate({"responsable": "DRH", "revoir_le": written})
    message = refused.value.errors()[0]["msg"]
    assert f"« {written} »" in message and "n'est pas plausible (entre 2000 et 2100)" in message
    assert not re.match(DATE, written)
    for plausible in ("2000-01-01", "2026-06-30", "2100-12-31"):
        suivi = Suivi.model_validate({"responsable": "DRH", "revoir_le": plausible})
        assert suivi.revoir_le.isoformat() == plausible
        assert re.match(DATE, plausible)


class _Walk:
    """A JSON Schema and the form drawn from it, side by side."""

    def __init__(self, schema: dict) -> None:
        self.definitions = schema.get("definitions", {})
        self.checked: set[str] = set()

    def resolve(self, node: dict) -> dict:
        while "$ref" in node:
            node = self.definitions[node["$ref"].rsplit("/", 1)[-1]]
        return node

    def object(self, node: dict, fields: list[dict], optional_group: bool, where: str) -> None:
        node = self.resolve(node)
        by_name = {field["name"]: field for field in fields}
        for name, prop in node["properties"].items():
            self.field(name, prop, by_name[name], name in node.get("required", ()) and not optional_group,
                       optional_group, f"{where}.{name}")

    def field(self, name, prop, field, required, optional_group, where) -> None:
        if field["widget"] == "hidden":
            return  # left to the file (its hint says so)
        options = [self.resolve(o) for o in prop.get("anyOf", [prop]) if o.get("type") != "null"]
        nullable = len(options) < len(prop.get("anyOf", [prop]))
        node = options[0]
        assert field.get("required", False) == (required and not nullable), where
        if "x-reference" in prop or "x-vocabulaire" in prop:
            assert field["widget"] == "select", where
            self.checked.add("liste")
            return
        if sorted(o.get("type") for o in options) == ["integer", "string"]:  # an axe: 2 or « A »
            assert field["widget"] == "number" and field["min"] == 1, where  # a letter: in the file
            assert all(re.match(MOTIF_NUMERO_AXE, n) for n in ("1", "12", "A", "IV"))
            assert not any(re.match(MOTIF_NUMERO_AXE, n) for n in ("0", "a", "A1", "1.2"))
            self.checked.add("numero-axe")
            return
        if "enum" in node or "const" in node:
            assert [o if isinstance(o, str) else o["value"] for o in field["options"]] == node.get(
                "enum", [node.get("const")]), where
            self.checked.add("enum")
        if "x-date" in node:
            assert field["widget"] == "date-fr" and field["pattern"] == [DATE, MESSAGE_DATE], where
            self.checked.add("date")
        elif "pattern" in node:
            assert field["pattern"][0] == node["pattern"], where
            assert not re.search(r"[\\^$]", field["pattern"][1]), where  # no regular expression shown
            self.checked.add("pattern")
        for key, decap in (("minimum", "min"), ("maximum", "max")):
            if key in node:
                assert field[decap] == node[key], where
                self.checked.add(key)
        if node.get("type") == "array":
            if node.get("minItems"):
                assert field["min"] == node["minItems"], where
                self.checked.add("minItems")
            # An item added to a list is checked whole, even in an optional group.
            items = node.get("items", {})
            if "oneOf" in items and "discriminator" not in items:
                return  # a union of shapes Decap shows as one text: the loader alone checks it
            if "oneOf" in items:
                for member in items["oneOf"]:
                    member = self.resolve(member)
                    tag = items["discriminator"]["propertyName"]
                    typed = next(t for t in field["types"] if t["name"] == member["properties"][tag]["const"])
                    kept = {key: value for key, value in member["properties"].items() if key != tag}
                    rest = {**member, "properties": kept}
                    self.object(rest, typed["fields"], False, where)
            elif self.resolve(items).get("type") == "object" and "fields" in field:
                self.object(items, field["fields"], False, where)
            else:
                self.field("element", items, field["field"], False, False, where + "[]")
        elif node.get("type") == "object" and "properties" in node:
            self.object(node, field["fields"], optional_group or not field["required"], where)


def test_the_forms_carry_what_the_loader_checks_on_one_value():
    # The online editor has no server to ask: what its form accepts must pass the models where
    # a form can tell — required, patterns (with a French message), bounds, counts, lists, dates.
    checked = set()
    for kind in (*KINDS, RUBRIQUES):
        schema = schema_for(kind)
        walk = _Walk(schema)
        walk.object(schema, fields_of(schema), False, kind.key)
        checked |= walk.checked
    assert checked == {"liste", "enum", "date", "pattern", "minimum", "maximum", "minItems", "numero-axe"}
