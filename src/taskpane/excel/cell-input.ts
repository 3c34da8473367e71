/**
 * How values and sizes go into Excel. Office.js parses strings written through
 * `range.values` as if typed: `=…`, `+…`, `-…` become formulas, `20801` a number,
 * `95%` 0.95, `2023-01-01` a date, `(100)` −100, `#N/A` an error. Budget text must
 * arrive exactly as in the plan, so risky strings get Excel's apostrophe prefix (it
 * is not part of the stored text and does not print).
 */
import type { PlanValue } from '../../model/plan';
import { maxRowLength } from '../../model/collect';

const RISKY_START = /^\s*[=+\-@'#(.\d$¥￥€£]/;
const RISKY_WORD = /^\s*(true|false)\s*$/i;

/** True when Excel would not store `s` as the same text if written as is. */
export function isRiskyText(s: string): boolean {
  return RISKY_START.test(s) || RISKY_WORD.test(s);
}

/** A cell value ready for `range.values`: blanks as '' (null would leave the old value). */
export function toExcelValue(v: PlanValue | boolean | undefined): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'boolean') return v;
  return isRiskyText(v) ? `'${v}` : v;
}

/** A rectangular values array (rows padded to the widest) with text guarded. */
export function toExcelGrid(values: readonly (readonly (PlanValue | boolean | undefined)[])[], width?: number): (string | number | boolean)[][] {
  const w = width ?? maxRowLength(values);
  return values.map((row) => Array.from({ length: w }, (_, j) => toExcelValue(row[j])));
}

/**
 * Excel column width in characters (what ExcelJS and the .xlsx file store) to the
 * points Office.js `format.columnWidth` takes. Excel renders width w as
 * trunc(((256·w + trunc(128/7)) / 256) · 7) pixels for a 7-pixel maximum digit width
 * (Calibri 11, also 等线 11), and 1 px = 0.75 pt at 96 dpi.
 */
export function charsToPoints(chars: number): number {
  if (!(chars > 0)) return 0;
  const px = Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
  return px * 0.75;
}

/** Groups equal neighbouring sizes: [[start, end, size]] over 0-based indexes. */
export function runs(sizes: ReadonlyMap<number, number>): [number, number, number][] {
  const keys = [...sizes.keys()].sort((a, b) => a - b);
  const out: [number, number, number][] = [];
  for (const k of keys) {
    const v = sizes.get(k)!;
    const last = out[out.length - 1];
    if (last && last[1] === k - 1 && last[2] === v) last[1] = k;
    else out.push([k, k, v]);
  }
  return out;
}
