"""Accessibility (RGAA / WCAG 2.1 AA) of every page of every référentiel, in Chromium.

axe-core (vendored in tests/browser/vendor/, injected by the tests only, never shipped
on the site) runs the WCAG 2.0/2.1 A and AA rules on every page, in the light and the
dark scheme. The rest checks what axe cannot: keyboard paths (skip link, visible
focus, search and menu without a mouse), heading order, table headers, 320 px layout.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.data.loader import load_referentiel
from macros.site.pages import present_pages, sous_pages

from ..conftest import FIXTURES, ROOT
from .conftest import wait_until

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SLUGS = ("bethune", "pas-de-calais")  # the référentiels the `built_sites` fixture builds
SCHEMES = {"light": "default", "dark": "slate"}  # colour scheme → Material's palette


def site_urls(slug: str) -> list[str]:
    """Every page of a référentiel, from the same registry that decides which pages exist."""
    referentiel = load_referentiel(ROOT / "data" / slug, ROOT)
    pages = present_pages(referentiel)
    return [page.url for page in pages] + [sous.url for sous in sous_pages(referentiel, pages)]


ALL_PAGES = [(slug, url) for slug in SLUGS for url in site_urls(slug)]
# A fiche's page is the same template for every action: `make test` checks the first two.
PREMIERES_FICHES = {url for slug in SLUGS
                    for url in [u for u in site_urls(slug) if u.startswith("fiches-actions/")][1:3]}


def _fiche_de_plus(url: str) -> bool:
    return url.startswith("fiches-actions/") and url != "fiches-actions/" and url not in PREMIERES_FICHES


def _complet(slug: str, url: str) -> bool:
    return slug != SLUGS[0] or _fiche_de_plus(url)


# `make test` runs axe on Béthune's pages in the light scheme; the other référentiel, the
# dark scheme and the 320 px sweep of every page run in the full suite (make test-all, CI).
EVERY_PAGE = [pytest.param(slug, url, marks=[pytest.mark.complet] if _complet(slug, url) else [])
              for slug, url in ALL_PAGES]
EVERY_SCHEME = [pytest.param(scheme, marks=[] if scheme == "light" else [pytest.mark.complet])
                for scheme in SCHEMES]


def open_page(page_factory, server, slug: str, url: str, **options):
    page = page_factory(**options)
    response = page.goto(f"{server}/{slug}/{url}")
    assert response.status == 200, url
    return page


def run_axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS)
    return result["violations"]


def readable(violations: list[dict]) -> str:
    """One paragraph per rule: what is wrong, where, and axe's own explanation."""
    lines = [f"{len(violations)} règle(s) WCAG non respectée(s) :"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}) : {violation['help']} "
                     f"[{violation['helpUrl']}]")
        for node in violation["nodes"][:5]:
            summary = " ".join(node["failureSummary"].split())
            lines.append(f"    {' '.join(map(str, node['target']))} → {summary}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    … et {len(violation['nodes']) - 5} autre(s) élément(s)")
    return "\n".join(lines)


# --- axe-core on every page, light and dark ------------------------------------------

@pytest.mark.essentiel
def test_the_page_list_covers_every_built_page(built_sites):
    for slug in SLUGS:
        site = built_sites["root"] / slug
        built = {"" if p.parent == site else p.parent.relative_to(site).as_posix() + "/"
                 for p in site.rglob("index.html") if "search" not in p.parts}
        assert built == set(site_urls(slug)), slug


@pytest.mark.parametrize("scheme", EVERY_SCHEME)
@pytest.mark.parametrize(("slug", "url"), EVERY_PAGE)
def test_axe_finds_no_wcag21_aa_violation(page_factory, server, slug, url, scheme):
    page = open_page(page_factory, server, slug, url, scheme=scheme)
    # The scheme really applied: otherwise "dark" would silently test the light palette.
    assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme]
    violations = run_axe(page)
    assert violations == [], readable(violations)
    # Every page, loaded here anyway: nothing asked of another host, no script error.
    assert page.foreign_requests == []
    assert page.errors == []


# The blocks of rubriques (tables, definitions, questions, contacts, steps, encadrés), as a
# third organisation uses them: its pages at both widths, in both schemes.
RUBRIQUES = ["teletravail/", "contacts/", "plan/", "fiches-actions/"]


