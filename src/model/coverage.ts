/**
 * What a workbook lacks or what the reader met, as findings: nothing recognised,
 * mandatory tables missing, and the reader's notes (formulas without results …).
 */
import { makeFinding, type Finding } from './findings';
import type { BudgetUnit } from './budget';
import { KIND_NAMES, KIND_TITLES, type TableKind } from './budget/types';
import type { KpiProject } from './kpi';
import { SETTINGS_SHEET } from './kpi/analyze';
import { readRuleSettings, type SettingsProblem } from './kpi/settings';
import { norm } from './text';
import type { WorkbookGrids } from './workbook';
import { MANDATORY_TABLES, WORKBOOK_RULES } from './workbook-rules';

const SHEETS_LISTED = 8;

function sheetList(wb: WorkbookGrids): string {
  const names = wb.sheets.map((s) => s.name);
  return names.length > SHEETS_LISTED ? `${names.slice(0, SHEETS_LISTED).join('、')} 等` : names.join('、') || '（无）';
}

/**
 * `required`: the tables the workbook's table set must publish (its profile), with their
 * titles; the Hebei county nine by default.
 */
export function coverageFindings(
  wb: WorkbookGrids,
  units: BudgetUnit[],
  projects: KpiProject[],
  scope: 'all' | 'budget' | 'kpi',
  required: readonly { kind: TableKind; title: string }[] = MANDATORY_TABLES.map((kind) => ({ kind, title: KIND_TITLES[kind] })),
): Finding[] {
  const out: Finding[] = [];
  const nothing = (what: string) =>
    out.push(makeFinding(WORKBOOK_RULES['WB-002'], { what, count: wb.sheets.length, sheets: sheetList(wb) }));
  if (scope === 'kpi') {
    if (!projects.length) nothing('绩效目标表');
    return out;
  }
  if (!units.length) {
    if (scope === 'budget' || !projects.length) nothing(scope === 'budget' ? '预算公开表' : '预算公开表或绩效目标表');
    else out.push(makeFinding(WORKBOOK_RULES['WB-004'], { count: projects.length }));
    return out;
  }
  const set = required.map((r) => KIND_NAMES[r.kind]).join('、');
  for (const u of units) {
    const unit = `${u.code ?? ''}${u.name ?? ''}` || '本单位';
    for (const { kind: k, title } of required) {
      if (u.tables[k]) continue;
      out.push(makeFinding(WORKBOOK_RULES['WB-003'], { unit, table: KIND_NAMES[k], title, set }, { table: k }));
    }
  }
  return out;
}

/** The reader's notes as findings (their rules are in the catalogue). */
export function readNoteFindings(wb: WorkbookGrids): Finding[] {
  const out: Finding[] = [];
  for (const n of wb.notes ?? []) {
    const def = WORKBOOK_RULES[n.rule];
    if (def) out.push(makeFinding(def, { sheet: n.sheet ?? '', cell: n.cell ?? '', ...n.params }, { sheet: n.sheet, cell: n.cell }));
  }
  return out;
}

/** Rows of the settings sheets (`设置` …) that could not be applied. */
export function settingsFindings(wb: WorkbookGrids): Finding[] {
  const out: Finding[] = [];
  for (const s of wb.sheets) {
    if (!SETTINGS_SHEET.test(norm(s.name))) continue;
    const problems: SettingsProblem[] = [];
    readRuleSettings(s.values, problems);
    for (const p of problems) out.push(makeFinding(WORKBOOK_RULES['WB-008'], { sheet: s.name, row: p.row + (s.origin?.row ?? 0), problem: p.problem }, { sheet: s.name, cell: `A${p.row + (s.origin?.row ?? 0)}` }));
  }
  return out;
}
