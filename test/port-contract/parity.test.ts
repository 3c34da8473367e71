/**
 * Both adapters leave the same workbook: the real disclosure plan for the 巨鹿 人社局
 * fixture applied through Office.js (Excel double) and through ET (WPS double) gives
 * cell-for-cell the same new sheets and names, and the same owned sheet after write-back.
 */
import type { WorkbookPlan } from '../../src/model/plan';
import { OWNED_SHEET } from '../../src/taskpane/excel';
import { loadXlsx } from '../double/from-xlsx';
import { effective } from '../adapter/plans';
import { RSJ, realPlan } from '../adapter/real-plan';
import { OFFICE, WPS } from './hosts';

/** Names without their comments: the WPS adapter does not set Name.Comment (see src/wps/README.md). */
const names = (book: { xl: { snapshot(): { names: { name: string; formula: string; visible: boolean }[] } } }) => book.xl.snapshot().names.map((n) => [n.name, n.formula, n.visible]);

describe('Office and WPS adapters leave the same workbook', () => {
  let plan: WorkbookPlan;
  beforeAll(async () => {
    plan = await realPlan();
  });

  it('applies the real disclosure plan identically', async () => {
    const office = OFFICE.wrap(await loadXlsx(RSJ));
    const wps = WPS.wrap(await loadXlsx(RSJ));
    const a = await office.port.applyPlan(plan);
    const b = await wps.port.applyPlan(plan);
    expect(b.created).toEqual(a.created);
    expect(b.names.sort()).toEqual(a.names.sort());
    const sheets = (book: typeof office) => book.xl.snapshot().sheets.map(effective);
    expect(sheets(wps)).toEqual(sheets(office));
    expect(names(wps)).toEqual(names(office));
    expect(wps.xl.snapshot({ view: true }).view).toEqual(office.xl.snapshot({ view: true }).view);
    // The cost of each: syncs in Office, calls in WPS (both independent of the cell count).
    expect(office.trips()).toBe(plan.sheets.length + 1);
    expect(wps.trips()).toBeLessThan(200 * plan.sheets.length);
  });

  it('detects the same tables and writes back the same owned sheet', async () => {
    const office = OFFICE.wrap(await loadXlsx(RSJ));
    const wps = WPS.wrap(await loadXlsx(RSJ));
    const [x, y] = [await office.port.detect(), await wps.port.detect()];
    expect(y.tables).toEqual(x.tables);
    expect(y.sheets.map((s) => [s.name, s.origin, s.values])).toEqual(x.sheets.map((s) => [s.name, s.origin, s.values]));
    for (const book of [office, wps]) {
      await book.port.writeFindings([['BAL-003', '强制', "'2.15单位收支总表'!C12", '不平']]);
      await book.port.writeKeyFigures({ 收入总计: 3889.89, 支出总计: 3889.89 });
      await book.port.writeKpiData([['323001', '就业补助', '产出指标', '数量指标', '人数', '≥', 135, '人', '正向', '✔']]);
      await book.port.writeAcceptances({ k: '理由' });
    }
    const owned = (book: typeof office) => book.xl.snapshot().sheets.filter((s) => s.name === OWNED_SHEET).map(effective);
    expect(owned(wps)).toEqual(owned(office));
    expect(names(wps)).toEqual(names(office));
  });
});
