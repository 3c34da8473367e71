/**
 * The rules that are not balance identities (reading, format, structure), one case each;
 * the last test fails when a rule of the catalogue has no case here or in identities.test.ts.
 */
import { analyzeBudget, BUDGET_RULES, IDENTITY_RULE_IDS } from '../../src/model/budget';
import { changed, flat, sheetName, type Change, type UnitId } from './helpers';
import type { TableKind } from '../../src/model/budget/types';
import type { SheetGrid } from '../../src/model/workbook';

interface Case {
  rule: string;
  why: string;
  unit?: UnitId;
  changes?: Change[];
  edit?: (sheets: SheetGrid[]) => SheetGrid[];
  at: [TableKind | '说明', string];
}

const sheetOfKind = (sheets: SheetGrid[], kind: TableKind) => sheets.find((s) => s.name === sheetName('rsj', kind))!;

/** Rules whose cases live in test/province (units, profiles, other layouts). */
const PROVINCE_CASES = ['BAL-019'];

const CASES: Case[] = [
  { rule: 'BAL-001', why: 'text in an amount cell', changes: [['T3', 'E9', '四百六十五']], at: ['T3', 'E9'] },
  { rule: 'BAL-002', why: '#N/A in an amount cell', changes: [['T3', 'E9', '#N/A']], at: ['T3', 'E9'] },
  { rule: 'BAL-003', why: 'three decimals', changes: [['T3', 'F9', { set: 10.004 }]], at: ['T3', 'F9'] },
  { rule: 'BAL-004', why: 'a code the dictionary lacks', changes: [['T3', 'B9', '2080198']], at: ['T3', 'B9'] },
  { rule: 'BAL-005', why: 'a code of eight digits', changes: [['T3', 'B9', '20801011']], at: ['T3', 'B9'] },
  {
    rule: 'BAL-006',
    why: 'a code listed twice with other figures',
    edit: (sheets) => {
      const s = sheetOfKind(sheets, 'T3');
      s.values.push([99, '2080101', '行政运行', 1, 1, '', '', '', '']);
      return sheets;
    },
    at: ['T3', 'B33'],
  },
  { rule: 'BAL-007', why: 'a row with figures but no code', changes: [['T3', 'B9', '']], at: ['T3', 'C9'] },
  { rule: 'BAL-008', why: 'a 项 whose 款 row is missing', edit: (s) => dropRow(s, 'T3', 7), at: ['T3', 'B8'] },
  { rule: 'BAL-009', why: 'a name other than the dictionary’s', changes: [['T3', 'C9', '机关运行']], at: ['T3', 'C9'] },
  { rule: 'BAL-010', why: 'T1 without 本年支出合计', changes: [['T1', 'D37', '']], at: ['T1', 'A1'] },
  { rule: 'BAL-011', why: 'empty T7 without its note', changes: [['T7', 'A6', '']], at: ['T7', 'A1'] },
  { rule: 'BAL-012', why: '空表 note over a figure', edit: (s) => insertRow(s, 'T9', 5, [1, '合计', 1, 1, '', '']), at: ['T9', 'C6'] },
  { rule: 'BAL-013', why: 'T3 without 项目支出 column', changes: [['T3', 'F3', '其他']], at: ['T3', 'A1'] },
  { rule: 'BAL-014', why: 'T5 without its 合计 row', edit: (s) => dropRow(s, 'T5', 5), at: ['T5', 'A1'] },
  { rule: 'BAL-015', why: 'T1 figure without a line name', changes: [['T1', 'B20', ''], ['T1', 'C20', 5]], at: ['T1', 'C20'] },
  {
    rule: 'BAL-016',
    why: 'the same table twice',
    edit: (sheets) => [...sheets, { ...sheetOfKind(sheets, 'T6'), name: '副本' }],
    at: ['T6', 'A1'],
  },
  { rule: 'BAL-017', why: 'a number stored as text', changes: [['T3', 'E9', '465.46']], at: ['T3', 'E9'] },
  { rule: 'BAL-018', why: 'a full-width comma typed for the decimal point', changes: [['T3', 'D12', '272，93']], at: ['T3', 'D12'] },
  { rule: 'BAL-021', why: 'a negative budget amount', changes: [['T3', 'F10', { set: -3 }]], at: ['T3', 'F10'] },
  { rule: 'BAL-022', why: 'an ID number in an amount cell', changes: [['T3', 'F10', { set: Number('130528199001011234') }]], at: ['T3', 'F10'] },
  { rule: 'BAL-502', why: '办公用房 larger than 房屋', changes: [['T11', 'B5', 100], ['T11', 'B6', 120]], at: ['T11', 'B6'] },
  { rule: 'BAL-702', why: 'an amount in 元', changes: [['说明', 'A3', '按支出性质分，基本支出685.86元，项目支出3204.03万元。']], at: ['说明', 'A3'] },
  { rule: 'BAL-703', why: 'three decimals in the 说明', changes: [['说明', 'A3', '项目支出较上年增加679.785万元。']], at: ['说明', 'A3'] },
];

function dropRow(sheets: SheetGrid[], kind: TableKind, r: number): SheetGrid[] {
  const s = sheetOfKind(sheets, kind);
  s.values = s.values.filter((_, i) => i !== r);
  return sheets;
}

function insertRow(sheets: SheetGrid[], kind: TableKind, r: number, row: unknown[]): SheetGrid[] {
  const s = sheetOfKind(sheets, kind);
  s.values = [...s.values.slice(0, r), row, ...s.values.slice(r + 1)];
  return sheets;
}

describe('reading and structure rules', () => {
  it.each(CASES.map((c) => [c.rule, c.why, c] as const))('%s — %s', (_r, _w, c) => {
    const unit = c.unit ?? 'rsj';
    let sheets = changed(unit, c.changes ?? []);
    if (c.edit) sheets = c.edit(sheets);
    const { findings } = analyzeBudget(sheets);
    const sheet = c.rule === 'BAL-016' ? '副本' : sheetName(unit, c.at[0]);
    expect(flat(findings)).toContain(`${sheet}!${c.at[1]} ${c.rule}`);
    const f = findings.find((x) => x.rule === c.rule)!;
    expect(f.message).not.toMatch(/\{\w+\}/);
  });

  it('every rule of the catalogue has a case (here or in identities.test.ts)', () => {
    // Rules of other layouts and units have their cases in test/province/*.test.ts.
    const here = new Set([...CASES.map((c) => c.rule), ...PROVINCE_CASES]);
    const missing = Object.keys(BUDGET_RULES).filter((id) => !here.has(id) && !IDENTITY_RULE_IDS.includes(id));
    expect(missing).toEqual([]);
  });
});
