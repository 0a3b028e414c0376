"""Every link of the data leads somewhere: none is left as typed, none names a missing file.

A rubrique's body texts may link (macros/text/syntaxe.py): to a web address, an e-mail
address, or one of the organisation's files (`[formulaire](fichiers/declaration.pdf)`). A
link the syntax does not make — `[formulaire](declaration.pdf)`, a page name, a title's
link, a link in a bespoke kind's field, which no page renders — would be printed as typed,
brackets and all: it is refused here with its line, as is a link to a file that
`fichiers/` does not hold.
"""

from __future__ import annotations

from collections.abc import Mapping

from macros.data.errors import DataError, locate
from macros.data.files import PUBLISHED_FOLDER
from macros.text.syntaxe import FICHIERS, LIEN_BRUT, tokens

# Fields of a rubrique shown as plain text (no inline syntax): a link in them stays as typed.
CHAMPS_SANS_SYNTAXE = frozenset({"titre", "resume", "id", "type", "niveau", "telephone", "courriel",
                           "alternative", "fichier", "suivi"})

_FORMS = ("un lien s'écrit [texte](https://…), [texte](mailto:…), ou [texte](fichiers/nom.pdf) "
          f"pour un fichier rangé dans le dossier {PUBLISHED_FOLDER}/")


def _strings(raw: object, path: tuple = ()):
    """Every text of what was read, with its path in the file."""
    if isinstance(raw, str):
        yield path, raw
    elif isinstance(raw, dict):
        for key, value in raw.items():
            yield from _strings(value, (*path, key))
    elif isinstance(raw, list):
        for number, value in enumerate(raw):
            yield from _strings(value, (*path, number))


def _inline(path: tuple) -> bool:
    """Whether the text at `path` of a rubrique is rendered with the inline syntax."""
    return not any(isinstance(part, str) and part in CHAMPS_SANS_SYNTAXE for part in path)


def check_links(raw: object, source: str, fichiers: Mapping[str, object], dossier: str,
                rubrique: bool) -> list[DataError]:
    """The links of one file that lead nowhere. `rubrique`: its body texts carry the syntax.

    `dossier` names the files' folder as the editor finds it (`data/syndicat/fichiers`).
    """
    errors = []
    # A Markdown paragraph keeps its line breaks: the link's own line is found from its start.
    markdown = source.endswith(".md")

    def error(path: tuple, message: str, text: str = "", at: int = -1) -> None:
        line, column = locate(raw, path)
        if markdown and line is not None and at >= 0:
            line, column = line + text[:at].count("\n"), None
        errors.append(DataError(source, line, column, message))

    for path, text in _strings(raw):
        if "](" not in text:
            continue  # most texts: no link at all
        if not rubrique or not _inline(path):
            if found := LIEN_BRUT.search(text):
                where = "ce champ" if rubrique else "ce fichier"
                error(path, f"« {found.group()} » serait affiché tel quel : {where} n'accepte pas de "
                      "lien. Écrivez le texte sans crochets (un lien se met dans le texte d'une "
                      "rubrique).", text, found.start())
            continue
        items = tokens(text)
        for number, token in enumerate(items):
            if token.type == "text" and (found := LIEN_BRUT.search(token.content)):
                at = text.find(found.group())
                if found.group().startswith("!"):
                    error(path, f"« {found.group()} » : une image ne se met pas dans une phrase ; "
                          "faites-en un bloc « images » (en Markdown, l'image seule dans son "
                          "paragraphe), avec son texte de remplacement.", text, at)
                else:
                    error(path, f"« {found.group()} » ne mène nulle part et serait affiché tel quel : "
                          f"{_FORMS}.", text, at)
            elif token.type == "link_open":
                href = token.attrs["href"]
                before = items[number - 1].content if number else ""
                at = text.find("](" + href)
                if before.endswith("!"):
                    error(path, f"« ![…]({href}) » : une image ne se met pas dans une phrase ; faites-en "
                          "un bloc « images », avec son texte de remplacement.", text, at)
                elif href.startswith(FICHIERS) and href.removeprefix(FICHIERS) not in fichiers:
                    error(path, f"le lien vers « {href} » ne mène à aucun fichier : {dossier}/ ne "
                          f"contient pas « {href.removeprefix(FICHIERS)} ». Déposez-y le fichier, ou "
                          "corrigez son nom.", text, at)
    return errors


def check_file_name(name: str, raw: object, path: tuple, source: str, fichiers: Mapping[str, object],
                    dossier: str, what: str, images_only: bool = False) -> list[DataError]:
    """A field naming a file of `fichiers/` (a logo, an image, a download): it must be there."""
    line, column = locate(raw, path)
    found = fichiers.get(name)
    if found is None:
        return [DataError(source, line, column, f"{what} « {name} » doit être un fichier du dossier "
                          f"{dossier}/, qui n'en contient pas de ce nom : déposez-le, ou corrigez le nom.")]
    if images_only and not found.image:
        return [DataError(source, line, column, f"{what} « {name} » n'est pas une image : une image est "
                          "un fichier PNG, JPEG, WebP ou SVG.")]
    return []
