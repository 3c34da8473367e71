/**
 * Excel sheet names: at most 31 characters, none of []:*?/\, not starting or
 * ending with an apostrophe, not `History`, unique ignoring case. Both renderers
 * (ExcelJS and Office.js) pick a free variant the same way: `收支总表 (2)`.
 */

export const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;

/**
 * The longest prefix of `s` of at most `max` UTF-16 code units, never splitting a surrogate
 * pair. Excel counts sheet-name length in UTF-16 units, so a CJK Extension-B character
 * (𠀀, two units) counts twice; counting code points would let `worksheets.add` throw.
 */
function cutUtf16(s: string, max: number): string {
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** A valid sheet name for `desired` (forbidden characters become `_`, cut to 31 UTF-16 units). */
export function sanitizeSheetName(desired: string): string {
  let s = desired.replace(FORBIDDEN, '_').replace(/[\r\n\t]+/g, ' ').trim();
  s = s.replace(/^'+|'+$/g, '');
  s = cutUtf16(s, MAX_SHEET_NAME).trim();
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
    const head = cutUtf16(base, MAX_SHEET_NAME - suffix.length).trimEnd();
    const name = head + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}
