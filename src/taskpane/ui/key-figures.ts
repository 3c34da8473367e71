/**
 * The key figures the 校验 view writes to `BT.<key>` cells (interfaces.md), read
 * from one unit's tables by the narrative's `keyFigures` so the cells, the 说明
 * text and the layout agree.
 */
import type { UnitTables } from '../../model/budget/types';
import { keyFigures, type FigureKey } from '../../model/narrative/figures';

export const KEY_FIGURE_NAMES: readonly FigureKey[] = ['收入总计', '支出总计', '基本支出', '项目支出', '人员经费', '公用经费', '三公经费'];

/** Key → value (万元) for the figures the tables give; figures of missing tables are left out. */
export function keyFigureValues(tables: UnitTables): Record<string, number> {
  const figs = keyFigures(tables);
  const out: Record<string, number> = {};
  for (const k of KEY_FIGURE_NAMES) {
    const v = figs[k]?.value;
    if (v) out[k] = v.toNumber();
  }
  return out;
}
