"""Pages in Chromium: layout at 320 px, the Content-Security-Policy and what it blocks.

That every page of every référentiel loads without a request to another host and without a
script error is checked where each page is loaded anyway: test_accessibility.py (axe).
"""

from __future__ import annotations

import pytest

PAGES = {
    "bethune": ["", "collectivite/", "valeurs/", "engagements-par-role/", "droits-obligations/",
                "gouvernance/", "circuits/", "note-piaa/", "relation-usagers/", "plan/",
                "smart-city/", "a-propos/"],
    "pas-de-calais": ["", "valeurs/", "engagements-par-role/", "a-propos/"],
}


def test_no_horizontal_scroll_at_320px(page_factory, server):
    page = page_factory(width=320)
    for path in PAGES["bethune"]:
        page.goto(f"{server}/bethune/{path}")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (path, overflow)


def test_content_security_policy_is_set_and_not_violated(page_factory, server):
    page = page_factory()
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    for path in PAGES["bethune"]:
        page.goto(f"{server}/bethune/{path}")
        page.wait_for_load_state("networkidle")
    policy = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
    assert "default-src 'self'" in policy and "frame-src 'none'" in policy
    page.keyboard.press("/")  # Material opens search: its worker must start under the policy
    page.keyboard.type("agent")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    assert violations == []


@pytest.mark.essentiel
def test_policy_blocks_a_foreign_script(page_factory, server):
    page = page_factory()
    page.goto(f"{server}/bethune/")
    blocked = page.evaluate("""() => new Promise(resolve => {
        document.addEventListener('securitypolicyviolation', e => resolve(e.blockedURI), {once: true});
        const s = document.createElement('script');
        s.src = 'https://cdn.example.invalid/x.js';
        document.head.appendChild(s);
        setTimeout(() => resolve(null), 3000);
    })""")
    assert blocked and blocked.startswith("https://cdn.example.invalid")
