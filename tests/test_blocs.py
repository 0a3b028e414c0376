"""Rubrique blocks: models, site fragment, kit section, inline syntax and the Markdown reader.

Snapshots are in tests/snapshots/blocs/; after an intended change of a block's templates,
run `make snapshots` and review the diff.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown import Markdown
from pydantic import ValidationError

from macros.data.errors import DataError, explain_validation_error
from macros.data.fichiers import Fichier
from macros.data.markdown_rubrique import read_markdown_rubrique
from macros.kit.document import PREAMBLE
from macros.kit.document import environment as kit_environment
from macros.kit.typst_text import inline_typst
from macros.models.blocs import TYPES_DE_BLOC
from macros.models.rubrique import Rubrique, looks_like_a_markdown_table
from macros.site.inline import EnLigne, inline_html
from macros.site.render import fragment

from .conftest import FIXTURES, ROOT, visible_text
from .helpers import pdfinfo, pdftotext

# The files the download and images blocks name: the syndicat fixture's (its folder is the
# kit's root, from which Typst reads the images).
FICHIERS = EnLigne({"demande-teletravail.pdf": Fichier("demande-teletravail.pdf", 86_000),
                    "plan-du-siege.svg": Fichier("plan-du-siege.svg", 795),
                    "logo.png": Fichier("logo.png", 423)})


def _markdown() -> Markdown:
    """Python-Markdown as MkDocs runs it: its own extensions (toc, tables…) and mkdocs.yml's."""
    return Markdown(extensions=["toc", "tables", "fenced_code", "attr_list", "admonition"],
                    extension_configs={"toc": {"permalink": "¶"}})


def every_block(text: str = "Texte") -> dict:
    """A rubrique with one block of each type, every text field set to `text` (or built on it)."""
    return {
        "titre": "Mon arrivée", "resume": "Ce qu'il faut savoir", "position": "2", "etape": "true",
        "blocs": [
            {"type": "paragraphe", "titre": "Bienvenue", "texte": text},
            {"type": "liste", "id": "a-apporter", "items": [
                text, "Une pièce d'identité",
                {"texte": text, "numerotee": "oui", "items": [
                    "Niveau 2", {"texte": text, "items": [{"texte": "Niveau 3", "items": [text]}]}]}]},
            {"type": "tableau", "titre": "Horaires", "legende": text, "colonnes": [text, "Horaires"],
             "lignes": [[text, "8 h 30 – 17 h"], ["Accueil", text]]},
            {"type": "questions", "titre": "Questions fréquentes",
             "items": [{"question": text, "reponse": [text, "Voir l'intranet."]}]},
            {"type": "contacts", "titre": "Vos contacts", "id": "contacts",
             "items": [{"role": text, "nom": text, "service": text, "telephone": "+33 (0)3 21 00-00.00",
                        "courriel": "rh@exemple.fr", "adresse": text, "horaires": text, "precision": text},
                       {"role": "Informatique", "service": "DSI", "telephone": "03 21 00 00 00 poste 214"},
                       {"role": "Urgences", "service": text, "telephone": "poste 4444"}]},
            {"type": "etapes", "titre": "Le premier jour",
             "items": [{"titre": text, "texte": text},
                       {"texte": "Rencontrer son équipe.", "items": [text, "Son responsable"]}]},
            {"type": "encadre", "texte": [text, "Deuxième paragraphe."]},
            {"type": "encadre", "niveau": "attention", "titre": text, "texte": [text]},
            {"type": "encadre", "niveau": "urgence", "titre": "Accident d'exposition au sang",
             "texte": [text], "etapes": [{"titre": text, "texte": text, "items": [text]},
                                         {"texte": "Appeler le poste 4444."}],
             "liste": ["Garder le calme", {"texte": text, "items": [text]}]},
            {"type": "definitions", "items": [{"terme": text, "definition": text}]},
            {"type": "telechargement", "titre": text, "fichier": "demande-teletravail.pdf", "libelle": text,
             "texte": text},
            {"type": "images", "titre": text, "items": [
                {"fichier": "plan-du-siege.svg", "alternative": text, "legende": text},
                {"fichier": "logo.png", "alternative": "décorative"}]},
        ],
    }


