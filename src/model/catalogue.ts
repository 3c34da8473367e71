/**
 * The one rule catalogue: budget-table rules and 绩效目标表 rules. The custom
 * functions, task pane filters, the CLI's --pick/--skip and the README's rule table
 * all read it from here.
 */
import type { RuleDef } from './findings';
import { BUDGET_RULES } from './budget/rules';
import { KPI_RULES } from './kpi/rules';

export const CATALOGUE: readonly RuleDef[] = [...Object.values(BUDGET_RULES), ...Object.values(KPI_RULES)];

const BY_ID = new Map(CATALOGUE.map((r) => [r.id, r]));

export function ruleById(id: string): RuleDef | undefined {
  return BY_ID.get(id);
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
