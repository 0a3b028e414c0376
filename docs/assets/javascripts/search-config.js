/*
 * Socle — recherche en français (1/3) : Material utilise le worker de Socle.
 *
 * Material lit sa configuration (#__config) au chargement de son bundle, juste
 * après ce script (overrides/main.html, bloc « config »). On y remplace l'adresse
 * de son worker de recherche par workers/search-fr.js, rangé dans le même dossier
 * (les chemins relatifs de Material, « ../lunr », y restent valables), en lui
 * passant le nom du worker de Material qu'il charge et enveloppe.
 */
(function () {
  "use strict"
  var element = document.getElementById("__config")
  if (!element)
    return
  var config = JSON.parse(element.textContent)
  if (!config.search)
    return
  var materiel = new URL(config.search, document.baseURI)
  var socle = new URL("search-fr.js", materiel)
  socle.searchParams.set("material", materiel.pathname.split("/").pop())
  config.search = socle.href
  element.textContent = JSON.stringify(config)
})()