RUBRIQUE = Rubrique.model_validate(every_block(
    "Texte **gras**, *italique* ; `code` et [le site](https://exemple.fr/a?b=1&c=2)"))


def _errors(data: dict) -> list[DataError]:
    with pytest.raises(ValidationError) as caught:
        Rubrique.model_validate(data)
    return explain_validation_error(caught.value, data, "rubrique.yml", Rubrique)


# --- Models ------------------------------------------------------------------------------

def test_every_block_type_validates():
    assert [b.type for b in RUBRIQUE.blocs] == ["paragraphe", "liste", "tableau", "questions", "contacts",
                                                 "etapes", "encadre", "encadre", "encadre", "definitions",
                                                 "telechargement", "images"]
    assert RUBRIQUE.position == 2 and RUBRIQUE.etape is True and RUBRIQUE.blocs[6].niveau == "information"
    assert RUBRIQUE.blocs[4].items[0].lien_telephone == "tel:+33321000000"


def test_a_row_with_the_wrong_number_of_cells_is_named():
    data = every_block()
    data["blocs"][2]["lignes"].append(["Seule cellule"])
    [error] = _errors(data)
    assert "la ligne 3 du tableau a 1 cellule au lieu de 2" in error.message
    assert "« Texte », « Horaires »" in error.message


def test_a_contact_needs_a_name_or_a_service():
    data = every_block()
    data["blocs"][4]["items"].append({"role": "Badge", "telephone": "03 21 00 00 00"})
    [error] = _errors(data)
    assert error.message == ("le contact « Badge » n'a ni « nom » ni « service » : "
                             "indiquez au moins l'un des deux.")


def test_an_unknown_block_type_lists_the_allowed_ones():
    data = every_block()
    data["blocs"].append({"type": "galerie", "texte": "x"})
    data["blocs"].append({"texte": "sans type"})
    unknown, missing = _errors(data)
    assert unknown.message == ("le type de bloc « galerie » n'existe pas ; types possibles : paragraphe, "
                               "liste, tableau, questions, contacts, etapes, encadre, definitions, "
                               "telechargement, images.")
    assert missing.message.startswith("ce bloc n'a pas de « type »")


@pytest.mark.parametrize(("telephone", "numero", "poste", "lien"), [
    ("03 21 00 00 00", "03 21 00 00 00", None, "tel:0321000000"),
    ("03 21 00 00 00 poste 214", "03 21 00 00 00", "poste 214", "tel:0321000000"),
    ("03 21 00 00 00, p. 214", "03 21 00 00 00", "p. 214", "tel:0321000000"),
    ("+33 (0)3 21 00 00 00 ext. 12", "+33 (0)3 21 00 00 00", "ext. 12", "tel:+33321000000"),
    ("Poste 4444", None, "Poste 4444", None),
])
def test_a_telephone_may_have_an_extension_or_be_one(telephone, numero, poste, lien):
    data = every_block()
    data["blocs"][4]["items"][1]["telephone"] = telephone
    contact = Rubrique.model_validate(data).blocs[4].items[1]
    assert (contact.numero, contact.poste, contact.lien_telephone) == (numero, poste, lien)


@pytest.mark.parametrize(("field", "value"), [
    ("telephone", "03 21 <a>"), ("telephone", "javascript:alert(1)"), ("telephone", "+"),
    ("telephone", "poste"), ("telephone", "poste 12a"), ("telephone", "poste 4444 poste 1"),
    ("telephone", "p. 12 03 21 00 00 00"), ("telephone", "poste 4444 <b>"),
    ("courriel", "rh@exemple"), ("courriel", "x@y.fr?subject=a"), ("courriel", 'a"@b.fr'),
    ("courriel", "javascript:a@b.fr"),
])
def test_telephone_and_courriel_are_checked(field, value):
    data = every_block()
    data["blocs"][4]["items"][1][field] = value
    [error] = _errors(data)
    assert f"« {value} » n'est pas" in error.message


def test_a_bad_anchor_and_an_empty_rubrique_are_refused():
    data = every_block()
    data["blocs"][0]["id"] = "Pas Une Ancre"
    data["blocs"][1]["items"] = []
    assert len(_errors(data)) == 2
    [empty] = _errors({"titre": "Vide", "blocs": []})
    assert empty.message == "la liste « blocs » est vide : il faut au moins 1 élément."


