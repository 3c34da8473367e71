/**
 * The 绩效目标表 rules (rules.ts) applied to parsed projects. Each finding points at
 * the cell a clerk has to change: the 指标值 cell for a value rule, the 预算数 cell for
 * a budget rule, the tier cell for a threshold, the title/header for the project.
 */
import { makeFinding, type Finding, type Params } from '../findings';
import { Decimal, fmt, readAmount, sum, ZERO } from '../money';
import { toHalfWidth } from '../text';
import { fastNorm as norm } from './fastnorm';
import {
  coreName,
  countKindCore,
  directionOfCore,
  isCostUnit,
  isMoneyUnit,
  isQuantitativeCore,
  isRateCore,
  isSatisfaction,
  isSatisfactionCore,
  toWanYuan,
} from './direction';
import { KPI_RULES } from './rules';
import { classifyLevel1, classifyLevel2, LEVEL1, allowedLevel2Names, level2Allowed, parentsOf, type Level1Key } from './taxonomy';
import { analyzeTiers } from './tiers';
import type { UnitTables } from '../budget/types';
import type { KpiIndicator, KpiProject } from './types';
import { fmtNumber, unitFromName } from './value';
import { append } from '../collect';

export interface CheckContext {
  /** 项目支出 by project from the budget tables (万元), keyed by project name; enables KPI-XT-01/03. */
  budgetProjects?: Map<string, Decimal>;
}

type Where = Omit<Finding, 'rule' | 'severity' | 'message' | 'params'>;

function add(out: Finding[], id: string, params: Params, where: Where): void {
  const def = KPI_RULES[id];
  out.push(makeFinding(def, params, where));
}

const MGMT_NAME = /(预算(资金)?执行率|资金执行率|资金到位率|(预算)?(资金)?支出进度|执行进度|支付进度|结余率|结转率|科目调整|预算调整次数|资金拨付率|资金支付率|资金使用率)/;
const TIME_UNIT = /^(天|日|工作日|月|个月|年|周|小时|分钟|秒)$/;
const GROWTH = /增长|增幅|提高率|提升率|增加率/;
const YES_NO = /是否/;
const SERVES_PEOPLE = /(群众|居民|参保|人员|职工|农民|对象|服务|就业|退休|学员|学生|患者|企业|创业|贫困|困难|补贴|补助|待遇|救助|培训|社会保险|养老)/;
const PLACEHOLDER = /目标内容\s*\d*|^(中长期目标|年度目标|长期目标)\s*[(（][^)）]*[)）]$|^(请填写|请输入|[xX×]{2,})|^[(（]?略[)）]?$/;

function money2(d: Decimal): string {
  return fmt(d);
}

/** The project's budget in 万元 (header amounts may be stated in 元). */
export function projectBudgetWan(p: KpiProject): Decimal | null {
  if (p.budget === undefined) return null;
  const a = readAmount(p.budget, 6);
  if (a.kind !== 'number' || !a.value) return null;
  return p.amountUnit === '元' ? a.value.div(10000) : p.amountUnit === '亿元' ? a.value.mul(10000) : a.value;
}

/* ---------- indicators ---------- */

function label(ind: KpiIndicator): string {
  return ind.level3 || ind.description || ind.value || '（未命名指标）';
}

