/** Finding tables on a sheet by title and headers, whatever the sheet is called. */
import { detectBudgetTables, analyzeBudget } from '../../src/model/budget';
import type { SheetGrid } from '../../src/model/workbook';
import { JULUXIAN, sheetOf } from '../fixtures/juluxian-data';
import { fixtureSheets, flat } from './helpers';

const sheet = (name: string, values: unknown[][], origin = { row: 0, col: 0 }): SheetGrid => ({ name, values, origin });

describe('detectBudgetTables', () => {
  it('finds every table of both fixtures, under 一体化系统 names and plain names', () => {
    for (const unit of ['rsj', 'sbzx'] as const) {
      const got = fixtureSheets(unit).flatMap((s) => detectBudgetTables(s).map((d) => `${d.sheet}:${d.kind}`));
      const want = JULUXIAN[unit].sheets.filter((s) => s.kind).map((s) => `${s.name}:${s.kind}`);
      expect(got).toEqual(want);
    }
  });

  it('splits a sheet holding several tables at their titles, with sheet addresses', () => {
    const t1 = sheetOf('rsj', 'T1').rows;
    const t2 = sheetOf('rsj', 'T2').rows;
    const t3 = sheetOf('rsj', 'T3').rows;
    const values = [...t1, [], [], ...t2, [''], ...t3, [], []];
    const found = detectBudgetTables(sheet('全部表', values, { row: 2, col: 1 }));
    expect(found.map((d) => [d.kind, d.title, d.top, d.bottom, d.range])).toEqual([
      ['T1', '单位预算收支总表', 0, 38, 'B3:N41'],
      ['T2', '单位预算收入总表', 41, 72, 'B44:N75'],
      ['T3', '单位预算支出总表', 74, 105, 'B77:N108'],
    ]);
  });

  it('reads titles in their published variants', () => {
    const body = sheetOf('rsj', 'T5').rows.slice(1);
    const titleOf = (title: string) => detectBudgetTables(sheet('Sheet1', [[title], ...body]))[0]?.kind;
    expect(titleOf('单位预算一般公共预算财政拨款支出表')).toBe('T5');
    expect(titleOf('2.20一般公共预算拨款表')).toBe('T5');
    expect(titleOf('单位预算政府基金预算财政拨款支出表')).toBe('T7');
    expect(titleOf('2.21政府性基金预算支出表')).toBe('T7');
    expect(titleOf('部门预算国有资本经营预算财政拨款支出表')).toBe('T8');
    expect(titleOf('2023年巨鹿县人社局部门支出总表')).toBe('T3');
    const t1body = sheetOf('rsj', 'T1').rows.slice(1);
    expect(detectBudgetTables(sheet('S', [['部门收支总表'], ...t1body]))[0].kind).toBe('T1');
    expect(detectBudgetTables(sheet('S', [['2.15单位收支总表（单位：万元）'], ...t1body]))[0].kind).toBe('T1');
    const t9body = sheetOf('rsj', 'T9').rows.slice(1);
    for (const q of ['单位预算财政拨款"三公"经费支出表', '单位预算财政拨款“三公”经费支出表', '2.25“三公”经费和机关运行费预算表']) {
      expect(detectBudgetTables(sheet('S', [[q], ...t9body]))[0].kind).toBe('T9');
    }
  });

  it('treats a title repeated at a page break as the same table, and another unit as a new one', () => {
    const g = sheetOf('rsj', 'T3').rows;
    const samePage = [...g.slice(0, 18), ...g.slice(0, 5), ...g.slice(18)];
    expect(detectBudgetTables(sheet('S', samePage)).map((d) => [d.kind, d.top, d.bottom])).toEqual([['T3', 0, 36]]);
    const other = sheetOf('sbzx', 'T3').rows;
    const two = detectBudgetTables(sheet('S', [...g, ...other]));
    expect(two.map((d) => [d.kind, d.top])).toEqual([['T3', 0], ['T3', 32]]);
  });

  it('finds a table without a title by its headers, naming it after the sheet', () => {
    const body = sheetOf('rsj', 'T5').rows.slice(2);
    const found = detectBudgetTables(sheet('2.21政府性基金预算支出表', body));
    expect(found).toEqual([{ kind: 'T7', title: '2.21政府性基金预算支出表', sheet: '2.21政府性基金预算支出表', top: 0, bottom: 29, range: 'A1:F30' }]);
    const plain = detectBudgetTables(sheet('Sheet3', body));
    expect(plain.map((d) => [d.kind, d.title])).toEqual([['T5', '']]);
  });

  it('does not take prose or other tables for budget tables', () => {
    const prose = [['二、单位预算安排的总体情况'], ['收支预算总表支出栏、基本支出表、项目支出表按支出功能分类科目编制。'], ['详见单位预算收支总表']];
    expect(detectBudgetTables(sheet('说明', prose))).toEqual([]);
    expect(detectBudgetTables(sheet('绩效', [['项目绩效目标表'], ['一级指标', '二级指标', '三级指标', '指标值'], ['产出指标', '数量指标', '人数', '≥255人']]))).toEqual([]);
    expect(detectBudgetTables(sheet('空', []))).toEqual([]);
  });

  it('groups tables into units by the unit code of their unit lines', () => {
    // Both units' tables in one workbook, the second set on differently named sheets.
    const rsj = fixtureSheets('rsj');
    const sbzx = fixtureSheets('sbzx').map((s) => ({ ...s, name: `社保-${s.name}` }));
    const { units, findings } = analyzeBudget([...rsj, ...sbzx]);
    expect(units.map((u) => [u.code, u.name, u.year, Object.keys(u.tables).length])).toEqual([
      ['323001', '巨鹿县人力资源和社会保障局本级', '2023', 11],
      ['323003', '巨鹿县社会保险事业服务中心', '2023', 11],
    ]);
    expect(flat(findings)).toEqual([]);
  });

  it('keeps a table without unit line with the unit before it, and reports a duplicated table', () => {
    const sheets = fixtureSheets('rsj');
    const t3 = sheets.find((s) => s.name === '2.17支出总表')!;
    t3.values = t3.values.filter((_, i) => i !== 1); // no unit line
    const copy = { ...sheets.find((s) => s.name === '2.16收入总表')!, name: '收入总表(2)' };
    const { units, findings } = analyzeBudget([...sheets, copy]);
    expect(units).toHaveLength(1);
    expect(units[0].tables.T3?.sheet).toBe('2.17支出总表');
    expect(flat(findings)).toEqual(['收入总表(2)!A1 BAL-016']);
    expect(findings[0].message).toBe('收入总表 在工作簿中出现多次（2.16收入总表!A1:M32 与 收入总表(2)!A1:M32），按第一张校验');
  });
});
