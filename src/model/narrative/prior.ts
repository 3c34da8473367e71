/**
 * Last year against this year: the prior figures (from last year's tables, this
 * product's own package, or typed by the clerk), the change of each figure the 说明
 * compares, and its wording (`比2022年增加12.50万元，增长3.21%`, `与2022年持平`).
 * Paragraphs that rarely change (单位职责, 机构设置) are read back from last year's 说明.
 */
import { Decimal, readAmount } from '../money';
import type { SheetGrid } from '../workbook';
import { norm } from '../text';
import type { KeyFigures } from './figures';
import { PRIOR_KEYS, type PriorKey, type PriorYear } from './types';

/** One compared figure, all amounts as published (two decimals). */
export interface YearChange {
  key: PriorKey;
  current: string;
  prior: string;
  /** current − prior, signed. */
  diff: string;
  /** diff / prior in %, two decimals, signed; null when last year's figure is zero. */
  rate: string | null;
  /** Where the current figure comes from (`T1.收入总计`). */
  source: string;
}

/** Reads a prior figure given as number or text (`3098.98`, `3098.98万元`); null when absent or not a number. */
export function priorAmount(prior: PriorYear | undefined, key: PriorKey): Decimal | null {
  const v = prior?.[key];
  if (v === undefined || v === null || v === '') return null;
  const a = readAmount(typeof v === 'string' ? v.replace(/\s*万元$/, '') : v);
  return a.kind === 'number' ? a.value : null;
}

export function yearChange(key: PriorKey, current: Decimal, prior: Decimal, source: string): YearChange {
  const c = current.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const p = prior.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const d = c.minus(p);
  const rate = p.isZero() ? null : d.div(p).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return { key, current: c.toFixed(2), prior: p.toFixed(2), diff: d.toFixed(2), rate: rate === null ? null : rate.toFixed(2), source };
}

/**
 * `比2022年增加12.50万元，增长3.21%` / `比2022年减少…万元，下降…%` / `与2022年持平`.
 * Without a rate (last year zero) only the amount is stated.
 */
export function changeWords(c: YearChange, priorYear: string): string {
  const d = new Decimal(c.diff);
  if (d.isZero()) return `与${priorYear}持平`;
  const up = d.isPositive();
  const amount = `比${priorYear}${up ? '增加' : '减少'}${d.abs().toFixed(2)}万元`;
  if (c.rate === null) return amount;
  return `${amount}，${up ? '增长' : '下降'}${new Decimal(c.rate).abs().toFixed(2)}%`;
}

/** The current figure the 说明 compares for each prior key. */
export const CURRENT_OF: Record<PriorKey, keyof KeyFigures | null> = {
  收支总计: '收入总计',
  财政拨款: '财政拨款',
  基本支出: '基本支出',
  项目支出: '项目支出',
  人员经费: '人员经费',
  公用经费: '公用经费',
  机关运行经费: null, // 公用经费 unless the clerk states another amount
  三公经费: '三公经费',
  '因公出国（境）费': '因公出国（境）费',
  公务用车购置及运维费: '公务用车购置及运维费',
  公务用车购置费: '公务用车购置费',
  公务用车运行维护费: '公务用车运行维护费',
  公务接待费: '公务接待费',
};

/**
 * Last year's figures from last year's tables (any layout the checker reads, this
 * product's package included). `operatingCost` is last year's stated 机关运行经费 when
 * it differed from 公用经费.
 */
export function priorFromFigures(f: KeyFigures, year?: string, operatingCost?: Decimal | null): PriorYear {
  const prior: PriorYear = {};
  if (year) prior.year = year;
  for (const k of PRIOR_KEYS) {
    const cur = CURRENT_OF[k];
    const v = cur ? f[cur].value : (operatingCost ?? f.公用经费.value);
    if (v !== null) prior[k] = v.toFixed(2);
  }
  return prior;
}

/** Typed prior figures win over those read from last year's tables. */
export function mergePrior(base: PriorYear | undefined, typed: PriorYear | undefined): PriorYear | undefined {
  if (!base && !typed) return undefined;
  const out: PriorYear = { ...(base ?? {}) };
  for (const [k, v] of Object.entries(typed ?? {})) if (v !== undefined && v !== '') (out as Record<string, unknown>)[k] = v;
  return out;
}

/** Review mark of a paragraph carried over from last year's 说明. */
export const CARRIED_MARK = '【沿用上年，请核对】';

export interface CarriedText {
  duties?: string;
  organisation?: string;
}

const HEADING = /^[一二三四五六七八九十]+、/;
const DUTIES = /^([（(]一[)）])?(单位|部门)(主要)?职责[:：]?$/;
const ORG = /^([（(]二[)）])?(单位|部门)?机构设置(情况)?[:：]?$/;

/** Text lines of a sheet in reading order (row by row, left to right). */
function sheetLines(s: SheetGrid): string[] {
  const out: string[] = [];
  for (const row of s.values) {
    if (!Array.isArray(row)) continue;
    for (const v of row) if (typeof v === 'string' && v.trim()) out.push(v.trim());
  }
  return out;
}

const clean = (line: string) =>
  line.replace(/^[\s　]+/, '').replace(CARRIED_MARK, '').trim();

/**
 * 单位职责 and 机构设置 from last year's 说明 (our own package's 说明 sheet, or a sheet with the
 * seed's `单位职责：` … `机构设置：` blocks). Placeholder paragraphs are never carried.
 */
export function carriedText(sheets: SheetGrid[]): CarriedText {
  for (const s of sheets) {
    const lines = sheetLines(s).map(clean);
    const d = lines.findIndex((l) => DUTIES.test(norm(l)));
    if (d < 0) continue;
    const o = lines.findIndex((l, i) => i > d && ORG.test(norm(l)));
    const stop = (from: number) => {
      const i = lines.findIndex((l, j) => j > from && (HEADING.test(l) || ORG.test(norm(l))));
      return i < 0 ? lines.length : i;
    };
    const block = (from: number) => lines.slice(from + 1, stop(from)).filter((l) => l && !l.includes('【待填写'));
    const out: CarriedText = {};
    const duties = block(d);
    if (duties.length) out.duties = duties.join('\n');
    if (o > 0) {
      const org = block(o);
      if (org.length) out.organisation = org.join('\n');
    }
    if (out.duties || out.organisation) return out;
  }
  return {};
}
