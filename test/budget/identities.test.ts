/**
 * Every balance identity of tables.md, broken on purpose by a one-cent change in a copy
 * of the 巨鹿县 fixture, is reported with its rule id at the cell holding the wrong
 * figure. A rule tagged #identity without a case here fails the last test.
 */
import { analyzeBudget, IDENTITY_RULE_IDS, BUDGET_RULES } from '../../src/model/budget';
import type { TableKind } from '../../src/model/budget/types';
import { changed, flat, sheetName, type Change, type UnitId } from './helpers';

interface Case {
  rule: string;
  why: string;
  unit?: UnitId;
  changes: Change[];
  /** Where the finding must be: [kind of the sheet, cell]. */
  at: [TableKind | '说明', string];
}

const C = 0.01;

const CASES: Case[] = [
  // hierarchy and 合计 row
  { rule: 'BAL-101', why: '2080101 +0.01 in every column: 20801 no longer equals its children', changes: [['T2', 'D9', C], ['T2', 'F9', C], ['T2', 'G9', C]], at: ['T2', 'D8'] },
  { rule: 'BAL-101', why: 'economic 30101 +0.01: 301 ≠ Σ 款 (T6)', changes: [['T6', 'D8', C], ['T6', 'E8', C]], at: ['T6', 'D7'] },
  { rule: 'BAL-101', why: 'sbzx T3 20801 basic +0.01', unit: 'sbzx', changes: [['T3', 'E8', C], ['T3', 'D8', C]], at: ['T3', 'E7'] },
  { rule: 'BAL-102', why: '合计 row +0.01', changes: [['T3', 'D6', C], ['T3', 'E6', C]], at: ['T3', 'D6'] },
  // row identities
  { rule: 'BAL-201', why: 'T2 2080101 合计 +0.01', changes: [['T2', 'D9', C]], at: ['T2', 'D9'] },
  { rule: 'BAL-202', why: 'T2 2080101 小计 +0.01', changes: [['T2', 'F9', C]], at: ['T2', 'F9'] },
  { rule: 'BAL-203', why: 'T3 2080101 基本支出 +0.01', changes: [['T3', 'E9', C]], at: ['T3', 'D9'] },
  { rule: 'BAL-204', why: 'T5 2080101 基本支出 +0.01', changes: [['T5', 'E9', C]], at: ['T5', 'D9'] },
  { rule: 'BAL-205', why: 'T6 30101 人员经费 +0.01', changes: [['T6', 'E8', C]], at: ['T6', 'D8'] },
  { rule: 'BAL-206', why: 'T4 社会保障和就业支出 一般公共预算 +0.01', changes: [['T4', 'F13', C]], at: ['T4', 'E13'] },
  { rule: 'BAL-207', why: 'T9 公务接待费 一般公共预算 0.01, 合计 blank', changes: [['T9', 'D14', C]], at: ['T9', 'C14'] },
  {
    rule: 'BAL-208',
    why: 'T10 purchase: 合计 33.00, funding 32.99',
    changes: [['T10', 'A5', '办公设备购置'], ['T10', 'C5', '空调'], ['T10', 'H5', 33], ['T10', 'I5', 32.99]],
    at: ['T10', 'H5'],
  },
  // T1 / T4
  { rule: 'BAL-301', why: 'T1 本年收入合计 +0.01', changes: [['T1', 'C37', C]], at: ['T1', 'C37'] },
  { rule: 'BAL-301', why: 'T4 本年收入合计 +0.01', changes: [['T4', 'C37', C]], at: ['T4', 'C37'] },
  { rule: 'BAL-302', why: 'T1 收入总计 +0.01', changes: [['T1', 'C39', C]], at: ['T1', 'C39'] },
  { rule: 'BAL-303', why: 'T1 本年支出合计 +0.01', changes: [['T1', 'E37', C]], at: ['T1', 'E37'] },
  { rule: 'BAL-303', why: 'T4 本年支出合计 一般公共预算 +0.01', changes: [['T4', 'F37', C]], at: ['T4', 'F37'] },
  { rule: 'BAL-304', why: 'T1 年终结转结余 0.01 not carried into 支出总计', changes: [['T1', 'E38', C]], at: ['T1', 'E39'] },
  { rule: 'BAL-305', why: 'T1 income side consistently +0.01', changes: [['T1', 'C6', C], ['T1', 'C37', C], ['T1', 'C39', C]], at: ['T1', 'E39'] },
  { rule: 'BAL-306', why: 'T4 年初结转 sub-line 0.01 while 年初财政拨款结转和结余 blank', changes: [['T4', 'C39', C]], at: ['T4', 'C38'] },
  // T9
  { rule: 'BAL-401', why: '公务接待费 0.01 but 小计 blank', changes: [['T9', 'C14', C], ['T9', 'D14', C]], at: ['T9', 'C7'] },
  { rule: 'BAL-402', why: '教学科研 0.01 but 因公出国 blank', changes: [['T9', 'C9', C], ['T9', 'D9', C]], at: ['T9', 'C8'] },
  { rule: 'BAL-403', why: '公务用车购置费 0.01 but 购置及运维 blank', changes: [['T9', 'C12', C], ['T9', 'D12', C]], at: ['T9', 'C11'] },
  { rule: 'BAL-404', why: '小计 0.01 but 合计 blank', changes: [['T9', 'C7', C], ['T9', 'D7', C]], at: ['T9', 'C6'] },
  // T11
  { rule: 'BAL-501', why: '其他固定资产 +0.01', changes: [['T11', 'C9', C]], at: ['T11', 'C4'] },
  { rule: 'BAL-501', why: 'sbzx 车辆 +0.01', unit: 'sbzx', changes: [['T11', 'C7', C]], at: ['T11', 'C4'] },
  // across tables
  { rule: 'BAL-601', why: 'T2 合计 小计 and sources −0.01 (T2 itself still balanced at the 合计 row level)', changes: [['T2', 'F6', -C], ['T2', 'G6', -C], ['T2', 'D6', -C]], at: ['T1', 'C37'] },
  { rule: 'BAL-602', why: 'T2 合计 上年结转 0.01', changes: [['T2', 'E6', C]], at: ['T1', 'C38'] },
  { rule: 'BAL-603', why: 'T1 社会保障和就业支出 +0.01', changes: [['T1', 'E13', C]], at: ['T1', 'E13'] },
  { rule: 'BAL-604', why: 'T1 本年支出合计 +0.01', changes: [['T1', 'E37', C]], at: ['T1', 'E37'] },
  {
    rule: 'BAL-605',
    why: 'T3 2080101 +0.01 with its parents and 合计 (T3 balanced, T2 not matching)',
    changes: [['T3', 'D9', C], ['T3', 'E9', C], ['T3', 'D8', C], ['T3', 'E8', C], ['T3', 'D7', C], ['T3', 'E7', C], ['T3', 'D6', C], ['T3', 'E6', C]],
    at: ['T3', 'D9'],
  },
  { rule: 'BAL-606', why: 'T4 一般公共预算拨款 +0.01', changes: [['T4', 'C6', C]], at: ['T4', 'C6'] },
  { rule: 'BAL-607', why: 'T4 社会保障和就业支出 一般公共预算 +0.01', changes: [['T4', 'F13', C]], at: ['T4', 'F13'] },
  { rule: 'BAL-608', why: 'T5 合计 +0.01', changes: [['T5', 'D6', C]], at: ['T5', 'D6'] },
  { rule: 'BAL-609', why: 'T5 合计 基本支出 +0.01', changes: [['T5', 'E6', C]], at: ['T5', 'E6'] },
  { rule: 'BAL-610', why: 'T4 本年支出合计 政府性基金 0.01, T7 empty', changes: [['T4', 'G37', C]], at: ['T4', 'G37'] },
  { rule: 'BAL-611', why: 'T4 本年支出合计 国有资本经营 0.01, T8 empty', changes: [['T4', 'H37', C]], at: ['T4', 'H37'] },
  // 说明 text
  {
    rule: 'BAL-701',
    why: '说明 states 支出预算 3889.88万元',
    changes: [['说明', 'A2', '本单位2023年预算收入3889.89万元，全部为一般公共预算拨款；支出预算3889.88万元。']],
    at: ['说明', 'A2'],
  },
];

