"""The French nouns of the data's lists, for sentences about them (« 2 actions ajoutées »).

Used by « Quoi de neuf » (macros/history/changes.py), the follow-up notices
(macros/data/freshness.py) and the editor's labels (« Ajouter engagement »), with the words
that spell a field's key (`cle_lisible`).
"""

from __future__ import annotations

# List keys of the data → the French noun of one item, and whether it is feminine.
NOUNS: dict[str, tuple[str, bool]] = {
    "actions": ("action", True), "objectifs": ("objectif", False), "axes": ("axe", False),
    "instances": ("instance", True), "categories": ("famille d'instances", True),
    "acteurs": ("acteur", False), "missions": ("mission", True), "fonctions": ("fonction", True),
    "valeurs": ("valeur", True), "engagements": ("engagement", False), "liste": ("engagement", False),
    "roles": ("rôle", False), "circuits": ("circuit", False), "etapes": ("étape", True),
    "parties": ("partie", True), "droits": ("droit", False), "obligations": ("obligation", True),
    "definitions": ("définition", True), "precisions": ("précision", True),
    "bonnes_pratiques": ("bonne pratique", True), "leviers": ("levier", False),
    "niveaux": ("niveau", False), "ambitions": ("ambition", True), "cadres": ("cadre", False),
    "champs": ("champ", False), "reunions": ("réunion", True), "notes": ("note", True),
    "enjeux": ("enjeu", False), "points": ("point", False), "principes": ("principe", False),
    "legitimites": ("légitimité", True), "questions": ("question", True),
    "mentions": ("mention", True), "pouvoirs": ("pouvoir", False), "entites": ("entité", True),
    "nous_sommes": ("affirmation « Nous sommes »", True), "piliers": ("pilier", False),
    # The blocks of rubriques (macros/models/blocs.py).
    "blocs": ("bloc", False), "items": ("élément", False), "lignes": ("ligne de tableau", True),
    "colonnes": ("colonne", True), "reponse": ("paragraphe de réponse", False),
}
# Everything else that is a list of texts is a list of paragraphs.
PARAGRAPH = ("paragraphe", False)

# Keys are written without accents; labels are read by people. Words, not fields: a field
# without a name of its own (`models.base.nomme`) is called by its key in these words, in the
# form editor (macros/editeur/champs.py) and in « Quoi de neuf » (macros/history/changes.py).
_ACCENTS = {
    "numero": "numéro", "resume": "résumé", "echeance": "échéance", "etape": "étape",
    "etapes": "étapes", "precisions": "précisions", "precision": "précision",
    "definition": "définition", "definitions": "définitions", "frequence": "fréquence",
    "reponse": "réponse", "legende": "légende", "categorie": "catégorie", "role": "rôle",
    "roles": "rôles", "identite": "identité", "deliberation": "délibération",
    "declaration": "déclaration", "conformite": "conformité", "conformites": "conformités",
    "realise": "réalisé", "elus": "élus", "elu": "élu", "delegation": "délégation",
    "delegations": "délégations", "entete": "en-tête", "annee": "année", "periode": "période",
    "telephone": "téléphone", "presentation": "présentation", "priorite": "priorité",
    "priorites": "priorités", "reference": "référence", "references": "références",
    "encadre": "encadré", "evaluation": "évaluation", "criteres": "critères", "critere": "critère",
    "equipe": "équipe", "equipes": "équipes", "democratie": "démocratie", "creation": "création",
    "verifier": "vérifier", "pieces": "pièces", "moderation": "modération", "etat": "état",
    "cle": "clé", "libelle": "libellé", "debut": "début", "unite": "unité", "id": "identifiant",
    "seance": "séance", "considerants": "considérants", "preconisation": "préconisation",
    "derogations": "dérogations", "strategiques": "stratégiques", "demarche": "démarche",
    "developpe": "développé", "resultat": "résultat", "secretaire": "secrétaire", "defi": "défi",
    "numerotee": "numérotée", "etre": "être", "eco": "éco", "legitimite": "légitimité",
    "categories": "catégories",
}


def cle_lisible(cle: str) -> str:
    """« fiche_projet » → « fiche projet », « date_seance » → « date séance »."""
    return " ".join(_ACCENTS.get(word, word) for word in cle.split("_"))


# Endings of French nouns that are feminine (« orientation », « priorité », « ambition »): for
# a word the data gives, whose gender no table says.
_FEMININE_ENDINGS = ("tion", "sion", "té", "ure", "ance", "ence", "ée", "ie", "ude", "ade")


def nouns_of(data: object) -> dict[str, tuple[str, bool]]:
    """NOUNS, with the words a file gives for its own lists: a plan's `nom_axe` (« Orientation »)
    names its axes."""
    nom_axe = data.get("nom_axe") if isinstance(data, dict) else None
    if not isinstance(nom_axe, str) or not nom_axe.strip():
        return NOUNS
    word = " ".join(nom_axe.split()).lower()
    return {**NOUNS, "axes": (word, word.split()[0].endswith(_FEMININE_ENDINGS))}
