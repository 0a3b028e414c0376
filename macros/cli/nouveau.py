"""`python -m macros.cli.nouveau SLUG [NOM]`: start a new organisation's référentiel.

Copies the commented model of `macros/cli/modele/` into `data/SLUG/`: identity, a source
folder, a corrections list and one rubrique showing every kind of block. It builds at once
(`REFERENTIEL=SLUG make serve`); the texts to replace are written between « ‹ › », and
`make check` lists those still there. Nothing is overwritten.
"""

from __future__ import annotations

import re
import shutil
import sys
import unicodedata
from pathlib import Path

from macros.data.project import project_root
from macros.models.base import MOTIF_IDENTIFIANT

MODELE = Path(__file__).parent / "modele"
_SLUG = re.compile(MOTIF_IDENTIFIANT)


_SMALL_WORDS = {"d", "de", "des", "du", "l", "la", "le", "les", "et", "en", "a", "à", "au", "aux"}


def _sigle(nom: str) -> str:
    """« Syndicat des eaux du Val » → « SEV »: initials of the significant words, at most four."""
    words = [word for word in re.split(r"[\s'’-]+", nom) if word and word.lower() not in _SMALL_WORDS]
    return ("".join(word[0] for word in words) or nom[:2]).upper()[:4]


# How a name begins, accents and case aside → the nature it says (first match wins: « Centre
# communal d'action sociale » before « Centre… »). A name that says none of these gets the
# neutral « organisme »: the site never calls a body what its name does not say it is.
_NATURES_DU_NOM: tuple[tuple[str, str], ...] = (
    ("syndicat", "syndicat"), ("sivu ", "syndicat"), ("sivom ", "syndicat"),
    ("centre hospitalier", "etablissement-de-sante"), ("chu ", "etablissement-de-sante"),
    ("chr ", "etablissement-de-sante"), ("groupe hospitalier", "etablissement-de-sante"),
    ("hopital", "etablissement-de-sante"), ("etablissement public de sante", "etablissement-de-sante"),
    ("communaute de communes", "communaute-de-communes"),
    ("communaute d'agglomeration", "communaute-d-agglomeration"),
    ("communaute urbaine", "communaute-urbaine"), ("metropole", "metropole"),
    ("ccas ", "ccas"), ("centre communal d'action sociale", "ccas"),
    ("cias ", "cias"), ("centre intercommunal d'action sociale", "cias"),
    ("centre de gestion", "centre-de-gestion"), ("cdg ", "centre-de-gestion"),
    ("ville ", "commune"), ("commune ", "commune"), ("mairie ", "commune"),
    ("departement", "departement"), ("conseil departemental", "departement"),
    ("region", "region"), ("conseil regional", "region"),
    ("etablissement public", "etablissement-public"),
)


def nature_du_nom(nom: str | None) -> str:
    """« Centre hospitalier de Lens » → etablissement-de-sante; « Ville de Béthune » → commune."""
    apostrophes = (nom or "").replace("’", "'")
    sans_accents = unicodedata.normalize("NFKD", apostrophes).encode("ascii", "ignore").decode()
    debut = " ".join(sans_accents.lower().split()) + " "
    return next((nature for prefixe, nature in _NATURES_DU_NOM if debut.startswith(prefixe)),
                "organisme")


def create(slug: str, nom: str | None, data: Path) -> Path:
    """Write the new référentiel; raises ValueError with a French message when it cannot."""
    if not _SLUG.match(slug):
        raise ValueError(f"« {slug} » ne peut pas servir de nom de dossier : minuscules sans accents, "
                         "chiffres et tirets (par exemple « syndicat-des-eaux »).")
    folder = data / slug
    if folder.exists():
        raise ValueError(f"{folder.relative_to(data.parent)} existe déjà : choisissez un autre nom.")
    shutil.copytree(MODELE, folder)
    identity = folder / "referentiel.yml"
    text = identity.read_text(encoding="utf-8").replace("‹NATURE›", nature_du_nom(nom))
    if nom:
        quoted = '"' + nom.replace("\\", "\\\\").replace('"', '\\"') + '"'
        text = text.replace("‹NOM›", quoted).replace("‹SIGLE›", _sigle(nom))
    identity.write_text(text, encoding="utf-8")
    return folder


def main(argv: list[str]) -> int:
    if not argv:
        print("Usage : make nouveau SLUG=<nom-du-dossier> [NOM=\"Nom de l'organisation\"]", file=sys.stderr)
        return 2
    slug, nom = argv[0], " ".join(argv[1:]).strip() or None
    root = project_root()
    try:
        folder = create(slug, nom, root / "data")
    except ValueError as error:
        print(f"✗ {error}", file=sys.stderr)
        return 1
    shown = folder.relative_to(root).as_posix()
    print(f"✓ {shown}/ créé. Aperçu : REFERENTIEL={slug} make serve ; "
          f"remplacez les textes « ‹…› » (make check les liste).")
    # The nature changes the site's words (« l'établissement »): say which one the name gave.
    print(f"  nature : {nature_du_nom(nom)}, tirée du nom (vérifiez-la dans {shown}/referentiel.yml).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
