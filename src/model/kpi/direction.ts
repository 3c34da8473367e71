/**
 * Which way an indicator is good, and what kind of quantity its name speaks of.
 * Used by the value rules, the tier checks and the indicator library (B2).
 *
 * Precedence (first match wins):
 * 1. an explicit marker: `反向指标` → lower, `正向指标` → higher;
 * 2. a reduction is measured (降低/下降/减少/缩短/节约…: 故障降低率, 减少出行率) → higher;
 * 3. the name ends in a lower-is-better rate (差错率, 故障率, 失业率, 代偿率 …) → lower;
 * 4. the name ends in a higher-is-better rate (完成率, 到位率, 满意度 …) → higher;
 * 5. a lower-is-better word anywhere (成本, 费用, 时间, 天数, 时限, 停机, 投诉 …) → lower;
 * 6. any other rate (…率, 比例, 占比, 覆盖面) → higher;
 * 7. otherwise neutral (counts such as 人数 have no built-in direction).
 */
import { fastNorm as norm } from './fastnorm';
import type { KpiDirection } from './types';

/** Rate names where less is better (kpi.md list plus close relatives). */
export const LOWER_IS_BETTER_RATES: readonly string[] = [
  '差错率', '错误率', '出错率', '故障率', '失业率', '辍学率', '错案率', '代偿率', '投诉率', '事故率', '发生率',
  '违规率', '违法率', '不合格率', '返贫率', '流失率', '逾期率', '误差率', '偏差率', '损失率', '超支率', '死亡率',
  '停机率', '拖欠率', '冒领率', '上访率', '信访率', '返工率', '缺陷率', '空置率', '结余率', '不良率', '重复率',
];

/** Words that make an indicator lower-is-better wherever they stand. */
export const LOWER_IS_BETTER_WORDS: readonly string[] = [
  '成本', '费用', '开支', '时间', '天数', '时限', '时长', '用时', '耗时', '停机', '投诉', '差错', '故障', '事故',
  '误差', '拖欠', '冒领', '辍学', '违规', '逾期', '上访', '调整次数',
];

/** Rate names where more is better (kpi.md list plus the common ones of the seeds). */
export const HIGHER_IS_BETTER: readonly string[] = [
  '满意度', '满意率', '完成率', '到位率', '及时率', '覆盖率', '合格率', '达标率', '发放率', '结案率', '知晓率',
  '参保率', '降低率', '下降率', '减少率', '准确率', '正确率', '执行率', '签订率', '办结率', '成功率', '就业率',
  '排除率', '解决率', '处置率', '查处率', '调解率', '采用率', '采纳率', '利用率', '使用率', '普及率', '通过率',
  '续保率', '登记率', '完好率', '运行率', '整改率', '支付率', '拨付率', '征缴率', '收缴率', '认证率', '受益率',
  '合规率', '满足率', '实现率', '落实率', '审核率', '录入率', '归档率', '回访率', '出勤率', '增长率', '提高率',
  '提升率', '转化率', '入学率', '巩固率', '建档率', '签约率', '培训率', '安置率', '兑现率', '保障率', '清欠率',
];

const MARK_LOWER = /反向指标|逆向指标|越低越好|越小越好/;
const MARK_HIGHER = /正向指标|越高越好|越大越好/;
// A reduction or prevention is what is measured: 故障降低率, 减少出行率, 严防冒领.
const REDUCTION = /降低|下降|减少|缩短|节约|节省|压缩|减小|压降|减低|严防|防止|杜绝|避免|遏制|防范/;
// `在规定时间内下达率`: a time limit qualifies the rate, it is not the quantity.
const WITHIN = /(在)?(规定|要求|承诺|法定|约定)?(的)?(时间|时限|期限|日期)(之)?内/g;
// Trailing decorations: `及时率（%）`, `群众满意度(≥)`, `覆盖率指标`.
const TRAILER = /(?:[(（][^()（）]*[)）]|指标|[%％≥≤]|\s)+$/;
const TRAILER_TEST = /[)）标%％≥≤\s]$/;
const RATE_WORDS = /率|比例|比率|占比|覆盖面|满意度|达标/;
const RATE_IN_DESC = /率|比例|比率|占比|覆盖面|满意度|达标|[*×]\s*100\s*%/;
const COUNT_NAME = /(人数|人次|户数|次数|数量|个数|件数|份数|场次|天数|金额|数额|资金|经费|标准|费用|规模|总数|台数|套数|项数|期数|册数|名额)$/;
const SATISFACTION = /满意/;
const RATE_END = /(?:率|比例|比率|占比|覆盖面|满意度)$/;
const QUANT_END = /(率|天数|时限)$/;

const alt = (list: readonly string[]) => [...list].sort((a, b) => b.length - a.length).join('|');
const ENDS_LOWER_RATE = new RegExp(`(?:${alt(LOWER_IS_BETTER_RATES)})$`);
const ENDS_HIGHER = new RegExp(`(?:${alt(HIGHER_IS_BETTER)})$`);
const HAS_LOWER = new RegExp(`${alt(LOWER_IS_BETTER_WORDS)}|${alt(LOWER_IS_BETTER_RATES)}`);

