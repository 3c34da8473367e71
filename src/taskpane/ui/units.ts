/** How a budget unit is named in the pane (`323001 巨鹿县人力资源和社会保障局本级`). */
import type { BudgetUnit } from '../../model/budget';
import type { UnitLine } from '../../model/budget/types';

/** The unit line of a unit (code, name, year), as the budget model read it from the tables. */
export function unitLine(u: BudgetUnit): UnitLine {
  return { code: u.code, name: u.name, year: u.year };
}

export function unitLabel(u: BudgetUnit): string {
  const text = [u.code, u.name].filter(Boolean).join(' ');
  return text || '（未写单位名称的单位）';
}
