"""What /admin/ of a built site holds: the editor's page, its policy, its files.

Decap CMS and the YAML library are vendored in admin/vendor/ (pinned, with their licences:
admin/vendor/README.md) and copied into the site only when an editor is configured (no /admin/
otherwise); `index_html` also words the page for settings that name no usable forge.

The page has its own Content-Security-Policy, wider than the public site's (overrides/main.html):
Decap styles its interface with inline styles (emotion), compiles a few parts at run time
('unsafe-eval', refused otherwise in Chromium), and talks to the forge's API — the one host
named by the configuration, and only that one. No inline script, even with `make editer`:
the one `mkdocs serve` adds to every page (livereload) is refused here on purpose, so that
saving a form (which rebuilds the preview) never reloads the editor under the HR officer's
hands; Chromium logs the refusal in its console, and the preview's own pages still reload.
"""

from __future__ import annotations

import html
from pathlib import Path
from urllib.parse import urlsplit

from macros.editeur.config import Forge

ADMIN = Path(__file__).resolve().parent.parent.parent / "admin"
DECAP = "vendor/decap-cms-3.16.3/decap-cms.js"


def static_files(root: Path | None = None) -> list[str]:
    """The editor's files, relative to admin/ (the vendored libraries and Socle's format)."""
    folder = root / "admin" if root else ADMIN
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*")
                  if path.is_file() and (path.suffix in {".js", ".css", ".wasm", ".txt"}
                                           or path.name == "LICENSE"))


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def api_hosts(forge: Forge) -> list[str]:
    """The hosts the editor's page may talk to: its backend's, nothing else."""
    if forge.local:
        return [_origin(forge.local)]
    if forge.forge == "github":
        return ["https://api.github.com"]
    if forge.forge == "gitlab":
        hosts = {_origin(forge.api_root or forge.url_base) or "https://gitlab.com"}
        return sorted(hosts)
    return []


def policy(forge: Forge) -> str:
    hosts = " ".join(api_hosts(forge))
    images = " https://avatars.githubusercontent.com" if forge.forge == "github" and not forge.local else ""
    return ("default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            f"img-src 'self' data: blob:{images}; font-src 'self' data:; connect-src 'self' {hosts}; "
            "worker-src 'self' blob:; frame-src 'none'; object-src 'none'; base-uri 'self'; "
            "form-action 'self'")


def index_html(forge: Forge, site_name: str) -> str:
    """The editor's page, or the page saying it is not configured."""
    name = html.escape(site_name)
    head = ('<!doctype html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="robots" content="noindex">\n')
    if not forge.configured:
        return (head + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">\n"
                f"<title>Éditeur non configuré — {name}</title>\n</head>\n<body>\n"
                "<main>\n<h1>L'éditeur n'est pas configuré pour ce site</h1>\n"
                "<p>Les formulaires de modification ne sont disponibles que si la construction du site "
                "nomme une forge (variables SOCLE_EDITEUR_FORGE et SOCLE_EDITEUR_DEPOT), ou en local "
                "avec <code>make editer</code>. Voir CONTRIBUTING.md, « Modifier dans le navigateur ».</p>\n"
                "</main>\n</body>\n</html>\n")
    return (head + f'<meta http-equiv="Content-Security-Policy" content="{policy(forge)}">\n'
            f"<title>Éditeur — {name}</title>\n"
            '<link href="config.yml" type="text/yaml" rel="cms-config-url">\n'
            '<link href="socle-admin.css" rel="stylesheet">\n'
            '<script src="init.js"></script>\n'
            f'<script src="{DECAP}"></script>\n'
            '<script type="module" src="socle-yaml.js"></script>\n'
            "</head>\n<body>\n<noscript>L'éditeur demande JavaScript.</noscript>\n</body>\n</html>\n")
