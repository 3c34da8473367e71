/** The 说明 text against the tables: amounts, 万元, two decimals. */
import { analyzeBudget, checkExplanation } from '../../src/model/budget';
import { fixtureSheets, flat } from './helpers';

const unitTables = () => analyzeBudget(fixtureSheets('rsj').filter((s) => s.name !== '说明')).units[0].tables;

const check = (text: string) => checkExplanation([{ text, sheet: '说明', cell: 'A2' }], unitTables());

describe('checkExplanation', () => {
  it('accepts statements that agree with the tables, however the numbers are written', () => {
    expect(check('2023年预算收入 3889.89万元，支出预算3,889.89万元，其中基本支出 685.86万元，包括人员经费 632.2万元和日常公用经费 53.66万元；项目支出3204.03万元。')).toEqual([]);
    expect(check('“三公”经费预算安排 0万元。上年末固定资产金额为 92.71万元。')).toEqual([]);
  });

  it('reports a stated figure that differs from the table, with both values', () => {
    const f = check('其中基本支出 685.96万元。');
    expect(flat(f)).toEqual(['说明!A2 BAL-701']);
    expect(f[0].message).toMatch(/^说明写基本支出 685\.96万元，表格为 685\.86万元（支出总表 合计行基本支出 E6，差 0\.10）$/);
    expect(flat(check('人员经费 632.3万元'))).toEqual(['说明!A2 BAL-701']);
    expect(flat(check('上年末固定资产金额为 92.70万元'))).toEqual(['说明!A2 BAL-701']);
  });

  it('flags amounts in 元 and with more than two decimals', () => {
    // seed 003 gives 机关运行经费 as `67.68元`: the unit is wrong whatever the tables say
    expect(flat(check('机关运行经费 67.68元'))).toEqual(['说明!A2 BAL-702']);
    expect(flat(check('人员经费 632.2元'))).toEqual(['说明!A2 BAL-702']);
    const f = check('较2022年预算增加790.913万元，其中：基本支出增加111.133万元。');
    expect(flat(f)).toEqual(['说明!A2 BAL-703', '说明!A2 BAL-703']);
    expect(f[0].message).toBe('说明中的金额 790.913万元 有 3 位小数，应保留两位小数');
  });

  it('leaves changes, purchases and sub-budgets alone', () => {
    expect(check('项目支出增加 679.78万元；本年度拟购置固定资产总额为 33.00万元；一般公共预算收入 3889.89万元，基金预算收入 0万元。')).toEqual([]);
  });

  it('runs on the 说明 sheet of a workbook', () => {
    const sheets = fixtureSheets('rsj');
    const s = sheets.find((x) => x.name === '说明')!;
    s.values[3] = ['本年度“三公”经费预算安排0.5万元。上年末固定资产金额为92.71万元。'];
    expect(flat(analyzeBudget(sheets).findings)).toEqual(['说明!A4 BAL-701']);
  });
});
