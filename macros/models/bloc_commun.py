"""What every block of a rubrique is: a heading and an anchor, an article's number kept as
its anchor. The blocks themselves are in macros/models/blocs.py."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import Field

from macros.models.base import MOTIF_IDENTIFIANT, Modele, Texte

# « Article 3 », « Article 12-1 », « Article 4 bis », « Article premier » at the start of a title.
_ARTICLE = re.compile(r"^Article\s+(premier|1er|\d+(?:[.-]\d+)*(?:\s+(?:bis|ter|quater))?)\b", re.IGNORECASE)


class BlocCommun(Modele):
    """What every block may carry: a heading and an anchor.

    A block is a subclass with a `type: Literal["…"]` field: that makes it one of the blocks
    a rubrique accepts (`Bloc` below), and its templates are found by that type
    (macros/site/templates/blocs/<type>.md.j2, macros/kit/typst/blocs/<type>.typ.j2).
    """

    titre: Texte | None = Field(
        default=None, description="Facultatif : titre affiché au-dessus du bloc (il reçoit une ancre "
        "et apparaît dans la recherche et le sommaire de la page).")
    id: Annotated[str, Field(pattern=MOTIF_IDENTIFIANT)] | None = Field(
        default=None, description="Facultatif : ancre du bloc (minuscules, chiffres et tirets), "
        "à la place de celle tirée du titre (« Article 3 — … » donne « article-3 »).")

    @property
    def ancre_article(self) -> str | None:
        """« article-3 » for a block titled « Article 3 — Horaires » (a règlement's article).

        A text cites an article by its number, which stays when its title is reworded: the
        number alone makes the anchor (« #article-3 », « #article-12-1 », « #article-1 »
        for « Article premier »).
        """
        found = _ARTICLE.match(self.titre or "")
        if found is None:
            return None
        number = found.group(1).lower()
        number = "1" if number in ("premier", "1er") else re.sub(r"[^0-9a-z]+", "-", number)
        return "article-" + number
