"""Another web page, open in the same Chromium while `make editer` runs, cannot write.

The editor's local backend is started as `make editer` starts it, on a copy of data/bethune;
a page of ANOTHER origin (another loopback port) tries what any site the HR officer visits
could try: a `<form enctype="text/plain">` that submits itself (its body is valid JSON, the
classic trick), a no-cors fetch in text/plain, a JSON fetch (which needs a preflight). It is
even given the backend's full address, token included (the worst case: the token leaked).
Then a DNS-rebinding page (a name that resolves to 127.0.0.1, on the backend's own port).
No data file changes; the backend says in its terminal that it refused each request (so the
requests did reach it: the test is not passing because nothing was sent).
"""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from macros.editeur.local import Depot, start

from ..conftest import ROOT
from .conftest import CHROMIUM, CHROMIUM_ARGS, _QuietHandler, free_port, wait_until

FOLDER = "data/bethune"
# Chromium itself blocks a page of a public address from reaching 127.0.0.1 (Private Network
# Access); Firefox and older browsers do not: the backend must refuse the request on its own.
NO_PRIVATE_NETWORK_ACCESS = ("--disable-features=BlockInsecurePrivateNetworkRequests,"
                             "PrivateNetworkAccessSendPreflights,PrivateNetworkAccessRespectPreflightResults,"
                             "LocalNetworkAccessChecks")

# What the attacker would write: the charte overwritten, a rubrique holding a phishing link.
CHARTE = {"action": "persistEntry", "params": {"dataFiles": [
    {"path": f"{FOLDER}/charte.yml", "raw": "titre: Charte piratée\n"}], "assets": []}}
RUBRIQUE = {"action": "persistEntry", "params": {"dataFiles": [
    {"path": f"{FOLDER}/rubriques/hameconnage.md",
     "raw": "---\ntitre: Votre paie\n---\n\n## Connectez-vous\n\nSur https://paie.example.invalid\n"}],
    "assets": []}}

