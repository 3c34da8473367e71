/**
 * Reads an .xlsx into the grids the model expects — the same shape Office.js gives
 * for `range.values` / `range.numberFormat`: the value of a formula is its cached
 * result, a merged area holds its value only in the top-left cell, an error cell reads
 * as its code (`#N/A`). Reading never writes the file.
 *
 * Bounded by content, not by styling: each sheet part is streamed through a SAX parser
 * (xlsx-parts.ts), only cells that hold something are kept,
 * and the grid spans the content — one bordered empty cell at row 1,048,576 costs
 * nothing. Content cut off from the tables by ten thousand empty rows or a thousand
 * empty columns is left out with a WB-007 note when it would blow the grid up.
 * Formulas saved without results are evaluated where they are plain arithmetic (WB-006)
 * and otherwise marked (WB-005), never read as 0.
 */
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { a1, parseRange } from '../model/address';
import { evaluateFormulas, type PendingFormula } from '../model/formula';
import type { ReadNote, SheetGrid, WorkbookGrids } from '../model/workbook';
import { cannotReadMessage, readFileChecked, ReadError, sniff } from './sniff';
import { readXlsBuffer } from './read-xls';
import { isDateFormat, readPackage, readSheetPart, serialToDate, type PackageInfo, type RawCell } from './xlsx-parts';

export { ReadError } from './sniff';

/** A formula whose result is not in the file and could not be computed reads as this error value. */
export const UNCALCULATED = '#CALC!';

/** Content cells read from one workbook before giving up with a message (≈ 1 GB of memory). */
export const MAX_CONTENT_CELLS = 20_000_000;

/** Cells a dense grid may span before far-away content is cut off (~100 MB of slots). */
export const MAX_GRID_CELLS = 12_000_000;
const ROW_GAP = 10_000;
const COL_GAP = 1_000;

/** One cell value as Office.js would report it in `range.values`. */
export function officeValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  const o = v as unknown as Record<string, unknown>;
  if ('error' in o) return String(o.error);
  if ('richText' in o && Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
  if ('formula' in o || 'sharedFormula' in o) return o.result === undefined ? '' : officeValue(o.result as ExcelJS.CellValue);
  if ('text' in o) return String(o.text);
  return String(v);
}

class TooBig extends Error {}

interface SparseRow {
  r: number;
  vals: unknown[];
  fmts: string[];
}

/** Collects a sheet's content cells as they stream past (rows in any order). */
class SheetCollector {
  private byRow = new Map<number, SparseRow>();
  formulas: { row: number; col: number; formula: string }[] = [];
  merges: string[] = [];
  /** `budget` counts down the content cells left for the whole workbook (shared by its sheets). */
  constructor(readonly name: string, readonly index: number, private budget = { left: MAX_CONTENT_CELLS }) {}

  get rows(): SparseRow[] {
    return [...this.byRow.values()];
  }

  set(r: number, c: number, value: unknown, fmt: string | undefined): void {
    if (--this.budget.left < 0) throw new TooBig();
    let sr = this.byRow.get(r);
    if (!sr) this.byRow.set(r, (sr = { r, vals: [], fmts: [] }));
    sr.vals[c] = value;
    if (fmt && fmt !== 'General') sr.fmts[c] = fmt;
  }

  /** A formula without a saved result: evaluated after the whole workbook is read. */
  uncalculated(r: number, c: number, formula: string, fmt: string | undefined): void {
    this.formulas.push({ row: r, col: c, formula });
    this.set(r, c, '', fmt);
  }

