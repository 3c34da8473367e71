/** Amounts in 元 / 千元 / 万元: precision, messages in the table's unit, 尾差. */
import { checkTable, checkUnit, isParseError, parseBudgetTable } from '../../src/model/budget';
import { checkExplanation } from '../../src/model/budget/explain';
import { compareAcrossUnits, convertScaled, fmtMoney } from '../../src/model/budget/units';
import type { BudgetTable } from '../../src/model/budget/types';

function ok(grid: unknown[][]): BudgetTable {
  const t = parseBudgetTable(grid, { sheet: 'S' });
  if (isParseError(t)) throw new Error(t.error);
  return t;
}

const T5 = (unit: string, rows: unknown[][]) => [
  ['一般公共预算支出功能分类预算表'],
  ['编制单位：示例', '', '', '', `单位：${unit}`],
  ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
  ...rows,
];

describe('money units', () => {
  it('formats amounts in the table unit', () => {
    expect(fmtMoney(150000, 2, '元')).toBe('1500元');
    expect(fmtMoney(-50, 2, '元')).toBe('-0.50元');
    expect(fmtMoney(1230, 2, '千元')).toBe('12.30千元');
    expect(fmtMoney(1230, 2, '万元')).toBe('12.30');
  });

  it('converts and compares across units', () => {
    expect(convertScaled(12345600, '元', '万元')).toBe(1235); // 123456.00元 → 12.35万元 (half up)
    expect(convertScaled(1235, '万元', '元')).toBe(12350000);
    expect(compareAcrossUnits(1235, '万元', 12345600, '元')).toBe('equal');
    expect(compareAcrossUnits(1234, '万元', 12345600, '元')).toBe('tail');
    expect(compareAcrossUnits(1230, '万元', 12345600, '元')).toBe('different');
  });

  it('an 元 table reads its unit line and reports in 元; integer 元 balance exactly', () => {
    const t = ok(T5('元', [['', '合计', 1500, 1000, 500], ['208', '社会保障和就业支出', 1500, 1000, 501]]));
    expect(t.unitLine.unit).toBe('元');
    const f = checkTable(t);
    expect(f.map((x) => `${x.cell} ${x.rule}`)).toEqual(['E4 BAL-102', 'C5 BAL-204']);
    expect(f[0].message).toContain('项目支出为 500元，各类合计为 501元（差 -1元）');
    expect(f[1].message).toContain('合计为 1500元，基本支出 + 项目支出为 1501元（差 -1元）');
  });

  it('千元 tables are read with two decimals and messages say 千元', () => {
    const t = ok(T5('千元', [['', '合计', 15.5, 10, 5.5], ['208', '社会保障和就业支出', 15.5, 10, 5.4]]));
    const f = checkTable(t);
    expect(f[0].message).toContain('差 0.10千元');
  });

  it('a 万元 table rounded from 元 (sourceUnit) reports a 0.01 gap as 尾差, a bigger one as an imbalance', () => {
    const t = ok(T5('万元', [['', '合计', 12.35, 10.01, 2.35], ['208', '社会保障和就业支出', 12.35, 10.01, 2.34]]));
    expect(checkTable(t).map((x) => x.rule)).toEqual(['BAL-102', 'BAL-204']);
    t.sourceUnit = '元';
    const f = checkTable(t);
    expect(f.map((x) => `${x.cell} ${x.rule} ${x.severity}`)).toEqual(['E4 BAL-019 warning', 'C4 BAL-019 warning']);
    expect(f[0].message).toContain('尾差');
    const u = ok(T5('万元', [['', '合计', 12.35, 10.01, 2.30]]));
    u.sourceUnit = '元';
    expect(checkTable(u).map((x) => x.rule)).toEqual(['BAL-204']);
  });

  it('the 说明 in 万元 against tables in 元: equal after rounding, 尾差 at 0.01, an error beyond', () => {
    const t6 = ok([
      ['一般公共预算基本支出部门预算经济分类预算表'],
      ['单位：元'],
      ['科目编码', '科目名称', '合计', '人员经费', '公用经费'],
      ['', '合计', 1234567, 1000000, 234567],
      ['301', '工资福利支出', 1000000, 1000000, ''],
      ['302', '商品和服务支出', 234567, '', 234567],
    ]);
    expect(checkTable(t6)).toEqual([]);
    const say = (s: string) => checkExplanation([{ text: s, sheet: '说明', cell: 'A1' }], { T6: t6 }).map((f) => f.rule);
    expect(say('本单位人员经费100.00万元，公用经费23.46万元。')).toEqual([]);
    expect(say('本单位人员经费100.00万元，公用经费23.45万元。')).toEqual(['BAL-019']);
    expect(say('本单位人员经费100.00万元，公用经费23.40万元。')).toEqual(['BAL-701']);
    expect(checkUnit({ T6: t6 })).toEqual([]);
  });
});
