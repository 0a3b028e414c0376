"""The macros a developer's page of docs/ may call with an argument (CONTRIBUTING.md § pages).

The pages Socle makes call one macro per piece of their body (macros/site/page_macros.py);
a page written by hand in docs/ may call those and these, which show one piece of the data
where the page wants it: `{{ instances() }}`, `{{ action("moderniser-standard") }}`,
`{{ contacts("rh") }}`, `{{ sigle("CST") }}`. Their output is the fragments' escaped HTML and
Markdown: what comes from data/ is never read as Jinja. An argument that names nothing in this
référentiel is an `ErreurDeMacro`, said in French with what it could have named.
"""

from __future__ import annotations

from collections.abc import Callable

from macros.data.loader import LoadedReferentiel
from macros.models.glossaire import entrees
from macros.site.inline import EnLigne
from macros.site.render import fragment, heading_attributes, markdown_text

# Their names: pages of the data never call them (they show again what those pages show).
MACROS_AUTEUR = ("instances", "action", "contacts", "sigle")


class ErreurDeMacro(ValueError):
    """A page called a macro with an argument this référentiel does not have."""


def _inconnu(macro: str, quoi: str, valeur: str, connus: list[str], fichier: str) -> ErreurDeMacro:
    proposes = ", ".join(f"« {c} »" for c in connus[:12]) + (" …" if len(connus) > 12 else "")
    return ErreurDeMacro(f"{macro}() : {quoi} « {valeur} » n'existe pas dans {fichier}"
                         + (f" (connus : {proposes})." if connus else " (aucun n'y est déclaré)."))


def macros_auteur(ref: LoadedReferentiel, vue_plan: Callable[[], object]) -> dict[str, Callable[..., str]]:
    """The argument-taking macros of this référentiel, by the name pages call them."""

    def besoin(kind: str, fichier: str, macro: str) -> None:
        if not ref.has(kind):
            raise ErreurDeMacro(f"{macro}() montre {fichier}, que ce référentiel n'a pas.")

    def instances() -> str:
        """The governance's instances, as the table of the Gouvernance page."""
        besoin("gouvernance", "gouvernance.yml", "instances")
        g = ref.gouvernance
        return fragment("gouvernance", g, g.instances, g.titre_instances, macro="tableau")

    def action(identifiant: str) -> str:
        """One action of the plan, as its fiche (by its `id`, or its number « 1.2.3 »)."""
        besoin("plan", "plan.yml", "action")
        vue = vue_plan()
        for suivie in vue.suivi.actions:
            if identifiant in (suivie.action.id, suivie.entree.numero):
                entree = suivie.entree
                heading = f"## {markdown_text(f'{entree.numero} {entree.action.texte}')} " \
                          f"{heading_attributes(entree.ancre)}\n\n"
                return heading + fragment("plan_fiches", vue, suivie, macro="contenu")
        connues = [a.action.id for a in vue.suivi.actions]
        raise _inconnu("action", "l'action", identifiant, connues, "plan.yml")

    def contacts(identifiant: str) -> str:
        """The « contacts » block whose `id` is `identifiant`, from the organisation's rubriques."""
        blocs = {bloc.id: bloc for rubrique in ref.rubriques for bloc in rubrique.model.blocs
                 if bloc.type == "contacts" and bloc.id}
        if identifiant not in blocs:
            raise _inconnu("contacts", "le bloc de contacts", identifiant, sorted(blocs),
                           "les rubriques (id: …)")
        return fragment("blocs", [blocs[identifiant]], "contacts", EnLigne(ref.fichiers), 2)

    def sigle(texte: str) -> str:
        """An acronym and what it stands for: « CST (comité social territorial) »."""
        connus = {e.sigle: e for e in entrees(ref.sections.get("glossaire"), ref.sections.get("gouvernance"))}
        if texte not in connus:
            raise _inconnu("sigle", "le sigle", texte, sorted(connus), "glossaire.yml et gouvernance.yml")
        developpe = connus[texte].developpe
        return markdown_text(texte) + (f" ({markdown_text(developpe)})" if developpe else "")

    return {"instances": instances, "action": action, "contacts": contacts, "sigle": sigle}

