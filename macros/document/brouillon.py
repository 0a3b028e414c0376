"""A document read by pandoc, composed into the files of a draft référentiel.

The cover (what comes before the first heading) gives the document's title, date and the
presentation; each top-level section a rubrique (`rubriques/<adresse>.md`, in the document's
order), unless a part of it fits a kind (sortes.py), which then gets that kind's file while
the rest of the section stays a rubrique. The plain text goes to `source/document.txt`.
Nothing is written here: `composer` returns the files, `ecrire` (in écriture.py) checks and
writes them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from macros.data.fichiers import TYPES
from macros.data.limites import TAILLE_MAX_FICHIER
from macros.document import sortes
from macros.document.agencement import a_plat, question, rattacher_listes
from macros.document.couverture import couverture
from macros.document.lecture import Lu
from macros.document.markdown import ALTERNATIVE_A_ECRIRE, Ecriture, echapper
from macros.document.revue import Image, Revue
from macros.document.sorte_charte import lire_charte
from macros.document.sorte_plan import lire_plan
from macros.document.yaml_ecrit import dumps
from macros.registry import PAGES

# Page addresses a rubrique may not take.
_PRIS = {spec.path.removesuffix(".md") for spec in PAGES} | {
    "index",
    "search",
    "assets",
    "fichiers",
    "telechargements",
    "admin",
}
# The images a page shows, by their first bytes (SVG left out: it is a program for a browser,
# and what fichiers/ accepts of it is for a person to judge).
_IMAGES_PUBLIEES = {ext: TYPES[ext][2] for ext in (".png", ".jpg", ".jpeg", ".webp")}
POSITION_PREMIERE = 200  # after Socle's own pages, in the document's order
ENTETE_YAML = (
    "# yaml-language-server: $schema=../../schemas/{schema}.schema.json\n"
    "# Écrit par make importer-document depuis « {fichier} » : relisez-le (voir IMPORT.md).\n"
)


@dataclass
class Partie:
    """A top-level section of the document and where it went."""

    titre: str
    destinations: list[str] = field(default_factory=list)  # « rubriques/accueil.md », « glossaire.yml »
    raisons: list[str] = field(default_factory=list)


@dataclass
class Brouillon:
    """Every file of the draft (relative path → text or bytes), and what the report says."""

    fichiers: dict[str, str | bytes]
    parties: list[Partie]
    revue: Revue
    texte: list[str]
    titre: str
    date: str
    images_laissees: list[str] = field(default_factory=list)
    equivalents: dict[str, str] = field(default_factory=dict)  # a line → how the site writes it


def _header_yaml(titre: str, position: int) -> str:
    return dumps({"titre": titre, "position": str(position)}, "---\n").rstrip("\n") + "\n---\n"


class _Composition:
    def __init__(self, lu: Lu, nom_fichier: str) -> None:
        self.lu, self.nom_fichier = lu, nom_fichier
        self.images_gardees: list[str] = []
        self.images_laissees: list[str] = []
        self.revue = Revue()
        self.fichiers: dict[str, str | bytes] = {}
        self.parties: list[Partie] = []
        self.adresses: set[str] = set(_PRIS)
        self.ids_instances: set[str] = set()
        self.termes: list[dict] = []
        self.instances: list[dict] = []
        self.plan: dict | None = None
        self.equivalents: dict[str, str] = {}
        # A page that a kind's file makes keeps the name the document gives its section.
        self.titres_pages: dict[str, str] = {}
        self.charte: dict | None = None
        self.niveau_precedent = 0
        self.position = POSITION_PREMIERE

    def plain(self, blocks: list) -> list[str]:
        return Ecriture(Revue()).plain_blocks(blocks)

    def rubrique(self, titre: str, blocks: list, partie: Partie, niveau: int) -> None:
        ecriture = Ecriture(self.revue, self.nommer)
        morceaux: list[str] = []
        titre_en_attente: str | None = None
        sous_titre = ""
        for number, block in enumerate(blocks, start=1):
            ecriture.position = (
                f"partie « {titre} »" + (f" › « {sous_titre} »" if sous_titre else "") + f", bloc {number}"
            )
            if block["t"] == "Header":
                level = block["c"][0]
                texte = ecriture.inline(block["c"][2], plain=True)
                self._niveau(level, texte, ecriture.position)
                if titre_en_attente:  # a heading with no text under it: in bold
                    morceaux.append(f"**{echapper(titre_en_attente)}**")
                titre_en_attente = sous_titre = texte
                if question(texte, blocks[number:]):  # its answer: the paragraphs under it
                    ecriture.texte.append(texte)
                    morceaux.append(f"### {texte}")
                    titre_en_attente = None
                continue
            rendus = ecriture.blocs([block])
            if not rendus:
                continue
            if titre_en_attente:
                morceaux.append("## " + titre_en_attente)
                titre_en_attente = None
            morceaux += rendus
        if titre_en_attente:
            morceaux.append(f"**{echapper(titre_en_attente)}**")
        if not morceaux:
            return
        adresse = sortes.identifiant(titre, self.adresses, 40)
        chemin = f"rubriques/{adresse}.md"
        self.fichiers[chemin] = _header_yaml(titre, self.position) + "\n" + "\n\n".join(morceaux) + "\n"
        self.position += 1
        partie.destinations.append(chemin)

    def _niveau(self, level: int, texte: str, position: str) -> None:
        if self.niveau_precedent and level > self.niveau_precedent + 1:
            self.revue.noter(
                position,
                f"niveau de titre sauté : « {texte[:50]} » est de niveau {level} après "
                f"un titre de niveau {self.niveau_precedent} (vérifiez qu'il est bien rangé)",
            )
        self.niveau_precedent = level

    def section(self, titre: str, blocks: list, niveau: int) -> None:
        partie = Partie(titre)
        self.parties.append(partie)
        restants = rattacher_listes(blocks, self.revue, titre)
        lecture, pas_un_plan = lire_plan(titre, restants, self.plain)
        if lecture and self.plan is None:
            self.plan = lecture.plan
            self.titres_pages.setdefault("plan", titre)
            actions = sum(len(axe["actions"]) for axe in lecture.plan["axes"])
            partie.destinations.append("plan.yml")
            partie.raisons.append(
                f"plan : son titre dit « plan » et ses {len(lecture.plan['axes'])} axes "
                f"tiennent {actions} actions"
            )
            self.equivalents.update(lecture.equivalents)
            for position, message in lecture.revue:
                self.revue.noter(f"partie « {titre} », {position}", message)
            return
        if pas_un_plan:
            self.revue.noter(f"partie « {titre} »", pas_un_plan)
        charte, pas_une_charte = lire_charte(titre, restants, self.plain)
        if charte and self.charte is None:
            self.charte = charte
            self.titres_pages.setdefault("valeurs", titre)
            partie.destinations.append("charte.yml")
            partie.raisons.append(
                f"charte : son titre dit « valeurs » ou « charte », et chacune de ses "
                f"{len(charte['valeurs'])} valeurs a son titre, sa définition et ses engagements"
            )
            return
        if pas_une_charte:
            self.revue.noter(f"partie « {titre} »", pas_une_charte)
        proposition = sortes.glossaire(titre, restants, self.plain)
        if proposition:
            self.termes += proposition.donnees
            self.titres_pages.setdefault("glossaire", titre)
            partie.destinations.append("glossaire.yml")
            partie.raisons.append(f"glossaire : {proposition.raison} ({len(proposition.donnees)} sigles)")
            restants = [b for n, b in enumerate(restants) if n not in proposition.blocs]
        proposition, pourquoi_pas = sortes.gouvernance(titre, restants, self.plain, self.ids_instances)
        if proposition:
            self.instances += proposition.donnees
            self.titres_pages.setdefault("gouvernance", titre)
            partie.destinations.append("gouvernance.yml")
            partie.raisons.append(
                f"gouvernance : {proposition.raison} ({len(proposition.donnees)} instances)"
            )
            restants = [b for n, b in enumerate(restants) if n not in proposition.blocs]
        elif pourquoi_pas:
            self.revue.noter(f"partie « {titre} »", pourquoi_pas)
        self.rubrique(titre, restants, partie, niveau)
        if not partie.destinations:
            partie.destinations.append("(rien : la partie n'a pas de texte)")

    def nommer(self, image: Image) -> str | None:
        """Keep the image in fichiers/ (its name there), or say why it is left out (None)."""
        donnees = self.lu.medias.get(image.source)
        extension = PurePosixPath(image.source).suffix.lower()
        raison = None
        if donnees is None:
            raison = "elle est liée hors du document, pas incluse dedans"
        elif extension not in _IMAGES_PUBLIEES or not donnees.startswith(_IMAGES_PUBLIEES[extension]):
            raison = (
                f"son format ({extension.lstrip('.').upper() or 'inconnu'}) n'est pas publié : "
                "enregistrez-la en PNG ou JPEG, rangez-la dans fichiers/ et placez-la dans la page"
            )
        elif len(donnees) > TAILLE_MAX_FICHIER:
            raison = "elle dépasse 5 Mo : réduisez-la, rangez-la dans fichiers/ et placez-la dans la page"
        if raison:
            self.revue.noter(image.position, f"image non reprise, {raison}")
            self.images_laissees.append(f"{PurePosixPath(image.source).name} ({image.position}) : {raison}")
            return None
        nom = f"image-{len(self.images_gardees) + 1}{'.jpg' if extension == '.jpeg' else extension}"
        self.images_gardees.append(nom)
        self.fichiers[f"fichiers/{nom}"] = donnees
        if not image.alt:
            self.revue.noter(
                image.position,
                f"image sans texte de remplacement (fichiers/{nom}) : remplacez "
                f"« {ALTERNATIVE_A_ECRIRE} » par ce qu'elle montre, en une phrase"
                + ("" if image.legende else " ; elle n'a pas de légende non plus"),
            )
        return nom


def composer(
    lu: Lu,
    nom_fichier: str,
    nom: str | None,
    nature: Callable[[str | None], str],
    sigle: Callable[[str], str],
) -> Brouillon:
    """The draft's files from the document pandoc read."""
    composition = _Composition(lu, nom_fichier)
    revue = composition.revue
    blocks = a_plat(lu.ast.get("blocks", []))
    niveaux = [b["c"][0] for b in blocks if b["t"] == "Header"]
    haut = min(niveaux) if niveaux else 1
    premier = next((n for n, b in enumerate(blocks) if b["t"] == "Header" and b["c"][0] == haut), len(blocks))
    ecriture = Ecriture(revue)
    titre, sous_titre, date, presentation, autres = couverture(
        lu, blocks[:premier], ecriture, revue, nom_fichier
    )
    if autres:
        partie = Partie("(avant le premier titre)")
        composition.parties.append(partie)
        composition.rubrique(titre, autres, partie, haut)
    # Sections at the top level, each with the blocks up to the next one.
    debut = premier
    while debut < len(blocks):
        fin = next(
            (
                n
                for n in range(debut + 1, len(blocks))
                if blocks[n]["t"] == "Header" and blocks[n]["c"][0] == haut
            ),
            len(blocks),
        )
        entete = blocks[debut]
        composition.niveau_precedent = haut
        composition.section(
            ecriture.inline(entete["c"][2], plain=True) or "Sans titre", blocks[debut + 1 : fin], haut
        )
        debut = fin
    laissees = composition.images_laissees
    organisation = nom or titre
    referentiel: dict = {
        "organisation": {
            "nom": organisation.replace('"', "«").replace("<", "‹").replace(">", "›"),
            "nom_court": organisation.replace('"', "«").replace("<", "‹").replace(">", "›"),
            "sigle_logo": sigle(organisation),
            "nature": nature(nom or titre),
        },
        "document": {
            "titre": titre,
            **({"sous_titre": sous_titre} if sous_titre else {}),
            "date": date,
            "fichier": "document.txt",
        },
        "presentation": presentation,
        "pages": {page: {"titre": titre_page} for page, titre_page in composition.titres_pages.items()},
    }
    fichiers = composition.fichiers
    fichiers["referentiel.yml"] = dumps(
        referentiel, ENTETE_YAML.format(schema="referentiel", fichier=nom_fichier)
    )
    if composition.termes:
        fichiers["glossaire.yml"] = dumps(
            {"termes": composition.termes}, ENTETE_YAML.format(schema="glossaire", fichier=nom_fichier)
        )
    if composition.instances:
        gouvernance = {
            "instances": composition.instances,
        }
        fichiers["gouvernance.yml"] = dumps(
            gouvernance, ENTETE_YAML.format(schema="gouvernance", fichier=nom_fichier)
        )
    if composition.charte:
        fichiers["charte.yml"] = dumps(
            composition.charte, ENTETE_YAML.format(schema="charte", fichier=nom_fichier)
        )
    if composition.plan:
        fichiers["plan.yml"] = dumps(composition.plan, ENTETE_YAML.format(schema="plan", fichier=nom_fichier))
    source = Ecriture(Revue())
    lignes = [titre, *([sous_titre] if sous_titre else []), date, *presentation]
    source.blocs(blocks[premier:] + autres)
    lignes += source.texte
    fichiers["source/document.txt"] = "\n".join(lignes) + "\n"
    return Brouillon(
        fichiers, composition.parties, revue, lignes, titre, date, laissees, composition.equivalents
    )
