"""The yardstick: a plain Material for MkDocs site the size of a built référentiel.

For every page of a built site it writes a hand-written-looking Markdown page with
the same title, the same headings (same levels, same text) and the same words
in plain paragraphs, then a mkdocs.yml with the same theme, language, features,
search plugin and Markdown extensions, but none of Socle's machinery (no hooks,
no macros, no data, no extra CSS). Building it tells what MkDocs + Material
alone cost for that much content.

Its menu is Socle's: the pages at the top of the site, and the pages of a folder (a
fiche, `fiches-actions/<id>.md`) left out of it (`not_in_nav`), as Socle leaves them
out. A menu listing every page would be another site: each page would carry all of
them, 13 800 entries on each of the 13 800 pages of the ×100 plan (tens of gigabytes).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_HEADING = re.compile(r"<h([1-6])[^>]*>(.*?)</h\1>", re.S)
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_TAG = re.compile(r"<[^>]+>")
# Characters that would turn plain words into Markdown or HTML syntax.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]#|<>])")
_WORDS_PER_PARAGRAPH = 80


@dataclass(frozen=True)
class PageText:
    """What a reader sees on one page: headings and the words between them."""

    path: str                               # "index.md", "plan.md"...
    blocks: list[tuple[int, str, str]]      # (heading level, heading, following text)

    @property
    def words(self) -> int:
        return sum(len(title.split()) + len(text.split()) for _, title, text in self.blocks)


def _visible(fragment: str) -> str:
    text = html.unescape(_TAG.sub(" ", _PERMALINK.sub("", fragment)))
    return re.sub(r"\s+", " ", text.replace("\u202f", " ").replace("\xa0", " ")).strip()


def page_text(index_html: Path, path: str) -> PageText:
    """Headings and text of the article of one built page."""
    match = _ARTICLE.search(index_html.read_text(encoding="utf-8"))
    article = match.group(1) if match else ""
    blocks: list[tuple[int, str, str]] = []
    headings = list(_HEADING.finditer(article))
    if not headings or headings[0].start() > 0:
        end = headings[0].start() if headings else len(article)
        blocks.append((0, "", _visible(article[:end])))
    for number, heading in enumerate(headings):
        end = headings[number + 1].start() if number + 1 < len(headings) else len(article)
        blocks.append((int(heading.group(1)), _visible(heading.group(2)),
                       _visible(article[heading.end():end])))
    return PageText(path, blocks)


def site_pages(site: Path) -> list[PageText]:
    """Every content page of a built site (not the 404 page, not the search index)."""
    pages = []
    for index in sorted(site.rglob("index.html")):
        relative = index.parent.relative_to(site).as_posix()
        if relative.split("/")[0] in {"search", "assets"}:
            continue
        pages.append(page_text(index, "index.md" if relative == "." else relative + ".md"))
    return pages


def _escape(text: str) -> str:
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)


def page_markdown(page: PageText) -> str:
    """The page as plain Markdown: headings, then paragraphs of about 80 words."""
    lines: list[str] = []
    for level, title, text in page.blocks:
        if level:
            lines += ["#" * level + " " + _escape(title), ""]
        words = text.split()
        for start in range(0, len(words), _WORDS_PER_PARAGRAPH):
            lines += [_escape(" ".join(words[start:start + _WORDS_PER_PARAGRAPH])), ""]
    return "\n".join(lines)


def plain_config(socle_config: Path, paths: list[str]) -> dict:
    """Socle's mkdocs.yml, minus everything that is Socle's own; the menu of `paths` as Socle's."""
    # MkDocs' own reader: mkdocs.yml uses its tags (!ENV).
    config = yaml_load(socle_config.read_text(encoding="utf-8"))
    theme = dict(config["theme"])
    theme.pop("custom_dir", None)
    return {
        "site_name": "Site Material de comparaison",
        "docs_dir": "docs",
        "strict": True,
        "theme": theme,
        "plugins": [p for p in config.get("plugins", [])
                    if (next(iter(p)) if isinstance(p, dict) else p) == "search"],
        "markdown_extensions": config.get("markdown_extensions", []),
        **plain_nav(paths),
    }


def plain_nav(paths: list[str]) -> dict:
    """The menu Socle makes: the top pages (home first), the pages of folders out of it."""
    top = sorted((path for path in paths if "/" not in path), key=lambda path: (path != "index.md", path))
    folders = sorted({path.split("/")[0] for path in paths if "/" in path})
    return {"nav": top, "not_in_nav": "\n".join(f"/{folder}/" for folder in folders)}


def write_plain_site(built_site: Path, destination: Path, socle_config: Path) -> tuple[Path, int, int]:
    """Write the comparison site; returns (its mkdocs.yml, page count, word count)."""
    pages = site_pages(built_site)
    docs = destination / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for page in pages:
        (docs / page.path).parent.mkdir(parents=True, exist_ok=True)
        (docs / page.path).write_text(page_markdown(page), encoding="utf-8")
    config = destination / "mkdocs.yml"
    settings = plain_config(socle_config, [page.path for page in pages])
    config.write_text(yaml.safe_dump(settings, allow_unicode=True,
                                     sort_keys=False), encoding="utf-8")
    return config, len(pages), sum(page.words for page in pages)


def site_words(site: Path) -> tuple[int, int]:
    """(pages, words) of a built site, counted the same way for both sites."""
    pages = site_pages(site)
    return len(pages), sum(page.words for page in pages)
