/**
 * Text normalisation for cell contents. Published tables split names over lines
 * (`人力资源和社\n会保障管理事\n务`), pad headers with spaces (`项 目`) and mix
 * full-width and half-width forms; comparisons go through `norm`.
 */

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;
const FULL_WIDTH_ALL = /[\uff01-\uff5e\u3000]/g;

/** Full-width ASCII (digits, letters, ％, ＞, ＜, ＝, ．) to half-width; ideographic space to space. */
export function toHalfWidth(s: string): string {
  // Most cells hold none: skip the rebuild (this runs on every cell of every table).
  if (!FULL_WIDTH.test(s)) return s;
  return s.replace(FULL_WIDTH_ALL, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

/** Any cell value as display text (numbers in plain notation, errors as their code). */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return o.error;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('result' in o) return cellText(o.result);
    if (typeof o.text === 'string') return o.text;
  }
  return String(v);
}

const NEEDS_NORM = /[\s“”"「」『』‘’]/;

/**
 * Canonical form for matching titles, headers and names: half-width, no whitespace
 * (including line breaks inside a cell), curly and straight quotes unified, and the
 * `（` `）` brackets folded to ASCII.
 */
export function norm(v: unknown): string {
  const t = toHalfWidth(cellText(v));
  if (!NEEDS_NORM.test(t)) return t;
  return t.replace(/\s+/g, '').replace(/[“”"「」『』]/g, '"').replace(/[‘’]/g, "'");
}

/** Removes a leading outline number: `一、`, `（一）`, `1、`, `其中：`, `十八、`. */
export function stripOrdinal(s: string): string {
  return s
    .replace(/^\(?[一二三四五六七八九十百零〇]+[)、.．]?/, (m) => (/[)、.．]$/.test(m) ? '' : m))
    .replace(/^\d+[、.．)]/, '')
    .replace(/^其中[:：]/, '');
}
