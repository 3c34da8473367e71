/**
 * Excel on the web limits each request and each response to 5 MB ("Excel on the web has a
 * payload size limit for requests and responses of 5MB", resource-limits-and-performance-
 * optimization.md); over it the sync fails with RequestPayloadSizeLimitExceeded or
 * ResponsePayloadSizeLimitExceeded. Bulk reads and writes are therefore split into row
 * chunks of a cell budget, one sync each.
 */

/**
 * Cells read per sync. A budget cell costs about 12 bytes of values (`"行政运行",` or
 * `861.59,`) plus 10 of number format (`"General",`); 100,000 cells ≈ 2–3 MB, leaving
 * room for long texts under the limit.
 */
export const CELLS_PER_SYNC = 100_000;

/**
 * Cells written per sync: the add-in writes values and number formats, texts of up to a
 * few dozen CJK characters (3 bytes each in UTF-8), so a smaller budget than reads.
 */
export const WRITE_CELLS_PER_SYNC = 40_000;

/** The error codes Excel gives when a request or its answer is over the payload limit. */
export const PAYLOAD_ERRORS = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);

export function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && PAYLOAD_ERRORS.has(code);
}

/** Row chunks `[first, count]` of a rows × cols block with at most `cells` cells each (≥ 1 row). */
export function rowChunks(rows: number, cols: number, cells: number): [number, number][] {
  const step = Math.max(1, Math.floor(cells / Math.max(1, cols)));
  const out: [number, number][] = [];
  for (let o = 0; o < rows; o += step) out.push([o, Math.min(step, rows - o)]);
  return out;
}
