/**
 * What the 校验 view does with findings, as plain functions: mark accepted warnings,
 * group by table, count per severity, filter, and build the BUDGET.FINDINGS rows.
 */
import { qualify } from '../../model/address';
import { KIND_NAMES, type TableKind } from '../../model/budget/types';
import { SEVERITY_ZH, findingKey, type Finding, type Severity } from '../../model/findings';

export interface ShownFinding extends Finding {
  /** findingKey (rule@sheet!cell): what an acceptance is stored under. */
  key: string;
  /** The written reason when this warning was accepted. */
  accepted?: string;
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Only warnings (提示) can be accepted; an acceptance stored for an error is ignored. */
export function markAccepted(findings: Finding[], acceptances: Record<string, string>): ShownFinding[] {
  return findings.map((f) => {
    const key = findingKey(f);
    const reason = f.severity === 'warning' ? acceptances[key] : undefined;
    return reason ? { ...f, key, accepted: reason } : { ...f, key };
  });
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
  /** Accepted warnings (included in `warning`, not open). */
  accepted: number;
}

export function countFindings(fs: ShownFinding[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0, accepted: 0 };
  for (const f of fs) {
    c[f.severity]++;
    if (f.accepted) c.accepted++;
  }
  return c;
}

/** Errors plus warnings not accepted: what still stands in the way of publishing. */
export function openCount(c: Counts): number {
  return c.error + c.warning - c.accepted;
}

/** Chinese name of the table a finding belongs to (`收支总表`, a KPI project's name, or the sheet). */
export function tableLabel(f: Pick<Finding, 'table' | 'sheet'>): string {
  const t = f.table;
  if (t && t in KIND_NAMES) return KIND_NAMES[t as TableKind];
  if (t) return t;
  return f.sheet ? `工作表“${f.sheet}”` : '工作簿';
}

export interface FindingGroup {
  key: string;
  label: string;
  sheet?: string;
  findings: ShownFinding[];
  counts: Counts;
}

/** Groups in first-seen order (the model reports tables in workbook order). */
export function groupFindings(fs: ShownFinding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of fs) {
    const label = tableLabel(f);
    const key = `${f.sheet ?? ''}\u0000${label}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, label, sheet: f.sheet, findings: [], counts: { error: 0, warning: 0, info: 0, accepted: 0 } };
      groups.set(key, g);
    }
    g.findings.push(f);
  }
  for (const g of groups.values()) g.counts = countFindings(g.findings);
  return [...groups.values()];
}

export interface FindingFilter {
  severities: ReadonlySet<Severity>;
  hideAccepted: boolean;
}

export function filterFindings(fs: ShownFinding[], filter: FindingFilter): ShownFinding[] {
  return fs.filter((f) => filter.severities.has(f.severity) && !(filter.hideAccepted && f.accepted));
}

/** `'2.15 收支总表'!C12`, the sheet alone, or '' for a workbook-level finding. */
export function locationText(f: Pick<Finding, 'sheet' | 'cell'>): string {
  if (f.sheet && f.cell) return qualify(f.sheet, f.cell);
  return f.sheet ?? f.cell ?? '';
}

/** BUDGET.FINDINGS rows: 规则, 级别, 位置, 说明 (an accepted warning says so, with its reason). */
export function reportRows(fs: ShownFinding[]): string[][] {
  return fs.map((f) => [
    f.rule,
    f.accepted ? `${SEVERITY_ZH[f.severity]}（已接受）` : SEVERITY_ZH[f.severity],
    locationText(f),
    f.accepted ? `${f.message}【已接受，理由：${f.accepted}】` : f.message,
  ]);
}
