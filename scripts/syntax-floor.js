/**
 * The browser floor of the shipped bundles, and a scanner that finds what the floor
 * cannot parse. Office runs add-ins in the platform's webview (Microsoft,
 * "Browsers and webview controls used by Office Add-ins"):
 *
 *   - Windows: Microsoft Edge WebView2 (Chromium 86 or later; evergreen).
 *   - Mac: the system WKWebView, i.e. the installed Safari/WebKit. The floor is
 *     Safari 14 (macOS 10.15 Catalina with the Safari 14 update, Big Sur) — the oldest
 *     WebKit an Excel for Mac build with the shared runtime (16.35+) can run with.
 *   - IE11 / EdgeHTML (Office without WebView2) are below the floor: taskpane.html's
 *     ES5 check shows a Chinese message instead (see src/taskpane/index.html).
 *
 * What Safari 14 parses is ES2020 syntax minus nothing, plus the ES2021 logical
 * assignment and numeric separators; it does NOT parse regex lookbehind (Safari 16.4),
 * the regex `d` (15) / `v` (17) flags, class fields with `static`/private members
 * (14.1/15), class static blocks (16.4), `#x in obj` (15) or top-level await (15).
 * A SyntaxError anywhere in a bundle stops the whole bundle: every function shows
 * #NAME? and the pane stays on "正在加载…".
 *
 * The check: parse each bundle with acorn at ECMAScript 2020 (rejects everything after
 * ES2020, including all class-field forms), then walk it for regex literals and
 * `RegExp(...)` string arguments that use lookbehind, which ES2018 already allows.
 *
 *   node scripts/syntax-floor.js dist     # exit code 1 and a list when something is above the floor
 */
'use strict';
const fs = require('fs');
const path = require('path');
const acorn = require('acorn');

const FLOOR = {
  ecmaVersion: 2020,
  description: 'ECMAScript 2020 syntax without regex lookbehind: Safari/WebKit 14 (Excel for Mac), Chromium 86 (WebView2 on Windows)',
};

const LOOKBEHIND = /\(\?<[=!]/;

/** Walks every node of an acorn AST. */
function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const key of Object.keys(node)) {
    if (key === 'loc' || key === 'start' || key === 'end') continue;
    const v = node[key];
    if (Array.isArray(v)) for (const x of v) walk(x, visit);
    else if (v && typeof v === 'object' && typeof v.type === 'string') walk(v, visit);
  }
}

/** The literal pattern text of a RegExp(...) argument, when it is a plain string or template. */
function patternText(arg) {
  if (!arg) return null;
  if (arg.type === 'Literal' && typeof arg.value === 'string') return arg.value;
  if (arg.type === 'TemplateLiteral') return arg.quasis.map((q) => q.value.cooked ?? q.value.raw).join('');
  if (arg.type === 'BinaryExpression' && arg.operator === '+') return `${patternText(arg.left) ?? ''}${patternText(arg.right) ?? ''}`;
  return null;
}

/**
 * Problems of one script: a parse error at the floor, or each lookbehind (with its
 * offset and a few characters of context). Empty when the script is within the floor.
 */
function scanSource(code, opts = {}) {
  const ecmaVersion = opts.ecmaVersion ?? FLOOR.ecmaVersion;
  let ast;
  try {
    ast = acorn.parse(code, { ecmaVersion, sourceType: 'script', allowHashBang: true, locations: false });
  } catch (err) {
    const at = err.pos ?? 0;
    return [{ kind: 'syntax', at, message: `${err.message} — near ${JSON.stringify(code.slice(Math.max(0, at - 40), at + 40))}` }];
  }
  const problems = [];
  walk(ast, (node) => {
    if (node.type === 'Literal' && node.regex && LOOKBEHIND.test(node.regex.pattern)) {
      problems.push({ kind: 'lookbehind', at: node.start, message: `regex literal /${node.regex.pattern.slice(0, 60)}/ uses lookbehind` });
    }
    if ((node.type === 'NewExpression' || node.type === 'CallExpression') && node.callee.type === 'Identifier' && node.callee.name === 'RegExp') {
      const text = patternText(node.arguments[0]);
      if (text && LOOKBEHIND.test(text)) problems.push({ kind: 'lookbehind', at: node.start, message: `RegExp(${JSON.stringify(text.slice(0, 60))}) uses lookbehind` });
    }
  });
  return problems;
}

/** Every shipped script of a build directory (top level .js; office.js is Microsoft's). */
function scanDir(dir) {
  const out = [];
  for (const f of fs.readdirSync(dir).sort()) {
    if (!f.endsWith('.js')) continue;
    for (const p of scanSource(fs.readFileSync(path.join(dir, f), 'utf8'))) out.push({ file: f, ...p });
  }
  return out;
}

/** The inline <script> blocks of an HTML page (no src attribute). */
function inlineScripts(html) {
  return [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]);
}

module.exports = { FLOOR, scanSource, scanDir, inlineScripts };

if (require.main === module) {
  const dir = process.argv[2] || 'dist';
  const problems = scanDir(dir);
  for (const p of problems) console.error(`${p.file}@${p.at}: ${p.kind}: ${p.message}`);
  if (problems.length) {
    console.error(`syntax-floor: ${problems.length} construct(s) above the floor (${FLOOR.description})`);
    process.exit(1);
  }
  console.log(`syntax-floor: ${dir}/*.js within ${FLOOR.description}`);
}
