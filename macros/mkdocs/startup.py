"""The first plugin MkDocs loads (listed first in mkdocs.yml): `requests` only when used.

mkdocs-macros imports `requests` as it loads (mkdocs_macros/util.py) for one function that
fetches a URL, which Socle's pages never call. With urllib3, ssl, http and email behind it,
that import was 70 ms of every build: an eighth of Béthune's. MkDocs imports plugins in the
order of mkdocs.yml, so this module, imported first, puts in `sys.modules` a stand-in that
imports the real package the first time anyone reads one of its attributes
(`requests.get`, `requests.exceptions`…) and hands over to it: code that uses `requests`
works as before, a build that does not use it never loads it.
"""

from __future__ import annotations

import importlib
import sys
import types

from mkdocs.plugins import BasePlugin

DEFERRED = ("requests",)


class _LoadedOnFirstUse(types.ModuleType):
    """Stands for a module until one of its attributes is read, then forwards to it."""

    def __getattr__(self, name: str):
        # Only called for what the stand-in lacks, that is everything but __name__, __spec__…
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), name)


def defer(name: str) -> None:
    """Until first use, `import name` gives a stand-in instead of loading the module."""
    # __spec__ stays None: Python 3.11 reads it at each `import` of a module already in
    # sys.modules (importlib.util.LazyLoader would load the module right there).
    sys.modules.setdefault(name, _LoadedOnFirstUse(name))


for _name in DEFERRED:
    defer(_name)


class StartupPlugin(BasePlugin):
    """No event: its work is done when MkDocs imports it, before the plugins that follow."""