ATTACK = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Un autre site</title></head><body>
<iframe name="cible"></iframe>
<form id="formulaire" method="POST" enctype="text/plain" action="{url}" target="cible">
<input type="hidden" name='{form_name}' value='{form_value}'>
</form>
<script>
const url = {url_js}, corps = {charte_js}, rubrique = {rubrique_js};
window.resultats = {{}};
const cadre = document.querySelector("iframe");
const formulaire = new Promise(fin => cadre.addEventListener("load", () => fin("chargé"), {{once: true}}));
document.getElementById("formulaire").submit();
const tentatives = {{
  formulaire,
  sansCors: fetch(url, {{method: "POST", mode: "no-cors", headers: {{"Content-Type": "text/plain"}},
                         body: corps}}).then(r => r.type),
  rubriqueSansCors: fetch(url, {{method: "POST", mode: "no-cors", body: rubrique}}).then(r => r.type),
  json: fetch(url, {{method: "POST", headers: {{"Content-Type": "application/json"}}, body: corps}})
          .then(r => "lu : " + r.status),
}};
Promise.allSettled(Object.values(tentatives)).then(issues => {{
  Object.keys(tentatives).forEach((nom, rang) => {{
    window.resultats[nom] = issues[rang].status === "fulfilled" ? issues[rang].value : "refusé";
  }});
  window.fini = true;
}});
</script></body></html>
"""


def _attack_page(url: str) -> str:
    # A text/plain form sends `name=value`: the two together are the JSON body, the `=` swallowed
    # by an extra field of the data file.
    text = json.dumps(CHARTE)
    suffix = '}], "assets": []}}'
    assert text.endswith(suffix)
    name, value = text[:-len(suffix)] + ', "x": "', '"' + suffix
    assert json.loads(name + "=" + value)["params"]["dataFiles"][0]["x"] == "="
    return ATTACK.format(url=url, form_name=name.replace("'", "&#39;"), form_value=value,
                         url_js=json.dumps(url), charte_js=json.dumps(text),
                         rubrique_js=json.dumps(json.dumps(RUBRIQUE)))


class Target:
    """A copy of data/bethune and its backend, as `make editer` starts it."""

    def __init__(self, root: Path) -> None:
        shutil.copytree(ROOT / FOLDER, root / FOLDER)
        (root / FOLDER / "rubriques").mkdir()  # so that a new rubrique could be created
        self.root, self.folder = root, root / FOLDER
        self.editor_origin = f"http://127.0.0.1:{free_port()}"  # the editor's page (not served)
        self.server = start(Depot(root, FOLDER), origin=self.editor_origin)
        self.port = self.server.server_address[1]

    def files(self) -> dict[str, bytes]:
        return {p.relative_to(self.root).as_posix(): p.read_bytes()
                for p in sorted(self.folder.rglob("*")) if p.is_file()}

    def post_as_the_editor(self, body: dict) -> int:
        request = urllib.request.Request(self.server.url, data=json.dumps(body).encode(), method="POST",
                                         headers={"Origin": self.editor_origin,
                                                  "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status


@pytest.fixture
def target(tmp_path) -> Iterator[Target]:
    served = Target(tmp_path)
    yield served
    served.server.shutdown()
    served.server.server_close()


@pytest.fixture
def other_site(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """A static server on another loopback port: another origin, as any web site is."""
    folder = tmp_path_factory.mktemp("autre-site")
    handler = functools.partial(_QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", folder
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("knows_the_token", [False, True], ids=["adresse-devinee", "jeton-fuite"])
def test_a_page_of_another_origin_cannot_write(browser, target, other_site, capfd, knows_the_token):
    site, folder = other_site
    url = target.server.url if knows_the_token else f"http://127.0.0.1:{target.port}/api/v1"
    (folder / "index.html").write_text(_attack_page(url), encoding="utf-8")
    before = target.files()
    capfd.readouterr()
    context = browser.new_context(locale="fr-FR")
    try:
        page = context.new_page()
        page.goto(site + "/index.html")
        wait_until(page, "window.fini === true", timeout=60)
        results = page.evaluate("window.resultats")
    finally:
        context.close()
    assert results["json"] == "refusé", results  # the preflight was refused: nothing sent, nothing read
    assert target.files() == before
    refused = capfd.readouterr().err
    # Each attack reached the backend and was turned away at the door (its origin).
    assert refused.count("refusé (403) : origine refusée") >= 4, refused
    # The same bodies, from the editor's own page, would have been written: the test is not vacuous.
    assert target.post_as_the_editor(RUBRIQUE) == 200
    assert (target.folder / "rubriques" / "hameconnage.md").exists()


def test_a_dns_rebinding_page_cannot_read_or_write(browser, target, capfd):
    """`rebind.test` resolves to 127.0.0.1: its page, on the backend's own port, is same-origin."""
    origin = f"http://rebind.test:{target.port}"
    before = target.files()
    script = f"""
      window.resultats = {{}};
      const essai = (nom, corps) => fetch({json.dumps(target.server.url.replace(
          f"http://127.0.0.1:{target.port}", ""))}, {{method: "POST",
          headers: {{"Content-Type": "application/json"}}, body: JSON.stringify(corps)}})
        .then(r => r.text().then(t => window.resultats[nom] = r.status + " " + t))
        .catch(e => window.resultats[nom] = "échec " + e);
      Promise.all([essai("lire", {{action: "getEntry", params: {{path: "{FOLDER}/charte.yml"}}}}),
                   essai("ecrire", {json.dumps(CHARTE)})]).then(() => window.fini = true);
    """
    capfd.readouterr()
    # A browser of its own, where the name resolves to the loopback address.
    rebinding = browser.browser_type.launch(
        executable_path=CHROMIUM,
        args=[*CHROMIUM_ARGS, "--host-resolver-rules=MAP rebind.test 127.0.0.1", NO_PRIVATE_NETWORK_ACCESS])
    try:
        page = rebinding.new_context().new_page()
        # The attacker's server gave the page first; then the name pointed to 127.0.0.1.
        page.route(origin + "/", lambda route: route.fulfill(
            content_type="text/html", body=f"<!doctype html><script>{script}</script>"))
        page.goto(origin + "/")
        wait_until(page, "window.fini === true", timeout=60)
        results = page.evaluate("window.resultats")
    finally:
        rebinding.close()
    for answer in results.values():
        assert answer.startswith("403 ") and "adresse refusée" in answer, results
    assert "Charte" not in results["lire"]  # nothing of the file was read
    assert target.files() == before
    assert capfd.readouterr().err.count("refusé (403) : adresse refusée") == 2
