"""The editor writes into the file it shows, whatever way its address was reached (issue 24).

Decap mounts one editor for every entry's address and read the entry only when it mounted:
from `#/collections/sections/entries/glossaire`, typing `…/entries/charte` in the address
bar showed an empty charte form, and publishing wrote the title into glossaire.yml
(admin/socle-adresse.js says why and how it is guarded). Here, in Chromium, on a copy of
Béthune served as `make editer` serves it: for every file of the editor's configuration, the
address bar goes from the glossaire to that file, the form must show that file's content, and
a change published must land in that file and nowhere else. Then the same through back /
forward, a link, and a reload.
"""

from __future__ import annotations

import json
import urllib.request

import yaml
from playwright.sync_api import Page

from macros.data.yaml_strict import parse_yaml_text

from .conftest import wait_in_page
from .test_editeur import EDITEUR_TIMEOUT_MS, _changed_lines, _new_context, _publish

ADRESSE = "/admin/#/collections/{collection}/entries/{name}"


def _entries(base: str) -> list[tuple[str, str, str]]:
    """(collection, entry, file) for every file of the editor's configuration, as served."""
    with urllib.request.urlopen(base + "/admin/config.yml", timeout=120) as response:
        config = yaml.safe_load(response.read().decode("utf-8"))
    return [(collection["name"], entry["name"], entry["file"])
            for collection in config["collections"] for entry in collection["files"]]


def _texts(value) -> set[str]:
    if isinstance(value, dict):
        return set().union(*(_texts(item) for item in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(_texts(item) for item in value)) if value else set()
    return {str(value).strip()}


# What the editor's form shows: the values of its text fields and the summaries of its folded
# list items (« DGS », « Ville de Béthune »), in the order of the page.
SHOWN = """() => {
  const pane = document.querySelector('[class*=ControlPaneContainer]');
  if (!pane) return null;
  const values = [...pane.querySelectorAll('input[type=text], textarea')]
    .filter((field) => field.placeholder !== 'JJ/MM/AAAA').map((field) => field.value);
  const summaries = [...pane.querySelectorAll('[class*=NestedObjectLabel]')]
    .map((label) => label.textContent);
  return [...values, ...summaries].map((text) => text.trim()).filter(Boolean);
}"""


def _shown(page: Page, texts: set[str]) -> None:
    """Wait until the form shows this file's texts, and only them (across the reload the
    address change makes)."""
    try:
        wait_in_page(page, f"""(() => {{
          const texts = new Set({json.dumps(sorted(texts), ensure_ascii=False)});
          const shown = ({SHOWN})();
          return Boolean(shown && shown.length && shown.every((text) => texts.has(text)));
        }})()""", timeout=EDITEUR_TIMEOUT_MS / 1000)
    except AssertionError:
        shown = page.evaluate(SHOWN) or []
        raise AssertionError(f"{page.url} : le formulaire montre {[t for t in shown if t not in texts]}, "
                             "absents du fichier") from None


def _editable(page: Page):
    """A text field of the form that holds a value and takes any text (no id, no date)."""
    page.locator("[class*=ControlPaneContainer]").first.wait_for()
    pane = page.locator("[class*=ControlPaneContainer]").first
    fields = pane.locator("input[type=text]:not([readonly]):not([placeholder='JJ/MM/AAAA']):visible, "
                          "textarea:visible")
    for index in range(fields.count()):
        field = fields.nth(index)
        value = field.input_value()
        if value.strip() and "@" not in value:
            return field, value
    # Only folded lists (the glossaire): the first item unfolded.
    pane.locator("[class*=SortableListItem] [class*=TopBar] button").first.click()
    return _editable(page)


def _changed(before: dict, folder) -> dict:
    return {path.name: text for path, text in ((p, p.read_text(encoding="utf-8"))
                                               for p in sorted(folder.glob("**/*.yml")))
            if before.get(path.name) != text}


def test_each_form_reached_by_the_address_bar_shows_and_saves_its_own_file(browser, editor):
    base, folder = editor
    entries = _entries(base)
    assert len(entries) == len(list(folder.glob("*.yml"))) >= 15
    start = next(entry for entry in entries if entry[1] == "glossaire")
    glossaire = _texts(parse_yaml_text((folder / "glossaire.yml").read_text("utf-8"), "glossaire.yml"))
    context = _new_context(browser)
    try:
        page = context.new_page()
        page.goto(base + ADRESSE.format(collection=start[0], name=start[1]))
        page.get_by_role("button", name="Se connecter").click()
        for collection, name, file in entries:
            if name == start[1]:
                continue
            path = folder.parent.parent / file
            # From the glossaire's form, the address bar: a new address, same page.
            page.goto(base + ADRESSE.format(collection=start[0], name=start[1]))
            _shown(page, glossaire)
            page.goto(base + ADRESSE.format(collection=collection, name=name))
            before_text = path.read_text(encoding="utf-8")
            _shown(page, _texts(parse_yaml_text(before_text, file)))
            before = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("**/*.yml")}
            field, value = _editable(page)
            field.fill(value + " (modifié)")
            changed = _changed_lines(before_text, _publish(page, path, before_text))
            assert len(changed) == 2 and "(modifié)" in changed[1], (name, changed)
            assert list(_changed(before, folder)) == [path.name], name
        # And back to the glossaire from the last form: its own file too.
        path = folder / "glossaire.yml"
        page.goto(base + ADRESSE.format(collection=start[0], name=start[1]))
        before_text = path.read_text(encoding="utf-8")
        _shown(page, _texts(parse_yaml_text(before_text, "glossaire.yml")))
        field, value = _editable(page)
        field.fill(value + " (modifié)")
        changed = _changed_lines(before_text, _publish(page, path, before_text))
        assert len(changed) == 2 and "(modifié)" in changed[1], changed
    finally:
        context.close()


