"""Governance figures: the map of liaisons and the calendar of instances by rhythm."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from macros.models.gouvernance import RYTHMES, Gouvernance, Instance, Liaison
from macros.site.figures.carte import carte_gouvernance, libelle

# Column order of the calendar: from the elected officials to the services.
ORDRE_NATURES = {"politique": "Instances politiques", "mixte": "Instances mixtes",
                 "administrative": "Instances administratives"}


@dataclass(frozen=True)
class LiaisonNumerotee:
    """A liaison as listed under the map: its number on the map and both instances."""

    numero: int
    liaison: Liaison
    de: Instance
    vers: Instance

    @property
    def libelle_de(self) -> str:
        return libelle(self.de)

    @property
    def libelle_vers(self) -> str:
        return libelle(self.vers)


@dataclass(frozen=True)
class LigneCalendrier:
    """One rhythm and the instances that meet at it, one tuple per nature (column)."""

    rythme: str
    libelle: str
    colonnes: tuple[tuple[Instance, ...], ...]

    @property
    def nombre(self) -> int:
        return sum(len(colonne) for colonne in self.colonnes)


@dataclass(frozen=True)
class Calendrier:
    """Instances by rhythm (rows, most frequent first) and nature (columns)."""

    natures: tuple[str, ...]
    lignes: tuple[LigneCalendrier, ...]


@dataclass(frozen=True)
class FiguresGouvernance:
    """Everything the governance fragment draws besides its tables."""

    carte: Markup
    liaisons: tuple[LiaisonNumerotee, ...]
    calendrier: Calendrier


def calendrier(g: Gouvernance) -> Calendrier:
    """Group instances by rhythm, then nature; only rhythms and natures that occur.

    An instance without `rythme` is left out; one whose family (hence nature) is not
    given goes in a last column, « Instances » (« Autres instances » beside natures).
    """
    nature_de = {c.id: c.nature for c in g.categories}
    rythmees = [i for i in g.instances if i.rythme]
    presentes = {nature_de.get(i.categorie) for i in rythmees}
    natures: tuple[str | None, ...] = tuple(n for n in ORDRE_NATURES if n in presentes)
    if None in presentes:
        natures += (None,)
    lignes = []
    for rythme, libelle_rythme in RYTHMES.items():
        membres = [i for i in rythmees if i.rythme == rythme]
        if membres:
            lignes.append(LigneCalendrier(rythme, libelle_rythme, tuple(
                tuple(i for i in membres if nature_de.get(i.categorie) == nature)
                for nature in natures)))
    sans_nature = "Autres instances" if len(natures) > 1 else "Instances"
    return Calendrier(tuple(ORDRE_NATURES[n] if n else sans_nature for n in natures), tuple(lignes))


def figures_gouvernance(g: Gouvernance) -> FiguresGouvernance:
    instances = {i.id: i for i in g.instances}
    return FiguresGouvernance(
        carte=carte_gouvernance(g),
        liaisons=tuple(LiaisonNumerotee(n, lien, instances[lien.de], instances[lien.vers])
                       for n, lien in enumerate(g.liaisons, start=1)),
        calendrier=calendrier(g),
    )
