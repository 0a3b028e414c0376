"""A save the loader refuses, in Chromium: the editor says why, keeps the form, writes nothing.

Through the forms, as the issue saw it: axe 1 of Béthune's plan renumbered 9, so that its
objectives point nowhere (the form cannot know; the loader does). The local backend refuses
the save before anything touches the disk; Decap shows its answer in a notification —
« Échec de l'enregistrement de l'entrée : API_ERROR: Rien n'a été enregistré : … » followed by
`data/bethune/plan.yml:<ligne>:<colonne>: …`, the words of `make check` —, the form keeps the
9 that was typed, and the preview is not broken. Put back, the same form saves.
"""

from __future__ import annotations

import time
import urllib.request

from .conftest import wait_until


def _item(page, label: str):
    """The list item whose folded summary reads `label` (the innermost one)."""
    return page.locator("[class*=SortableListItem]").filter(
        has=page.locator("[class*=NestedObjectLabel]", has_text=label)).last


def _control(page, scope, label: str):
    field = scope.locator("label", has_text=label).first.get_attribute("for")
    return page.locator(f"[id='{field}']")


def _publish(page) -> None:
    page.get_by_role("button", name="Publier").first.click()
    page.get_by_text("Publier maintenant").click()


def test_a_refused_save_shows_the_loaders_message_and_keeps_the_form(browser, editor):
    base, folder = editor
    plan = folder / "plan.yml"
    before = plan.read_bytes()
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(base + "/admin/#/collections/sections/entries/plan")
        page.get_by_role("button", name="Se connecter").click()
        axe = _item(page, "Nous, au cœur de la cité")
        axe.locator("[class*=TopBar] button").first.click()
        numero = _control(page, axe, "Numéro")
        assert numero.input_value() == "1"
        numero.fill("9")
        _publish(page)
        wait_until(page, "document.body.innerText.includes(\"Rien n'a été enregistré\")", timeout=60)
        shown = page.locator("body").inner_text()
        assert "data/bethune/plan.yml:" in shown
        assert "l'objectif 1.1 est rattaché à l'axe 1, qui n'existe pas" in shown
        assert "Entrée enregistrée" not in shown
        assert plan.read_bytes() == before
        assert numero.input_value() == "9"  # what was typed is still there, to be corrected
        assert "MODIFICATIONS NON ENREGISTRÉES" in shown.upper()
        with urllib.request.urlopen(base + "/plan/", timeout=30) as response:
            assert "Erreurs dans les données" not in response.read().decode("utf-8")
        # Put back, with a change the loader accepts: written.
        numero.fill("1")
        devise = _control(page, axe, "Devise")
        devise.fill("Une administration proche de ses usagers, relue")
        _publish(page)
        deadline = time.monotonic() + 60  # a guard against a hang, not a measure
        while plan.read_bytes() == before:
            assert time.monotonic() < deadline, "plan.yml n'a pas été enregistré"
            time.sleep(0.1)
        text = plan.read_text(encoding="utf-8")
        assert 'devise: "Une administration proche de ses usagers, relue"' in text
        assert text.replace(", relue", "") == before.decode("utf-8")
    finally:
        context.close()
