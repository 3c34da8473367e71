/**
 * What this Excel can do, from `Office.context.requirements.isSetSupported`. Each feature
 * names the requirement set its Office.js calls need; the versions are checked by a test
 * against the sets of the members each flow really calls (generated from @types/office-js,
 * test/adapter/profiles.test.ts), so they cannot drift from the code.
 */
export type Supports = (set: string, minVersion: string) => boolean;

export interface Feature {
  key: 'detect' | 'writeback' | 'disclose' | 'dropdowns' | 'print' | 'functions';
  /** Chinese name of the feature (support matrix, messages). */
  label: string;
  set: string;
  version: string;
  /** What the pane says when this Excel lacks it. */
  missing: string;
}

export const FEATURES: readonly Feature[] = [
  { key: 'detect', label: '识别与核对表格', set: 'ExcelApi', version: '1.7', missing: '识别表格需要 Excel 2019 或更新版本（ExcelApi 1.7）。当前 Excel 无法读取工作簿，请改用命令行工具 budget-table 核对。' },
  { key: 'writeback', label: '写入结果与关键数字', set: 'ExcelApi', version: '1.7', missing: '把结果写入工作簿需要 Excel 2019 或更新版本（ExcelApi 1.7）；结果只在任务窗格中显示。' },
  { key: 'disclose', label: '生成公开表', set: 'ExcelApi', version: '1.7', missing: '生成公开表需要 Excel 2019 或更新版本（ExcelApi 1.7）。' },
  { key: 'dropdowns', label: '下拉列表', set: 'ExcelApi', version: '1.8', missing: '下拉列表需要较新版本的 Excel（ExcelApi 1.8）；表格已生成，但未设置下拉列表。' },
  { key: 'print', label: '打印设置', set: 'ExcelApi', version: '1.9', missing: '打印设置需要较新版本的 Excel（ExcelApi 1.9）；表格已生成，请在“页面布局”中手工设置纸张、方向和标题行。' },
  {
    key: 'functions',
    label: '工作表函数（BUDGET.CHECKSUM 等）',
    set: 'CustomFunctionsRuntime',
    version: '1.3',
    missing: '工作表函数（BUDGET.CHECKSUM、KPI.VALIDATE 等）需要 Excel 2021、Microsoft 365 或 Excel 网页版；当前 Excel 中可使用任务窗格的全部核对功能。',
  },
];

export function feature(key: Feature['key']): Feature {
  return FEATURES.find((f) => f.key === key)!;
}

/** The running Office's isSetSupported; everything is allowed outside Office (tests, CLI). */
export function officeSupports(): Supports {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported?: (n: string, v?: string) => boolean } } } }).Office;
  const req = office?.context?.requirements;
  if (!req || typeof req.isSetSupported !== 'function') return () => true;
  return (set, version) => req.isSetSupported!(set, version);
}

/** The features this Excel lacks, with their Chinese messages. */
export function missingFeatures(supports: Supports): Feature[] {
  return FEATURES.filter((f) => !supports(f.set, f.version));
}
