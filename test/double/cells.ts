/**
 * Addresses and rectangles for the Excel double. Pure TS (no Node imports) so the
 * double bundles into the browser harness. Coordinates are 0-based; Excel's limits apply.
 */

// Column letters ↔ 0-based index: the model's own conversion.
import { colLetter as colName, colIndex as colNumber } from '../../src/model/address';

export { colName, colNumber };

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

/** Splits `'My Sheet'!A1:B2` into sheet (unquoted) and the local part. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const s = address.trim();
  const bang = s.lastIndexOf('!');
  if (bang < 0) return { local: s };
  let sheet = s.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: s.slice(bang + 1) };
}

/**
 * Parses a local address: `A1`, `A1:C3`, `$A$1`, whole columns `A:C`, whole rows `3:5`.
 * Returns null when it is not an address Excel would accept.
 */
export function parseLocal(local: string): Rect | null {
  const parts = local.trim().split(':');
  if (parts.length > 2 || parts[0] === '') return null;
  const [a, b = a] = parts;
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  let rect: Rect;
  if (ca && cb) {
    rect = { r0: +ca[2] - 1, c0: colNumber(ca[1]), r1: +cb[2] - 1, c1: colNumber(cb[1]) };
  } else if (parts.length === 2 && COL.test(a) && COL.test(b)) {
    rect = { r0: 0, c0: colNumber(COL.exec(a)![1]), r1: MAX_ROWS - 1, c1: colNumber(COL.exec(b)![1]) };
  } else if (parts.length === 2 && ROW.test(a) && ROW.test(b)) {
    rect = { r0: +ROW.exec(a)![1] - 1, c0: 0, r1: +ROW.exec(b)![1] - 1, c1: MAX_COLS - 1 };
  } else {
    return null;
  }
  rect = normalize(rect);
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLS) return null;
  return rect;
}

export function normalize(r: Rect): Rect {
  return { r0: Math.min(r.r0, r.r1), c0: Math.min(r.c0, r.c1), r1: Math.max(r.r0, r.r1), c1: Math.max(r.c0, r.c1) };
}

/** `A1` or `A1:C3` (whole rows/columns as `3:5` / `A:C`, the way Excel reports them). */
export function localAddress(r: Rect, absolute = false): string {
  const d = absolute ? '$' : '';
  if (r.c0 === 0 && r.c1 === MAX_COLS - 1) return `${d}${r.r0 + 1}:${d}${r.r1 + 1}`;
  if (r.r0 === 0 && r.r1 === MAX_ROWS - 1) return `${d}${colName(r.c0)}:${d}${colName(r.c1)}`;
  const a = `${d}${colName(r.c0)}${d}${r.r0 + 1}`;
  if (r.r0 === r.r1 && r.c0 === r.c1) return a;
  return `${a}:${d}${colName(r.c1)}${d}${r.r1 + 1}`;
}

/**
 * Quotes a sheet name the way Excel does in addresses: bare when it is letters
 * (any script), digits, `_` and `.` and does not start with a digit or look like a
 * cell reference; quoted otherwise.
 */
export function quoteSheet(name: string): string {
  const bare = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !CELL.test(name) && !/^[Rr]\d*[Cc]\d*$/.test(name);
  return bare ? name : `'${name.replace(/'/g, "''")}'`;
}

export function qualified(sheet: string, r: Rect, absolute = false): string {
  return `${quoteSheet(sheet)}!${localAddress(r, absolute)}`;
}

export function rows(r: Rect): number {
  return r.r1 - r.r0 + 1;
}

export function cols(r: Rect): number {
  return r.c1 - r.c0 + 1;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return outer.r0 <= inner.r0 && outer.c0 <= inner.c0 && outer.r1 >= inner.r1 && outer.c1 >= inner.c1;
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.r0 === b.r0 && a.c0 === b.c0 && a.r1 === b.r1 && a.c1 === b.c1;
}
