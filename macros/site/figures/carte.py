"""The governance map: how a subject travels between instances, drawn from `liaisons`.

Only the links the document states are drawn (each `Liaison` quotes it). The
instances they join are laid out in columns by their place along the way
(where a subject starts on the left, where it is carried next on the right),
one block per group of connected instances; each box says the instance's
nature (politique, mixte, administrative) in words and by its border. Edges are
numbered: the numbered list under the figure gives each link with its quotation.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from macros.models.gouvernance import Gouvernance, Instance, Liaison
from macros.site.figures.svg import INTERLIGNE, LARGEUR, couper, element, figure_svg, texte

ECART_COLONNES = 56      # room for the arrow and its number between two columns
ECART_BOITES = 10
ECART_GROUPES = 30
POLICE_NATURE = 10.5
NATURES = {"politique": "politique", "mixte": "mixte", "administrative": "administrative"}
# Border of a box by nature, as presentation attributes (socle.css restates them as classes).
TRAITS = {"politique": {"stroke_width": 3}, "mixte": {"stroke_width": 2, "stroke_dasharray": "6 3"},
          "administrative": {"stroke_width": 1}}


@dataclass(frozen=True)
class Boite:
    """An instance placed on the map."""

    instance: Instance
    nature: str | None    # None when the instance's family is not given
    x: float
    y: float
    largeur: float
    lignes: tuple[str, ...]

    @property
    def hauteur(self) -> float:
        return 10 + INTERLIGNE * len(self.lignes) + POLICE_NATURE + 6

    @property
    def centre_y(self) -> float:
        return self.y + self.hauteur / 2


def libelle(instance: Instance) -> str:
    """Name, and acronym when the name does not already contain it."""
    if instance.sigle and instance.sigle.lower() not in instance.nom.lower():
        return f"{instance.nom} ({instance.sigle})"
    return instance.nom


def _groupes(liaisons: list[Liaison]) -> list[list[str]]:
    """Connected groups of instance ids, in the order the liaisons name them."""
    groupes: list[list[str]] = []
    for liaison in liaisons:
        touches = [g for g in groupes if liaison.de in g or liaison.vers in g]
        fusion = [i for g in touches for i in g]
        for ident in (liaison.de, liaison.vers):
            if ident not in fusion:
                fusion.append(ident)
        groupes = [g for g in groupes if g not in touches]
        groupes.append(fusion)
    ordre = [i for liaison in liaisons for i in (liaison.de, liaison.vers)]
    return sorted(groupes, key=lambda g: min(ordre.index(i) for i in g))


def _rangs(groupe: list[str], liaisons: list[Liaison]) -> dict[str, int]:
    """Column of each instance: the longest chain of liaisons leading to it."""
    rang = dict.fromkeys(groupe, 0)
    for _ in range(len(groupe)):          # at most n passes; a cycle simply stops growing
        for liaison in liaisons:
            if liaison.de in rang and rang[liaison.vers] < rang[liaison.de] + 1 <= len(groupe) - 1:
                rang[liaison.vers] = rang[liaison.de] + 1
    return rang


def _placer(groupe: list[str], liaisons: list[Liaison], instances: dict[str, Instance],
            natures: dict[str, str | None], haut: float) -> list[Boite]:
    rang = _rangs(groupe, liaisons)
    colonnes = max(rang.values()) + 1
    largeur = (LARGEUR - ECART_COLONNES * (colonnes - 1)) / colonnes
    boites: dict[str, Boite] = {}
    for colonne in range(colonnes):
        membres = [i for i in groupe if rang[i] == colonne]
        souhait = {}
        for rang_doc, ident in enumerate(membres):
            amont = [boites[lien.de].centre_y for lien in liaisons
                     if lien.vers == ident and lien.de in boites]
            souhait[ident] = (sum(amont) / len(amont) if amont else haut + rang_doc, rang_doc)
        y = haut
        for ident in sorted(membres, key=lambda i: souhait[i]):
            lignes = tuple(couper(libelle(instances[ident]), largeur - 12))
            essai = Boite(instances[ident], natures[ident], colonne * (largeur + ECART_COLONNES),
                          0, largeur, lignes)
            y = max(y, souhait[ident][0] - essai.hauteur / 2)
            boites[ident] = Boite(essai.instance, essai.nature, essai.x, y, largeur, lignes)
            y += essai.hauteur + ECART_BOITES
    return list(boites.values())


def _boite(b: Boite) -> Markup:
    nom = texte(list(b.lignes), b.x + 6, b.y + 6 + 12, classe="socle-fig__texte socle-fig__nom")
    if b.nature is None:  # family not given: a plain box, no nature to state
        bulle = element("title", escape(libelle(b.instance)))
        cadre = element("rect", bulle, x=b.x, y=b.y, width=b.largeur, height=b.hauteur, rx=4,
                        fill="#fff", stroke="currentColor", stroke_width=1, class_="socle-fig__noeud")
        return cadre + nom
    nature = NATURES[b.nature]
    bulle = element("title", escape(f"{libelle(b.instance)} — instance {nature}"))
    cadre = element("rect", bulle, x=b.x, y=b.y, width=b.largeur, height=b.hauteur, rx=4,
                    fill="#fff", stroke="currentColor", **TRAITS[b.nature],
                    class_=f"socle-fig__noeud socle-fig__noeud--{b.nature}")
    etiquette = texte([nature], b.x + 6, b.y + b.hauteur - 6, classe="socle-fig__nature")
    return cadre + nom + etiquette


def _points(b: Boite, voisins: list[tuple[float, object]], cote: float) -> dict[object, tuple]:
    """Where each edge leaves or enters box `b`: spread along one side, in the others' order."""
    voisins = sorted(voisins, key=lambda v: v[0])
    return {cle: (cote, b.y + b.hauteur * (rang + 1) / (len(voisins) + 1))
            for rang, (_, cle) in enumerate(voisins)}


