/**
 * Reading: every user sheet's used range in three syncs whatever the sheet count.
 * (1) sheet names (+ defined names, for the caller), (2) used-range sizes,
 * (3) values and number formats of the used ranges, capped per sheet so a stray
 * value at XFD1048576 cannot ask Excel for billions of cells. Never writes.
 */
import type { SheetGrid } from '../../model/workbook';
import { OWNED_SHEET } from './owned-sheet';

export interface ReadOptions {
  /** Sheets to read (all user sheets when omitted); the add-in's own sheet is never read. */
  names?: string[];
  /** Most cells read from one sheet (default 1,000,000). */
  maxCellsPerSheet?: number;
  /** Most columns read from one sheet (default 256). */
  maxColumns?: number;
}

export interface NameInfo {
  name: string;
  formula: string;
}

export interface ReadResult {
  sheets: SheetGrid[];
  names: NameInfo[];
  notes: string[];
}

export async function readGrids(ctx: Excel.RequestContext, opts: ReadOptions = {}): Promise<ReadResult> {
  const maxCells = opts.maxCellsPerSheet ?? 1_000_000;
  const maxCols = opts.maxColumns ?? 256;
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name');
  const names = ctx.workbook.names;
  names.load('items/name,items/formula');
  await ctx.sync();

  const wanted = opts.names ? new Set(opts.names.map((n) => n.toLowerCase())) : null;
  const targets = sheets.items.filter((ws) => ws.name !== OWNED_SHEET && (!wanted || wanted.has(ws.name.toLowerCase())));
  const used = targets.map((ws) => {
    const r = ws.getUsedRangeOrNullObject(true);
    r.load('rowIndex,columnIndex,rowCount,columnCount');
    return { ws, r };
  });
  await ctx.sync();

  const notes: string[] = [];
  const reads: { name: string; rowIndex: number; columnIndex: number; range: Excel.Range }[] = [];
  for (const { ws, r } of used) {
    if (r.isNullObject) continue;
    const columnCount = Math.min(r.columnCount, maxCols);
    const rowCount = Math.min(r.rowCount, Math.max(1, Math.floor(maxCells / columnCount)));
    if (columnCount < r.columnCount || rowCount < r.rowCount) {
      notes.push(`工作表“${ws.name}”的已用区域过大（${r.rowCount} 行 × ${r.columnCount} 列），只读取了前 ${rowCount} 行、${columnCount} 列。`);
    }
    const range = ws.getRangeByIndexes(r.rowIndex, r.columnIndex, rowCount, columnCount);
    range.load('values,numberFormat');
    reads.push({ name: ws.name, rowIndex: r.rowIndex, columnIndex: r.columnIndex, range });
  }
  if (reads.length) await ctx.sync();

  const grids: SheetGrid[] = [];
  const byName = new Map(reads.map((x) => [x.name, x]));
  for (const ws of targets) {
    const x = byName.get(ws.name);
    if (!x) {
      grids.push({ name: ws.name, values: [], origin: { row: 0, col: 0 } });
      continue;
    }
    grids.push({
      name: x.name,
      values: x.range.values,
      origin: { row: x.rowIndex, col: x.columnIndex },
      formats: x.range.numberFormat as string[][],
    });
  }
  return { sheets: grids, names: names.items.map((n) => ({ name: n.name, formula: String(n.formula) })), notes };
}
