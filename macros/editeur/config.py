"""The editor's configuration for one built référentiel: which files, which forms, which forge.

The forms of each kind of file are generated from the models into `schemas/decap/` by `make
schema` (macros/cli/schema.py, with a drift test); this module puts together, for the site
being built, one form per data file the référentiel has (and per YAML rubrique), in the order
of the site's pages, and the backend the build's environment names (the `editeur` setting of
the socle plugin in mkdocs.yml, from the SOCLE_EDITEUR_* variables). Nothing names a forge unless it is set:
without one, the site has no /admin/.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel

from macros.data.files import PUBLISHED_FOLDER
from macros.data.loader import LoadedReferentiel
from macros.registry import KINDS, PAGES, RUBRIQUES, Kind

# The format admin/socle-yaml.js registers: YAML written back as Socle writes it (header
# comments, quoting, blank lines, comments kept; only what changed is rewritten).
FORMAT = "socle-yml"
DECAP_FIELDS = Path(__file__).resolve().parent.parent.parent / "schemas" / "decap"
FORGES = ("github", "gitlab")


def fields_file(kind: Kind, root: Path | None = None) -> Path:
    """Where `make schema` writes the fields of one kind of file."""
    name = RUBRIQUES.key if kind is RUBRIQUES else kind.filename.removesuffix(".yml")
    return (root / "schemas" / "decap" if root else DECAP_FIELDS) / f"{name}.yml"


@dataclass(frozen=True)
class Forge:
    """The backend the editor saves through, as the build's environment gives it."""

    forge: str = ""          # github, gitlab, or empty: no forge
    depot: str = ""          # owner/name (GitHub) or group/name (GitLab)
    branche: str = "main"
    url_base: str = ""       # OAuth server (GitHub) or the GitLab instance (https://gitlab.example)
    app_id: str = ""         # GitLab: the OAuth application's id (PKCE, no secret)
    api_root: str = ""       # GitLab on its own server: https://gitlab.example/api/v4
    local: str = ""          # `make editer`: the address of the local backend

    @classmethod
    def from_extra(cls, settings: dict | None) -> Forge:
        settings = settings or {}
        values = {key: str(settings.get(key) or "").strip() for key in cls.__dataclass_fields__}
        values["branche"] = values["branche"] or "main"
        return cls(**values)

    def problem(self) -> str | None:
        """Why these settings cannot work, in French (None when they can)."""
        if self.local or not self.forge:
            return None
        if self.forge not in FORGES:
            return f"SOCLE_EDITEUR_FORGE vaut « {self.forge} » : valeurs possibles github ou gitlab."
        if "/" not in self.depot:
            return "SOCLE_EDITEUR_DEPOT doit nommer le dépôt sous la forme propriétaire/nom."
        if self.forge == "gitlab" and not self.app_id:
            return "SOCLE_EDITEUR_APP_ID (l'application OAuth de GitLab) est nécessaire avec gitlab."
        return None

    @property
    def configured(self) -> bool:
        return bool(self.local or self.forge) and self.problem() is None

    def backend(self) -> dict:
        if self.local:
            # Decap's own proxy backend, which decap-server (or macros/editeur/local.py) answers.
            return {"name": "proxy", "proxy_url": self.local, "branch": self.branche}
        backend = {"name": self.forge, "repo": self.depot, "branch": self.branche,
                   "squash_merges": True,
                   "commit_messages": {
                       "create": "Éditeur : {{collection}} « {{slug}} » créé",
                       "update": "Éditeur : {{path}} modifié",
                       "delete": "Éditeur : {{path}} supprimé",
                       "uploadMedia": "Éditeur : média {{path}} ajouté",
                       "deleteMedia": "Éditeur : média {{path}} supprimé",
                       "openAuthoring": "{{message}}",
                   }}
        if self.forge == "gitlab":
            backend.update(auth_type="pkce", app_id=self.app_id)
            if self.url_base:
                backend["base_url"] = self.url_base
            if self.api_root:
                backend["api_root"] = self.api_root
        elif self.url_base:
            backend["base_url"] = self.url_base
        return backend


def repo_folder(referentiel: LoadedReferentiel, root: Path) -> tuple[Path, str]:
    """The repository the editor writes into, and the référentiel's folder within it.

    The project's own `data/<slug>/`; a référentiel kept elsewhere (SOCLE_DATA_DIR, the
    tests') is edited within the folder above its data folder, as if that were the project.
    """
    folder = referentiel.folder.resolve()
    try:
        return root, folder.relative_to(root).as_posix()
    except ValueError:
        return folder.parent.parent, folder.relative_to(folder.parent.parent).as_posix()


def _fields(kind: Kind, root: Path, model: BaseModel | None = None,
            referentiel: LoadedReferentiel | None = None) -> list[dict]:
    fields = yaml.safe_load(fields_file(kind, root).read_text(encoding="utf-8"))["fields"]
    if model is not None:
        _vocabularies(fields, model, referentiel)
    return fields


def _hide(field: dict, why: str) -> None:
    field["widget"] = "hidden"
    field["required"] = False
    field.pop("multiple", None)
    field["hint"] = f"{field.get('hint', '')} {why}".strip()


