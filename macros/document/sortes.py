"""Which part of a section fits one of Socle's kinds, read into that kind's fields.

Only what the document writes: a list of acronyms (a table of two columns, a definition
list, or items « CCAS : Centre communal d'action sociale ») becomes glossaire.yml, a table
of instances whose columns each have a field (nom, composition, présidence, fréquence,
fonctions) becomes gouvernance.yml. A part that almost fits — a column with no field, an
item that is not « sigle : sens » — stays in its rubrique, and the report says why: a field
the document does not give is never filled.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_GLOSSAIRE = re.compile(r"\b(sigles?|glossaire|abr[ée]viations?|acronymes?|lexique)\b", re.IGNORECASE)
_INSTANCES = re.compile(r"\b(instances?|gouvernance|comit[ée]s?|organes?|r[ée]unions?)\b", re.IGNORECASE)
_SEPARATEUR = re.compile(r"^\s*([^:=–—]{1,25}?)\s*(?::|=|–|—|\s-\s)\s*(.+)$")
# A column header → the field of an instance it fills.
_COLONNES = (
    (re.compile(r"instance|organe|nom|comit|r[ée]union|intitul"), "nom"),
    (re.compile(r"composition|membres|participants|qui si[èe]ge|si[èe]gent"), "composition"),
    (re.compile(r"pr[ée]sid|anim"), "president"),
    (re.compile(r"rapport"), "rapporteurs"),
    (re.compile(r"fr[ée]quence|p[ée]riodicit[ée]|rythme|quand"), "frequence"),
    (re.compile(r"fonction|r[ôo]le|missions?|objet|attributions|compétences|competences"), "fonctions"),
)
# A written frequency that says a rhythm without any doubt (anything else leaves it absent).
_RYTHMES = {
    "hebdomadaire": "hebdomadaire",
    "chaque semaine": "hebdomadaire",
    "mensuelle": "mensuelle",
    "chaque mois": "mensuelle",
    "trimestrielle": "trimestrielle",
    "chaque trimestre": "trimestrielle",
    "semestrielle": "semestrielle",
    "annuelle": "annuelle",
    "une fois par an": "annuelle",
    "chaque annee": "annuelle",
    "bimensuelle": "bimensuelle",
}
_SIGLE_FINAL = re.compile(r"^(.+?)\s*\(([A-ZÉ][A-Za-zÉ0-9&\- ]{1,11})\)$")


def identifiant(texte: str, pris: set[str] | None = None, longueur: int = 48) -> str:
    """« Comité social territorial » → comite-social-territorial (unique among `pris`)."""
    ascii_ = unicodedata.normalize("NFKD", texte).encode("ascii", "ignore").decode().lower()
    mots = re.findall(r"[a-z0-9]+", ascii_)
    base = ""
    for mot in mots:
        if base and len(base) + 1 + len(mot) > longueur:
            break
        base = f"{base}-{mot}" if base else mot[:longueur]
    base = base or "partie"
    resultat, n = base, 2
    while pris is not None and resultat in pris:
        resultat, n = f"{base}-{n}", n + 1
    if pris is not None:
        pris.add(resultat)
    return resultat


def _sans_accents(texte: str) -> str:
    return unicodedata.normalize("NFKD", texte).encode("ascii", "ignore").decode().lower()


def _est_sigle(texte: str) -> bool:
    mots = texte.split()
    return (
        0 < len(texte) <= 20
        and len(mots) <= 3
        and sum(ch.isupper() for ch in texte) >= 2
        and not texte.endswith(".")
    )


@dataclass
class Proposition:
    """What a section gave to a kind: the kind, the items, the AST block they came from."""

    sorte: str  # glossaire | gouvernance
    donnees: list[dict]
    blocs: list[int]  # indexes of the blocks of the section it took
    raison: str = ""
    notes: list[str] = field(default_factory=list)


def grille(table: list, plain) -> tuple[list[str], list[list[str]], list[list[list[str]]]]:
    """(headers, rows as texts, rows as each cell's paragraphs and items) of a pandoc Table."""
    _attr, _caption, colspecs, head, bodies, foot = table
    width = len(colspecs)
    rows_in = list(head[1]) + [row for body in bodies for row in body[2] + body[3]] + list(foot[1])
    grid: list[list[list[str] | None]] = []
    for r, row in enumerate(rows_in):
        while len(grid) <= r:
            grid.append([None] * width)
        col = 0
        for cell in row[1]:
            _a, _al, rowspan, colspan, blocks = cell
            while col < width and grid[r][col] is not None:
                col += 1
            texts = plain(blocks)
            for dr in range(rowspan):
                while len(grid) <= r + dr:
                    grid.append([None] * width)
                for dc in range(colspan):
                    if col + dc < width:
                        grid[r + dr][col + dc] = texts
            col += colspan
    parts = [[cell or [] for cell in row] for row in grid]
    textes = [[" ".join(cell) for cell in row] for row in parts]
    if head[1]:
        return textes[0], textes[len(head[1]) :], parts[len(head[1]) :]
    return [], textes, parts


def _listes_de_sigles(blocks: list, plain):
    """(first block, its « sigle, sens » pairs, the other blocks they took) of each candidate list."""
    for number, block in enumerate(blocks):
        termes: list[tuple[str, str]] | None = None
        pris: list[int] = []
        t, c = block["t"], block.get("c")
        if t == "DefinitionList":
            termes = [
                (" ".join(plain([{"t": "Plain", "c": terme}])), " ".join(x for d in defs for x in plain(d)))
                for terme, defs in c
            ]
        elif t == "Table":
            headers, rows, _ = grille(c, plain)
            if len(headers or (rows[0] if rows else [])) == 2:
                candidats = rows
                if not headers and rows and not _est_sigle(rows[0][0]):
                    candidats = rows[1:]
                termes = [(row[0], row[1]) for row in candidats]
        elif t == "BulletList":
            termes = []
            for item in c:
                found = _SEPARATEUR.match(" ".join(plain(item)))
                if not found:
                    termes = None
                    break
                termes.append((found.group(1).strip(), found.group(2).strip()))
        elif t in ("Para", "Plain"):
            # Paragraphs « CCAS : Centre communal… », or a sigle then its meaning indented (what
            # a definition list becomes in an ODT): as long as they follow one another.
            termes, suivant = [], number
            while suivant < len(blocks) and blocks[suivant]["t"] in ("Para", "Plain"):
                texte = " ".join(plain([blocks[suivant]]))
                retrait = blocks[suivant + 1] if suivant + 1 < len(blocks) else None
                found = _SEPARATEUR.match(texte)
                if retrait and retrait["t"] == "BlockQuote" and _est_sigle(texte):
                    termes.append((texte, " ".join(plain(retrait["c"]))))
                    suivant += 2
                elif found and _est_sigle(found.group(1).strip()):
                    termes.append((found.group(1).strip(), found.group(2).strip()))
                    suivant += 1
                else:
                    break
            pris = list(range(number + 1, suivant))
        if termes:
            yield number, termes, pris


def glossaire(titre: str, blocks: list, plain) -> Proposition | None:
    """The section's list of acronyms, when its title says so and every entry is « sigle : sens »."""
    if not _GLOSSAIRE.search(titre):
        return None
    for number, termes, pris in _listes_de_sigles(blocks, plain):
        if len(termes) < 2 or not all(_est_sigle(s) and d for s, d in termes):
            continue
        vus: set[str] = set()
        donnees, notes = [], []
        for sigle, developpe in termes:
            if sigle in vus:
                notes.append(
                    f"le sigle « {sigle} » figure deux fois : la seconde (« {developpe} ») est "
                    "laissée dans la rubrique"
                )
                continue
            vus.add(sigle)
            donnees.append({"sigle": sigle, "developpe": developpe})
        if notes:
            return None  # a second meaning would be lost: the list stays whole in its rubrique
        return Proposition(
            "glossaire",
            donnees,
            [number, *pris],
            "son titre dit « sigles » et chaque entrée est un sigle et son sens",
            notes,
        )
    return None


def _champs(headers: list[str]) -> list[str | None]:
    champs: list[str | None] = []
    for header in headers:
        nom = _sans_accents(header)
        champs.append(next((champ for motif, champ in _COLONNES if motif.search(nom)), None))
    return champs


def gouvernance(titre: str, blocks: list, plain, pris: set[str]) -> tuple[Proposition | None, str | None]:
    """The section's table of instances, when each of its columns has a field; else why not."""
    for number, block in enumerate(blocks):
        if block["t"] != "Table":
            continue
        headers, rows, parts = grille(block["c"], plain)
        if not headers or not rows:
            continue
        champs = _champs(headers)
        if champs[0] != "nom" or not (_INSTANCES.search(titre) or _INSTANCES.search(headers[0])):
            continue
        if len(set(champs)) != len(champs) or None in champs:
            manque = [h for h, c in zip(headers, champs, strict=True) if c is None]
            if len(set(c for c in champs if c)) >= 3:
                return None, (
                    "tableau qui ressemble à un tableau d'instances, laissé dans la rubrique : "
                    + (
                        f"la colonne « {manque[0]} » n'a pas de champ dans gouvernance.yml"
                        if manque
                        else "deux colonnes y disent la même chose"
                    )
                )
            continue
        instances = []
        for row, cells in zip(rows, parts, strict=True):
            if not row[0].strip():
                continue
            instance: dict = {}
            nom = row[0].strip()
            found = _SIGLE_FINAL.match(nom)
            if found:
                nom = found.group(1)
            instance["id"] = identifiant(found.group(2) if found else nom, pris)
            instance["nom"] = nom
            if found:
                instance["sigle"] = found.group(2)
            for champ, texte, cell in zip(champs[1:], row[1:], cells[1:], strict=True):
                if not texte.strip() or texte.strip() in ("—", "-", "–"):
                    continue
                if champ == "fonctions":
                    instance["fonctions"] = [x for x in cell if x.strip()]
                else:
                    instance[champ] = texte.strip()
            rythme = _RYTHMES.get(_sans_accents(instance.get("frequence", "")).strip(" ."))
            if rythme:
                instance["rythme"] = rythme
            instances.append(instance)
        if instances:
            return Proposition(
                "gouvernance",
                instances,
                [number],
                "un tableau dont la première colonne nomme "
                "des instances, et chaque colonne un de leurs champs",
            ), None
    return None, None
