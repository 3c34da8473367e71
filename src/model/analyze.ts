/**
 * One pass over a workbook: budget tables, 绩效目标表 and the rules that join them.
 * The CLI, the task pane and the benchmarks all call this.
 */
import type { WorkbookGrids } from './workbook';
import { applySettings, ruleMatches, type Finding, type RuleSettings } from './findings';
import { append } from './collect';
import { coverageFindings, readNoteFindings, settingsFindings } from './coverage';
import { analyzeBudget, type BudgetUnit } from './budget';
import { requiredTables, type ProfileChoice } from './budget/profiles';
import { analyzeKpi, checkKpiAgainstBudget, settingsFromSheets, type KpiProject } from './kpi';

export interface AnalyzeOptions {
  /** Overrides the settings sheet of the workbook. */
  settings?: RuleSettings;
  /** Only these rule ids (or prefixes ending in `*`). */
  pick?: string[];
  /** Not these rule ids (or prefixes ending in `*`). */
  skip?: string[];
  /** Budget rules only, KPI rules only, or both. */
  scope?: 'all' | 'budget' | 'kpi';
  /** Table set (profile id such as `shanghai`); otherwise the settings sheet, else matched from the titles. */
  profile?: string;
  /** Extra or renamed 科目 (code → name), e.g. read from `--dictionary file.xlsx`. */
  subjects?: Record<string, string>;
  /** Tables of one unit stating different years are different units (see analyzeBudget). */
  splitYears?: boolean;
}

export interface WorkbookAnalysis {
  units: BudgetUnit[];
  projects: KpiProject[];
  findings: Finding[];
  settings: RuleSettings;
  /** The table set the budget tables were read as (absent for a KPI-only pass). */
  profile?: ProfileChoice;
}

/** The workbook's own rule switches (its `设置` sheet), the same ones the KPI model reads. */
export function settingsOf(wb: WorkbookGrids): RuleSettings {
  return settingsFromSheets(wb.sheets) ?? {};
}

export function analyzeWorkbook(wb: WorkbookGrids, opts: AnalyzeOptions = {}): WorkbookAnalysis {
  const scope = opts.scope ?? 'all';
  const settings = opts.settings ?? settingsOf(wb);
  const budget = scope === 'kpi' ? { units: [], findings: [], profile: undefined } : analyzeBudget(wb.sheets, { splitYears: opts.splitYears, profile: opts.profile, subjects: opts.subjects });
  const kpi = scope === 'budget' ? { projects: [], findings: [] } : analyzeKpi(wb.sheets);
  const findings: Finding[] = readNoteFindings(wb);
  append(findings, coverageFindings(wb, budget.units, kpi.projects, scope, budget.profile && requiredTables(budget.profile.profile)));
  append(findings, settingsFindings(wb));
  append(findings, budget.findings);
  append(findings, kpi.findings);
  if (scope === 'all' && budget.units.length === 1 && kpi.projects.length) {
    append(findings, checkKpiAgainstBudget(kpi.projects, budget.units[0].tables));
  }
  let out = applySettings(findings, settings);
  if (opts.pick?.length) out = out.filter((f) => opts.pick!.some((p) => ruleMatches(f.rule, p)));
  if (opts.skip?.length) out = out.filter((f) => !opts.skip!.some((p) => ruleMatches(f.rule, p)));
  return { units: budget.units, projects: kpi.projects, findings: out, settings, profile: budget.profile };
}
