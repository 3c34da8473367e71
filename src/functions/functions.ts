/**
 * The worksheet functions clerks type. Each export is what Excel calls: its JSDoc
 * (`@customfunction NAME`) generates functions.json at build time, and its body hands
 * the raw arguments to the runner with the matching entry of the function table
 * (src/functions/table.ts), where the parameters are declared and the model is called.
 *
 * No manifest namespace: the ids below are the full names (`BUDGET.CHECKSUM`).
 * Results declared as `unknown[][]` are matrices; a text-only answer is returned as
 * [[text]], which Excel shows in the formula cell without spilling.
 *
 * Registration: `CustomFunctions.associate` is called at the bottom for every entry of
 * FUNCTION_EXPORTS when the custom-functions runtime is present (not in Node tests or a
 * plain browser page).
 */
import { invoke, type AnyFunctionDef, type CallContext } from './define';
import { customFunctionsGlobal } from './errors';
import { BUDGET_CHECKSUM, BUDGET_SUBJECT, BUDGET_FINGERPRINT, KPI_VALIDATE, KPI_PARSE } from './table';

/** The part of CustomFunctions.Invocation we read (`@requiresParameterAddresses`). */
export interface Invocation {
  parameterAddresses?: string[];
  address?: string;
}

function context(invocation: Invocation | undefined): CallContext {
  return { parameterAddresses: invocation?.parameterAddresses };
}

/**
 * 核对一张预算公开表是否平衡：返回“✔ 平衡（27 行）”或“✘ 3 处不平：…”。明细为 TRUE 时逐处列出：位置 | 规则 | 说明 | 应为 | 实为 | 差额。
 * @customfunction BUDGET.CHECKSUM
 * @param table 一张公开表所在的区域，可包含标题行和表头。
 * @param [kind] 表名，如 收支总表、收入总表、支出总表、财政拨款收支总表、一般公共预算支出表、基本支出表、政府性基金支出表、国有资本经营支出表、三公经费表、固定资产表；省略时按表头识别。
 * @param {any} [detail] TRUE（或“明细”“是”）：列出每一处不平；省略或 FALSE：只返回一句结论。
 * @param {CustomFunctions.Invocation} invocation 调用信息（区域地址，用于报告单元格位置）。
 * @requiresParameterAddresses
 * @helpurl https://localhost:3000/assets/help.html
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- `any` makes the generator declare `detail` as any, so Excel passes text such as "明细" instead of rejecting it (D1)
export function budgetChecksum(table: unknown[][], kind?: string, detail?: any, invocation?: Invocation): unknown[][] {
  return invoke(BUDGET_CHECKSUM, [table, kind, detail], context(invocation)) as unknown[][];
}

/**
 * 按政府收支分类科目编码返回科目名称（如 2080101 → 行政运行）。
 * @customfunction BUDGET.SUBJECT
 * @param code 科目编码（功能分类 3、5、7 位或经济分类 3、5 位），数字或文本均可。
 * @helpurl https://localhost:3000/assets/help.html
 */
export function budgetSubject(code: unknown): string {
  return invoke(BUDGET_SUBJECT, [code]) as string;
}

/**
 * 金额指纹：由区域中规范化后的金额计算出的短哈希。金额不变则指纹不变，用于核对公开表是否仍与批复表一致。
 * @customfunction BUDGET.FINGERPRINT
 * @param range 表格区域（文字、空行和格式不影响指纹）。
 * @helpurl https://localhost:3000/assets/help.html
 */
export function budgetFingerprint(range: unknown[][]): string {
  return invoke(BUDGET_FINGERPRINT, [range]) as string;
}

/**
 * 逐行校验绩效目标表：返回与输入行对齐的一列结果（✔、✘ 错误、⚠ 警告；表头和空行留空）。mode 为 "summary" 时只返回一句汇总，如“2 个错误，5 个警告”。
 * @customfunction KPI.VALIDATE
 * @param rows 绩效目标表区域（四种版式均可，可含表头）。
 * @param [mode] 省略：逐行结果；"summary"（或“汇总”）：只返回错误和警告的个数。
 * @param {CustomFunctions.Invocation} invocation 调用信息（区域地址，用于报告单元格位置）。
 * @requiresParameterAddresses
 * @helpurl https://localhost:3000/assets/help.html
 */
export function kpiValidate(rows: unknown[][], mode?: string, invocation?: Invocation): unknown[][] {
  return invoke(KPI_VALIDATE, [rows, mode], context(invocation)) as unknown[][];
}

/**
 * 拆分绩效指标值，返回一行四列：符号 | 数值 | 单位 | 类型（如“≥95%” → ≥ | 95 | % | 定量）。
 * @customfunction KPI.PARSE
 * @param value 指标值单元格，如 ≥95%、=10 人、效果显著、每月15日前。
 * @helpurl https://localhost:3000/assets/help.html
 */
export function kpiParse(value: unknown): unknown[][] {
  return invoke(KPI_PARSE, [value]) as unknown[][];
}

/**
 * Every exported function with its table entry (linked by reference, not by a name
 * string). The id registered with Excel is the entry's name; a test checks that it
 * equals the `@customfunction` id of the same JavaScript function.
 */
export const FUNCTION_EXPORTS: readonly { def: AnyFunctionDef; fn: (...args: never[]) => unknown }[] = [
  { def: BUDGET_CHECKSUM, fn: budgetChecksum },
  { def: BUDGET_SUBJECT, fn: budgetSubject },
  { def: BUDGET_FINGERPRINT, fn: budgetFingerprint },
  { def: KPI_VALIDATE, fn: kpiValidate },
  { def: KPI_PARSE, fn: kpiParse },
];

/** Registers the functions with Excel; a no-op where the custom-functions runtime is absent. */
export function associateAll(): number {
  // office.js defines CustomFunctions.associate synchronously, before Office.onReady.
  const cf = customFunctionsGlobal();
  if (!cf || typeof cf.associate !== 'function') return 0;
  for (const { def, fn } of FUNCTION_EXPORTS) cf.associate(def.name, fn);
  return FUNCTION_EXPORTS.length;
}

associateAll();
