/** Types for scripts/bundle-size.js (plain CommonJS so it runs right after `npm run build`). */
export interface FileSize {
  file: string;
  bytes: number;
  gzip: number;
}
export interface BundleReport {
  files: FileSize[];
  /** Scripts taskpane.html loads at start (office.js excluded), in order. */
  initial: string[];
  firstLoad: number;
  firstLoadGzip: number;
  functions: FileSize | null;
  limits: { functions: number; firstLoad: number };
  /** Bilingual messages; empty when every budget holds. */
  problems: string[];
}
export const LIMITS: { functions: number; firstLoad: number };
export function measure(dist: string): BundleReport;
export function pageScripts(html: string): string[];
