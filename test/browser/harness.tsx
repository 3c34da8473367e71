/**
 * Test-only page: the real task pane App over the Excel test double. The workbook
 * comes from `<fixture>.json` next to the page (`?fixture=name`, default `workbook`),
 * written by the browser test from an .xlsx fixture. The double is exposed as
 * `window.__double` so the test can read selections and sheets and edit cells.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { ExcelDouble, type ProfileId } from '../double';
import { createWorkbookPort } from '../../src/taskpane/excel';
import { App } from '../../src/taskpane/ui/App';
import type { HarnessWorkbook } from './workbook-json';

declare global {
  interface Window {
    __double?: ExcelDouble;
    __harness?: { error?: string; loaded?: boolean };
  }
}

function seed(dbl: ExcelDouble, wb: HarnessWorkbook): void {
  for (const s of wb.sheets) {
    dbl.addSheet(s.name, s.values, { formats: s.formats });
    for (const m of s.merges ?? []) dbl.merge(s.name, m);
  }
  for (const n of wb.names ?? []) dbl.defineName(n.name, n.ref);
}

async function main(): Promise<void> {
  window.__harness = {};
  const params = new URLSearchParams(location.search);
  const name = (params.get('fixture') ?? 'workbook').replace(/[^\w.-]/g, '');
  const res = await fetch(`${name}.json`);
  if (!res.ok) throw new Error(`fixture ${name}.json: HTTP ${res.status}`);
  const wb = (await res.json()) as HarnessWorkbook;
  const dbl = new ExcelDouble();
  seed(dbl, wb);
  dbl.resetCounters();
  // `?syncDelay=ms` slows every sync, like Excel on the web, so a test can press 取消 mid-run.
  const delay = Number(params.get('syncDelay') ?? 0);
  if (delay > 0) {
    const sync = dbl.sync.bind(dbl);
    dbl.sync = async (ctx) => {
      await new Promise((r) => setTimeout(r, delay));
      return sync(ctx);
    };
  }
  window.__double = dbl;
  window.__harness.loaded = true;
  // `?profile=excel2019-volume` imitates that client's requirement sets (test/double/profiles.ts).
  const profile = params.get('profile');
  if (profile) dbl.useProfile(profile as ProfileId);
  const port = createWorkbookPort(dbl.run, { supports: dbl.requirements.isSetSupported });
  createRoot(document.getElementById('root')!).render(
    <FluentProvider theme={webLightTheme}>
      <App port={port} />
    </FluentProvider>,
  );
}

main().catch((e: unknown) => {
  const msg = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
  window.__harness = { ...window.__harness, error: msg };
  const el = document.getElementById('root');
  if (el) el.textContent = `harness failed: ${msg}`;
});
