"""The settings of Socle's plugin in mkdocs.yml (`plugins: - socle: …`), typed as MkDocs' own.

Everything a page shows comes from the data; these come from the build's environment: where
« Modifier cette page » points, the forge that the editor at /admin/ saves through, and the
old addresses of moved pages. A wrong value stops the build with a French explanation.
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from macros.mkdocs.redirects import Redirection, RedirectionError, parse


class Texte(c.BaseConfigOption[str]):
    """A text setting, trimmed; absent or empty, its default."""

    def __init__(self, default: str = "") -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> str:
        if value is None or value == "":
            return self.default
        if not isinstance(value, str):
            raise c.ValidationError(f"ce réglage est un texte, pas « {value} ».")
        return value.strip() or self.default


class Redirections(c.BaseConfigOption[list]):
    """« ancienne-page.md: nouvelle-page.md#ancre », each checked against the registry's pages."""

    def __init__(self) -> None:
        super().__init__()
        self.default = {}

    def run_validation(self, value: object) -> list[Redirection]:
        try:
            return parse(value)
        except RedirectionError as error:
            raise c.ValidationError(str(error)) from None


class EditeurConfig(base.Config):
    """The forge of /admin/ (CONTRIBUTING.md § 7); without `forge` nor `local`, no /admin/."""

    forge = Texte()      # github or gitlab
    depot = Texte()      # owner/name
    branche = Texte("main")
    url_base = Texte()   # GitHub: the OAuth server; GitLab: its address
    app_id = Texte()     # GitLab: the OAuth application's id
    api_root = Texte()   # GitLab on its own server: …/api/v4
    local = Texte()      # make editer: the local backend's address


class SocleConfig(base.Config):
    """`plugins: - socle:` in mkdocs.yml."""

    # The forge's file-editor address, to which a data file's path is appended; empty: the
    # pages name their files as text.
    url_edition = Texte()
    editeur = c.SubConfig(EditeurConfig)
    redirections = Redirections()
