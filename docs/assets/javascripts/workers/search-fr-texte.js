/*
 * Socle — recherche en français (2/3) : la normalisation des mots.
 *
 * Une seule fonction, `normaliser`, sert à la fois à l'index (chaque mot du site)
 * et à la requête (chaque mot tapé) : ce qui est tapé retrouve ce qui est écrit
 * quels que soient les accents, la casse, le singulier ou le pluriel.
 *
 * La racinisation est volontairement légère (pas le stemmer Snowball de lunr) :
 * elle ne fait que retirer des fins de mot (s, x, e, er), jamais en ajouter ni en
 * remplacer. Ainsi le début d'un mot en cours de frappe se normalise en un début
 * du mot complet normalisé, et la recherche « au fil de la frappe » (le `*` que
 * Material ajoute à chaque terme) continue de fonctionner lettre par lettre.
 *
 * Chargé par le worker (importScripts) et, pour les tests, par une page.
 */
(function (racine) {
  "use strict"

  /* Une racine ne descend jamais sous 4 lettres : « note » reste « note »
     (sinon « not* » trouverait « notamment »). */
  var LONGUEUR_MINIMALE = 4

  /** Minuscules, sans accents ni ligatures : « Grève » → « greve », « cœur » → « coeur ». */
  function plier(mot) {
    return String(mot)
      .toLowerCase()
      .replace(/œ/g, "oe")
      .replace(/æ/g, "ae")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
  }

  function retirer(mot, fin) {
    return mot.length - fin >= LONGUEUR_MINIMALE ? mot.slice(0, -fin) : mot
  }

  /** Fins de mot du pluriel, du féminin et de l'infinitif : congés → conge → cong. */
  function raciner(mot) {
    if (/\d/.test(mot))
      return mot
    if (/[sx]$/.test(mot))
      mot = retirer(mot, 1)                 /* agents → agent, travaux → travau */
    while (/e$/.test(mot) && retirer(mot, 1) !== mot)
      mot = retirer(mot, 1)                 /* validee → valid, greve → grev */
    if (/er$/.test(mot))
      mot = retirer(mot, 2)                 /* valider → valid, premier → premi */
    return mot
  }

  /** Le mot tel que l'index et la requête le comparent ("" s'il ne reste rien). */
  function normaliser(mot) {
    var plie = plier(mot).replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "")
    return plie ? raciner(plie) : ""
  }

  racine.SocleRecherche = {
    plier: plier,
    raciner: raciner,
    normaliser: normaliser
  }
})(typeof self !== "undefined" ? self : this)
