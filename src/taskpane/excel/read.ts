/**
 * Reading: every user sheet's used range. (1) sheet names (+ defined names, for the
 * caller), (2) used-range sizes, (3…) values and number formats of the used ranges in
 * syncs of at most CELLS_PER_SYNC cells — one sync for an ordinary workbook, more for a
 * large one, so no response passes Excel on the web's 5 MB payload limit; a batch that
 * does (ResponsePayloadSizeLimitExceeded) is read again in halves. Capped per sheet so a
 * stray value at XFD1048576 cannot ask Excel for billions of cells. Never writes.
 */
import type { SheetGrid } from '../../model/workbook';
import { OWNED_SHEET } from './owned-sheet';
import { CELLS_PER_SYNC, isPayloadError, rowChunks } from './payload';

export { CELLS_PER_SYNC } from './payload';

export interface ReadOptions {
  /** Sheets to read (all user sheets when omitted); the add-in's own sheet is never read. */
  names?: string[];
  /** Most cells read from one sheet (default 1,000,000). */
  maxCellsPerSheet?: number;
  /**
   * Most cells whose values and number formats are read in one sync (default 100,000:
   * about 3 MB of JSON for typical budget cells, under the 5 MB payload limit).
   */
  cellsPerSync?: number;
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
  const budget = opts.cellsPerSync ?? CELLS_PER_SYNC;
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
  const pieces: Piece[] = [];
  const bySheet = new Map<string, { rowIndex: number; columnIndex: number; rows: unknown[][]; formats: string[][] }>();
  for (const { ws, r } of used) {
    if (r.isNullObject) continue;
    const columnCount = Math.min(r.columnCount, maxCols);
    const rowCount = Math.min(r.rowCount, Math.max(1, Math.floor(maxCells / columnCount)));
    if (columnCount < r.columnCount || rowCount < r.rowCount) {
      notes.push(`工作表“${ws.name}”的已用区域过大（${r.rowCount} 行 × ${r.columnCount} 列），只读取了前 ${rowCount} 行、${columnCount} 列。`);
    }
    bySheet.set(ws.name, { rowIndex: r.rowIndex, columnIndex: r.columnIndex, rows: new Array(rowCount), formats: new Array(rowCount) });
    pieces.push({ ws, sheet: ws.name, row0: r.rowIndex, col0: r.columnIndex, offset: 0, rows: rowCount, cols: columnCount });
  }
  await readPieces(ctx, pieces, budget, (p, values, formats) => {
    const dst = bySheet.get(p.sheet)!;
    for (let i = 0; i < values.length; i++) {
      dst.rows[p.offset + i] = values[i];
      dst.formats[p.offset + i] = formats[i];
    }
  });

  const grids: SheetGrid[] = [];
  for (const ws of targets) {
    const x = bySheet.get(ws.name);
    if (!x) {
      grids.push({ name: ws.name, values: [], origin: { row: 0, col: 0 } });
      continue;
    }
    grids.push({ name: ws.name, values: x.rows, origin: { row: x.rowIndex, col: x.columnIndex }, formats: x.formats });
  }
  return { sheets: grids, names: names.items.map((n) => ({ name: n.name, formula: String(n.formula) })), notes };
}

/** A block of rows of one sheet's used range, read in one go. */
interface Piece {
  ws: Excel.Worksheet;
  sheet: string;
  /** Sheet position of the used range's first cell. */
  row0: number;
  col0: number;
  /** First row of the piece, counted from the used range's first row. */
  offset: number;
  rows: number;
  cols: number;
}

/** Splits pieces so that none has more than `cells` cells (whole rows; at least one row). */
function split(pieces: Piece[], cells: number): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) for (const [o, n] of rowChunks(p.rows, p.cols, cells)) out.push({ ...p, offset: p.offset + o, rows: n });
  return out;
}

/**
 * Reads values and number formats of the pieces, packing them into syncs of at most
 * `budget` cells each, so every response stays under Excel on the web's 5 MB payload
 * limit (a small workbook is one sync). A batch that still comes back over the limit
 * (long texts) is retried in halves, down to single rows.
 */
async function readPieces(
  ctx: Excel.RequestContext,
  pieces: Piece[],
  budget: number,
  take: (p: Piece, values: unknown[][], formats: string[][]) => void,
): Promise<void> {
  const queue = split(pieces, budget);
  while (queue.length) {
    const batch: Piece[] = [];
    let cells = 0;
    while (queue.length && (batch.length === 0 || cells + queue[0].rows * queue[0].cols <= budget)) {
      const p = queue.shift()!;
      batch.push(p);
      cells += p.rows * p.cols;
    }
    const ranges = batch.map((p) => {
      const range = p.ws.getRangeByIndexes(p.row0 + p.offset, p.col0, p.rows, p.cols);
      range.load('values,numberFormat');
      return range;
    });
    try {
      await ctx.sync();
    } catch (e) {
      if (!isPayloadError(e) || (batch.length === 1 && batch[0].rows === 1)) throw e;
      // Too large after all: put the batch back in halves and read it again.
      const half = Math.max(1, Math.floor(cells / 2));
      queue.unshift(...(batch.length > 1 ? batch : split(batch, half)));
      budget = Math.max(1, Math.min(budget, half));
      continue;
    }
    batch.forEach((p, i) => take(p, ranges[i].values, ranges[i].numberFormat as string[][]));
  }
}
