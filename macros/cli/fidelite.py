"""Is every sentence of the source document on the site and in the kit? (`make check`)

What the site says is every page's Markdown and fragments as the build renders them, and
what the kit says its Typst source, both made without MkDocs and without compiling the PDF:
for Béthune it doubles `make check` (0.25 → 0.5 s), a fraction of a build (1 to 2 s with the
kit already laid out, measured on the same machine). The comparison, and the
organisation's own list of corrections and omissions (CORRECTIONS.md), are in
macros/data/fidelite.py.
"""

from __future__ import annotations

import html
import re

from macros.data.fidelite import CORRECTIONS, absentes, corrections, phrases, source_file
from macros.data.files import SOURCE_FOLDER, display_path
from macros.data.loader import LoadedReferentiel
from macros.kit.document import kit_source
from macros.site.macros_auteur import MACROS_AUTEUR
from macros.site.page_macros import LienKit, build_macros
from macros.site.pages import MACROS_DE_SOUS_PAGE, page_markdown, present_pages, sous_pages

_BALISE = re.compile(r"<[^>]+>")
# A Typst call in the kit's text (`#h(0.3em)`, `#case`, `#text(fill: discret)[…]`): its name,
# and arguments that hold no text (no string, no content), are not words of the kit.
_APPEL_TYPST = re.compile(r"#[a-z][\w.-]*(?:\([^()\"\[\]]*\))?")


def site_text(ref: LoadedReferentiel) -> str:
    """The text of every page of the site, tags left out."""
    pages = present_pages(ref)
    macros = build_macros(ref, pages, LienKit("kit.pdf", lambda: ""))
    parts = [page_markdown(page) for page in pages]
    parts += [macros["titre"](page.path) for page in pages]
    parts += [macros["rubrique"](rubrique.id) for rubrique in ref.rubriques]
    parts += [macros[name](sous.identifiant) for sous in sous_pages(ref, pages)
              for name in MACROS_DE_SOUS_PAGE]
    # The pages' own macros: those of docs/ pages show again what these show (MACROS_AUTEUR).
    parts += [macro() for name, macro in macros.items()
              if name not in ("titre", "rubrique", *MACROS_DE_SOUS_PAGE, *MACROS_AUTEUR)]
    return html.unescape(_BALISE.sub(" ", "\n".join(parts)))


def kit_text(ref: LoadedReferentiel) -> str:
    """The kit's Typst source, its calls left out."""
    return _APPEL_TYPST.sub(" ", kit_source(ref))


def missing_sentences(ref: LoadedReferentiel, root) -> list[str]:
    """`source:line: message` for each sentence of the source missing from the site or the kit."""
    path = source_file(ref.folder, ref.referentiel.document.fichier)
    if path is None:
        return []
    sentences = phrases(path)
    if not sentences:
        return []
    corrige = corrections(ref.folder)
    on_site = set(absentes(sentences, site_text(ref), corrige))
    in_kit = set(absentes(sentences, kit_text(ref), corrige))
    source = display_path(path, root)
    found = []
    for sentence in sentences:
        if sentence not in on_site and sentence not in in_kit:
            continue
        where = ("ni sur le site ni dans le kit" if sentence in on_site and sentence in in_kit
                 else "pas sur le site" if sentence in on_site else "pas dans le kit")
        shown = sentence.texte if len(sentence.texte) <= 150 else sentence.texte[:148] + "…"
        found.append(f"{source}:{sentence.ligne}: « {shown} » n'est {where}.")
    return found


def fidelity_advice(ref: LoadedReferentiel, root) -> str:
    """What to do about the missing sentences, said once after them."""
    corrections_file = display_path(ref.folder / CORRECTIONS, root)
    return (f"Chaque phrase du document source ({SOURCE_FOLDER}/{ref.referentiel.document.fichier}) "
            "doit se retrouver sur le site et dans le kit : reprenez-la dans les données, ou, si elle "
            f"est laissée de côté exprès, dites-le dans {corrections_file} par une ligne "
            "« - « début de la phrase » : la raison » (CONTRIBUTING.md, « Publier le référentiel "
            "d'une nouvelle organisation »).")
