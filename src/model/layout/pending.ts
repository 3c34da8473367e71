/**
 * What a package still needs before it can be published: every `【待填写：…】` marker
 * left in any sheet (the 说明, a 绩效目标表 header, a missing-table note) and every
 * paragraph carried over from last year for review, each with the 说明输入 key that
 * fills it when a person's answer can.
 */
import type { WorkbookPlan } from '../plan';
import { CARRIED_MARK, MARKER_RE, markerKey, type TodoItem } from '../narrative';

export interface PendingItem extends TodoItem {
  /** Sheet (plan name) where the marker first appears. */
  sheet: string;
}

export function pendingItems(plan: WorkbookPlan & { narrative?: { todo: TodoItem[] } }): PendingItem[] {
  const out: PendingItem[] = [];
  const seen = new Set<string>();
  for (const s of plan.sheets) {
    for (const row of s.values) {
      for (const v of row) {
        if (typeof v !== 'string' || !v.includes('【')) continue;
        for (const m of v.matchAll(MARKER_RE)) {
          const text = m[1];
          if (seen.has(text)) continue;
          seen.add(text);
          const key = markerKey(text);
          out.push(key ? { key, text, kind: 'input', sheet: s.name } : { text, kind: 'table', sheet: s.name });
        }
        if (v.includes(CARRIED_MARK)) {
          const review = (plan.narrative?.todo ?? []).filter((t) => t.kind === 'review' && !seen.has(t.text));
          for (const t of review) {
            seen.add(t.text);
            out.push({ ...t, sheet: s.name });
          }
        }
      }
    }
  }
  return out;
}
