"""`python -m macros.cli.index SITE slug...`: the small page listing every référentiel.

Written after `make build-all` into SITE/index.html. Self-contained (inline
style, no script, no request to another host), in French, accessible.
"""

from __future__ import annotations

import sys
from pathlib import Path

from markupsafe import escape

from macros.data.loader import load_referentiel
from macros.data.project import project_root

_PAGE = """<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'unsafe-inline'">
<title>Référentiels publiés avec Socle</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.5; color: #1a1a1a; background: #fff; }}
a {{ color: #2f3e9e; }} li {{ margin: .8rem 0; }}
@media (prefers-color-scheme: dark) {{ body {{ color: #eee; background: #1e1e24; }} a {{ color: #9fb0ff; }} }}
</style>
</head>
<body>
<main>
<h1>Référentiels publiés</h1>
<ul>
{items}
</ul>
</main>
</body>
</html>
"""


def main(argv: list[str]) -> int:
    site, slugs = Path(argv[0]), argv[1:]
    items = []
    for slug in slugs:
        ref = load_referentiel(project_root() / "data" / slug, project_root()).referentiel
        items.append(f'<li><a href="{escape(slug)}/"><strong>{escape(ref.organisation.nom)}</strong></a>'
                     f" — {escape(ref.document.titre)} ({escape(ref.document.date)})</li>")
    (site / "index.html").write_text(_PAGE.format(items="\n".join(items)), encoding="utf-8")
    print(f"{site / 'index.html'} : {len(items)} référentiels")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
