"""The preview's page of errors (macros/site/erreurs.py): every error, located, escaped."""

from __future__ import annotations

from macros.data.errors import DataError, DataErrors
from macros.site.erreurs import page_erreurs


def test_every_error_is_listed_with_its_place_and_escaped():
    errors = DataErrors([
        DataError("data/x/plan.yml", 31, 9, "la valeur « <script>alert(1)</script> » n'est pas permise"),
        DataError("data/x/charte.yml", 4, None, "le champ « titre » est vide"),
        DataError("data/x/glossaire.yml", None, None, "fichier vide"),
    ])
    page = page_erreurs(errors)
    assert "3 erreurs empêchent d'afficher le site" in page
    # Sorted as `make check` lists them: by file, then line.
    assert page.index("charte.yml") < page.index("glossaire.yml") < page.index("plan.yml")
    assert "<code>data/x/plan.yml</code>, ligne 31, colonne 9" in page
    assert "<code>data/x/charte.yml</code>, ligne 4</p>" in page
    assert "<code>data/x/glossaire.yml</code></p>" in page
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_one_error_is_said_in_the_singular():
    page = page_erreurs(DataErrors([DataError("data/x/plan.yml", 1, 1, "m")]))
    assert "Une erreur empêche d'afficher le site" in page
