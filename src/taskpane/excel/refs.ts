/**
 * Range references as defined names hold them (`='2.15 收支总表'!$A$1:$H$30`) and as
 * the task pane shows them (`'2.15 收支总表'!A1:H30`).
 */
import { parseRange, qualify, rangeA1 } from '../../model/address';

export interface SheetRect {
  sheet: string;
  /** 0-based corners. */
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Quotes always: Excel accepts `'Sheet1'!A1` and it avoids guessing its quoting rules. */
export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** `$A$1:$H$30` */
export function absolute(local: string): string {
  return local.replace(/([A-Za-z]+)(\d+)/g, '$$$1$$$2');
}

export function localOf(r: Pick<SheetRect, 'r0' | 'c0' | 'r1' | 'c1'>): string {
  return rangeA1({ row: r.r0, col: r.c0 }, r.r1 - r.r0 + 1, r.c1 - r.c0 + 1);
}

/** The formula a defined name gets: `='Sheet'!$A$1:$B$2`. */
export function refFormula(r: SheetRect): string {
  return `=${quoteSheet(r.sheet)}!${absolute(localOf(r))}`;
}

/** The display form: `'Sheet'!A1:B2` (quoted only when needed, like the findings). */
export function display(r: SheetRect): string {
  return qualify(r.sheet, localOf(r));
}

/** Parses a defined name's formula or a qualified address; null for `#REF!`, unions, constants. */
export function parseRef(formulaOrAddress: string): SheetRect | null {
  const s = formulaOrAddress.trim().replace(/^=/, '');
  if (s.includes('#REF!') || s.includes(',') || !s.includes('!')) return null;
  const p = parseRange(s.replace(/\$/g, ''));
  if (!p || p.sheet === undefined) return null;
  return {
    sheet: p.sheet,
    r0: Math.min(p.start.row, p.end.row),
    c0: Math.min(p.start.col, p.end.col),
    r1: Math.max(p.start.row, p.end.row),
    c1: Math.max(p.start.col, p.end.col),
  };
}

/** Parses `C12`, `C12:D14` or `'Sheet'!C12` into an optional sheet and a local A1 range. */
export function splitAddress(address: string): { sheet?: string; local: string } | null {
  const p = parseRange(address.replace(/\$/g, ''));
  if (!p) return null;
  const r = { r0: Math.min(p.start.row, p.end.row), c0: Math.min(p.start.col, p.end.col), r1: Math.max(p.start.row, p.end.row), c1: Math.max(p.start.col, p.end.col) };
  return { sheet: p.sheet, local: localOf(r) };
}
