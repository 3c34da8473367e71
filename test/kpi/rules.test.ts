/**
 * Every KPI rule has a positive case (the rule fires, on the expected cell) and a
 * negative case (a close but correct input keeps it quiet). The last test fails
 * when a rule id in KPI_RULES has no case here.
 */
import Decimal from 'decimal.js';
import type { Finding } from '../../src/model/findings';
import { analyzeKpi, checkDuplicateProjects, checkKpiAgainstBudget, KPI_RULES, parseKpiGrid, type KpiProject } from '../../src/model/kpi';
import { shanghaiGrid } from '../fixtures/kpi/shanghai';
import { findingsOf, fullGrid, GOOD, GOOD_TIERS, goodWith, plainGrid, tierGrid, unitGrid, type Row } from './helpers';

interface Case {
  rule: string;
  /** Grid (checked with checkProject) or a function returning findings. */
  positive: Row[] | (() => Finding[]);
  negative: Row[] | (() => Finding[]);
  /** Cell the positive finding must point at. */
  cell?: string;
  /** Words the message must contain (what is expected / the suggestion). */
  says?: string[];
}

const projects = (g: Row[]): KpiProject[] => parseKpiGrid(g).projects;
const xt = (budget: string, list?: [string, string][], total?: string) => () =>
  checkKpiAgainstBudget(projects(fullGrid({ budget, fiscal: budget })), total ? new Decimal(total) : undefined, list ? new Map(list.map(([k, v]) => [k, new Decimal(v)])) : undefined);

const blankHeader = (): Row[] => {
  const g = fullGrid();
  g[3] = ['项目编码', null, null, '项目名称', null, null, null];
  return g;
};
const twice = (titleB: string) => () =>
  checkDuplicateProjects([...projects(plainGrid(GOOD)).map((p) => ({ ...p, sheet: '1' })), ...projects(plainGrid(GOOD, undefined, titleB)).map((p) => ({ ...p, sheet: '2' }))]);

const shifted: Row[] = [['1.社区服务项目绩效目标表'], ['一级指标', '二级指标', '三级指标', '指标值'], ...Array.from({ length: 8 }, (_, i): Row => [null, '产出指标', '数量指标', `培训人次${i}`, '≥95人次'])];
const sheetOf = (g: Row[]) => () => analyzeKpi([{ name: '绩效', values: g } as never]).findings;

const tierRow = (l3: string, t: [string, string, string, string], desc = '比率'): Row => ['产出指标', l3, desc, ...t, '统计报表'];

