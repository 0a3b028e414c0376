"""macros/mkdocs/startup.py: `requests` is not loaded by a build, and works when something uses it."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from mkdocs.config import load_config

from .conftest import ROOT


def _python(code: str) -> str:
    """Run `code` in a fresh interpreter (this one may have loaded requests already)."""
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_mkdocs_macros_loads_without_loading_requests():
    out = _python("""
        import sys
        import macros.mkdocs.startup
        import mkdocs_macros.plugin
        print(sorted(name for name in ("urllib3", "ssl", "http.cookiejar") if name in sys.modules))
    """)
    assert out.strip() == "[]"


def test_requests_works_when_used():
    out = _python("""
        import sys
        import macros.mkdocs.startup
        import mkdocs_macros.util as util
        stand_in = util.requests
        error = stand_in.exceptions.RequestException
        import requests
        print(requests is sys.modules["requests"], requests is not stand_in,
              issubclass(error, OSError), stand_in.get is requests.get)
    """)
    assert out.split() == ["True", "True", "True", "True"]


def test_it_is_the_first_plugin_mkdocs_loads():
    config = load_config(str(ROOT / "mkdocs.yml"))
    names = list(config.plugins)
    assert names[0] == "socle-startup"
    assert names.index("macros") > 0
