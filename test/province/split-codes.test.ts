/** Codes split over 类 | 款 | 项 columns, and code + name in one cell. */
import { existsSync } from 'fs';
import { join } from 'path';
import { analyzeBudget, checkTable, isParseError, parseBudgetTable } from '../../src/model/budget';
import { joinSplitCode, splitCodeColumns } from '../../src/model/budget/split-codes';
import { splitCodeName } from '../../src/model/budget/codes';
import { readWorkbookGrids } from '../../src/cli/read-xlsx';
import type { BudgetTable } from '../../src/model/budget/types';

function ok(grid: unknown[][]): BudgetTable {
  const t = parseBudgetTable(grid, { sheet: 'S' });
  if (isParseError(t)) throw new Error(t.error);
  return t;
}

const SPLIT: unknown[][] = [
  ['2026年预算单位支出预算总表'],
  ['编制单位：示例单位', '', '', '', '', '', '单位：元'],
  ['项目', '', '', '', '支出预算'],
  ['功能分类科目编码', '', '', '功能分类科目名称', '合计', '基本支出', '项目支出'],
  ['类', '款', '项'],
  ['合计', '', '', '', 1500, 1000, 500],
  [205, '', '', '教育支出', 1500, 1000, 500],
  [205, '02', '', '普通教育', 1500, 1000, 500],
  [205, 2, 5, '高等教育', 1200, 700, 500],
  ['205', { richText: [{ text: '0' }, { text: '2' }] }, '99', '其他普通教育支出', 300, 300, ''],
  ['…', '…', '…', '…'],
];

describe('split code columns', () => {
  it('finds the 类 | 款 | 项 header row', () => {
    expect(splitCodeColumns([['功能分类科目编码', '', '', '名称'], ['类', '款', '项', '']])).toEqual([0, 1, 2]);
    expect(splitCodeColumns([['经济分类科目编码', '', '名称'], ['类', '款', '']])).toEqual([0, 1]);
    expect(splitCodeColumns([['科目编码', '科目名称']])).toBeNull();
  });

  it('joins the parts, padding 款/项 stored as numbers', () => {
    expect(joinSplitCode([205, '', ''], [0, 1, 2])).toBe('205');
    expect(joinSplitCode([205, '02', ''], [0, 1, 2])).toBe('20502');
    expect(joinSplitCode([205, 2, 5], [0, 1, 2])).toBe('2050205');
    expect(joinSplitCode(['205', '20502', '2050205'], [0, 1, 2])).toBe('2050205');
    expect(joinSplitCode(['…', '…', '…'], [0, 1, 2])).toBeNull();
    expect(joinSplitCode([205, '', '05'], [0, 1, 2])).toBeNull();
    expect(joinSplitCode(['', '', ''], [0, 1, 2])).toBe('');
  });

  it('reads a split-code table as 类/款/项 rows that balance', () => {
    const grid = SPLIT.map((r) => r.map((v) => (typeof v === 'object' && v && 'richText' in (v as object) ? '02' : v)));
    const t = ok(grid);
    expect(t.kind).toBe('T3');
    expect(t.rows.filter((r) => r.role === 'code').map((r) => r.code)).toEqual(['205', '20502', '2050205', '2050299']);
    const found = [...t.issues, ...checkTable(t)].map((f) => f.rule);
    expect(found).not.toContain('BAL-006');
    expect(found.filter((r) => /^BAL-[1-3]/.test(r))).toEqual([]);
  });

  it('an imbalance in a split-code table points at the parent row', () => {
    const grid = SPLIT.map((r) => [...r]);
    grid[7][4] = 1501; // 20502 合计
    grid[9][1] = '02';
    const t = ok(grid);
    const f = checkTable(t).filter((x) => x.rule === 'BAL-101');
    expect(f.map((x) => x.cell)).toEqual(['E7', 'E8']);
  });

  it('code and name in one cell: `2080101 行政运行`, `[2080101]行政运行`, `【208】社会保障和就业支出`', () => {
    expect(splitCodeName('2080101 行政运行')).toEqual({ code: '2080101', name: '行政运行' });
    expect(splitCodeName('[2080101]行政运行')).toEqual({ code: '2080101', name: '行政运行' });
    expect(splitCodeName('【208】社会保障和就业支出')).toEqual({ code: '208', name: '社会保障和就业支出' });
    expect(splitCodeName('［20801］人力资源和社会保障管理事务')).toEqual({ code: '20801', name: '人力资源和社会保障管理事务' });
    const t = ok([
      ['科目编码及名称', '合计', '基本支出', '项目支出'],
      ['合计', 10, 6, 4],
      ['[208]社会保障和就业支出', 10, 6, 4],
      ['[20801]人力资源和社会保障管理事务', 10, 6, 4],
      ['[2080101]行政运行', 10, 6, 4],
    ]);
    expect(t.rows.filter((r) => r.role === 'code').map((r) => `${r.code} ${r.name}`)).toEqual(['208 社会保障和就业支出', '20801 人力资源和社会保障管理事务', '2080101 行政运行']);
    expect([...t.issues, ...checkTable(t)].filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

const REF = join(__dirname, '../../../shared/reference/shanghai-2026');
const haveRef = existsSync(join(REF, 'unit_budget_template.xlsx'));
// The reference templates live outside the repository (../shared); a fresh clone skips this.
(haveRef ? describe : describe.skip)('Shanghai 2026 templates (../shared/reference)', () => {
  it.each(['unit_budget_template.xlsx', 'department_budget_template.xlsx'])('%s: no duplicate codes, every table found', async (file) => {
    const wb = await readWorkbookGrids(join(REF, file));
    const { units, findings } = analyzeBudget(wb.sheets);
    expect(findings.filter((f) => f.rule === 'BAL-006')).toEqual([]);
    expect(units).toHaveLength(1);
    expect(Object.keys(units[0].tables).sort()).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9']);
  });
});

describe('codes indented by level', () => {
  it('rebuilds 款/项 codes written as their own two digits under the parent', () => {
    const t = ok([
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['', '合计', 10, 6, 4],
      ['208', '社会保障和就业支出', 10, 6, 4],
      ['  01', '人力资源和社会保障管理事务', 7, 6, 1],
      ['    01', '行政运行', 6, 6, ''],
      ['    99', '其他人力资源和社会保障管理事务支出', 1, '', 1],
      ['  05', '行政事业单位养老支出', 3, '', 3],
      ['    05', '机关事业单位基本养老保险缴费支出', 3, '', 3],
    ]);
    expect(t.rows.filter((r) => r.role === 'code').map((r) => r.code)).toEqual(['208', '20801', '2080101', '2080199', '20805', '2080505']);
    expect([...t.issues, ...checkTable(t)].filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
