/**
 * Advice that would make a table worse, on rows written after the seeds: an undesirable event
 * named after a desirable step (`办结超期率`) and rates written per base (`/10万`, `‱`).
 */
import { kpiValidate } from '../../src/functions/functions';
import { senseIndicator } from '../../src/model/kpi/semantics';

const HEADER = ['一级指标', '二级指标', '三级指标', '指标值'];
const one = (l2: string, name: string, value: string) => String(kpiValidate([HEADER, ['产出指标', l2, name, value]])[1][0]);

describe('the counted event decides, not the step it happens to', () => {
  it.each(['群众来信办结超期率', '审批办结超时率', '工单处理延误率', '案件办结逾期率'])('%s is lower-is-better', (name) => {
    expect(senseIndicator({ level3: name, level2: '时效指标' }).direction).toBe('lower');
  });
  it.each(['投诉办结率', '问题整改率', '欠薪案件结案率'])('%s stays higher-is-better', (name) => {
    expect(senseIndicator({ level3: name, level2: '时效指标' }).direction).toBe('higher');
  });
  it('a lower-is-better rate written ≥1% is told to be a ceiling, never ≥100%', () => {
    const msg = one('时效指标', '群众来信办结超期率', '≥1%');
    expect(msg).toMatch(/应为 ≤1%/);
    expect(msg).not.toMatch(/100%/);
  });
});

describe('rates written per base keep their unit', () => {
  it.each([
    ['孕产妇死亡率', '≤10/10万'],
    ['婴儿死亡率', '≤5人/10万人'],
    ['传染病发病率', '≤1‱'],
    ['交通事故死亡率', '≤2/万车'],
  ])('%s %s gets no % advice', (name, value) => {
    expect(one('质量指标', name, value)).not.toMatch(/应为 [≤≥=<>]?\d+%/);
  });
  it('a bare number on a rate is still told to carry %', () => {
    expect(one('质量指标', '合格率', '≥95/人')).toMatch(/应为 ≥95%/);
  });
});
