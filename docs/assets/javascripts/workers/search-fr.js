/*
 * Socle — recherche en français (3/3) : le worker de recherche.
 *
 * Il enveloppe le worker de Material sans le modifier (Material reste maître de
 * l'index lunr, du classement et de l'affichage) et ajoute trois choses :
 *
 * 1. à l'indexation, chaque mot passe par `SocleRecherche.normaliser` (accents,
 *    casse, pluriels, féminins), après le filtre des mots vides de lunr.fr ;
 * 2. chaque requête est réécrite avant que Material la lise : découpée comme le
 *    texte indexé (le séparateur de mkdocs.yml coupe aussi aux apostrophes), sans
 *    mots vides (« qui », « une », « l' »), chaque mot normalisé de la même façon ;
 * 3. dans les résultats, les termes et les suggestions normalisés (« grev »)
 *    redeviennent des mots lisibles (ce qui a été tapé, ou un mot du site).
 *
 * L'adresse du worker de Material arrive en paramètre (search-config.js) : aucun
 * nom de fichier de Material n'est écrit ici.
 */
"use strict"

importScripts("search-fr-texte.js")

var SETUP = 0
var QUERY = 2
var RESULT = 3

var material = new URL(self.location.href).searchParams.get("material") || ""
if (!/^search\.[0-9a-f]+\.min\.js$/.test(material))
  throw new Error("Socle : worker de recherche de Material introuvable (" + material + ")")

/* Material enregistre son écouteur de messages en se chargeant : on le garde
   de côté pour lui passer nous-mêmes les messages, une fois réécrits. */
var ecouteursMaterial = []
var ajouterEcouteur = self.addEventListener.bind(self)
self.addEventListener = function (type, ecouteur, options) {
  if (type === "message")
    ecouteursMaterial.push(ecouteur)
  else
    ajouterEcouteur(type, ecouteur, options)
}
importScripts(material)
self.addEventListener = ajouterEcouteur

var normaliser = self.SocleRecherche.normaliser
var separateur = /[\s\-]+/g           /* remplacé par celui de mkdocs.yml au SETUP */
var formeLue = new Map()               /* mot normalisé → un mot du site qui y mène */
var formeTapee = new Map()             /* mot normalisé → le mot tapé qui y mène */

/* 1. Indexation : le mot normalisé remplace le mot dans l'index ; sa position dans
      le texte ne change pas, Material surligne donc toujours le mot d'origine. */
function jetonNormalise(jeton) {
  var original = jeton.toString()
  var mot = normaliser(original)
  if (!mot)
    return undefined
  if (!formeLue.has(mot))
    formeLue.set(mot, original)
  return jeton.update(function () { return mot })
}
lunr.Pipeline.registerFunction(jetonNormalise, "socleNormaliser")

var ajouterDocument = lunr.Builder.prototype.add
lunr.Builder.prototype.add = function (doc, attributs) {
  /* Au premier document, la langue (lunr.fr) et le filtre des mots vides sont en
     place : la normalisation passe après eux. Pas dans `searchPipeline` : la
     requête arrive déjà normalisée (2.). */
  if (this.pipeline._stack.indexOf(jetonNormalise) === -1)
    this.pipeline.add(jetonNormalise)
  return ajouterDocument.call(this, doc, attributs)
}

function estMotVide(mot) {
  var francais = self.lunr && lunr.fr
  return Boolean(francais) && !francais.stopWordFilter(mot.toLowerCase())
}

/* Côté requête seulement, un terme peut être raccourci : il reste un début des mots
   qu'il trouvait et en trouve de la même famille (bienveillant → bienveillan*, qui
   trouve aussi « bienveillance » ; urgence → urgen*, qui trouve « urgent »). */
function elargir(terme) {
  return terme.length >= 7 && /[ae]n[tc]$/.test(terme) ? terme.slice(0, -1) : terme
}

/* 2. Requête : « Qui valide une note ? » → « valid note » ; « l'agent » → « agent ». */
function reecrireRequete(requete) {
  var mots = String(requete).split(separateur).filter(Boolean)
  /* Sans les mots vides, ni les lettres isolées (« B'CLIC » → b + clic) quand il y a
     d'autres mots : « b* » trouverait tous les mots en b. */
  var utiles = mots.filter(function (mot) { return !estMotVide(mot) && mot.length > 1 })
  if (utiles.length === 0)
    utiles = mots                      /* « qui » seul : on le cherche quand même */
  var termes = []
  utiles.forEach(function (mot) {
    var terme = elargir(normaliser(mot))
    if (!terme || termes.indexOf(terme) !== -1)
      return
    formeTapee.set(terme, mot)
    termes.push(terme)
  })
  return termes.join(" ")
}

/* 3. Résultats : termes et suggestions en mots lisibles. */
function motLisible(terme) {
  return formeTapee.get(terme) || formeLue.get(terme) || terme
}

function resultatLisible(resultat) {
  resultat.items.forEach(function (groupe) {
    groupe.forEach(function (item) {
      var termes = {}
      Object.keys(item.terms || {}).forEach(function (terme) {
        termes[motLisible(terme)] = item.terms[terme]
      })
      item.terms = termes
    })
  })
  if (resultat.suggest)
    resultat.suggest = resultat.suggest.map(function (terme) {
      return formeLue.get(terme) || terme
    })
  return resultat
}

var posterMessage = self.postMessage.bind(self)
self.postMessage = function (message) {
  if (message && message.type === RESULT && message.data && message.data.items)
    message = { type: RESULT, data: resultatLisible(message.data) }
  posterMessage(message)
}

ajouterEcouteur("message", function (evenement) {
  var message = evenement.data
  if (message && message.type === SETUP && message.data.config.separator)
    separateur = new RegExp(message.data.config.separator, "g")
  if (message && message.type === QUERY)
    message = { type: QUERY, data: reecrireRequete(message.data) }
  ecouteursMaterial.forEach(function (ecouteur) {
    ecouteur({ data: message })
  })
})
