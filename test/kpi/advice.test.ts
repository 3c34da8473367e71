/**
 * Advice must never make a table worse (issue 12): on every indicator of the six-field name
 * table, written rightly and wrongly, KPI-DIR/PCT/OP never suggest a value against the
 * indicator's good direction, and a suggestion keeps the row's own unit.
 */
import type { Finding } from '../../src/model/findings';
import { senseIndicator } from '../../src/model/kpi';
import { findingsOf, GOOD_TIERS, plainGrid, tierGrid, type Row } from './helpers';
import { ALL, type Case } from './indicator-names';

const LEVEL1: Record<string, string> = {
  数量指标: '产出指标',
  质量指标: '产出指标',
  时效指标: '产出指标',
  成本指标: '产出指标',
  经济效益指标: '效益指标',
  社会效益指标: '效益指标',
  生态效益指标: '效益指标',
  可持续影响指标: '效益指标',
  服务对象满意度指标: '满意度指标',
};

/** A well-formed project around one indicator row. */
function gridWith(level2: string, level3: string, value: string): Row[] {
  return plainGrid([
    ['产出指标', '数量指标', '服务人次', '服务人次', '≥100 人次', '工作计划'],
    [null, '质量指标', '服务质量合格率', '合格数占比', '≥95%', '工作计划'],
    ['效益指标', '社会效益指标', '群众获得感', '群众评价', '明显提升', '社会调查'],
    ['满意度指标', '服务对象满意度指标', '服务对象满意度', '满意人数占比', '≥90%', '问卷调查'],
    [LEVEL1[level2], level2, level3, level3, value, '工作计划'],
  ]);
}

const ADVICE = /^KPI-(DIR|PCT|OP|UNIT)-0\d$/;
const all: Case[] = Object.values(ALL).flat();

function advice(level2: string, level3: string, value: string): Finding[] {
  return findingsOf(gridWith(level2, level3, value)).filter((f) => f.cell === 'E8' && ADVICE.test(f.rule));
}

/** The values a clerk might write for an indicator of this kind, right and wrong. */
function valuesFor(kind: Case[2]): string[] {
  switch (kind) {
    case 'rate':
      return ['≥95%', '≤5%', '≥1%', '≤1%', '≥0.95 百分比', '≤0.5%', '95%', '5 百分比', '=100%', '<3%', '>90%'];
    case 'count':
      return ['≥500 人', '≤1 次', '≥20 户', '=3 件', '≤10 起'];
    case 'duration':
      return ['≤5 个工作日', '≥5 个工作日', '≤30 天', '≥10 年', '<2 小时'];
    case 'money':
      return ['≤10 万元', '≥118 元', '=300 元/人', '≥500 万元'];
    default:
      return ['效果显著', '≥90%'];
  }
}

