/** Issue 9 (4): custom functions over ~150,000 rows answer in full instead of #VALUE! (stack overflow). */
import { budgetChecksum, kpiValidate } from '../../src/functions/functions';
import { bigExpenditureGrid } from '../fixtures/bad-inputs';

describe('custom functions over 150,000 rows', () => {
  it('BUDGET.CHECKSUM(..., TRUE) spills one line per finding', () => {
    const grid = bigExpenditureGrid(150_000);
    const out = budgetChecksum(grid, '支出总表', true);
    expect(Array.isArray(out)).toBe(true);
    // A header line plus one line per unknown 项 code (the table balances).
    expect(out.length).toBeGreaterThan(140_000);
    expect(out.every((r) => Array.isArray(r) && r.length === out[0].length)).toBe(true);
    expect(out.some((r) => String(r[2]).includes('不平'))).toBe(false);
  });

  it('KPI.VALIDATE returns one cell per input row', () => {
    const header = ['一级指标', '二级指标', '三级指标', '指标值'];
    const rows: unknown[][] = [header];
    // Every other row gives a rate in persons: an error on half the rows.
    for (let i = 0; i < 150_000; i++) rows.push(['产出指标', '质量指标', `培训合格率${i}`, i % 2 ? '≥95%' : '≥95人']);
    const out = kpiValidate(rows);
    expect(out).toHaveLength(rows.length);
    expect(out.slice(1).filter((r) => String(r[0]).startsWith('✘')).length).toBeGreaterThanOrEqual(75_000);
  });
});
