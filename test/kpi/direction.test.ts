import Decimal from 'decimal.js';
import {
  analyzeTiers,
  checkKpiAgainstBudget,
  classifyLevel1,
  classifyLevel2,
  countKind,
  findCostArithmetic,
  isRateIndicator,
  isSatisfaction,
  kpiDirection,
  level2Allowed,
  parseKpiGrid,
  parseKpiValue,
  projectSpendOf,
  type KpiTier,
  type TierName,
} from '../../src/model/kpi';
import type { UnitTables } from '../../src/model/budget/types';
import { fullGrid } from './helpers';

describe('kpiDirection', () => {
  it.each([
    ['养老金待遇发放差错率', '', 'lower'],
    ['系统故障率', '', 'lower'],
    ['城镇调查失业率', '', 'lower'],
    ['学生辍学率(％)', '', 'lower'],
    ['错案率', '', 'lower'],
    ['创业担保基金代偿率', '', 'lower'],
    ['投诉率', '', 'lower'],
    ['非正常停机几率', '', 'lower'],
    ['办理案件成本率', '', 'lower'],
    ['案件办理时限', '', 'lower'],
    ['发放补贴时间', '', 'lower'],
    ['年度维护成本增长率（%）', '年度维护成本同期增长率（反向指标）', 'lower'],
    ['服务对象满意度', '', 'higher'],
    ['任务完成率', '', 'higher'],
    ['资金到位率', '', 'higher'],
    ['各项任务完成及时率（%）', '', 'higher'],
    ['符合条件申报对象覆盖率', '', 'higher'],
    ['补贴发放率', '', 'higher'],
    ['政策知晓率', '', 'higher'],
    ['故障降低率(％)', '', 'higher'],
    ['故障排除率(％)', '', 'higher'],
    ['费用核算准确率', '', 'higher'],
    ['资金在规定时间内下达率', '', 'higher'],
    ['减少查阅档案时间', '', 'higher'],
    ['严防冒领，确定基金安全', '', 'higher'],
    ['享受补贴人员数量', '', 'higher'],
    ['政府购买人员数量', '', 'neutral'],
    ['', '', 'neutral'],
  ])('%s → %s', (name, desc, dir) => {
    expect(kpiDirection(name, desc)).toBe(dir);
  });
});

describe('indicator kinds', () => {
  it('recognises rates by name or description, never over a count name', () => {
    expect(isRateIndicator('养老金待遇发放率')).toBe(true);
    expect(isRateIndicator('项目资金支付率', '资金支付占总额的比率')).toBe(true);
    expect(isRateIndicator('按总成本控制', '按总成本控制')).toBe(false);
    expect(isRateIndicator('享受补贴人员数量', '享受补贴人员占比')).toBe(false);
    expect(isRateIndicator('提高工作效率')).toBe(false);
    expect(isRateIndicator('监察案件覆盖', '社会保险补贴发放准确数/发放数*100%')).toBe(true);
    expect(isSatisfaction('退休人员是否满意')).toBe(true);
    expect(countKind('再就业人数')).toBe('persons');
    expect(countKind('就业政策宣传次数')).toBe('times');
    expect(countKind('帮扶户数')).toBe('households');
    expect(countKind('补贴标准')).toBeNull();
  });
});

describe('taxonomy', () => {
  it('knows aliases, short forms and the newer 成本 一级', () => {
    expect(classifyLevel1('效果指标')).toBe('效益');
    expect(classifyLevel1('单位产出')).toBe('产出');
    expect(classifyLevel1('满意度 ')).toBe('满意度');
    expect(classifyLevel1('成本指标')).toBe('成本');
    expect(classifyLevel1('工作指标')).toBeNull();
    expect(classifyLevel2('数量')).toBe('数量');
    expect(classifyLevel2('经济效益指 标')).toBe('经济效益');
    expect(classifyLevel2('服务对象满 意度指标')).toBe('服务对象满意度');
    expect(classifyLevel2('社会成本指标')).toBe('社会成本');
    expect(level2Allowed('产出', '成本')).toBe(true);
    expect(level2Allowed('成本', '经济成本')).toBe(true);
    expect(level2Allowed('效益', '数量')).toBe(false);
    expect(level2Allowed('效益', '服务对象满意度')).toBe(false);
    expect(level2Allowed('效益', '服务对象满意度', true)).toBe(true);
  });
});

