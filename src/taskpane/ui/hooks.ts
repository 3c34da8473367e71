/**
 * Small hooks shared by the views: run an async action with busy/error state, so
 * no view swallows an error and every failure reaches a Chinese MessageBar.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

const HAS_CJK = /[\u3400-\u9fff]/;

/**
 * The text a clerk sees for a failure. Messages the adapter and model throw are
 * already Chinese; anything else (a TypeError, a DOMException) is prefixed with
 * what was being done so the bar still says something useful in Chinese.
 */
export function errorText(e: unknown, doing: string): string {
  const msg = e instanceof Error ? e.message : typeof e === 'string' ? e : JSON.stringify(e);
  if (!msg) return `${doing}失败。`;
  return HAS_CJK.test(msg) ? msg : `${doing}失败：${msg}`;
}

export interface Action<A extends unknown[], R> {
  /** Runs the action; resolves to undefined when it failed (the error is in `error`). */
  run: (...args: A) => Promise<R | undefined>;
  busy: boolean;
  error: string | null;
  setError: (e: string | null) => void;
}

/**
 * Wraps an async function: one run at a time per action, `busy` while it runs,
 * `error` (Chinese) when it throws. State updates after unmount are dropped.
 */
export function useAction<A extends unknown[], R>(fn: (...args: A) => Promise<R>, doing: string): Action<A, R> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);
  const fnRef = useRef(fn);
  fnRef.current = fn;
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      setBusy(true);
      setError(null);
      try {
        return await fnRef.current(...args);
      } catch (e) {
        if (alive.current) setError(errorText(e, doing));
        return undefined;
      } finally {
        if (alive.current) setBusy(false);
      }
    },
    [doing],
  );
  return { run, busy, error, setError };
}