def _reference_options(field: dict, model: BaseModel, referentiel: LoadedReferentiel | None) -> None:
    """The options of a field marked `reference` (champs.py): the items of the list it names.

    Taken from this référentiel as it is built: an action's instances among its gouvernance's
    (Béthune: « Comité de direction », …), an objective's axe among its plan's axes, each shown
    by its name and written by its key. Without that list (no gouvernance.yml), the field is
    hidden: the editor keeps what the file says, and make check refuses a reference to nothing.
    """
    target = field.pop("reference")
    section = getattr(referentiel, target["section"], None) if referentiel is not None else None
    if section is None and type(model).__name__.lower() == target["section"]:
        section = model
    items = getattr(section, target["liste"], None) or ()
    if not items:
        _hide(field, f"Ce référentiel ne déclare pas de « {target['liste']} » ({target['section']}.yml) : "
                     "rien à choisir ici.")
        return
    options = []
    for item in items:
        key = str(getattr(item, target["cle"]))
        name = getattr(item, target["libelle"], None)
        # « Conférence des directeurs (conference-des-directeurs) »: the name a person reads,
        # the key the file holds; « CODIR », not « CODIR (codir) ».
        name = str(name or key)
        shown = name if name.casefold() == key.casefold() else f"{name} ({key})"
        options.append({"label": shown, "value": key})
    field["options"] = options


def _vocabularies(fields: list[dict], model: BaseModel, referentiel: LoadedReferentiel | None = None) -> None:
    """The options of each field marked `vocabulaire` (champs.py): the keys the file declares.

    The plan's `statuts` and `horizons` are its own (Béthune: non-renseigne, a-lancer, en-cours,
    fait), each shown by its `libelle`; a plan without horizons has no horizon to pick, and the
    field is hidden (the editor keeps what the file says; make check refuses a stray key).
    """
    for field in fields:
        name = field.pop("vocabulaire", None)
        if name is not None:
            items = getattr(model, name, None) or ()
            if items:
                field["options"] = [{"label": item.libelle, "value": item.cle} for item in items]
            else:
                _hide(field, f"Ce fichier ne déclare pas de « {name} » : rien à choisir ici.")
        if "reference" in field:
            _reference_options(field, model, referentiel)
        inner = [*field.get("fields", ()), *([field["field"]] if "field" in field else [])]
        for typed in field.get("types", ()):
            inner += typed["fields"]
        _vocabularies(inner, model, referentiel)


def _page_titles(referentiel: LoadedReferentiel) -> dict[str, str]:
    """The title of the page that shows each kind, for the form's label."""
    from macros.site.pages import present_pages

    titles: dict[str, str] = {}
    for page in present_pages(referentiel):
        for key in page.spec.kinds:
            titles.setdefault(key, page.title)
    return titles


def _ordered_kinds(referentiel: LoadedReferentiel) -> list[Kind]:
    order: dict[str, int] = {}
    for spec in PAGES:  # a kind shown by several pages goes with the first
        for key in spec.kinds:
            order.setdefault(key, spec.position)
    present = [kind for kind in KINDS if referentiel.has(kind.key)]
    return sorted(present, key=lambda kind: order.get(kind.key, 10_000))


def editor_config(referentiel: LoadedReferentiel, root: Path, forge: Forge, site_url: str = "") -> dict:
    """Decap's configuration for this référentiel's site."""
    _, folder = repo_folder(referentiel, root)
    titles = _page_titles(referentiel)
    files = [{"name": kind.key,
              "label": f"{titles.get(kind.key, kind.key)} ({kind.filename})",
              "file": f"{folder}/{kind.filename}",
              "fields": _fields(kind, root, getattr(referentiel, kind.key), referentiel)}
             for kind in _ordered_kinds(referentiel)]
    rubriques = [{"name": f"rubrique-{rubrique.id}",
                  "label": f"{rubrique.model.titre} ({rubrique.fichier})",
                  "file": f"{folder}/{rubrique.fichier}",
                  "fields": _fields(RUBRIQUES, root, rubrique.model, referentiel)}
                 for rubrique in referentiel.rubriques if rubrique.fichier.endswith(".yml")]
    collections = [{"name": "sections", "label": "Pages du site", "label_singular": "page",
                    "description": "Chaque formulaire modifie un fichier de "
                                   f"{folder}/ ; le lien « Modifier cette page » d'une page du site "
                                   "nomme le sien.",
                    "format": FORMAT, "extension": "yml", "editor": {"preview": False}, "files": files}]
    if rubriques:
        collections.append({"name": "rubriques", "label": "Pages de l'organisation (rubriques)",
                            "label_singular": "rubrique", "format": FORMAT, "extension": "yml",
                            "editor": {"preview": False}, "files": rubriques})
    config: dict = {"locale": "fr", "backend": forge.backend(),
                    # The organisation's files (macros/data/fichiers.py), which the site publishes at
                    # /fichiers/: a file chosen in the media library is written as a rubrique
                    # links it, `fichiers/<nom>` (macros/text/syntaxe.py).
                    "media_folder": f"{folder}/{PUBLISHED_FOLDER}", "public_folder": PUBLISHED_FOLDER,
                    "collections": collections}
    if site_url:
        config["site_url"] = config["display_url"] = site_url
    if forge.forge and not forge.local:
        # Each save opens a branch and a pull / merge request, reviewed and merged by a person.
        config["publish_mode"] = "editorial_workflow"
    return config


def dump(config: dict) -> str:
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000)
