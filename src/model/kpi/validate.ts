/**
 * What =KPI.VALIDATE and =KPI.PARSE return (src/functions wraps them).
 * Rows mode spills one cell per input row so the formula beside a table annotates it:
 * `✔` for a clean indicator row, `✘ …；⚠ …` for a row with findings, '' otherwise.
 */
import type { Origin } from '../address';
import { A1_ORIGIN, parseA1 } from '../address';
import { applySettings, findingKey, SEVERITY_MARK, summarize, summaryText, type Finding, type RuleSettings, type Severity } from '../findings';
import { checkProject } from './check';
import { parseKpiGrid } from './parse';
import { formatKpiValue, KIND_ZH, parseKpiValue } from './value';

export interface ValidateOptions {
  origin?: Origin;
  formats?: unknown[][];
  settings?: RuleSettings;
  sheet?: string;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Message shown when nothing in the range looks like a 绩效目标表. */
export const NO_TABLE_MESSAGE = '✘ 未识别到绩效目标表：区域应含“三级指标”“指标值”等列，或至少含一级/二级指标和指标值';

/**
 * The written reason when a warning was accepted in the settings (keyed by rule@sheet!cell;
 * a key without a sheet matches any sheet, as KPI.VALIDATE does not know its sheet).
 */
export function acceptedReason(f: Finding, settings: RuleSettings | undefined): string | undefined {
  const acc = settings?.accepted;
  if (!acc || f.severity !== 'warning') return undefined;
  return acc[findingKey(f)] ?? acc[findingKey({ rule: f.rule, cell: f.cell })];
}

/** Findings of every project in a grid, with settings applied, and the grid row each belongs to. */
export function validateKpiFindings(grid: unknown[][], opts: ValidateOptions = {}): { findings: Finding[]; rows: number[]; found: boolean; rowKinds: string[] } {
  const origin = opts.origin ?? A1_ORIGIN;
  const parsed = parseKpiGrid(grid, { origin, formats: opts.formats, sheet: opts.sheet });
  const findings: Finding[] = [];
  const rows: number[] = [];
  for (const p of parsed.projects) {
    const fs = applySettings(checkProject(p), opts.settings);
    for (const f of fs) {
      findings.push(f);
      const at = f.cell ? parseA1(f.cell) : null;
      const r = at ? at.row - origin.row : p.anchorRow;
      rows.push(r >= 0 && r < parsed.rowKinds.length ? r : p.anchorRow);
    }
  }
  return { findings, rows, found: parsed.projects.length > 0, rowKinds: parsed.rowKinds };
}

/**
 * =KPI.VALIDATE. `rows` mode (default): a column with exactly one cell per input row.
 * `summary` mode: one text (`2 个错误，5 个警告` or `✔ 无问题`). Never throws.
 */
export function validateKpiRows(grid: unknown[][], mode: 'rows' | 'summary' = 'rows', opts: ValidateOptions = {}): string[][] | string {
  const n = Array.isArray(grid) ? grid.length : 0;
  let res: ReturnType<typeof validateKpiFindings>;
  try {
    res = validateKpiFindings(Array.isArray(grid) ? grid : [], opts);
  } catch {
    return mode === 'summary' ? NO_TABLE_MESSAGE : Array.from({ length: Math.max(n, 1) }, (_, i) => [i === 0 ? NO_TABLE_MESSAGE : '']);
  }
  if (mode === 'summary') {
    if (!res.found) return NO_TABLE_MESSAGE;
    // Accepted warnings no longer count as open.
    const open = res.findings.filter((f) => !acceptedReason(f, opts.settings));
    const s = summarize(open);
    const accepted = res.findings.length - open.length;
    const tail = accepted ? `（另有 ${accepted} 个警告已接受）` : '';
    return s.error + s.warning + s.info === 0 ? `✔ 无问题${tail}` : `${summaryText(s)}${tail}`;
  }
  if (!res.found) return Array.from({ length: Math.max(n, 1) }, (_, i) => [i === 0 ? NO_TABLE_MESSAGE : '']);

  const byRow = new Map<number, Finding[]>();
  res.findings.forEach((f, i) => {
    const r = res.rows[i];
    const list = byRow.get(r);
    if (list) list.push(f);
    else byRow.set(r, [f]);
  });
  const out: string[][] = new Array(n);
  for (let r = 0; r < n; r++) {
    const fs = byRow.get(r);
    if (fs && fs.length) {
      fs.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
      out[r] = [
        fs
          .map((f) => {
            const why = acceptedReason(f, opts.settings);
            return why ? `${SEVERITY_MARK[f.severity]} [已接受：${why}] ${f.message}` : `${SEVERITY_MARK[f.severity]} ${f.message}`;
          })
          .join('；'),
      ];
    } else out[r] = [res.rowKinds[r] === 'indicator' ? '✔' : ''];
  }
  return out;
}

/** =KPI.PARSE: 符号 | 数值 | 单位 | 类型 of one 指标值. */
export function kpiParseCells(text: unknown, numberFormat?: string): [string, number | string, string, string] {
  const p = parseKpiValue(text, numberFormat);
  if (p.kind === 'range') {
    const b = p.range?.lower ?? p.range?.upper;
    return [formatKpiValue(p), b ? b.number : '', p.unit ?? '', KIND_ZH.range];
  }
  if (p.kind === 'reference') return [p.op ?? '', p.ref ?? '', '', KIND_ZH.reference];
  if (p.kind === 'quantitative') return [p.op ?? '', p.number ?? '', p.unit ?? '', KIND_ZH.quantitative];
  return ['', '', '', KIND_ZH[p.kind]];
}

