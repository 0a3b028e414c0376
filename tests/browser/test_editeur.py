"""The form editor (/admin/) end to end, against the local backend, in Chromium.

A copy of data/bethune in a temporary folder, `mkdocs serve` of it with the editor pointed at
the local backend (macros/editeur/local.py), as `make editer` does: an action's status is
changed and a commitment added to a value through the forms, saved, and the files change by
exactly those lines; `make check` passes and the rebuilt pages show both. Then what the
form must refuse: a required field emptied, a status the plan does not declare.
"""

from __future__ import annotations

import difflib
import os
import re
import subprocess
import sys
import time
import urllib.request

import pytest

from ..conftest import ROOT

# How long the editor may take for anything: Decap's start (2 MB of script to compile), a
# save (the local backend checks the whole référentiel first), a page of the preview asked
# while `mkdocs serve` rebuilds the site after a save (it answers once the build is done).
# Alone, each takes a second or a few; on a loaded machine (issue 24: 2 to 4 of these tests
# ran past Playwright's default 30 s) many times that. A guard against a hang, not a measure:
# every wait below waits for a condition, never for a fixed delay.
EDITEUR_TIMEOUT_MS = 180_000


def _new_context(browser, width: int = 1280):
    context = browser.new_context(locale="fr-FR", viewport={"width": width, "height": 900})
    context.set_default_timeout(EDITEUR_TIMEOUT_MS)
    context.set_default_navigation_timeout(EDITEUR_TIMEOUT_MS)
    return context


def _open(context, url: str):
    page = context.new_page()
    page.errors, page.warnings = [], []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    # The page's policy refusing something, config.yml not typed YAML. The inline script that
    # `mkdocs serve` adds to every page (livereload) is refused on purpose (macros/editeur/admin.py).
    page.on("console", lambda message: page.warnings.append(message.text) if (
        ("Content Security Policy" in message.text and "inline script" not in message.text)
        or "was not yaml" in message.text) else None)
    page.goto(url)
    page.get_by_role("button", name="Se connecter").click()
    return page


def _first_action(context, base: str):
    """The editor on Béthune's plan, its first objectif and first action unfolded."""
    page = _open(context, base + "/admin/#/collections/sections/entries/plan")
    objectif = _item(page, "Améliorer la communication avec les usagers")
    _unfold(objectif)
    action = _item(objectif, "Créer une fiche communication")
    _unfold(action)
    return page, objectif, action


def _page(scope):
    return scope if hasattr(scope, "goto") else scope.page


def _item(scope, label: str):
    """The list item whose folded summary reads `label` (the innermost one)."""
    return scope.locator("[class*=SortableListItem]").filter(
        has=_page(scope).locator("[class*=NestedObjectLabel]", has_text=label)).last


def _unfold(item) -> None:
    item.locator("[class*=TopBar] button").first.click()


def _control(scope, label: str):
    """The input of the field labelled `label` within `scope` (Decap ties them with for/id)."""
    field = scope.locator("label", has_text=label).first.get_attribute("for")
    return _page(scope).locator(f"[id='{field}']")


def _publish(page, path, before: str) -> str:
    """Publish the entry; the file's new text once the local backend has written it."""
    page.get_by_role("button", name="Publier").first.click()
    page.get_by_text("Publier maintenant").click()
    deadline = time.monotonic() + EDITEUR_TIMEOUT_MS / 1000
    while path.read_text(encoding="utf-8") == before:
        if time.monotonic() > deadline:
            page.screenshot(path=str(path.parent.parent / "echec.png"))
            raise AssertionError(f"{path.name} n'a pas été enregistré")
        time.sleep(0.1)
    # The file is written before Decap marks the form saved: leaving it earlier asks « quitter
    # sans enregistrer ? », which Playwright answers no, and the address stays on this form.
    page.get_by_text("Entrée enregistrée").first.wait_for(timeout=EDITEUR_TIMEOUT_MS)
    return path.read_text(encoding="utf-8")


def _wait_for_text(url: str, text: str) -> str:
    """The page once it holds `text`. `mkdocs serve` answers a request only once the build
    under way is done: a request may wait that long (it timed out at 10 s under load)."""
    deadline = time.monotonic() + EDITEUR_TIMEOUT_MS / 1000
    while True:
        body = ""
        try:
            with urllib.request.urlopen(url, timeout=EDITEUR_TIMEOUT_MS / 1000) as response:
                body = response.read().decode("utf-8")
        except OSError:  # the server busy or restarting its build: ask again
            pass
        if text in body:
            return body
        if time.monotonic() > deadline:
            raise AssertionError(f"« {text} » absent de {url}")
        time.sleep(0.2)


def test_the_form_refuses_an_empty_required_field_and_a_value_outside_the_list(browser, editor):
    base, folder = editor
    plan = folder / "plan.yml"
    before = plan.read_text(encoding="utf-8")
    context = _new_context(browser)
    try:
        page, _, action = _first_action(context, base)
        # A status that is not one of the four Béthune's plan declares: nothing to pick.
        statut = _control(action, "Statut")
        statut.focus()
        page.keyboard.type("termine")
        menu = page.locator("[class*=-menu]").first
        menu.wait_for()
        # Decap's list says so in English (react-select's message, not in its French locale).
        assert menu.text_content() == "No options"
        page.keyboard.press("Enter")
        page.keyboard.press("Escape")
        # Nothing was picked: only the horizon shows a value in this action, by its libellé.
        assert action.locator("[class*=singleValue]").all_text_contents() == ["Victoire rapide"]
        # The plan's title emptied: publishing is refused, in French, and nothing is written.
        _control(page, "Titre").fill("")
        page.get_by_role("button", name="Publier").first.click()
        page.get_by_text("Publier maintenant").click()
        page.get_by_text("est requis").first.wait_for()
        assert page.get_by_text("est requis").first.text_content() == "Le champ Titre est requis."
        assert plan.read_text(encoding="utf-8") == before
        assert page.warnings == []
    finally:
        context.close()


