/**
 * The shipped 科目 lists, one data file per budget year (names change between years).
 * `subjectsFor(year)` picks that year's list, else the nearest earlier one, else the
 * earliest; adding a year is adding `<year>.json` here and one line below.
 */
import Y2023 from './2023.json';
import Y2026 from './2026.json';

export interface SubjectList {
  year: number;
  title: string;
  note: string;
  /** 支出功能分类科目: code → name (3/5/7 digits). */
  function: Record<string, string>;
  /** 部门预算支出经济分类科目: code → name (3/5 digits). */
  economic: Record<string, string>;
}

export const SUBJECT_LISTS: readonly SubjectList[] = [Y2023, Y2026].sort((a, b) => a.year - b.year);

/** The list for a budget year (`'2026'`, 2026); undefined or unknown → the latest not after it. */
export function subjectsFor(year?: string | number): SubjectList {
  const y = Number(year);
  if (!Number.isFinite(y) || !y) return SUBJECT_LISTS[SUBJECT_LISTS.length - 1];
  let best = SUBJECT_LISTS[0];
  for (const l of SUBJECT_LISTS) if (l.year <= y) best = l;
  return best;
}
