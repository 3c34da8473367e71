/**
 * The shipped 科目 lists, one data file per budget year (names change between years).
 * A year's file may hold only what changed since an earlier year (`base`): codes added
 * or renamed, and `removed` codes — the lists are mostly the same from year to year, and
 * every full copy costs the custom-functions bundle ~30 KB.
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

/** A year's file: a whole list, or the changes since `base`. */
interface SubjectFile extends SubjectList {
  base?: number;
  removed?: string[];
}

function resolve(files: SubjectFile[]): SubjectList[] {
  const out: SubjectList[] = [];
  for (const f of [...files].sort((a, b) => a.year - b.year)) {
    const base = f.base === undefined ? undefined : out.find((l) => l.year === f.base);
    if (f.base !== undefined && !base) throw new Error(`科目表 ${f.year} 的 base ${f.base} 不存在`);
    const fn = { ...(base?.function ?? {}), ...f.function };
    const ec = { ...(base?.economic ?? {}), ...f.economic };
    for (const c of f.removed ?? []) {
      delete fn[c];
      delete ec[c];
    }
    out.push({ year: f.year, title: f.title, note: f.note, function: fn, economic: ec });
  }
  return out;
}

export const SUBJECT_LISTS: readonly SubjectList[] = resolve([Y2023, Y2026]);

/** The list for a budget year (`'2026'`, 2026); undefined or unknown → the latest not after it. */
export function subjectsFor(year?: string | number): SubjectList {
  const y = Number(year);
  if (!Number.isFinite(y) || !y) return SUBJECT_LISTS[SUBJECT_LISTS.length - 1];
  let best = SUBJECT_LISTS[0];
  for (const l of SUBJECT_LISTS) if (l.year <= y) best = l;
  return best;
}