/** The indicator name with trailing `（%）`, `指标` and the like removed, normalised. */
export function coreName(name: unknown): string {
  const n = norm(name);
  return TRAILER_TEST.test(n) ? n.replace(TRAILER, '') : n;
}


/**
 * Direction of an indicator from its 三级 name (and 描述, which may carry the
 * `反向指标` marker). Deterministic, never throws.
 */
export function kpiDirection(name: unknown, description: unknown = ''): KpiDirection {
  return directionOfCore(coreName(name), description);
}

/** kpiDirection for a name already passed through coreName (hot path of the checks). */
export function directionOfCore(core: string, description: unknown = ''): KpiDirection {
  const n = core.replace(WITHIN, '');
  const d = typeof description === 'string' && description === '' ? '' : norm(description);
  if (MARK_LOWER.test(n) || (d && MARK_LOWER.test(d))) return 'lower';
  if (MARK_HIGHER.test(n) || (d && MARK_HIGHER.test(d))) return 'higher';
  if (!n) return 'neutral';
  if (REDUCTION.test(n)) return 'higher';
  if (ENDS_LOWER_RATE.test(n)) return 'lower';
  if (ENDS_HIGHER.test(n)) return 'higher';
  if (HAS_LOWER.test(n)) return 'lower';
  if (RATE_END.test(n)) return 'higher';
  return 'neutral';
}

/** Chinese label of a direction (KPI.DATA 方向 column). */
export const DIRECTION_ZH: Record<KpiDirection, string> = { higher: '越高越好', lower: '越低越好', neutral: '' };

/**
 * A rate indicator (its value should be a percentage): the 三级 or 描述 contains
 * 率, 比例, 比率, 占比, 覆盖面, 满意度 or 达标 — unless the 三级 plainly names a count
 * or an amount (`享受补贴人员数量`, `补贴标准`), which the description cannot override.
 */
export function isRateIndicator(level3: unknown, description: unknown = ''): boolean {
  return isRateCore(coreName(level3), description);
}

/** isRateIndicator for a name already passed through coreName. */
export function isRateCore(core: string, description: unknown = ''): boolean {
  // 效率 (efficiency) is no percentage.
  const n = core.includes('效率') ? core.replace(/效率/g, '') : core;
  if (RATE_WORDS.test(n)) {
    // `信访率降低`, `提高参保续保的比例` still name a rate.
    return !COUNT_NAME.test(n) || RATE_END.test(n);
  }
  if (n && COUNT_NAME.test(n)) return false;
  if (description === '' || description === null || description === undefined) return false;
  return RATE_IN_DESC.test(norm(description));
}

/** A 满意度 indicator (its value should be a percentage of at least 80). */
export function isSatisfaction(level3: unknown, description: unknown = ''): boolean {
  return isSatisfactionCore(coreName(level3), description);
}

export function isSatisfactionCore(core: string, description: unknown = ''): boolean {
  if (SATISFACTION.test(core)) return true;
  return !core && SATISFACTION.test(norm(description));
}

/** A name that counts persons/times/things (人数, 次数, 户数 …). */
export function countKind(level3: unknown): 'persons' | 'times' | 'households' | 'items' | null {
  return countKindCore(coreName(level3));
}

export function countKindCore(n: string): 'persons' | 'times' | 'households' | 'items' | null {
  if (/(人数|人次|人员数量|人员数|名额)$/.test(n)) return 'persons';
  if (/(次数|场次)$/.test(n)) return 'times';
  if (/户数$/.test(n)) return 'households';
  if (/(个数|件数|份数|台数|套数|项数|数量)$/.test(n)) return 'items';
  return null;
}

/** A name whose value is naturally a quantity (a rate or a count), so a qualitative value is suspicious. */
export function isQuantitativeName(level3: unknown): boolean {
  return isQuantitativeCore(coreName(level3));
}

export function isQuantitativeCore(n: string): boolean {
  if (!n) return false;
  return RATE_END.test(n) || countKindCore(n) !== null || QUANT_END.test(n);
}

/** Money units (元, 万元, 亿元, 千元 and per-unit forms 元/人). */
export function isMoneyUnit(unit: string | undefined): boolean {
  return !!unit && /^(?:万|亿|千|百)?元(?:\/|$)/.test(unit);
}

/** Money units as written in cost indicators, including the bare scale `万\次` (万元 per 次). */
export function isCostUnit(unit: string | undefined): boolean {
  return isMoneyUnit(unit) || (!!unit && /^(?:万|亿)(?:\/|$)/.test(unit));
}

/** Amount in 万元 for a money quantity, or null when the unit is not a plain money unit (元/人 is a rate, not a total). */
export function toWanYuan(n: number, unit: string | undefined): number | null {
  switch (unit) {
    case '元':
      return n / 10000;
    case '千元':
      return n / 10;
    case '百元':
      return n / 100;
    case '万元':
      return n;
    case '亿元':
      return n * 10000;
    default:
      return null;
  }
}
