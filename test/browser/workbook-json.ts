/**
 * The harness's workbook as JSON: what the browser test writes next to the page.
 * Node side reads an .xlsx with ExcelJS the way the CLI does (cached formula
 * results, merged areas blank below their top-left cell) and keeps merges.
 */
export interface HarnessSheet {
  name: string;
  values: unknown[][];
  formats?: (string | null)[][];
  merges?: string[];
}

export interface HarnessWorkbook {
  sheets: HarnessSheet[];
  names?: { name: string; ref: string }[];
}

/** Node only (ExcelJS): an .xlsx as a HarnessWorkbook. Imported lazily so the page bundle never pulls ExcelJS. */
export async function xlsxToHarness(path: string): Promise<HarnessWorkbook> {
  const ExcelJS = (await import('exceljs')).default;
  const { sheetToGrid } = await import('../../src/cli/read-xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const sheets: HarnessSheet[] = wb.worksheets.map((ws) => {
    const g = sheetToGrid(ws);
    const values = g.values.map((row) => row.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)));
    const merges = ((ws.model as { merges?: string[] }).merges ?? []).filter((m) => m.includes(':'));
    const formats = g.formats?.map((row) => row.map((f) => (f && f !== 'General' ? f : null)));
    return { name: ws.name, values, formats, merges };
  });
  return { sheets };
}

/** A deep copy with one cell changed (A1 address on the named sheet); for perturbed fixtures. */
export function withCell(wb: HarnessWorkbook, sheet: string, row: number, col: number, value: unknown): HarnessWorkbook {
  const copy: HarnessWorkbook = JSON.parse(JSON.stringify(wb));
  const s = copy.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  while (s.values.length <= row) s.values.push([]);
  const r = s.values[row];
  while (r.length <= col) r.push('');
  r[col] = value;
  return copy;
}
