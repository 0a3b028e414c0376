"""A page kept out of the menu (a fiche) shows its parent's entry as where the reader is.

Material marks the menu entries of the page being written and of its sections through
MkDocs' `active` flag of the navigation's pages; a page outside the menu has no entry, so
nothing was marked on a fiche. Its parent's entry (« Fiches actions ») is flagged `active`
while the fiche is written — Material then draws it in the link colour — and unflagged
once the page is written, before the next page. It is not made the current page: the
entry stays a plain link, without `aria-current`, since the reader is not on that page.
"""

from __future__ import annotations

from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


class ParentActif:
    """The parent entry flagged for the page being written, if any."""

    def __init__(self) -> None:
        self._entree: Page | None = None

    def marquer(self, nav: Navigation, chemin_parent: str) -> None:
        """Flag the menu entry of the page at `chemin_parent` (`fiches-actions.md`)."""
        self.effacer()
        for entree in nav.pages:
            if entree.file.src_uri == chemin_parent:
                entree.active = True
                self._entree = entree
                return

    def effacer(self) -> None:
        """Unflag it, the page written (MkDocs unflags the page itself likewise)."""
        if self._entree is not None:
            self._entree.active = False
            self._entree = None
