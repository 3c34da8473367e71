/**
 * Reading a workbook through ET: sheet names, defined names, and each sheet's used
 * range as one Value2 read. ET has no per-cell number-format array (Range.NumberFormat
 * gives one format or null when the cells differ), so formats are read only where they
 * matter — cells holding numbers (a 95 % is stored as 0.95) — one area at a time, split
 * in halves while an area's cells disagree, within a budget of calls per sheet.
 * Never writes.
 */
import { rangeA1 } from '../model/address';
import type { SheetGrid } from '../model/workbook';
import type { NameInfo, ReadOptions, ReadResult } from '../taskpane/excel/read';
import { OWNED_SHEET } from '../taskpane/excel/owned-sheet';
import type { EtNames, EtWorkbook, EtWorksheet } from './et';

export interface EtReadOptions extends ReadOptions {
  /** Most NumberFormat reads per sheet (each costs 2 calls); default 400. */
  maxFormatReads?: number;
}

/** A Value2 result as rows of cells, blanks as '' (like Office.js `values`). */
export function toRows(v: unknown, height: number, _width?: number): unknown[][] {
  const cell = (x: unknown) => (x === undefined || x === null ? '' : x);
  if (!Array.isArray(v)) return [[cell(v)]];
  const rows = (height === 1 && !Array.isArray(v[0]) ? [v] : v) as unknown[][];
  return rows.map((r) => (Array.isArray(r) ? r.map(cell) : [cell(r)]));
}

const isBlank = (v: unknown) => v === '' || v === null || v === undefined;

/** Every defined name and its reference (1 + 3 calls per name). */
export function readNames(names: EtNames): NameInfo[] {
  const out: NameInfo[] = [];
  const n = names.Count;
  for (let i = 1; i <= n; i++) {
    const item = names.Item(i);
    out.push({ name: item.Name, formula: String(item.RefersTo) });
  }
  return out;
}

/** The sheets in order with their names (1 + 2 calls per sheet). */
export function listSheets(wb: EtWorkbook): { ws: EtWorksheet; name: string }[] {
  const sheets = wb.Worksheets;
  const n = sheets.Count;
  const out: { ws: EtWorksheet; name: string }[] = [];
  for (let i = 1; i <= n; i++) {
    const ws = sheets.Item(i);
    out.push({ ws, name: ws.Name });
  }
  return out;
}

export function readGridsEt(wb: EtWorkbook, opts: EtReadOptions = {}): ReadResult {
  const maxCells = opts.maxCellsPerSheet ?? 1_000_000;
  const maxCols = opts.maxColumns ?? 256;
  const wanted = opts.names ? new Set(opts.names.map((n) => n.toLowerCase())) : null;
  const names = readNames(wb.Names);
  const notes: string[] = [];
  const grids: SheetGrid[] = [];
  for (const { ws, name } of listSheets(wb)) {
    if (name === OWNED_SHEET || (wanted && !wanted.has(name.toLowerCase()))) continue;
    const used = ws.UsedRange;
    const row0 = used.Row - 1;
    const col0 = used.Column - 1;
    const rowCount = used.Rows.Count;
    const colCount = used.Columns.Count;
    const width = Math.min(colCount, maxCols);
    const height = Math.min(rowCount, Math.max(1, Math.floor(maxCells / width)));
    if (width < colCount || height < rowCount) {
      notes.push(`工作表“${name}”的已用区域过大（${rowCount} 行 × ${colCount} 列），只读取了前 ${height} 行、${width} 列。`);
    }
    const all = toRows(ws.Range(rangeA1({ row: row0, col: col0 }, height, width)).Value2, height, width);
    // ET's used range also counts formatted cells; keep the cells with content, as Office's valuesOnly does.
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    all.forEach((row, r) =>
      row.forEach((v, c) => {
        if (isBlank(v)) return;
        r0 = Math.min(r0, r);
        r1 = Math.max(r1, r);
        c0 = Math.min(c0, c);
        c1 = Math.max(c1, c);
      }),
    );
    if (r1 < 0) {
      grids.push({ name, values: [], origin: { row: 0, col: 0 } });
      continue;
    }
    const values = all.slice(r0, r1 + 1).map((row) => row.slice(c0, c1 + 1));
    const origin = { row: row0 + r0, col: col0 + c0 };
    const fr = readFormats(ws, values, origin, opts.maxFormatReads ?? 400);
    if (!fr.complete) notes.push(`工作表“${name}”的数字格式过于零散，部分数字的格式未读取（按常规格式处理）。`);
    grids.push({ name, values, origin, formats: fr.formats });
  }
  return { sheets: grids, names, notes };
}

/**
 * Number formats of the numeric cells (General elsewhere). One read for the whole area
 * when it is uniform; otherwise per column over the span of its numbers, halving an
 * area while its cells disagree.
 */
function readFormats(ws: EtWorksheet, values: unknown[][], origin: { row: number; col: number }, budget: number): { formats: string[][]; complete: boolean } {
  const h = values.length;
  const w = values[0]?.length ?? 0;
  const formats = values.map((r) => r.map(() => 'General'));
  const numeric = (r: number, c: number) => typeof values[r][c] === 'number';
  let left = budget;
  let complete = true;
  const read = (r0: number, c0: number, r1: number, c1: number): string | null => {
    left--;
    return ws.Range(rangeA1({ row: origin.row + r0, col: origin.col + c0 }, r1 - r0 + 1, c1 - c0 + 1)).NumberFormat;
  };
  const fill = (r0: number, r1: number, c0: number, c1: number, nf: string) => {
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) if (numeric(r, c)) formats[r][c] = nf;
  };
  if (!values.some((row, r) => row.some((_v, c) => numeric(r, c)))) return { formats, complete };
  const whole = read(0, 0, h - 1, w - 1);
  if (typeof whole === 'string') {
    fill(0, h - 1, 0, w - 1, whole);
    return { formats, complete };
  }
  const column = (c: number, a: number, b: number): void => {
    while (a <= b && !numeric(a, c)) a++;
    while (b >= a && !numeric(b, c)) b--;
    if (a > b) return;
    if (left <= 0) {
      complete = false;
      return;
    }
    const nf = read(a, c, b, c);
    if (typeof nf === 'string') fill(a, b, c, c, nf);
    else if (a < b) {
      const mid = Math.floor((a + b) / 2);
      column(c, a, mid);
      column(c, mid + 1, b);
    }
  };
  for (let c = 0; c < w; c++) column(c, 0, h - 1);
  return { formats, complete };
}
