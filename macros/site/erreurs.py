"""The page the preview shows while the data has errors (`make serve` only).

`mkdocs build` stops at the first sign of bad data, with the located French errors and a
non-zero exit. While previewing, stopping leaves the browser waiting on a build that never
comes; the preview shows this page instead, in place of every page, and comes back by
itself once the file is fixed (the data folder is watched). No MkDocs here: the plugin
(macros/mkdocs/plugin.py) decides when to show it.
"""

from __future__ import annotations

import html

from macros.data.errors import DataError, DataErrors

TITRE = "Erreurs dans les données"


def _place(error: DataError) -> str:
    """« data/bethune/plan.yml, ligne 31, colonne 9 », with the path as code."""
    where = f"<code>{html.escape(error.source)}</code>"
    if error.line is not None:
        where += f", ligne {error.line}"
        if error.column is not None:
            where += f", colonne {error.column}"
    return where


def page_erreurs(errors: DataErrors) -> str:
    """Markdown of the page: a heading, what to do, then each error (escaped HTML)."""
    count = len(errors.errors)
    head = ("Une erreur empêche d'afficher le site" if count == 1
            else f"{count} erreurs empêchent d'afficher le site")
    items = "\n".join(f'<li><p class="socle-erreur__lieu">{_place(error)}</p>'
                      f"<p>{html.escape(error.message)}</p></li>" for error in errors.errors)
    return (
        f"# {TITRE}\n\n"
        f'<div class="socle-erreurs" role="alert">\n'
        f"<p><strong>{head}.</strong> Corrigez le fichier indiqué puis enregistrez-le : "
        "cette page se recharge d'elle-même et le site revient dès que les données sont "
        "valides.</p>\n"
        f'<ol class="socle-erreurs__liste">\n{items}\n</ol>\n'
        "<p>Les mêmes messages sont écrits dans le terminal de <code>make serve</code> et "
        "donnés par <code>make check</code>.</p>\n"
        "</div>\n"
    )
