/**
 * Finds every disclosure table and 绩效目标表 on a sheet, by title and headers
 * (sheet names are not trusted: exports call them `2.15单位收支总表`, clerks `Sheet3`).
 */
import type { SheetGrid } from './workbook';
import { detectBudgetTables } from './budget';
import { detectKpiTables } from './kpi';
import { KIND_NAMES, type TableKind } from './budget/types';

export interface DetectedTable {
  /** T1…T11 for budget tables, `KPI` for a 绩效目标表. */
  kind: TableKind | 'KPI';
  /** Chinese short name (`收支总表`, `绩效目标表`), the `<kind>` of `BT.<kind>`. */
  kindName: string;
  title: string;
  sheet: string;
  /** A1 range on the sheet. */
  range: string;
  /** 绩效目标表 layout (1–4), for KPI tables. */
  layout?: number;
}

export function detectTables(sheet: SheetGrid): DetectedTable[] {
  const out: DetectedTable[] = [];
  for (const t of detectBudgetTables(sheet)) {
    out.push({ kind: t.kind, kindName: KIND_NAMES[t.kind], title: t.title, sheet: t.sheet, range: t.range });
  }
  for (const t of detectKpiTables(sheet)) {
    if (t.layout === null || t.layout === undefined) continue;
    out.push({ kind: 'KPI', kindName: '绩效目标表', title: t.title, sheet: t.sheet, range: t.range, layout: t.layout });
  }
  return out;
}
