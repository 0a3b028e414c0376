"""The few SVG pieces every figure needs: escaped text, wrapped lines, the root.

Sizes are in viewBox units. The viewBox is about as wide as a phone's column
(360 units), so 12-unit text reads at 12 px on a 390 px screen; on a desktop the
figure grows to its CSS max-width.
"""

from __future__ import annotations

from markupsafe import Markup, escape

LARGEUR = 360            # viewBox width shared by the figures
POLICE = 12              # body text size, in viewBox units
INTERLIGNE = 15
# Average advance of a character of the system sans-serif fonts, in em. Used to wrap
# text without measuring it (there is no browser at build time); a little generous.
CHASSE = 0.56


# Fallback paint, as SVG presentation attributes, for a reader without the site's CSS
# (PDF kit, SVG saved alone): the light scheme. On the site, socle.css overrides every
# one of them with a class, per scheme (CSS beats presentation attributes).
# The tones of series, in the light scheme (the stylesheet sets both schemes by class).
FOND = {"fort": "#1a237e", "moyen": "#5c6bc0", "clair": "#c5cae9", "neutre": "#e0e0e0",
        "chaud": "#8d4f00", "sombre": "#616161"}
TEXTE_SUR_FOND = {"#1a237e": "#fff", "#5c6bc0": "#fff", "#c5cae9": "#000", "#e0e0e0": "#000",
                  "#8d4f00": "#fff", "#616161": "#fff"}
# Tones for series that have no meaning of their own (horizons), in order.
TEINTES = ("fort", "moyen", "clair", "neutre", "chaud", "sombre")


def attributs(**valeurs: object) -> Markup:
    """` name="value"` pairs, escaped; trailing underscores dropped (class_), _ becomes -."""
    parts = []
    for nom, valeur in valeurs.items():
        if valeur is None:
            continue
        nom = nom.rstrip("_").replace("_", "-")
        if isinstance(valeur, float):
            valeur = f"{valeur:.1f}".rstrip("0").rstrip(".")
        parts.append(f' {nom}="{escape(str(valeur))}"')
    return Markup("".join(parts))


def element(nom: str, contenu: str = "", **valeurs: object) -> Markup:
    """One SVG element; `contenu` must already be markup (escaped text or elements)."""
    return Markup(f"<{nom}{attributs(**valeurs)}>{contenu}</{nom}>")


def couper(texte: str, largeur: float, police: float = POLICE) -> list[str]:
    """Split text into lines that fit `largeur` units (word wrap, words never cut)."""
    par_ligne = max(4, int(largeur / (police * CHASSE)))
    lignes: list[str] = []
    courante = ""
    for mot in str(texte).split():
        essai = f"{courante} {mot}".strip()
        if courante and len(essai) > par_ligne:
            lignes.append(courante)
            courante = mot
        else:
            courante = essai
    if courante:
        lignes.append(courante)
    return lignes or [""]


def texte(lignes: list[str], x: float, y: float, *, classe: str = "socle-fig__texte",
          ancre: str = "start", interligne: float = INTERLIGNE, **valeurs: object) -> Markup:
    """A <text> of one <tspan> per line; the first line's baseline is at `y`."""
    spans = Markup("").join(
        element("tspan", escape(ligne), x=x, dy=None if rang == 0 else interligne)
        for rang, ligne in enumerate(lignes)
    )
    return element("text", spans, x=x, y=y, class_=classe, text_anchor=ancre, **valeurs)


def figure_svg(ident: str, titre: str, description: str, hauteur: float, contenu: Markup,
               largeur: float = LARGEUR) -> Markup:
    """The <svg> root: an image for assistive technologies, named by its <title> and <desc>."""
    entete = (element("title", escape(titre), id=f"{ident}-titre")
              + element("desc", escape(description), id=f"{ident}-desc"))
    return element(
        "svg", entete + contenu,
        xmlns="http://www.w3.org/2000/svg", viewBox=f"0 0 {largeur:g} {hauteur:g}",
        class_="socle-fig__svg", id=ident, role="img", font_size=POLICE, fill="currentColor",
        aria_labelledby=f"{ident}-titre {ident}-desc", width="100%",
        preserveAspectRatio="xMinYMin meet",
    )
