/**
 * Array helpers safe for any length. `a.push(...b)` and `Math.max(...b)` pass every
 * element as a call argument and throw `Maximum call stack size exceeded` past ~100,000
 * elements — a 200,000-row table yields more findings than that.
 */

/** Appends `items` to `target` in place; returns `target`. */
export function append<T>(target: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) target.push(items[i]);
  return target;
}

/** The longest row's length (0 for none). */
export function maxRowLength(rows: readonly unknown[]): number {
  let w = 0;
  for (const r of rows) if (Array.isArray(r) && r.length > w) w = r.length;
  return w;
}

/** The largest of `values` (`init` for none). */
export function maxOf(values: Iterable<number>, init = -Infinity): number {
  let m = init;
  for (const v of values) if (v > m) m = v;
  return m;
}
