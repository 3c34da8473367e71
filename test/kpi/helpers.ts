/**
 * Literal 绩效目标表 grids for the KPI tests (figures from the seeds, wording our own).
 * Each builder returns exactly what range.values gives: strings, numbers, null under merges.
 */
import type { Finding } from '../../src/model/findings';
import { checkProject, parseKpiGrid, type KpiProject } from '../../src/model/kpi';

export type Row = (string | number | null)[];

export const H6 = ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'];

/** A well-formed set of indicator rows (must produce no finding at all). */
export const GOOD: Row[] = [
  ['产出指标', '数量指标', '享受补贴人员数量', '享受补贴人数', '≥158人', '政策要求'],
  [null, '质量指标', '补贴发放准确率', '准确发放人数占应发放人数的比例', '≥98%', '政策要求'],
  [null, '时效指标', '补贴发放及时率', '按时发放次数占应发放次数的比例', '≥95%', '政策要求'],
  [null, '成本指标', '人均补贴标准', '每人每月补贴', '≤300元/人', '政策要求'],
  ['效益指标', '社会效益指标', '困难人员就业率', '困难人员就业人数占比', '≥90%', '社会调查'],
  ['满意度指标', '服务对象满意度指标', '服务对象满意度', '满意人数占调查人数的比例', '≥90%', '社会调查'],
];

/** Layout 1: title, 绩效目标 line, header, rows (rows start at grid row 3 = sheet row 4). */
export function plainGrid(rows: Row[], goal: string | null = '保障公益性岗位补贴按时足额发放', title = '1.公益性岗位补贴绩效目标表'): Row[] {
  return [[title], ['绩效目标', goal], [...H6], ...rows.map((r) => [...r])];
}

export interface FullOptions {
  budget?: string | number;
  fiscal?: string | number;
  other?: string | number | null;
  plan?: (string | number | null)[];
  planLabels?: string[];
  goal?: string;
  use?: string;
  rows?: Row[];
}

/** Layout 2: header block (rows 0–8), then the grid from row 10 (sheet row 11). */
export function fullGrid(o: FullOptions = {}): Row[] {
  return [
    ['1.监察人员服装费绩效目标表'],
    ['323001 测试县人力资源和社会保障局本级'],
    ['单位：万元'],
    ['项目编码', '13082123P00007910001D', null, '项目名称', '监察人员服装费', null, null],
    ['预算规模及资金用途', '预算数', o.budget ?? '3.12', '其中：财政资金', o.fiscal ?? '3.12', '其他资金', o.other ?? null],
    [null, o.use ?? '为劳动保障监察人员定制服装'],
    ['资金支出计划（%）', ...(o.planLabels ?? ['3月底', '6月底', '10月底', '12月底'])],
    [null, ...(o.plan ?? ['25%', '50%', '75%', '100%'])],
    ['绩效目标', o.goal ?? '1.按时完成监察人员服装定制'],
    [...H6],
    ...(o.rows ?? GOOD).map((r) => [...r]),
  ];
}

export const H_TIER = ['绩效指标分类', '绩效指标', '绩效指标描述', '绩效指标评价标准', null, null, null, '评价标准确定依据'];
export const SUB_TIER = [null, null, null, '优', '良', '中', '差', null];

/** Tier rows that are right (quiet). */
export const GOOD_TIERS: Row[] = [
  ['产出指标', '劳动仲裁到期结案率（%）', '到期结案数量占需结案数量的比率', '≥90%', '≥80%', '≥70%', '＜70%', '统计报表'],
  [null, '办结业务数(件)', '当年办结的业务数量', '≥30件', '≥25件', '≥20件', '＜20件', '统计台账'],
  ['效果指标', '补助人群生活改善情况', '生活改善情况', '显著改善', '明显改善', '有所改善', '改善不明显', '问卷调查'],
  [null, '年度维护成本增长率（%）', '维护成本同期增长率（反向指标）', '≤10%', '≤15%', '≤20%', '＞20%', '财务数据'],
  ['满意度指标', '受益对象满意度(%)', '满意和较满意的受益对象占比', '≥95%', '≥90%', '≥80%', '＜80%', '调查问卷'],
];

/** Layout 3: title, goal, header, sub-header (优 良 中 差), rows from grid row 4 (sheet row 5). */
export function tierGrid(rows: Row[], goal = '严格按照要求受理劳动者各类案件，全年结案率100%'): Row[] {
  return [['1、劳动监察等劳动保障经费绩效目标表'], ['绩效目标', goal], [...H_TIER], [...SUB_TIER], ...rows.map((r) => [...r])];
}

/** Layout 4 (unit-wide): title, header, sub-header 符号/值/单位, rows from grid row 3 (sheet row 4). */
export function unitGrid(rows: Row[]): Row[] {
  return [
    ['（四）单位整体支出绩效指标'],
    ['一级指标', '二级指标', '三级指标', '评(扣)分标准', '绩效指标描述', '指标值', null, null, '指标值确定依据'],
    [null, null, null, null, null, '符号', '值', '单位', null],
    ...rows.map((r) => [...r]),
  ];
}

export function projectsOf(grid: Row[], formats?: string[][]): KpiProject[] {
  return parseKpiGrid(grid, { formats }).projects;
}

export function findingsOf(grid: Row[], formats?: string[][]): Finding[] {
  return projectsOf(grid, formats).flatMap((p) => checkProject(p));
}

/** Flattened `[cell, rule]` pairs, sorted, for exact assertions. */
export function pairs(fs: Finding[], filter?: (f: Finding) => boolean): [string, string][] {
  return fs
    .filter((f) => (filter ? filter(f) : true))
    .map((f) => [f.cell ?? '', f.rule] as [string, string])
    .sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1]));
}

export function rules(fs: Finding[]): string[] {
  return [...new Set(fs.map((f) => f.rule))].sort();
}

/** GOOD with row i replaced (or a row appended when i === GOOD.length). */
export function goodWith(i: number, row: Row): Row[] {
  const out = GOOD.map((r) => [...r]);
  out[i] = row;
  return out;
}
