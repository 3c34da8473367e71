/**
 * The two homes of the WorkbookPort, as the contract suite sees them. A host wraps a
 * workbook seeded through the Excel double's helpers (both doubles keep the same
 * WorkbookState) and gives the port over its own transport, its round-trip counter
 * and its failure injection. Cost limits are each adapter's documented budget.
 */
import { createWorkbookPort, type WorkbookPort } from '../../src/taskpane/excel';
import { createWpsWorkbookPort, type WpsPortOptions } from '../../src/wps';
import type { PortOptions } from '../../src/taskpane/excel/workbook-port';
import { ExcelDouble, type JournalEntry, type ViewEntry } from '../double';
import { WpsDouble } from '../wps-double';

export interface Book {
  /** Seeding and assertions (values, names, snapshot) over the host's workbook. */
  xl: ExcelDouble;
  port: WorkbookPort;
  /** Round trips since the last reset: syncs in Office, object-model calls in WPS. */
  trips(): number;
  /** Operations applied (Office) or calls made (WPS) since the last reset. */
  ops(): number;
  resetCounters(): void;
  writes(): JournalEntry[];
  viewLog(): ViewEntry[];
  /** Fails the Nth operation from now. */
  failAt(n: number): void;
}

export interface Limits {
  detect(sheets: number, names: number): number;
  /** One write-back (findings, KPI data, acceptances) on a workbook with `names` defined names. */
  writeBack(names: number): number;
  bind: number;
  select: number;
  applyPlan(sheets: number, existingSheets: number, names: number): number;
}

export interface Host {
  name: string;
  /** The port over `xl`'s workbook (the host takes over its state). */
  wrap(xl: ExcelDouble, opts?: PortOptions & WpsPortOptions): Book;
  limits: Limits;
}

export const OFFICE: Host = {
  name: 'Office.js (Excel double)',
  wrap(xl, opts = {}) {
    xl.resetCounters();
    return {
      xl,
      port: createWorkbookPort(xl.run, opts),
      trips: () => xl.syncs,
      ops: () => xl.ops,
      resetCounters: () => xl.resetCounters(),
      writes: () => xl.writes(),
      viewLog: () => xl.viewLog,
      failAt: (n) => xl.injectFailure({ atOp: n }),
    };
  },
  limits: {
    detect: () => 3,
    writeBack: () => 2,
    bind: 2,
    select: 1,
    applyPlan: (sheets) => sheets + 1,
  },
};

export const WPS: Host = {
  name: 'WPS ET (WPS double)',
  wrap(xl, opts = {}) {
    const wps = new WpsDouble(xl.state);
    return {
      xl,
      port: createWpsWorkbookPort(wps.Application, opts),
      trips: () => wps.calls,
      ops: () => wps.calls,
      resetCounters: () => wps.resetCounters(),
      writes: () => wps.writes(),
      viewLog: () => wps.viewLog,
      failAt: (n) => wps.injectFailure({ atCall: n }),
    };
  },
  // The WPS adapter's budget (src/wps/README.md): calls grow with sheets and names, never with cells.
  limits: {
    detect: (sheets, names) => 4 + 3 * names + 14 * sheets + 8,
    writeBack: () => 40,
    bind: 12,
    select: 8,
    applyPlan: (sheets, existing, names) => 10 + 2 * existing + 4 * names + 70 * sheets,
  },
};

export const HOSTS: Host[] = [OFFICE, WPS];
