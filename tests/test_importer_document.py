"""make importer-document: a Word or LibreOffice file becomes a draft référentiel that builds.

The files are made by the tests: the realistic livret of tests/fixtures/documents/ written as
DOCX and ODT by pandoc, and a DOCX written by python-docx with Word's own structures (a style
« Titre 1 », numbering on two levels, merged cells, an image). Each import is built as make
build would, and every sentence of the document is looked for on the site.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from macros.cli.importer_document import importer
from macros.data.loader import load_referentiel
from macros.document.lecture import pandoc

from .conftest import ROOT, build_site

LIVRET = ROOT / "tests" / "fixtures" / "documents" / "livret-syndicat.md"


def _convertir(source: Path, cible: Path) -> Path:
    """The Markdown written as DOCX or ODT by pandoc, its image (plan.png) included."""
    (cible.parent / "plan.png").write_bytes(_PNG)
    subprocess.run(
        [pandoc(), "--resource-path", str(cible.parent), str(source), "-o", str(cible)], check=True
    )
    return cible


def _importer(tmp_path: Path, fichier: Path, slug: str, nom: str | None = None, construit: bool = True):
    data = tmp_path / "data"
    code = importer(fichier, slug, nom, ROOT, data, construit)
    return code, data / slug


def _rapport(dossier: Path) -> str:
    return (dossier / "IMPORT.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module", params=["docx", "odt"])
def livret(request, tmp_path_factory):
    """The realistic livret, imported from DOCX and from ODT, built."""
    tmp = tmp_path_factory.mktemp(f"livret-{request.param}")
    fichier = _convertir(LIVRET, tmp / f"livret.{request.param}")
    code, dossier = _importer(tmp, fichier, "syndicat-du-val", "Syndicat intercommunal des eaux du Val")
    return request.param, code, dossier


def test_le_livret_devient_un_brouillon_qui_se_construit(livret):
    _format, code, dossier = livret
    assert code == 0
    assert sorted(p.relative_to(dossier).as_posix() for p in dossier.rglob("*") if p.is_file()) == [
        "IMPORT.md",
        "charte.yml",
        "fichiers/image-1.png",
        "glossaire.yml",
        "gouvernance.yml",
        "plan.yml",
        "referentiel.yml",
        "rubriques/bienvenue-au-syndicat.md",
        "rubriques/organisation-du-temps-de-travail.md",
        "source/document.txt",
    ]
    loaded = load_referentiel(dossier, dossier.parent.parent)
    assert loaded.referentiel.organisation.nature == "syndicat"
    assert loaded.referentiel.document.titre == "Livret d’accueil des agents"
    assert "Ce livret rassemble" in loaded.referentiel.presentation[0]


def test_chaque_partie_est_a_sa_place(livret):
    _format, _code, dossier = livret
    bienvenue = (dossier / "rubriques" / "bienvenue-au-syndicat.md").read_text(encoding="utf-8")
    assert 'titre: "Bienvenue au syndicat"' in bienvenue
    assert "**vingt-trois communes**" in bienvenue and "*quarante-deux agents*" in bienvenue
    assert "[le syndicat en bref](https://exemple.invalid/syndicat)" in bienvenue
    # The image in fichiers/, in its place; described as the document describes it, or to describe.
    assert (dossier / "fichiers" / "image-1.png").read_bytes() == _PNG
    image = {
        "docx": '![Plan d’accès au siège](fichiers/image-1.png "Plan d’accès au siège")',
        "odt": "![‹Décrivez ce que montre l'image›](fichiers/image-1.png)",
    }[_format]
    assert f"\n\n{image}\n\n" in bienvenue
    assert "## Vos premiers jours\n\n1. Le premier jour" in bienvenue
    assert "\n   - le badge ouvre le siège" in bienvenue  # the nested list under its step
    assert "> Attention : aucune intervention" in bienvenue
    temps = (dossier / "rubriques" / "organisation-du-temps-de-travail.md").read_text(encoding="utf-8")
    assert "| Service | Plage fixe | Plage variable |" in temps
    instances = yaml.safe_load((dossier / "gouvernance.yml").read_text(encoding="utf-8"))
    assert "instances_titre" not in instances  # the page has the section's title (referentiel.yml)
    cst = instances["instances"][1]
    assert cst == {
        "id": "cst",
        "nom": "Comité social territorial",
        "sigle": "CST",
        "composition": "Représentants des élus et du personnel",
        "president": "Un élu désigné par le président",
        "frequence": "Selon les besoins",
        "fonctions": ["Donne un avis sur l’organisation des services"],
    }
    assert instances["instances"][0]["rythme"] == "trimestrielle"
    assert instances["instances"][2]["rythme"] == "hebdomadaire"
    termes = yaml.safe_load((dossier / "glossaire.yml").read_text(encoding="utf-8"))["termes"]
    assert [t["sigle"] for t in termes] == ["DGS", "CST", "RH", "EPI"]
    temps_questions = temps.split("### Puis-je changer mes horaires ?\n\nOui, avec l’accord écrit")
    assert len(temps_questions) == 2  # a heading that asks, with its answer: a question
    assert "> Urgence : en cas de fuite sur le réseau :\n>\n> 1. Sécurisez la zone." in temps
    charte = yaml.safe_load((dossier / "charte.yml").read_text(encoding="utf-8"))
    assert charte["roles"] == [{"id": "chaque-agent", "nom": "Chaque agent"}]
    assert [v["nom"] for v in charte["valeurs"]] == [
        "La continuité du service",
        "La sécurité",
        "La transparence",
    ]
    assert charte["valeurs"][1] == {
        "id": "la-securite",
        "nom": "La sécurité",
        "definition": ["Personne ne prend de risque pour gagner du temps."],
        "engagement_intro": "Chaque agent s’engage à :",
        "engagements": [
            {
                "role": "chaque-agent",
                "liste": [
                    "porter ses équipements de protection ;",
                    "signaler tout incident, même sans conséquence.",
                ],
            }
        ],
    }
    plan = yaml.safe_load((dossier / "plan.yml").read_text(encoding="utf-8"))
    assert plan["titre"] == "Plan d’actions 2025-2027"
    assert [a["titre"] for a in plan["axes"]] == [
        "Sécuriser la ressource",
        "Mieux informer les usagers",
        "Réduire les fuites",
    ]
    assert plan["axes"][0]["actions"] == [
        {
            "id": "action-1-1",
            "texte": "Renouveler dix kilomètres de canalisations",
            "pilote": "Service travaux",
            "echeance": "2026-12-31",
            "statut": "en-cours",
        },
        {
            "id": "action-1-2",
            "texte": "Protéger les captages",
            "pilote": "Service eau potable",
            "partenaires": ["Agence de l’eau", "Chambre d’agriculture"],
            "precisions": ["Échéance : fin 2027"],
        },
    ]
    assert plan["axes"][1]["actions"] == [  # a month is a date of the plan; a heading with no line, an action
        {
            "id": "action-2-1",
            "texte": "Publier chaque mois la qualité de l’eau",
            "pilote": "Service communication",
            "echeance": "2026-06",
        },
        {"id": "action-2-2", "texte": "Ouvrir un accueil téléphonique le samedi matin"},
    ]
    assert plan["axes"][2]["actions"] == [  # the items of a list, each an action
        {"id": "action-3-1", "texte": "Poser des compteurs de sectorisation"},
        {"id": "action-3-2", "texte": "Réparer les fuites signalées sous 48 heures"},
    ]
    referentiel = yaml.safe_load((dossier / "referentiel.yml").read_text(encoding="utf-8"))
    assert referentiel["pages"] == {
        "valeurs": {"titre": "Nos valeurs"},
        "gouvernance": {"titre": "Les instances"},
        "plan": {"titre": "Plan d’actions 2025-2027"},
        "glossaire": {"titre": "Sigles"},
    }
    rapport = _rapport(dossier)
    assert "« Échéance : fin 2027 » ressemble à une date mais n'a pas été lue comme une" in rapport
    assert "| Nos valeurs | `charte.yml` | charte :" in rapport
    assert "| Plan d’actions 2025-2027 | `plan.yml` | plan :" in rapport
    assert "| Les instances | `gouvernance.yml` | gouvernance :" in rapport
    assert "| Sigles | `glossaire.yml` | glossaire :" in rapport
    assert "Date du document : Septembre 2025" in rapport


def test_chaque_phrase_du_livret_est_sur_le_site(livret):
    _format, _code, dossier = livret
    rapport = _rapport(dossier)
    assert "(100 %) se retrouvent sur le site construit" in rapport, rapport
    assert "Phrases absentes" not in rapport
    source = (dossier / "source" / "document.txt").read_text(encoding="utf-8")
    assert "Vote le budget et les tarifs de l’eau" in source


def _numeroter(paragraphe, num_id: int, niveau: int) -> None:
    """Word's numbering, as Word writes it: the list and the level in the paragraph's properties."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    proprietes = paragraphe._p.get_or_add_pPr()
    numero = OxmlElement("w:numPr")
    ilvl, num = OxmlElement("w:ilvl"), OxmlElement("w:numId")
    ilvl.set(qn("w:val"), str(niveau))
    num.set(qn("w:val"), str(num_id))
    numero.append(ilvl)
    numero.append(num)
    proprietes.append(numero)


