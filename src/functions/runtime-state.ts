/**
 * State that lives once per JavaScript runtime. In the shared runtime the task pane
 * bundle and the functions bundle run in the same page but are separate webpack
 * bundles, so a plain module-level variable would exist twice. The state is therefore
 * kept on `globalThis` under a registered symbol: both bundles (and Node tests) see
 * the same object.
 *
 * - `lazy(key, create)`: build an expensive read-only thing (the subject dictionary)
 *   on first use, then reuse it for every recalculation.
 * - rule settings: the task pane loads the workbook's settings (disabled rules,
 *   re-graded severities) and hands them over with `setRuleSettings`; the functions
 *   read them on their next calculation. Excel does not recalculate by itself when they
 *   change; the task pane may ask for a recalculation (`application.calculate`).
 */
import type { RuleSettings } from '../model/findings';

const KEY = Symbol.for('budget-disclosure-helper.runtime-state');

interface RuntimeState {
  cache: Map<string, unknown>;
  settings?: RuleSettings;
  /** Bumped on every settings change (lets callers tell a stale cache). */
  settingsVersion: number;
}

function state(): RuntimeState {
  const g = globalThis as unknown as Record<symbol, RuntimeState | undefined>;
  let s = g[KEY];
  if (!s) {
    s = { cache: new Map(), settingsVersion: 0 };
    g[KEY] = s;
  }
  return s;
}

/** The value for `key`, created by `create` on first use and kept for the life of the runtime. */
export function lazy<T>(key: string, create: () => T): T {
  const { cache } = state();
  if (!cache.has(key)) cache.set(key, create());
  return cache.get(key) as T;
}

/** Rule switches the task pane loaded for this workbook; undefined = catalogue defaults. */
export function getRuleSettings(): RuleSettings | undefined {
  return state().settings;
}

export function setRuleSettings(settings: RuleSettings | undefined): void {
  const s = state();
  s.settings = settings;
  s.settingsVersion++;
}

export function settingsVersion(): number {
  return state().settingsVersion;
}

/** Forgets cached singletons and settings (tests). */
export function resetRuntimeState(): void {
  const s = state();
  s.cache.clear();
  s.settings = undefined;
  s.settingsVersion++;
}
