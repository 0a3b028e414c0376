"""A charter of values written in a document — each value, its meaning, and what someone
« s'engage à » — read into charte.yml's fields.

A section is a charter when its title says « valeurs » or « charte » and each of its
sub-headings is a value holding only paragraphs (its definition), then maybe a sentence
« Chaque agent s'engage à : » and the list of commitments. The role is the one the sentence
names (« Chaque agent », « Le manager »): nothing else is inferred, and a list of commitments
whose sentence names nobody keeps the section a rubrique.
"""

from __future__ import annotations

import re

from macros.document.sortes import identifiant

_CHARTE = re.compile(r"\b(valeurs?|charte)\b", re.IGNORECASE)
_ENGAGE = re.compile(r"^(.{2,60}?)\s+s['’]engagen?t?\s+(?:à|a)\b.*:\s*$", re.IGNORECASE)


def lire_charte(titre: str, blocks: list, plain) -> tuple[dict | None, str | None]:
    """(charte.yml's fields, None), or (None, why not) when the section looks like one but is not."""
    if not _CHARTE.search(titre):
        return None, None
    niveaux = [b["c"][0] for b in blocks if b["t"] == "Header"]
    if not niveaux or any(n != min(niveaux) for n in niveaux):
        return None, None
    pourquoi = "section qui ressemble à une charte de valeurs, laissée en rubrique : "
    charte: dict = {"titre": titre}
    introduction: list[str] = []
    valeurs: list[dict] = []
    roles: dict[str, dict] = {}
    ids: set[str] = set()
    courante: dict | None = None
    annonce: tuple[str, str] | None = None  # (role id, sentence) awaiting its list
    for block in blocks:
        t, c = block["t"], block.get("c")
        if t == "Header":
            if annonce:
                return None, pourquoi + f"« {annonce[1]} » n'est suivi d'aucune liste"
            nom = " ".join(plain([{"t": "Plain", "c": c[2]}]))
            courante = {"id": identifiant(nom, ids), "nom": nom}
            valeurs.append(courante)
        elif t in ("Para", "Plain"):
            texte = " ".join(plain([block]))
            if courante is None:
                introduction.append(texte)
                continue
            found = _ENGAGE.match(texte)
            if found and not annonce:
                nom_role = found.group(1).strip()
                role = identifiant(nom_role)
                roles.setdefault(role, {"id": role, "nom": nom_role})
                annonce = (role, texte)
            elif courante.get("engagements") or annonce:
                return None, pourquoi + f"la valeur « {courante['nom']} » a du texte après ses engagements"
            else:
                courante.setdefault("definition", []).append(texte)
        elif t in ("BulletList", "OrderedList") and courante is not None:
            if not annonce:
                return None, pourquoi + (
                    f"la liste de « {courante['nom']} » n'est pas annoncée par une phrase "
                    "qui dit qui s'engage (« Chaque agent s'engage à : »)"
                )
            items = [" ".join(plain(item)) for item in (c if t == "BulletList" else c[1])]
            if "engagement_intro" not in courante:
                courante["engagement_intro"] = annonce[1]
            courante.setdefault("engagements", []).append(
                {"role": annonce[0], "liste": [i for i in items if i]}
            )
            annonce = None
        else:
            return None, (pourquoi + "elle contient un tableau ou un encadré") if courante else None
    if annonce or len(valeurs) < 2:
        return None, (pourquoi + "sa dernière annonce d'engagements n'a pas de liste") if annonce else None
    if introduction:
        charte["introduction"] = introduction
    if roles:
        charte["roles"] = list(roles.values())
    charte["valeurs"] = valeurs
    return charte, None
