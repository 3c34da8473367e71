/**
 * Reads a legacy Excel 97-2003 workbook (.xls, BIFF8 — what many budget systems still
 * export) into the same grids the .xlsx reader produces: the cached result of a formula,
 * a merged area's value in its top-left cell only, error cells as their code (`#N/A`),
 * dates as Date, number formats beside the values, 款/项 codes stored as text kept as text.
 *
 * Parsing is done by SheetJS (`@e965/xlsx`, Apache-2.0: an automated npm republish of
 * SheetJS 0.20.3, which has the fixes for CVE-2023-30533 and CVE-2024-22363 that the
 * official npm `xlsx@0.18.5` lacks). It runs offline and is used only here, in the CLI;
 * the add-in never loads it (Excel hands the add-in values, not files).
 */
import * as XLSX from '@e965/xlsx';
import type { SheetGrid, WorkbookGrids } from '../model/workbook';
import { ReadError } from './sniff';

/** Cells a .xls grid may span (BIFF8 allows 65,536 × 256; the grid spans content only). */
const MAX_CELLS = 12_000_000;

function cellValue(c: XLSX.CellObject): unknown {
  switch (c.t) {
    case 'n':
      return c.v;
    case 's':
      return c.v ?? '';
    case 'b':
      return c.v;
    case 'd':
      return c.v instanceof Date ? c.v : '';
    case 'e':
      return c.w ?? '#N/A';
    default:
      return '';
  }
}

function sheetGrid(name: string, ws: XLSX.WorkSheet): SheetGrid {
  const data = (ws['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  // The grid spans cells that hold something (a styled empty cell does not count).
  let maxRow = -1;
  let maxCol = -1;
  data.forEach((row, r) => {
    if (!row) return;
    row.forEach((c, k) => {
      if (!c || c.t === 'z' || (c.t === 's' && c.v === '')) return;
      if (r > maxRow) maxRow = r;
      if (k > maxCol) maxCol = k;
    });
  });
  const rows = maxRow + 1;
  const cols = maxCol + 1;
  if (rows * cols > MAX_CELLS) throw new ReadError(`工作表「${name}」有 ${rows} 行 × ${cols} 列，超过本工具能读的范围`);
  const values: unknown[][] = new Array(rows);
  const formats: string[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const vr: unknown[] = new Array(cols).fill('');
    const fr: string[] = new Array(cols).fill('General');
    const row = data[r];
    if (row) {
      for (let k = 0; k < Math.min(cols, row.length); k++) {
        const c = row[k];
        if (!c) continue;
        vr[k] = cellValue(c);
        if (typeof c.z === 'string' && c.z !== 'General') fr[k] = c.z;
      }
    }
    values[r] = vr;
    formats[r] = fr;
  }
  // SheetJS keeps a merged area's value in its first cell already; blank the rest to be sure.
  for (const m of ws['!merges'] ?? []) {
    for (let r = m.s.r; r <= Math.min(m.e.r, rows - 1); r++) {
      for (let k = m.s.c; k <= Math.min(m.e.c, cols - 1); k++) if (r !== m.s.r || k !== m.s.c) values[r][k] = '';
    }
  }
  return { name, values, formats, origin: { row: 0, col: 0 } };
}

/** Parses the bytes of a .xls file (already known to be a BIFF workbook). */
export function readXlsBuffer(path: string, buf: Buffer): WorkbookGrids {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(buf, { type: 'buffer', dense: true, cellDates: true, cellNF: true, cellFormula: false, cellHTML: false, cellStyles: false, WTF: false });
  } catch (e) {
    const why = String((e as Error)?.message ?? e).split('\n')[0].slice(0, 80);
    if (/password|encrypt/i.test(why)) throw new ReadError(`${path} 设置了打开密码（已加密）：请在 Excel 或 WPS 中打开，去掉密码并保存后再检查`);
    throw new ReadError(`${path} 是旧版 Excel 97-2003 工作簿（.xls），但已损坏或是本工具读不了的版本（${why}）：请在 Excel 或 WPS 中打开，另存为 Excel 工作簿（.xlsx）后再检查`);
  }
  const names = wb.SheetNames.filter((n) => wb.Sheets[n] && !(wb.Workbook?.Sheets?.find((s) => s.name === n)?.Hidden === 2));
  if (!names.length) {
    throw new ReadError(`${path} 是旧版 Excel 97-2003 工作簿（.xls），但读不出任何工作表（可能已损坏或不完整）：请在 Excel 或 WPS 中打开，另存为 Excel 工作簿（.xlsx）后再检查`);
  }
  return { file: path, sheets: names.map((n) => sheetGrid(n, wb.Sheets[n])) };
}
