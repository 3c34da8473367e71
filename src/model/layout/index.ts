/**
 * The one-click disclosure package as a WorkbookPlan, in the order and look of
 * seed 004: 目录, 公开情况说明, T1–T9, T10 政府采购, T11 固定资产, then one
 * 绩效目标表 per project. Pure data: the ExcelJS writer (CLI) and the Office.js
 * adapter (task pane) render the same plan.
 */
import type { NamePlan, WorkbookPlan } from '../plan';
import { KIND_NAMES, type TableKind, type UnitTables } from '../budget/types';
import { rangeOf } from './grid';
import type { KpiProject } from '../kpi/types';
import { buildNarrative, projectBudget, unitFigures, type CarriedText, type UnitFigures } from '../narrative';
import type { Narrative, NarrativeInputs, PriorYear } from '../narrative/types';
import { codedSheet, type CodedKind, t1Sheet, t4Sheet, t9Sheet, t10Sheet, t11Sheet, tableTitle } from './budget-sheets';
import { contentsSheet, narrativeSheet } from './front-sheets';
import { kpiSheet, kpiTitle } from './kpi-sheet';
import type { LayoutContext } from './frame';
import { freeSheetName, sanitizeSheetName } from './sheet-names';

export type { PriorYear, NarrativeInputs } from '../narrative/types';
export { freeSheetName, sanitizeSheetName, MAX_SHEET_NAME } from './sheet-names';
export { tableTitle, tableSheetName, EMPTY_NOTES } from './budget-sheets';
export { CLASS_LINES, T1_INCOME_LINES, T9_LINES, T11_LINES } from './lines';

export interface DisclosureInput {
  unit: { code?: string; name: string };
  year: string;
  tables: UnitTables;
  projects: KpiProject[];
  prior?: PriorYear;
  narrativeInputs?: NarrativeInputs;
  /** Prefix of the workbook names the plan defines (default `公开.`). */
  namePrefix?: string;
  /** Prefix of sheet names and keys when several units share one workbook (`323003`). */
  sheetPrefix?: string;
  /** 单位职责/机构设置 from last year's 说明 (used, marked for review, when the inputs give none). */
  carried?: CarriedText;
  /** `部门` for a department's consolidated package. */
  level?: '单位' | '部门';
  /** Printed page of each 目录 entry (目录 itself first), once the package has been laid out. */
  pages?: (number | null)[];
}

export interface DisclosurePlan extends WorkbookPlan {
  /** The 说明 as data (for the task pane preview and the 待填写 list). */
  narrative: Narrative;
  /** The unit's figures, computed once and read by the 说明 and the 绩效目标表. */
  figures: UnitFigures;
  /** Title and sheet key of each 目录 entry, in printed order (for page numbering). */
  contents: { title: string; sheetKey: string }[];
}

/** Default prefix of the names the package defines: `公开.收入总计` → T1's 收入总计 cell. */
export const NAME_PREFIX = '公开.';

const TABLE_ORDER: TableKind[] = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11'];

export function buildDisclosurePlan(input: DisclosureInput): DisclosurePlan {
  const names: NamePlan[] = [];
  const unitName = input.unit.name.trim();
  const ctx: LayoutContext = {
    // A 部门 has no six-digit unit code of its own: its line names it (`编制部门：…`), which reads back.
    unitText: input.level === '部门' ? `编制部门：${unitName}` : `${input.unit.code?.trim() ?? ''}${unitName}`,
    unitName,
    year: input.year,
    namePrefix: input.namePrefix ?? NAME_PREFIX,
    names,
    level: input.level,
  };
  // One figures object per unit: the 说明 and the 绩效目标表 header blocks read the same numbers.
  const figures = unitFigures(input.tables);
  const narrative = buildNarrative({
    unit: input.unit,
    year: input.year,
    tables: input.tables,
    projects: input.projects,
    prior: input.prior,
    inputs: input.narrativeInputs,
    figures,
    carried: input.carried,
    level: input.level,
  });
  const t = input.tables;
  const tableSheets = TABLE_ORDER.map((k) => {
    switch (k) {
      case 'T1':
        return t1Sheet(t.T1, ctx);
      case 'T4':
        return t4Sheet(t.T4, ctx);
      case 'T9':
        return t9Sheet(t.T9, ctx);
      case 'T10':
        return t10Sheet(t.T10, ctx);
      case 'T11':
        return t11Sheet(t.T11, ctx);
      default:
        return codedSheet(k as CodedKind, t[k], ctx);
    }
  });
  const kpiSheets = input.projects.map((p, i) =>
    kpiSheet(p, i, ctx, { value: projectBudget(p, input.projects, figures, input.narrativeInputs?.projectBudgets).value, fiscalOnly: figures.fiscalOnly }),
  );

  const notes = narrativeSheet(narrative);
  const pre = input.sheetPrefix;
  const sheetName = (n: string) => (pre ? `${pre} ${n}` : n);
  const taken: string[] = [];
  // Sheet names unique within the package (two projects may share a long prefix).
  for (const s of [notes, ...tableSheets, ...kpiSheets]) {
    s.name = freeSheetName(sheetName(s.name), [...taken, sheetName('目录')]);
    taken.push(s.name);
  }
  const entries = [
    { title: narrative.title, sheet: notes.name, key: notes.key },
    ...tableSheets.map((s, i) => ({ title: tableTitle(TABLE_ORDER[i], input.level), sheet: s.name, key: s.key })),
    ...kpiSheets.map((s, i) => ({ title: kpiTitle(input.projects[i]), sheet: s.name, key: s.key })),
  ];
  // pages[0] is the 目录's own page; entries follow.
  const contents = contentsSheet(entries.map((e, i) => ({ ...e, page: input.pages?.[i + 1] ?? undefined })), ctx);
  // Whole-table names, next to the key-figure cells the builders registered.
  for (const s of tableSheets) {
    names.push({ name: `${ctx.namePrefix}${KIND_NAMES[s.key as TableKind]}`, sheetKey: s.key, range: rangeOf(1, 0, s.values.length, s.columnWidths.length - 1) });
  }
  contents.name = sanitizeSheetName(sheetName(contents.name));
  const sheets = [contents, notes, ...tableSheets, ...kpiSheets];
  if (pre) {
    for (const s of sheets) s.key = `${pre}:${s.key}`;
    for (const n of names) n.sheetKey = `${pre}:${n.sheetKey}`;
  }
  const prefixed = (k: string) => (pre ? `${pre}:${k}` : k);
  return { sheets, names, narrative, figures, contents: entries.map((e) => ({ title: e.title, sheetKey: prefixed(e.key) })) };
}
export { pendingItems, type PendingItem } from './pending';