def test_markdown_table_in_a_text_is_recognised():
    assert looks_like_a_markdown_table("| a | b |\n|---|:--:|\n| 1 | 2 |")
    assert not looks_like_a_markdown_table("Choix | a | b | c")
    assert not looks_like_a_markdown_table("| a | b |")


# --- Inline syntax -----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "html"), [
    ("**gras** et _it_ et *it*", "<strong>gras</strong> et <em>it</em> et <em>it</em>"),
    ("[site](https://exemple.fr) [mel](mailto:rh@exemple.fr)",
     '<a href="https://exemple.fr">site</a> <a href="mailto:rh@exemple.fr">mel</a>'),
    ("`<b>` et \\*pas\\* gras", "<code>&lt;b&gt;</code> et *pas* gras"),
    ("[x](javascript:alert(1)) [y](page.md) [z](data:text/html,a)",
     "[x](javascript:alert(1)) [y](page.md) [z](data:text/html,a)"),
    ("<b>x</b> <https://a.fr> &amp; {{ config }} {% if %} | a | b |",
     "&lt;b&gt;x&lt;/b&gt; &lt;https://a.fr&gt; &amp;amp; {{ config }} {% if %} | a | b |"),
    ("# titre\n\n- pas une liste", "# titre - pas une liste"),
    ("deux : points « guillemets »", "deux\u202f: points «\u202fguillemets\u202f»"),
])
def test_inline_html(text, html):
    assert inline_html(text) == html


def test_inline_typst_writes_only_strings_and_allowed_calls():
    assert inline_typst('**a** _b_ `c"` [d](https://e.fr) #set "x"') == (
        '[#strong[#"a";];#" ";#emph[#"b";];#" ";#raw("c\\"");#" ";#link("https://e.fr")[#"d";];'
        '#" (https://e.fr)";#" #set \\"x\\"";]')
    # A printed kit keeps every link's address; one that is its own text is not repeated.
    assert inline_typst("[https://e.fr](https://e.fr) [rh@e.fr](mailto:rh@e.fr) [f](fichiers/a.pdf)") == (
        '[#link("https://e.fr")[#"https://e.fr";];#" ";#link("mailto:rh@e.fr")[#"rh@e.fr";];#" ";'
        '#link("fichiers/a.pdf")[#"f";];#" (fichiers/a.pdf)";]')
    assert inline_typst("[x](javascript:alert(1))") == '[#"[x](javascript:alert(1))";]'


# --- Site fragment ------------------------------------------------------------------------

def test_site_fragment_snapshot(snapshot):
    snapshot("blocs/site.md", fragment("blocs", RUBRIQUE.blocs, "arrivee", FICHIERS))


def test_site_fragment_is_accessible_html_under_markdown_headings():
    page = _markdown().convert(fragment("blocs", RUBRIQUE.blocs, "arrivee", FICHIERS))
    assert '<h2 id="arrivee-bienvenue">Bienvenue<a class="headerlink"' in page
    assert '<h2 id="contacts">Vos contacts<a' in page  # the id overrides the title's anchor
    assert '<ul id="a-apporter">' in page  # an untitled block keeps its id
    for accessible in ['<caption>Texte <strong>gras</strong>', '<th scope="col">',
                       '<dl class="socle-questions">', '<ol class="socle-etapes">',
                       '<div class="admonition info">',
                       '<div class="admonition warning">', '<p class="admonition-title">Attention</p>',
                       '<div class="admonition danger socle-urgence">',
                       '<p class="admonition-title">Urgence</p>',
                       '<a href="tel:+33321000000">+33 (0)3 21 00-00.00</a>',
                       # the link dials the main number, the extension is beside it; alone, no link
                       '<p>Téléphone : <a href="tel:0321000000">03 21 00 00 00</a> poste 214</p>',
                       '<p>Téléphone : poste 4444</p>',
                       '<a href="mailto:rh@exemple.fr">rh@exemple.fr</a>',
                       '<a href="https://exemple.fr/a?b=1&amp;c=2">le site</a>', "<code>code</code>"]:
        assert accessible in page, accessible
    assert "<p><p" not in page and "<p><div" not in page  # Markdown left every HTML block alone