  /** Cells of an in-memory ExcelJS row (tests and tools). */
  addExcelRow(row: ExcelJS.Row): void {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      const v = cell.value;
      const o = v as unknown as Record<string, unknown> | null;
      const isFormula = !!o && typeof o === 'object' && ('formula' in o || 'sharedFormula' in o);
      const value = officeValue(v);
      if (isFormula && o!.result === undefined) this.uncalculated(row.number - 1, c - 1, String(o!.formula ?? ''), cell.numFmt);
      else if (value !== '') this.set(row.number - 1, c - 1, value, cell.numFmt);
    });
  }

  /** A cell of the package as Office.js would report it. */
  addRaw(cell: RawCell, pkg: PackageInfo): void {
    const fmt = pkg.styleFormats[cell.style];
    const v = cell.value;
    if (v === null) {
      if (cell.formula !== null) this.uncalculated(cell.row, cell.col, cell.formula, fmt);
      return;
    }
    let value: unknown;
    switch (cell.t) {
      case 's':
        value = pkg.sharedStrings[Number(v)] ?? '';
        break;
      case 'str':
      case 'inlineStr':
        value = v;
        break;
      case 'b':
        value = v.trim() === '1' || v.trim().toLowerCase() === 'true';
        break;
      case 'e':
        value = v.trim();
        break;
      case 'd':
        value = Number.isNaN(Date.parse(v)) ? v : new Date(v);
        break;
      default: {
        const n = Number(v);
        if (v.trim() === '' || !Number.isFinite(n)) value = v;
        else value = fmt && isDateFormat(fmt) ? serialToDate(n, pkg.date1904) : n;
      }
    }
    if (value === '' && cell.formula === null) return;
    this.set(cell.row, cell.col, value, fmt);
  }

  /** A merged area shows its value in the top-left cell only (as Office.js reports it). */
  blankMergedCells(): void {
    for (const m of this.merges) {
      const p = parseRange(m);
      if (!p) continue;
      for (let r = p.start.row; r <= p.end.row; r++) {
        const sr = this.byRow.get(r);
        if (!sr) continue;
        for (let c = p.start.col; c <= Math.min(p.end.col, sr.vals.length - 1); c++) {
          if (sr.r === p.start.row && c === p.start.col) continue;
          if (sr.vals[c] !== undefined) delete sr.vals[c];
        }
      }
    }
  }
}

/** Last index before the first gap wider than `gap` in sorted positions (all when none). */
function cutAtGap(sorted: number[], gap: number): number {
  for (let i = 1; i < sorted.length; i++) if (sorted[i] - sorted[i - 1] > gap) return sorted[i - 1];
  return sorted[sorted.length - 1];
}

/** The dense grid over a sheet's content, cutting far-away outliers when the span is huge. */
function toGrid(s: SheetCollector, notes: ReadNote[]): SheetGrid {
  let lastRow = -1;
  let lastCol = -1;
  for (const sr of s.rows) {
    lastRow = Math.max(lastRow, sr.r);
    lastCol = Math.max(lastCol, sr.vals.length - 1);
  }
  let maxRow = lastRow;
  let maxCol = lastCol;
  if ((lastRow + 1) * (lastCol + 1) > MAX_GRID_CELLS) {
    maxRow = cutAtGap(s.rows.map((x) => x.r).sort((a, b) => a - b), ROW_GAP);
    const cols = new Set<number>();
    for (const sr of s.rows) if (sr.r <= maxRow) sr.vals.forEach((_, c) => cols.add(c));
    maxCol = cutAtGap([...cols].sort((a, b) => a - b), COL_GAP);
    // Still too wide or tall: keep what fits.
    if ((maxRow + 1) * (maxCol + 1) > MAX_GRID_CELLS) maxRow = Math.max(0, Math.floor(MAX_GRID_CELLS / (maxCol + 1)) - 1);
    let dropped = 0;
    let far = '';
    let farKey = -1;
    for (const sr of s.rows) {
      sr.vals.forEach((_, c) => {
        if (sr.r <= maxRow && c <= maxCol) return;
        dropped++;
        if (sr.r + c > farKey) {
          farKey = sr.r + c;
          far = a1(sr.r, c);
        }
      });
    }
    if (dropped) notes.push({ rule: 'WB-007', sheet: s.name, cell: far, params: { count: dropped } });
  }
  const width = maxCol + 1;
  const values: unknown[][] = new Array(maxRow + 1);
  const formats: string[][] = new Array(maxRow + 1);
  const byRow = new Map<number, SparseRow>();
  for (const sr of s.rows) if (sr.r <= maxRow) byRow.set(sr.r, sr);
  for (let r = 0; r <= maxRow; r++) {
    const vr: unknown[] = new Array(width).fill('');
    const fr: string[] = new Array(width).fill('General');
    const sr = byRow.get(r);
    if (sr) {
      const n = Math.min(width, sr.vals.length);
      for (let c = 0; c < n; c++) {
        if (sr.vals[c] !== undefined) vr[c] = sr.vals[c];
        if (sr.fmts[c] !== undefined) fr[c] = sr.fmts[c];
      }
    }
    values[r] = vr;
    formats[r] = fr;
  }
  return { name: s.name, values, formats, origin: { row: 0, col: 0 } };
}

