/**
 * Engineer D's real disclosure plan for the 巨鹿 人社局 fixture, applied by the adapter
 * over the clerk's own workbook: few syncs, the clerk's sheets untouched, the same
 * rendering as the CLI's ExcelJS writer, and a clean rollback when Excel fails.
 */
import ExcelJS from 'exceljs';
import { writePlanToWorkbook } from '../../src/cli/write-plan';
import type { WorkbookPlan } from '../../src/model/plan';
import { createWorkbookPort } from '../../src/taskpane/excel';
import { loadXlsx } from '../double/from-xlsx';
import { effective } from './plans';
import { RSJ, realPlan } from './real-plan';

describe('the real disclosure plan', () => {
  let plan: WorkbookPlan;
  beforeAll(async () => {
    plan = await realPlan();
  });

  it('applies over the clerk workbook in ≤ 2 syncs per sheet without touching the clerk sheets', async () => {
    const xl = await loadXlsx(RSJ);
    const clerk = xl.snapshot().sheets;
    const res = await createWorkbookPort(xl.run).applyPlan(plan);
    expect(plan.sheets.length).toBeGreaterThanOrEqual(11);
    expect(xl.syncs).toBeLessThanOrEqual(2 * plan.sheets.length);
    expect(res.created).toHaveLength(plan.sheets.length);
    expect(xl.snapshot().sheets.slice(0, clerk.length)).toEqual(clerk);
    expect(new Set(xl.state.sheets.map((s) => s.name.toLowerCase())).size).toBe(xl.state.sheets.length);
  });

  it('renders exactly what the CLI writer renders', async () => {
    const xl = await loadXlsx(RSJ);
    const office = await createWorkbookPort(xl.run).applyPlan(plan);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(RSJ);
    const cli = writePlanToWorkbook(plan, wb);
    const fromFile = await loadXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(cli.created).toEqual(office.created);
    const created = new Set(office.created.map((c) => c.name));
    const a = xl.snapshot().sheets.filter((s) => created.has(s.name)).map(effective);
    const b = fromFile.snapshot().sheets.filter((s) => created.has(s.name)).map(effective);
    expect(a).toEqual(b);
    const names = (s: ReturnType<typeof xl.snapshot>) => s.names.map((n) => [n.name, n.formula]).sort();
    expect(names(xl.snapshot())).toEqual(names(fromFile.snapshot()));
  });

  it('leaves the workbook as it was when Excel fails on the last sheet', async () => {
    const xl = await loadXlsx(RSJ);
    const before = xl.snapshot({ view: true });
    const last = plan.sheets.length;
    xl.injectFailure({ atSync: last + 1 });
    await expect(createWorkbookPort(xl.run).applyPlan(plan)).rejects.toThrow(/^生成公开表失败：.*已撤销已创建的工作表$/);
    expect(xl.snapshot({ view: true })).toEqual(before);
  });
});