@pytest.mark.parametrize(("scheme", "width"), [("light", 1280), ("dark", 1280), ("light", 320)])
@pytest.mark.parametrize("url", RUBRIQUES)
def test_axe_finds_no_violation_in_the_blocks_of_rubriques(page_factory, server, url, scheme, width):
    page = open_page(page_factory, server, "syndicat", url, width=width, scheme=scheme)
    violations = run_axe(page)
    assert violations == [], readable(violations)
    assert page.foreign_requests == [] and page.errors == []


# The fictional hospital (tests/fixtures/hopital/): another genre of body, its own blocks (an
# urgent box with steps, a four-level organisation chart (organigramme.yml), numbered articles, extensions, a
# form to download, a logo) — its own pages at both widths, every page in the full suite.
HOPITAL = load_referentiel(FIXTURES / "hopital", FIXTURES)
HOPITAL_PAGES = ["", "premiers-jours-au-ch/", "securite/", "gouvernance/", "reglement-interieur/",
                 "temps-de-travail/", "numeros-utiles/", "plan/"]


@pytest.mark.parametrize(("scheme", "width"), [("light", 1280), ("light", 390),
                                               pytest.param("dark", 390, marks=pytest.mark.complet)])
@pytest.mark.parametrize("url", HOPITAL_PAGES)
def test_axe_finds_no_violation_on_the_hospital_pages(page_factory, server, url, scheme, width):
    page = open_page(page_factory, server, "hopital", url, width=width, scheme=scheme)
    violations = run_axe(page)
    assert violations == [], readable(violations)
    assert page.foreign_requests == [] and page.errors == []


@pytest.mark.complet
@pytest.mark.parametrize("url", [page.url for page in present_pages(HOPITAL)])
def test_axe_finds_no_violation_on_any_page_of_the_hospital(page_factory, server, url):
    page = open_page(page_factory, server, "hopital", url)
    assert run_axe(page) == []


@pytest.mark.essentiel
@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_axe_finds_no_violation_in_search_results(page_factory, server, scheme):
    page = open_page(page_factory, server, "bethune", "", scheme=scheme)
    page.keyboard.press("/")
    page.keyboard.type("agent")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    violations = run_axe(page)
    assert violations == [], readable(violations)


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("url", ["gouvernance/", "plan/"])
def test_axe_finds_no_violation_at_320px_with_the_menu_open(page_factory, server, url, scheme):
    page = open_page(page_factory, server, "bethune", url, width=320, height=640, scheme=scheme)
    violations = run_axe(page)
    assert violations == [], readable(violations)
    page.click(".md-header label[for='__drawer']")
    page.wait_for_selector(".md-sidebar--primary .md-nav__link", state="visible")
    violations = run_axe(page)
    assert violations == [], readable(violations)


# --- page structure: language, headings, tables -----------------------------------------

STRUCTURE = """() => ({
  lang: document.documentElement.lang,
  mention: [...document.querySelectorAll('.md-copyright a')]
      .filter(a => a.textContent.includes('Accessibilité'))
      .map(a => [a.textContent.trim(), new URL(a.href).pathname]),
  h1: document.querySelectorAll('h1').length,
  headings: [...document.querySelectorAll('article :is(h1, h2, h3, h4, h5, h6)')]
      .map(h => [Number(h.tagName[1]), h.textContent.trim().slice(0, 60)]),
  tables: [...document.querySelectorAll('table')].map(t => ({
      caption: t.caption ? t.caption.textContent.trim() : null,
      th: t.querySelectorAll('th').length,
      unscoped: [...t.querySelectorAll('th')].filter(th =>
          !['col', 'row', 'colgroup', 'rowgroup'].includes(th.getAttribute('scope'))).length,
  })),
})"""


