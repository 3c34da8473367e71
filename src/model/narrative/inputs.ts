/**
 * The `说明输入` sheet: what only a person knows, as rows of (项目, 内容). The CLI reads
 * it from the clerk's workbook and the task pane's 公开 view reads and writes it, so
 * both use the same answers and re-running the conversion keeps every word. Keys are
 * the texts the 说明's `【待填写：…】` markers name, so a marker says which row fills it.
 */
import type { SheetPlan } from '../plan';
import { readAmount } from '../money';
import { norm } from '../text';
import { PRIOR_KEYS, type NarrativeInputs, type PriorKey, type PriorYear } from './types';

export const INPUTS_SHEET = '说明输入';
export const INPUTS_HEADER = ['项目', '内容', '填写说明'] as const;

type TextField = 'duties' | 'organisation' | 'projectUse' | 'operatingCost' | 'operatingUse' | 'assetPurchase' | 'other';

/** The fixed keys, in the order the sheet lists them, with the hint shown beside each. */
export const TEXT_KEYS: readonly { key: string; field: TextField; hint: string }[] = [
  { key: '单位职责', field: 'duties', hint: '每段一行；填“沿用上年”则照用上年说明中的文字' },
  { key: '机构设置', field: 'organisation', hint: '内设机构、单位性质、单位规格、经费保障形式；可填“沿用上年”' },
  { key: '项目支出主要用途', field: 'projectUse', hint: '如：劳务派遣人员工资、就业补助资金' },
  { key: '机关运行经费', field: 'operatingCost', hint: '万元；与基本支出表的公用经费不同时才填' },
  { key: '机关运行经费主要用途', field: 'operatingUse', hint: '如：办公费、邮电费等日常运转支出' },
  { key: '拟购置固定资产', field: 'assetPurchase', hint: '万元；本年度拟购置固定资产总额' },
  { key: '其他需要说明的事项', field: 'other', hint: '没有可不填' },
];

/** `基本支出增减原因` → 基本支出. */
const REASON = /^(.+)增减原因$/;
/** `上年基本支出` → 基本支出 (last year's figure typed by hand). */
const PRIOR = /^上年(.+)$/;
/** `预算数：就业工作经费` → the project's 预算数. */
const BUDGET = /^预算数[:：](.+)$/;

