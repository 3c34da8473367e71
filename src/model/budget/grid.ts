/**
 * Grid helpers. A whole-column range (`A:F`) arrives as a million rows, nearly all
 * blank; the used area is found by scanning from the end, so the cost is one cheap
 * test per trailing blank cell and nothing after that.
 */
import { cellText, norm } from '../text';

/**
 * A row of a values grid. Deliberately not Array.isArray: inside some hosts' sandboxes
 * (jest's vm, Office's shared runtime) that call costs ~150 ns, which is most of the time
 * spent trimming a million-row whole-column range.
 */
export function isRow(x: unknown): x is unknown[] {
  return typeof x === 'object' && x !== null && typeof (x as unknown[]).length === 'number';
}

/** True for what Excel shows as an empty cell. */
export function isBlank(v: unknown): boolean {
  if (v === '' || v === null || v === undefined) return true;
  return typeof v === 'string' && v.trim() === '';
}

export interface UsedArea {
  rows: number;
  cols: number;
}

/** Rows and columns actually used (trailing blank rows and columns cut off). */
export function usedArea(grid: unknown[][]): UsedArea {
  if (!isRow(grid)) return { rows: 0, cols: 0 };
  let rows = grid.length;
  while (rows > 0 && rowIsBlank(grid[rows - 1])) rows--;
  let cols = 0;
  for (let r = 0; r < rows; r++) {
    const row = grid[r];
    if (!isRow(row)) continue;
    for (let c = row.length - 1; c >= cols; c--) {
      if (!isBlank(row[c])) {
        cols = c + 1;
        break;
      }
    }
  }
  return { rows, cols };
}

export function rowIsBlank(row: unknown): boolean {
  if (!isRow(row)) return true;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (v === '' || v === null || v === undefined) continue;
    if (typeof v === 'string' && v.trim() === '') continue;
    return false;
  }
  return true;
}

/** A cell of a possibly ragged grid. */
export function at(grid: unknown[][], r: number, c: number): unknown {
  const row = grid[r];
  return isRow(row) ? row[c] : undefined;
}

/** Normalised texts of a row's cells (blank → ''), limited to `cols` columns. */
export function normRow(grid: unknown[][], r: number, cols: number): string[] {
  const out: string[] = new Array(cols);
  const row = grid[r];
  for (let c = 0; c < cols; c++) {
    const v = isRow(row) ? row[c] : undefined;
    out[c] = isBlank(v) ? '' : norm(v);
  }
  return out;
}

/** First non-blank text of a row (for titles and notes). */
export function firstText(grid: unknown[][], r: number, cols: number): { c: number; text: string } | null {
  const row = grid[r];
  if (!isRow(row)) return null;
  for (let c = 0; c < Math.min(cols, row.length); c++) {
    if (!isBlank(row[c])) return { c, text: cellText(row[c]) };
  }
  return null;
}
