/**
 * Findings and the rule catalogue's types (after frictionless: a rule is data with a
 * stable id, severity, Chinese title and message template; a finding carries only
 * its parameters and position, and its message is rendered from the template).
 */

/** error = 强制 (must not be published like this), warning = 提示 (allowed with a written reason). */
export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_ZH: Record<Severity, string> = { error: '强制', warning: '提示', info: '信息' };
export const SEVERITY_MARK: Record<Severity, string> = { error: '✘', warning: '⚠', info: 'ℹ' };

export type Params = Record<string, string | number>;

export interface RuleDef {
  /** Stable id, e.g. `BAL-001`, `KPI-UNIT-01`. Never reused for another meaning. */
  id: string;
  severity: Severity;
  /** Short Chinese title for lists and the README. */
  title: string;
  /** Chinese message template; `{name}` placeholders are filled from the finding's params. */
  message: string;
  /** Tags for picking and skipping: `#budget`, `#kpi`, `#table`, `#cross`, `#row`, `#cell`, … */
  tags: string[];
  /** One example of input that triggers the rule (README). */
  example: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  /** Rendered Chinese message (what is wrong and what was expected). */
  message: string;
  params: Params;
  /** Sheet the finding is about, when known. */
  sheet?: string;
  /** A1 address of the cell the finding is about. */
  cell?: string;
  /** Table kind or KPI project the finding belongs to (for grouping). */
  table?: string;
  expected?: string;
  actual?: string;
  diff?: string;
  suggestion?: string;
}

/** The short constructor each rule catalogue uses; `family` is its tag (`#budget`, `#kpi`, `#workbook`). */
export function ruleMaker(family: string) {
  return (id: string, severity: Severity, title: string, message: string, tags: string[], example: string): RuleDef => ({
    id,
    severity,
    title,
    message,
    tags: [family, ...tags],
    example,
  });
}

/** A template split once into literal text (even indexes) and placeholder names (odd). */
const compiled = new Map<string, string[]>();

function partsOf(template: string): string[] {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    compiled.set(template, parts);
  }
  return parts;
}

/**
 * Fills `{name}` placeholders; unknown names stay visible so a slip shows in tests.
 * Templates are few and findings many (a 2,000-row table can yield thousands), so each
 * template is split once and rendering is plain concatenation.
 */
export function renderTemplate(template: string, params: Params): string {
  const parts = partsOf(template);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i];
    out += (Object.prototype.hasOwnProperty.call(params, k) ? String(params[k]) : `{${k}}`) + parts[i + 1];
  }
  return out;
}

/** Builds findings for one rule catalogue (keeps call sites short and typo-proof). */
export function makeFinding(
  def: RuleDef,
  params: Params,
  where: Omit<Finding, 'rule' | 'severity' | 'message' | 'params'> = {},
): Finding {
  return { rule: def.id, severity: def.severity, message: renderTemplate(def.message, params), params, ...where };
}

/** Per-workbook switches: rules turned off or re-graded (provinces differ). */
export interface RuleSettings {
  disabled?: string[];
  severity?: Record<string, Severity>;
  /** Accepted warnings: finding key → written reason. */
  accepted?: Record<string, string>;
}

/** Whether a rule id matches a pattern: an id, or a prefix ending in `*` (`KPI-DIR-*`). */
export function ruleMatches(id: string, pattern: string): boolean {
  return pattern.endsWith('*') ? id.startsWith(pattern.slice(0, -1)) : id === pattern;
}

/** Applies switches and re-grading; a rule id may also be a prefix ending in `*` (`KPI-DIR-*`). */
export function applySettings(findings: Finding[], settings: RuleSettings | undefined): Finding[] {
  if (!settings) return findings;
  const off = settings.disabled ?? [];
  const regrade = Object.entries(settings.severity ?? {});
  const out: Finding[] = [];
  for (const f of findings) {
    if (off.some((p) => ruleMatches(f.rule, p))) continue;
    const r = regrade.find(([p]) => ruleMatches(f.rule, p));
    out.push(r ? { ...f, severity: r[1] } : f);
  }
  return out;
}

/** A stable key for a finding (rule + sheet + cell), used to store acceptances. */
export function findingKey(f: Pick<Finding, 'rule' | 'sheet' | 'cell'>): string {
  return `${f.rule}@${f.sheet ?? ''}!${f.cell ?? ''}`;
}

export interface Summary {
  error: number;
  warning: number;
  info: number;
}

export function summarize(findings: readonly Pick<Finding, 'severity'>[]): Summary {
  const s: Summary = { error: 0, warning: 0, info: 0 };
  for (const f of findings) s[f.severity]++;
  return s;
}

/** `2 个错误，5 个警告` (zero counts omitted; `无问题` when empty). */
export function summaryText(s: Summary): string {
  const parts: string[] = [];
  if (s.error) parts.push(`${s.error} 个错误`);
  if (s.warning) parts.push(`${s.warning} 个警告`);
  if (s.info) parts.push(`${s.info} 条提示信息`);
  return parts.length ? parts.join('，') : '无问题';
}
