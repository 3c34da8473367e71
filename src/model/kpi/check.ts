/**
 * The 绩效目标表 rules (rules.ts) applied to parsed projects. Each finding points at
 * the cell a clerk has to change: the 指标值 cell for a value rule, the 预算数 cell for
 * a budget rule, the tier cell for a threshold, the title/header for the project.
 */
import { makeFinding, type Finding, type Params } from '../findings';
import { Decimal, fmt, readAmount, sum, ZERO } from '../money';
import { toHalfWidth } from '../text';
import { fastNorm as norm } from './fastnorm';
import { isCostUnit, isMoneyUnit, toWanYuan } from './direction';
import { coreName, isGrowthRate, level2Misfit, senseIndicator, sure, type IndicatorSense } from './semantics';
import { KPI_RULES } from './rules';
import { classifyLevel1, classifyLevel2, LEVEL1, allowedLevel2Names, level2Allowed, parentsOf, type Level1Key } from './taxonomy';
import { analyzeTiers } from './tiers';
import type { UnitTables } from '../budget/types';
import type { KpiFunds, KpiIndicator, KpiProject } from './types';
import { fmtNumber, unitFromName } from './value';
import { append } from '../collect';

/** The denominator of a rate written per base: `/10万`, `/万人`, `/1000例`, `/万车`, `‱`. */
const PER_BASE = /^(?:[/每]\s*(?:\d+\s*[十百千万亿]*|[十百千万亿]+)\s*[\u4e00-\u9fff]{0,3}|‱)$/;

export interface CheckContext {
  /** 项目支出 by project from the budget tables (万元), keyed by project name; enables KPI-XT-01/03. */
  budgetProjects?: Map<string, Decimal>;
}

type Where = Omit<Finding, 'rule' | 'severity' | 'message' | 'params'>;

function add(out: Finding[], id: string, params: Params, where: Where): void {
  const def = KPI_RULES[id];
  out.push(makeFinding(def, params, where));
}

const TIME_UNIT = /^(天|日|工作日|月|个月|年|周|小时|分钟|秒)$/;
// A value that only names a direction of change, or a wish, with no degree (`提高`, `有所提高`, `逐步推进`, `支出进度要求`).
const VAGUE_VALUE = /^(?:有所|逐步|逐渐|进一步|不断|持续|稳步|继续|大幅|明显|显著)?(?:提高|提升|增加|增长|减少|降低|改善|加强|增强|推进|扩大|缩小|下降)$|^(?:支出进度要求|按要求|按规定|按计划|符合要求|达到要求|按进度)$|提高$|^(?:提高|提升|增加)|逐步|逐渐|不断|进一步/;
// Placeholder words put where the target should be.
const PLACEHOLDER_VALUE = /^(?:数量|质量|时效|成本|指标值|目标值|数值|值|无|略|暂无|待定|见附件|详见附件|同上|xx+|XX+|××+)$/;

/** `≤5 个工作日` with another operator, keeping the row's own number and unit. */
export function withOp(value: string, op: string): string {
  const t = value.trim();
  const m = /^(?:>=|<=|≥|≤|＞=|＜=|>|<|＞|＜|=|＝|不低于|不少于|不高于|不超过|大于等于|小于等于|大于|小于)\s*/.exec(t);
  return `${op}${m ? t.slice(m[0].length) : t}`;
}

/** Why a qualitative value is no target (it repeats the name or description, or is a placeholder word); null when it may be one. */
function notATarget(ind: KpiIndicator, core: string): string | null {
  const v = norm(ind.value).replace(/[。.;；,，、]$/, '');
  if (!v) return null;
  if (PLACEHOLDER_VALUE.test(v)) return '是占位文字';
  const strip = (x: string) => x.replace(/[。.;；,，、\s]/g, '');
  const sv = strip(v);
  if (sv.length >= 4 && sv === strip(core)) return '与指标名称相同';
  const d = strip(norm(ind.description));
  if (sv.length >= 4 && d && !/\d/.test(sv) && (sv === d || (d.length >= 6 && sv.includes(d) && sv.length - d.length <= 6))) return '重复了指标描述';
  return null;
}

