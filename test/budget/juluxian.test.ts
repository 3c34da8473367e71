/** The two 巨鹿县 workbooks of seed 004, read from .xlsx through ExcelJS, balance. */
import * as path from 'path';
import { analyzeBudget, type BudgetUnit } from '../../src/model/budget';
import type { SheetGrid } from '../../src/model/workbook';
import { readXlsx } from './xlsx';
import { flat, errorsOf } from './helpers';

const FIX = path.join(__dirname, '..', 'fixtures');
let rsj: SheetGrid[];
let sbzx: SheetGrid[];

beforeAll(async () => {
  rsj = await readXlsx(path.join(FIX, 'juluxian-rsj.xlsx'));
  sbzx = await readXlsx(path.join(FIX, 'juluxian-sbzx.xlsx'));
});

const amount = (u: BudgetUnit, kind: keyof BudgetUnit['tables'], pick: (r: { code?: string; line?: string; side?: string; role?: string }) => boolean, key: string) =>
  u.tables[kind]!.rows.find(pick)!.amounts[key]?.toFixed(2);

describe('巨鹿县 2023 (seed 004)', () => {
  it('人社局本级: one unit, eleven tables, no error and no warning', () => {
    const { units, findings } = analyzeBudget(rsj);
    expect(errorsOf(findings)).toEqual([]);
    expect(flat(findings)).toEqual([]);
    expect(units).toHaveLength(1);
    const u = units[0];
    expect([u.code, u.name, u.year]).toEqual(['323001', '巨鹿县人力资源和社会保障局本级', '2023']);
    expect(Object.keys(u.tables).sort()).toEqual(['T1', 'T10', 'T11', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9']);
    // the worked numbers of tables.md
    expect(amount(u, 'T1', (r) => r.side === 'income' && r.role === 'grand', 'amount')).toBe('3889.89');
    expect(amount(u, 'T1', (r) => r.side === 'expense' && r.role === 'grand', 'amount')).toBe('3889.89');
    expect(amount(u, 'T3', (r) => r.code === '208', 'total')).toBe('3798.89');
    expect(['20801', '20805', '20807', '20827'].map((c) => amount(u, 'T3', (r) => r.code === c, 'total'))).toEqual(['861.59', '103.00', '2831.10', '3.20']);
    expect(amount(u, 'T3', (r) => r.role === 'total', 'basic')).toBe('685.86');
    expect(amount(u, 'T3', (r) => r.role === 'total', 'project')).toBe('3204.03');
    expect(amount(u, 'T6', (r) => r.role === 'total', 'personnel')).toBe('632.20');
    expect(amount(u, 'T6', (r) => r.role === 'total', 'public')).toBe('53.66');
    expect(u.tables.T7!.empty && u.tables.T8!.empty && u.tables.T9!.empty && u.tables.T10!.empty).toBe(true);
  });

  it('社会保险事业服务中心: balances too (481.10; 404.10 + 77.00)', () => {
    const { units, findings } = analyzeBudget(sbzx);
    expect(flat(findings)).toEqual([]);
    const u = units[0];
    expect(u.code).toBe('323003');
    expect(amount(u, 'T1', (r) => r.side === 'income' && r.role === 'grand', 'amount')).toBe('481.10');
    expect(amount(u, 'T5', (r) => r.role === 'total', 'basic')).toBe('404.10');
    expect(amount(u, 'T5', (r) => r.role === 'total', 'project')).toBe('77.00');
    expect(amount(u, 'T11', (r) => r.line === '资产总额', 'value')).toBe('79.98');
  });

  it('reads codes stored as numbers and as text alike', () => {
    const codesOf = (sheets: SheetGrid[], name: string) => sheets.find((s) => s.name === name)!.values.slice(5).map((r) => typeof r[1]);
    expect(codesOf(rsj, '2.16收入总表').filter((t) => t === 'string').length).toBeGreaterThan(20);
    expect(codesOf(rsj, '2.17支出总表').filter((t) => t === 'number').length).toBeGreaterThan(20);
    const a = analyzeBudget(rsj).units[0].tables;
    expect(a.T2!.rows.map((r) => r.code)).toEqual(a.T3!.rows.map((r) => r.code));
  });
});
