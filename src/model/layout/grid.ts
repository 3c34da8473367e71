/**
 * A small builder for one SheetPlan: rows are appended top to bottom, styles and
 * merges are given by 1-based row numbers and 0-based columns (the way the table
 * layouts think), and come out as A1 ranges. Row heights of wrapped text are
 * estimated here because Excel does not re-measure rows when it opens a file.
 */
import { a1 } from '../address';
import type { CellStyle, PageSetup, PlanValue, SheetPlan, StyleBlock } from '../plan';

/** Default row height (points) of an 11-pt line; CJK text needs a little more than Excel's 13.5. */
export const LINE_HEIGHT = 15;

/**
 * Display width of text in Excel's character units (the width of `0` in the 11-pt
 * default font): a CJK or full-width character is one em, two units at 11 pt;
 * other characters about half that.
 */
export function textWidth(s: string, fontSize = 11): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w += c >= 0x2e80 || (c >= 0x2000 && c <= 0x206f) ? 2 : 1;
  }
  return (w * fontSize) / 11;
}

/** Lines a wrapped text takes in a cell `width` characters wide (explicit line breaks count). */
export function wrappedLines(text: string, width: number, fontSize = 11): number {
  const usable = Math.max(1, width - 1);
  let n = 0;
  for (const part of text.split('\n')) n += Math.max(1, Math.ceil(textWidth(part, fontSize) / usable));
  return n;
}

export function rangeOf(r1: number, c1: number, r2: number, c2: number): string {
  const tl = a1(r1 - 1, c1);
  const br = a1(r2 - 1, c2);
  return tl === br ? tl : `${tl}:${br}`;
}

/** One header cell for `placeHeader`: text with optional column/row span, as in an HTML table. */
export interface HeaderCell {
  text: string;
  cs?: number;
  rs?: number;
}

/**
 * Places multi-row header cells like an HTML table (a cell spanning rows pushes
 * later cells of the rows below to the right) and returns the values grid and the
 * merged areas (0-based, relative to the header's top-left).
 */
export function placeHeader(rows: HeaderCell[][], width: number): { values: string[][]; merges: [number, number, number, number][] } {
  const values = rows.map(() => new Array<string>(width).fill(''));
  const taken = rows.map(() => new Array<boolean>(width).fill(false));
  const merges: [number, number, number, number][] = [];
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (c < width && taken[r][c]) c++;
      const cs = cell.cs ?? 1;
      const rs = cell.rs ?? 1;
      if (c + cs > width || r + rs > rows.length) throw new Error(`header cell ${cell.text} does not fit`);
      values[r][c] = cell.text;
      for (let i = r; i < r + rs; i++) for (let j = c; j < c + cs; j++) taken[i][j] = true;
      if (cs > 1 || rs > 1) merges.push([r, c, r + rs - 1, c + cs - 1]);
      c += cs;
    }
  });
  return { values, merges };
}

export class SheetBuilder {
  readonly values: PlanValue[][] = [];
  readonly styles: StyleBlock[] = [];
  readonly merges: string[] = [];
  readonly rowHeights: Record<number, number> = {};

  constructor(
    readonly key: string,
    readonly name: string,
    readonly columnWidths: number[],
  ) {}

  get width(): number {
    return this.columnWidths.length;
  }

  /** Row number (1-based) the next `row()` call will write. */
  get next(): number {
    return this.values.length + 1;
  }

  /** Appends a row (padded to the sheet width); returns its 1-based number. */
  row(cells: PlanValue[] = []): number {
    const r: PlanValue[] = new Array(this.width).fill(null);
    cells.slice(0, this.width).forEach((v, i) => (r[i] = v === undefined || v === '' ? null : v));
    this.values.push(r);
    return this.values.length;
  }

  set(row: number, col: number, v: PlanValue): void {
    this.values[row - 1][col] = v === '' ? null : v;
  }

  merge(r1: number, c1: number, r2: number, c2: number): void {
    if (r1 === r2 && c1 === c2) return;
    this.merges.push(rangeOf(r1, c1, r2, c2));
  }

  style(r1: number, c1: number, r2: number, c2: number, style: CellStyle): void {
    if (r2 < r1 || c2 < c1) return;
    this.styles.push({ range: rangeOf(r1, c1, r2, c2), style });
  }

  height(row: number, points: number): void {
    this.rowHeights[row] = Math.max(this.rowHeights[row] ?? 0, Math.round(points * 4) / 4);
  }

  /**
   * Sets the row height so wrapped text in the given columns fits; `cols` maps a
   * column to the width available there (a merged area's total width).
   */
  fitRow(row: number, widths: Map<number, number>, lineHeight = LINE_HEIGHT, fontSize = 10): void {
    let lines = 1;
    for (const [col, w] of widths) {
      const v = this.values[row - 1][col];
      if (v === null || v === undefined) continue;
      lines = Math.max(lines, wrappedLines(String(v), w, fontSize));
    }
    if (lines > 1 || this.rowHeights[row] === undefined) this.height(row, lines * lineHeight + 1);
  }

  /** Total width of columns c1..c2. */
  span(c1: number, c2: number): number {
    let w = 0;
    for (let c = c1; c <= c2; c++) w += this.columnWidths[c] ?? 0;
    return w;
  }

  build(page: PageSetup): SheetPlan {
    return {
      key: this.key,
      name: this.name,
      values: this.values,
      styles: this.styles,
      merges: this.merges,
      columnWidths: this.columnWidths,
      rowHeights: this.rowHeights,
      page,
    };
  }
}