LITERALS = [
    "Balise <script>alert(1)</script> et <img src=x onerror=alert(2)>",
    "Tableau | a | b | et | cellule |",
    "Jinja {{ config.site_name }} et {% if true %}bloc{% endif %} {# note #}",
    "Lien [piégé](javascript:alert(3)) et ## dièses",
]


@pytest.mark.parametrize("literal", LITERALS)
def test_every_text_field_comes_out_literally_on_the_site(literal):
    rubrique = Rubrique.model_validate(every_block(literal))
    page = _markdown().convert(fragment("blocs", rubrique.blocs, "arrivee", FICHIERS))
    # Every text field but the fixed ones shows it, titles included.
    assert visible_text(page).count(literal) == 37
    for injected in ["<script", "<img src=x", 'href="javascript:', "<table>\n<tr><td>a"]:
        assert injected not in page
    # The images block's own images only, their alternative text escaped in its attribute.
    assert page.count("<img ") == 2 and 'alt=""' in page


# --- Kit ----------------------------------------------------------------------------------

def _kit(rubrique: Rubrique) -> str:
    module = kit_environment().get_template("sections/blocs.typ.j2").module
    return str(module.render(rubrique.blocs, "ch1-1", inline_typst))


def _compile(body: str) -> bytes:
    from macros.kit.pdf import compile_pdf

    return compile_pdf(PREAMBLE.read_text(encoding="utf-8")
                       + '\n#set document(title: "Essai des blocs")\n#show: mise-en-page.with("Essai")\n'
                       + '#heading(level: 1, "Mon arrivée")\n' + body, str(FIXTURES / "syndicat"))


def test_kit_snapshot_compiles_to_a_tagged_pdf(snapshot):
    source = _kit(RUBRIQUE)
    snapshot("blocs/kit.typ", source)
    assert _compile(source).startswith(b"%PDF")


def _flat(value: str) -> str:
    # Without any space: the PDF's text has the kit's line breaks (and narrow spaces before ; : !).
    return re.sub(r"\s+", "", value.replace("\u2060", ""))


@pytest.mark.parametrize("literal", [*LITERALS, 'Typst #set page(paper: "a6") $x$ <l> @l #"'])
def test_every_text_field_reaches_the_kit_as_written(tmp_path, literal):
    pdf = tmp_path / "blocs.pdf"
    pdf.write_bytes(_compile(_kit(Rubrique.model_validate(every_block(literal)))))
    assert _flat(pdftotext(pdf, raw=True)).count(_flat(literal)) == 37
    # The refused link is text: the only links are the contact's and the download's.
    assert set(re.findall(rb"/URI\(([^)]*)\)", pdf.read_bytes())) == {
        b"tel:+33321000000", b"tel:0321000000", b"mailto:rh@exemple.fr", b"fichiers/demande-teletravail.pdf"}
    assert "595.276 x 841.89" in pdfinfo(pdf)["Page size"]  # `#set page(paper: "a6")` stayed text


# --- Markdown rubriques ---------------------------------------------------------------------

MARKDOWN = """\
---
titre: Mon arrivée
resume: Ce qu'il faut savoir
position: 2
etape: true
suivi:
  responsable: Direction des ressources humaines
  revoir_le: 2030-06-30
---
# Mon arrivée

Bienvenue **à tous** et {{ config }}.
Suite du paragraphe {% if x %}.

## Ce qu'il faut apporter {#a-apporter}

- Une pièce d'identité
- Un RIB *signé*

## Le premier jour

1. Accueil à la DRH
2. Visite des locaux

| Service | Horaires |
|---------|----------|
| Accueil | 8 h 30 \\| 17 h |

> **Attention** : le badge est obligatoire.
>
> Demandez-le à l'accueil.

> Le restaurant est au rez-de-chaussée.

## Questions fréquentes

### Où déjeuner ?

Au restaurant administratif.

Ou dehors.

### Quand suis-je payé ?

À la fin du mois.
"""


def _read(tmp_path: Path, text: str, name: str = "arrivee.md") -> dict:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_markdown_rubrique(path, f"data/essai/rubriques/{name}")


