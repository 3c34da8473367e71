/** Types for scripts/validate-manifest.js (plain CommonJS so `npm run validate` needs no build). */
export interface ValidationResult {
  errors: string[];
  warnings: string[];
  info: { urls: number; files: number; icons: number; resources: number; checkedAgainst: string };
}
export interface ValidateOptions {
  /** Project root (sources and assets); defaults to the repository root. */
  root?: string;
  /** Build output directory to check URLs against; null maps URLs to sources; default dist/ when built. */
  dist?: string | null;
}
export function validateManifest(xml: string, opts?: ValidateOptions): ValidationResult;
export function main(argv: string[]): number;
export function pngSize(buf: Buffer): { width: number; height: number } | null;
