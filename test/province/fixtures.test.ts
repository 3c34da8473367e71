/**
 * Shanghai (单位, 部门; 元) and Jiangsu (12 tables; 万元) fixtures built from made-up figures
 * in their published layouts: every table is found as the kind the profile lists, the
 * balanced workbooks have no error, and each injected imbalance is reported by the right
 * rule at the right cell.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyzeBudget, type BudgetUnit } from '../../src/model/budget';
import { PROFILES } from '../../src/model/budget/profiles';
import { readWorkbookGrids } from '../../src/cli/read-xlsx';
import type { Finding } from '../../src/model/findings';
import type { SheetGrid } from '../../src/model/workbook';
import { JIANGSU, PROVINCE_WORKBOOKS, SHANGHAI_DEPT, SHANGHAI_UNIT, provinceSheets, writeProvinceWorkbook, type ProvinceWorkbook } from '../fixtures/provinces/make-provinces';

const at = (f: Finding) => `${f.sheet}!${f.cell} ${f.rule}`;
const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');

function tablesOf(u: BudgetUnit): string[] {
  return Object.keys(u.tables).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
}

/** Adds `delta` to one cell of a fresh copy. */
function inject(wb: ProvinceWorkbook, sheet: string, addr: string, delta: number): SheetGrid[] {
  const sheets = provinceSheets(wb);
  const s = sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  const m = /^([A-Z])(\d+)$/.exec(addr)!;
  const r = Number(m[2]) - 1;
  const c = m[1].charCodeAt(0) - 65;
  const old = s.values[r][c];
  if (typeof old !== 'number') throw new Error(`${sheet}!${addr} is not a number: ${String(old)}`);
  s.values[r][c] = Math.round((old + delta) * 100) / 100;
  return sheets;
}

