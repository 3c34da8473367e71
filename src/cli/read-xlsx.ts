/**
 * Reads an .xlsx into the grids the model expects — the same shape Office.js
 * gives for `range.values` / `range.numberFormat`: the value of a formula is its
 * cached result, a merged area holds its value only in the top-left cell, an
 * error cell reads as its code (`#N/A`). Reading never writes the file.
 */
import ExcelJS from 'exceljs';
import type { SheetGrid, WorkbookGrids } from '../model/workbook';

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

export function sheetToGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows = ws.actualRowCount === 0 ? 0 : ws.rowCount;
  const cols = ws.actualColumnCount === 0 ? 0 : ws.columnCount;
  const values: unknown[][] = [];
  const formats: string[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    const vr: unknown[] = new Array(cols).fill('');
    const fr: string[] = new Array(cols).fill('General');
    if (row.hasValues || row.cellCount) {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (c > cols) return;
        const slave = cell.isMerged && cell.master !== cell;
        vr[c - 1] = slave ? '' : officeValue(cell.value);
        if (cell.numFmt) fr[c - 1] = cell.numFmt;
      });
    }
    values.push(vr);
    formats.push(fr);
  }
  return { name: ws.name, values, formats, origin: { row: 0, col: 0 } };
}

export async function readWorkbookGrids(path: string): Promise<WorkbookGrids> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    throw new Error(`无法读取工作簿 ${path}：${(e as Error).message}`);
  }
  return { file: path, sheets: wb.worksheets.map(sheetToGrid) };
}
