#!/usr/bin/env node
/**
 * Prints the size of every JavaScript file the build emitted (dist/*.js, office.js
 * copy excluded) and fails when a budget is exceeded:
 *   functions.js                     ≤ 200 KiB minified (custom functions load with Excel)
 *   task pane first load             ≤ 1.5 MiB minified: every script taskpane.html loads
 *                                    (vendors + taskpane + functions; office.js not counted)
 * Lazily loaded view chunks are listed but not counted in the first load.
 *
 * Usage: node scripts/bundle-size.js [distDir] [--json]   (run `npm run build` first)
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const LIMITS = { functions: 200 * 1024, firstLoad: 1.5 * 1024 * 1024 };

/** Script URLs in taskpane.html, in order (office.js excluded). */
function pageScripts(html) {
  const out = [];
  const re = /<script\b[^>]*\bsrc="([^"]+)"/g;
  let m;
  while ((m = re.exec(html))) {
    const src = m[1];
    if (/office-js\/|appsforoffice\.microsoft\.com/.test(src)) continue;
    out.push(src.replace(/^\.?\//, '').split(/[?#]/)[0]);
  }
  return out;
}

function measure(dist) {
  const files = fs
    .readdirSync(dist)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((f) => {
      const buf = fs.readFileSync(path.join(dist, f));
      return { file: f, bytes: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
    });
  const html = fs.existsSync(path.join(dist, 'taskpane.html')) ? fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8') : '';
  const initial = pageScripts(html);
  const byName = new Map(files.map((f) => [f.file, f]));
  const missing = initial.filter((s) => !byName.has(s));
  const firstLoad = initial.reduce((n, s) => n + (byName.get(s)?.bytes ?? 0), 0);
  const firstLoadGzip = initial.reduce((n, s) => n + (byName.get(s)?.gzip ?? 0), 0);
  const functions = byName.get('functions.js') || null;
  const problems = [];
  if (!html) problems.push('dist/taskpane.html 不存在 / dist/taskpane.html missing');
  if (!functions) problems.push('dist/functions.js 不存在 / dist/functions.js missing');
  for (const s of missing) problems.push(`taskpane.html 引用的 ${s} 不存在 / script ${s} referenced by taskpane.html is missing`);
  if (functions && functions.bytes > LIMITS.functions) {
    problems.push(`functions.js ${kib(functions.bytes)} 超过上限 ${kib(LIMITS.functions)} / functions.js exceeds ${kib(LIMITS.functions)}`);
  }
  if (firstLoad > LIMITS.firstLoad) problems.push(`任务窗格首次加载 ${kib(firstLoad)} 超过上限 ${kib(LIMITS.firstLoad)} / task pane first load exceeds ${kib(LIMITS.firstLoad)}`);
  return { files, initial, firstLoad, firstLoadGzip, functions, limits: LIMITS, problems };
}

function kib(n) {
  return `${(n / 1024).toFixed(1)} KiB`;
}

function main(argv) {
  const json = argv.includes('--json');
  const dist = path.resolve(argv.find((a) => !a.startsWith('--')) || path.join(__dirname, '..', 'dist'));
  if (!fs.existsSync(dist)) {
    console.error(`找不到 ${dist}，请先运行 npm run build / ${dist} not found; run npm run build first`);
    return 2;
  }
  const r = measure(dist);
  if (json) {
    console.log(JSON.stringify(r, null, 2));
    return r.problems.length ? 1 : 0;
  }
  const w = Math.max(...r.files.map((f) => f.file.length), 10);
  console.log(`${'file'.padEnd(w)}  ${'minified'.padStart(12)}  ${'gzip'.padStart(12)}  first load`);
  for (const f of r.files) {
    console.log(`${f.file.padEnd(w)}  ${kib(f.bytes).padStart(12)}  ${kib(f.gzip).padStart(12)}  ${r.initial.includes(f.file) ? 'yes' : ''}`);
  }
  console.log(`functions.js: ${r.functions ? kib(r.functions.bytes) : '-'} (limit ${kib(LIMITS.functions)})`);
  console.log(`task pane first load: ${kib(r.firstLoad)} minified, ${kib(r.firstLoadGzip)} gzip (limit ${kib(LIMITS.firstLoad)}; ${r.initial.join(' + ')})`);
  for (const p of r.problems) console.error(`错误 error: ${p}`);
  return r.problems.length ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { measure, pageScripts, LIMITS };