describe.each([
  ['Shanghai 单位', SHANGHAI_UNIT, 'shanghai', ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9']],
  ['Shanghai 部门', SHANGHAI_DEPT, 'shanghai', ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9']],
  ['Jiangsu', JIANGSU, 'jiangsu', ['T1', 'T3', 'T4', 'T5', 'T6', 'T7', 'T9', 'T10', 'T12', 'T13', 'T14', 'T15']],
] as const)('%s fixture', (_label, wb, profile, kinds) => {
  it('is read table by table as the profile lists it, with no error', () => {
    const r = analyzeBudget(provinceSheets(wb));
    expect(r.profile.profile.id).toBe(profile);
    expect(r.units).toHaveLength(1);
    expect(tablesOf(r.units[0])).toEqual([...kinds]);
    // Each table sits on the sheet the layout puts it on, in the profile's order.
    const listed = PROFILES.find((p) => p.id === profile)!.tables.map((t) => t.kind);
    expect([...kinds].sort()).toEqual([...listed].sort());
    expect(errors(r.findings).map(at)).toEqual([]);
  });

  it('reads the same from the .xlsx written by the fixture script', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'province-'));
    try {
      const file = await writeProvinceWorkbook(wb, dir);
      const grids = await readWorkbookGrids(file);
      const fromFile = analyzeBudget(grids.sheets);
      const inMemory = analyzeBudget(provinceSheets(wb));
      expect(tablesOf(fromFile.units[0])).toEqual(tablesOf(inMemory.units[0]));
      expect(fromFile.findings.map(at)).toEqual(inMemory.findings.map(at));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

interface Injection {
  why: string;
  sheet: string;
  cell: string;
  delta: number;
  /** `sheet!cell rule` expected among the findings. */
  want: string;
  /** Severity of that finding (error unless a 尾差). */
  severity?: 'error' | 'warning';
}

const CASES: [ProvinceWorkbook, Injection[]][] = [
  [
    SHANGHAI_UNIT,
    [
      { why: '收入总表 2010301 财政拨款收入 +1元', sheet: '单位收入总表', cell: 'F11', delta: 1, want: '单位收入总表!E11 BAL-201' },
      { why: '收入总表 2010301 +1元 breaks its 款 20103', sheet: '单位收入总表', cell: 'F11', delta: 1, want: '单位收入总表!F10 BAL-101' },
      { why: '支出总表 2010301 合计 +1元', sheet: '单位支出总表', cell: 'E11', delta: 1, want: '单位支出总表!E11 BAL-203' },
      { why: '支出总表 合计行 +1元', sheet: '单位支出总表', cell: 'E28', delta: 1, want: '单位支出总表!E28 BAL-102' },
      { why: '收支总表 1、一般公共预算 +1元', sheet: '单位收支总表', cell: 'B11', delta: 1, want: '单位收支总表!B10 BAL-308' },
      { why: '收支总表 一般公共服务支出 人员经费 +1元', sheet: '单位收支总表', cell: 'E10', delta: 1, want: '单位收支总表!D10 BAL-209' },
      { why: '收支总表 一般公共服务支出 合计 +1元 against 支出总表', sheet: '单位收支总表', cell: 'D10', delta: 1, want: '单位收支总表!D10 BAL-603' },
      { why: '财政拨款收支总表 一般公共预算 column +1元', sheet: '单位财政拨款收支总表', cell: 'E8', delta: 1, want: '单位财政拨款收支总表!D8 BAL-206' },
      { why: '基本支出表 30101 人员经费 +1元', sheet: '单位一般公共预算拨款基本支出明细表', cell: 'E10', delta: 1, want: '单位一般公共预算拨款基本支出明细表!D10 BAL-205' },
      { why: '三公 公务接待费 +1.00万元', sheet: '单位“三公”经费和机关运行费预算表', cell: 'C7', delta: 1, want: '单位“三公”经费和机关运行费预算表!A7 BAL-401' },
      { why: '三公 运行费 +1.00万元', sheet: '单位“三公”经费和机关运行费预算表', cell: 'F7', delta: 1, want: '单位“三公”经费和机关运行费预算表!D7 BAL-403' },
      { why: '三公 公务接待费 +0.01万元 rounded from 元: 尾差', sheet: '单位“三公”经费和机关运行费预算表', cell: 'C7', delta: 0.01, want: '单位“三公”经费和机关运行费预算表!A7 BAL-019', severity: 'warning' },
    ],
  ],
  [
    SHANGHAI_DEPT,
    [
      { why: '部门收支总表 一般公共服务支出 +1元', sheet: '部门收支总表', cell: 'D8', delta: 1, want: '部门收支总表!D8 BAL-603' },
      { why: '部门收支总表 事业收入 +1元', sheet: '部门收支总表', cell: 'B12', delta: 1, want: '部门收支总表!B17 BAL-302' },
      { why: '部门支出总表 2010301 基本支出 +1元', sheet: '部门支出总表', cell: 'F11', delta: 1, want: '部门支出总表!E11 BAL-203' },
      { why: '部门一般公共预算拨款表 20103 +1元', sheet: '部门一般公共预算拨款表', cell: 'E10', delta: 1, want: '部门一般公共预算拨款表!E10 BAL-101' },
    ],
  ],
  [
    JIANGSU,
    [
      { why: '收支预算总表 功能分类 教育支出 +1.00', sheet: '1 收支预算总表', cell: 'D5', delta: 1, want: '1 收支预算总表!F10 BAL-307' },
      { why: '收支预算总表 1.一般公共预算 +1.00', sheet: '1 收支预算总表', cell: 'B6', delta: 1, want: '1 收支预算总表!B5 BAL-308' },
      { why: '收支预算总表 上年结转资金 +1.00', sheet: '1 收支预算总表', cell: 'B11', delta: 1, want: '1 收支预算总表!B12 BAL-302' },
      { why: '收入预算总表 专项收入 +1.00', sheet: '2 收入预算总表', cell: 'C7', delta: 1, want: '2 收入预算总表!C5 BAL-309' },
      { why: '收入预算总表 政府性基金 小计 +1.00', sheet: '2 收入预算总表', cell: 'C8', delta: 1, want: '2 收入预算总表!C4 BAL-310' },
      { why: '支出预算总表 基本支出 +1.00', sheet: '3 支出预算总表', cell: 'B4', delta: 1, want: '3 支出预算总表!A4 BAL-203' },
      { why: '财政拨款收支预算总表 政府性基金预算 +1.00', sheet: '4 财政拨款收支预算总表', cell: 'B6', delta: 1, want: '4 财政拨款收支预算总表!B8 BAL-301' },
      { why: '财政拨款支出（功能） 2050101 +1.00', sheet: '5 财政拨款支出（功能）', cell: 'C7', delta: 1, want: '5 财政拨款支出（功能）!C6 BAL-101' },
      { why: '财政拨款基本支出（经济） 合计 +1.00', sheet: '6 财政拨款基本支出（经济）', cell: 'C4', delta: 1, want: '6 财政拨款基本支出（经济）!C4 BAL-102' },
      { why: '三公 会议费 +1.00', sheet: '9 三公经费会议费培训费', cell: 'H6', delta: 1, want: '9 三公经费会议费培训费!A6 BAL-405' },
      { why: '三公 公务用车运行维护费 +0.01: 尾差', sheet: '9 三公经费会议费培训费', cell: 'F6', delta: 0.01, want: '9 三公经费会议费培训费!D6 BAL-019', severity: 'warning' },
      { why: '政府采购 台式计算机 +1.00', sheet: '12 政府采购预算表', cell: 'F7', delta: 1, want: '12 政府采购预算表!F5 BAL-210' },
      { why: '政府采购 三、服务C +1.00', sheet: '12 政府采购预算表', cell: 'F8', delta: 1, want: '12 政府采购预算表!F4 BAL-211' },
      { why: '机关运行经费 30201 +1.00', sheet: '11 机关运行经费', cell: 'C6', delta: 1, want: '11 机关运行经费!C5 BAL-101' },
    ],
  ],
];

describe.each(CASES.map(([wb, cases]) => cases.map((c) => [wb.file, c.why, wb, c] as const)).flat())('%s: %s', (_f, _why, wb, c) => {
  it('is reported by the right rule at the right cell', () => {
    const r = analyzeBudget(inject(wb, c.sheet, c.cell, c.delta));
    const hit = r.findings.filter((f) => at(f) === c.want);
    expect({ hit: hit.map(at), all: r.findings.filter((f) => f.severity !== 'info' && f.rule !== 'BAL-004').map(at) }).toMatchObject({ hit: [c.want] });
    expect(hit[0].severity).toBe(c.severity ?? 'error');
    if (c.severity === 'warning') expect(errors(r.findings)).toEqual([]);
  });
});

it('every fixture workbook is listed once', () => {
  expect(PROVINCE_WORKBOOKS.map((w) => w.file)).toEqual(['shanghai-unit-2026.xlsx', 'shanghai-dept-2026.xlsx', 'jiangsu-dept-2019.xlsx']);
});
