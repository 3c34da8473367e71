/**
 * The money unit of a table, from its unit line (`单位：元`, `金额单位：万元`). Amounts are
 * kept as integers of 10^-places of the table's own unit; messages print them in that unit.
 * Figures of tables in different units are compared in the finer unit: a 万元 figure is
 * a rounding of an 元 one, so a difference of one hundredth of 万元 after rounding is a
 * 尾差 (rounding remainder, its own finding), not an imbalance.
 */
import { fmtScaled } from './amount';

export type MoneyUnit = '元' | '千元' | '万元' | '亿元';

/** How many 元 one unit is. */
export const UNIT_FACTOR: Record<MoneyUnit, number> = { 元: 1, 千元: 1000, 万元: 10000, 亿元: 100000000 };

/** The unit a unit-line text names; 万元 (the disclosure default) when it names none. */
export function moneyUnit(text: string | undefined): MoneyUnit {
  return text && text in UNIT_FACTOR ? (text as MoneyUnit) : '万元';
}

/**
 * Decimals a table in this unit allows. 元 tables carry 分 at most (integer 元 tables
 * simply have no decimals); 千元/万元/亿元 tables are published with two decimals.
 */
export function placesFor(_unit: MoneyUnit): number {
  return 2;
}

/**
 * A scaled amount as message text in the table's unit. 万元 figures print bare (the
 * convention every message of the Hebei set already follows); other units carry their
 * name: `1500元`, `0.50元`, `12.30千元`. Whole 元 print without decimals.
 */
export function fmtMoney(n: number, places: number, unit: string | undefined): string {
  const u = moneyUnit(unit);
  if (u === '万元') return fmtScaled(n, places);
  const scale = 10 ** places;
  if (u === '元' && n % scale === 0) return `${fmtScaled(n / scale, 0)}元`;
  return `${fmtScaled(n, places)}${u}`;
}

/**
 * Converts a scaled amount of one unit to another unit's scale (both at `places`),
 * rounding half up (away from zero) when the target is coarser.
 */
export function convertScaled(n: number, from: MoneyUnit, to: MoneyUnit): number {
  if (from === to) return n;
  const ratio = UNIT_FACTOR[from] / UNIT_FACTOR[to];
  const x = n * ratio;
  if (ratio >= 1) return Math.round(x);
  const r = Math.round(Math.abs(x) + 1e-9);
  return x < 0 ? -r : r;
}

export type UnitComparison = 'equal' | 'tail' | 'different';

/**
 * Compares two figures given in (possibly) different units. Equal units: exact. Different
 * units: the finer figure is rounded to the coarser unit; equal after rounding is equal,
 * one hundredth apart is a 尾差 (`tail`), anything more is a real difference.
 */
export function compareAcrossUnits(a: number, ua: MoneyUnit, b: number, ub: MoneyUnit): UnitComparison {
  if (ua === ub) return a === b ? 'equal' : 'different';
  const coarse: MoneyUnit = UNIT_FACTOR[ua] > UNIT_FACTOR[ub] ? ua : ub;
  const ca = convertScaled(a, ua, coarse);
  const cb = convertScaled(b, ub, coarse);
  if (ca === cb) return 'equal';
  return Math.abs(ca - cb) <= 1 ? 'tail' : 'different';
}