describe('each identity, broken by one cent, is reported at the right cell', () => {
  it.each(CASES.map((c) => [c.rule, c.why, c] as const))('%s — %s', (_rule, _why, c) => {
    const unit = c.unit ?? 'rsj';
    const { findings } = analyzeBudget(changed(unit, c.changes));
    const want = `${sheetName(unit, c.at[0])}!${c.at[1]} ${c.rule}`;
    expect(flat(findings)).toContain(want);
    const f = findings.find((x) => `${x.sheet}!${x.cell} ${x.rule}` === want)!;
    expect(f.severity).toBe(BUDGET_RULES[c.rule].severity);
    // The message states both figures and the difference; no placeholder is left over.
    expect(f.message).not.toMatch(/\{\w+\}/);
    if (f.diff !== undefined) expect(f.message).toContain(`差 ${f.diff}`);
  });

  it('the unbroken fixtures report none of these', () => {
    for (const unit of ['rsj', 'sbzx'] as const) {
      const { findings } = analyzeBudget(changed(unit, []));
      expect(flat(findings)).toEqual([]);
    }
  });

  it('every identity rule of the catalogue has a case', () => {
    // The identities of other provinces' layouts are broken in test/province/fixtures.test.ts.
    const covered = new Set([...CASES.map((c) => c.rule), 'BAL-209', 'BAL-307', 'BAL-308', 'BAL-309', 'BAL-310', 'BAL-405', 'BAL-210', 'BAL-211']);
    expect(IDENTITY_RULE_IDS.filter((id) => !covered.has(id))).toEqual([]);
    expect(IDENTITY_RULE_IDS.length).toBeGreaterThanOrEqual(33);
  });
});