function checkIndicator(p: KpiProject, ind: KpiIndicator, out: Finding[], budgetWan: Decimal | null): void {
  const sheet = p.sheet;
  const table = p.name;
  const at = (cell: string | undefined): Where => ({ sheet, table, cell: cell ?? ind.cells.row });
  const name = label(ind);
  const l1 = classifyLevel1(ind.level1);
  const l2 = classifyLevel2(ind.level2);
  const unitWide = p.layout === 4;

  // Structure
  if (!ind.carried?.level1) {
    if (!l1) add(out, 'KPI-STRUCT-01', { level1: ind.level1 || '（空）' }, at(ind.cells.level1));
  }
  if (ind.cells.level2 && ind.level2 && !ind.carried?.level2) {
    if (!l2) {
      const hint = l1 ? `，“${LEVEL1[l1].name}”下应为 ${allowedLevel2Names(l1).join('、')}` : '';
      add(out, 'KPI-STRUCT-02', { level2: ind.level2, hint }, at(ind.cells.level2));
    } else if (l1 && !level2Allowed(l1, l2, unitWide)) {
      const expected = parentsOf(l2)
        .map((k) => LEVEL1[k].name)
        .join('或');
      add(out, 'KPI-STRUCT-03', { level2: ind.level2, level1: ind.level1, expected }, { ...at(ind.cells.level2), expected });
    }
  }
  if (!ind.level3 && !ind.description) {
    add(out, 'KPI-STRUCT-09', { level2: ind.level2 || ind.level1 || '本表' }, at(ind.cells.level3 ?? ind.cells.row));
    if (ind.parsed.kind === 'empty') return;
  }
  const v = ind.parsed;
  if (v.kind === 'empty') add(out, 'KPI-STRUCT-07', { level3: name }, at(ind.cells.value));
  if (ind.cells.basis && !ind.basis) add(out, 'KPI-STRUCT-08', { level3: name }, at(ind.cells.basis));
  if (v.kind === 'garbage') add(out, 'KPI-VAL-01', { value: ind.value }, at(ind.cells.value));

  // Tier thresholds beyond 优 (优 is `parsed`).
  if (ind.tiers) {
    for (const t of ['良', '中', '差'] as const) {
      const tier = ind.tiers[t];
      if (tier.parsed.kind === 'garbage') add(out, 'KPI-VAL-01', { value: tier.raw }, at(tier.cell));
    }
  }

  const core = coreName(ind.level3);
  const dir = directionOfCore(core, ind.description);
  const rate = isRateCore(core, ind.description);
  const rateByName = isRateCore(core);
  const sat = isSatisfactionCore(core, ind.description);
  const isCost = l2 === '成本' || l1 === '成本';
  const tiered = !!ind.tiers;
  const valueWhere = at(ind.cells.value);
  const shown = ind.value;

  if (v.kind === 'quantitative' && v.number !== undefined) {
    const n = v.number;
    // A bare number takes the unit the name states in brackets (`培训次数（次）`).
    const u = v.unit ?? (v.percentFromFormat ? '%' : unitFromName(ind.level3));
    const op = v.op;
    const opShown = op ?? '';
    let pct02 = false;

    if (rate && u && u !== '%' && u !== '‰') {
      const hint = n >= 0 && n <= 100 && !TIME_UNIT.test(u) ? `（应为 ${op ?? (dir === 'lower' ? '≤' : '≥')}${fmtNumber(n)}%？）` : '';
      add(out, 'KPI-UNIT-01', { level3: name, unit: u, hint }, { ...valueWhere, expected: '%', actual: u, suggestion: hint.replace(/[（）？]/g, '') || undefined });
    }
    if (rate && (u === '%' || !u) && n > 0 && n <= 1 && dir !== 'lower' && op !== '≤' && op !== '<' && !v.percentFromFormat) {
      pct02 = true;
      const fixed = `${opShown}${fmtNumber(n * 100)}%`;
      add(out, 'KPI-PCT-02', { level3: name, value: shown, number: fmtNumber(n), hint: `（应为 ${fixed}？）` }, { ...valueWhere, suggestion: fixed });
    }
    if (rate && !u && !pct02) {
      const fixed = `${opShown}${fmtNumber(n)}%`;
      add(out, 'KPI-UNIT-02', { level3: name, value: shown, hint: `（应为 ${fixed}）` }, { ...valueWhere, suggestion: fixed });
    }
    const ck = countKindCore(core);
    if (ck && isMoneyUnit(u)) {
      const expected = ck === 'persons' ? '人' : ck === 'times' ? '次' : ck === 'households' ? '户' : '个、件等计数单位';
      add(out, 'KPI-UNIT-04', { level3: name, unit: u ?? '', expected }, { ...valueWhere, expected, actual: u });
    }
    if (!rate && !u && !isCost) {
      const hint = YES_NO.test(ind.level3) ? '；是否类指标宜写“是”或 =100%' : '';
      add(out, 'KPI-UNIT-03', { value: shown, hint }, valueWhere);
    }
    if (u === '%' && !GROWTH.test(ind.level3)) {
      if (n > 100 || n < 0) {
        const s = fmtNumber(n);
        const lost = n > 100 && /^2\d{1,2}(\.\d+)?$/.test(s) && Number(s.slice(1)) <= 100 ? `（是否漏了“≥”，应为 ≥${s.slice(1)}%？）` : '';
        add(out, 'KPI-PCT-01', { value: shown, hint: lost }, { ...valueWhere, suggestion: lost ? `≥${s.slice(1)}%` : undefined });
      } else if (op === '>' && n >= 100) {
        add(out, 'KPI-PCT-01', { value: shown, hint: '（应为 =100%）' }, { ...valueWhere, suggestion: '=100%' });
      } else if (op === '≥' && n === 100) {
        add(out, 'KPI-PCT-03', { value: shown }, { ...valueWhere, suggestion: '=100%' });
      }
    }
    if (sat && (u === '%' || (!u && rate)) && n > 1 && n < 80 && op !== '≤' && op !== '<') {
      add(out, 'KPI-SAT-01', { level3: name, number: fmtNumber(n) }, valueWhere);
    }
    if (!tiered && !op && !v.range && (u === '%' || (rate && !u)) && n !== 100 && !pct02) {
      const fixed = `${dir === 'lower' ? '≤' : '≥'}${fmtNumber(n)}%`;
      add(out, 'KPI-OP-01', { value: shown, hint: `，应为 ${fixed}？` }, { ...valueWhere, suggestion: fixed });
    }
    if (!tiered && dir === 'lower' && (op === '≥' || op === '>')) {
      const fixed = `≤${fmtNumber(n)}${u ?? ''}`;
      add(out, 'KPI-DIR-01', { level3: name, value: shown, hint: `（应为 ${fixed}？）` }, { ...valueWhere, suggestion: fixed });
    }
    if (!tiered && dir === 'higher' && (op === '≤' || op === '<')) {
      const fixed = u === '%' && n === 100 ? '=100%' : `≥${fmtNumber(n)}${u ?? ''}`;
      add(out, 'KPI-DIR-02', { level3: name, value: shown, hint: `（应为 ${fixed}？）` }, { ...valueWhere, suggestion: fixed });
    }
    if (l2 === '数量' && u === '%') {
      add(out, 'KPI-MIS-01', { level3: name, value: shown }, valueWhere);
    }
    if (isCost && (u === '%' || rate || !isCostUnit(u))) {
      const reason = u === '%' ? '是百分比' : rate ? '是比率' : !u ? '没有单位' : `的单位是“${u}”`;
      add(out, 'KPI-MIS-02', { level3: name, value: shown, reason }, valueWhere);
    } else if (isCost && budgetWan && budgetWan.gt(0) && isMoneyUnit(u)) {
      const budgetNum = budgetWan.toNumber();
      if (u === '元' && n === budgetNum) {
        const expected = `${opShown}${fmtNumber(n)}万元`;
        add(out, 'KPI-COST-02', { level3: name, value: shown, budget: money2(budgetWan), expected }, { ...valueWhere, expected, suggestion: expected });
      } else {
        const wan = toWanYuan(n, u);
        if (wan !== null && new Decimal(wan).minus(budgetWan).gt(0.005)) {
          add(out, 'KPI-COST-01', { level3: name, amount: fmtNumber(wan), budget: money2(budgetWan) }, { ...valueWhere, expected: `≤${money2(budgetWan)}万元`, actual: `${fmtNumber(wan)}万元` });
        }
      }
    }
  }

  if ((v.kind === 'qualitative' || v.kind === 'date') && (isQuantitativeCore(core) || rateByName)) {
    const hint = rate || rateByName ? `（如 ${dir === 'lower' ? '≤5%' : '≥95%'}）` : '（如 ≥100 人、≥2 次）';
    add(out, 'KPI-QUAL-01', { level3: name, value: shown, hint }, valueWhere);
  }

  const l1ForMgmt: Level1Key | null = l1 ?? (l2 ? parentsOf(l2)[0] ?? null : null);
  const mgmtName = MGMT_NAME.test(core);
  const mgmtRef = v.kind === 'reference' && /预算/.test(v.ref ?? '');
  if ((mgmtName || mgmtRef) && (l1ForMgmt === '产出' || l1ForMgmt === '效益')) {
    add(out, 'KPI-MGMT-01', { level3: name }, at(ind.cells.level3 ?? ind.cells.value));
  }

  if (ind.tiers) {
    for (const prob of analyzeTiers(ind.tiers, dir)) {
      const rowWhere = at(ind.cells.value ?? ind.cells.row);
      switch (prob.kind) {
        case 'noop':
          add(out, 'KPI-TIER-04', { level3: name, tier: prob.tier, value: prob.value, hint: prob.hint }, { ...at(ind.tiers[prob.tier].cell), suggestion: prob.hint.replace(/^，应为 |？$/g, '') });
          break;
        case 'direction':
          add(out, 'KPI-TIER-01', { level3: name, tiers: prob.tiers, problem: '方向反了', expected: prob.expected }, rowWhere);
          break;
        case 'order':
          add(out, 'KPI-TIER-01', { level3: name, tiers: prob.tiers, problem: '没有逐级变化', expected: prob.expected }, rowWhere);
          break;
        case 'gap':
          add(out, 'KPI-TIER-02', { level3: name, better: prob.better, worse: prob.worse, gap: prob.text }, at(ind.tiers[prob.worse].cell));
          break;
        case 'overlap':
          add(out, 'KPI-TIER-03', { level3: name, better: prob.better, worse: prob.worse, overlap: prob.text }, at(ind.tiers[prob.worse].cell));
          break;
      }
    }
  }
}