function quantHint(sense: IndicatorSense, l2: string | null): string {
  if (sense.kind === 'rate') return `（如 ${sense.direction === 'lower' && sure(sense.directionConfidence, 'medium') ? '≤5%' : '≥95%'}）`;
  if (sense.kind === 'count' || l2 === '数量') return `（如 ≥100 ${sense.countUnit ?? '人'}、≥2 次）`;
  if (sense.kind === 'money' || l2 === '成本') return '（如 ≤10 万元）';
  if (sense.kind === 'duration') return '（如 ≤30 天）';
  return '';
}

const TIME_VALUE = /及时|按时|按期|准时|如期|时限|期限|进度|当月|当年|当日|月底|年底|前|内|以内|之内|限时|日|月|天|周|完成/;
// Words of a reference or a standard (`原则上不超过…的2/3`, `按核定标准`): a value, though in words.
const REFERENCE_WORDS = /不超过|不高于|不低于|不少于|以内|标准|核定|预算|规定|文件|政策/;
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

const BUDGET_IN_TEXT = /预算(?:资金|数|金额|总额)?(?:为|是|共计|合计|[:：])?\s*(\d+(?:\.\d+)?)\s*(万元|元)/;

/** A budget stated in prose (`请财政安排2020年预算10万元`), in 万元; null when there is none. */
export function budgetFromText(text: string): Decimal | null {
  if (!text) return null;
  const m = BUDGET_IN_TEXT.exec(toHalfWidth(text).replace(/(\d),(?=\d{3})/g, '$1'));
  if (!m) return null;
  const v = new Decimal(m[1]);
  return m[2] === '元' ? v.div(10000) : v;
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
  const tiered = !!ind.tiers;
  const valueWhere = at(ind.cells.value);
  const shown = ind.value;
  const u0 = v.kind === 'quantitative' ? v.unit ?? (v.percentFromFormat ? '%' : unitFromName(ind.level3)) : undefined;
  const sense = senseIndicator({ level3: ind.level3, description: ind.description, level2: ind.level2, unit: u0 });
  const dir = sense.direction;
  // Only a rate the name or description speaks of (not one guessed from the value's %) carries rate rules.
  const rate = sense.kind === 'rate' && sure(sense.kindConfidence, 'medium');
  const sat = sense.satisfaction;
  const isCost = l2 === '成本' || l1 === '成本';
  const growth = isGrowthRate(ind.level3);

  if (v.kind === 'quantitative' && v.number !== undefined) {
    const n = v.number;
    // A bare number takes the unit the name states in brackets (`培训次数（次）`).
    const u = u0;
    const op = v.op;
    const opShown = op ?? '';
    let pct02 = false;
    let unitDone = false;
    // A rate per base (`≤10/10万`, `≤10人/10万人`, `≤1‱`) is how mortality and incidence are written: not a % slip.
    const perBase = PER_BASE.test((v.note ?? '').trim());

    if (rate && u && u !== '%' && u !== '‰' && !perBase) {
      const guessOp = op ?? (sure(sense.directionConfidence, 'medium') ? (dir === 'lower' ? '≤' : '≥') : '');
      const hint = n >= 0 && n <= 100 && !TIME_UNIT.test(u) ? `（应为 ${guessOp}${fmtNumber(n)}%？）` : '';
      add(out, 'KPI-UNIT-01', { level3: name, unit: u, hint }, { ...valueWhere, expected: '%', actual: u, suggestion: hint.replace(/[（）？]|应为 /g, '') || undefined });
      unitDone = true;
    }
    // `≥0.95 百分比`: a fraction written as a percentage, on any row whose good direction is not down
    // (a rate of unknown direction stays silent: `≥0.5%` may be a small rate meant as written).
    const fraction = u === '%' && !v.percentFromFormat && n > 0 && (n < 1 || (n === 1 && dir === 'higher' && sense.directionConfidence === 'high'));
    if (fraction && op !== '≤' && op !== '<' && dir !== 'lower' && !growth && (sense.kind !== 'rate' || sure(sense.directionConfidence, 'medium'))) {
      pct02 = true;
      const fixed = n === 1 ? '=100%' : `${opShown}${fmtNumber(n * 100)}%`;
      add(out, 'KPI-PCT-02', { level3: name, value: shown, number: fmtNumber(n), hint: `（应为 ${fixed}？）` }, { ...valueWhere, suggestion: fixed });
    }
    if (rate && !u && !pct02 && !perBase) {
      const fixed = `${opShown}${fmtNumber(n)}%`;
      add(out, 'KPI-UNIT-02', { level3: name, value: shown, hint: `（应为 ${fixed}）` }, { ...valueWhere, suggestion: fixed });
      unitDone = true;
    }
    const countSure = sense.kind === 'count' && sure(sense.kindConfidence, 'medium');
    if (countSure && isMoneyUnit(u)) {
      const expected = sense.countUnit ?? '人、次、个、件等计数单位';
      add(out, 'KPI-UNIT-04', { level3: name, unit: u ?? '', expected }, { ...valueWhere, expected, actual: u });
      unitDone = true;
    }
    if (countSure && u === '%' && l2 !== '数量' && !pct02) {
      add(out, 'KPI-UNIT-05', { level3: name, value: shown, unit: sense.countUnit ?? '' }, valueWhere);
      unitDone = true;
    }
    if (!rate && !u && !isCost && !unitDone) {
      const hint = sense.yesNo ? '；是否类指标宜写“是”或 =100%' : '';
      add(out, 'KPI-UNIT-03', { value: shown, hint }, valueWhere);
    }
    let vague = false;
    if (u === '%' && sense.abstract && !tiered) {
      add(out, 'KPI-VAG-02', { level3: name, value: shown }, valueWhere);
      vague = true;
    }
    if (u === '%' && !growth) {
      if (n > 100 || n < 0) {
        const s = fmtNumber(n);
        const lost = n > 100 && /^2\d{1,2}(\.\d+)?$/.test(s) && Number(s.slice(1)) <= 100 ? `（是否漏了“≥”，应为 ≥${s.slice(1)}%？）` : '';
        add(out, 'KPI-PCT-01', { value: shown, hint: lost }, { ...valueWhere, suggestion: lost ? `≥${s.slice(1)}%` : undefined });
      } else if (op === '>' && n >= 100) {
        add(out, 'KPI-PCT-01', { value: shown, hint: '（应为 =100%）' }, { ...valueWhere, suggestion: '=100%' });
      } else if (op === '≥' && n === 100 && !vague) {
        add(out, 'KPI-PCT-03', { value: shown }, { ...valueWhere, suggestion: '=100%' });
      }
    }
    if (sat && (u === '%' || (!u && rate)) && n > 1 && n < 80 && op !== '≤' && op !== '<') {
      add(out, 'KPI-SAT-01', { level3: name, number: fmtNumber(n) }, valueWhere);
    }
    if (!tiered && !op && !v.range && (u === '%' || (rate && !u)) && n !== 100 && !pct02) {
      const dirSure = sure(sense.directionConfidence, 'medium');
      const fixed = dirSure ? `${dir === 'lower' ? '≤' : '≥'}${fmtNumber(n)}%` : '';
      add(out, 'KPI-OP-01', { value: shown, hint: fixed ? `，应为 ${fixed}？` : '，应写明 ≥ 或 ≤' }, { ...valueWhere, suggestion: fixed || undefined });
    }
    // Direction: only where the semantics are sure enough to advise, and the advice keeps the row's own unit.
    const costPct = sense.kind !== 'rate' && u === '%';
    if (!tiered && dir === 'lower' && (op === '≥' || op === '>') && sure(sense.directionConfidence, 'medium') && !costPct) {
      const fixed = withOp(shown, '≤');
      add(out, 'KPI-DIR-01', { level3: name, value: shown, hint: `（应为 ${fixed}？）` }, { ...valueWhere, suggestion: fixed });
    }
    const dirMin = sense.kind === 'rate' ? 'high' : 'medium';
    if (!tiered && dir === 'higher' && (op === '≤' || op === '<') && sure(sense.directionConfidence, dirMin) && sure(sense.kindConfidence, 'medium') && (sense.kind !== 'rate' || u === '%' || !u)) {
      const fixed = u === '%' && n === 100 ? '=100%' : withOp(shown, '≥');
      add(out, 'KPI-DIR-02', { level3: name, value: shown, hint: `（应为 ${fixed}？）` }, { ...valueWhere, suggestion: fixed });
    }
    if (l2 === '数量' && u === '%') {
      add(out, 'KPI-MIS-01', { level3: name, value: shown }, valueWhere);
    }
    const wan = isMoneyUnit(u) ? toWanYuan(n, u) : null;
    // Money under 数量: a cost filed as an output, or an amount that is not the project's own budget
    // (restating the budget as 财政补助数额 is common and left alone).
    const costLike = sense.kind === 'money' && sense.direction === 'lower';
    const offBudget = !!budgetWan && wan !== null && new Decimal(wan).minus(budgetWan).abs().gt(0.005);
    if (l2 === '数量' && isMoneyUnit(u) && (costLike || offBudget)) {
      add(out, 'KPI-MIS-03', { level3: name, value: shown, budget: budgetWan ? `（项目预算数 ${money2(budgetWan)} 万元）` : '' }, valueWhere);
    }
    const misfit = l2 ? level2Misfit(sense, ind.level2, ind.level3, u) : null;
    if (misfit) {
      add(out, 'KPI-MIS-04', { level3: name, value: shown, reason: misfit.reason, level2: ind.level2, expected: misfit.expected }, valueWhere);
    }
    if (isCost && (u === '%' || rate || !isCostUnit(u))) {
      const reason = u === '%' ? '是百分比' : rate ? '是比率' : !u ? '没有单位' : `的单位是“${u}”`;
      add(out, 'KPI-MIS-02', { level3: name, value: shown, reason }, valueWhere);
    } else if (isCost && budgetWan && budgetWan.gt(0) && isMoneyUnit(u) && !misfit) {
      const budgetNum = budgetWan.toNumber();
      if (u === '元' && n === budgetNum) {
        const expected = `${opShown}${fmtNumber(n)}万元`;
        add(out, 'KPI-COST-02', { level3: name, value: shown, budget: money2(budgetWan), expected }, { ...valueWhere, expected, suggestion: expected });
      } else if (wan !== null && new Decimal(wan).minus(budgetWan).gt(0.005)) {
        add(out, 'KPI-COST-01', { level3: name, amount: fmtNumber(wan), budget: money2(budgetWan) }, { ...valueWhere, expected: `≤${money2(budgetWan)}万元`, actual: `${fmtNumber(wan)}万元` });
      }
    } else if (!isCost && budgetWan && budgetWan.gt(0) && wan !== null && !sense.why.includes('收益') && new Decimal(wan).minus(budgetWan).gt(0.005)) {
      // Money in any other target (补贴发放金额, 资金规模) larger than the project's whole budget.
      add(out, 'KPI-COST-03', { level3: name, amount: fmtNumber(wan), budget: money2(budgetWan) }, { ...valueWhere, actual: `${fmtNumber(wan)}万元` });
    }
  }

  for (const [text, cell] of [
    [ind.description, ind.cells.description],
    [ind.basis, ind.cells.basis],
  ] as [string, string | undefined][]) {
    for (const m of findWrittenArithmetic(text)) add(out, 'KPI-CALC-03', { ...m }, { ...at(cell), expected: m.expected, actual: m.actual, diff: m.diff });
  }

  if (v.kind === 'qualitative' || v.kind === 'date') {
    const quantName = (sense.kind === 'rate' || sense.kind === 'count' || sense.kind === 'duration') && sure(sense.kindConfidence, 'medium');
    const quantLevel2 = (l2 === '数量' || l2 === '成本') && v.kind === 'qualitative' && !REFERENCE_WORDS.test(ind.value);
    // 时效 in words is fine when the words are about time (按时完成, 时限内完成, 每月15日前).
    const timeInWords = l2 === '时效' && v.kind === 'qualitative' && !TIME_VALUE.test(norm(ind.value));
    // A deadline in words is a fine value for a duration or deadline indicator.
    const deadlineOk = v.kind === 'date' && (sense.kind === 'duration' || sense.kind === 'deadline');
    const notTarget = notATarget(ind, core);
    if ((quantName || quantLevel2 || timeInWords) && !deadlineOk) {
      add(out, 'KPI-QUAL-01', { level3: name, value: shown, hint: quantHint(sense, l2) }, valueWhere);
    } else if (notTarget) {
      add(out, 'KPI-VAL-02', { level3: name, value: shown, reason: notTarget, hint: quantHint(sense, l2) }, valueWhere);
    } else if (v.kind === 'qualitative' && !tiered && VAGUE_VALUE.test(norm(ind.value)) && !/^(显著|明显)/.test(norm(ind.value))) {
      add(out, 'KPI-VAG-01', { level3: name, value: shown }, valueWhere);
    }
  }

  const l1ForMgmt: Level1Key | null = l1 ?? (l2 ? parentsOf(l2)[0] ?? null : null);
  const mgmtName = sense.management;
  const mgmtRef = v.kind === 'reference' && /预算/.test(v.ref ?? '');
  if ((mgmtName || mgmtRef) && (l1ForMgmt === '产出' || l1ForMgmt === '效益')) {
    add(out, 'KPI-MGMT-01', { level3: name }, at(ind.cells.level3 ?? ind.cells.value));
  }

  if (ind.tiers) {
    // An unsure direction is left to the thresholds themselves (analyzeTiers infers it).
    const tierDir = sure(sense.directionConfidence, 'medium') ? dir : 'neutral';
    for (const prob of analyzeTiers(ind.tiers, tierDir)) {
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

/** Shanghai 项目资金 block: each total equals its parts (KPI-HDR-04). */
function proseOf(p: KpiProject): [string, string | undefined][] {
  return [
    [p.goals.join('；'), p.cells.goals],
    [p.use ?? '', p.cells.use],
  ];
}

function checkFunds(p: KpiProject, out: Finding[], base: Where): void {
  const f = p.funds;
  if (!f) return;
  const identities: [string, keyof KpiFunds, [string, keyof KpiFunds][]][] = [
    ['项目资金总额', 'total', [['财政资金', 'fiscal'], ['其他资金', 'other']]],
    ['年度资金申请总额', 'annual', [['当年财政拨款', 'appropriation'], ['上年结转资金', 'carryover'], ['其他资金', 'annualOther']]],
  ];
  const unit = p.amountUnit ?? '元';
  for (const [label, key, parts] of identities) {
    const t = f[key];
    if (!t) continue;
    const total = readAmount(t.raw);
    if (total.kind !== 'number' || !total.value) continue;
    const present = parts.filter(([, k]) => f[k] && f[k]!.raw !== '');
    if (!present.length) continue;
    const values = present.map(([, k]) => readAmount(f[k]!.raw));
    if (values.some((v) => v.kind !== 'number' && v.kind !== 'blank' && v.kind !== 'dash')) continue;
    const s = sum(values.map((v) => (v.kind === 'number' && v.value ? v.value : ZERO)));
    const diff = total.value.minus(s);
    if (diff.abs().gte(unit === '元' ? 0.005 : 0.00005)) {
      add(
        out,
        'KPI-HDR-04',
        { total: label, amount: fmt(total.value), parts: parts.map(([n]) => n).join(' + '), expected: fmt(s), diff: fmt(diff) },
        { ...base, cell: t.cell, expected: fmt(s), actual: fmt(total.value), diff: fmt(diff) },
      );
    }
  }
}

function checkHeader(p: KpiProject, out: Finding[]): void {
  const base: Where = { sheet: p.sheet, table: p.name };
  checkFunds(p, out, base);
  const prose = proseOf(p);
  if (p.code === '' && p.cells.code) add(out, 'KPI-HDR-03', { field: '项目编码' }, { ...base, cell: p.cells.code });
  if (p.nameBlank && p.cells.name) add(out, 'KPI-HDR-03', { field: '项目名称' }, { ...base, cell: p.cells.name });
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

  for (const [text, cell] of prose) {
    for (const m of findWrittenArithmetic(text)) {
      add(out, 'KPI-CALC-03', { ...m }, { ...base, cell: cell ?? p.cells.title, expected: m.expected, actual: m.actual, diff: m.diff });
    }
  }
  for (const [text, cell] of prose) {
    const over = findPartOverTotal(text);
    if (over) add(out, 'KPI-CALC-04', over, { ...base, cell: cell ?? p.cells.title });
  }
  const budgetWan = projectBudgetWan(p);
  if (budgetWan && p.use) {
    const m = findPartSums(p.use, budgetWan);
    if (m) add(out, 'KPI-CALC-02', { text: m.text, expected: m.expected, budget: fmt(budgetWan), diff: m.diff }, { ...base, cell: p.cells.use ?? p.cells.budget, expected: fmt(budgetWan), actual: m.expected, diff: m.diff });
  }
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

const ENUM_SPLIT = /(?:^|[。；;\s])\s*(?:\d{1,2}|[一二三四五六七八九十])\s*[.、．)）](?!\d)\s*/;
const AMOUNT = /(\d+(?:\.\d+)?)\s*(万元|元|万)(?![/每])/g;
const TOTAL_WORD = /共计|合计|总计|共需|全年需要|需要经费|总额|小计|[，,]\s*计/;

/**
 * `1.系统维护费 1.6 万元。2.财务软件服务费 0.5 万元。`: numbered uses, one amount each and no
 * total stated, whose sum differs from the 预算数 (万元). Null when the text has no such list.
 */
export function findPartSums(text: string, budgetWan: Decimal): { text: string; expected: string; diff: string } | null {
  const t = toHalfWidth(text).replace(/(\d),(?=\d{3})/g, '$1');
  if (TOTAL_WORD.test(t) || /[×*x每]/.test(t)) return null;
  const items = t.split(ENUM_SPLIT).map((x) => x.trim()).filter(Boolean);
  if (items.length < 2) return null;
  const parts: Decimal[] = [];
  for (const it of items) {
    const ms = [...it.matchAll(AMOUNT)];
    if (ms.length !== 1) return null;
    const [, n, u] = ms[0];
    parts.push(u === '元' ? new Decimal(n).div(10000) : new Decimal(n));
  }
  const total = sum(parts);
  const diff = total.minus(budgetWan);
  if (diff.abs().lt(0.005)) return null;
  return { text: t.length > 60 ? `${t.slice(0, 60)}…` : t, expected: fmt(total), diff: fmt(diff) };
}

export interface ArithmeticSlip {
  text: string;
  expected: string;
  actual: string;
  diff: string;
}

const TERM = String.raw`(\d+(?:\.\d+)?)\s*(万|亿|千)?\s*(?:元|人次|人|户|次|件|个月|月|天|年|份|个|名|项|平方米|亩)?(?:\s*\/\s*(?:人|月|年|次|户|件))?`;
const EXPR = new RegExp(`${TERM}(?:\\s*[×*xX＋+]\\s*${TERM})+\\s*[=＝]\\s*${TERM}`, 'g');
const TERM_ONE = new RegExp(TERM, 'y');
const SCALE: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3 };

/**
 * Written arithmetic (`135×2688×12=4354560`, `1.6万元+0.5万元=2.1万元`, `0.7元×8.4万人+3万=8.88万元`)
 * anywhere in the text: each expression is evaluated (× before +, 万/亿 scale words applied) and
 * returned when the stated result differs beyond the precision it is printed with.
 */
export function findWrittenArithmetic(text: string): ArithmeticSlip[] {
  if (!text || !/[=＝]/.test(text)) return [];
  const t = toHalfWidth(text).replace(/(\d),(?=\d{3})/g, '$1');
  const out: ArithmeticSlip[] = [];
  EXPR.lastIndex = 0;
  for (let m = EXPR.exec(t); m; m = EXPR.exec(t)) {
    const expr = m[0];
    const eq = expr.search(/[=＝]/);
    const left = expr.slice(0, eq);
    const right = expr.slice(eq + 1).trim();
    // Terms and operators of the left side.
    const terms: Decimal[] = [];
    const ops: string[] = [];
    let i = 0;
    let ok = true;
    while (i < left.length) {
      while (i < left.length && /\s/.test(left[i])) i++;
      TERM_ONE.lastIndex = i;
      const tm = TERM_ONE.exec(left);
      if (!tm) {
        ok = false;
        break;
      }
      terms.push(new Decimal(tm[1]).mul(SCALE[tm[2] ?? ''] ?? 1));
      i = TERM_ONE.lastIndex;
      while (i < left.length && /\s/.test(left[i])) i++;
      if (i < left.length) {
        const op = left[i];
        if (!/[×*xX+]/.test(op)) {
          ok = false;
          break;
        }
        ops.push(op === '+' ? '+' : '×');
        i++;
      }
    }
    if (!ok || terms.length !== ops.length + 1) continue;
    let total = ZERO;
    let prod = terms[0];
    for (let k = 0; k < ops.length; k++) {
      if (ops[k] === '×') prod = prod.mul(terms[k + 1]);
      else {
        total = total.plus(prod);
        prod = terms[k + 1];
      }
    }
    total = total.plus(prod);
    TERM_ONE.lastIndex = 0;
    const rm = TERM_ONE.exec(right);
    if (!rm) continue;
    const scale = SCALE[rm[2] ?? ''] ?? 1;
    const places = (rm[1].split('.')[1] ?? '').length;
    const shown = new Decimal(rm[1]);
    const expectedShown = total.div(scale).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
    if (expectedShown.eq(shown)) continue;
    const unit = right.slice(rm[1].length).trim();
    out.push({ text: expr.trim(), expected: `${expectedShown.toFixed(places)}${unit}`, actual: right, diff: shown.minus(expectedShown).toFixed(places) });
  }
  return out;
}

// A grand total only (共计 often closes each clause of a list: `…共计217728元；…共计4386816元`).
const TOTAL_AMOUNT = /(?:全年(?:共)?需要?(?:经费|资金)|全年经费|总计|合计|总额为?)[^0-9，,；;。]{0,6}?(\d+(?:\.\d+)?)\s*(万元|元)/g;
const ANY_AMOUNT = /(\d+(?:\.\d+)?)\s*(万元|元)(?![/每])/g;

/**
 * A money amount stated in the text before its total that is larger than that total
 * (`计 8.88 万元；… 全年需要经费 7.76 万元`): the parts cannot exceed the whole. Amounts per head
 * (`每人 0.7 元`, `元/人`) are left out.
 */
export function findPartOverTotal(text: string): { part: string; total: string } | null {
  if (!text) return null;
  const t = toHalfWidth(text).replace(/(\d),(?=\d{3})/g, '$1');
  TOTAL_AMOUNT.lastIndex = 0;
  for (let m = TOTAL_AMOUNT.exec(t); m; m = TOTAL_AMOUNT.exec(t)) {
    // The total closes the text: no amount after it.
    ANY_AMOUNT.lastIndex = m.index + m[0].length;
    if (ANY_AMOUNT.exec(t)) continue;
    const total = new Decimal(m[1]).div(m[2] === '元' ? 10000 : 1);
    const before = t.slice(0, m.index);
    ANY_AMOUNT.lastIndex = 0;
    for (let a = ANY_AMOUNT.exec(before); a; a = ANY_AMOUNT.exec(before)) {
      if (/每[^，,；;。]{0,6}$/.test(before.slice(Math.max(0, a.index - 8), a.index))) continue;
      const v = new Decimal(a[1]).div(a[2] === '元' ? 10000 : 1);
      if (v.minus(total).gt(0.005)) return { part: a[0].trim(), total: m[0].trim() };
    }
  }
  return null;
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
  // Without a 预算数 cell (plain layouts), a budget stated in the 绩效目标 text stands in.
  const budgetWan = projectBudgetWan(p) ?? budgetFromText(p.goals.join('；'));

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
    if (parent === '满意度' || l2 === '服务对象满意度' || senseIndicator({ level3: ind.level3 }).satisfaction) satisfaction = true;
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
      // A goal that is nothing but the template text is an error; real content after a
      // leftover `1.目标内容 1` prefix is a warning (the goal is there, the prefix is noise).
      let first: string | null = null;
      let content = '';
      for (const g of p.goals) {
        const t = g.trim();
        const m = PLACEHOLDER.exec(t);
        if (m) first ??= m[0].trim() || t;
        content += (m ? t.replace(PLACEHOLDER, '') : t).replace(/[\s\d.、．,，:：;；()（）]+/g, '');
      }
      const empty = first && !/[\u4e00-\u9fa5]{4,}/.test(content) ? first : null;
      const prefixed = first && !empty ? first : null;
      if (empty) add(out, 'KPI-GOAL-02', { text: empty }, { ...base, cell: goalsCell });
      else if (prefixed) add(out, 'KPI-GOAL-03', { text: prefixed }, { ...base, cell: goalsCell });
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

/**
 * The same project table published twice in a workbook (same name, same indicators and values):
 * KPI-DUP-01 on the later copy.
 */
export function checkDuplicateProjects(projects: KpiProject[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, KpiProject>();
  for (const p of projects) {
    if (p.indicators.length < 3) continue;
    const key = [norm(p.name || p.title), ...p.indicators.map((i) => `${norm(i.level3)}=${norm(i.value)}`)].join('|');
    const first = seen.get(key);
    if (!first) {
      seen.set(key, p);
      continue;
    }
    const where = first.cells.title ?? first.cells.header ?? '';
    add(out, 'KPI-DUP-01', { project: p.name || p.title, other: `${first.sheet ? `${first.sheet}!` : ''}${where}` }, { sheet: p.sheet, table: p.name, cell: p.cells.title ?? p.cells.header });
  }
  return out;
}

/** Rules of every project (no cross-table checks). */
export function checkProjects(projects: KpiProject[], ctx: CheckContext = {}): Finding[] {
  const out: Finding[] = [];
  for (const p of projects) append(out, checkProject(p, ctx));
  return out;
}