const CASES: Case[] = [
  // Structure
  { rule: 'KPI-STRUCT-01', positive: plainGrid(goodWith(0, ['工作指标', '数量指标', '享受补贴人员数量', '人数', '≥158人', '政策要求'])), negative: plainGrid(GOOD), cell: 'A4' },
  { rule: 'KPI-STRUCT-02', positive: plainGrid(goodWith(1, [null, '进度指标', '补贴发放准确率', '比例', '≥98%', '政策要求'])), negative: plainGrid(GOOD), cell: 'B5', says: ['数量指标'] },
  { rule: 'KPI-STRUCT-03', positive: plainGrid(goodWith(4, ['效益指标', '数量指标', '困难人员就业率', '占比', '≥90%', '社会调查'])), negative: plainGrid(GOOD), cell: 'B8', says: ['产出指标'] },
  { rule: 'KPI-STRUCT-04', positive: plainGrid(GOOD.filter((r) => r[0] !== '效益指标')), negative: plainGrid(GOOD), cell: 'A1', says: ['效益指标'] },
  { rule: 'KPI-STRUCT-05', positive: plainGrid(GOOD.slice(0, 5)), negative: plainGrid(GOOD), cell: 'A1' },
  { rule: 'KPI-STRUCT-06', positive: plainGrid([...GOOD, [null, '可持续影响指标', '补贴发放及时率', '同上', '≥95%', '政策要求']]), negative: plainGrid(GOOD), cell: 'C10' },
  { rule: 'KPI-STRUCT-07', positive: plainGrid(goodWith(2, [null, '时效指标', '补贴发放及时率', '比例', '', '政策要求'])), negative: plainGrid(GOOD), cell: 'E6' },
  { rule: 'KPI-STRUCT-08', positive: plainGrid(goodWith(2, [null, '时效指标', '补贴发放及时率', '比例', '≥95%', null])), negative: plainGrid(GOOD), cell: 'F6' },
  { rule: 'KPI-STRUCT-09', positive: plainGrid([...GOOD, [null, '可持续影响指标', null, null, null, null]]), negative: plainGrid(GOOD), cell: 'C10' },
  { rule: 'KPI-GOAL-01', positive: plainGrid(GOOD, null), negative: plainGrid(GOOD) },
  { rule: 'KPI-GOAL-02', positive: plainGrid(GOOD, '1.目标内容 1'), negative: plainGrid(GOOD, '1.按时足额发放补贴 2.稳定就业'), cell: 'B2' },
  { rule: 'KPI-GOAL-03', positive: plainGrid(GOOD, '1.目标内容 1、按时足额发放公益性岗位补贴'), negative: plainGrid(GOOD, '1.按时足额发放公益性岗位补贴'), cell: 'B2', says: ['目标内容'] },
  { rule: 'KPI-DUP-01', positive: twice('1.公益性岗位补贴绩效目标表'), negative: twice('2.就业见习补贴绩效目标表'), says: ['1!A1'] },
  // Values
  { rule: 'KPI-VAL-02', positive: plainGrid(goodWith(4, ['效益指标', '社会效益指标', '失业人员再就业', '再就业情况', '失业人员再就业', '社会调查'])), negative: plainGrid(goodWith(4, ['效益指标', '社会效益指标', '失业人员再就业人数', '再就业情况', '≥95 人', '社会调查'])), cell: 'E8', says: ['指标名称'] },
  { rule: 'KPI-VAG-01', positive: plainGrid(goodWith(4, ['效益指标', '经济效益指标', '带动消费情况', '消费增长', '提高', '社会调查'])), negative: plainGrid(goodWith(4, ['效益指标', '经济效益指标', '带动消费情况', '消费增长', '明显改善', '社会调查'])), cell: 'E8' },
  { rule: 'KPI-VAG-02', positive: plainGrid(goodWith(4, ['效益指标', '社会效益指标', '维护社会稳定', '社会稳定', '≥90%', '社会调查'])), negative: plainGrid(goodWith(4, ['效益指标', '社会效益指标', '维护社会稳定', '社会稳定', '效果显著', '社会调查'])), cell: 'E8' },
  { rule: 'KPI-UNIT-05', positive: plainGrid(goodWith(1, [null, '质量指标', '16-59周岁参保人数', '参保人数', '≥100%', '政策要求'])), negative: plainGrid(goodWith(1, [null, '质量指标', '16-59周岁参保人数', '参保人数', '≥3000 人', '政策要求'])), cell: 'E5', says: ['人'] },
  { rule: 'KPI-MIS-03', positive: fullGrid({ budget: '17.14', fiscal: '17.14', rows: goodWith(0, ['产出指标', '数量指标', '协办人员劳务费用', '劳务费用', '17.14 万元', '预算']) }), negative: fullGrid({ budget: '17.14', fiscal: '17.14', rows: goodWith(0, ['产出指标', '数量指标', '财政补助数额', '补助金额', '17.14 万元', '预算']) }), cell: 'E11', says: ['17.14'] },
  { rule: 'KPI-MIS-04', positive: plainGrid(goodWith(2, [null, '时效指标', '征缴收入（万元）', '征缴收入', '2000万元', '征缴计划'])), negative: plainGrid(goodWith(2, [null, '时效指标', '征缴及时率', '按时征缴占比', '≥95%', '征缴计划'])), cell: 'E6', says: ['时效指标'] },
  { rule: 'KPI-COST-03', positive: fullGrid({ rows: goodWith(4, ['效益指标', '社会效益指标', '补贴发放金额', '发放金额', '≥20 万元', '预算']) }), negative: fullGrid({ rows: goodWith(4, ['效益指标', '社会效益指标', '补贴发放金额', '发放金额', '≥3 万元', '预算']) }), cell: 'E15', says: ['3.12'] },
  { rule: 'KPI-VAL-01', positive: plainGrid(goodWith(4, ['效益指标', '社会效益指标', '总体就业率', '群体性事件', '《1', '社会调查'])), negative: plainGrid(GOOD), cell: 'E8' },
  { rule: 'KPI-UNIT-01', positive: plainGrid(goodWith(2, [null, '时效指标', '养老金待遇发放率', '发放率', '≥225816 人', '政策要求'])), negative: plainGrid(GOOD), cell: 'E6', says: ['%', '人'] },
  { rule: 'KPI-UNIT-02', positive: plainGrid(goodWith(5, ['满意度指标', '服务对象满意度指标', '服务对象满意度', '满意度', '≥90', '社会调查'])), negative: plainGrid(GOOD), cell: 'E9', says: ['≥90%'] },
  { rule: 'KPI-UNIT-03', positive: plainGrid(goodWith(2, [null, '时效指标', '补贴是否发放', '是否发放', '≥1', '政策要求'])), negative: plainGrid(goodWith(2, [null, '时效指标', '补贴是否发放', '是否发放', '是', '政策要求'])), cell: 'E6', says: ['是否'] },
  { rule: 'KPI-UNIT-04', positive: plainGrid(goodWith(4, ['效益指标', '经济效益指标', '再就业人数', '再就业人数', '≥500 万元', '政策要求'])), negative: plainGrid(goodWith(4, ['效益指标', '经济效益指标', '再就业人数', '再就业人数', '≥500 人', '政策要求'])), cell: 'E8', says: ['人'] },
  { rule: 'KPI-PCT-01', positive: plainGrid(goodWith(2, [null, '时效指标', '补贴发放及时率', '比例', '292%', '政策要求'])), negative: plainGrid(goodWith(2, [null, '时效指标', '补贴发放及时率', '比例', '≥92%', '政策要求'])), cell: 'E6', says: ['≥92%'] },
  { rule: 'KPI-PCT-02', positive: plainGrid(goodWith(1, [null, '质量指标', '发放率', '按时足额发放的比例', '≥0.95 百分比', '政策要求'])), negative: plainGrid(goodWith(1, [null, '质量指标', '发放差错率', '差错人数占比', '≤1 百分比', '政策要求'])), cell: 'E5', says: ['≥95%'] },
  { rule: 'KPI-PCT-03', positive: plainGrid(goodWith(1, [null, '质量指标', '资金拨付及时率', '比例', '≥100%', '政策要求'])), negative: plainGrid(goodWith(1, [null, '质量指标', '资金拨付及时率', '比例', '=100%', '政策要求'])), cell: 'E5', says: ['=100%'] },
  { rule: 'KPI-SAT-01', positive: plainGrid(goodWith(5, ['满意度指标', '服务对象满意度指标', '服务对象满意度', '满意度', '≥60%', '社会调查'])), negative: plainGrid(goodWith(5, ['满意度指标', '服务对象满意度指标', '服务对象满意度', '满意度', '≥85%', '社会调查'])), cell: 'E9', says: ['80%'] },
  { rule: 'KPI-OP-01', positive: plainGrid(goodWith(1, [null, '质量指标', '补贴发放准确率', '比例', '95 百分比', '政策要求'])), negative: plainGrid(goodWith(1, [null, '质量指标', '补贴发放准确率', '比例', '100%', '政策要求'])), cell: 'E5', says: ['≥95%'] },
  { rule: 'KPI-DIR-01', positive: plainGrid(goodWith(1, [null, '质量指标', '待遇发放差错率', '差错人数占比', '≥1%', '政策要求'])), negative: plainGrid(goodWith(1, [null, '质量指标', '待遇发放差错率', '差错人数占比', '≤1%', '政策要求'])), cell: 'E5', says: ['≤1%'] },
  { rule: 'KPI-DIR-02', positive: plainGrid(goodWith(1, [null, '质量指标', '补贴发放准确率', '比例', '≤90%', '政策要求'])), negative: plainGrid(GOOD), cell: 'E5', says: ['≥90%'] },
  { rule: 'KPI-QUAL-01', positive: plainGrid(goodWith(1, [null, '质量指标', '养老金待遇发放差错率', '差错率', '每月月底前', '政策要求'])), negative: plainGrid(goodWith(1, [null, '质量指标', '养老金待遇发放质量', '发放质量', '效果显著', '政策要求'])), cell: 'E5' },
  { rule: 'KPI-MIS-01', positive: plainGrid(goodWith(0, ['产出指标', '数量指标', '享受补贴人员数量', '人数', '≥80%', '政策要求'])), negative: plainGrid(GOOD), cell: 'E4' },
  { rule: 'KPI-MIS-02', positive: plainGrid(goodWith(3, [null, '成本指标', '补贴标准', '补贴标准', '≥500 人', '政策要求'])), negative: plainGrid(GOOD), cell: 'E7' },
  { rule: 'KPI-COST-01', positive: fullGrid({ rows: goodWith(3, [null, '成本指标', '服装采购成本', '采购费用', '≤5万元', '合同']) }), negative: fullGrid({ rows: goodWith(3, [null, '成本指标', '服装采购成本', '采购费用', '≤3万元', '合同']) }), cell: 'E14', says: ['3.12'] },
  { rule: 'KPI-COST-02', positive: fullGrid({ rows: goodWith(3, [null, '成本指标', '服装采购成本', '采购费用', '≤3.12元', '合同']) }), negative: fullGrid({ rows: goodWith(3, [null, '成本指标', '服装采购成本', '采购费用', '≤3.12万元', '合同']) }), cell: 'E14', says: ['≤3.12万元'] },
  { rule: 'KPI-MGMT-01', positive: plainGrid(goodWith(2, [null, '时效指标', '预算执行率', '执行进度', '≥90%', '政策要求'])), negative: plainGrid(GOOD), cell: 'C6' },
  // Project header
  { rule: 'KPI-HDR-01', positive: fullGrid({ budget: '24.30', fiscal: '24.00' }), negative: fullGrid({ budget: '24.30', fiscal: '20.30', other: '4.00' }), cell: 'C5', says: ['24.00'] },
  { rule: 'KPI-HDR-02', positive: fullGrid({ budget: '见附件' }), negative: fullGrid({ budget: 3.12, fiscal: 3.12 }), cell: 'C5' },
  { rule: 'KPI-PLAN-01', positive: fullGrid({ plan: ['25%', '120%', '75%', '100%'] }), negative: fullGrid(), cell: 'C8' },
  { rule: 'KPI-PLAN-02', positive: fullGrid({ plan: ['25.00', '50.00', '100.00', '0.00'], planLabels: ['第一季度', '第二季度', '第三季度', '第四季度'] }), negative: fullGrid({ plan: ['25.00', '50.00', '100.00', null], planLabels: ['第一季度', '第二季度', '第三季度', '第四季度'] }), cell: 'E8' },
  { rule: 'KPI-PLAN-03', positive: fullGrid({ plan: ['25%', '25%', '25%', '25%'] }), negative: fullGrid({ plan: [null, null, '100%', null] }), cell: 'E8', says: ['25、50、75、100'] },
  { rule: 'KPI-CALC-01', positive: fullGrid({ goal: '本科135人，每人每月2688元，共计4386816元' }), negative: fullGrid({ goal: '本科135人，每人每月2688元，共计4354560元' }), cell: 'B9', says: ['4354560'] },
  { rule: 'KPI-SHEET-01', positive: sheetOf(shifted), negative: sheetOf(plainGrid(GOOD)), cell: 'A1', says: ['社区服务'] },
  { rule: 'KPI-HDR-04', positive: shanghaiGrid({ annual: 900000 }) as Row[], negative: shanghaiGrid() as Row[], cell: 'E7', says: ['当年财政拨款'] },
  { rule: 'KPI-CALC-03', positive: plainGrid(goodWith(3, [null, '成本指标', '人均补贴标准', '135人×2688元×12=4386816元', '≤300元/人', '政策要求'])), negative: plainGrid(goodWith(3, [null, '成本指标', '人均补贴标准', '135人×2688元×12=4354560元', '≤300元/人', '政策要求'])), cell: 'D7', says: ['4354560'] },
  { rule: 'KPI-CALC-04', positive: fullGrid({ budget: '7.76', fiscal: '7.76', use: '每人0.7元，8.4万人，计8.88万元；流量费200元，全年需要经费7.76万元。' }), negative: fullGrid({ budget: '7.76', fiscal: '7.76', use: '每人0.7元，8.4万人，计5.88万元；流量费200元，全年需要经费7.76万元。' }), cell: 'B6', says: ['8.88'] },
  { rule: 'KPI-HDR-03', positive: blankHeader(), negative: fullGrid(), cell: 'B4', says: ['项目编码'] },
  { rule: 'KPI-CALC-02', positive: fullGrid({ budget: '2.00', fiscal: '2.00', use: '1.系统维护费 1.6 万元。2.软件服务费 0.5 万元。' }), negative: fullGrid({ budget: '2.00', fiscal: '2.00', use: '1.系统维护费 1.6 万元。2.软件服务费 0.4 万元。' }), cell: 'B6', says: ['2.10'] },
  // Tier tables
  { rule: 'KPI-TIER-01', positive: tierGrid([...GOOD_TIERS, tierRow('故障降低率(％)', ['≤10%', '≤20%', '≤30%', '＞30%'], '故障发生同期下降比率')]), negative: tierGrid([...GOOD_TIERS, tierRow('故障降低率(％)', ['≥30%', '≥20%', '≥15%', '＜15%'], '故障发生同期下降比率')]), cell: 'D10', says: ['方向反了'] },
  { rule: 'KPI-TIER-02', positive: tierGrid([...GOOD_TIERS, tierRow('资金发放到位率', ['≥95%', '≥90%', '≥85%', '＜70%'])]), negative: tierGrid([...GOOD_TIERS, tierRow('资金发放到位率', ['≥95%', '≥90%', '≥85%', '＜85%'])]), cell: 'G10', says: ['70%–85%'] },
  { rule: 'KPI-TIER-03', positive: tierGrid([...GOOD_TIERS, tierRow('就业人数增长率', ['增长率≥20%', '20%>增长率≥10%', '10%≥增长率≥5%', '增长率<5%'])]), negative: tierGrid([...GOOD_TIERS, tierRow('就业人数增长率', ['增长率≥20%', '20%>增长率≥10%', '10%>增长率≥5%', '增长率<5%'])]), cell: 'F10', says: ['10%'] },
  { rule: 'KPI-TIER-04', positive: tierGrid([...GOOD_TIERS, tierRow('受训人员满意度', ['≥90%', '≥80%', '≥70%', '70%'])]), negative: tierGrid([...GOOD_TIERS, tierRow('受训人员满意度', ['≥90%', '≥80%', '≥70%', '＜70%'])]), cell: 'G10', says: ['<70%'] },
  // Across tables
  { rule: 'KPI-XT-01', positive: xt('3.12', [['监察人员服装费', '3.00']]), negative: xt('3.12', [['监察人员服装费', '3.12']]), cell: 'C5', says: ['3.00'] },
  { rule: 'KPI-XT-02', positive: xt('3.12', undefined, '10.00'), negative: xt('3.12', undefined, '3.12') },
  { rule: 'KPI-XT-03', positive: xt('3.12', [['办公楼维修', '3.12']]), negative: xt('3.12', [['监察人员服装费', '3.12']]) },
];

