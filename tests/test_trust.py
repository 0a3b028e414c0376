"""Every kind of editor mistake stops the build with file, line and French text.

Each case corrupts a copy of the one-section fixture, builds it with MkDocs as
CI would, and checks the message, the absence of traceback and that no site
was written.
"""

from __future__ import annotations

import shutil

import pytest

from .conftest import FIXTURES, build_site

PLAN = (FIXTURES / "mini" / "plan.yml").read_text(encoding="utf-8")
CHARTE = """titre: Charte
roles:
  - id: agent
    nom: À titre individuel
    lecteur: Agent
valeurs:
  - id: confiance
    nom: La confiance
    definition:
      - Se fier.
    engagements:
      - role: pilote
        liste:
          - Déléguer.
"""

CASES = {
    "yaml-invalide": ("plan.yml", PLAN.replace("titre: Plan d'essai", "titre: Plan : essai: deux"),
                      "plan.yml:1:", "mettez tout le texte entre guillemets"),
    "tabulation": ("plan.yml", PLAN.replace("  - Une phrase", "\t- Une phrase"),
                   "plan.yml:3:1:", "tabulation interdit"),
    "guillemet-non-ferme": ("plan.yml", PLAN.replace("titre: Plan d'essai", 'titre: "Plan d\'essai'),
                            "plan.yml:1:8:", "guillemet ouvert mais jamais fermé"),
    "cle-en-double": ("plan.yml", PLAN.replace("titre: Plan d'essai", "titre: A\ntitre: B"),
                      "plan.yml:2:1:", "apparaît deux fois"),
    "cle-inconnue": ("plan.yml", PLAN.replace("fiche_projet:", "fiche_projt:"),
                     "plan.yml:4:1:", "vouliez-vous dire « fiche_projet »"),
    "champ-manquant": ("plan.yml", PLAN.replace("titre: Plan d'essai\n", ""),
                       "plan.yml:1:1:", "champ obligatoire « titre » manque"),
    "mauvais-type": ("plan.yml", PLAN.replace("  - numero: 1\n", "  - numero:\n      - 1\n"),
                     "plan.yml:6:5:",
                     "un numéro d'axe est un nombre (1, 2…) ou une lettre (A, B…), pas une liste"),
    "liste-vide": ("plan.yml", PLAN.replace("axes:\n  - numero: 1\n    titre: Premier axe\n"
                                            "    devise: Une devise\n", "axes: []\n"),
                   "plan.yml:5:1:", "la liste « axes » est vide"),
    "axe-inexistant": ("plan.yml", PLAN.replace("    axe: 1", "    axe: 9"),
                       "plan.yml:11:5:", "rattaché à l'axe 9, qui n'existe pas"),
    "role-inexistant": ("charte.yml", CHARTE, "charte.yml:12:9:",
                        "cite le rôle « pilote », qui n'est pas déclaré"),
    "pas-utf8": ("plan.yml", PLAN.replace("Faire simple", "Faire caf\xe9").encode("latin-1"),
                 "plan.yml:12:", "pas encodé en UTF-8"),
    "fichier-vide": ("plan.yml", "", "plan.yml:1:", "le fichier est vide"),
    "booleen-yaml-11": ("plan.yml", PLAN.replace("statut: fait", "statut: NO"),
                        "plan.yml:20:9:", "le statut « NO » n'est pas un statut du plan"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_data_stops_the_build(tmp_path, case):
    filename, content, where, message = CASES[case]
    folder = tmp_path / "data" / "casse"
    shutil.copytree(FIXTURES / "mini", folder)
    target = folder / filename
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")
    out = tmp_path / "site"
    result = build_site(out, "casse", tmp_path / "data")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert f"data/casse/{where}" in output.replace(str(tmp_path) + "/", ""), output
    assert message in output, output
    assert not out.exists()