describe('analyzeTiers', () => {
  const tiers = (...t: string[]): Record<TierName, KpiTier> => ({
    优: { raw: t[0], parsed: parseKpiValue(t[0]) },
    良: { raw: t[1], parsed: parseKpiValue(t[1]) },
    中: { raw: t[2], parsed: parseKpiValue(t[2]) },
    差: { raw: t[3], parsed: parseKpiValue(t[3]) },
  });
  it.each([
    [['≥90%', '≥80%', '≥70%', '＜70%'], 'higher', []],
    [['100%', '≥90%', '≥80%', '＜80%'], 'higher', []],
    [['＜5%', '≤10%', '＜15%', '≥15%'], 'lower', []],
    [['≤10%', '≤20%', '≤30%', '＞30%'], 'higher', ['direction']],
    [['≥95%', '≥90%', '≥85%', '＜70%'], 'higher', ['gap']],
    [['≥90%', '≥80%', '≥70%', '≤70%'], 'higher', ['overlap']],
    [['408人', '≥405人', '≥400人', '＜390人'], 'neutral', ['gap']],
    [['≥90%', '≥90%', '≥70%', '＜70%'], 'higher', ['order']],
    [['800人', '600人', '400人', '400人以下'], 'neutral', ['noop', 'noop']],
    [['显著改善', '明显改善', '有所改善', '改善不明显'], 'higher', []],
  ] as [string[], 'higher' | 'lower' | 'neutral', string[]][])('%j (%s) → %j', (t, dir, kinds) => {
    expect(analyzeTiers(tiers(...t), dir).map((p) => p.kind)).toEqual(kinds);
  });
});

describe('findCostArithmetic', () => {
  it('recomputes head count × monthly rate × 12', () => {
    expect(findCostArithmetic('本科135人，每人每月2688元，共计4386816元；硕士研究生6人，每人每月3024元，共计217728元')).toEqual([
      { text: '135人,每人每月2688元,共计4386816元', count: '135', rate: '2688', months: '12', expected: '4354560', actual: '4386816', diff: '32256' },
    ]);
    expect(findCostArithmetic('专科学历21人。每人每月2520元，2020年工资635040元；每人每月“四险”单位承担部分792.14元，2020年保险费199619.28元')).toEqual([]);
    expect(findCostArithmetic('本科135人，每人每月2688元，共计435.46万元')).toEqual([]);
    expect(findCostArithmetic('本科135人，每人每月2688元，共计438.68万元')).toHaveLength(1);
    expect(findCostArithmetic('每人每月5元，预计5.71万人')).toEqual([]);
  });
});

describe('checkKpiAgainstBudget', () => {
  const ps = [
    parseKpiGrid(fullGrid({ budget: '3.12', fiscal: '3.12' })).projects[0],
    (() => {
      const g = fullGrid({ budget: '24.30', fiscal: '24.30' });
      g[3] = ['项目编码', 'X2', null, '项目名称', '人事和社会保障工作经费', null, null];
      return parseKpiGrid(g).projects[0];
    })(),
  ];
  it('compares each project and the total', () => {
    const list = new Map([
      ['监察人员服装费', new Decimal('3.12')],
      ['人事和社会保障工作经费', new Decimal('24.00')],
    ]);
    const fs = checkKpiAgainstBudget(ps, new Decimal('27.12'), list);
    expect(fs.map((f) => [f.rule, f.table, f.expected, f.actual])).toEqual([
      ['KPI-XT-01', '人事和社会保障工作经费', '24.00', '24.30'],
      ['KPI-XT-02', undefined, '27.12', '27.42'],
    ]);
  });
  it('does not compare the total when some listed project has no table', () => {
    const list = new Map([
      ['监察人员服装费', new Decimal('3.12')],
      ['人事和社会保障工作经费', new Decimal('24.30')],
      ['办公楼维修', new Decimal('5.00')],
    ]);
    expect(checkKpiAgainstBudget(ps, new Decimal('32.42'), list)).toEqual([]);
  });
  it('takes the 项目支出 total from the 合计 row of the unit 支出总表', () => {
    const tables = { T3: { rows: [{ role: 'code', amounts: { project: new Decimal(1) } }, { role: 'total', amounts: { project: new Decimal('30.00') } }] } } as unknown as UnitTables;
    expect(projectSpendOf(tables)?.toFixed(2)).toBe('30.00');
    expect(checkKpiAgainstBudget(ps, tables).map((f) => [f.rule, f.expected, f.actual])).toEqual([['KPI-XT-02', '30.00', '27.42']]);
    expect(projectSpendOf({} as UnitTables)).toBeNull();
  });
  it('never throws on odd input', () => {
    expect(checkKpiAgainstBudget([], new Decimal(1))).toEqual([]);
    expect(checkKpiAgainstBudget(ps, { T3: { rows: null } } as unknown as UnitTables)).toEqual([]);
  });
});
