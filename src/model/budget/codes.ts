/**
 * Classification codes. 支出功能分类 codes are 3/5/7 digits (类/款/项), 部门预算支出经济分类
 * codes 3/5 digits (类/款). They reach us as numbers (208, 2080101), as text with stray
 * spaces or full-width digits (`208 01 01`, `２０８`), or glued to the name in one cell
 * (`208 社会保障和就业支出`). The parent of a code is its prefix, nothing else.
 */
import { toHalfWidth } from '../text';
import type { TableKind } from './types';

export type CodeScheme = 'function' | 'economic';

/** Code lengths per scheme, from the top level down. */
export const CODE_LENGTHS: Record<CodeScheme, readonly number[]> = {
  function: [3, 5, 7],
  economic: [3, 5],
};

const DIGITS_ONLY = /^\d+$/;
const SPACED_DIGITS = /^[\d\s.\-－—]+$/;
const CODE_THEN_NAME = /^\s*[[【(]?\s*(\d{3}(?:\s?\d{2}){0,2})\s*[\]】)]?\s*[-－—:：]?\s*([^\d\s\]】)].*)$/s;

/**
 * Digits of a code cell, or null when the cell does not hold a code. Numbers must be
 * non-negative integers; text may carry spaces, dots or dashes between the digit groups
 * (`208-01-01`). The length is not validated here (see `isValidCode`).
 */
export function normalizeCode(v: unknown): string | null {
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 0 || !Number.isInteger(v)) return null;
    return String(v);
  }
  if (typeof v !== 'string') return null;
  const t = toHalfWidth(v).trim();
  if (t === '') return null;
  if (DIGITS_ONLY.test(t)) return t;
  if (SPACED_DIGITS.test(t) && /\d/.test(t)) {
    const d = t.replace(/[^\d]/g, '');
    return d.length >= 3 ? d : null;
  }
  return null;
}

/** Splits `208 社会保障和就业支出` / `2080101行政运行` / `[2080101]行政运行` into code and name; null when no code leads. */
export function splitCodeName(v: unknown): { code: string; name: string } | null {
  if (typeof v !== 'string') return null;
  const m = CODE_THEN_NAME.exec(toHalfWidth(v));
  if (!m) return null;
  return { code: m[1].replace(/\s/g, ''), name: m[2].replace(/\s+/g, '') };
}

/** Scheme a table's codes belong to: T6, T13 and T14 list 经济分类 codes, the others 功能分类. */
export function schemeForKind(kind: TableKind): CodeScheme {
  return kind === 'T6' || kind === 'T13' || kind === 'T14' ? 'economic' : 'function';
}

/** Best guess from the code itself: function codes start with 2, economic ones with 3 or 5. */
export function guessScheme(code: string): CodeScheme {
  return code[0] === '2' ? 'function' : 'economic';
}

export function isValidCode(code: string, scheme: CodeScheme = guessScheme(code)): boolean {
  return DIGITS_ONLY.test(code) && CODE_LENGTHS[scheme].includes(code.length);
}

/** 1 = 类, 2 = 款, 3 = 项; 0 for a code of an unexpected length. */
export function codeLevel(code: string, scheme: CodeScheme = guessScheme(code)): number {
  return CODE_LENGTHS[scheme].indexOf(code.length) + 1;
}

/** Parent by prefix (2080101 → 20801 → 208 → null). */
export function parentCode(code: string, scheme: CodeScheme = guessScheme(code)): string | null {
  const lens = CODE_LENGTHS[scheme];
  const i = lens.indexOf(code.length);
  if (i <= 0) return null;
  return code.slice(0, lens[i - 1]);
}

/** Every ancestor, nearest first. */
export function ancestors(code: string, scheme: CodeScheme = guessScheme(code)): string[] {
  const out: string[] = [];
  let p = parentCode(code, scheme);
  while (p) {
    out.push(p);
    p = parentCode(p, scheme);
  }
  return out;
}