def test_markdown_rubrique_gives_the_yaml_shape(tmp_path):
    data = _read(tmp_path, MARKDOWN)
    assert {key: data[key] for key in ("titre", "resume", "position", "etape")} == {
        "titre": "Mon arrivée", "resume": "Ce qu'il faut savoir", "position": "2", "etape": "true"}
    assert data["blocs"] == [
        {"type": "paragraphe",
         "texte": "Bienvenue **à tous** et {{ config }}.\nSuite du paragraphe {% if x %}."},
        {"type": "liste", "titre": "Ce qu'il faut apporter", "id": "a-apporter",
         "items": ["Une pièce d'identité", "Un RIB *signé*"]},
        {"type": "etapes", "titre": "Le premier jour",
         "items": [{"texte": "Accueil à la DRH"}, {"texte": "Visite des locaux"}]},
        {"type": "tableau", "colonnes": ["Service", "Horaires"], "lignes": [["Accueil", "8 h 30 \\| 17 h"]]},
        {"type": "encadre", "niveau": "attention",
         "texte": ["Le badge est obligatoire.", "Demandez-le à l'accueil."]},
        {"type": "encadre", "niveau": "information", "texte": ["Le restaurant est au rez-de-chaussée."]},
        {"type": "questions", "titre": "Questions fréquentes", "items": [
            {"question": "Où déjeuner ?", "reponse": ["Au restaurant administratif.", "Ou dehors."]},
            {"question": "Quand suis-je payé ?", "reponse": ["À la fin du mois."]}]},
    ]
    rubrique = Rubrique.model_validate(data)
    assert rubrique.etape is True and rubrique.position == 2
    assert rubrique.suivi.responsable == "Direction des ressources humaines"
    assert "{{ config }}" in fragment("blocs", rubrique.blocs, "arrivee", FICHIERS)
    assert "8 h 30 | 17 h" in inline_html(rubrique.blocs[3].lignes[0][1])


def test_without_header_the_first_h1_is_the_title(tmp_path):
    data = _read(tmp_path, "# Le télétravail\n\nTrois jours par semaine.\n")
    assert Rubrique.model_validate(data).titre == "Le télétravail"


@pytest.mark.parametrize(("text", "line", "start"), [
    ("# Titre\n\nUn texte.\n\n<div class='x'>\nbloc\n</div>\n", 5,
     "le HTML n'est pas accepté dans une rubrique : « <div"),
    ("# Titre\n\nUn texte\navec <b>gras</b>.\n", 4, "le HTML n'est pas accepté dans une rubrique : « <b> »"),
    ("---\ntitre: T\n---\n\n- un\n- deux <br>\n", 6, "le HTML n'est pas accepté"),
    ("---\ntitre: T\ncouleur: bleu\n---\nTexte.\n", 3, "la clé « couleur » n'est pas prévue"),
    ("---\ntitre: T\n---\n# Autre titre\n\nTexte.\n", 4, "« # Autre titre » : une rubrique n'a qu'un titre"),
    ("# T\n\n## Partie\n\n## Autre\n\nTexte.\n", 3, "le titre « Partie » n'est suivi d'aucun texte"),
    ("# T\n\n### Une sous-partie\n\nTexte.\n", 3, "« ### Une sous-partie » : sous un titre"),
    ("# T\n\n### Une question ?\n\n- une liste\n", 3, "la question « Une question ? » n'a pas de réponse"),
    ("# T\n\n- un\n\n  > cité\n", 5, "un élément de liste ne contient que du texte ou une sous-liste"),
    ("# T\n\n- un\n  - deux\n\n  suite\n", 6, "un élément de liste a du texte après sa sous-liste"),
    ("# T\n\nVoir [ici][1].\n\n[1]: https://exemple.fr\n", 5, "les liens par repère"),
    ("---\ntitre: T\n", 1, "l'en-tête ouvert par « --- » n'est jamais fermé"),
    ("---\ntitre: \"T\n---\nTexte.\n", 2, "guillemet ouvert mais jamais fermé"),
    ("Un texte sans titre.\n", 1, "la rubrique n'a pas de titre"),
    ("# T\n\n    du code\n", 3, "bloc de code"),
])
def test_markdown_mistakes_are_refused_with_their_line(tmp_path, text, line, start):
    with pytest.raises(DataError) as caught:
        _read(tmp_path, text)
    assert (caught.value.source, caught.value.line) == ("data/essai/rubriques/arrivee.md", line)
    assert caught.value.message.startswith(start), caught.value.message
    assert str(caught.value).startswith(f"data/essai/rubriques/arrivee.md:{line}")


