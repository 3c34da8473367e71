/** Chinese errors for the task pane; the Excel error's code and message are kept for support. */

export class WorkbookError extends Error {
  constructor(message: string, readonly cause?: unknown) {
    super(message);
    this.name = 'WorkbookError';
  }
}

/** `InvalidArgument：…` from an Office.js error (or anything thrown). */
export function describe(e: unknown): string {
  if (e instanceof WorkbookError) return e.message;
  if (e && typeof e === 'object') {
    const o = e as { code?: unknown; message?: unknown };
    const code = typeof o.code === 'string' ? o.code : '';
    const msg = typeof o.message === 'string' ? o.message : '';
    if (code && msg) return `${code}：${msg}`;
    if (msg || code) return msg || code;
  }
  return String(e);
}

export function fail(prefix: string, e: unknown): WorkbookError {
  return new WorkbookError(`${prefix}：${describe(e)}`, e);
}