def _liste_a_deux_niveaux(document) -> int:
    """A numbering of two levels (« 1. », then « a) »), declared as Word declares its lists."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    niveaux = "".join(
        f'<w:lvl w:ilvl="{n}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{texte}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{720 * (n + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
        for n, fmt, texte in ((0, "decimal", "%1."), (1, "lowerLetter", "%2)"))
    )
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {w} w:abstractNumId="90"><w:multiLevelType '
            f'w:val="multilevel"/>{niveaux}</w:abstractNum>'
        ),
    )
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return 90


_PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
    b"\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00IEND"
    b"\xaeB`\x82"
)


def _word(path: Path) -> Path:
    """A DOCX with Word's structures: « Titre 1 » styles, a numbered list on two levels, a table
    with merged cells, an image without a description, a heading level skipped."""
    import io

    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    document.core_properties.title = "Guide de l'agent"
    document.core_properties.created = __import__("datetime").datetime(2024, 11, 5)
    for niveau in (1, 2, 3):
        style = document.styles.add_style(f"Titre {niveau}", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles[f"Heading {niveau}"]
    document.add_paragraph("Accueil des agents", style="Titre 1")
    document.add_paragraph("Ce guide accompagne chaque nouvel agent du centre de gestion.")
    num_id = _liste_a_deux_niveaux(document)
    for texte, niveau in (
        ("Prendre rendez-vous avec le service du personnel.", 0),
        ("Apporter une pièce d'identité.", 1),
        ("Apporter un relevé d'identité bancaire.", 1),
        ("Signer le procès-verbal d'installation.", 0),
    ):
        _numeroter(document.add_paragraph(texte, style="List Paragraph"), num_id, niveau)
    document.add_paragraph("Les horaires", style="Titre 1")
    document.add_paragraph("Détail des plages", style="Titre 3")  # a level skipped
    tableau = document.add_table(rows=3, cols=3)
    tableau.style = "Table Grid"
    for ligne, cellules in enumerate(
        [
            ["Service", "Matin", "Après-midi"],
            ["Accueil du public", "8 h 30 – 12 h", "13 h 30 – 17 h"],
            ["", "9 h – 12 h", "14 h – 16 h 30"],
        ]
    ):
        for colonne, texte in enumerate(cellules):
            tableau.cell(ligne, colonne).text = texte
    tableau.cell(1, 0).merge(tableau.cell(2, 0))
    document.add_paragraph("Le plan d'accès au siège figure ci-dessous.")
    document.add_picture(io.BytesIO(_PNG))
    document.save(path)
    return path


def test_un_document_ecrit_par_word(tmp_path):
    code, dossier = _importer(
        tmp_path, _word(tmp_path / "guide.docx"), "cdg", "Centre de gestion de l'Artois"
    )
    assert code == 0
    referentiel = yaml.safe_load((dossier / "referentiel.yml").read_text(encoding="utf-8"))
    assert referentiel["organisation"]["nature"] == "centre-de-gestion"
    assert referentiel["document"]["titre"] == "Guide de l'agent"  # from the file's properties
    assert referentiel["document"]["date"] == "Novembre 2024"
    accueil = (dossier / "rubriques" / "accueil-des-agents.md").read_text(encoding="utf-8")
    assert (
        "1. Prendre rendez-vous avec le service du personnel.\n"
        "   1. Apporter une pièce d'identité.\n   2. Apporter un relevé d'identité bancaire.\n"
        "2. Signer le procès-verbal d'installation."
    ) in accueil
    horaires = (dossier / "rubriques" / "les-horaires.md").read_text(encoding="utf-8")
    assert "## Détail des plages\n\n| Service | Matin | Après-midi |" in horaires
    assert "| Accueil du public | 9 h – 12 h | 14 h – 16 h 30 |" in horaires  # the merged cell repeated
    rapport = _rapport(dossier)
    assert "tableau à cellules fusionnées" in rapport
    assert (
        "niveau de titre sauté : « Détail des plages » est de niveau 3 après un titre de niveau 1" in rapport
    )
    assert (
        "image sans texte de remplacement (fichiers/image-1.png) : remplacez « ‹Décrivez ce que montre "
        "l'image› » par ce qu'elle montre, en une phrase ; elle n'a pas de légende non plus" in rapport
    )
    assert "\n\n![‹Décrivez ce que montre l'image›](fichiers/image-1.png)\n" in horaires
    assert "date du document prise dans les propriétés du fichier" in rapport
    assert "(100 %) se retrouvent sur le site construit" in rapport, rapport
    # Its pages on the home page: a rubrique with no summary has no empty line under its title.
    assert build_site(tmp_path / "site", "cdg", tmp_path / "data").returncode == 0
    accueil_html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert ">Accueil des agents</a></p></li>" in accueil_html
    assert "<p></p>" not in accueil_html


def test_un_referentiel_existant_n_est_jamais_remplace(tmp_path, capsys):
    from macros.cli.importer_document import main

    fichier = _convertir(LIVRET, tmp_path / "livret.odt")
    existant = tmp_path / "data" / "val"
    existant.mkdir(parents=True)
    (existant / "referentiel.yml").write_text("ancien\n", encoding="utf-8")
    import os

    os.environ["SOCLE_DATA_DIR"] = str(tmp_path / "data")
    try:
        assert main([str(fichier), "val", "--sans-site"]) == 1
    finally:
        del os.environ["SOCLE_DATA_DIR"]
    assert "data/val/ existe déjà : l'import n'écrit jamais sur un référentiel" in capsys.readouterr().err
    assert (existant / "referentiel.yml").read_text(encoding="utf-8") == "ancien\n"
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["val"]


@pytest.mark.parametrize("format_", ["docx", "odt"])
def test_une_liste_de_definitions_de_sigles_devient_le_glossaire(tmp_path, format_):
    """A definition list is one in DOCX, a sigle then its meaning indented in ODT: both read."""
    source = tmp_path / "sigles.md"
    source.write_text(
        "# Accueil\n\nBienvenue à toutes et à tous dans nos services.\n\n# Sigles et abréviations\n\n"
        "CCAS\n:   Centre communal d'action sociale\n\nCST\n:   Comité social territorial\n",
        encoding="utf-8",
    )
    code, dossier = _importer(tmp_path, _convertir(source, tmp_path / f"sigles.{format_}"), "sigles")
    assert code == 0
    termes = yaml.safe_load((dossier / "glossaire.yml").read_text(encoding="utf-8"))["termes"]
    assert termes == [
        {"sigle": "CCAS", "developpe": "Centre communal d’action sociale"},
        {"sigle": "CST", "developpe": "Comité social territorial"},
    ]
    assert not (dossier / "rubriques" / "sigles-et-abreviations.md").exists()
    assert "(100 %) se retrouvent sur le site construit" in _rapport(dossier)


def test_le_livret_d_un_ccas_de_neuf_pages(tmp_path):
    """A livret unlike the fixtures (a CCAS, nine A4 pages), as LibreOffice would hand it over:
    each part lands in the kind that fits, the rest in rubriques, and every sentence is on the site."""
    livret = ROOT / "tests" / "fixtures" / "documents" / "livret-ccas.md"
    code, dossier = _importer(
        tmp_path, _convertir(livret, tmp_path / "livret-ccas.odt"), "ccas", "CCAS de Valmont"
    )
    assert code == 0
    rapport = _rapport(dossier)
    for partie, destination in (
        ("Nos valeurs", "charte.yml"),
        ("Les instances", "gouvernance.yml"),
        ("Plan d’actions 2026-2028", "plan.yml"),
        ("Sigles", "glossaire.yml"),
        ("Droits et obligations", "rubriques/droits-et-obligations.md"),
    ):
        assert f"| {partie} | `{destination}` |" in rapport
    assert len(list((dossier / "rubriques").iterdir())) == 11
    assert (
        yaml.safe_load((dossier / "referentiel.yml").read_text(encoding="utf-8"))["organisation"]["nature"]
        == "ccas"
    )
    assert "« Échéance : fin 2026 » ressemble à une date" in rapport
    assert "(100 %) se retrouvent sur le site construit" in rapport, rapport