const PRIOR_BY_NORM = new Map(PRIOR_KEYS.map((k) => [norm(k).replace(/["“”]/g, ''), k] as const));
const priorKeyOf = (s: string): PriorKey | undefined => PRIOR_BY_NORM.get(norm(s).replace(/["“”]/g, ''));

export interface ReadInputs {
  inputs: NarrativeInputs;
  /** Last year's figures typed in the sheet (`上年收支总计`). */
  prior: PriorYear;
  /** Rows whose key the product does not know (typos), as `A5 键`. */
  unknown: string[];
  /** Prior figures that are not amounts. */
  errors: string[];
}

const cellText = (v: unknown): string => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v)).trim();

/** Reads a 说明输入 grid (a header row is optional). Blank 内容 means “not given”. */
export function readInputsGrid(values: unknown[][]): ReadInputs {
  const out: ReadInputs = { inputs: {}, prior: {}, unknown: [], errors: [] };
  const reasons: Partial<Record<PriorKey, string>> = {};
  const budgets: Record<string, string> = {};
  values.forEach((row, r) => {
    if (!Array.isArray(row)) return;
    const rawKey = cellText(row[0]);
    const text = cellText(row[1]);
    if (!rawKey || (r === 0 && rawKey === INPUTS_HEADER[0])) return;
    if (!text) return;
    const key = norm(rawKey).replace(/[:：]$/, '');
    const fixed = TEXT_KEYS.find((k) => norm(k.key) === key);
    if (fixed) {
      out.inputs[fixed.field] = text;
      return;
    }
    const m = REASON.exec(key);
    const reasonOf = m ? priorKeyOf(m[1]) : undefined;
    if (reasonOf) {
      reasons[reasonOf] = text;
      return;
    }
    const b = BUDGET.exec(key);
    if (b) {
      budgets[b[1].replace(/绩效目标表$/, '')] = text;
      return;
    }
    const p = PRIOR.exec(key);
    const priorOf = p ? priorKeyOf(p[1]) : undefined;
    if (priorOf) {
      const a = readAmount(text.replace(/\s*万元$/, ''));
      if (a.kind === 'number' && a.value) out.prior[priorOf] = a.value.toFixed(2);
      else out.errors.push(`${INPUTS_SHEET}!B${r + 1} ${rawKey}：应为金额（万元），现为“${text}”`);
      return;
    }
    out.unknown.push(`${INPUTS_SHEET}!A${r + 1} ${rawKey}`);
  });
  if (Object.keys(reasons).length) out.inputs.reasons = reasons;
  if (Object.keys(budgets).length) out.inputs.projectBudgets = budgets;
  return out;
}

/** The 说明输入 sheet among a workbook's sheets (by name, blanks ignored). */
export function findInputsSheet<T extends { name: string }>(sheets: T[]): T | undefined {
  return sheets.find((s) => norm(s.name) === INPUTS_SHEET);
}

/** Rows (项目, 内容, 填写说明) for the given inputs, listing every fixed key and every key still wanted. */
export function inputsRows(inputs: NarrativeInputs, prior: PriorYear = {}, wanted: string[] = []): string[][] {
  const rows: string[][] = [];
  const seen = new Set<string>();
  const add = (key: string, text: string | undefined, hint: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    rows.push([key, text ?? '', hint]);
  };
  for (const k of TEXT_KEYS) {
    const v = inputs[k.field];
    add(k.key, v === undefined ? undefined : String(v), k.hint);
  }
  for (const k of PRIOR_KEYS) {
    const r = inputs.reasons?.[k];
    if (r || wanted.includes(`${k}增减原因`)) add(`${k}增减原因`, r, '比上年有增减时说明主要原因');
  }
  for (const k of PRIOR_KEYS) {
    const v = prior[k];
    if ((v !== undefined && v !== '') || wanted.includes(`上年${k}`)) add(`上年${k}`, v === undefined ? undefined : String(v), '万元；没有上年公开表时手工填写');
  }
  for (const [name, v] of Object.entries(inputs.projectBudgets ?? {})) add(`预算数：${name}`, v, '万元；绩效目标表未列预算数时填写');
  for (const w of wanted) {
    if (BUDGET.test(w)) add(w, undefined, '万元；绩效目标表未列预算数时填写');
    else if (REASON.test(w) || PRIOR.test(w)) add(w, undefined, '');
  }
  return rows;
}

/** The 说明输入 sheet as a plan (the task pane inserts it; a clerk may also start from it). */
export function inputsSheetPlan(rows: string[][]): SheetPlan {
  const values = [[...INPUTS_HEADER], ...rows];
  const n = values.length;
  return {
    key: INPUTS_SHEET,
    name: INPUTS_SHEET,
    values,
    styles: [
      { range: `A1:C${n}`, style: { fontName: '宋体', fontSize: 11, vAlign: 'top', border: true } },
      { range: 'A1:C1', style: { bold: true, hAlign: 'center', fill: '#D9E1F2' } },
      { range: `B2:B${Math.max(2, n)}`, style: { wrap: true, numberFormat: '@' } },
      { range: `C2:C${Math.max(2, n)}`, style: { fontColor: '#595959', wrap: true } },
    ],
    merges: [],
    columnWidths: [24, 70, 36],
    rowHeights: {},
    page: { orientation: 'portrait', paper: 'A4', fitToWidth: true },
  };
}

/** The 说明输入 key a `【待填写：…】` marker text names, or undefined when the tables must be fixed instead. */
export function markerKey(text: string): string | undefined {
  const k = norm(text);
  if (TEXT_KEYS.some((t) => norm(t.key) === k)) return text;
  const m = REASON.exec(k) ?? PRIOR.exec(k);
  if (m && priorKeyOf(m[1])) return text;
  if (BUDGET.test(k)) return text;
  return undefined;
}

/**
 * Rows of a 说明输入 grid meant for one unit of a multi-unit workbook: a key may start
 * with a unit code (`323003：单位职责`); rows without one apply to every unit.
 */
export function rowsForUnit(values: unknown[][], unitCode: string | undefined): unknown[][] {
  return values.flatMap((row) => {
    if (!Array.isArray(row)) return [];
    const m = /^\s*(\d{6})\s*[:：/／\s]\s*(.+)$/.exec(cellText(row[0]));
    if (!m) return [row];
    return m[1] === unitCode ? [[m[2], ...row.slice(1)]] : [];
  });
}