describe('advice never contradicts the indicator or drops its unit', () => {
  it.each(all)('%s / %s', (level2, level3, kind, direction) => {
    for (const value of valuesFor(kind)) {
      for (const f of advice(level2, level3, value)) {
        const where = `${level3} = ${value}: ${f.rule} ${f.message}`;
        const s = f.suggestion;
        if (!s) continue;
        const op = /^(≥|≤|=|>|<)/.exec(s)?.[1];
        // A suggested bound points the indicator's good way (= is always allowed).
        if (direction === 'lower' && op) expect({ where, op: ['≤', '<', '='].includes(op) }).toEqual({ where, op: true });
        if (direction === 'higher' && op) expect({ where, op: ['≥', '>', '='].includes(op) }).toEqual({ where, op: true });
        // A direction-neutral indicator gets no direction advice at all.
        if (direction === 'neutral') expect({ where, rule: /DIR/.test(f.rule) }).toEqual({ where, rule: false });
        // The unit written on the row survives (a UNIT finding is about the unit itself).
        if (!/UNIT/.test(f.rule)) {
          const canon = (x: string) => x.replace(/\s/g, '').replace(/百分比/, '%');
          const unit = canon(value.replace(/^[≥≤=<>\s]*[\d.]+/, ''));
          if (unit) expect({ where, keeps: canon(s).endsWith(unit) }).toEqual({ where, keeps: true });
        }
      }
    }
  });

  it('leaves a lower-is-better rate written rightly alone, whatever its field', () => {
    const lower = all.filter((c) => c[2] === 'rate' && c[3] === 'lower');
    expect(lower.length).toBeGreaterThanOrEqual(30);
    for (const [level2, level3] of lower) {
      expect({ level3, found: advice(level2, level3, '≤5%').map((f) => f.rule) }).toEqual({ level3, found: [] });
      expect({ level3, found: advice(level2, level3, '<3%').map((f) => f.rule) }).toEqual({ level3, found: [] });
    }
  });

  it('advises the flip, in the row\'s unit, when a lower-is-better rate is written with ≥ — never ≥100%', () => {
    for (const [level2, level3] of all.filter((c) => c[2] === 'rate' && c[3] === 'lower')) {
      const fs = advice(level2, level3, '≥1%');
      expect({ level3, pct: fs.filter((f) => f.rule === 'KPI-PCT-02').length }).toEqual({ level3, pct: 0 });
      const dir = fs.find((f) => f.rule === 'KPI-DIR-01');
      if (dir) expect({ level3, s: dir.suggestion }).toEqual({ level3, s: '≤1%' });
    }
  });

  it('flags a higher-is-better rate written with ≤ and suggests the lower bound it meant', () => {
    const higher = all.filter((c) => c[2] === 'rate' && c[3] === 'higher');
    let flagged = 0;
    for (const [level2, level3] of higher) {
      const dir = advice(level2, level3, '≤90%').find((f) => f.rule === 'KPI-DIR-02');
      if (dir) {
        flagged++;
        expect({ level3, s: dir.suggestion }).toEqual({ level3, s: '≥90%' });
      }
    }
    // Most named rates are known; the rest stay silent rather than guess.
    expect(flagged / higher.length).toBeGreaterThan(0.9);
  });

  it('stays silent on a rate whose good direction the name does not tell', () => {
    for (const level3 of ['外出务工率', '户籍人口迁入率', '人口自然增长率', '城镇化率', '少数民族学生比例']) {
      expect(senseIndicator({ level3 }).directionConfidence).not.toBe('high');
      expect({ level3, found: advice('社会效益指标', level3, '≤5%').filter((f) => /DIR/.test(f.rule)) }).toEqual({ level3, found: [] });
      expect({ level3, found: advice('社会效益指标', level3, '≥0.5%').filter((f) => /PCT-02/.test(f.rule)) }).toEqual({ level3, found: [] });
    }
  });

  it('keeps 个工作日 in the flip of a duration', () => {
    const dir = advice('时效指标', '工伤认定办结时限', '≥5 个工作日').find((f) => f.rule === 'KPI-DIR-01');
    expect(dir?.suggestion).toBe('≤5 个工作日');
  });

  it('judges tier tables by the inferred direction only where it is sure', () => {
    const tiers = (l3: string, t: [string, string, string, string]) =>
      findingsOf(tierGrid([...GOOD_TIERS, ['产出指标', l3, '比率', ...t, '统计报表']])).filter((f) => f.rule === 'KPI-TIER-01');
    // Unknown direction: the thresholds decide, and consistent ones are fine either way.
    expect(tiers('外出务工率', ['≤5%', '≤10%', '≤15%', '＞15%'])).toEqual([]);
    expect(tiers('外出务工率', ['≥15%', '≥10%', '≥5%', '＜5%'])).toEqual([]);
    // Known lower-is-better outside any word list: ≥ tiers are the wrong way round.
    expect(tiers('孕产妇死亡率', ['≥30%', '≥20%', '≥10%', '＜10%']).length).toBe(1);
    expect(tiers('孕产妇死亡率', ['≤1%', '≤2%', '≤3%', '＞3%'])).toEqual([]);
  });
});
