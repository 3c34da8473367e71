/**
 * The one rule catalogue: budget-table rules and 绩效目标表 rules. The custom
 * functions, task pane filters, the CLI's --pick/--skip and the README's rule table
 * all read it from here.
 */
import type { RuleDef } from './findings';
import { BUDGET_RULES } from './budget/rules';
import { KPI_RULES } from './kpi/rules';
import { WORKBOOK_RULES } from './workbook-rules';

export const CATALOGUE: readonly RuleDef[] = [...Object.values(WORKBOOK_RULES), ...Object.values(BUDGET_RULES), ...Object.values(KPI_RULES)];

const BY_ID = new Map(CATALOGUE.map((r) => [r.id, r]));

export function ruleById(id: string): RuleDef | undefined {
  return BY_ID.get(id);
}

/**
 * A rule pattern as a person types it (`kpi-plan-03`, `KPI-PLAN`, `BAL-1*`) in the form
 * `ruleMatches` takes (`KPI-PLAN-03`, `KPI-PLAN-*`, `BAL-1*`), or null when it names no
 * rule of the catalogue — a typo must never turn a failing check into a pass.
 */
export function resolveRulePattern(input: string): string | null {
  const t = input.trim().toUpperCase();
  if (!t) return null;
  if (BY_ID.has(t)) return t;
  const prefix = t.endsWith('*') ? t.slice(0, -1) : `${t.replace(/-$/, '')}-`;
  if (!prefix || prefix === '-') return null;
  return CATALOGUE.some((r) => r.id.startsWith(prefix)) ? `${prefix}*` : null;
}

/** Markdown table of every rule, for the README (kept in sync by a test). */
export function catalogueMarkdown(): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = ['| 规则 | 级别 | 标题 | 说明模板 | 例 |', '| --- | --- | --- | --- | --- |'];
  for (const r of CATALOGUE) {
    lines.push(`| ${r.id} | ${r.severity} | ${esc(r.title)} | ${esc(r.message)} | ${esc(r.example)} |`);
  }
  return lines.join('\n');
}
