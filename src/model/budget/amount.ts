/**
 * Fast amount reading for the hot path. Checks over 2,000-row tables must stay under
 * 20 ms, and constructing decimal.js objects for every cell costs several times that,
 * so the checker works on integer hundredths (分 of the table's unit) — exact for any
 * figure below 9×10^13 — and the model's `amounts` expose Decimals lazily. Anything
 * unusual (text, more decimals than allowed) goes through money.readAmount, so both
 * paths agree on rounding (half up, binary noise ignored).
 */
import { Decimal, readAmount, type AmountKind } from '../money';

export interface CellAmount {
  kind: AmountKind;
  /** Value in units of 10^-places, rounded half up; null unless kind is 'number'. */
  scaled: number | null;
  /** Decimals the input carried (binary noise removed). */
  decimals: number;
  /** The cell as text, for messages ('' for plain numbers that fit the precision). */
  raw: string;
  /** A number read from a text cell. */
  fromText?: boolean;
}

const BLANK: CellAmount = { kind: 'blank', scaled: null, decimals: 0, raw: '' };
const SCALE = [1, 10, 100, 1000, 10000, 100000, 1000000];

/** Reads one amount cell at the given precision (2 for 万元 tables). Never throws. */
export function readScaled(v: unknown, places = 2): CellAmount {
  if (v === '' || v === null || v === undefined) return BLANK;
  const scale = SCALE[places] ?? 10 ** places;
  if (typeof v === 'number' && Number.isFinite(v)) {
    const x = v * scale;
    const r = Math.round(Math.abs(x)) * (x < 0 ? -1 : 1);
    // Binary noise (861.5900000000001) stays far below 1e-6 of a hundredth.
    if (Math.abs(x - r) < 1e-6 && Math.abs(x) < 9e15) {
      // raw stays empty on this hot path; callers format the cell value when they report it.
      return { kind: 'number', scaled: r === 0 ? 0 : r, decimals: decimalsOfScaled(r, places), raw: '' };
    }
  }
  const a = readAmount(v, places);
  return {
    kind: a.kind,
    scaled: a.kind === 'number' && a.value ? a.value.times(scale).toNumber() : null,
    decimals: a.decimals,
    raw: a.raw,
    ...(a.fromText ? { fromText: true } : {}),
  };
}

/** Decimals of a value already known to fit `places`, from its scaled integer (86159 → 2, 86150 → 1). */
function decimalsOfScaled(r: number, places: number): number {
  let d = places;
  while (d > 0 && r % 10 === 0) {
    r /= 10;
    d--;
  }
  return d;
}

/** Scaled integer → fixed text (`86159` → `861.59`, `-10` → `-0.10`). */
export function fmtScaled(n: number, places = 2): string {
  // Beyond 2^53 String() switches to exponent notation (1e+302): format through Decimal.
  if (!Number.isSafeInteger(Math.round(n))) return Number.isFinite(n) ? new Decimal(n).dividedBy(SCALE[places] ?? 10 ** places).toFixed(places) : String(n);
  const neg = n < 0;
  const s = String(Math.abs(Math.round(n))).padStart(places + 1, '0');
  const body = places > 0 ? `${s.slice(0, s.length - places)}.${s.slice(s.length - places)}` : s;
  return neg ? `-${body}` : body;
}

/** Scaled integer → Decimal. */
export function toDecimal(n: number, places = 2): Decimal {
  return new Decimal(n).dividedBy(SCALE[places] ?? 10 ** places);
}

/** All of a row's amounts as Decimals (null where blank or unreadable). */
export function decimalsOf(scaled: Record<string, number | null>, places = 2): Record<string, Decimal | null> {
  const out: Record<string, Decimal | null> = {};
  for (const k of Object.keys(scaled)) {
    const n = scaled[k];
    out[k] = n === null ? null : toDecimal(n, places);
  }
  return out;
}

/**
 * A row's `amounts` as a view over its scaled integers: Decimals are built on first
 * read (all of the row's at once) and cached. Reads, `in`, Object.keys/entries, spread
 * and JSON behave as for a plain Record<string, Decimal | null>; writes go to the cache.
 * Building 12,000 Decimals eagerly would cost more than the whole check of a 2,000-row
 * table, and most rows are never read as Decimals.
 */
export function lazyAmounts(scaled: Record<string, number | null>, places = 2): Record<string, Decimal | null> {
  let cache: Record<string, Decimal | null> | null = null;
  const full = () => (cache ??= decimalsOf(scaled, places));
  return new Proxy({} as Record<string, Decimal | null>, {
    get: (_t, k) => (typeof k === 'string' ? full()[k] : undefined),
    set: (_t, k, v) => {
      full()[k as string] = v as Decimal | null;
      return true;
    },
    has: (_t, k) => k in full(),
    deleteProperty: (_t, k) => delete full()[k as string],
    ownKeys: () => Reflect.ownKeys(full()),
    getOwnPropertyDescriptor: (_t, k) => {
      const c = full();
      return typeof k === 'string' && k in c ? { value: c[k], enumerable: true, configurable: true, writable: true } : undefined;
    },
  });
}
