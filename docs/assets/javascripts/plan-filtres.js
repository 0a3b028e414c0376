/* Socle — filtres des actions du plan d'amélioration.
 *
 * Written for Socle, no dependency, no request. Works on the form rendered by
 * macros/site/templates/plan_explorateur.md.j2 (plan and fiches' pages) and does nothing on
 * other pages. Without JavaScript the form stays hidden, a <noscript> note says the filters
 * need it, and every table is shown in full.
 *
 * - Filters rows (tr[data-action]) by the boxes ticked: several boxes of one filter widen the
 *   list (either pilote), two filters narrow it (this pilote and late). The empty value is
 *   « sans pilote », « sans échéance »… what a row carries when the field is empty. Lists
 *   (contributeurs, partenaires) hold one item a line. « retard » is data-retard; the other
 *   échéance states are computed at build (depassee, proche, plus-tard, aucune). Words: every
 *   word must appear; accents, case and apostrophes are ignored.
 * - Hides a group's heading and table (an objective, or an axe holding its actions) when
 *   none of its rows is left, and an axe's heading and motto when none of its groups is left.
 * - Keeps the filters in the address (?pilote=A&pilote=B&echeance=retard&mot=…#<list>), so a
 *   shared link opens on the filtered list, even after Material's tracking has written the
 *   section in view there; `mot`, not `q`: Material reads `q` for search.
 * - Says what is shown: a polite live count in the form, and above the list (kept in print,
 *   where the form is not) the filters and the count of a filtered view.
 * - On a phone the form folds into one control (its <details> starts closed).
 */
(function () {
  "use strict";

  var LISTES = {contributeurs: true, partenaires: true};
  var ETROIT = "(max-width: 44.9375em)";  // socle.css: where tables become cards

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
    var actifs = form.querySelector("[data-socle-actifs]");
    var plier = form.querySelector("details");
    var intro = document.querySelector("[data-socle-intro]");
    var vue = document.querySelector("[data-socle-vue]");
    var liste = form.getAttribute("data-socle-liste");
    var mot = form.elements.mot;
    var groupes = Array.prototype.slice.call(form.querySelectorAll("fieldset[data-socle-filtre]"));
    var noms = groupes.map(function (g) { return g.getAttribute("data-socle-filtre"); });
    var lignes = Array.prototype.slice.call(document.querySelectorAll("tr[data-action]"));
    var textes = lignes.map(function (ligne) { return normaliser(ligne.textContent); });
    var tableaux = Array.prototype.slice.call(document.querySelectorAll("div[data-groupe]"));

    function cases(nom) {
      return Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox][name='" + nom + "']"));
    }

    function choisies(nom) {
      return cases(nom).filter(function (c) { return c.checked; });
    }

    function garde(ligne, nom, voulues) {
      if (!voulues.length) { return true; }
      var porte = ligne.getAttribute("data-" + nom) || "";
      if (nom === "echeance") {
        return voulues.some(function (v) {
          return v === "retard" ? ligne.getAttribute("data-retard") === "oui" : porte === v;
        });
      }
      var siennes = LISTES[nom] ? (porte ? porte.split("\n") : [""]) : [porte];
      return voulues.some(function (v) { return siennes.indexOf(v) !== -1; });
    }

    function appliquer() {
      var voulues = {};
      noms.forEach(function (nom) { voulues[nom] = choisies(nom).map(function (c) { return c.value; }); });
      var texte = (mot.value || "").trim();
      var mots = normaliser(texte).split(" ").filter(Boolean);
      var visibles = 0;
      lignes.forEach(function (ligne, rang) {
        var montree = noms.every(function (nom) { return garde(ligne, nom, voulues[nom]); }) &&
          mots.every(function (m) { return textes[rang].indexOf(m) !== -1; });
        ligne.hidden = !montree;
        if (montree) { visibles += 1; }
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
      // What the view is: « Pilote : A ou B ; Échéance : En retard », for the count and print.
      var dits = [];
      groupes.forEach(function (g, rang) {
        var libelles = choisies(noms[rang]).map(function (c) { return c.getAttribute("data-libelle"); });
        if (libelles.length) { dits.push(g.querySelector("legend").textContent + " : " + libelles.join(" ou ")); }
      });
      if (texte) { dits.push("mot-clé : « " + texte + " »"); }
      var total = lignes.length;
      var filtre = dits.length > 0;
      compte.textContent = !filtre ? accorder(total, "action affichée", "actions affichées") + " : toutes."
        : visibles === 0 ? "Aucune action ne correspond à ces filtres (" + total + " au total)."
        : accorder(visibles, "action affichée", "actions affichées") + " sur " + total + ".";
      actifs.textContent = filtre ? "(" + accorder(dits.length, "filtre actif", "filtres actifs") + ")" : "";
      if (vue) {
        vue.hidden = !filtre;
        vue.textContent = filtre ? "Vue filtrée — " + dits.join(" ; ") + " : " +
          accorder(visibles, "action", "actions") + " sur " + total + "." : "";
      }
      masquer(intro, filtre);
      var params = new URLSearchParams(window.location.search);
      noms.forEach(function (nom) {
        params.delete(nom);
        voulues[nom].forEach(function (v) { params.append(nom, v); });
      });
      if (texte) { params.set("mot", texte); } else { params.delete("mot"); }
      var requete = params.toString();
      // A filtered view's address opens on its list, wherever the reader scrolled.
      var ancre = filtre && liste ? "#" + liste : window.location.hash;
      var adresse = window.location.pathname + (requete ? "?" + requete : "") + ancre;
      if (adresse !== window.location.pathname + window.location.search + window.location.hash) {
        window.history.replaceState(window.history.state, "", adresse);
      }
    }

    var depart = new URLSearchParams(window.location.search);
    noms.forEach(function (nom) {
      var voulues = depart.getAll(nom);
      cases(nom).forEach(function (c) { c.checked = voulues.indexOf(c.value) !== -1; });
    });
    if (depart.get("mot") !== null) { mot.value = depart.get("mot"); }
    // Folded on a phone: five filters would fill its screen (the view's summary says what is set).
    if (plier && window.matchMedia && window.matchMedia(ETROIT).matches) { plier.open = false; }
    // Material's navigation.tracking writes the section in view into the address as the
    // reader scrolls: a filtered view copied from there opened on that section (« le plan
    // dans un tableur »), not on its list. Once the scrolling stops, the list's anchor is back.
    var attente = null;
    function remettreAncre() {
      var filtre = noms.some(function (nom) { return choisies(nom).length; }) || (mot.value || "").trim();
      if (filtre && liste && window.location.hash !== "#" + liste) {
        window.history.replaceState(window.history.state, "",
          window.location.pathname + window.location.search + "#" + liste);
      }
    }
    window.addEventListener("scroll", function () {
      window.clearTimeout(attente);
      attente = window.setTimeout(remettreAncre, 500);  // after Material's own update, which is debounced
    }, {passive: true});
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
