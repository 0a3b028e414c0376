"""Two versions of a data file, compared as data and told as plain-French sentences.

« Action ajoutée : … », « Fréquence modifiée : « mensuelle » → « bimensuelle » » rather
than a diff: lists are matched item by item (difflib on each item's identity), fields by
name, and the French names of lists and fields come from the file's model where it names
them (macros/history/champs.py: a field's `title`, a date read as the site writes it), else
from the tables below. Used by
« Quoi de neuf » (macros/history/news.py); the nouns also name items in ownership notices
(macros/data/freshness.py).
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from contextvars import ContextVar

from pydantic import BaseModel

from macros.data.liens import CHAMPS_SANS_SYNTAXE
from macros.history.champs import ACCORDS, Champ, champ, en_date, modele_de
from macros.text.francais import pluriel
from macros.text.syntaxe import texte_seul
from macros.text.vocabulaire import NOUNS, PARAGRAPH, cle_lisible, nouns_of

# The nouns of the file being compared: NOUNS, with its own words (a plan's « orientation »).
_NOUNS: ContextVar[dict[str, tuple[str, bool]]] = ContextVar("nouns", default=NOUNS)
# Whether the file's texts have the inline syntax of rubriques (macros/text/syntaxe.py): a
# sentence then quotes what the page shows (a link's words), not the Markdown typed.
_EN_LIGNE: ContextVar[bool] = ContextVar("en_ligne", default=False)

# How many changes to list for one file in one commit, and how long a quoted text may be.
MAX_CHANGES = 12
_LABEL_LENGTH = 90
_CONTEXT_LENGTH = 50

# Keys many models share → the French name of the field, and whether it is feminine. A field
# of one model is named in the model instead (`models.base.nomme`), where the editor reads it too.
FIELDS: dict[str, tuple[str, bool]] = {
    "frequence": ("fréquence", True), "rythme": ("rythme", False), "statut": ("statut", False),
    "horizon": ("horizon", False), "texte": ("texte", False), "titre": ("titre", False),
    "nom": ("nom", False), "sigle": ("sigle", False), "composition": ("composition", True),
    "president": ("présidence", True), "presidence": ("présidence", True),
    "rapporteurs": ("liste des rapporteurs", True), "note": ("note", True),
    "categorie": ("famille", True), "nature": ("nature", True), "definition": ("définition", True),
    "description": ("description", True), "devise": ("devise", True), "date": ("date", True),
    "responsable": ("responsable du suivi", False), "revoir_le": ("date de relecture", True),
    "suivi": ("suivi", False), "axe": ("axe de rattachement", False), "numero": ("numéro", False),
    "introduction": ("introduction", True), "intro": ("introduction", True),
    "precision": ("précision", True), "libelle": ("libellé", False), "contact": ("contact", False),
    "question": ("question", True), "terme": ("terme", False), "role": ("rôle", False),
    "service": ("service", False), "telephone": ("téléphone", False), "courriel": ("courriel", False),
    "horaires": ("horaires", False), "legende": ("légende", True), "resume": ("résumé", False),
    "position": ("position dans le menu", True), "etape": ("étape du parcours", True),
    "niveau": ("niveau", False), "adresse": ("adresse", True),
    "echeance": ("échéance", True), "debut": ("début", False), "pilote": ("pilote", False),
    "avancement": ("avancement", False), "nom_axe": ("nom des niveaux du plan", False),
    "id": ("identifiant", False),
}


def _agree(word: str, accord: bool | str) -> str:
    """« ajouté » agreed with its noun: feminine (True or « f »), or a plural (« mp », « fp »)."""
    return word + ACCORDS[accord if isinstance(accord, str) else "f" if accord else "m"]


def _cap(text: str) -> str:
    """The first letter in capitals, the rest as written (« Titre du kit », « Sigle RGAA »)."""
    return text[:1].upper() + text[1:]


def _lu(value: object, key: str) -> str:
    """The text as the page shows it: a rubrique's text without its link addresses and stars."""
    text = str(value)
    return texte_seul(text) if _EN_LIGNE.get() and key not in CHAMPS_SANS_SYNTAXE else text