/* ---------- project header ---------- */

function checkHeader(p: KpiProject, out: Finding[]): void {
  const base: Where = { sheet: p.sheet, table: p.name };
  if (p.budget !== undefined) {
    const fields: [string, string | undefined, string | undefined][] = [
      ['预算数', p.budget, p.cells.budget],
      ['财政资金', p.fiscal, p.cells.fiscal],
      ['其他资金', p.other, p.cells.other],
    ];
    let bad = false;
    for (const [field, value, cell] of fields) {
      if (value === undefined) continue;
      const a = readAmount(value);
      if (a.kind === 'text' || a.kind === 'error') {
        bad = true;
        add(out, 'KPI-HDR-02', { field, value }, { ...base, cell });
      }
    }
    const budget = readAmount(p.budget);
    const fiscal = p.fiscal !== undefined ? readAmount(p.fiscal) : null;
    const other = p.other !== undefined ? readAmount(p.other) : null;
    const has = (a: ReturnType<typeof readAmount> | null) => !!a && a.kind === 'number';
    if (!bad && budget.kind === 'number' && budget.value && (has(fiscal) || has(other))) {
      const f = has(fiscal) ? (fiscal!.value as Decimal) : ZERO;
      const o = has(other) ? (other!.value as Decimal) : ZERO;
      const total = f.plus(o);
      const diff = budget.value.minus(total);
      if (diff.abs().gte(0.005)) {
        add(
          out,
          'KPI-HDR-01',
          { budget: fmt(budget.value), fiscal: fmt(f), other: fmt(o), expected: fmt(total), diff: fmt(diff) },
          { ...base, cell: p.cells.budget, expected: fmt(total), actual: fmt(budget.value), diff: fmt(diff) },
        );
      }
    }
  }

  const plan = p.plan ?? [];
  const filled = plan.filter((x) => x.value !== null);
  if (filled.length) {
    for (const x of filled) {
      if ((x.value as number) < 0 || (x.value as number) > 100) add(out, 'KPI-PLAN-01', { label: x.label, value: fmtNumber(x.value as number) }, { ...base, cell: x.cell });
    }
    let decreasing = false;
    for (let i = 1; i < filled.length; i++) {
      const prev = filled[i - 1].value as number;
      const cur = filled[i].value as number;
      if (cur < prev) {
        decreasing = true;
        const total = filled.reduce((s, x) => s + (x.value as number), 0);
        const hint = Math.abs(total - 100) < 1e-9 ? `（各期之和为 100%，像是按期填写，累计应为 ${cumulative(filled)}）` : '';
        add(out, 'KPI-PLAN-02', { label: filled[i].label, value: fmtNumber(cur), previous: fmtNumber(prev), hint }, { ...base, cell: filled[i].cell });
        break;
      }
    }
    const last = filled[filled.length - 1];
    if (!decreasing && Math.abs((last.value as number) - 100) > 1e-9) {
      const total = filled.reduce((s, x) => s + (x.value as number), 0);
      const hint = Math.abs(total - 100) < 1e-9 && filled.length > 1 ? `（各期之和为 100%，像是按期填写，累计应为 ${cumulative(filled)}）` : '';
      add(out, 'KPI-PLAN-03', { label: last.label, value: fmtNumber(last.value as number), hint }, { ...base, cell: last.cell, expected: '100', actual: fmtNumber(last.value as number) });
    }
  }

  const prose: [string, string | undefined][] = [
    [p.goals.join('；'), p.cells.goals],
    [p.use ?? '', p.cells.use],
  ];
  for (const [text, cell] of prose) {
    for (const m of findCostArithmetic(text)) {
      add(
        out,
        'KPI-CALC-01',
        { text: m.text, count: m.count, rate: m.rate, months: m.months, expected: m.expected, actual: m.actual, diff: m.diff },
        { ...base, cell: cell ?? p.cells.title, expected: m.expected, actual: m.actual, diff: m.diff },
      );
    }
  }
}

