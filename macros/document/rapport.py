"""The import report: where each section went, what to review, how much of the text is on the site.

Printed at the end of make importer-document and written beside the draft
(data/<slug>/IMPORT.md, which the loader leaves aside like CORRECTIONS.md): the person who
imported the document reads it, fixes the draft, then deletes it or keeps it.
"""

from __future__ import annotations

from macros.document.brouillon import Brouillon


def _cellule(texte: str) -> str:
    return texte.replace("|", "\\|").replace("\n", " ")


def rapport(
    brouillon: Brouillon,
    fichier: str,
    slug: str,
    phrases: int | None,
    absentes: list[str],
    duree: float | None,
) -> str:
    lignes = [
        f"# Import de « {fichier} »",
        "",
        f"Brouillon écrit dans `data/{slug}/` par `make importer-document` : il se construit tel quel "
        f"(`REFERENTIEL={slug} make serve`). Relisez-le avec ce rapport, corrigez, puis `make check`.",
        "",
    ]
    lignes += [f"- Titre du document : {brouillon.titre}", f"- Date du document : {brouillon.date}"]
    if duree is not None:
        lignes.append(f"- Du fichier au site construit : {duree:.1f} s")
    lignes += [
        "",
        "## Où est allée chaque partie",
        "",
        "| Partie du document | Dans le brouillon | Pourquoi |",
        "|---|---|---|",
    ]
    for partie in brouillon.parties:
        raisons = " ; ".join(partie.raisons) or "une rubrique par partie de premier niveau"
        lignes.append(
            f"| {_cellule(partie.titre)} | {', '.join(f'`{d}`' for d in partie.destinations)} "
            f"| {_cellule(raisons)} |"
        )
    lignes += ["", "## À relire", ""]
    if brouillon.revue.points:
        lignes += [f"- {position} : {message}" for position, message in brouillon.revue.points]
    else:
        lignes.append("Rien de particulier : relisez tout de même chaque page.")
    if brouillon.images_laissees:
        lignes += [
            "",
            "## Images non reprises",
            "",
            "Ces images du document ne sont pas dans le brouillon (leur légende, s'il y en a une, y est) :",
            "",
        ]
        lignes += [f"- {image}" for image in brouillon.images_laissees]
    gardees = [p for p in brouillon.fichiers if p.startswith("fichiers/")]
    if gardees:
        lignes += [
            "",
            "## Images",
            "",
            f"{len(gardees)} image(s) du document rangée(s) dans `fichiers/` et placée(s) "
            "dans leur page : relisez leur texte de remplacement (ce qu'elles montrent, pour qui ne les "
            "voit pas).",
            "",
        ]
        lignes += [f"- `{p}`" for p in gardees]
    lignes += ["", "## Fidélité", ""]
    if phrases is None:
        lignes.append("Le site n'a pas été construit : la part des phrases retrouvées n'est pas mesurée.")
    else:
        trouvees = phrases - len(absentes)
        part = 100 * trouvees / phrases if phrases else 100.0
        lignes.append(
            f"{trouvees} phrases du document sur {phrases} ({part:.0f} %) se retrouvent sur le site "
            "construit."
        )
        if absentes:
            lignes += ["", "Phrases absentes du site :", ""] + [f"- « {p} »" for p in absentes[:50]]
            if len(absentes) > 50:
                lignes.append(f"- … et {len(absentes) - 50} autres")
    lignes += [
        "",
        "## Et ensuite",
        "",
        f"1. Relisez chaque page : `REFERENTIEL={slug} make serve`.",
        f"2. Complétez `data/{slug}/referentiel.yml` (nom court, sigle, nature, date) et les points "
        "ci-dessus.",
        "3. `make check`, puis publiez (CONTRIBUTING.md).",
        "",
    ]
    return "\n".join(lignes)
