/**
 * Range arguments as Excel hands them to a custom function: a 2-D array of numbers,
 * strings, booleans and blanks ('' or null), possibly a whole column (A:H is
 * 1,048,576 rows, nearly all blank). `usedGrid` cuts such an argument down to its
 * used block before any model code sees it, so a whole column costs its used rows.
 */
import type { Origin } from '../model/address';
import { colIndex } from '../model/address';

export type Grid = unknown[][];

const WHITESPACE_ONLY = /^[\s\u3000]*$/;

/** Blank as a spreadsheet user means it: no value, empty text or only spaces. */
export function isBlankCell(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (typeof v === 'string' && WHITESPACE_ONLY.test(v));
}

/**
 * Error values inside a range: Excel may pass them as CustomFunctions.Error-like
 * objects ({ code: '#N/A' }) or as their text; the model reads the text form
 * (`#N/A`), like ExcelJS's `{ error }` objects. Linked-data / entity values become
 * their display text.
 */
export function normalizeCell(v: unknown): unknown {
  if (v === null || v === undefined || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  if (typeof o.code === 'string' && o.code.startsWith('#')) return o.code;
  if (typeof o.error === 'string') return o.error;
  if (typeof o.text === 'string') return o.text;
  if ('basicValue' in o) return normalizeCell(o.basicValue);
  if (v instanceof Date) return v;
  return String(v);
}

/**
 * The used block of a range argument: trailing blank rows and columns removed (leading
 * ones stay so row i still is row i of the range), error objects turned into text.
 * Rows are scanned from the bottom, so a whole column costs one cheap test per blank
 * row plus a copy of the used rows. Returns [] when every cell is blank.
 */
export function usedGrid(value: unknown): Grid {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) return isBlankCell(value) ? [] : [[normalizeCell(value)]];
  // A 1-D array (never from Excel, but from a careless caller) is one row.
  const rows: unknown[] = value.length > 0 && !Array.isArray(value[0]) ? [value] : value;
  let last = rows.length - 1;
  for (; last >= 0; last--) {
    const row = rows[last];
    if (!Array.isArray(row)) {
      if (!isBlankCell(row)) break;
      continue;
    }
    let blank = true;
    for (let c = 0; c < row.length; c++) {
      if (!isBlankCell(row[c])) {
        blank = false;
        break;
      }
    }
    if (!blank) break;
  }
  if (last < 0) return [];
  let width = 0;
  for (let r = 0; r <= last; r++) {
    const row = rows[r];
    if (!Array.isArray(row)) {
      if (!isBlankCell(row)) width = Math.max(width, 1);
      continue;
    }
    for (let c = row.length - 1; c >= width; c--) {
      if (!isBlankCell(row[c])) {
        width = c + 1;
        break;
      }
    }
  }
  const out: Grid = new Array(last + 1);
  for (let r = 0; r <= last; r++) {
    const row = rows[r];
    const src = Array.isArray(row) ? row : [row];
    const dst = new Array(width);
    for (let c = 0; c < width; c++) {
      const v = c < src.length ? src[c] : null;
      dst[c] = v === undefined ? null : normalizeCell(v);
    }
    out[r] = dst;
  }
  return out;
}

const COLS = /^\$?([A-Za-z]{1,3})(?::\$?([A-Za-z]{1,3}))?$/;
const ROWS = /^\$?(\d+)(?::\$?(\d+))?$/;
const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)/;

/**
 * Where a range argument starts on its sheet, from the address Excel gives with
 * `@requiresParameterAddresses` (`Sheet1!B3:H40`, `'2.15 收支总表'!A:H`, `Sheet1!5:40`).
 * A1 when the address is missing or unreadable, so positions are then relative to the range.
 */
export function originOf(address: string | undefined | null): Origin {
  if (!address) return { row: 0, col: 0 };
  const bang = address.lastIndexOf('!');
  const ref = (bang >= 0 ? address.slice(bang + 1) : address).trim();
  const first = ref.split(':')[0];
  const cell = CELL.exec(first);
  if (cell) return { row: Number(cell[2]) - 1, col: colIndex(cell[1]) };
  const cols = COLS.exec(ref);
  if (cols) return { row: 0, col: colIndex(cols[1]) };
  const rows = ROWS.exec(ref);
  if (rows) return { row: Number(rows[1]) - 1, col: 0 };
  return { row: 0, col: 0 };
}

/** The sheet part of a parameter address (`'2.15 收支总表'!A1:H9` → `2.15 收支总表`). */
export function sheetOf(address: string | undefined | null): string | undefined {
  if (!address) return undefined;
  const bang = address.lastIndexOf('!');
  if (bang < 0) return undefined;
  return address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'").replace(/^\[[^\]]*\]/, '');
}
