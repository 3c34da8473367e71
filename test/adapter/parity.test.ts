/**
 * The task pane and the CLI render the same WorkbookPlan: applyPlan on the double and
 * the ExcelJS writer (src/cli/write-plan.ts), loaded back into a double, must agree on
 * every cell value, number format, font, fill, alignment, border, merge, size and page setting.
 */
import ExcelJS from 'exceljs';
import { writePlanToWorkbook } from '../../src/cli/write-plan';
import { createWorkbookPort } from '../../src/taskpane/excel';
import { ExcelDouble } from '../double';
import { loadXlsx } from '../double/from-xlsx';
import { effective, twelveSheetPlan } from './plans';

describe('Office adapter and ExcelJS writer agree', () => {
  it('renders a 12-sheet plan identically', async () => {
    const plan = twelveSheetPlan();
    const xl = new ExcelDouble();
    xl.addSheet('收支总表');
    const office = await createWorkbookPort(xl.run).applyPlan(plan);

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('收支总表');
    const cli = writePlanToWorkbook(plan, wb);
    const fromFile = await loadXlsx(Buffer.from(await wb.xlsx.writeBuffer()));

    expect(cli.created).toEqual(office.created);
    const a = xl.snapshot();
    const b = fromFile.snapshot();
    expect(a.sheets.map((s) => s.name)).toEqual(b.sheets.map((s) => s.name));
    for (let i = 1; i < a.sheets.length; i++) {
      const { page: pa, ...restA } = effective(a.sheets[i]);
      const { page: pb, ...restB } = effective(b.sheets[i]);
      expect(restA).toEqual(restB);
      expect(pa).toEqual(pb);
    }
    expect(a.names.map((n) => [n.name, n.formula]).sort()).toEqual(b.names.map((n) => [n.name, n.formula]).sort());
  });
});
