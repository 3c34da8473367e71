/**
 * 优/良/中/差 thresholds of a tier table (layout 3) as intervals, and what is wrong
 * with them: wrong direction or not monotonic, a gap between two grades, an overlap.
 *
 * Reading: `≥90% ≥80% ≥70% <70%` cascades — 良 is 80–90, 中 70–80; explicit ranges
 * (`20%>增长率≥10%`) are taken as written. Lower-is-better indicators are mirrored
 * (numbers negated) so one higher-is-better analysis serves both.
 */
import { fmtNumber } from './value';
import { TIER_NAMES, type KpiDirection, type KpiTier, type ParsedValue, type TierName } from './types';

export interface Interval {
  lo: number;
  loInc: boolean;
  hi: number;
  hiInc: boolean;
}

/** The set of values a threshold admits; null for a qualitative or unreadable threshold. */
export function intervalOf(p: ParsedValue): Interval | null {
  if (p.kind === 'range') {
    const r = p.range ?? {};
    if (!r.lower && !r.upper) return null;
    return {
      lo: r.lower ? r.lower.number : -Infinity,
      loInc: r.lower ? r.lower.op === '≥' : false,
      hi: r.upper ? r.upper.number : Infinity,
      hiInc: r.upper ? r.upper.op === '≤' : false,
    };
  }
  if (p.kind !== 'quantitative' || p.number === undefined) return null;
  const n = p.number;
  switch (p.op) {
    case '≥':
      return { lo: n, loInc: true, hi: Infinity, hiInc: false };
    case '>':
      return { lo: n, loInc: false, hi: Infinity, hiInc: false };
    case '≤':
      return { lo: -Infinity, loInc: false, hi: n, hiInc: true };
    case '<':
      return { lo: -Infinity, loInc: false, hi: n, hiInc: false };
    default:
      return { lo: n, loInc: true, hi: n, hiInc: true };
  }
}

function mirror(i: Interval): Interval {
  return { lo: -i.hi, loInc: i.hiInc, hi: -i.lo, hiInc: i.loInc };
}

export type TierProblem =
  | { kind: 'noop'; tier: TierName; value: string; hint: string }
  | { kind: 'direction' | 'order'; tiers: string; expected: string }
  | { kind: 'gap'; better: TierName; worse: TierName; text: string }
  | { kind: 'overlap'; better: TierName; worse: TierName; text: string };

/** Direction implied by the thresholds themselves (for names without a known direction). */
function impliedDirection(ps: ParsedValue[]): KpiDirection {
  let ge = 0;
  let le = 0;
  for (const p of ps.slice(0, 3)) {
    const op = p.op ?? (p.range?.lower && !p.range.upper ? '≥' : p.range?.upper && !p.range.lower ? '≤' : undefined);
    if (op === '≥' || op === '>') ge++;
    else if (op === '≤' || op === '<') le++;
  }
  if (ge > le) return 'higher';
  if (le > ge) return 'lower';
  const a = ps[0].number;
  const b = ps[1].number;
  if (a !== undefined && b !== undefined && a !== b) return a > b ? 'higher' : 'lower';
  return 'neutral';
}

function unitOf(ps: ParsedValue[]): string {
  for (const p of ps) if (p.unit) return p.unit;
  return '';
}

/**
 * Analyses one indicator's four thresholds. Qualitative grades (显著改善 / 明显改善 /
 * 有所改善 / 改善不明显) are allowed and yield nothing; a mix yields nothing either.
 */
export function analyzeTiers(tiers: Record<TierName, KpiTier>, direction: KpiDirection): TierProblem[] {
  const ps = TIER_NAMES.map((n) => tiers[n].parsed);
  if (ps.some((p) => p.kind === 'empty' || p.kind === 'garbage')) return [];
  const ivs = ps.map(intervalOf);
  if (ivs.some((i) => i === null)) return [];
  const unit = unitOf(ps);

  // Thresholds without an operator (差 `70%`): report and stop, the rest would be guesswork.
  const noop: TierProblem[] = [];
  TIER_NAMES.forEach((name, i) => {
    const p = ps[i];
    if (p.kind !== 'quantitative' || p.op || p.range) return;
    const pct = (p.unit ?? unit) === '%';
    if (i === 0 && (!pct || p.number === 100)) return; // 优 `100%` or `408人`: an exact target
    const dir = direction === 'neutral' ? impliedDirection(ps) : direction;
    const op = i === 3 ? (dir === 'lower' ? '>' : '<') : dir === 'lower' ? '≤' : '≥';
    noop.push({ kind: 'noop', tier: name, value: tiers[name].raw, hint: `，应为 ${op}${fmtNumber(p.number ?? 0)}${p.unit ?? unit}？` });
  });
  if (noop.length) return noop;

  const dir = direction === 'neutral' ? impliedDirection(ps) : direction;
  if (dir === 'neutral') return [];
  const m = (ivs as Interval[]).map((i) => (dir === 'lower' ? mirror(i) : i));
  const back = (x: number) => (dir === 'lower' ? -x : x);
  const fmt = (x: number) => `${fmtNumber(back(x))}${unit}`;

  // Strictness score: the lower boundary (or the upper one for `<70%`-style grades).
  const score = (i: Interval) => (Number.isFinite(i.lo) ? i.lo : Number.isFinite(i.hi) ? i.hi : NaN);
  const s = m.slice(0, 3).map(score);
  const shown = TIER_NAMES.map((n) => tiers[n].raw).join(' ');
  const expected = dir === 'lower' ? '逐级放宽（优的上限最低）' : '逐级放宽（优的下限最高）';
  if (s.some((x) => Number.isNaN(x))) return [];
  if (s[0] < s[1] && s[1] < s[2]) return [{ kind: 'direction', tiers: shown, expected }];
  if (!(s[0] > s[1] && s[1] > s[2])) return [{ kind: 'order', tiers: shown, expected }];

  const out: TierProblem[] = [];
  for (let k = 1; k < 4; k++) {
    const b = m[k - 1];
    const w = m[k];
    const better = TIER_NAMES[k - 1];
    const worse = TIER_NAMES[k];
    if (!Number.isFinite(w.hi)) continue; // cascading `≥` grade: ends where the better one starts
    if (!Number.isFinite(b.lo)) continue;
    const gap = w.hi < b.lo || (w.hi === b.lo && !w.hiInc && !b.loInc);
    const overlap = w.hi > b.lo || (w.hi === b.lo && w.hiInc && b.loInc);
    if (gap) {
      const a = Math.min(back(w.hi), back(b.lo));
      const z = Math.max(back(w.hi), back(b.lo));
      out.push({ kind: 'gap', better, worse, text: a === z ? fmt(w.hi) : `${fmtNumber(a)}${unit}–${fmtNumber(z)}${unit}` });
    } else if (overlap) {
      const a = Math.min(back(w.hi), back(b.lo));
      const z = Math.max(back(w.hi), back(b.lo));
      out.push({ kind: 'overlap', better, worse, text: a === z ? fmt(w.hi) : `${fmtNumber(a)}${unit}–${fmtNumber(z)}${unit}` });
    }
  }
  return out;
}