function cumulative(points: { value: number | null }[]): string {
  let s = 0;
  return points.map((x) => fmtNumber((s += x.value as number))).join('、');
}

/* ---------- cost arithmetic in prose ---------- */

export interface CostMismatch {
  text: string;
  count: string;
  rate: string;
  months: string;
  expected: string;
  actual: string;
  diff: string;
}

const PER_MONTH = /每人每月[^0-9，,；;。]{0,12}?(\d+(?:\.\d+)?)\s*元|每人[^0-9，,；;。]{0,12}?(\d+(?:\.\d+)?)\s*元\s*\/\s*月/g;
const COUNT_BEFORE = /(\d+)\s*(?:人|名)(?!次)[^；;\d]{0,8}$/;
const TOTAL_AFTER = /^[^；;。]{0,30}?(?:共计|合计|共需|总计|工资|保险费|费用|共|计)[^0-9；;。]{0,8}?(\d+(?:\.\d+)?)\s*(万元|元|万)/;

/**
 * Recomputes `N人，每人每月X元，共计Y元` statements (12 months) and returns the
 * ones whose stated total differs. The head count must stand right before the rate
 * (same clause), so a rate stated for another group is never paired with it.
 */
export function findCostArithmetic(text: string): CostMismatch[] {
  if (!text) return [];
  const t = toHalfWidth(text).replace(/(\d),(?=\d{3})/g, '$1');
  const out: CostMismatch[] = [];
  PER_MONTH.lastIndex = 0;
  for (let m = PER_MONTH.exec(t); m; m = PER_MONTH.exec(t)) {
    const rate = m[1] ?? m[2];
    const before = t.slice(Math.max(0, m.index - 20), m.index);
    const cm = COUNT_BEFORE.exec(before);
    if (!cm) continue;
    const after = t.slice(m.index + m[0].length, m.index + m[0].length + 60);
    const tm = TOTAL_AFTER.exec(after);
    if (!tm) continue;
    const months = 12;
    const expected = new Decimal(cm[1]).mul(rate).mul(months);
    let actual = new Decimal(tm[1]);
    if (tm[2] !== '元') {
      // A total in 万元 is rounded as printed: compare at its precision.
      const places = (tm[1].split('.')[1] ?? '').length;
      const expWan = expected.div(10000).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
      if (expWan.eq(actual)) continue;
      actual = actual.mul(10000);
    } else if (expected.minus(actual).abs().lt(0.01)) continue;
    const start = m.index - (before.length - cm.index);
    const end = m.index + m[0].length + tm.index + tm[0].length;
    out.push({
      text: t.slice(start, end),
      count: cm[1],
      rate,
      months: String(months),
      expected: fmtPlain(expected),
      actual: fmtPlain(actual),
      diff: fmtPlain(actual.minus(expected)),
    });
  }
  return out;
}

