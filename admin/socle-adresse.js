// The editor shows, and saves into, the file its address names — however the address came.
//
// Decap mounts one editor for every address « #/collections/<c>/entries/<fichier> » and reads
// the entry once, when it mounts (Editor.componentDidMount of decap-cms-core 3.16: nothing
// reloads it when only the entry of the address changes). Going from one entry's address to
// another's without leaving the editor — the address bar, back / forward, a link — kept the
// first file loaded under the second one's form: the form showed empty, and « Publier » wrote
// into the first file, merged with its text (the file read travels with the entry,
// admin/socle-yaml.js). Two guards, through Decap's public surface only:
// - when the address moves from one entry to another, the page is reloaded, and Decap starts
//   again on the new address and reads that file (a reload or a first visit already did) —
//   unless the person chose to stay on a form with unsaved changes: the address comes back;
// - a save whose entry is not the one the address names is refused before anything is
//   written (Decap's « preSave » event), in French.

const ENTREE = /^#\/collections\/([^/?]+)\/entries\/([^?]+)/;

// « sections/charte » for « #/collections/sections/entries/charte », null elsewhere.
export function entreeDe(hash) {
  const found = ENTREE.exec(hash || "");
  return found ? `${decodeURIComponent(found[1])}/${decodeURIComponent(found[2])}` : null;
}

export function suivreAdresse(win = window) {
  let montree = entreeDe(win.location.hash);
  let adresse = win.location.hash;
  // With unsaved changes, Decap asks before leaving the form (window.confirm, through its
  // router). Refused, its router stays on the form but leaves the new address in the bar
  // (it only knows how to undo its own moves): the address is put back, nothing reloads.
  let refus = false;
  const demander = win.confirm.bind(win);
  win.confirm = (message) => {
    const oui = demander(message);
    refus = refus || !oui;
    return oui;
  };
  win.addEventListener("hashchange", () => {
    refus = false;
    // Decap's own listener runs in the same event, after this one: decide once it has.
    win.setTimeout(() => {
      const demandee = entreeDe(win.location.hash);
      if (montree && demandee && demandee !== montree) {
        if (refus) {
          win.history.replaceState(win.history.state, "", win.location.pathname + win.location.search + adresse);
        } else {
          win.location.reload();
        }
        return;
      }
      montree = demandee;
      adresse = win.location.hash;
    }, 0);
  });
}

// Decap's preSave handler: throwing stops the save, and Decap shows the message
// (« Échec de l'enregistrement de l'entrée : … »).
export function gardeEnregistrement({ entry }, win = window) {
  const demandee = entreeDe(win.location.hash);
  const enregistree = `${entry.get("collection")}/${entry.get("slug")}`;
  if (demandee && !entry.get("newRecord") && demandee !== enregistree) {
    throw new Error(`ce formulaire est celui de « ${entry.get("path")} », pas celui de l'adresse `
      + "de la page : rien n'a été enregistré. Rechargez la page pour ouvrir le formulaire de l'adresse.");
  }
  return undefined; // the entry as it is
}