/** An in-memory ExcelJS worksheet as a grid (tests and tools; files go through readWorkbookGrids). */
export function sheetToGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const s = new SheetCollector(ws.name, ws.id);
  ws.eachRow({ includeEmpty: false }, (row) => s.addExcelRow(row));
  return toGrid(s, []);
}

/** Fills formulas saved without results: computed where possible, else marked. */
function settleFormulas(collectors: SheetCollector[], grids: SheetGrid[], notes: ReadNote[]): void {
  const pending: PendingFormula[] = [];
  collectors.forEach((s, i) => {
    for (const f of s.formulas) pending.push({ sheet: i, row: f.row, col: f.col, formula: f.formula });
  });
  if (!pending.length) return;
  const names = new Map(grids.map((g, i) => [g.name.toLowerCase(), i]));
  const read = (s: number, r: number, c: number) => grids[s]?.values[r]?.[c] ?? '';
  const outcomes = evaluateFormulas(pending, read, (n) => names.get(n.toLowerCase()) ?? -1);
  pending.forEach((p, i) => {
    const o = outcomes[i];
    const row = grids[p.sheet].values[p.row];
    const cell = a1(p.row, p.col);
    const formula = p.formula || '（共享公式）';
    if (o.ok) {
      if (row) row[p.col] = o.value;
      notes.push({ rule: 'WB-006', sheet: grids[p.sheet].name, cell, params: { formula, value: String(Number(o.value.toPrecision(15))) } });
    } else {
      if (row) row[p.col] = UNCALCULATED;
      notes.push({ rule: 'WB-005', sheet: grids[p.sheet].name, cell, params: { formula, why: p.formula ? o.why : '共享公式的结果没有保存' } });
    }
  });
}

/** What went wrong inside the package, in the clerk's words (the libraries speak English). */
function libraryReason(e: unknown): string {
  const m = String((e as Error)?.message ?? e);
  if (/zip|central directory|end of data|compression|inflat|deflat|crc/i.test(m)) return '压缩结构不完整或已损坏';
  if (/xml|tag|attribute|entity|saxes|unexpected|unclosed/i.test(m)) return '表格内容的 XML 有错';
  return '文件内容无法解析';
}

export async function readWorkbookGrids(path: string): Promise<WorkbookGrids> {
  const buf = readFileChecked(path);
  const kind = sniff(buf.subarray(0, 4096), buf);
  if (kind === 'xls') return readXlsBuffer(path, buf);
  if (kind !== 'xlsx') throw new ReadError(cannotReadMessage(path, kind));
  const broken = (e: unknown) =>
    new ReadError(`${path} 已损坏或不完整，读不出来（${libraryReason(e)}）：请在 Excel 或 WPS 中打开，确认内容后另存为 .xlsx`);
  let zip: JSZip;
  let pkg: PackageInfo | null;
  try {
    zip = await JSZip.loadAsync(buf);
    pkg = await readPackage(zip);
  } catch (e) {
    throw broken(e);
  }
  if (!pkg) throw new ReadError(`${path} 是压缩文件，但里面没有 Excel 工作簿：请确认选对了文件，或在 Excel/WPS 中另存为 .xlsx`);
  const collectors: SheetCollector[] = [];
  const budget = { left: MAX_CONTENT_CELLS };
  try {
    for (const [i, entry] of pkg.sheets.entries()) {
      const s = new SheetCollector(entry.name, i, budget);
      const found = await readSheetPart(zip, entry.path, (c: RawCell) => s.addRaw(c, pkg!), (m) => s.merges.push(m));
      if (found) {
        s.blankMergedCells();
        collectors.push(s);
      }
    }
  } catch (e) {
    if (e instanceof TooBig) {
      throw new ReadError(`${path} 有超过 ${MAX_CONTENT_CELLS / 10000} 万个有内容的单元格，超出本工具一次能检查的范围：请把预算公开表和绩效目标表复制到单独的工作簿再检查`);
    }
    throw broken(e);
  }
  const notes: ReadNote[] = [];
  const grids = collectors.map((s) => toGrid(s, notes));
  settleFormulas(collectors, grids, notes);
  return { file: path, sheets: grids, ...(notes.length ? { notes } : {}) };
}