def _fleches(boites: dict[str, Boite], liaisons: list[tuple[int, Liaison]], marqueur: str) -> Markup:
    depart: dict[str, list] = {}
    arrivee: dict[str, list] = {}
    for numero, liaison in liaisons:
        depart.setdefault(liaison.de, []).append((boites[liaison.vers].centre_y, numero))
        arrivee.setdefault(liaison.vers, []).append((boites[liaison.de].centre_y, numero))
    sorties = {}
    for ident, voisins in depart.items():
        b = boites[ident]
        sorties |= {(ident, n): p for n, p in _points(b, voisins, b.x + b.largeur).items()}
    entrees = {}
    for ident, voisins in arrivee.items():
        b = boites[ident]
        entrees |= {(ident, n): p for n, p in _points(b, voisins, b.x - 3).items()}
    traits, pastilles = [], []
    for numero, liaison in liaisons:
        (x1, y1), (x2, y2) = sorties[(liaison.de, numero)], entrees[(liaison.vers, numero)]
        bulle = element("title", escape(
            f"{numero}. {libelle(boites[liaison.de].instance)} → "
            f"{libelle(boites[liaison.vers].instance)} : {liaison.motif}"))
        traits.append(element("path", bulle, d=f"M{x1:.1f} {y1:.1f} L{x2:.1f} {y2:.1f}",
                              fill="none", stroke="currentColor", stroke_width=1.5,
                              class_="socle-fig__lien", marker_end=f"url(#{marqueur})"))
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        pastilles.append(element("circle", cx=mx, cy=my, r=9, fill="#fff", stroke="currentColor",
                                 class_="socle-fig__pastille")
                         + texte([str(numero)], mx, my + 4, classe="socle-fig__numero", ancre="middle"))
    return Markup("").join(traits) + Markup("").join(pastilles)


def _legende(y: float) -> tuple[Markup, float]:
    morceaux, x = [], 0.0
    for nature in NATURES:
        morceaux.append(element("rect", x=x, y=y - 11, width=22, height=14, rx=3, fill="#fff",
                                stroke="currentColor", **TRAITS[nature],
                                class_=f"socle-fig__noeud socle-fig__noeud--{nature}"))
        morceaux.append(texte([nature], x + 28, y, classe="socle-fig__texte"))
        x += 28 + len(nature) * 7 + 18
    return Markup("").join(morceaux), y + 22


def carte_gouvernance(g: Gouvernance, ident: str = "figure-carte-gouvernance") -> Markup:
    """The SVG map; empty when the data states no liaison."""
    if not g.liaisons:
        return Markup("")
    instances = {i.id: i for i in g.instances}
    natures = {c.id: c.nature for c in g.categories}
    nature_de = {i.id: natures.get(i.categorie) for i in g.instances}
    numerotees = list(enumerate(g.liaisons, start=1))
    # The legend explains the borders; without families there is no nature to explain.
    legende, y = _legende(14) if natures else (Markup(""), 4)
    morceaux = [legende]
    marqueur = f"{ident}-fleche"
    morceaux.append(element("defs", element(
        "marker", element("path", d="M0 0 L10 5 L0 10 z", class_="socle-fig__pointe"),
        id=marqueur, viewBox="0 0 10 10", refX=9, refY=5, markerWidth=7, markerHeight=7,
        orient="auto-start-reverse")))
    for groupe in _groupes(g.liaisons):
        boites = {b.instance.id: b for b in _placer(groupe, g.liaisons, instances, nature_de, y)}
        morceaux += [_boite(b) for b in boites.values()]
        morceaux.append(_fleches(boites, [(n, lien) for n, lien in numerotees if lien.de in boites],
                                 marqueur))
        y = max(b.y + b.hauteur for b in boites.values()) + ECART_GROUPES
    def nomme(ident: str) -> str:
        nature = nature_de[ident]
        return libelle(instances[ident]) + (f" ({nature})" if nature else "")

    resume = " ; ".join(f"{n}. {nomme(lien.de)} vers {nomme(lien.vers)} : {lien.motif}"
                        for n, lien in numerotees)
    description = (f"Carte de la gouvernance : {len(g.liaisons)} liaisons entre instances, "
                   f"telles que le document les décrit, détaillées dans la liste qui suit. {resume}.")
    return figure_svg(ident, "Comment un sujet circule entre les instances", description,
                      round(y - ECART_GROUPES + 4), Markup("").join(morceaux))
