/**
 * A1 addresses. Grids are 0-based arrays; findings speak Excel's language
 * (`C12`, rows and columns counted from 1). A grid read from a range that does not
 * start at A1 carries its `origin` so every finding points at the real cell.
 */

/** Where a grid's [0][0] sits on its sheet (0-based). */
export interface Origin {
  row: number;
  col: number;
}

export const A1_ORIGIN: Origin = { row: 0, col: 0 };

/** 0 → A, 25 → Z, 26 → AA. */
export function colLetter(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A → 0, AA → 26. */
export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The A1 address of grid cell (row, col) given the grid's origin. */
export function a1(row: number, col: number, origin: Origin = A1_ORIGIN): string {
  return `${colLetter(col + origin.col)}${row + origin.row + 1}`;
}

/** Parses `C12` (or `$C$12`) into 0-based sheet coordinates; null when not an address. */
export function parseA1(addr: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(addr.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: colIndex(m[1]) };
}

/** `A1:H30` for a block starting at origin with the given size. */
export function rangeA1(origin: Origin, rows: number, cols: number): string {
  const start = a1(0, 0, origin);
  const end = a1(Math.max(rows, 1) - 1, Math.max(cols, 1) - 1, origin);
  return start === end ? start : `${start}:${end}`;
}

/**
 * Parses a range address, optionally sheet-qualified (`'2.15收支总表'!A1:D40`,
 * `Sheet1!B2`), into its sheet name and 0-based corners.
 */
export function parseRange(address: string): { sheet?: string; start: { row: number; col: number }; end: { row: number; col: number } } | null {
  let rest = address.trim();
  let sheet: string | undefined;
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    sheet = rest.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
    rest = rest.slice(bang + 1);
  }
  const [a, b] = rest.split(':');
  const start = parseA1(a);
  const end = b === undefined ? start : parseA1(b);
  if (!start || !end) return null;
  return { sheet, start, end };
}

/** Quotes a sheet name for an address when needed: `'2.15 收支总表'!A1`. */
export function qualify(sheet: string, addr: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet);
  return plain ? `${sheet}!${addr}` : `'${sheet.replace(/'/g, "''")}'!${addr}`;
}