def _changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


@pytest.mark.essentiel
def test_status_and_commitment_saved_through_the_forms(browser, editor):
    base, folder = editor
    plan, charte = folder / "plan.yml", folder / "charte.yml"
    plan_before, charte_before = plan.read_text(encoding="utf-8"), charte.read_text(encoding="utf-8")
    context = _new_context(browser)
    try:
        page, _, action = _first_action(context, base)
        statut = _control(action, "Statut")
        statut.focus()
        # The options are Béthune's own statuses, in its plan's order, shown by their libellé.
        menu = page.locator("[class*=-menu]").first
        page.keyboard.press("ArrowDown")
        menu.wait_for()
        assert menu.locator("[class*=-option]").all_text_contents() == [
            "Non renseigné", "À lancer", "En cours", "Fait"]
        page.keyboard.type("En cours")
        page.keyboard.press("Enter")
        assert action.locator("[class*=singleValue]").all_text_contents() == ["Victoire rapide", "En cours"]
        plan_after = _publish(page, plan, plan_before)
        # The key is written, not the libellé: one line, where the model puts it (after horizon).
        assert _changed_lines(plan_before, plan_after) == ["+        statut: en-cours"]

        context.close()
        context = _new_context(browser)
        page = _open(context, base + "/admin/#/collections/sections/entries/charte")
        valeur = _item(page, "Équité")
        _unfold(valeur)
        groupe = _item(valeur, "manager")
        _unfold(groupe)
        groupe.get_by_role("button", name="Ajouter").first.click()
        groupe.locator("textarea").last.fill("Je dis bonjour à chaque agent : chaque matin.")
        charte_after = _publish(page, charte, charte_before)
        assert _changed_lines(charte_before, charte_after) == [
            '+          - "Je dis bonjour à chaque agent : chaque matin."']
        assert page.errors == [] and page.warnings == []
    finally:
        context.close()

    # The preview rebuilt itself from the saved files: both changes are on its pages.
    _wait_for_text(base + "/valeurs/", "Je dis bonjour à chaque agent")
    plan_page = _wait_for_text(base + "/plan/", 'data-statut="en-cours"')
    rows = re.findall(r'<tr id="ligne-([a-z0-9-]+)"[^>]* data-statut="en-cours"', plan_page)
    assert rows == ["creer-fiche-communication-foire-questions"]

    env = {**os.environ, "SOCLE_DATA_DIR": str(folder.parent), "REFERENTIEL": "bethune"}
    check = subprocess.run([sys.executable, "-m", "macros.cli.check"], cwd=ROOT, env=env,
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr


def test_the_forms_fit_a_phone(browser, editor):
    """Decap lays its editor out at 800 px at least: admin/socle-admin.css lets it fit 390 px."""
    base, _ = editor
    context = _new_context(browser, width=390)
    try:
        page = _open(context, base + "/admin/#/collections/sections/entries/plan")
        page.locator("[class*=-EditorContainer]").wait_for()
        widths = page.evaluate("""() => ['EditorContainer', 'ToolbarContainer', 'ControlPaneContainer'].map(
            name => document.querySelector(`[class*=-${name}]`).getBoundingClientRect().right)""")
        assert max(widths) <= 390, widths
        # A list's « Ajouter … » button stays within its field (« Ajouter contributeurs » of an
        # action ran past it at 390 px).
        context.close()
        context = _new_context(browser, width=390)
        page, _, action = _first_action(context, base)
        _control(action, "Pilote").wait_for()
        beyond = page.evaluate("""() => [...document.querySelectorAll('[class*=-AddButton]')]
            .filter((button) => button.getBoundingClientRect().width > 0)
            .filter((button) => {
              const bar = button.closest('[class*=-TopBarContainer]').getBoundingClientRect();
              return button.getBoundingClientRect().right > bar.right + 1;
            })
            .map((button) => button.textContent)""")
        assert beyond == []
    finally:
        context.close()


def test_an_id_is_read_only_once_written_and_typed_in_a_new_item(browser, editor):
    base, _ = editor
    context = _new_context(browser)
    try:
        page, objectif, action = _first_action(context, base)
        ident = _control(action, "Identifiant")
        assert ident.input_value() == "creer-fiche-communication-foire-questions"
        assert ident.get_attribute("readonly") is not None
        ident.press("End")
        page.keyboard.type("-bis")
        assert ident.input_value() == "creer-fiche-communication-foire-questions"
        # A new action of the objectif: its id is empty, and can be typed.
        objectif.get_by_role("button", name="Ajouter").first.click()
        nouvelle = _control(objectif.locator("[class*=SortableListItem]").last, "Identifiant")
        assert nouvelle.get_attribute("readonly") is None
        nouvelle.fill("nouvelle-action")
        assert nouvelle.input_value() == "nouvelle-action"
        assert page.errors == []
    finally:
        context.close()
