// Socle's own fields for the editor, built with Decap's widget API (window.createClass and
// window.h, which decap-cms.js defines): registered by admin/socle-yaml.js before Decap starts.

// An id (`identifiant`, macros/editeur/champs.py) is the address of what it names: a text
// field that is read-only once it holds a value, editable only in an item just added. Decap's
// own string widget has no read-only mode.
export function identifiant() {
  return window.createClass({
    getInitialState() {
      return { fige: Boolean(this.props.value) };
    },
    render() {
      const fige = this.state.fige;
      return window.h("input", {
        id: this.props.forID,
        type: "text",
        value: this.props.value || "",
        readOnly: fige,
        title: fige ? "L'identifiant ne change pas : c'est l'adresse de ce qu'il nomme." : undefined,
        className: this.props.classNameWrapper,
        onChange: (event) => { if (!fige) this.props.onChange(event.target.value); },
        onFocus: this.props.setActiveStyle,
        onBlur: this.props.setInactiveStyle,
      });
    },
  });
}

// A date, typed and shown JJ/MM/AAAA (a day), MM/AAAA (a month) or AAAA (a year), stored
// AAAA-MM-JJ, AAAA-MM or AAAA (as Socle's files write it: macros/models/dates.py).
//
// Decap's datetime widget is the browser's <input type="date">: its order is the browser's
// language (mm/dd/yyyy in an English one, whatever the page says), a six-digit year field let
// « 06302026 » become 1906-06-30, it adds « UTC » when picker_utc is set, and it knows no
// month or year alone. This field is a text in French order: what it stores is the ISO form
// once the text is a real day, month or year, else the text as typed, which the field's
// pattern (champs.py: the three forms, 2000 to 2100) refuses with a French message. Emptied,
// it stores "" and the file loses the key (socle-yaml.js).
const ISO = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/;
const FRANCAIS = /^(?:(?:(\d{1,2})\/)?(\d{1,2})\/)?(\d{4})$/;

export function enFrancais(valeur) {
  const found = ISO.exec(valeur || "");
  if (!found) return valeur || "";
  if (found[3]) return `${found[3]}/${found[2]}/${found[1]}`;
  return found[2] ? `${found[2]}/${found[1]}` : found[1];
}

export function enIso(texte) {
  const compact = texte.trim();
  // Eight digits typed without slashes: « 30062026 » is the 30th of June 2026.
  const found = FRANCAIS.exec(/^\d{8}$/.test(compact)
    ? `${compact.slice(0, 2)}/${compact.slice(2, 4)}/${compact.slice(4)}` : compact);
  if (!found) return null;
  const annee = Number(found[3]);
  const deux = (n) => String(n).padStart(2, "0");
  if (found[2] === undefined) return String(annee);
  const mois = Number(found[2]);
  if (mois < 1 || mois > 12) return null; // month 13
  if (found[1] === undefined) return `${annee}-${deux(mois)}`;
  const jour = Number(found[1]);
  const date = new Date(Date.UTC(annee, mois - 1, jour));
  if (date.getUTCFullYear() !== annee || date.getUTCMonth() !== mois - 1 || date.getUTCDate() !== jour) {
    return null; // the 31st of June
  }
  return `${annee}-${deux(mois)}-${deux(jour)}`;
}

export function dateFrancaise() {
  return window.createClass({
    getInitialState() {
      return { texte: enFrancais(this.props.value) };
    },
    componentDidUpdate(before) {
      // The entry changed from elsewhere (a draft restored): show its date.
      if (this.props.value !== before.value && this.props.value !== this.envoye) {
        this.setState({ texte: enFrancais(this.props.value) });
      }
    },
    changer(event) {
      const texte = event.target.value;
      const iso = texte.trim() === "" ? "" : enIso(texte);
      this.envoye = iso ?? texte;
      this.setState({ texte: iso ? enFrancais(iso) : texte });
      this.props.onChange(this.envoye);
    },
    render() {
      return window.h("input", {
        id: this.props.forID,
        type: "text",
        inputMode: "numeric",
        autoComplete: "off",
        placeholder: "JJ/MM/AAAA, MM/AAAA ou AAAA",
        maxLength: 10,
        value: this.state.texte,
        className: this.props.classNameWrapper,
        onChange: (event) => this.changer(event),
        onFocus: this.props.setActiveStyle,
        onBlur: this.props.setInactiveStyle,
      });
    },
  });
}