NESTED = """\
# Organisation

- Direction générale
- Direction des soins
  - Pôle médecine
    1. Cardiologie
    2. Pneumologie
       - Unité **A**

1. Prévenir le cadre
   - de jour : poste 4444
2. Remplir la déclaration
"""


def test_markdown_sub_lists_ordered_or_not_give_the_yaml_shape(tmp_path):
    data = _read(tmp_path, NESTED)
    assert data["blocs"] == [
        {"type": "liste", "items": ["Direction générale", {"texte": "Direction des soins", "items": [
            {"texte": "Pôle médecine", "numerotee": "oui", "items": [
                "Cardiologie", {"texte": "Pneumologie", "items": ["Unité **A**"]}]}]}]},
        {"type": "etapes", "items": [{"texte": "Prévenir le cadre", "items": ["de jour : poste 4444"]},
                                     {"texte": "Remplir la déclaration"}]},
    ]
    page = fragment("blocs", Rubrique.model_validate(data).blocs, "organisation", inline_html)
    assert ("<li>Pôle médecine<ol>\n<li>Cardiologie</li>\n<li>Pneumologie<ul>\n"
            "<li>Unité <strong>A</strong></li>\n</ul></li>\n</ol></li>") in page
    assert "<li>Prévenir le cadre<ul>\n<li>de jour\u202f: poste 4444</li>\n</ul></li>" in page


URGENCE = """\
# Accident d'exposition au sang

> **Urgence** : en cas de piqûre ou de projection.
>
> 1. Laver la plaie à l'eau et au savon.
> 2. Appeler le médecin de garde :
>    - de jour : poste 4444
>
> - Garder l'objet en cause.
"""


def test_a_markdown_urgence_holds_its_paragraphs_steps_and_list(tmp_path):
    data = _read(tmp_path, URGENCE)
    assert data["blocs"] == [{
        "type": "encadre", "niveau": "urgence", "texte": ["En cas de piqûre ou de projection."],
        "etapes": [{"texte": "Laver la plaie à l'eau et au savon."},
                   {"texte": "Appeler le médecin de garde :", "items": ["de jour : poste 4444"]}],
        "liste": ["Garder l'objet en cause."]}]
    page = _markdown().convert(fragment("blocs", Rubrique.model_validate(data).blocs, "aes", inline_html))
    box = page[page.index('<div class="admonition danger socle-urgence">'):]
    assert box.index('<p class="admonition-title">Urgence</p>') < box.index("<ol") < box.index("<ul")
    assert box.index("Garder l&#39;objet en cause.") < box.index("</div>")


@pytest.mark.parametrize(("text", "line", "start"), [
    ("# T\n\n> Urgence : vite.\n>\n> - un\n>\n> Suite.\n", 7, "un encadré (ligne commençant par « > ») a un "
     "paragraphe après sa liste"),
    ("# T\n\n> Vite.\n>\n> - un\n>\n> 1. deux\n", 7, "un encadré (ligne commençant par « > ») contient des "
     "paragraphes, puis au plus une liste numérotée"),
    ("# T\n\n> Vite.\n>\n> | a |\n> |---|\n", 5, "un encadré (ligne commençant par « > ») ne contient que"),
])
def test_what_an_encadre_cannot_hold_is_refused_at_its_line(tmp_path, text, line, start):
    with pytest.raises(DataError) as caught:
        _read(tmp_path, text)
    assert caught.value.line == line and caught.value.message.startswith(start), caught.value.message


REGLEMENT = """\
# Règlement intérieur

## Article premier — Objet

Le présent règlement s'applique à tous les agents.

## Article 3 — Les horaires

Les horaires sont affichés.

## Article 12-1 bis : Le badge

Le badge est personnel.

## Les articles suivants

Voir l'intranet.
"""


