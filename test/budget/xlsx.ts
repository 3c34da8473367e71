/** Test helper: reads an .xlsx into SheetGrids the way Office.js reports range values. */
import ExcelJS from 'exceljs';
import type { SheetGrid } from '../../src/model/workbook';

function value(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  const o = v as unknown as Record<string, unknown>;
  if ('error' in o) return String(o.error);
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
  if ('formula' in o || 'sharedFormula' in o) return o.result === undefined ? '' : value(o.result as ExcelJS.CellValue);
  if ('text' in o) return String(o.text);
  return String(v);
}

export function worksheetGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  const values: unknown[][] = [];
  for (let r = 1; r <= rows; r++) {
    const out: unknown[] = new Array(cols).fill('');
    ws.getRow(r).eachCell({ includeEmpty: false }, (cell, c) => {
      if (c > cols) return;
      out[c - 1] = cell.isMerged && cell.master !== cell ? '' : value(cell.value);
    });
    values.push(out);
  }
  return { name: ws.name, values, origin: { row: 0, col: 0 } };
}

export async function readXlsx(file: string): Promise<SheetGrid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map(worksheetGrid);
}
