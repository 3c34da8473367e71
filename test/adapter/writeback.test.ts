/** Write-back into the add-in's hidden sheet: in place, idempotent, never outside its blocks. */
import fc from 'fast-check';
import { createWorkbookPort, OWNED_SHEET } from '../../src/taskpane/excel';
import type { WorkbookSnapshot } from '../double';
import { thirtySheets } from './workbooks';

const FINDINGS = [
  ['BAL-003', '强制', "'2.1收支总表'!C12", '小计 861.59 ≠ 下级合计 861.49（差 0.10）'],
  ['KPI-UNIT-01', '提示', '绩效1!D4', '=100% 应写成 100%'],
];
const KPI = [
  ['323001', '就业补助', '产出指标', '数量指标', '发放人数', '≥', 135, '人', '正向', '✔'],
  ['323001', '就业补助', '效益指标', '社会效益指标', '满意度', '≥', 95, '%', '正向', '✔'],
  ['323001', '就业补助', '产出指标', '质量指标', '准确率', '=', 100, '%', '正向', '⚠'],
];
const FIGS = { 收入总计: 3889.89, 支出总计: 3889.89, 基本支出: 1234.5, 三公经费: 3.2 };

/** The user's sheets (the names are the add-in's, checked separately). */
function userSheets(s: WorkbookSnapshot) {
  return s.sheets.filter((x) => x.name !== OWNED_SHEET);
}

async function writeAll(port: ReturnType<typeof createWorkbookPort>) {
  await port.writeFindings(FINDINGS);
  await port.writeKpiData(KPI);
  await port.writeKeyFigures(FIGS);
  await port.writeAcceptances({ 'BAL-009@2.1收支总表!C7': '上年数据口径不同', 'KPI-DIR-02@绩效1!D5': '' });
}

