/** Shared test helpers: fixture grids as SheetGrids, one-cell changes, flattened findings. */
import type { Finding } from '../../src/model/findings';
import type { SheetGrid } from '../../src/model/workbook';
import type { TableKind } from '../../src/model/budget/types';
import { JULUXIAN, type Cell } from '../fixtures/juluxian-data';
import { perturb } from '../fixtures/make-juluxian';

export type UnitId = 'rsj' | 'sbzx';

/** A fresh copy of a fixture workbook's sheets (values as ExcelJS/Office.js would give them). */
export function fixtureSheets(unit: UnitId = 'rsj'): SheetGrid[] {
  return JULUXIAN[unit].sheets.map((s) => ({ name: s.name, values: s.rows.map((r) => [...r]), origin: { row: 0, col: 0 } }));
}

/** Name of the sheet holding a kind (or '说明'). */
export function sheetName(unit: UnitId, kind: TableKind | '说明'): string {
  const s = JULUXIAN[unit].sheets.find((x) => (kind === '说明' ? x.name === '说明' : x.kind === kind));
  if (!s) throw new Error(`no ${kind}`);
  return s.name;
}

export type Change = [TableKind | '说明', string, number | string | { set: unknown }];

/**
 * Applies changes to a copy of the fixture: a number moves the cell by that delta
 * (blank counts as 0, the result rounded to cents), a string or `{ set }` replaces the cell.
 */
export function changed(unit: UnitId, changes: Change[]): SheetGrid[] {
  const sheets = fixtureSheets(unit);
  for (const [kind, addr, what] of changes) {
    const s = sheets.find((x) => x.name === sheetName(unit, kind))!;
    if (typeof what === 'number') s.values = perturb(s.values as Cell[][], addr, what);
    else {
      const value = typeof what === 'string' ? what : what.set;
      const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
      const c = m[1].charCodeAt(0) - 65;
      const r = Number(m[2]) - 1;
      while (s.values.length <= r) s.values.push([]);
      s.values[r][c] = value;
    }
  }
  return sheets;
}

/** `sheet!cell rule` strings, the form assertions compare. */
export function flat(findings: Finding[]): string[] {
  return findings.map((f) => `${f.sheet ? `${f.sheet}!` : ''}${f.cell ?? ''} ${f.rule}`);
}

export function errorsOf(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error');
}