function run(input: Row[] | (() => Finding[])): Finding[] {
  return typeof input === 'function' ? input() : findingsOf(input);
}

describe.each(CASES)('$rule', (c) => {
  it('fires on the positive case', () => {
    const hits = run(c.positive).filter((f) => f.rule === c.rule);
    expect(hits.length).toBeGreaterThan(0);
    const def = KPI_RULES[c.rule];
    for (const h of hits) {
      expect(h.severity).toBe(def.severity);
      expect(h.message).not.toMatch(/\{\w+\}/); // every placeholder filled
    }
    if (c.cell) expect(hits.map((h) => h.cell)).toContain(c.cell);
    for (const w of c.says ?? []) expect(hits.map((h) => h.message).join('\n')).toContain(w);
  });
  it('stays quiet on the negative case', () => {
    expect(run(c.negative).filter((f) => f.rule === c.rule)).toEqual([]);
  });
});

describe('rule catalogue coverage', () => {
  it('has a positive and a negative case for every KPI rule', () => {
    const covered = new Set(CASES.map((c) => c.rule));
    const missing = Object.keys(KPI_RULES).filter((id) => !covered.has(id));
    expect(missing).toEqual([]);
  });
  it('uses ids that exist and messages that name what is expected', () => {
    for (const c of CASES) expect(KPI_RULES[c.rule]).toBeDefined();
    for (const r of Object.values(KPI_RULES)) {
      expect(r.id).toMatch(/^KPI-[A-Z]+-\d{2}$/);
      expect(r.tags).toContain('#kpi');
      expect(r.message).toMatch(/应|建议|无法|不/);
    }
  });
  it('grades as kpi.md says', () => {
    const sev = (id: string) => KPI_RULES[id].severity;
    for (const id of ['KPI-UNIT-01', 'KPI-VAL-01', 'KPI-HDR-01', 'KPI-PLAN-02', 'KPI-PLAN-03']) expect(sev(id)).toBe('error');
    for (const id of ['KPI-PCT-02', 'KPI-SAT-01', 'KPI-MIS-01', 'KPI-MIS-02', 'KPI-OP-01', 'KPI-QUAL-01', 'KPI-STRUCT-05', 'KPI-XT-02']) expect(sev(id)).toBe('warning');
    for (const id of ['KPI-PCT-03', 'KPI-MGMT-01']) expect(sev(id)).toBe('info');
  });
});

