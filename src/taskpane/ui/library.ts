/**
 * The indicator library as the 绩效 view uses it: search by words, and turn an
 * entry into a new indicator row with 一级/二级, unit and operator pre-set.
 */
import { findIndicator, searchIndicators, type LibraryIndicator } from '../../model/kpi/library';
import { emptyIndicator, type KpiDraftIndicator } from '../../model/templates';

export type { LibraryIndicator };

export function searchLibrary(query: string, limit = 30): LibraryIndicator[] {
  return searchIndicators(query).slice(0, limit);
}

/** A draft row from a library entry: lower-is-better indicators get ≤, higher-is-better ≥; dates and words none. */
export function indicatorFromLibrary(e: LibraryIndicator): KpiDraftIndicator {
  const op = e.direction === 'lower' ? '≤' : e.direction === 'higher' ? '≥' : '';
  return { ...emptyIndicator(), level1: e.level1, level2: e.level2, level3: e.name, op: e.unit ? op : '', unit: e.unit };
}

/** A typical value for the 数值 box's placeholder (`≥95%` → `95`), when the library knows the indicator. */
export function exampleNumber(level3: string): string | undefined {
  const e = findIndicator(level3);
  if (!e?.example) return undefined;
  const m = /\d+(?:\.\d+)?/.exec(e.example);
  return m ? `如 ${m[0]}` : `如 ${e.example}`;
}
