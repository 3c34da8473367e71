/**
 * Whole-workbook KPI analysis (CLI `kpi`, the task pane's 校验 view, KPI.DATA).
 */
import { applySettings, makeFinding, type Finding, type RuleSettings, type Severity } from '../findings';
import { KPI_RULES } from './rules';
import { norm } from '../text';
import type { SheetGrid } from '../workbook';
import { checkDuplicateProjects, checkProject, type CheckContext } from './check';
import { DIRECTION_ZH } from './direction';
import { senseIndicator, sure } from './semantics';
import { parseKpiGrid } from './parse';
import { mergeRuleSettings, readRuleSettings } from './settings';
import type { KpiProject } from './types';
import { append } from '../collect';

/** Sheet names that hold rule settings rather than tables. */
export const SETTINGS_SHEET = /^(设置|规则设置|校验设置|KPI\.?SETTINGS)$/i;

/** The rule switches of a workbook's settings sheets (`设置` …), merged; undefined when it has none. */
export function settingsFromSheets(sheets: readonly SheetGrid[]): RuleSettings | undefined {
  let out: RuleSettings | undefined;
  for (const s of sheets) if (s && SETTINGS_SHEET.test(norm(s.name))) out = mergeRuleSettings(out, readRuleSettings(s.values));
  return out;
}

/**
 * Parses every sheet, checks every project. A settings sheet (`设置`) in the workbook
 * is read and merged under the explicit `settings` (explicit wins).
 */
export function analyzeKpi(sheets: SheetGrid[], settings?: RuleSettings, ctx: CheckContext = {}): { projects: KpiProject[]; findings: Finding[] } {
  const projects: KpiProject[] = [];
  const findings: Finding[] = [];
  const list = Array.isArray(sheets) ? sheets : [];
  const fromSheet = settingsFromSheets(list);
  const eff = fromSheet || settings ? mergeRuleSettings(fromSheet, settings) : undefined;
  for (const s of list) {
    if (!s || SETTINGS_SHEET.test(norm(s.name))) continue;
    const res = parseKpiGrid(s.values, { origin: s.origin, sheet: s.name, formats: s.formats, scan: true });
    const own: Finding[] = [];
    for (const p of res.projects) append(own, checkProject(p, ctx));
    const unread = unreadSheet(s.name, res.projects, own);
    if (unread) {
      // Columns not mapped with confidence: one finding instead of a flood of structure errors.
      append(findings, applySettings([unread], eff));
      continue;
    }
    for (const p of res.projects) projects.push(p);
    append(findings, applySettings(own, eff));
  }
  append(findings, applySettings(checkDuplicateProjects(projects), eff));
  return { projects, findings };
}

/** Findings that mean a row's columns were not understood. */
const UNREAD = new Set(['KPI-STRUCT-01', 'KPI-STRUCT-02', 'KPI-STRUCT-03', 'KPI-STRUCT-07', 'KPI-STRUCT-09', 'KPI-VAL-01']);

/**
 * A sheet whose rows mostly fail to map (half the indicator rows or more carry a structure
 * error, at least four of them): reported once as unread (KPI-SHEET-01), null otherwise.
 */
export function unreadSheet(sheet: string, projects: KpiProject[], findings: Finding[]): Finding | null {
  let rows = 0;
  for (const p of projects) rows += p.indicators.length;
  if (!rows) return null;
  const bad = new Set<string>();
  for (const f of findings) if (UNREAD.has(f.rule) && f.cell) bad.add(f.cell.replace(/^[A-Z]+/, ''));
  if (bad.size < 4 || bad.size * 2 < rows) return null;
  const first = projects[0];
  const evidence = first.title ? `标题“${first.title}”` : '表头含指标列';
  return makeFinding(KPI_RULES['KPI-SHEET-01'], { sheet, evidence, count: String(bad.size) }, { sheet, cell: first.cells.title ?? first.cells.header ?? first.indicators[0]?.cells.row });
}

/** 方向 of KPI.DATA: shown only where the semantics are sure of it. */
function directionLabel(level3: string, description: string, level2: string): string {
  const s = senseIndicator({ level3, description, level2 });
  return sure(s.directionConfidence, 'medium') ? DIRECTION_ZH[s.direction] : '';
}

/** Columns of the KPI.DATA named range (the header row the writer puts above the rows). */
export const KPI_DATA_COLUMNS = ['单位', '项目', '一级', '二级', '三级', '符号', '数值', '单位', '方向', '状态'] as const;

const STATUS_ZH: Record<Severity | 'ok', string> = { error: '错误', warning: '警告', info: '提示', ok: '通过' };

/**
 * One normalised row per indicator for KPI.DATA (without the header row; see
 * KPI_DATA_COLUMNS). 状态 is the worst open finding on that indicator's row
 * (错误 / 警告 / 提示 / 通过); pass `findings` to reuse a check already run.
 */
export function kpiDataRows(projects: KpiProject[], unitName?: string, findings?: Finding[]): (string | number)[][] {
  const rows: (string | number)[][] = [];
  const rank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
  for (const p of projects ?? []) {
    const fs = findings ?? checkProject(p);
    // Worst severity by the row part of the cell address (same sheet).
    const worst = new Map<string, Severity>();
    for (const f of fs) {
      if (!f.cell || (f.sheet ?? '') !== (p.sheet ?? '')) continue;
      const row = f.cell.replace(/^[A-Z]+/, '');
      const cur = worst.get(row);
      if (!cur || rank[f.severity] > rank[cur]) worst.set(row, f.severity);
    }
    for (const ind of p.indicators) {
      const v = ind.parsed;
      const row = (ind.cells.row ?? '').replace(/^[A-Z]+/, '');
      const sev = worst.get(row);
      rows.push([
        unitName ?? p.unit ?? '',
        p.name || p.title,
        ind.level1,
        ind.level2,
        ind.level3,
        v.op ?? '',
        v.kind === 'quantitative' && v.number !== undefined ? v.number : '',
        v.kind === 'quantitative' ? v.unit ?? '' : '',
        directionLabel(ind.level3, ind.description, ind.level2),
        STATUS_ZH[sev ?? 'ok'],
      ]);
    }
  }
  return rows;
}
