"""macros/search_toc.py finds the table-of-contents entry Material's own walk finds."""

from __future__ import annotations

from material.plugins.search.plugin import SearchIndex
from mkdocs.structure.toc import AnchorLink

from macros.search_toc import MATERIAL_FIND_TOC_BY_ID, find_toc_by_id


class _MaterialWalk(SearchIndex):
    """Material's lookup, whether or not hooks.py has replaced it in this process."""

    _find_toc_by_id = MATERIAL_FIND_TOC_BY_ID


def _entry(id: str, *children: AnchorLink) -> AnchorLink:
    link = AnchorLink(id.upper(), id, 2)
    link.children = list(children)
    return link


def test_same_entry_as_the_walk_of_the_search_plugin():
    # Nested entries, an id used twice (the walk meets the nested one first), a missing id.
    toc = [_entry("a", _entry("a1", _entry("dup")), _entry("a2")), _entry("dup"), _entry("b")]
    walk = _MaterialWalk.__new__(_MaterialWalk)._find_toc_by_id
    for id in ("a", "a1", "a2", "dup", "b", "absent", None):
        assert find_toc_by_id(None, toc, id) is walk(toc, id), id
    assert find_toc_by_id(None, toc, "dup") is toc[0].children[0].children[0]
    # Another page's table is indexed anew.
    other = [_entry("b")]
    assert find_toc_by_id(None, other, "b") is other[0]
