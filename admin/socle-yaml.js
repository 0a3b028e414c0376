// Socle's YAML for the editor (Decap CMS format « socle-yml »): what the forms save is the
// file as it was, with only what changed rewritten.
//
// Decap's own YAML format rewrites a whole file with its serializer: the header comments
// (schema line, instructions), the comments inside, the blank lines between items and the
// quoting of texts are lost, so one changed field would move the whole file. Here the file
// as read travels with the entry (key SOURCE, kept by Decap with the data and never shown),
// and saving applies the form's values to that document: a value that did not change keeps
// its node (quotes, comments), a changed one keeps its quoting, new items are added, removed
// ones dropped. YAML's failsafe schema reads every value as text, as Socle's strict loader
// does (macros/data/yaml_strict.py); anchors, aliases and tags are never written.
import { parseDocument, isMap, isSeq, isScalar, Scalar } from "./vendor/yaml-2.9.1/index.js";

export const SOURCE = "__socle_source";
const READ = { schema: "failsafe", version: "1.2" };
// As Socle's files are written: two spaces, lists indented under their key, no folding.
const WRITE = { indent: 2, indentSeq: true, lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false };

export function lire(text) {
  const doc = parseDocument(text, READ);
  const data = doc.toJS() ?? {};
  data[SOURCE] = text;
  return data;
}

function isEmpty(value) {
  if (value === null || value === undefined || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.values(value).every(isEmpty);
  return false;
}

// A field left empty in the form is absent from the file: Socle's optional fields are absent
// or filled, never empty (an empty required field is refused by the form, then by make check).
function prune(value) {
  if (Array.isArray(value)) return value.map(prune);
  if (value && typeof value === "object") {
    const kept = {};
    for (const [key, item] of Object.entries(value)) {
      if (!isEmpty(item)) kept[key] = prune(item);
    }
    return kept;
  }
  return value;
}

function text(value) {
  return typeof value === "string" ? value : String(value);
}

function merge(doc, node, value) {
  if (Array.isArray(value)) {
    if (!isSeq(node)) return doc.createNode(value);
    value.forEach((item, index) => {
      if (index < node.items.length) node.items[index] = merge(doc, node.items[index], item);
      else node.items.push(doc.createNode(item));
    });
    node.items.splice(value.length);
    return node;
  }
  if (value && typeof value === "object") {
    if (!isMap(node)) return doc.createNode(value);
    node.items = node.items.filter((pair) => Object.hasOwn(value, text(pair.key.value)));
    for (const [key, item] of Object.entries(value)) {
      const pair = node.items.find((p) => text(p.key.value) === key);
      if (pair) pair.value = merge(doc, pair.value, item);
      else node.items.push(doc.createPair(key, item));
    }
    return node;
  }
  if (isScalar(node) && text(node.value) === text(value)) return node;
  const scalar = new Scalar(text(value));
  if (isScalar(node) && typeof node.value === "string") {
    scalar.type = node.type; // a quoted text stays quoted
    scalar.comment = node.comment;
  }
  return scalar;
}

// For each line of `after`, the index of the same line in `before` when it is part of their
// longest common sequence of lines, else -1.
function commonLines(before, after) {
  const n = before.length, m = after.length;
  const table = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = before[i] === after[j] ? table[(i + 1) * (m + 1) + j + 1] + 1
        : Math.max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1]);
    }
  }
  const found = new Array(m).fill(-1);
  for (let i = 0, j = 0; i < n && j < m;) {
    if (before[i] === after[j]) found[j++] = i++;
    else if (table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1]) i++;
    else j++;
  }
  return found;
}

export function ecrire(data) {
  const { [SOURCE]: source, ...values } = data;
  const doc = parseDocument(source ?? "", READ);
  doc.contents = merge(doc, doc.contents, prune(values));
  const written = doc.toString(WRITE);
  if (source === undefined) return written;
  // The library rewrites a few things it keeps the meaning of (the spaces before a comment at
  // the end of a line): lines the change did not touch are put back exactly as they were.
  const original = source.split("\n");
  const unchanged = parseDocument(source, READ).toString(WRITE).split("\n");
  if (unchanged.length !== original.length) return written;
  const lines = written.split("\n");
  const same = commonLines(unchanged, lines);
  return lines.map((line, index) => (same[index] === -1 ? line : original[same[index]])).join("\n");
}

// An id (`identifiant`, macros/editeur/champs.py) is the address of what it names: a text
// field that is read-only once it holds a value, editable only in an item just added. Decap's
// own string widget has no read-only mode; `createClass` and `h` are Decap's widget API.
function identifiant() {
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

// In the editor: register the format and the id field, then start Decap (admin/index.html
// sets CMS_MANUAL_INIT).
if (typeof window !== "undefined" && window.CMS) {
  window.CMS.registerCustomFormat("socle-yml", "yml", { fromFile: lire, toFile: ecrire });
  window.CMS.registerWidget("identifiant", identifiant());
  window.CMS.init();
}
