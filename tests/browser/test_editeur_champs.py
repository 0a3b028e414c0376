"""The fields of an action as an HR officer fills them, in Chromium (issue 24).

In a field that was empty: a number (the avancement: « Tag not resolved for Number value »
before), a date typed in French order JJ/MM/AAAA (the browser's date field showed mm/dd/yyyy
and « UTC », and « 06302026 » became 1906-06-30), an instance of the gouvernance chosen from a
list, not typed. Each is saved as the file writes it, and the loader reads the result. Then
the screenshots a person would look at, at 390 and 1280 px.
"""

from __future__ import annotations

import os
import subprocess
import sys

from macros.data.yaml_strict import parse_yaml_text

from ..conftest import ROOT
from .test_editeur import _changed_lines, _control, _first_action, _new_context, _publish


def test_a_number_a_french_date_and_an_instance_set_in_empty_fields(browser, editor, tmp_path):
    base, folder = editor
    plan = folder / "plan.yml"
    before = plan.read_text(encoding="utf-8")
    context = _new_context(browser)
    try:
        page, _, action = _first_action(context, base)
        _control(action, "Avancement").fill("40")
        echeance = _control(action, "Échéance")
        assert echeance.get_attribute("placeholder") == "JJ/MM/AAAA, MM/AAAA ou AAAA"
        assert action.get_by_text("UTC", exact=True).count() == 0
        # Typed in the American order: no such day, the form refuses it in French.
        echeance.fill("06302026")
        page.get_by_role("button", name="Publier").first.click()
        page.get_by_text("Publier maintenant").click()
        message = page.get_by_text("Une date écrite JJ/MM/AAAA").first
        message.wait_for()
        assert "entre 2000 et 2100" in message.text_content()
        assert plan.read_text(encoding="utf-8") == before
        # Decap ends a save its form refuses by rejecting a promise with nothing (a page error
        # « undefined », its own, as for an empty required field): not counted.
        assert page.errors in ([], ["undefined"])
        page.errors.clear()
        # Eight digits in French order: shown with its slashes.
        echeance.fill("30062026")
        assert echeance.input_value() == "30/06/2026"
        # The instances: chosen among Béthune's gouvernance, shown by their names.
        instances = _control(action, "Instances")
        instances.focus()
        page.keyboard.type("Conférence des dir")
        menu = page.locator("[class*=-menu]").first
        menu.wait_for()
        assert menu.locator("[class*=-option]").all_text_contents() == [
            "Conférence des directeurs (conference-des-directeurs)"]
        page.keyboard.press("Enter")
        page.keyboard.press("Escape")
        page.screenshot(path=str(tmp_path / "champs-1280.png"), full_page=False)
        after = _publish(page, plan, before)
        assert page.errors == []
    finally:
        context.close()
    changed = _changed_lines(before, after)
    assert changed[:2] == ["+        avancement: 40", "+        echeance: 2026-06-30"]
    assert len(changed) == 4 and "conference-des-directeurs" in "".join(changed[2:])
    action = parse_yaml_text(after, "plan.yml")["objectifs"][0]["actions"][0]
    assert (action["avancement"], action["echeance"], action["instances"]) == ("40", "2026-06-30",
                                                                                  ["conference-des-directeurs"])
    env = {**os.environ, "SOCLE_DATA_DIR": str(folder.parent), "REFERENTIEL": "bethune"}
    check = subprocess.run([sys.executable, "-m", "macros.cli.check"], cwd=ROOT, env=env,
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr


def test_the_date_and_a_reference_on_a_phone(browser, editor, tmp_path):
    base, _ = editor
    context = _new_context(browser, width=390)
    try:
        page, _, action = _first_action(context, base)
        echeance = _control(action, "Échéance")
        echeance.fill("30/06/2026")
        echeance.scroll_into_view_if_needed()
        for field in (echeance, _control(action, "Instances")):
            box = field.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        page.screenshot(path=str(tmp_path / "date-390.png"))
        _control(action, "Instances").scroll_into_view_if_needed()
        page.screenshot(path=str(tmp_path / "instances-390.png"))
    finally:
        context.close()
