/**
 * The indicator-semantics module on names written for this test in the seeds' style
 * (not taken from the seeds), across six fields. Each row: 二级, 三级, expected kind,
 * expected direction. A direction of 'lower' or 'higher' must also be at least medium
 * confidence for a rate (so KPI-DIR may speak); 'neutral' means no rule may advise one.
 */
import { senseIndicator } from '../../src/model/kpi/semantics';
import { ALL } from './indicator-names';

describe('indicator semantics: kind and good direction from morphology', () => {
  it('holds at least 150 names across the six fields, each with lower- and higher-is-better rates', () => {
    const all = Object.values(ALL).flat();
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(new Set(all.map((c) => c[1])).size).toBe(all.length);
    for (const [field, cases] of Object.entries(ALL)) {
      const kinds = new Set(cases.map((c) => `${c[2]}:${c[3]}`));
      expect({ field, lowerRate: kinds.has('rate:lower'), higherRate: kinds.has('rate:higher'), count: [...kinds].some((k) => k.startsWith('count')) }).toEqual({
        field,
        lowerRate: true,
        higherRate: true,
        count: true,
      });
    }
  });

  for (const [field, cases] of Object.entries(ALL)) {
    it.each(cases)(`${field}: %s / %s → %s, %s`, (level2, level3, kind, direction) => {
      const s = senseIndicator({ level3, level2 });
      expect({ level3, kind: s.kind, direction: s.direction }).toEqual({ level3, kind, direction });
      // A rate direction that a rule may act on is never a guess.
      if (kind === 'rate' && direction !== 'neutral') expect(s.directionConfidence).not.toBe('low');
    });
  }

  it('reads the 描述 marker, the ratio numerator and a change of something undesirable', () => {
    expect(senseIndicator({ level3: '年度维护成本增长率（%）', description: '（反向指标）' })).toMatchObject({ kind: 'rate', direction: 'lower', directionConfidence: 'high' });
    expect(senseIndicator({ level3: '已参保人数占应参保人数的比率' })).toMatchObject({ kind: 'rate', direction: 'higher' });
    expect(senseIndicator({ level3: '故障降低率(％)' })).toMatchObject({ kind: 'rate', direction: 'higher' });
    expect(senseIndicator({ level3: '运行成本增长率' })).toMatchObject({ kind: 'rate', direction: 'lower' });
    expect(senseIndicator({ level3: '无安全事故率' })).toMatchObject({ kind: 'rate', direction: 'higher' });
    expect(senseIndicator({ level3: '未达标率' })).toMatchObject({ kind: 'rate', direction: 'lower' });
    expect(senseIndicator({ level3: '费用核算准确率' })).toMatchObject({ kind: 'rate', direction: 'higher' });
    expect(senseIndicator({ level3: '资金在规定时间内下达率' })).toMatchObject({ kind: 'rate', direction: 'higher' });
  });

  it('is unsure, and says so, where the name does not tell', () => {
    // An unknown rate: higher by default, never confident enough to advise a flip.
    expect(senseIndicator({ level3: '外出务工率' })).toMatchObject({ kind: 'rate', directionConfidence: 'low' });
    // `信访率降低`: the value may be the rate or the reduction.
    expect(senseIndicator({ level3: '信访率降低' }).direction).toBe('neutral');
    // A headcount of the staff the money pays has no good direction.
    expect(senseIndicator({ level3: '政府购买服务人员数量' }).direction).toBe('neutral');
    // Kind from the unit only when the name gives nothing, at low confidence.
    expect(senseIndicator({ level3: '资金直达基层', unit: '%' })).toMatchObject({ kind: 'rate', kindConfidence: 'low' });
  });

  it('flags abstract aims, yes/no questions, satisfaction and management measures', () => {
    expect(senseIndicator({ level3: '维护社会稳定' })).toMatchObject({ kind: 'qualitative', abstract: true });
    expect(senseIndicator({ level3: '提升全民国防意识' }).abstract).toBe(true);
    expect(senseIndicator({ level3: '保障工作持续推进' }).abstract).toBe(true);
    expect(senseIndicator({ level3: '补贴是否发放' }).yesNo).toBe(true);
    expect(senseIndicator({ level3: '退休人员是否满意' })).toMatchObject({ satisfaction: true, kind: 'rate', direction: 'higher' });
    expect(senseIndicator({ level3: '预算执行率' }).management).toBe(true);
    expect(senseIndicator({ level3: '补贴发放率' }).management).toBe(false);
  });
});
