/**
 * Money as exact decimals. Every amount a table holds goes through `readAmount`,
 * which accepts what Excel and ExcelJS hand over (numbers that are binary doubles,
 * texts such as `3,889.89`, `—`, full-width digits) and never throws.
 */
import Decimal from 'decimal.js';
import { toHalfWidth } from './text';

export { Decimal };

/** What one amount cell holds, after reading. */
export type AmountKind = 'blank' | 'dash' | 'number' | 'text' | 'error';

export interface Amount {
  kind: AmountKind;
  /** The value rounded to the table's precision; null unless kind is 'number'. */
  value: Decimal | null;
  /** Number of decimals the input carried (after removing binary noise). */
  decimals: number;
  /** The original cell value as text, for messages. */
  raw: string;
  /** A number read from text (`'3,889.89'`): Excel's SUM would skip the cell. */
  fromText?: boolean;
}

const DASHES = /^[-－—–―~～/／\\]+$/;
const EXCEL_ERROR = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|BUSY!?)$/i;
const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/** Significant decimals of a double, ignoring binary noise (861.5900000000001 → 2). */
function decimalsOfNumber(n: number): number {
  const places = (s: string) => {
    const m = /\.(\d+)(?:e([+-]\d+))?$/i.exec(s) ?? /e-(\d+)$/i.exec(s);
    if (!m) return 0;
    return m[2] !== undefined ? Math.max(0, m[1].length - Number(m[2])) : m[1].length;
  };
  // Binary noise (861.5900000000001) disappears at 10 places; a genuinely long
  // decimal (465.45678901234567) keeps all the digits its shortest form shows.
  const short = places(new Decimal(n).toDecimalPlaces(10).toString());
  return short < 10 ? short : places(new Decimal(n).toString());
}

/**
 * Reads one amount cell. Blank, a dash and zero-width text are 'blank'/'dash'
 * (the published tables leave empty amounts blank); anything else that is not a
 * number is 'text' or 'error' so the caller can report it.
 */
export function readAmount(v: unknown, places = 2): Amount {
  if (v === null || v === undefined) return { kind: 'blank', value: null, decimals: 0, raw: '' };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'error', value: null, decimals: 0, raw: String(v) };
    const decimals = decimalsOfNumber(v);
    return { kind: 'number', value: new Decimal(v).toDecimalPlaces(places, Decimal.ROUND_HALF_UP), decimals, raw: String(v) };
  }
  if (typeof v === 'boolean') return { kind: 'text', value: null, decimals: 0, raw: String(v) };
  if (typeof v === 'object' && v !== null && 'error' in (v as Record<string, unknown>)) {
    return { kind: 'error', value: null, decimals: 0, raw: String((v as { error: unknown }).error) };
  }
  const raw = String(v);
  const t = toHalfWidth(raw).replace(/[\s,，]/g, '');
  if (t === '') return { kind: 'blank', value: null, decimals: 0, raw };
  if (DASHES.test(t)) return { kind: 'dash', value: null, decimals: 0, raw };
  if (EXCEL_ERROR.test(t)) return { kind: 'error', value: null, decimals: 0, raw };
  // A comma must separate thousands (`3,889.89`); `272，93` is a typed decimal point, not 27293.
  if (/[,，]/.test(raw) && !THOUSANDS.test(toHalfWidth(raw).replace(/[\s，]/g, (c) => (c === '，' ? ',' : '')))) {
    return { kind: 'text', value: null, decimals: 0, raw };
  }
  if (!NUMBER_TEXT.test(t)) return { kind: 'text', value: null, decimals: 0, raw };
  const d = new Decimal(t);
  const dot = t.indexOf('.');
  const decimals = dot < 0 ? 0 : t.replace(/0+$/, '').length - dot - 1;
  return { kind: 'number', value: d.toDecimalPlaces(places, Decimal.ROUND_HALF_UP), decimals: Math.max(0, decimals), raw, fromText: true };
}

/** `272，93` / `1,2` — a comma where a decimal point was meant: the likely amount, else null. */
export function commaAsDecimal(raw: string): string | null {
  const m = /^\s*([+-]?\d+)[,，](\d{1,2})\s*$/.exec(toHalfWidth(raw));
  return m ? `${m[1]}.${m[2]}` : null;
}

/** The amount as a Decimal, treating blank and dash as zero; null for text/errors. */
export function amountOrZero(a: Amount): Decimal | null {
  if (a.kind === 'number') return a.value;
  if (a.kind === 'blank' || a.kind === 'dash') return ZERO;
  return null;
}

export const ZERO = new Decimal(0);

/** Sum of decimals (exact). */
export function sum(values: Iterable<Decimal>): Decimal {
  let s = ZERO;
  for (const v of values) s = s.plus(v);
  return s;
}

/** Fixed two-decimal text as published: `861.59`, `0.00`. */
export function fmt(d: Decimal, places = 2): string {
  return d.toFixed(places);
}

/** Difference text for findings: `0.10`, `-3.00`. */
export function fmtDiff(d: Decimal, places = 2): string {
  return d.toFixed(places);
}
