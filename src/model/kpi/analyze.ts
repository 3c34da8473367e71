/**
 * Whole-workbook KPI analysis (CLI `kpi`, the task pane's 校验 view, KPI.DATA).
 */
import { applySettings, type Finding, type RuleSettings, type Severity } from '../findings';
import { norm } from '../text';
import type { SheetGrid } from '../workbook';
import { checkProject, type CheckContext } from './check';
import { DIRECTION_ZH, kpiDirection } from './direction';
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
    for (const p of res.projects) {
      projects.push(p);
      append(findings, applySettings(checkProject(p, ctx), eff));
    }
  }
  return { projects, findings };
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
        DIRECTION_ZH[kpiDirection(ind.level3, ind.description)],
        STATUS_ZH[sev ?? 'ok'],
      ]);
    }
  }
  return rows;
}
