/**
 * Data validation in the double: a sheet keeps a list of rectangular regions, each with
 * one rule, error alert and ignoreBlanks (as Excel stores `<dataValidation sqref=…>`).
 * Setting a rule on a range replaces whatever covered those cells; clear() removes it.
 * Pure TS (no Node imports).
 */
import { type Rect, contains, intersects, localAddress } from './cells';
import { DoubleError } from './state';

/** The rule as given to `dataValidation.rule` (one criterion key), plain data. */
export type RuleState = Record<string, unknown>;

export interface AlertState {
  showAlert: boolean;
  style: string;
  title: string;
  message: string;
}

export interface ValidationRegion {
  rect: Rect;
  rule: RuleState;
  errorAlert: AlertState;
  ignoreBlanks: boolean;
}

/** Excel's defaults for a new rule: alert on, style Stop, no custom texts. */
export const DEFAULT_ALERT: AlertState = { showAlert: true, style: 'Stop', title: '', message: '' };

const CRITERIA = ['list', 'wholeNumber', 'decimal', 'date', 'time', 'textLength', 'custom'] as const;
const TYPE_OF: Record<string, string> = { list: 'List', wholeNumber: 'WholeNumber', decimal: 'Decimal', date: 'Date', time: 'Time', textLength: 'TextLength', custom: 'Custom' };
const ALERT_STYLES = new Set(['Stop', 'Warning', 'Information']);
/** Excel keeps a list formula to 255 characters. */
export const MAX_LIST_SOURCE = 255;

const bad = (msg: string, where: string) => new DoubleError('InvalidArgument', msg, where);

/** Checks a rule like Excel would and returns a plain copy. */
export function checkRule(rule: unknown): RuleState {
  const where = 'DataValidation.rule';
  if (!rule || typeof rule !== 'object') throw bad('The rule must be an object.', where);
  const keys = Object.keys(rule).filter((k) => (rule as Record<string, unknown>)[k] !== undefined);
  if (keys.length !== 1 || !(CRITERIA as readonly string[]).includes(keys[0])) throw bad('A data validation rule holds exactly one criterion.', where);
  const key = keys[0];
  const body = (rule as Record<string, unknown>)[key];
  if (!body || typeof body !== 'object') throw bad(`The ${key} criterion must be an object.`, where);
  if (key === 'list') {
    const l = body as { inCellDropDown?: unknown; source?: unknown };
    // A Range source is legal in Office.js; the double models literal lists only.
    if (typeof l.source !== 'string') throw bad('The double supports list sources given as text only.', where);
    if (l.source.trim() === '') throw bad('The list source is empty.', where);
    if (l.source.length > MAX_LIST_SOURCE) throw bad(`The list source is longer than ${MAX_LIST_SOURCE} characters.`, where);
    if (l.inCellDropDown !== undefined && typeof l.inCellDropDown !== 'boolean') throw bad('inCellDropDown must be a boolean.', where);
    return { list: { inCellDropDown: l.inCellDropDown ?? true, source: l.source } };
  }
  return { [key]: JSON.parse(JSON.stringify(body)) };
}

export function checkAlert(alert: unknown, current: AlertState): AlertState {
  const where = 'DataValidation.errorAlert';
  if (!alert || typeof alert !== 'object') throw bad('The error alert must be an object.', where);
  const a = alert as Partial<Record<keyof AlertState, unknown>>;
  const next = { ...current };
  if (a.showAlert !== undefined) {
    if (typeof a.showAlert !== 'boolean') throw bad('showAlert must be a boolean.', where);
    next.showAlert = a.showAlert;
  }
  if (a.style !== undefined) {
    if (typeof a.style !== 'string' || !ALERT_STYLES.has(a.style)) throw bad(`Unknown alert style ${String(a.style)}.`, where);
    next.style = a.style;
  }
  // Excel's dialog limits: title 32 characters, message 255.
  for (const [k, max] of [['title', 32], ['message', 255]] as const) {
    const v = a[k];
    if (v === undefined) continue;
    if (typeof v !== 'string' || v.length > max) throw bad(`${k} must be text of at most ${max} characters.`, where);
    next[k] = v;
  }
  return next;
}