def test_back_forward_a_link_and_a_reload_show_the_file_of_the_address(browser, editor):
    base, folder = editor
    texts = {name: _texts(parse_yaml_text((folder / f"{name}.yml").read_text("utf-8"), name))
             for name in ("glossaire", "charte", "plan")}
    context = _new_context(browser)
    try:
        page = context.new_page()
        page.goto(base + ADRESSE.format(collection="sections", name="glossaire"))
        page.get_by_role("button", name="Se connecter").click()
        _shown(page, texts["glossaire"])
        page.goto(base + ADRESSE.format(collection="sections", name="charte"))
        _shown(page, texts["charte"])
        page.go_back()  # « Précédent »
        _shown(page, texts["glossaire"])
        page.go_forward()  # « Suivant »
        _shown(page, texts["charte"])
        # A link of a page to another entry (as « Modifier cette page » could be).
        page.evaluate("""() => { const link = document.createElement('a');
          link.href = '#/collections/sections/entries/plan'; link.textContent = 'plan';
          document.body.append(link); link.click(); }""")
        _shown(page, texts["plan"])
        page.reload()
        _shown(page, texts["plan"])
        # What is shown is what is saved: the plan's title, into plan.yml.
        plan = folder / "plan.yml"
        before = plan.read_text(encoding="utf-8")
        titre = page.locator("[class*=ControlPaneContainer]").first.get_by_label("Titre", exact=True).first
        titre.fill(titre.input_value() + " (modifié)")
        changed = _changed_lines(before, _publish(page, plan, before))
        assert len(changed) == 2 and changed[1].startswith("+titre:") and "(modifié)" in changed[1]
    finally:
        context.close()


def test_leaving_a_form_with_unsaved_changes_asks_first_and_staying_keeps_it_whole(browser, editor):
    base, folder = editor
    charte = folder / "charte.yml"
    context = _new_context(browser)
    try:
        page = context.new_page()
        asked = []

        def refuse(dialog):  # the person stays on the form
            asked.append(dialog.type)
            dialog.dismiss()

        page.on("dialog", refuse)
        page.goto(base + ADRESSE.format(collection="sections", name="charte"))
        page.get_by_role("button", name="Se connecter").click()
        titre = page.locator("[class*=ControlPaneContainer]").first.get_by_label("Titre", exact=True).first
        titre.fill(titre.input_value() + " (modifié)")
        page.goto(base + ADRESSE.format(collection="sections", name="glossaire"))
        wait_in_page(page, "location.hash.endsWith('/entries/charte')", timeout=EDITEUR_TIMEOUT_MS / 1000)
        assert asked == ["confirm"]  # Decap's question only: nothing reloads
        assert titre.input_value().endswith(" (modifié)")
        before = charte.read_text(encoding="utf-8")
        changed = _changed_lines(before, _publish(page, charte, before))
        assert len(changed) == 2 and changed[1].startswith("+titre:") and "(modifié)" in changed[1]
    finally:
        context.close()


def test_leaving_a_form_with_unsaved_changes_when_the_person_agrees_opens_the_new_file(browser, editor):
    base, folder = editor
    files = {path.name: path.read_text(encoding="utf-8") for path in folder.glob("*.yml")}
    context = _new_context(browser)
    try:
        page = context.new_page()
        page.on("dialog", lambda dialog: dialog.accept())  # « Quitter la page » each time
        page.goto(base + ADRESSE.format(collection="sections", name="charte"))
        page.get_by_role("button", name="Se connecter").click()
        titre = page.locator("[class*=ControlPaneContainer]").first.get_by_label("Titre", exact=True).first
        titre.fill(titre.input_value() + " (abandonné)")
        page.goto(base + ADRESSE.format(collection="sections", name="glossaire"))
        _shown(page, _texts(parse_yaml_text(files["glossaire.yml"], "glossaire.yml")))
        assert {path.name: path.read_text(encoding="utf-8") for path in folder.glob("*.yml")} == files
    finally:
        context.close()