def test_every_page_is_french_with_ordered_headings_scoped_headers_and_rgaa_mention(page_factory, server):
    page = page_factory()
    tables = 0
    for slug, url in [(slug, url) for slug, url in ALL_PAGES if not _fiche_de_plus(url)]:
        page.goto(f"{server}/{slug}/{url}")
        found = page.evaluate(STRUCTURE)
        where = f"{slug}/{url}"
        assert found["lang"] == "fr", where
        # RGAA: every page states its compliance and links to the déclaration.
        assert found["mention"] == [["Accessibilité : non conforme", f"/{slug}/accessibilite/"]], where
        assert found["h1"] == 1, f"{where} : {found['h1']} titres de niveau 1"
        levels = [level for level, _ in found["headings"]]
        assert levels and levels[0] == 1, where
        for (before, _), (level, text) in zip(found["headings"], found["headings"][1:], strict=False):
            assert level <= before + 1, f"{where} : « {text} » (h{level}) suit un h{before}"
        for table in found["tables"]:
            assert table["th"] > 0, f"{where} : tableau sans en-tête {table['caption']}"
            assert table["unscoped"] == 0, f"{where} : <th> sans scope dans {table['caption']}"
        tables += len(found["tables"])
    assert tables > 0, "aucun tableau trouvé : le contrôle des en-têtes ne vérifie rien"


# --- keyboard ---------------------------------------------------------------------------

# Waits for running transitions (Material fades the skip link in, slides the drawer) first.
ACTIVE = """async () => {
  await Promise.all(document.getAnimations()
      .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
      .map(a => a.finished.catch(() => null)));
  const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
  return {tag: e.tagName, cls: e.className, href: e.getAttribute('href'), label: e.getAttribute('aria-label'),
          inArticle: !!e.closest('article'), inDrawer: !!e.closest('.md-sidebar--primary'),
          x: r.left, right: r.right, y: r.top, bottom: r.bottom, width: r.width, height: r.height,
          visible: e.checkVisibility({opacityProperty: true, visibilityProperty: true}),
          outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth),
          outlineColor: s.outlineColor, boxShadow: s.boxShadow};
}"""

BACKGROUND = """e => {
  for (let n = e; n; n = n.parentElement) {
    const c = getComputedStyle(n).backgroundColor;
    if (c && c !== 'transparent' && !c.endsWith(', 0)')) return c;
  }
  return getComputedStyle(document.body).backgroundColor;
}"""


def tab_until(page, wanted, limit: int = 80) -> dict:
    """Press Tab until `wanted(active)` holds; fail after `limit` presses."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        if wanted(active):
            return active
    raise AssertionError(f"élément jamais atteint au clavier en {limit} tabulations")


def _rgba(css: str) -> tuple[float, float, float, float]:
    numbers = [float(n) for n in re.findall(r"[\d.]+", css)]
    return (*numbers[:3], numbers[3] if len(numbers) > 3 else 1.0)


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of a (possibly translucent) colour over an opaque one."""
    fr, fg, fb, alpha = _rgba(foreground)
    br, bg, bb, _ = _rgba(background)
    blended = [alpha * f + (1 - alpha) * b for f, b in ((fr, br), (fg, bg), (fb, bb))]

    def luminance(rgb) -> float:
        channels = [c / 255 for c in rgb]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(blended), luminance((br, bg, bb))), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_helper_matches_known_ratios():
    assert round(contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)"), 1) == 21.0
    assert round(contrast("rgb(119, 119, 119)", "rgb(255, 255, 255)"), 2) == 4.48
    assert contrast("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)") == 1.0


@pytest.mark.parametrize("width", [1280, 320])
def test_first_tab_reaches_a_visible_skip_link_to_the_content(page_factory, server, width):
    page = open_page(page_factory, server, "bethune", "gouvernance/", width=width)
    page.keyboard.press("Tab")
    active = page.evaluate(ACTIVE)
    assert "md-skip" in active["cls"], active
    # Material fades the link in: wait until it is fully shown, then check it is on screen.
    wait_until(page, "() => getComputedStyle(document.activeElement).opacity === '1'")
    active = page.evaluate(ACTIVE)
    assert active["visible"] and active["x"] >= 0 and active["right"] <= width and active["y"] >= 0, active
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "Aller au contenu"
    target = active["href"]
    assert page.evaluate("t => !!document.querySelector(t)?.closest('article')", target), target
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate(ACTIVE)["inArticle"], "après le lien d'évitement, Tab doit aller au contenu"


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_keyboard_focus_on_a_link_is_visible_and_contrasted(page_factory, server, scheme):
    page = open_page(page_factory, server, "bethune", "plan/", scheme=scheme)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the skip link: straight to the content
    active = tab_until(page, lambda a: a["tag"] == "A" and a["inArticle"]
                       and "headerlink" not in a["cls"])
    has_outline = active["outlineStyle"] != "none" and active["outlineWidth"] >= 2
    assert has_outline or active["boxShadow"] != "none", active
    background = page.evaluate_handle("document.activeElement").evaluate(BACKGROUND)
    ratio = contrast(active["outlineColor"], background)
    assert ratio >= 3, f"anneau de focus {active['outlineColor']} sur {background} : {ratio:.2f}:1"


