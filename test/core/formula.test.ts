/** Formulas saved without results: the arithmetic budget tables use, evaluated in dependency order. */
import { evaluateFormulas, type PendingFormula } from '../../src/model/formula';

const sheets: Record<string, unknown[][]> = {
  表: [
    ['科目', '金额', ''],
    ['a', 1.5, ''],
    ['b', 2.25, '文字'],
    ['c', '', '#N/A'],
  ],
  '其他 表': [[10, 20]],
};
const names = Object.keys(sheets);
const read = (s: number, r: number, c: number) => sheets[names[s]]?.[r]?.[c] ?? '';
const idx = (n: string) => names.indexOf(n);
const one = (formula: string) => evaluateFormulas([{ sheet: 0, row: 9, col: 0, formula }], read, idx)[0];

describe('evaluateFormulas', () => {
  it.each([
    ['SUM(B2:B4)', 3.75],
    ['B2+B3*2', 6],
    ['(B2+B3)*2', 7.5],
    ['-B2+$B$3', 0.75],
    ["'其他 表'!A1+'其他 表'!B1", 30],
    ['SUM(B2:C3)', 3.75], // text in a range is skipped, as Excel does
    ['ROUND(B3/3,2)', 0.75],
    ['ABS(-B2)', 1.5],
    ['=sum(b2,b3,1)', 4.75],
  ])('%s = %p', (f, v) => {
    const o = one(f);
    expect(o.ok).toBe(true);
    expect(o.ok && o.value).toBeCloseTo(v as number, 12);
  });

  it.each([
    ['VLOOKUP(A1,B:C,2,FALSE)', /不支持函数 VLOOKUP/],
    ['B2+C3', /非数字/],
    ['C4+1', /错误值 #N\/A/],
    ['B2/B4', /除数为 0/],
    ['无此表!A1', /不存在的工作表/],
    ['B2:B3', /区域只能用在 SUM 中/],
    ['SUM(A1:Z1000000)', /区域过大/],
    [`${'('.repeat(100)}1${')'.repeat(100)}`, /嵌套过深/],
    ['B2+', /不完整/],
  ])('%s is left for Excel: %p', (f, why) => {
    const o = one(f);
    expect(o.ok).toBe(false);
    expect(!o.ok && o.why).toMatch(why);
  });

  it('follows chains in dependency order without recursion (a 200,000-cell running total)', () => {
    const n = 200_000;
    // Listed last-first, so each formula waits for the next one in the list.
    const pending: PendingFormula[] = [];
    for (let r = n - 1; r >= 1; r--) pending.push({ sheet: 0, row: 100 + r, col: 5, formula: `F${100 + r}+1` });
    pending.push({ sheet: 0, row: 100, col: 5, formula: '1' });
    const out = evaluateFormulas(pending, () => '', () => 0);
    expect(out[0]).toEqual({ ok: true, value: n });
    expect(out.every((o) => o.ok)).toBe(true);
  });

  it('a cycle and whatever depends on a formula it cannot compute are not computed', () => {
    const pending: PendingFormula[] = [
      { sheet: 0, row: 20, col: 0, formula: 'A22+1' },
      { sheet: 0, row: 21, col: 0, formula: 'A21+1' },
      { sheet: 0, row: 22, col: 0, formula: 'A24*2' },
      { sheet: 0, row: 23, col: 0, formula: 'INDIRECT("A1")' },
    ];
    const out = evaluateFormulas(pending, read, idx);
    expect(out.map((o) => o.ok)).toEqual([false, false, false, false]);
    expect(!out[0].ok && out[0].why).toMatch(/循环引用/);
    expect(!out[2].ok && out[2].why).toMatch(/依赖的公式也算不出/);
  });
});