/** Parts of `a` outside `b` (up to four rectangles). */
export function subtract(a: Rect, b: Rect): Rect[] {
  if (!intersects(a, b)) return [a];
  const out: Rect[] = [];
  if (a.r0 < b.r0) out.push({ ...a, r1: b.r0 - 1 });
  if (a.r1 > b.r1) out.push({ ...a, r0: b.r1 + 1 });
  const r0 = Math.max(a.r0, b.r0);
  const r1 = Math.min(a.r1, b.r1);
  if (a.c0 < b.c0) out.push({ r0, r1, c0: a.c0, c1: b.c0 - 1 });
  if (a.c1 > b.c1) out.push({ r0, r1, c0: b.c1 + 1, c1: a.c1 });
  return out;
}

function cut(regions: ValidationRegion[], rect: Rect): ValidationRegion[] {
  return regions.flatMap((v) => subtract(v.rect, rect).map((r) => ({ ...v, rect: r })));
}

/** Replaces the validation of `rect` by a new rule with default alert and ignoreBlanks. */
export function setRule(regions: ValidationRegion[], rect: Rect, rule: RuleState): ValidationRegion[] {
  return [...cut(regions, rect), { rect, rule, errorAlert: { ...DEFAULT_ALERT }, ignoreBlanks: true }];
}

/** Changes a property on the validated parts of `rect`; cells without a rule stay without one. */
export function setOnRegions(regions: ValidationRegion[], rect: Rect, change: (v: ValidationRegion) => ValidationRegion): ValidationRegion[] {
  const out: ValidationRegion[] = [];
  for (const v of regions) {
    if (!intersects(v.rect, rect)) out.push(v);
    else if (contains(rect, v.rect)) out.push(change(v));
    else {
      for (const r of subtract(v.rect, rect)) out.push({ ...v, rect: r });
      const inner = { r0: Math.max(v.rect.r0, rect.r0), c0: Math.max(v.rect.c0, rect.c0), r1: Math.min(v.rect.r1, rect.r1), c1: Math.min(v.rect.c1, rect.c1) };
      out.push(change({ ...v, rect: inner }));
    }
  }
  return out;
}

export function clearRegions(regions: ValidationRegion[], rect: Rect): ValidationRegion[] {
  return cut(regions, rect);
}

const area = (r: Rect) => (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);

/**
 * What `dataValidation.load(...)` reports for `rect`: the common rule/alert when one kind of
 * validation covers every cell; type `None` when none does, `MixedCriteria` when only some
 * cells are validated, `Inconsistent` when they differ (rule and alert then read null).
 */
export function readValidation(regions: ValidationRegion[], rect: Rect, prop: string): unknown {
  const hits = regions.filter((v) => intersects(v.rect, rect));
  const covered = hits.reduce((n, v) => {
    const i = { r0: Math.max(v.rect.r0, rect.r0), c0: Math.max(v.rect.c0, rect.c0), r1: Math.min(v.rect.r1, rect.r1), c1: Math.min(v.rect.c1, rect.c1) };
    return n + area(i);
  }, 0);
  const same = hits.every((v) => JSON.stringify([v.rule, v.errorAlert, v.ignoreBlanks]) === JSON.stringify([hits[0].rule, hits[0].errorAlert, hits[0].ignoreBlanks]));
  const uniform = hits.length > 0 && same && covered === area(rect);
  switch (prop) {
    case 'type':
      if (hits.length === 0) return 'None';
      if (covered < area(rect)) return 'MixedCriteria';
      return same ? TYPE_OF[Object.keys(hits[0].rule)[0]] : 'Inconsistent';
    case 'rule':
      return hits.length === 0 ? {} : uniform ? JSON.parse(JSON.stringify(hits[0].rule)) : null;
    case 'errorAlert':
      return hits.length === 0 ? { ...DEFAULT_ALERT } : uniform ? { ...hits[0].errorAlert } : null;
    case 'ignoreBlanks':
      return hits.length === 0 ? true : uniform ? hits[0].ignoreBlanks : null;
  }
  return undefined;
}

/** Plain-data listing for snapshots, in address order. */
export function snapshotRegions(regions: ValidationRegion[]): { range: string; rule: RuleState; errorAlert: AlertState; ignoreBlanks: boolean }[] {
  return [...regions]
    .sort((a, b) => a.rect.r0 - b.rect.r0 || a.rect.c0 - b.rect.c0)
    .map((v) => ({ range: localAddress(v.rect), rule: JSON.parse(JSON.stringify(v.rule)) as RuleState, errorAlert: { ...v.errorAlert }, ignoreBlanks: v.ignoreBlanks }));
}
