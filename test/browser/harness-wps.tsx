/**
 * Test-only page: the real task pane entry (src/taskpane/index.tsx, the same start-up
 * code WPS runs) over the WPS double. The page puts the double's `wps` object and
 * `Application` on window before loading the entry, so the entry's host switch picks the
 * WPS port; `?nohost=1` loads it without them (the "neither" message). The workbook comes
 * from `<fixture>.json` like the Excel harness. `window.__double` offers the same
 * assertion helpers as the Excel harness (over the same workbook state); `window.__wps`
 * is the WPS double itself (call counter, log).
 *
 * `?callDelay=ms` makes each Sheets.Add take that long (ET calls are synchronous), so a
 * test can press 取消 while a disclosure is being generated.
 */
import { WpsDouble } from '../wps-double';
import type { HarnessWorkbook } from './workbook-json';

declare global {
  interface Window {
    __wps?: WpsDouble;
  }
}

function seed(w: WpsDouble, wb: HarnessWorkbook): void {
  for (const s of wb.sheets) {
    w.addSheet(s.name, s.values, { formats: s.formats });
    for (const m of s.merges ?? []) w.merge(s.name, m);
  }
  for (const n of wb.names ?? []) w.defineName(n.name, n.ref);
}

async function main(): Promise<void> {
  window.__harness = {};
  const params = new URLSearchParams(location.search);
  if (params.get('nohost') !== '1') {
    const name = (params.get('fixture') ?? 'workbook').replace(/[^\w.-]/g, '');
    const res = await fetch(`${name}.json`);
    if (!res.ok) throw new Error(`fixture ${name}.json: HTTP ${res.status}`);
    const w = new WpsDouble();
    seed(w, (await res.json()) as HarnessWorkbook);
    w.resetCounters();
    const delay = Number(params.get('callDelay') ?? 0);
    if (delay > 0) {
      const hit = w.hit.bind(w);
      w.hit = (member: string) => {
        if (member === 'Sheets.Add()') {
          const until = performance.now() + delay;
          while (performance.now() < until) {
            /* a slow synchronous call into WPS */
          }
        }
        hit(member);
      };
    }
    window.__wps = w;
    // The Excel harness's assertion helpers over the same workbook; view events come from the WPS double.
    const helpers = Object.create(w.seed) as typeof w.seed;
    Object.defineProperty(helpers, 'viewLog', { get: () => w.viewLog, set: (v) => (w.viewLog = v) });
    window.__double = helpers;
    const g = window as unknown as Record<string, unknown>;
    g.wps = w.wpsGlobal();
    g.Application = w.Application;
  }
  window.__harness.loaded = true;
  await import(/* webpackChunkName: "wps-entry" */ '../../src/taskpane/index');
}

main().catch((e: unknown) => {
  const msg = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
  window.__harness = { ...window.__harness, error: msg };
  const el = document.getElementById('root');
  if (el) el.textContent = `harness failed: ${msg}`;
});
