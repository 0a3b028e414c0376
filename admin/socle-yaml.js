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
import { gardeEnregistrement, suivreAdresse } from "./socle-adresse.js";
import { dateFrancaise, identifiant } from "./socle-widgets.js";

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

// What the form gives, as the file writes it: every value a text (a number typed in Decap's
// number field, avancement, arrives as a number, which YAML's failsafe schema has no tag for:
// « Tag not resolved for Number value »), and a field left empty absent from the file:
// Socle's optional fields are absent or filled, never empty (an empty required field is
// refused by the form, then by make check).
function prune(value) {
  if (Array.isArray(value)) return value.filter((item) => !isEmpty(item)).map(prune);
  if (value && typeof value === "object") {
    const kept = {};
    for (const [key, item] of Object.entries(value)) {
      if (!isEmpty(item)) kept[key] = prune(item);
    }
    return kept;
  }
  return text(value);
}

function text(value) {
  return typeof value === "string" ? value : String(value);
}

// The field that names an item of a list, when it has one: the same item keeps its lines
// (and the comments on them) wherever it moves in the list.
const IDENTITY = ["id", "cle", "sigle", "numero", "code", "terme", "nom", "titre"];

// JSON with its keys sorted: the form and the file may list a mapping's keys in another order.
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

// How an item is recognised: a text by its text, a mapping by its identity field (the first of
// IDENTITY it holds), else by its whole content.
function identity(value) {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const key = IDENTITY.find((name) => typeof value[name] === "string");
    if (key) return `${key}=${value[key]}`;
  }
  return canonical(value);
}

// The nodes of a sequence for the form's new list: each item finds its own node (same
// identity), then each item left finds a node left, in order (an item whose text or identity
// field was edited); what remains is new. A reordered or deleted item thus moves or drops its
// own lines only, comments included, and untouched items keep their node as it was (flow style
// « [ComEx] », quotes).
function matchItems(doc, seq, values) {
  const nodes = seq.items;
  const keys = nodes.map((node) => identity(isScalar(node) ? text(node.value) : node.toJS(doc)));
  const used = new Set();
  const found = values.map((value) => {
    const key = identity(value);
    const index = keys.findIndex((candidate, i) => !used.has(i) && candidate === key);
    if (index === -1) return -1;
    used.add(index);
    return index;
  });
  const left = nodes.map((_, i) => i).filter((i) => !used.has(i));
  return values.map((value, position) => {
    let index = found[position];
    if (index === -1 && left.length) index = left.shift();
    if (index === -1) return doc.createNode(value);
    return merge(doc, nodes[index], value);
  });
}

function merge(doc, node, value) {
  if (Array.isArray(value)) {
    if (!isSeq(node)) return doc.createNode(value);
    node.items = matchItems(doc, node, value);
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
  if (isScalar(node) && text(node.value) === value) return node;
  const scalar = new Scalar(value);
  if (isScalar(node) && typeof node.value === "string") {
    scalar.type = node.type; // a quoted text stays quoted
    scalar.comment = node.comment;
    scalar.commentBefore = node.commentBefore;
    scalar.spaceBefore = node.spaceBefore;
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
  // A line that moved (an item of a list reordered) is not in the common sequence: it is put
  // back as written too, from a line the library writes the same way that no other took.
  const free = new Map();
  const taken = new Set(same);
  unchanged.forEach((line, index) => {
    if (!taken.has(index)) free.set(line, [...(free.get(line) ?? []), index]);
  });
  return lines.map((line, index) => {
    if (same[index] !== -1) return original[same[index]];
    const moved = free.get(line)?.shift();
    return moved === undefined ? line : original[moved];
  }).join("\n");
}

// In the editor: register the format, Socle's fields and the address guard, then start Decap
// (admin/init.js sets CMS_MANUAL_INIT).
if (typeof window !== "undefined" && window.CMS) {
  window.CMS.registerCustomFormat("socle-yml", "yml", { fromFile: lire, toFile: ecrire });
  window.CMS.registerWidget("identifiant", identifiant());
  window.CMS.registerWidget("date-fr", dateFrancaise());
  window.CMS.registerEventListener({ name: "preSave", handler: (data) => gardeEnregistrement(data) });
  suivreAdresse(window);
  window.CMS.init();
}
