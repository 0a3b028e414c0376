/* Socle — filtres des actions du plan d'amélioration.
 *
 * Written for Socle, no dependency, no request. Works on the form rendered by
 * macros/templates/plan_explorateur.md.j2 and does nothing on other pages.
 * Without JavaScript the form stays hidden and every table is shown in full.
 *
 * - Filters rows (tr[data-action]) by axe, horizon, statut, pilote, échéance (its state
 *   is computed at build: depassee, proche, plus-tard, aucune; « retard » is data-retard)
 *   and words (every word must appear; accents, case and apostrophes are ignored).
 *   A filter the page does not offer (a plan without horizons) is simply absent.
 * - Hides a group's heading and table (an objective, or an axe holding its actions) when
 *   none of its rows is left, and an axe's heading and motto when none of its groups is left.
 * - Keeps the filters in the query string (?axe=2&echeance=retard&mot=...),
 *   so a filtered view can be shared; `mot`, not `q`: Material reads `q` for search.
 * - Announces the number of actions shown in a polite live region.
 */
(function () {
  "use strict";

  var CHAMPS = ["mot", "axe", "horizon", "statut", "pilote", "echeance"];

  function normaliser(texte) {
    return texte.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[’'`\u2019]/g, " ").replace(/œ/g, "oe").replace(/æ/g, "ae")
      .toLowerCase().replace(/\s+/g, " ").trim();
  }

  function accorder(nombre, singulier, pluriel) {
    return nombre + " " + (nombre > 1 ? pluriel : singulier);
  }

  function masquer(element, cache) {
    if (element) { element.hidden = cache; }
  }

  function initialiser() {
    var form = document.querySelector("form[data-socle-filtres]");
    if (!form || form.getAttribute("data-socle-pret")) { return; }
    form.setAttribute("data-socle-pret", "oui");
    var compte = form.querySelector("[data-socle-compte]");
    var champs = CHAMPS.filter(function (nom) { return form.elements[nom]; });
    var lignes = Array.prototype.slice.call(document.querySelectorAll("tr[data-action]"));
    var textes = lignes.map(function (ligne) { return normaliser(ligne.textContent); });
    var tableaux = Array.prototype.slice.call(document.querySelectorAll("div[data-groupe]"));

    function valeurs() {
      var v = {};
      CHAMPS.forEach(function (nom) { v[nom] = form.elements[nom] ? (form.elements[nom].value || "").trim() : ""; });
      return v;
    }

    function echeanceGarde(ligne, voulu) {
      if (!voulu) { return true; }
      if (voulu === "retard") { return ligne.getAttribute("data-retard") === "oui"; }
      return ligne.getAttribute("data-echeance") === voulu;
    }

    function appliquer() {
      var v = valeurs();
      var mots = normaliser(v.mot).split(" ").filter(Boolean);
      var visibles = 0;
      lignes.forEach(function (ligne, rang) {
        var garde = (!v.axe || ligne.getAttribute("data-axe") === v.axe) &&
          (!v.horizon || ligne.getAttribute("data-horizon") === v.horizon) &&
          (!v.statut || ligne.getAttribute("data-statut") === v.statut) &&
          (!v.pilote || ligne.getAttribute("data-pilote") === v.pilote) &&
          echeanceGarde(ligne, v.echeance) &&
          mots.every(function (mot) { return textes[rang].indexOf(mot) !== -1; });
        ligne.hidden = !garde;
        if (garde) { visibles += 1; }
      });
      var axesVisibles = {};
      tableaux.forEach(function (tableau) {
        var vide = !tableau.querySelector("tr[data-action]:not([hidden])");
        masquer(tableau, vide);
        var groupe = tableau.getAttribute("data-groupe");
        if (groupe !== tableau.getAttribute("data-axe")) { masquer(document.getElementById(groupe), vide); }
        if (!vide) { axesVisibles[tableau.getAttribute("data-axe")] = true; }
      });
      tableaux.forEach(function (tableau) {
        var ancre = tableau.getAttribute("data-axe");
        var titre = document.getElementById(ancre);
        masquer(titre, !axesVisibles[ancre]);
        var devise = titre && titre.nextElementSibling;
        if (devise && devise.classList.contains("socle-devise")) { masquer(devise, !axesVisibles[ancre]); }
      });
      var total = lignes.length;
      var filtre = CHAMPS.some(function (nom) { return v[nom]; });
      compte.textContent = !filtre ? accorder(total, "action affichée", "actions affichées") + " : toutes."
        : visibles === 0 ? "Aucune action ne correspond à ces filtres (" + total + " au total)."
        : accorder(visibles, "action affichée", "actions affichées") + " sur " + total + ".";
      var params = new URLSearchParams(window.location.search);
      CHAMPS.forEach(function (nom) { if (v[nom]) { params.set(nom, v[nom]); } else { params.delete(nom); } });
      var requete = params.toString();
      var adresse = window.location.pathname + (requete ? "?" + requete : "") + window.location.hash;
      if (adresse !== window.location.pathname + window.location.search + window.location.hash) {
        window.history.replaceState(window.history.state, "", adresse);
      }
    }

    var depart = new URLSearchParams(window.location.search);
    champs.forEach(function (nom) {
      var champ = form.elements[nom];
      var valeur = depart.get(nom);
      if (valeur === null) { return; }
      if (champ.tagName === "SELECT") {
        var connue = Array.prototype.some.call(champ.options, function (o) { return o.value === valeur; });
        champ.value = connue ? valeur : "";
      } else {
        champ.value = valeur;
      }
    });
    form.addEventListener("input", appliquer);
    form.addEventListener("change", appliquer);
    form.addEventListener("submit", function (event) { event.preventDefault(); appliquer(); });
    form.addEventListener("reset", function () { window.setTimeout(appliquer, 0); });
    form.hidden = false;
    appliquer();
  }

  // Each fiche once was an anchor (#action-<id>) of the fiches' page, and before that of the
  // plan's: a static host cannot redirect an anchor, so the page that holds the old anchor
  // (data-socle-ancres: the address of the fiches) goes on to the fiche's own page. Without
  // JavaScript the old link still lands on the action's row, which links to its fiche.
  function suivreAncienneAncre() {
    var porteur = document.querySelector("[data-socle-ancres]");
    var trouve = /^#action-([a-z0-9-]+)$/.exec(window.location.hash);
    if (!porteur || !trouve || !document.getElementById("action-" + trouve[1])) { return false; }
    window.location.replace(porteur.getAttribute("data-socle-ancres") + trouve[1] + "/");
    return true;
  }

  function demarrer() {
    if (!suivreAncienneAncre()) { initialiser(); }
  }

  // Material's instant navigation (if ever enabled) swaps pages without a load event.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(demarrer);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", demarrer);
  } else {
    demarrer();
  }
})();
