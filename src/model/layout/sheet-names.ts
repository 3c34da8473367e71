/**
 * Excel sheet names: at most 31 characters, none of []:*?/\, not starting or
 * ending with an apostrophe, not `History`, unique ignoring case. Both renderers
 * (ExcelJS and Office.js) pick a free variant the same way: `收支总表 (2)`.
 */

export const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;

/** A valid sheet name for `desired` (forbidden characters become `_`, cut to 31 characters). */
export function sanitizeSheetName(desired: string): string {
  let s = desired.replace(FORBIDDEN, '_').replace(/[\r\n\t]+/g, ' ').trim();
  s = s.replace(/^'+|'+$/g, '');
  s = Array.from(s).slice(0, MAX_SHEET_NAME).join('').trim();
  if (!s || s.toLowerCase() === 'history') s = s ? `${s}_` : '表';
  return s;
}

/** `desired` (sanitised) if not taken, else `desired (2)`, `(3)` … shortened to stay within 31 characters. */
export function freeSheetName(desired: string, taken: Iterable<string>): string {
  const used = new Set(Array.from(taken, (t) => t.toLowerCase()));
  const base = sanitizeSheetName(desired);
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const head = Array.from(base).slice(0, MAX_SHEET_NAME - suffix.length).join('').trimEnd();
    const name = head + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}