describe('the 3889.89 / 3889.79 example', () => {
  it('catches a 收支总表 that disagrees with a balanced 支出总表', () => {
    const minus = -0.1;
    // T3 lowered by 0.10 along 2080101 → 20801 → 208 → 合计 in 合计 and 基本支出: T3 balances.
    const sheets = changed('rsj', [
      ['T3', 'D9', minus], ['T3', 'E9', minus], ['T3', 'D8', minus], ['T3', 'E8', minus],
      ['T3', 'D7', minus], ['T3', 'E7', minus], ['T3', 'D6', minus], ['T3', 'E6', minus],
    ]);
    const { findings } = analyzeBudget(sheets);
    const t3 = sheetName('rsj', 'T3');
    expect(findings.filter((f) => f.sheet === t3 && f.severity === 'error')).toEqual([]);
    const f = findings.find((x) => x.rule === 'BAL-604')!;
    expect(f).toMatchObject({ sheet: sheetName('rsj', 'T1'), cell: 'E37', actual: '3889.89', expected: '3889.79', diff: '0.10', severity: 'error' });
    expect(f.message).toBe(`收支总表 本年支出合计为 3889.89，支出总表 合计为 3889.79（'${t3}'!D6，差 0.10）`);
    expect(flat(findings)).toContain(`${sheetName('rsj', 'T1')}!E13 BAL-603`);
    // …and the 说明, which still says 基本支出 685.86万元.
    expect(findings.find((x) => x.rule === 'BAL-701')).toMatchObject({ expected: '685.76', actual: '685.86' });
  });
});

describe('T2/T3 code by code', () => {
  it('is compared only when nothing is carried forward', () => {
    const t3change: Change[] = [['T3', 'D9', 0.01], ['T3', 'E9', 0.01], ['T3', 'D8', 0.01], ['T3', 'E8', 0.01], ['T3', 'D7', 0.01], ['T3', 'E7', 0.01], ['T3', 'D6', 0.01], ['T3', 'E6', 0.01]];
    const plain = analyzeBudget(changed('rsj', t3change)).findings.filter((f) => f.rule === 'BAL-605');
    expect(plain.map((f) => f.cell)).toEqual(['D7', 'D8', 'D9']);
    // with 0.01 年终结转结余 in T1 the per-code comparison is off
    const carried = analyzeBudget(changed('rsj', [...t3change, ['T1', 'E38', 0.01]])).findings.filter((f) => f.rule === 'BAL-605');
    expect(carried).toEqual([]);
  });
});
