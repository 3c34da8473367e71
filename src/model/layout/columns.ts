/**
 * Reading amounts out of a parsed BudgetTable by meaning. Parsers key their
 * columns (`total`, `basic` …) and keep the header text as label; the layout asks
 * for a column by key first and by header text second, so a workbook whose header
 * reads `本年收入小计` or `小计` lands in the same published column.
 */
import type { Decimal } from '../money';
import { norm } from '../text';
import type { BudgetRow, BudgetTable } from '../budget/types';
import { lineKey, type FixedLine } from './lines';

/** One published amount column: header text and how to find it in a parsed table. */
export interface ColSpec {
  /** Key the budget parser is expected to use. */
  key: string;
  /** Other keys seen for the same column. */
  keys?: string[];
  /** Matches the normalised header label of the parsed column. */
  match: RegExp;
}

/** Map of spec key → key of the parsed column (absent when the table has no such column). */
export function resolveColumns(table: BudgetTable | undefined, specs: ColSpec[]): Map<string, string> {
  const out = new Map<string, string>();
  if (!table) return out;
  const used = new Set<string>();
  for (const s of specs) {
    const wanted = [s.key, ...(s.keys ?? [])];
    const byKey = table.columns.find((c) => wanted.includes(c.key) && !used.has(c.key));
    const byLabel = byKey ?? table.columns.find((c) => !used.has(c.key) && s.match.test(norm(c.label).replace(/["'“”]/g, '')));
    if (byLabel) {
      out.set(s.key, byLabel.key);
      used.add(byLabel.key);
    }
  }
  return out;
}

/** The amount of `row` in the column resolved for `specKey`; null when blank or absent. */
export function amountOf(row: BudgetRow | undefined, cols: Map<string, string>, specKey: string): Decimal | null {
  if (!row) return null;
  const k = cols.get(specKey);
  return k === undefined ? null : (row.amounts[k] ?? null);
}

/** The single amount of a row on a one-amount side (T1 收入/支出 预算数, T4 收入 金额). */
export function soleAmount(row: BudgetRow | undefined, cols: Map<string, string>, specKey: string): Decimal | null {
  if (!row) return null;
  const k = cols.get(specKey);
  if (k !== undefined && k in row.amounts) return row.amounts[k] ?? null;
  const present = Object.values(row.amounts).filter((v) => v !== null && v !== undefined);
  return present.length === 1 ? (present[0] as Decimal) : null;
}

/** Rows of a fixed-line table side matched to the line list; extra rows come back unmatched. */
export function matchLines(rows: BudgetRow[], lines: FixedLine[]): { byLine: (BudgetRow | undefined)[]; extra: BudgetRow[] } {
  const byLine: (BudgetRow | undefined)[] = new Array(lines.length).fill(undefined);
  const extra: BudgetRow[] = [];
  for (const row of rows) {
    const keys = [row.line, row.name].filter((x): x is string => !!x).map(lineKey);
    const i = lines.findIndex((l, j) => byLine[j] === undefined && (keys.some((k) => l.match.test(k)) || (!!l.code && row.code === l.code)));
    if (i >= 0) byLine[i] = row;
    else extra.push(row);
  }
  return { byLine, extra };
}
