#!/usr/bin/env node
/**
 * Generates test/double/api-sets.generated.json: for every member of the Excel classes
 * the add-in and the Excel double use, the requirement set that introduced it, read from
 * the `[Api set: …]` annotations of @types/office-js (never typed by hand).
 *
 *   { "typesVersion": "1.0.612", "members": { "Range.values": { "set": "ExcelApi", "read": "1.1", "write": "1.1" }, … } }
 *
 * `read`/`write` differ where the annotation does ("ExcelApi 1.1 for reading visibility;
 * 1.2 for setting it"). Used by the double's client profiles (test/double/profiles.ts),
 * the support matrix in the README (scripts/update-support-matrix.js) and the manifest
 * check of the task-pane variant. A test regenerates it and compares.
 *
 *   node scripts/gen-api-sets.js            # writes the file
 *   node scripts/gen-api-sets.js --check    # exit 1 when the committed file is stale
 */
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'test/double/api-sets.generated.json');
const DTS = require.resolve('@types/office-js/index.d.ts', { paths: [ROOT] });

/** The Excel classes the adapter touches (the double implements the same ones). */
const CLASSES = [
  'Application',
  'Workbook',
  'Worksheet',
  'WorksheetCollection',
  'WorksheetFreezePanes',
  'Range',
  'RangeFormat',
  'RangeFont',
  'RangeFill',
  'RangeBorder',
  'RangeBorderCollection',
  'NamedItem',
  'NamedItemCollection',
  'DataValidation',
  'PageLayout',
  'HeaderFooterGroup',
  'HeaderFooter',
];

const VERSION = (s) => s.split('.').map(Number);
/** -1, 0, 1 comparing "1.10" with "1.9" numerically. */
function cmpVersion(a, b) {
  const x = VERSION(a);
  const y = VERSION(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d) return Math.sign(d);
  }
  return 0;
}

/** Parses the `[Api set: …]` text of one JSDoc block into { set, read, write }. */
function parseApiSet(doc) {
  const m = /\[\s*Api set:\s*([^\]]+)\]/.exec(doc);
  if (!m) return null;
  const text = m[1];
  const sets = [...text.matchAll(/(ExcelApi(?:Online|Desktop)?)\s+(\d+\.\d+)/g)].map((x) => ({ set: x[1], version: x[2] }));
  if (!sets.length) return null;
  const set = sets[0].set;
  const read = sets[0].version;
  // "1.1 for reading …; 1.2 for setting it" / "1.1 for get, 1.4 for set"
  const setting = /(\d+\.\d+)\s+for\s+(?:setting|set|writing)/i.exec(text);
  return { set, read, write: setting ? setting[1] : read };
}

function generate() {
  const source = ts.createSourceFile(DTS, fs.readFileSync(DTS, 'utf8'), ts.ScriptTarget.Latest, true);
  const members = {};
  const visit = (node, inExcel) => {
    if (ts.isModuleDeclaration(node)) {
      const name = node.name.getText(source);
      // Only `declare namespace Excel { class … }`, not Excel.Interfaces.
      const excel = name === 'Excel' && !inExcel;
      if (node.body && ts.isModuleBlock(node.body)) for (const s of node.body.statements) visit(s, excel || (inExcel && false));
      return;
    }
    if (!inExcel || !ts.isClassDeclaration(node) || !node.name) return;
    const cls = node.name.text;
    if (!CLASSES.includes(cls)) return;
    for (const m of node.members) {
      if (!m.name) continue;
      const name = m.name.getText(source);
      if (name.startsWith('_') || name === 'context' || name === 'toJSON' || name === 'track' || name === 'untrack' || name === 'load') continue;
      const docs = (m.jsDoc ?? []).map((d) => d.getText(source)).join('\n');
      const api = parseApiSet(docs);
      if (!api) continue;
      const key = `${cls}.${name}`;
      const prev = members[key];
      // Overloads: the earliest set that has the member.
      if (!prev || cmpVersion(api.read, prev.read) < 0) members[key] = api;
    }
  };
  for (const s of source.statements) visit(s, false);
  const sorted = Object.fromEntries(Object.keys(members).sort().map((k) => [k, members[k]]));
  const version = JSON.parse(fs.readFileSync(path.join(path.dirname(DTS), 'package.json'), 'utf8')).version;
  return { typesVersion: version, classes: CLASSES, members: sorted };
}

function text() {
  return `${JSON.stringify(generate(), null, 1)}\n`;
}

module.exports = { generate, text, parseApiSet, cmpVersion, OUT, CLASSES };

if (require.main === module) {
  const t = text();
  if (process.argv.includes('--check')) {
    const same = fs.existsSync(OUT) && fs.readFileSync(OUT, 'utf8') === t;
    console.log(same ? 'api-sets: up to date' : 'api-sets: stale, run node scripts/gen-api-sets.js');
    process.exit(same ? 0 : 1);
  }
  fs.writeFileSync(OUT, t);
  console.log(`api-sets: ${Object.keys(JSON.parse(t).members).length} members → ${path.relative(ROOT, OUT)}`);
}
