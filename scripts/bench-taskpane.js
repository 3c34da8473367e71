#!/usr/bin/env node
/**
 * Task pane first render: navigation start → App rendered (the `taskpane:app-rendered`
 * performance mark the App sets once mounted), in Debian Chromium over the browser-test
 * harness (real UI bundle, Excel test double seeded with the 巨鹿 fixture). Each run uses a
 * fresh browser context, so nothing is cached: it is the cold first open of the pane.
 *
 *   node scripts/bench-taskpane.js [--runs 7] [--build] [--json]
 *
 * Builds dist-harness/ first when it is missing (or with --build). Needs /usr/bin/chromium
 * (or CHROMIUM_PATH); exits 0 with a note when Chromium is absent.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'dist-harness');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'juluxian-rsj.xlsx');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

const argv = process.argv.slice(2);
const flag = (n) => argv.includes(n);
const opt = (n, d) => {
  const i = argv.indexOf(n);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : d;
};

/** A cell as Office.js `values` reports it (cached formula results, flattened rich text). */
function officeValue(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v.error) return String(v.error);
  if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return v.result === undefined ? '' : officeValue(v.result);
  if (typeof v.text === 'string') return v.text;
  return String(v);
}

async function fixtureJson() {
  if (!fs.existsSync(FIXTURE)) return { sheets: [] };
  const ExcelJS = require('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(FIXTURE);
  return {
    sheets: wb.worksheets.map((ws) => {
      const values = [];
      const formats = [];
      for (let r = 1; r <= ws.rowCount; r++) {
        const vr = new Array(ws.columnCount).fill('');
        const fr = new Array(ws.columnCount).fill(null);
        ws.getRow(r).eachCell({ includeEmpty: false }, (cell, c) => {
          vr[c - 1] = cell.isMerged && cell.master !== cell ? '' : officeValue(cell.value);
          if (cell.numFmt && cell.numFmt !== 'General') fr[c - 1] = cell.numFmt;
        });
        values.push(vr);
        formats.push(fr);
      }
      return { name: ws.name, values, formats, merges: (ws.model.merges || []).filter((m) => m.includes(':')) };
    }),
  };
}

function serve(root) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json' };
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.resolve(root, `.${rel === '/' ? '/index.html' : rel}`);
    if (!file.startsWith(root + path.sep)) return res.writeHead(403).end();
    fs.readFile(file, (err, body) => {
      if (err) return res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
      res.end(body);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`bench-taskpane: ${CHROMIUM} not found, skipped`);
    return;
  }
  if (flag('--build') || !fs.existsSync(path.join(OUT, 'index.html'))) {
    execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--config', 'test/browser/webpack.harness.js', '--mode', 'production'], { cwd: ROOT, stdio: 'ignore' });
  }
  fs.writeFileSync(path.join(OUT, 'bench.json'), JSON.stringify(await fixtureJson()));
  const { chromium } = require('playwright-core');
  const server = await serve(OUT);
  const url = `http://127.0.0.1:${server.address().port}/?fixture=bench`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const runs = Number(opt('--runs', '7'));
  const samples = [];
  try {
    for (let i = 0; i < runs + 1; i++) {
      const ctx = await browser.newContext({ viewport: { width: 420, height: 900 } });
      const page = await ctx.newPage();
      await page.goto(url);
      await page.waitForSelector('[data-app="ready"]', { timeout: 60000 });
      const ms = await page.evaluate(() => globalThis.performance.getEntriesByName('taskpane:app-rendered')[0].startTime);
      if (i > 0) samples.push(ms); // the first run warms Chromium itself (disk cache of the binary, fonts)
      await ctx.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  const js = fs.readdirSync(OUT).filter((f) => f.endsWith('.js'));
  const size = (f) => fs.statSync(path.join(OUT, f)).size;
  const initial = js.filter((f) => f === 'harness.js' || f.startsWith('vendors')).reduce((a, f) => a + size(f), 0);
  const result = {
    bench: 'taskpane-first-render',
    runs: samples.length,
    medianMs: Math.round(median(samples)),
    minMs: Math.round(Math.min(...samples)),
    maxMs: Math.round(Math.max(...samples)),
    initialJsBytes: initial,
    allJsBytes: js.reduce((a, f) => a + size(f), 0),
  };
  if (flag('--json')) console.log(JSON.stringify(result));
  else
    console.log(
      `task pane first render (navigation start → App rendered), ${result.runs} cold runs: median ${result.medianMs} ms (min ${result.minMs}, max ${result.maxMs}); ` +
        `first-load JS ${(initial / 1024).toFixed(0)} KiB of ${(result.allJsBytes / 1024).toFixed(0)} KiB`,
    );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