def _short(value: object) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= _LABEL_LENGTH else text[: _LABEL_LENGTH - 1].rstrip() + "…"


def _differing_parts(old: str, new: str) -> tuple[str, str]:
    """Both texts, shortened so that what changed stays visible (long texts differ late)."""
    old, new = " ".join(old.split()), " ".join(new.split())
    if len(old) <= _LABEL_LENGTH and len(new) <= _LABEL_LENGTH:
        return old, new
    common = 0
    while common < min(len(old), len(new)) and old[common] == new[common]:
        common += 1
    start = max(0, common - 30)
    start = old.rfind(" ", 0, start) + 1 if start else 0
    prefix = "…" if start else ""
    return prefix + _short(old[start:]), prefix + _short(new[start:])


def _item_label(item: object, list_key: str) -> str:
    """What a reader recognises an item by: its name, title, text or number."""
    if isinstance(item, dict):
        for key in ("nom", "titre", "texte", "terme", "libelle", "numero", "id"):
            if isinstance(item.get(key), str):
                return f"« {_short(_lu(item[key], key))} »"
        return ""
    if isinstance(item, str):
        return f"« {_short(_lu(item, list_key))} »"
    if isinstance(item, list) and all(isinstance(cell, str) for cell in item):  # a table's row
        return f"« {_short(' | '.join(_lu(cell, list_key) for cell in item))} »"
    return ""


def _context_label(list_key: str, item: object, position: int, parent: str) -> str:
    """« objectif 1.1 », « instance « CODIR » », « action n°2, objectif 1.1 »: where a change is."""
    noun, _ = _NOUNS.get().get(list_key, ("élément", False))
    label = f"n°{position + 1}"
    if isinstance(item, dict):
        for key in ("numero", "nom", "titre", "sigle", "terme", "id"):
            value = item.get(key)
            if isinstance(value, str) and len(value) <= _CONTEXT_LENGTH:
                label = value if key == "numero" else f"« {value} »"
                break
    here = f"{noun} {label}"
    return f"{here}, {parent}" if parent else here


def _identity(item: object) -> str:
    """The key that matches an item across versions: its id or number, else its content."""
    if isinstance(item, dict):
        for key in ("id", "numero"):
            if isinstance(item.get(key), str):
                return f"{key}={item[key]}"
    return json.dumps(item, sort_keys=True, ensure_ascii=False)


def _with_context(sentence: str, context: str) -> str:
    return f"{sentence} ({context})" if context else sentence


def _list_noun(key: str, items: list) -> tuple[str, bool]:
    if key in _NOUNS.get():
        return _NOUNS.get()[key]
    if all(isinstance(item, str) for item in items):
        return PARAGRAPH
    return ("élément", False)


