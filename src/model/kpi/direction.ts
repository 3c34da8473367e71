/**
 * Narrow questions about an indicator, answered by semantics.ts (the one place that
 * understands indicators; this file holds no vocabulary of its own), plus money-unit
 * helpers.
 */
import { coreName, senseIndicator } from './semantics';
import type { KpiDirection } from './types';

export { coreName };

/**
 * Direction of an indicator from its 三级 name (and 描述, which may carry the
 * `反向指标` marker). 'neutral' when the name gives no way to tell.
 */
export function kpiDirection(name: unknown, description: unknown = ''): KpiDirection {
  return senseIndicator({ level3: name, description }).direction;
}

/** kpiDirection for a name already passed through coreName. */
export function directionOfCore(core: string, description: unknown = ''): KpiDirection {
  return senseIndicator({ level3: core, description }).direction;
}

/** Chinese label of a direction (KPI.DATA 方向 column). */
export const DIRECTION_ZH: Record<KpiDirection, string> = { higher: '越高越好', lower: '越低越好', neutral: '' };

/** A rate indicator (its value should be a percentage), from the 三级 and 描述. */
export function isRateIndicator(level3: unknown, description: unknown = ''): boolean {
  return senseIndicator({ level3, description }).kind === 'rate';
}

/** A 满意度 indicator (its value should be a percentage of at least 80). */
export function isSatisfaction(level3: unknown, description: unknown = ''): boolean {
  return senseIndicator({ level3, description }).satisfaction;
}

const COUNT_KIND: Record<string, 'persons' | 'times' | 'households' | 'items'> = { 人: 'persons', 次: 'times', 户: 'households' };

/** A name that counts persons/times/households/things; null when it is no count. */
export function countKind(level3: unknown): 'persons' | 'times' | 'households' | 'items' | null {
  const s = senseIndicator({ level3 });
  if (s.kind !== 'count' || s.kindConfidence === 'low') return null;
  return COUNT_KIND[s.countUnit ?? ''] ?? 'items';
}

/** A name whose value is naturally a number (a rate, a count, a duration), so a qualitative value is suspicious. */
export function isQuantitativeName(level3: unknown): boolean {
  const s = senseIndicator({ level3 });
  return s.kindConfidence !== 'low' && (s.kind === 'rate' || s.kind === 'count' || s.kind === 'duration');
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
