"""Horizontal stacked bars: one bar per row, one segment per series.

Horizontal, with each row's label on its own line above the bar, because that is
what stays legible in a 360-unit-wide phone column: labels never have to be
squeezed beside the bars. Each segment carries its count (when wide enough) and a
<title>; the same numbers are given as a table next to the figure.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from macros.site.figures.svg import (
    CHASSE,
    FOND,
    INTERLIGNE,
    LARGEUR,
    POLICE,
    TEXTE_SUR_FOND,
    couper,
    element,
    figure_svg,
    texte,
)

HAUTEUR_BARRE = 22
MARGE_TOTAL = 34          # room after the longest bar for its total
CASE = 12                 # legend swatch


@dataclass(frozen=True)
class Serie:
    """One series: its key, its French label and its tone (`svg.FOND`, a CSS class suffix)."""

    cle: str
    libelle: str
    teinte: str


@dataclass(frozen=True)
class Ligne:
    """One bar: its label and one value per series, in the series' order."""

    libelle: str
    valeurs: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.valeurs)


def _legende(series: tuple[Serie, ...], y: float) -> tuple[Markup, float]:
    """Swatches and labels, flowing onto as many lines as needed."""
    morceaux: list[Markup] = []
    x = 0.0
    for serie in series:
        largeur = CASE + 6 + len(serie.libelle) * POLICE * CHASSE + 14
        if x and x + largeur > LARGEUR:
            x, y = 0.0, y + INTERLIGNE + 4
        morceaux.append(element("rect", x=x, y=y - CASE + 2, width=CASE, height=CASE,
                                fill=FOND[serie.teinte], stroke="currentColor",
                                class_=f"socle-fig__serie socle-fig__serie--{serie.teinte}"))
        morceaux.append(texte([serie.libelle], x + CASE + 6, y))
        x += largeur
    return Markup("").join(morceaux), y + INTERLIGNE + 6


def barres_empilees(ident: str, titre: str, description: str,
                    series: tuple[Serie, ...], lignes: tuple[Ligne, ...],
                    unite: tuple[str, str] = ("action", "actions"), legende: bool = True) -> Markup:
    """The SVG chart; `description` is its text alternative (numbers are also in a table)."""
    morceaux: list[Markup] = []
    y = float(POLICE)
    if legende:
        cases, y = _legende(series, y)
        morceaux.append(cases)
    maximum = max((ligne.total for ligne in lignes), default=0) or 1
    echelle = (LARGEUR - MARGE_TOTAL) / maximum
    for ligne in lignes:
        libelle = couper(ligne.libelle, LARGEUR)
        morceaux.append(texte(libelle, 0, y + 4, classe="socle-fig__texte socle-fig__libelle"))
        y += 4 + INTERLIGNE * (len(libelle) - 1) + 8
        x = 0.0
        for serie, valeur in zip(series, ligne.valeurs, strict=True):
            if not valeur:
                continue
            largeur = valeur * echelle
            mot = unite[0] if valeur == 1 else unite[1]
            bulle = element("title", escape(f"{ligne.libelle} — {serie.libelle} : {valeur} {mot}"))
            morceaux.append(element("rect", bulle, x=x, y=y, width=largeur, height=HAUTEUR_BARRE,
                                    fill=FOND[serie.teinte], stroke="currentColor",
                                    class_=f"socle-fig__serie socle-fig__serie--{serie.teinte}"))
            if largeur >= POLICE * CHASSE * len(str(valeur)) + 8:
                morceaux.append(texte([str(valeur)], x + largeur / 2, y + HAUTEUR_BARRE / 2 + 4,
                                      classe=f"socle-fig__valeur socle-fig__valeur--{serie.teinte}",
                                      ancre="middle", fill=TEXTE_SUR_FOND[FOND[serie.teinte]]))
            x += largeur
        morceaux.append(texte([str(ligne.total)], x + 6, y + HAUTEUR_BARRE / 2 + 4,
                              classe="socle-fig__texte socle-fig__total"))
        y += HAUTEUR_BARRE + 14
    return figure_svg(ident, titre, description, round(y), Markup("").join(morceaux))