function fmtPlain(d: Decimal): string {
  return d.isInteger() ? d.toFixed(0) : d.toFixed(2);
}

/* ---------- project ---------- */

/** All rules of one project (structure, values, header, tiers). Never throws. */
export function checkProject(p: KpiProject, ctx: CheckContext = {}): Finding[] {
  const out: Finding[] = [];
  try {
    checkProjectInto(p, ctx, out);
  } catch {
    // A rule that cannot run on odd input must not hide the others' findings.
  }
  return out;
}

function checkProjectInto(p: KpiProject, ctx: CheckContext, out: Finding[]): void {
  const base: Where = { sheet: p.sheet, table: p.name };
  const projectCell = p.cells.title ?? p.cells.header ?? p.indicators[0]?.cells.row;
  const budgetWan = projectBudgetWan(p);

  for (const ind of p.indicators) checkIndicator(p, ind, out, budgetWan);

  // Duplicated 三级.
  const seen = new Map<string, KpiIndicator>();
  for (const ind of p.indicators) {
    const k = norm(ind.level3);
    if (!k) continue;
    const first = seen.get(k);
    if (first) add(out, 'KPI-STRUCT-06', { level3: ind.level3, other: first.cells.level3 ?? first.cells.row ?? '' }, { ...base, cell: ind.cells.level3 ?? ind.cells.row });
    else seen.set(k, ind);
  }

  // Categories present.
  let output = false;
  let effect = false;
  let satisfaction = false;
  for (const ind of p.indicators) {
    const l1 = classifyLevel1(ind.level1);
    const l2 = classifyLevel2(ind.level2);
    const parent = l1 ?? (l2 ? parentsOf(l2)[0] : null);
    if (parent === '产出') output = true;
    if (parent === '效益') effect = true;
    if (parent === '满意度' || l2 === '服务对象满意度' || isSatisfaction(ind.level3)) satisfaction = true;
  }
  if (!output || !effect) {
    const missing = !output && !effect ? '产出指标和效益指标' : !output ? '产出指标' : '效益指标';
    add(out, 'KPI-STRUCT-04', { project: p.name || p.title || '（未命名）', missing }, { ...base, cell: projectCell });
  }
  if (!satisfaction && p.indicators.length) {
    const text = [p.title, p.name, p.use ?? '', ...p.goals, ...p.indicators.map((i) => i.level3 + i.description)].join(' ');
    if (SERVES_PEOPLE.test(text)) add(out, 'KPI-STRUCT-05', { project: p.name || p.title || '（未命名）' }, { ...base, cell: projectCell });
  }

  // 绩效目标.
  if (p.goalsLabelled || p.layout === 2) {
    const goalsCell = p.cells.goals ?? projectCell;
    if (!p.goals.length) add(out, 'KPI-GOAL-01', { project: p.name || p.title || '（未命名）' }, { ...base, cell: goalsCell });
    else {
      for (const g of p.goals) {
        const m = PLACEHOLDER.exec(g.trim());
        if (m) {
          add(out, 'KPI-GOAL-02', { text: m[0].trim() || g }, { ...base, cell: goalsCell });
          break;
        }
      }
    }
  }

  checkHeader(p, out);

  if (ctx.budgetProjects) append(out, checkKpiAgainstBudget([p], undefined, ctx.budgetProjects));
}

