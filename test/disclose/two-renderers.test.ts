/**
 * One plan, two renderers: the CLI's ExcelJS writer and the task pane's Office.js
 * adapter (run against engineer C's Excel double) must agree cell for cell —
 * values, number formats, fonts, fills, alignment, wrap, borders — and on merges,
 * sizes, page setup and names.
 */
import ExcelJS from 'exceljs';
import { buildDisclosurePlan } from '../../src/model/layout';
import { writePlanToWorkbook } from '../../src/cli/write-plan';
import { applyPlan } from '../../src/taskpane/excel/apply-plan';
import { charsToPoints } from '../../src/taskpane/excel/cell-input';
import { colLetter } from '../../src/model/address';
import { ExcelDouble, type WorkbookSnapshot } from '../double';
import type { CellFormat } from '../double/state';
import { seedTables, UNIT, YEAR } from './seed004';
import { employmentProject, personnelProject } from './projects';

type Norm = Record<string, unknown>;
const H: Record<string, string> = { Left: 'left', Center: 'center', Right: 'right' };
const V: Record<string, string> = { Top: 'top', Center: 'middle', Bottom: 'bottom' };

/** A cell of the double, in neutral terms. */
type DoubleCell = { value?: unknown; nf?: string; fmt?: CellFormat };

function fromDouble(cell: DoubleCell | undefined): Norm {
  const f: CellFormat = cell?.fmt ?? {};
  const edges = Object.entries(f.borders ?? {})
    .filter(([, b]) => (b as { style: string }).style === 'Continuous')
    .map(([e]) => e)
    .sort();
  return {
    value: cell?.value === '' || cell?.value === undefined ? null : cell.value,
    nf: cell?.nf ?? 'General',
    bold: !!f.bold,
    size: f.fontSize ?? 11,
    font: f.fontName ?? 'Calibri',
    color: f.fontColor ?? '#000000',
    fill: f.fill ?? null,
    h: f.hAlign ? H[f.hAlign] : null,
    v: f.vAlign ? V[f.vAlign] : null,
    wrap: !!f.wrap,
    edges,
  };
}

/** A cell of the re-read .xlsx, in the same terms. */
function fromExcelJS(c: ExcelJS.Cell): Norm {
  const slave = c.isMerged && c.master !== c;
  const argb = (x?: string) => (x ? `#${x.slice(2)}` : undefined);
  const fill = c.fill && c.fill.type === 'pattern' && c.fill.pattern === 'solid' ? argb((c.fill.fgColor as { argb?: string })?.argb) : null;
  const edges = (['top', 'bottom', 'left', 'right'] as const).filter((e) => c.border?.[e]?.style === 'thin').sort();
  return {
    value: slave || c.value === null || c.value === undefined ? null : c.value,
    nf: c.numFmt ?? 'General',
    bold: !!c.font?.bold,
    size: c.font?.size ?? 11,
    font: c.font?.name ?? 'Calibri',
    color: argb(c.font?.color?.argb) ?? '#000000',
    fill,
    h: c.alignment?.horizontal ?? null,
    v: c.alignment?.vertical ?? null,
    wrap: !!c.alignment?.wrapText,
    edges,
  };
}

describe('ExcelJS writer and Office.js adapter render one plan identically', () => {
  const plan = buildDisclosurePlan({
    unit: UNIT,
    year: YEAR,
    tables: seedTables(),
    projects: [personnelProject(), employmentProject()],
  });
  let snap: WorkbookSnapshot;
  let xlsx: ExcelJS.Workbook;

  beforeAll(async () => {
    const xl = new ExcelDouble();
    await applyPlan(xl.run, plan, { activate: false });
    snap = xl.snapshot();
    const wb = new ExcelJS.Workbook();
    writePlanToWorkbook(plan, wb);
    xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  });

  it('creates the same sheets', () => {
    expect(snap.sheets.map((s) => s.name)).toEqual(xlsx.worksheets.map((w) => w.name));
    expect(snap.sheets).toHaveLength(plan.sheets.length);
  });

  it('agrees cell for cell on every sheet: values, number formats, fonts, fills, alignment, borders', () => {
    let compared = 0;
    plan.sheets.forEach((sp, i) => {
      const ds = snap.sheets[i];
      const ws = xlsx.getWorksheet(ds.name)!;
      const rows = sp.values.length;
      const cols = sp.columnWidths.length;
      const diffs: string[] = [];
      for (let r = 1; r <= rows; r++) {
        for (let c = 1; c <= cols; c++) {
          const addr = `${colLetter(c - 1)}${r}`;
          const a = fromDouble(ds.cells[addr] as DoubleCell | undefined);
          const b = fromExcelJS(ws.getCell(r, c));
          if (JSON.stringify(a) !== JSON.stringify(b)) diffs.push(`${ds.name}!${addr} ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
          compared++;
        }
      }
      expect(diffs.slice(0, 5)).toEqual([]);
    });
    expect(compared).toBeGreaterThan(2000);
  });

  it('agrees on merges, column widths, row heights and page setup', () => {
    plan.sheets.forEach((sp, i) => {
      const ds = snap.sheets[i];
      const ws = xlsx.getWorksheet(ds.name)!;
      expect([ds.name, [...ds.merges].sort()]).toEqual([ds.name, [...ws.model.merges].sort()]);
      sp.columnWidths.forEach((_, c) => expect([ds.name, c, ds.colWidths[colLetter(c)]]).toEqual([ds.name, c, charsToPoints(ws.getColumn(c + 1).width!)]));
      for (const [r, h] of Object.entries(ds.rowHeights)) expect([ds.name, r, h]).toEqual([ds.name, r, ws.getRow(Number(r)).height]);
      expect(Object.keys(ds.rowHeights).length).toBe(Object.keys(sp.rowHeights).length);
      const ps = ws.pageSetup;
      expect({ o: ds.page.orientation.toLowerCase(), paper: ds.page.paperSize, fit: ds.page.zoom, titles: ds.page.printTitleRows }).toEqual({
        o: ps.orientation,
        paper: ps.paperSize === 9 ? 'A4' : String(ps.paperSize),
        // fitToHeight 0 ("automatic") is what the adapter expresses by leaving verticalFitToPages unset.
        fit: { horizontalFitToPages: ps.fitToWidth, verticalFitToPages: ps.fitToHeight === 0 ? undefined : ps.fitToHeight },
        titles: ps.printTitlesRow ? ps.printTitlesRow.replace(/(\d+)/g, '$$$1') : null,
      });
    });
  });

  it('defines the same names at the same cells', () => {
    const fromXlsx: string[] = [];
    xlsx.definedNames.forEach((name, cell) => fromXlsx.push(`${name}='${cell.sheetName}'!$${cell.address.replace(/(\d+)/, '$$$1')}`));
    // A range name is one entry per cell in ExcelJS: compare single-cell names exactly, ranges by their corners.
    const single = snap.names.filter((n) => !n.formula.includes(':')).map((n) => `${n.name}${n.formula}`);
    expect(single.length).toBeGreaterThan(5);
    for (const s of single) expect(fromXlsx).toContain(s);
    const ranges = snap.names.filter((n) => n.formula.includes(':'));
    expect(ranges.length).toBe(11);
    for (const n of ranges) expect(fromXlsx.filter((x) => x.startsWith(`${n.name}=`)).length).toBeGreaterThan(1);
  });
});