@pytest.mark.essentiel
def test_search_opens_and_works_with_the_keyboard_only(page_factory, server):
    page = open_page(page_factory, server, "bethune", "")
    page.keyboard.press("/")
    assert "md-search__input" in page.evaluate(ACTIVE)["cls"]
    page.keyboard.type("greve")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    page.keyboard.press("ArrowDown")
    result = page.evaluate(ACTIVE)
    assert "md-search-result__link" in result["cls"], result
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.split("#")[0] != f"{server}/bethune/"


def test_search_field_is_reached_with_tab(page_factory, server):
    page = open_page(page_factory, server, "bethune", "valeurs/")
    active = tab_until(page, lambda a: "md-search__input" in a["cls"], limit=10)
    assert active["visible"], active


def test_at_320px_search_and_menu_open_from_keyboard_buttons(page_factory, server):
    page = open_page(page_factory, server, "bethune", "gouvernance/", width=320, height=640)
    search = tab_until(page, lambda a: a["label"] == "Rechercher", limit=10)
    assert search["visible"]
    page.keyboard.press("Enter")
    assert "md-search__input" in page.evaluate(ACTIVE)["cls"]
    page.keyboard.type("codir")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    page.keyboard.press("Escape")

    page.goto(f"{server}/bethune/gouvernance/")
    menu = tab_until(page, lambda a: a["label"] == "Menu de navigation", limit=10)
    assert page.get_attribute(".md-header label[for='__drawer']", "aria-expanded") == "false"
    assert menu["visible"]
    page.keyboard.press("Enter")
    assert page.get_attribute(".md-header label[for='__drawer']", "aria-expanded") == "true"
    link = tab_until(page, lambda a: a["inDrawer"] and a["tag"] == "A", limit=15)
    wait_until(page, "() => document.activeElement.getBoundingClientRect().left >= 0")
    assert page.evaluate(ACTIVE)["visible"], link


def test_at_320px_every_tab_stop_is_on_screen(page_factory, server):
    """With the menu closed, Tab never lands on something the reader cannot see."""
    page = open_page(page_factory, server, "bethune", "accessibilite/", width=320, height=640)
    seen = 0
    for _ in range(120):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        if active["tag"] == "BODY" or "md-top" in active["cls"]:
            break
        seen += 1
        if "md-option" in active["cls"]:  # transparent radio: its label is what shows
            continue
        on_screen = active["x"] >= 0 and active["right"] <= 320 and active["width"] > 0
        assert on_screen and active["visible"], active
        assert not active["inDrawer"], active
    assert seen > 10


# --- 320 px: no horizontal scrolling, except inside tables -------------------------------

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const scrollsAlone = e => {
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if ((o === 'auto' || o === 'scroll') && p.getBoundingClientRect().right <= width + 1) return true;
    }
    return false;
  };
  const escaping = [...document.querySelectorAll('.md-container *')].filter(e => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.right > width + 1 && e.checkVisibility() && !scrollsAlone(e);
  }).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '')
             + ' « ' + e.textContent.trim().slice(0, 40) + ' »');
  return {page: document.documentElement.scrollWidth - width, escaping: escaping.slice(0, 10)};
}"""


@pytest.mark.complet
@pytest.mark.parametrize(("slug", "url"), ALL_PAGES)
def test_320px_has_no_horizontal_scroll_outside_tables(page_factory, server, slug, url):
    page = open_page(page_factory, server, slug, url, width=320, height=640)
    found = page.evaluate(OVERFLOW)
    assert found["page"] <= 0, found
    assert found["escaping"] == [], found
