"""A plan d'actions written in a document — axes, and under each its actions with « Pilote : »,
« Échéance : » — read into plan.yml's fields.

A section is a plan when its title says so (« Plan d'actions », « Feuille de route ») and it is
made of axes (its sub-headings, « Axe 1 : … »), each holding actions: the headings under the
axe, or the items of its lists. The lines of an action that name a field fill it (« Pilote : »,
« Contributeurs : », « Partenaires : », « Statut : » when it says one of the plan's statuses,
« Échéance : » when it is a day); any other line stays the action's text, in its precisions,
so that nothing is lost: an « Échéance : juin 2026 » that is not a day is kept as written and
said for review. A section with anything else (a table, a paragraph between two axes) stays a
rubrique, and the report says why.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from macros.models.dates import DateDocument
from macros.text.francais import date_fr

_PLAN = re.compile(
    r"\b(plan d.actions?|plan d.am[ée]lioration|feuille de route|programme d.actions?|plan)\b", re.IGNORECASE
)
_AXE = re.compile(
    r"^(?:axe|orientation|priorit[ée]|volet)\s*(?:n°\s*)?(\d+)?\s*[:.–—-]?\s*(.*)$", re.IGNORECASE
)
_ACTION = re.compile(r"^(?:action|fiche)\s*(?:n°\s*)?[\d.]*\s*[:.–—-]\s*(.+)$", re.IGNORECASE)
_CHAMP = re.compile(
    r"^\s*(pilote|responsable|contributeurs?|partenaires?|statut|[ée]ch[ée]ance|calendrier)"
    r"\s*:\s*(.+)$",
    re.IGNORECASE,
)
_MOIS = [
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
]
_STATUTS = {
    "a venir": "a-venir",
    "en cours": "en-cours",
    "en pause": "en-pause",
    "realise": "realise",
    "realisee": "realise",
    "abandonne": "abandonne",
    "abandonnee": "abandonne",
}


def _ascii(texte: str) -> str:
    return unicodedata.normalize("NFKD", texte).encode("ascii", "ignore").decode().lower().strip(" .")


def lire_date(texte: str) -> DateDocument | None:
    """« 31/12/2026 », « 06/2026 », « 2027 », « 31 décembre 2026 », « juin 2026 » as the plan's
    dates are written (a day, a month or a year); None for « fin 2026 », « T3 2026 »…"""
    simple = texte.strip().rstrip(".")
    try:
        return DateDocument.lire(simple, francais=True)
    except ValueError:
        pass
    found = re.fullmatch(r"(?:(\d{1,2}|1er)\s+)?([a-zéû]+)\s+(\d{4})", _ascii(simple))
    if not found or found.group(2) not in _MOIS:
        return None
    iso = f"{found.group(3)}-{_MOIS.index(found.group(2)) + 1:02d}"
    if found.group(1):
        iso += f"-{1 if found.group(1) == '1er' else int(found.group(1)):02d}"
    try:
        return DateDocument.lire(iso)
    except ValueError:
        return None


@dataclass
class Lecture:
    """The plan read, and what to review (position in the section, message)."""

    plan: dict
    revue: list[tuple[str, str]] = field(default_factory=list)
    # A line of the document → how the site writes it (« Action 1.1 : Créer… » → « Créer… »,
    # « Échéance : 30/06/2026 » → « 30 juin 2026 »), for the fidelity count.
    equivalents: dict[str, str] = field(default_factory=dict)


def _action(texte: str, lignes: list[str], axe: int, rang: int, revue: list, equivalents: dict) -> dict:
    action: dict = {"id": f"action-{axe}-{rang}", "texte": texte}
    precisions: list[str] = []
    for ligne in lignes:
        found = _CHAMP.match(ligne)
        if not found:
            precisions.append(ligne)
            continue
        champ, valeur = _ascii(found.group(1)), found.group(2).strip()
        if champ in ("pilote", "responsable") and "pilote" not in action:
            action["pilote"] = valeur
        elif champ.startswith("contributeur") and "contributeurs" not in action:
            action["contributeurs"] = [v.strip() for v in re.split(r"[;,]", valeur) if v.strip()]
        elif champ.startswith("partenaire") and "partenaires" not in action:
            action["partenaires"] = [v.strip() for v in re.split(r"[;,]", valeur) if v.strip()]
        elif champ == "statut" and _ascii(valeur) in _STATUTS and "statut" not in action:
            action["statut"] = _STATUTS[_ascii(valeur)]
        elif champ == "echeance" and lire_date(valeur) and "echeance" not in action:
            lue = lire_date(valeur)
            action["echeance"] = lue.isoformat()
            equivalents[ligne] = date_fr(lue)
        else:
            if champ in ("echeance", "calendrier"):
                revue.append(
                    (
                        f"action « {texte[:50]} »",
                        f"« {ligne} » ressemble à une date mais n'a pas été lue comme une (un jour "
                        "30/06/2026, un mois 06/2026 ou juin 2026, une année 2026) : gardée telle quelle "
                        "dans les précisions de l'action",
                    )
                )
            precisions.append(ligne)
    if precisions:
        action["precisions"] = precisions
    return action


def lire_plan(titre: str, blocks: list, plain) -> tuple[Lecture | None, str | None]:
    """The section as plan.yml's fields, or (None, why not) when it looks like a plan but is not one."""
    if not _PLAN.search(titre):
        return None, None
    niveaux = [b["c"][0] for b in blocks if b["t"] == "Header"]
    if not niveaux:
        return None, None
    niveau_axe = min(niveaux)
    axes: list[dict] = []
    introduction: list[str] = []
    revue: list[tuple[str, str]] = []
    equivalents: dict[str, str] = {}
    courant: dict | None = None
    action: tuple[str, list[str]] | None = None
    pourquoi = "section qui ressemble à un plan d'actions, laissée en rubrique : "

    def fermer_action() -> None:
        nonlocal action
        if action and courant is not None:
            courant["actions"].append(
                _action(
                    action[0],
                    action[1],
                    courant["numero_int"],
                    len(courant["actions"]) + 1,
                    revue,
                    equivalents,
                )
            )
        action = None

    for block in blocks:
        t, c = block["t"], block.get("c")
        if t == "Header" and c[0] == niveau_axe:
            fermer_action()
            texte = " ".join(plain([{"t": "Plain", "c": c[2]}]))
            found = _AXE.match(texte)
            numero = int(found.group(1)) if found and found.group(1) else len(axes) + 1
            courant = {
                "numero_int": numero,
                "titre": (found.group(2) if found and found.group(2) else texte),
                "actions": [],
            }
            axes.append(courant)
        elif courant is None:
            if t in ("Para", "Plain"):
                introduction += plain([block])
            else:
                return None, pourquoi + "avant son premier axe, il n'y a pas que des paragraphes"
        elif t == "Header":
            fermer_action()
            texte = " ".join(plain([{"t": "Plain", "c": c[2]}]))
            found = _ACTION.match(texte)
            action = (found.group(1) if found else texte, [])
            if found:
                equivalents[texte] = found.group(1)
        elif t in ("Para", "Plain") and action is not None:
            action[1].extend(plain([block]))
        elif t in ("BulletList", "OrderedList") and action is None:
            for item in c if t == "BulletList" else c[1]:
                lignes = plain(item)
                if not lignes:
                    continue
                premier = _ACTION.match(lignes[0])
                if premier:
                    equivalents[lignes[0]] = premier.group(1)
                courant["actions"].append(
                    _action(
                        premier.group(1) if premier else lignes[0],
                        lignes[1:],
                        courant["numero_int"],
                        len(courant["actions"]) + 1,
                        revue,
                        equivalents,
                    )
                )
        elif t in ("BulletList", "OrderedList"):
            action[1].extend(plain([block]))
        else:
            return (
                None,
                pourquoi + "un axe y contient autre chose que des actions (un paragraphe, un tableau)",
            )
    fermer_action()
    if len(axes) < 1 or not all(axe["actions"] for axe in axes):
        return None, pourquoi + "un de ses axes n'a pas d'action" if axes else None
    numeros = [axe["numero_int"] for axe in axes]
    if len(set(numeros)) != len(numeros):
        numeros = list(range(1, len(axes) + 1))
    plan: dict = {"titre": titre}
    if introduction:
        plan["introduction"] = introduction
    plan["axes"] = []
    for numero, axe in zip(numeros, axes, strict=True):
        actions = [{**a, "id": f"action-{numero}-{rang}"} for rang, a in enumerate(axe["actions"], start=1)]
        plan["axes"].append({"numero": str(numero), "titre": axe["titre"], "actions": actions})
    return Lecture(plan, revue, equivalents), None
