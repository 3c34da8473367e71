/**
 * Write-back of results into the add-in's own hidden sheet. Each block is replaced
 * in place: its previous extent (found through its name) is cleared, the new block is
 * written from row 1 of its column band, and the name is pointed at the new extent.
 * Two syncs per write; no cell outside the owned sheet is ever written.
 */
import { rangeA1 } from '../../model/address';
import { toExcelValue } from './cell-input';
import { fail } from './errors';
import { ACCEPTED_BLOCK, type BlockDef, KEY_FIGURES_BAND, OWNED_SHEET, bandOf, keyFigureLayout } from './owned-sheet';
import { parseRef, refFormula, type SheetRect } from './refs';
import { definedName } from './sheet-names';

type Cell = string | number;

/** The owned sheet, created hidden when missing (queued, not synced). */
function ownedSheet(ctx: Excel.RequestContext, existing: Excel.Worksheet): Excel.Worksheet {
  if (!existing.isNullObject) return existing;
  const ws = ctx.workbook.worksheets.add(OWNED_SHEET);
  ws.visibility = 'Hidden' as Excel.SheetVisibility;
  return ws;
}

/** `@` for text so codes like `20801` stay text; General for numbers. */
function formatsFor(rows: Cell[][]): string[][] {
  return rows.map((r) => r.map((v) => (typeof v === 'number' ? 'General' : '@')));
}

function pad(rows: (Cell | null | undefined)[][], width: number): Cell[][] {
  return rows.map((r) => Array.from({ length: width }, (_, j) => {
    const v = r[j];
    return v === null || v === undefined ? '' : typeof v === 'number' && !Number.isFinite(v) ? '' : v;
  }));
}

function insideBand(ref: SheetRect | null, band: { c0: number; c1: number }): ref is SheetRect {
  return !!ref && ref.sheet === OWNED_SHEET && ref.c0 >= band.c0 && ref.c1 <= band.c1;
}

/** Replaces one table block (header + rows) and its name. */
export async function writeBlock(ctx: Excel.RequestContext, def: BlockDef, rows: (Cell | null | undefined)[][]): Promise<void> {
  const band = bandOf(def);
  const width = def.header.length;
  const existing = ctx.workbook.worksheets.getItemOrNullObject(OWNED_SHEET);
  const item = ctx.workbook.names.getItemOrNullObject(def.name);
  item.load('formula');
  await ctx.sync();
  try {
    const ws = ownedSheet(ctx, existing);
    const old = item.isNullObject ? null : parseRef(String(item.formula));
    // Clear exactly the old block; if its name was lost or moved, the whole band (still ours).
    ws.getRange(insideBand(old, band) ? rangeA1({ row: old.r0, col: old.c0 }, old.r1 - old.r0 + 1, old.c1 - old.c0 + 1) : band.columns).clear('All' as Excel.ClearApplyTo);
    const block = [def.header, ...pad(rows, width)];
    const address = rangeA1({ row: 0, col: def.col }, block.length, width);
    const range = ws.getRange(address);
    range.numberFormat = formatsFor(block);
    range.values = block.map((r) => r.map((v) => toExcelValue(v)));
    range.getRow(0).format.font.bold = true;
    const ref: SheetRect = { sheet: OWNED_SHEET, r0: 0, c0: def.col, r1: block.length - 1, c1: def.col + width - 1 };
    if (item.isNullObject) ctx.workbook.names.add(def.name, range, '预算公开表格助手写入，请勿手工修改');
    else item.formula = refFormula(ref);
    await ctx.sync();
  } catch (e) {
    throw fail(`写入 ${def.name} 失败`, e);
  }
}

/** Reads a block's rows (header dropped) through its name; [] when absent. Never writes. */
export async function readBlock(ctx: Excel.RequestContext, def: BlockDef): Promise<unknown[][]> {
  const item = ctx.workbook.names.getItemOrNullObject(def.name);
  item.load('formula');
  await ctx.sync();
  if (item.isNullObject) return [];
  const ref = parseRef(String(item.formula));
  if (!ref) return [];
  // A name whose sheet is gone reads `#REF!`, so the sheet exists here.
  const range = ctx.workbook.worksheets.getItem(ref.sheet).getRange(rangeA1({ row: ref.r0, col: ref.c0 }, ref.r1 - ref.r0 + 1, ref.c1 - ref.c0 + 1));
  range.load('values');
  await ctx.sync();
  return range.values.slice(1);
}

/**
 * Key figures: rows 2–8 hold the seven figures of interfaces.md in fixed order, any
 * other key takes the row its name already points at, or the next free row. Keys
 * written before but absent now keep their row and name with a blank value.
 */
export async function writeKeyFigures(ctx: Excel.RequestContext, figs: Record<string, number>): Promise<void> {
  const existing = ctx.workbook.worksheets.getItemOrNullObject(OWNED_SHEET);
  const names = ctx.workbook.names;
  names.load('items/name,items/formula');
  await ctx.sync();
  try {
    const ws = ownedSheet(ctx, existing);
    const nameOf = (key: string) => definedName(`BT.${key}`);
    const { rowOf, given, block, valueCol } = keyFigureLayout(
      names.items.map((n) => ({ name: n.name, formula: String(n.formula) })),
      figs,
    );
    const items = new Map<string, Excel.NamedItem>();
    for (const n of names.items) items.set(n.name.toLowerCase(), n);
    // The band A:B holds nothing but this block, so clearing it clears the old extent.
    ws.getRange(bandOf(KEY_FIGURES_BAND).columns).clear('All' as Excel.ClearApplyTo);
    const range = ws.getRange(rangeA1({ row: 0, col: KEY_FIGURES_BAND.col }, block.length, 2));
    range.numberFormat = block.map((_r, i) => (i === 0 ? ['@', '@'] : ['@', '0.00']));
    range.values = block.map((r) => r.map((v) => toExcelValue(v)));
    range.getRow(0).format.font.bold = true;
    for (const [key, row] of rowOf) {
      // A name for every key that has (or had) one; fixed rows stay unnamed until first written.
      const name = nameOf(key);
      const item = items.get(name.toLowerCase());
      const ref: SheetRect = { sheet: OWNED_SHEET, r0: row, c0: valueCol, r1: row, c1: valueCol };
      if (item) item.formula = refFormula(ref);
      else if (given.has(key)) names.add(name, ws.getRange(rangeA1({ row, col: valueCol }, 1, 1)), '预算公开表格助手写入的关键数字');
    }
    await ctx.sync();
  } catch (e) {
    throw fail('写入关键数字失败', e);
  }
}

/** Accepted warnings as key → reason. */
export async function readAcceptances(ctx: Excel.RequestContext): Promise<Record<string, string>> {
  const rows = await readBlock(ctx, ACCEPTED_BLOCK);
  const out: Record<string, string> = {};
  for (const r of rows) {
    const key = r[0] === null || r[0] === undefined ? '' : String(r[0]);
    if (key) out[key] = r[1] === null || r[1] === undefined ? '' : String(r[1]);
  }
  return out;
}