describe('well-formed tables', () => {
  it.each([
    ['layout 1', plainGrid(GOOD)],
    ['layout 2', fullGrid()],
    ['layout 3', tierGrid(GOOD_TIERS)],
    [
      'layout 4',
      unitGrid([
        ['单位产出', '数量', '培训人数', '完成培训人数', '年度培训人数', '≥', 500, '人', '工作计划'],
        [null, '质量', '培训合格率', '合格人数占比', '合格率', '≥', '95%', null, '工作计划'],
        ['单位效果', '社会效益', '就业率', '就业人数占比', '就业率', '≥', '90%', null, '统计报表'],
        [null, '满意度', '服务群众满意度', '满意人数占比', '满意度', '≥', '95%', null, '问卷调查'],
      ]),
    ],
  ])('%s produces no finding', (_, grid) => {
    expect(findingsOf(grid as Row[]).map((f) => [f.cell, f.rule, f.message])).toEqual([]);
  });
});

describe('a budget stated in the 绩效目标 text', () => {
  it('stands in for the 预算数 cell a plain layout lacks', () => {
    const rows = goodWith(3, [null, '成本指标', '服装采购成本', '采购费用', '≤5万元', '合同']);
    const over = findingsOf(plainGrid(rows, '为监察人员定制服装，请财政安排2023年预算2万元')).filter((f) => f.rule === 'KPI-COST-01');
    expect(over.map((f) => f.cell)).toEqual(['E7']);
    expect(over[0].message).toContain('2.00');
    expect(findingsOf(plainGrid(rows, '为监察人员定制服装，请财政安排2023年预算8万元')).filter((f) => f.rule === 'KPI-COST-01')).toEqual([]);
  });
});
