/**
 * What =BUDGET.CHECKSUM and =BUDGET.FINGERPRINT render. The custom functions wrap these
 * thinly; everything a clerk reads is decided here.
 *
 * - `checksumText`: `✔ 平衡（27 行）` when no error-severity finding (warnings such as an
 *   unknown code do not make a table unbalanced; the detail lists them), otherwise
 *   `✘ 3 处不平：第12行 20801 小计 861.59 ≠ 下级合计 861.49（差 0.10）；…`. Row numbers
 *   are sheet rows when an origin is given, else rows of the range. At most 10 items are
 *   spelled out, then `；…另有 N 处`.
 * - `checksumDetail`: header 位置 | 规则 | 说明 | 应为 | 实为 | 差额, one row per finding
 *   (all severities); when there is none, one row `['', '', '✔ 平衡（N 行）', '', '', '']`
 *   under the header, so the spill always has the same six columns.
 * - `fingerprint`: 12 hex chars over the amounts only (rounded to 2 decimals; text,
 *   formatting, blank rows, whitespace and leading blank columns ignored; zero counts as
 *   blank because published tables show zero either way).
 */
import { A1_ORIGIN, parseA1, type Origin } from '../address';
import type { Finding } from '../findings';
import { norm } from '../text';
import { readScaled } from './amount';
import { checkTable } from './check';
import type { ClassMap, Dictionary } from './dictionary';
import { isBlank, usedArea, isRow } from './grid';
import { ALL_KINDS } from './kinds';
import { isParseError, parseBudgetTable } from './parse';
import { BASIS } from './rules';
import { KIND_NAMES, KIND_TITLES, type TableKind } from './types';
import { append } from '../collect';

export interface ChecksumResult {
  ok: boolean;
  /** Data rows read. */
  rows: number;
  findings: Finding[];
  kind: TableKind;
  /** True when positions are relative to the range (no origin given). */
  relative: boolean;
}

/** `收支总表`, `T1`, `t1`, `单位预算收支总表` … → T1; null when not a kind name. */
export function kindOf(name: string): TableKind | null {
  const k = norm(name).replace(/"/g, '');
  const up = k.toUpperCase();
  if ((ALL_KINDS as string[]).includes(up)) return up as TableKind;
  for (const kind of ALL_KINDS) {
    if (KIND_NAMES[kind] === k || KIND_TITLES[kind].replace(/"/g, '') === k) return kind;
  }
  const bare = k.replace(/^(单位|部门)(预算)?/, '');
  for (const kind of ALL_KINDS) if (KIND_NAMES[kind] === bare) return kind;
  return null;
}

export interface ChecksumOptions {
  dictionary?: Dictionary;
  classMap?: ClassMap;
}

export function checksum(grid: unknown[][], kind?: string, origin?: Origin, opts: ChecksumOptions = {}): ChecksumResult | { error: string } {
  let forced: TableKind | undefined;
  if (kind !== undefined && kind !== null && String(kind).trim() !== '') {
    const k = kindOf(String(kind));
    if (!k) return { error: `不认识的表名「${kind}」，可用：${ALL_KINDS.map((x) => KIND_NAMES[x]).join('、')}` };
    forced = k;
  }
  const t = parseBudgetTable(grid, { origin: origin ?? A1_ORIGIN, kind: forced, dictionary: opts.dictionary, classMap: opts.classMap });
  if (isParseError(t)) return t;
  const findings = append(t.issues.slice(), checkTable(t));
  return { ok: !findings.some((f) => f.severity === 'error'), rows: t.dataRowCount ?? t.rows.length, findings, kind: t.kind, relative: !origin };
}

const MAX_ITEMS = 10;

function rowOf(f: Finding): string {
  const p = f.cell ? parseA1(f.cell) : null;
  return p ? `第${p.row + 1}行 ` : '';
}

/** One finding in the compact form of the one-line result. */
export function shortText(f: Finding): string {
  const p = f.params;
  const basis = (p.basis as string) || BASIS[f.rule];
  if (basis && p.actual !== undefined && p.expected !== undefined && p.col !== undefined) {
    return `${rowOf(f)}${p.label ?? p.code ?? ''} ${p.col} ${p.actual} ≠ ${basis} ${p.expected}（差 ${p.diff}）`.replace(/ {2,}/g, ' ');
  }
  return `${rowOf(f)}${f.message}`;
}

export function checksumText(r: ChecksumResult | { error: string }): string {
  if ('error' in r) return r.error;
  if (r.ok) return `✔ 平衡（${r.rows} 行）`;
  const errors = r.findings.filter((f) => f.severity === 'error');
  const items = errors.slice(0, MAX_ITEMS).map(shortText);
  const more = errors.length > MAX_ITEMS ? `；…另有 ${errors.length - MAX_ITEMS} 处` : '';
  return `✘ ${errors.length} 处不平：${items.join('；')}${more}`;
}

export const DETAIL_HEADER = ['位置', '规则', '说明', '应为', '实为', '差额'];

export function checksumDetail(r: ChecksumResult | { error: string }): string[][] {
  if ('error' in r) return [DETAIL_HEADER, ['', '', r.error, '', '', '']];
  if (!r.findings.length) return [DETAIL_HEADER, ['', '', `✔ 平衡（${r.rows} 行）`, '', '', '']];
  return [DETAIL_HEADER, ...r.findings.map((f) => [f.cell ?? '', f.rule, f.message, f.expected ?? '', f.actual ?? '', f.diff ?? ''])];
}

/** FNV-1a, 32 bits, over UTF-16 code units, from a given offset basis. */
function fnv1a(s: string, basis: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Short stable hash of a range's amounts (see the module comment for what counts). */
export function fingerprint(grid: unknown[][]): string {
  const { rows, cols } = usedArea(grid);
  let minCol = cols;
  for (let r = 0; r < rows; r++) {
    const row = grid[r];
    if (!isRow(row)) continue;
    for (let c = 0; c < Math.min(minCol, row.length); c++) {
      if (!isBlank(row[c])) {
        minCol = c;
        break;
      }
    }
  }
  const parts: string[] = [];
  for (let r = 0; r < rows; r++) {
    const row = grid[r];
    if (!isRow(row)) continue;
    let line = '';
    for (let c = minCol; c < Math.min(cols, row.length); c++) {
      const v = row[c];
      if (isBlank(v)) continue;
      const a = readScaled(v, 2);
      if (a.kind !== 'number' || a.scaled === 0) continue;
      line += `${c - minCol}:${a.scaled};`;
    }
    if (line) parts.push(line);
  }
  const s = parts.join('|');
  const h1 = fnv1a(s, 0x811c9dc5).toString(16).padStart(8, '0');
  const h2 = fnv1a(s, 0x050c5d1f).toString(16).padStart(8, '0');
  return h1 + h2.slice(0, 4);
}