def _compare_lists(old: list, new: list, key: str, context: str, ici: Champ) -> Iterator[str]:
    noun, feminine = _list_noun(key, old + new)
    where = context or (f"dans « {key} »" if key not in _NOUNS.get() else "")

    def added(item: object) -> str:
        return _with_context(f"{noun.capitalize()} {_agree('ajouté', feminine)} : {_item_label(item, key)}"
                             .rstrip(" :"), where)

    def removed(item: object) -> str:
        return _with_context(f"{noun.capitalize()} {_agree('supprimé', feminine)} : {_item_label(item, key)}"
                             .rstrip(" :"), where)

    matcher = difflib.SequenceMatcher(None, [_identity(i) for i in old], [_identity(i) for i in new],
                                      autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for offset, (before, after) in enumerate(zip(old[i1:i2], new[j1:j2], strict=True)):
                yield from _compare(before, after, key, _context_label(key, after, j1 + offset, context),
                                    ici)
        elif tag == "replace":
            pairs = min(i2 - i1, j2 - j1)
            for offset, (before, after) in enumerate(zip(old[i1:i1 + pairs], new[j1:j1 + pairs],
                                                         strict=True)):
                if isinstance(before, dict) and isinstance(after, dict):
                    yield from _compare(before, after, key,
                                        _context_label(key, after, j1 + offset, context), ici)
                else:
                    yield _with_context(
                        f"{noun.capitalize()} {_agree('modifié', feminine)} : "
                        f"{_item_label(before, key)} → {_item_label(after, key)}", where)
            yield from (removed(item) for item in old[i1 + pairs:i2])
            yield from (added(item) for item in new[j1 + pairs:j2])
        elif tag == "delete":
            yield from (removed(item) for item in old[i1:i2])
        elif tag == "insert":
            yield from (added(item) for item in new[j1:j2])


def _field(key: str, ici: Champ) -> tuple[str, str]:
    """The field's French name and agreement: the model's, else the shared table's, else its
    key in French words (« date séance »)."""
    if ici.nom:
        return ici.nom, ici.accord
    if key in FIELDS:
        name, feminine = FIELDS[key]
        return name, "f" if feminine else "m"
    if key in _NOUNS.get():  # a list, named by its items (« Jalons ajoutés »)
        noun, feminine = _NOUNS.get()[key]
        return pluriel(noun), "fp" if feminine else "mp"
    # « date_seance » agrees with « date », its first word.
    _, feminine = FIELDS.get(key.split("_")[0], ("", False))
    return cle_lisible(key), "f" if feminine else "m"


def _value(value: object, key: str, ici: Champ) -> str:
    """A value as quoted: a date as the site writes it (« juin 2027 »), a text as the page
    shows it, shortened."""
    return (en_date(value) if ici.date else None) or _short(_lu(value, key))


def _compare(old: object, new: object, key: str, context: str, ici: Champ) -> Iterator[str]:
    """Plain-French sentences for every difference between two versions of one value; `ici`
    is what the model says of the field that holds it."""
    if old == new:
        return
    if isinstance(old, dict) and isinstance(new, dict):
        modele = modele_de(ici.modeles, new)
        for name in [*old, *(k for k in new if k not in old)]:
            inner = champ(modele, name)
            field, accord = _field(name, inner)
            if name not in new:
                yield _with_context(f"{_cap(field)} {_agree('supprimé', accord)}", context)
            elif name not in old:
                value = f" : « {_value(new[name], name, inner)} »" if isinstance(new[name], str) else ""
                yield _with_context(f"{_cap(field)} {_agree('ajouté', accord)}{value}", context)
            else:
                yield from _compare(old[name], new[name], name, context, inner)
    elif isinstance(old, list) and isinstance(new, list):
        yield from _compare_lists(old, new, key, context, ici)
    else:
        field, accord = _field(key, ici)
        if ici.date and en_date(old) and en_date(new):
            before, after = en_date(old), en_date(new)
        else:
            shown_old, shown_new = _lu(old, key), _lu(new, key)
            if shown_old == shown_new:  # only a link's address changed: the words are the same
                yield _with_context(f"{_cap(field)} {_agree('modifié', accord)} : l'adresse d'un lien de "
                                    f"« {_short(shown_new)} »", context)
                return
            before, after = _differing_parts(shown_old, shown_new)
        yield _with_context(f"{_cap(field)} {_agree('modifié', accord)} : "
                            f"« {before} » → « {after} »", context)


def describe_changes(old: object, new: object, modele: type[BaseModel] | None = None,
                     en_ligne: bool = False) -> list[str]:
    """Every difference between two versions of a data file, as French sentences; `modele`,
    the file's, names its fields and says which are dates; `en_ligne`: the file is a rubrique,
    whose texts are quoted as its page shows them."""
    token = _NOUNS.set(nouns_of(new))
    lignes = _EN_LIGNE.set(en_ligne)
    try:
        changes = list(_compare(old, new, "", "", Champ(None, "m", False, (modele,) if modele else ())))
    finally:
        _NOUNS.reset(token)
        _EN_LIGNE.reset(lignes)
    if len(changes) > MAX_CHANGES:
        rest = len(changes) - MAX_CHANGES + 1
        changes = [*changes[: MAX_CHANGES - 1], f"… et {rest} autres changements"]
    return changes