describe('write-back', () => {
  it('creates the hidden sheet and names, in 2 syncs per write', async () => {
    const xl = thirtySheets();
    const port = createWorkbookPort(xl.run);
    await port.writeFindings(FINDINGS);
    expect(xl.syncs).toBe(2);
    const owned = xl.sheet(OWNED_SHEET);
    expect(owned.visibility).toBe('Hidden');
    expect(xl.nameFormula('BUDGET.FINDINGS')).toBe('=_预算助手!$D$1:$G$3');
    expect(xl.values(OWNED_SHEET, 'D1:G3')).toEqual([['规则', '级别', '位置', '说明'], ...FINDINGS]);
  });

  it('is idempotent and touches nothing outside the owned blocks', async () => {
    const xl = thirtySheets();
    const port = createWorkbookPort(xl.run);
    const user = userSheets(xl.snapshot());
    await writeAll(port);
    const once = xl.snapshot();
    const journalOnce = xl.journal.length;
    await writeAll(port);
    expect(xl.snapshot()).toEqual(once);
    expect(userSheets(xl.snapshot())).toEqual(user);
    // Every write of the second run landed on the owned sheet, inside a block's band.
    const second = xl.journal.slice(journalOnce);
    expect(second.length).toBeGreaterThan(0);
    for (const j of second) {
      if (j.kind === 'name') expect(j.name).toMatch(/^(BT\.|BUDGET\.|KPI\.)/);
      else expect(j).toMatchObject({ sheet: OWNED_SHEET, address: expect.stringMatching(/^(A|B|D|E|F|G|I|J|K|L|M|N|O|P|Q|R|T|U)\d*(:(B|G|R|U)\d*)?$/) });
    }
    expect(once.names.map((n) => [n.name, n.formula])).toEqual([
      ['BT.三公经费', '=_预算助手!$B$8'],
      ['BT.基本支出', '=_预算助手!$B$4'],
      ['BT.支出总计', '=_预算助手!$B$3'],
      ['BT.收入总计', '=_预算助手!$B$2'],
      ['BUDGET.ACCEPTED', '=_预算助手!$T$1:$U$3'],
      ['BUDGET.FINDINGS', '=_预算助手!$D$1:$G$3'],
      ['KPI.DATA', '=_预算助手!$I$1:$R$4'],
    ]);
  });

  it('keeps text as text: codes, leading = and apostrophes survive the round trip', async () => {
    const xl = thirtySheets();
    const port = createWorkbookPort(xl.run);
    await port.writeFindings(FINDINGS);
    await port.writeKpiData(KPI);
    expect(xl.values(OWNED_SHEET, 'F2:F3')).toEqual([["'2.1收支总表'!C12"], ['绩效1!D4']]);
    expect(xl.values(OWNED_SHEET, 'G3')).toEqual([['=100% 应写成 100%']]);
    expect(xl.values(OWNED_SHEET, 'I2:I2')).toEqual([['323001']]);
    expect(xl.values(OWNED_SHEET, 'N4:O4')).toEqual([['=', 100]]);
    expect(xl.sheet(OWNED_SHEET).get(3, 13)?.formula).toBeUndefined();
  });

  it('shrinks a block in place: old rows cleared, name re-pointed, other blocks intact', async () => {
    const xl = thirtySheets();
    const port = createWorkbookPort(xl.run);
    await writeAll(port);
    await port.writeKpiData([KPI[0]]);
    await port.writeFindings([]);
    expect(xl.nameFormula('KPI.DATA')).toBe('=_预算助手!$I$1:$R$2');
    expect(xl.values(OWNED_SHEET, 'I3:R4').flat().every((v) => v === '')).toBe(true);
    expect(xl.nameFormula('BUDGET.FINDINGS')).toBe('=_预算助手!$D$1:$G$1');
    expect(xl.values(OWNED_SHEET, 'D2:G3').flat().every((v) => v === '')).toBe(true);
    expect(xl.values(OWNED_SHEET, 'B2')).toEqual([[3889.89]]);
    expect(await port.readAcceptances()).toEqual({ 'BAL-009@2.1收支总表!C7': '上年数据口径不同', 'KPI-DIR-02@绩效1!D5': '' });
  });

  it('key figures keep their cells; a figure left out is blanked but keeps its name', async () => {
    const xl = thirtySheets();
    const port = createWorkbookPort(xl.run);
    await port.writeKeyFigures({ 'BT.收入总计': 10, 自定义: 7 });
    expect(xl.nameFormula('BT.自定义')).toBe('=_预算助手!$B$9');
    await port.writeKeyFigures({ 收入总计: 11, 支出总计: 11 });
    expect(xl.nameFormula('BT.自定义')).toBe('=_预算助手!$B$9');
    expect(xl.values(OWNED_SHEET, 'A9:B9')).toEqual([['自定义', '']]);
    expect(xl.values(OWNED_SHEET, 'B2:B3')).toEqual([[11], [11]]);
    await port.writeKeyFigures({ 新增: 1 });
    expect(xl.nameFormula('BT.新增')).toBe('=_预算助手!$B$10');
  });

  it('re-creates a deleted owned sheet and clears only its band when a name was lost', async () => {
    const xl = thirtySheets();
    const port = createWorkbookPort(xl.run);
    await writeAll(port);
    // A user deletes the name by hand: the next write must not leave stale rows.
    xl.state.names = xl.state.names.filter((n) => n.name !== 'KPI.DATA');
    await port.writeKpiData([KPI[1]]);
    expect(xl.values(OWNED_SHEET, 'I3:R4').flat().every((v) => v === '')).toBe(true);
    expect(xl.values(OWNED_SHEET, 'D2')).toEqual([['BAL-003']]);
    await xl.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(OWNED_SHEET).delete();
      await ctx.sync();
    });
    expect(await port.readAcceptances()).toEqual({});
    await port.writeFindings(FINDINGS);
    expect(xl.nameFormula('BUDGET.FINDINGS')).toBe('=_预算助手!$D$1:$G$3');
  });

  it('readAcceptances never writes, also when nothing was stored yet', async () => {
    const xl = thirtySheets();
    const port = createWorkbookPort(xl.run);
    expect(await port.readAcceptances()).toEqual({});
    expect(xl.writes()).toEqual([]);
    expect(xl.syncs).toBe(1);
  });

  it('any text round-trips exactly and a second identical write changes nothing (property)', async () => {
    const tricky = fc.oneof(
      fc.string(),
      fc.constantFrom('20801', '=SUM(A1)', '-', '+1', '@x', "'quoted", '95%', '2023-01-01', '2023年1月1日', '(100)', '#N/A', 'TRUE', ' 12', '.5', '$5', '≥95%'),
    );
    await fc.assert(
      fc.asyncProperty(fc.dictionary(tricky.filter((k) => k !== ''), tricky, { maxKeys: 6 }), async (acc) => {
        const xl = thirtySheets();
        const port = createWorkbookPort(xl.run);
        await port.writeAcceptances(acc);
        const snap = xl.snapshot();
        expect(await port.readAcceptances()).toEqual({ ...acc });
        await port.writeAcceptances(acc);
        expect(xl.snapshot()).toEqual(snap);
      }),
      { numRuns: 60 },
    );
  });
});
