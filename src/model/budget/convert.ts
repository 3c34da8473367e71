/**
 * Tables in another unit converted to 万元, the unit of the disclosure package: each figure
 * rounded half up to two decimals, as a clerk would re-key an 元 table. The rounded figures
 * may leave a 0.01 尾差 between a total and its parts; the package says so.
 */
import { lazyAmounts } from './amount';
import { convertScaled, moneyUnit, type MoneyUnit } from './units';
import type { BudgetTable, UnitTables } from './types';

export function tableIn(t: BudgetTable, to: MoneyUnit): BudgetTable {
  const from = moneyUnit(t.unitLine.unit);
  if (from === to) return t;
  const rows = t.rows.map((r) => {
    const scaled: Record<string, number | null> = {};
    for (const [k, v] of Object.entries(r.scaled ?? {})) scaled[k] = v === null ? null : convertScaled(v, from, to);
    return { ...r, scaled, amounts: lazyAmounts(scaled, t.places) };
  });
  return { ...t, rows, unitLine: { ...t.unitLine, unit: to }, sourceUnit: from };
}

/** A unit's tables with every table in `to` (万元 by default); the kinds converted are listed. */
export function tablesIn(tables: UnitTables, to: MoneyUnit = '万元'): { tables: UnitTables; converted: string[] } {
  const out: UnitTables = {};
  const converted: string[] = [];
  for (const [kind, t] of Object.entries(tables) as [keyof UnitTables, BudgetTable][]) {
    if (!t) continue;
    out[kind] = tableIn(t, to);
    if (out[kind] !== t) converted.push(kind);
  }
  return { tables: out, converted };
}
