"""Render the kit as one Typst document, from the validated models.

Templates live in `typst/`: `kit.typ.j2` is the document (cover, contents,
chapters), `sections/<name>.typ.j2` each expose `{% macro render(model, prefix) %}`;
`kit.typ` (page layout and helpers) comes first. The Jinja environment turns every
`{{ value }}` into a Typst string literal set in French typography: a text from the
data is shown as written and can never become markup, code or a link. Templates
write Typst only in their own literal text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, Undefined
from markupsafe import Markup

from macros.data.fichiers import IMAGES_DU_KIT
from macros.data.loader import LoadedReferentiel
from macros.kit.chapters import Part, chapters
from macros.kit.typst_text import inline_typst, typst_string
from macros.models.referentiel import Organisation
from macros.site.render import escaping_environment, slug

TEMPLATES = Path(__file__).parent / "typst"
PREAMBLE = Path(__file__).parent / "kit.typ"


def typst_value(value: object) -> Markup:
    """What a `{{ value }}` of a kit template writes into the Typst source."""
    if isinstance(value, Markup):
        return value  # output of a template's own macro: Typst the templates wrote
    if isinstance(value, Undefined):
        return Markup("")  # `{{ "s" if plural }}`: nothing to write
    if value is None:
        return Markup('""')  # an absent optional text: still a string where Typst expects one
    if isinstance(value, bool):
        raise TypeError("un booléen n'a pas de texte à afficher dans le kit")
    if isinstance(value, int):
        return Markup(str(value))
    if isinstance(value, str):
        return Markup(typst_string(value))
    if isinstance(value, Iterable):
        # A list of texts becomes an array; the trailing comma keeps one item an array.
        return Markup("(" + "".join(typst_string(item) + ", " for item in value) + ")")
    raise TypeError(f"valeur inattendue dans un modèle du kit : {type(value).__name__}")


@cache
def environment() -> Environment:
    """The kit's Jinja environment (created once per process)."""
    # Compiled templates are kept in the user's temp folder, as the site's fragments are.
    env = escaping_environment(TEMPLATES, finalize=typst_value, bytecode_cache=FileSystemBytecodeCache())
    env.filters["label"] = lambda value: Markup(f"<{slug(value)}>")
    # Names of kit.typ's helpers, chosen by a template (never from data).
    env.filters["raw"] = Markup
    env.globals["part"] = render_part
    # The small inline syntax of block texts (emphasis, code, links), as Typst markup.
    env.globals["inline"] = inline_typst
    # Whether Typst can lay out an image of fichiers/ (it reads no WebP).
    env.tests["kit_image"] = lambda name: Path(name).suffix.lower() in IMAGES_DU_KIT
    # The plan chapter's follow-up (late actions) and fiches in one line.
    from macros.plan.fiche import champs_a_designer, fiche_en_ligne, manquants_du_plan
    from macros.plan.suivi import suivre
    from macros.plan.synthese import synthese

    env.globals.update(suivi_du_plan=suivre, synthese_du_plan=synthese, manquants_du_plan=manquants_du_plan,
                       fiche_en_ligne=fiche_en_ligne, champs_a_designer=champs_a_designer)
    return env


def render_part(part: Part, prefix: str, organisation: Organisation | None = None) -> Markup:
    """Render one part of a chapter; `prefix` keeps its labels unique in the document.

    A section whose text names the readers declares an `agents` argument: it gets the
    organisation's word for them (« professionnels »), « agents » by default."""
    render = environment().get_template(f"sections/{part.template}.typ.j2").module.render
    mots = {"agents": organisation.mot_agents} if organisation and "agents" in render.arguments else {}
    return Markup(str(render(part.model, prefix, **mots)))


def kit_source(ref: LoadedReferentiel) -> str:
    """The whole kit as Typst source, ready to compile (its root: the référentiel's folder)."""
    logo = ref.logo if ref.logo is not None and ref.logo.extension in IMAGES_DU_KIT else None
    body = environment().get_template("kit.typ.j2").render(ref=ref.referentiel, chapters=chapters(ref),
                                                           logo=logo)
    return PREAMBLE.read_text(encoding="utf-8") + "\n" + body + _images_read(ref)


def _images_read(ref: LoadedReferentiel) -> str:
    """A comment naming the content of every image Typst may read from fichiers/.

    The kit's cache is keyed on the source (macros/kit/cache.py): an image replaced under the
    same name changes the source, hence the kit.
    """
    lines = []
    for fichier in ref.fichiers.values():
        if fichier.extension in IMAGES_DU_KIT:
            digest = hashlib.sha256((ref.folder / fichier.adresse).read_bytes()).hexdigest()
            lines.append(f"// {fichier.adresse} {digest}\n")
    return "\n" + "".join(lines) if lines else ""