/* ---------- across tables ---------- */

function findProjectAmount(list: Map<string, Decimal>, p: KpiProject): { key: string; amount: Decimal } | null {
  const names = [p.name, p.title].map((x) => norm(x)).filter(Boolean);
  const keys = [...list.keys()];
  for (const n of names) {
    for (const k of keys) if (norm(k) === n) return { key: k, amount: list.get(k) as Decimal };
  }
  if (p.code) {
    const c = norm(p.code);
    for (const k of keys) if (c && norm(k) === c) return { key: k, amount: list.get(k) as Decimal };
  }
  for (const n of names) {
    const hits = keys.filter((k) => {
      const nk = norm(k);
      return nk.length >= 4 && (nk.includes(n) || n.includes(nk));
    });
    if (hits.length === 1) return { key: hits[0], amount: list.get(hits[0]) as Decimal };
  }
  return null;
}

/**
 * 项目支出 of a unit from its budget tables: the 合计 row of the 支出总表 (T3), else of the
 * 一般公共预算支出表 (T5); null when neither has one.
 */
export function projectSpendOf(tables: UnitTables | undefined): Decimal | null {
  if (!tables) return null;
  for (const t of [tables.T3, tables.T5]) {
    const row = t?.rows.find((r) => r.role === 'total');
    const v = row?.amounts?.project;
    if (v) return v;
  }
  return null;
}