def test_numbered_articles_keep_their_number_as_anchor(tmp_path):
    rubrique = Rubrique.model_validate(_read(tmp_path, REGLEMENT))
    assert [b.ancre_article for b in rubrique.blocs] == ["article-1", "article-3", "article-12-1-bis", None]
    page = _markdown().convert(fragment("blocs", rubrique.blocs, "", inline_html))
    for anchor in ('<h2 id="article-1">Article premier', '<h2 id="article-3">Article 3 — Les horaires',
                   '<h2 id="article-12-1-bis">', '<h2 id="les-articles-suivants">'):
        assert anchor in page, anchor
    assert "<ch1-1-article-3>" in str(kit_environment().get_template("sections/blocs.typ.j2").module.render(
        rubrique.blocs, "ch1-1", inline_typst))


def test_an_article_number_or_an_id_twice_on_a_page_is_refused(tmp_path):
    data = _read(tmp_path, REGLEMENT + "\n## Article 3 — Encore\n\nDoublon.\n")
    [error] = _errors_of(data, "arrivee.md")
    assert error.line == 19 and error.message.startswith(
        "l'ancre « article-3 » est déjà celle du bloc « Article 3 — Les horaires »")
    data = every_block()
    data["blocs"][2]["id"] = "a-apporter"
    [error] = _errors(data)
    assert error.message.startswith("l'ancre « a-apporter » est déjà celle du bloc 2")


def test_a_fifth_level_is_refused_at_its_line(tmp_path):
    data = _read(tmp_path, "# T\n\n- 1\n  - 2\n    - 3\n      - 4\n        - 5\n")
    [error] = _errors_of(data, "arrivee.md")
    assert error.line == 7 and error.message.startswith("une liste ne peut pas avoir plus de 4 niveaux")
    yaml_data = every_block()
    yaml_data["blocs"][5]["items"][1]["items"] = [{"texte": "2", "items": [
        {"texte": "3", "items": [{"texte": "4", "items": ["5"]}]}]}]
    [error] = _errors(yaml_data)
    assert error.message.startswith("une liste ne peut pas avoir plus de 4 niveaux")


def test_a_list_element_is_a_text_or_a_text_with_its_list():
    data = every_block()
    data["blocs"][1]["items"] += [{"items": ["sans texte"]}, {"texte": "x", "items": []},
                                  {"texte": "x", "sous": []}]
    assert [error.message for error in _errors(data)] == [
        "le champ obligatoire « texte » manque : ajoutez « texte: ... » à ce bloc.",
        "la liste « items » est vide : il faut au moins 1 élément.",
        "la clé « sous » est inconnue."]


def test_a_table_with_a_missing_cell_is_refused_at_the_line_of_that_row(tmp_path):
    data = _read(tmp_path, "# T\n\nIntro.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n| 3 |\n")
    assert data["blocs"][1]["lignes"] == [["1", "2"], ["3"]]  # not padded as markdown-it would
    [error] = _errors_of(data, "arrivee.md")
    assert error.line == 8 and "la ligne 2 du tableau a 1 cellule au lieu de 2" in error.message


def test_a_model_error_in_the_header_points_at_its_line(tmp_path):
    data = _read(tmp_path, "---\ntitre: T\nposition: trois\n---\nTexte.\n")
    [error] = _errors_of(data, "arrivee.md")
    assert (error.line, error.message) == (3, "« position » doit être un nombre entier, pas « trois ».")


def _errors_of(data: dict, source: str) -> list[DataError]:
    with pytest.raises(ValidationError) as caught:
        Rubrique.model_validate(data)
    return explain_validation_error(caught.value, data, source, Rubrique)


def test_each_block_type_is_one_class_and_two_templates_of_its_own():
    """A block is found by its `type`: its class, blocs/<type>.md.j2 and blocs/<type>.typ.j2."""
    def templates(folder: str, suffix: str) -> set[str]:
        # (a name starting with « _ » is a piece shared by blocks: the lists under a list's elements)
        return {path.name.removesuffix(suffix) for path in (ROOT / folder).glob(f"[!_]*{suffix}")}

    assert templates("macros/site/templates/blocs", ".md.j2") == set(TYPES_DE_BLOC)
    assert templates("macros/kit/typst/blocs", ".typ.j2") == set(TYPES_DE_BLOC)
    assert {bloc["type"] for bloc in every_block()["blocs"]} == set(TYPES_DE_BLOC)
