/**
 * The ribbon page and the task pane are two pages of one WPS 加载项; they share
 * `Application.PluginStorage` (WPS's key–value store for an add-in's pages). A ribbon
 * button that finds the pane already open leaves a view request there; the pane polls
 * for it. A pane opened by a button gets the view in its URL (`?view=checks`).
 */
import type { TabKey } from '../taskpane/ui/App';

export const VIEW_KEY = 'budget-helper.view';
export const PANE_KEY = 'budget-helper.taskpane';
const VIEWS: readonly TabKey[] = ['tables', 'checks', 'kpi', 'disclose'];

export interface PluginStorage {
  getItem(key: string): unknown;
  setItem(key: string, value: unknown): void;
}

export function isView(v: unknown): v is TabKey {
  return typeof v === 'string' && (VIEWS as readonly string[]).includes(v);
}

/** `?view=checks` → 'checks'; undefined when absent or unknown. */
export function viewFromSearch(search: string): TabKey | undefined {
  const v = new URLSearchParams(search).get('view');
  return isView(v) ? v : undefined;
}

/** Asks an open pane to show `view` (a fresh token each time, so the same view can be asked twice). */
export function requestView(storage: PluginStorage, view: TabKey, now = Date.now()): void {
  storage.setItem(VIEW_KEY, `${view}@${now}`);
}

/** Polls the storage for view requests made after subscribing. */
export function viewRequests(storage: PluginStorage, intervalMs = 400): (listener: (view: TabKey) => void) => () => void {
  return (listener) => {
    let last = storage.getItem(VIEW_KEY);
    const timer = setInterval(() => {
      const v = storage.getItem(VIEW_KEY);
      if (v === last) return;
      last = v;
      const view = typeof v === 'string' ? v.split('@')[0] : undefined;
      if (isView(view)) listener(view);
    }, intervalMs);
    return () => clearInterval(timer);
  };
}