/**
 * Project 预算数 against the budget tables: each project's amount in the project list
 * (KPI-XT-01, or KPI-XT-03 when the project is not listed) and the sum against the
 * 支出总表's 项目支出 (KPI-XT-02, only when every listed project has a 绩效目标表).
 * The total may be given as a Decimal or as the unit's budget tables (T3/T5 合计 row).
 */
export function checkKpiAgainstBudget(
  projects: KpiProject[],
  projectSpendTotal?: Decimal | UnitTables,
  projectList?: Map<string, Decimal>,
): Finding[] {
  const out: Finding[] = [];
  try {
    if (projectSpendTotal !== undefined && !Decimal.isDecimal(projectSpendTotal)) projectSpendTotal = projectSpendOf(projectSpendTotal) ?? undefined;
    const matched = new Set<string>();
    const budgets: Decimal[] = [];
    let allHaveBudget = projects.length > 0;
    for (const p of projects) {
      const b = projectBudgetWan(p);
      if (!b) {
        allHaveBudget = false;
        continue;
      }
      budgets.push(b);
      if (!projectList) continue;
      const base: Where = { sheet: p.sheet, table: p.name, cell: p.cells.budget ?? p.cells.title };
      const hit = findProjectAmount(projectList, p);
      if (!hit) {
        add(out, 'KPI-XT-03', { project: p.name || p.title }, base);
        continue;
      }
      matched.add(hit.key);
      const diff = b.minus(hit.amount);
      if (diff.abs().gte(0.005)) {
        add(out, 'KPI-XT-01', { project: p.name || p.title, budget: fmt(b), expected: fmt(hit.amount), diff: fmt(diff) }, { ...base, expected: fmt(hit.amount), actual: fmt(b), diff: fmt(diff) });
      }
    }
    if (projectSpendTotal && allHaveBudget) {
      const everyListed = !projectList || [...projectList.keys()].every((k) => matched.has(k));
      const total = sum(budgets);
      const diff = total.minus(projectSpendTotal);
      if (everyListed && diff.abs().gte(0.005)) {
        const first = projects[0];
        add(out, 'KPI-XT-02', { actual: fmt(total), expected: fmt(projectSpendTotal), diff: fmt(diff) }, {
          sheet: first.sheet,
          cell: first.cells.budget ?? first.cells.title,
          expected: fmt(projectSpendTotal),
          actual: fmt(total),
          diff: fmt(diff),
        });
      }
    }
  } catch {
    // never throw from a check
  }
  return out;
}

/** Rules of every project (no cross-table checks). */
export function checkProjects(projects: KpiProject[], ctx: CheckContext = {}): Finding[] {
  const out: Finding[] = [];
  for (const p of projects) append(out, checkProject(p, ctx));
  return out;
}

