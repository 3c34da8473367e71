/**
 * The function table: every worksheet function as data — its exact name, typed
 * parameters and a body of a few lines that calls the model. Argument coercion,
 * defaults, whole-column trimming, result shaping and error values are the runner's
 * job (define.ts); a body only says what is wrong, in Chinese, by throwing
 * FunctionInputError.
 */
import { defineFunction, type CallContext } from './define';
import { FunctionInputError } from './errors';
import { originOf, sheetOf } from './grid';
import { lazy, getRuleSettings } from './runtime-state';
import { applySettings, type RuleSettings } from '../model/findings';
import { checksum, checksumText, checksumDetail, fingerprint, type ChecksumResult } from '../model/budget/checksum';
import { createDictionary, type Dictionary } from '../model/budget/dictionary';
import { normalizeCode, splitCodeName } from '../model/budget/codes';
import { validateKpiRows, kpiParseCells, NO_TABLE_MESSAGE } from '../model/kpi/validate';

function firstAddress(ctx: CallContext): string | undefined {
  return ctx.parameterAddresses?.[0];
}

const EMPTY_RANGE = '所选区域为空：请选择表格所在的单元格区域（可包含标题行和表头）。';

/** The subject dictionary, built once per runtime (see runtime-state.ts). */
export function dictionary(): Dictionary {
  return lazy('subject-dictionary', () => createDictionary());
}

export const BUDGET_CHECKSUM = defineFunction({
  name: 'BUDGET.CHECKSUM',
  params: [
    { name: 'table', type: 'matrix', label: '表格' },
    { name: 'kind', type: 'string', optional: true, label: '表名' },
    { name: 'detail', type: 'boolean', optional: true, default: false, label: '明细' },
  ],
  result: 'matrix',
  impl: ([table, kind, detail], ctx) => {
    if (table.length === 0) throw new FunctionInputError(EMPTY_RANGE);
    const address = firstAddress(ctx);
    const r = checksum(table, kind, address ? originOf(address) : undefined);
    // Not a table, or an unknown table name: #VALUE! with the model's explanation.
    if ('error' in r) throw new FunctionInputError(r.error);
    const settings = getRuleSettings();
    const res = settings ? withSettings(r, settings) : r;
    return detail ? checksumDetail(res) : [[checksumText(res)]];
  },
});

/** Disabled or re-graded rules (the workbook's settings) apply to the function as to the task pane. */
function withSettings(r: ChecksumResult, settings: RuleSettings): ChecksumResult {
  const findings = applySettings(r.findings, settings);
  return { ...r, findings, ok: !findings.some((f) => f.severity === 'error') };
}

export const BUDGET_SUBJECT = defineFunction({
  name: 'BUDGET.SUBJECT',
  params: [{ name: 'code', type: 'any', label: '科目编码' }],
  result: 'string',
  impl: ([code]) => {
    if (code === null || code === undefined || (typeof code === 'string' && code.trim() === '')) return '';
    const digits = normalizeCode(code) ?? splitCodeName(code)?.code ?? null;
    if (!digits) throw new FunctionInputError(`“${String(code)}”不是科目编码：应为 3、5 或 7 位数字，如 208、20801、2080101。`);
    const name = dictionary().name(digits);
    if (!name) throw new FunctionInputError(`科目编码 ${digits} 不在科目字典中。`, 'notAvailable');
    return name;
  },
});

export const BUDGET_FINGERPRINT = defineFunction({
  name: 'BUDGET.FINGERPRINT',
  params: [{ name: 'range', type: 'matrix', label: '区域' }],
  result: 'string',
  impl: ([range]) => {
    if (range.length === 0) throw new FunctionInputError(EMPTY_RANGE);
    return fingerprint(range);
  },
});

const SUMMARY_MODES = new Set(['SUMMARY', '汇总', '摘要']);
const ROW_MODES = new Set(['', 'ROWS', '逐行']);

export const KPI_VALIDATE = defineFunction({
  name: 'KPI.VALIDATE',
  params: [
    { name: 'rows', type: 'matrix', label: '绩效目标表' },
    { name: 'mode', type: 'string', optional: true, default: '', label: '模式' },
  ],
  result: 'matrix',
  impl: ([rows, mode], ctx) => {
    if (rows.length === 0) throw new FunctionInputError(EMPTY_RANGE);
    const m = mode.trim().toUpperCase();
    if (!SUMMARY_MODES.has(m) && !ROW_MODES.has(m)) throw new FunctionInputError(`参数“模式”只能省略或为 "summary"，实为“${mode}”。`);
    const address = firstAddress(ctx);
    const out = validateKpiRows(rows, SUMMARY_MODES.has(m) ? 'summary' : 'rows', {
      origin: originOf(address),
      sheet: sheetOf(address),
      settings: getRuleSettings(),
    });
    // Nothing in the range looks like a 绩效目标表: a #VALUE! rather than a spilled message.
    if (out === NO_TABLE_MESSAGE || (Array.isArray(out) && out[0]?.[0] === NO_TABLE_MESSAGE)) {
      throw new FunctionInputError(NO_TABLE_MESSAGE.replace(/^✘\s*/, '') + '。');
    }
    return typeof out === 'string' ? [[out]] : out;
  },
});

export const KPI_PARSE = defineFunction({
  name: 'KPI.PARSE',
  params: [{ name: 'value', type: 'any', label: '指标值' }],
  result: 'matrix',
  impl: ([value]) => [kpiParseCells(value)],
});

/** Every function, in the order of functions.json. */
export const FUNCTION_TABLE = [BUDGET_CHECKSUM, BUDGET_SUBJECT, BUDGET_FINGERPRINT, KPI_VALIDATE, KPI_PARSE] as const;
