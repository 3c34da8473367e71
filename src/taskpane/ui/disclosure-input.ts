/**
 * From the 公开 form and the workbook's grids to the disclosure plan: pick the unit,
 * its tables and its projects, turn typed prior-year figures into numbers, and let
 * D's layout build the sheets.
 */
import { analyzeWorkbook } from '../../model/analyze';
import { readAmount } from '../../model/money';
import { norm } from '../../model/text';
import type { SheetGrid } from '../../model/workbook';
import { buildDisclosurePlan, pendingItems, type DisclosurePlan, type PendingItem } from '../../model/layout';
import { PRIOR_KEYS, type NarrativeInputs, type PriorKey, type PriorYear } from '../../model/narrative/types';
import {
  INPUTS_SHEET,
  carriedText,
  findInputsSheet,
  inputsRows,
  keyFigures,
  priorFromFigures,
  readInputsGrid,
  rowsForUnit,
} from '../../model/narrative';
import type { BlockPlan } from '../excel/port';
import { consolidate, proveConsolidation } from '../../model/department';
import { unitLabel, unitLine } from './units';

export const PRIOR_FIELDS: readonly PriorKey[] = PRIOR_KEYS;
/** The changes a 说明 explains most often; the rest can be written in the tables' notes. */
export const REASON_FIELDS: readonly PriorKey[] = ['收支总计', '基本支出', '项目支出', '三公经费'];

export interface DisclosureForm {
  year: string;
  /** Index (as text) of the unit among the workbook's units. */
  unitKey: string;
  /** Unit name typed by hand when the workbook's tables do not say it. */
  unitName: string;
  prior: Partial<Record<PriorKey, string>>;
  duties: string;
  organisation: string;
  reasons: Partial<Record<PriorKey, string>>;
}

export function emptyForm(): DisclosureForm {
  return { year: '', unitKey: '', unitName: '', prior: {}, duties: '', organisation: '', reasons: {} };
}

export interface UnitChoice {
  key: string;
  label: string;
  year?: string;
  /** Tables found for the unit (a unit of one stray table is never the default). */
  tables?: number;
}

/**
 * The unit the 公开 view starts with: the one with the most tables, the newest year on a
 * tie — so last year's package pasted in is not taken for this year's, and one table with a
 * mistyped 预算年度 is not taken for a unit.
 */
export function defaultUnit(list: UnitChoice[]): UnitChoice | undefined {
  return list.reduce<UnitChoice | undefined>((a, u) => {
    if (!a) return u;
    const d = (u.tables ?? 0) - (a.tables ?? 0);
    return d > 0 || (d === 0 && Number(u.year ?? 0) > Number(a.year ?? 0)) ? u : a;
  }, undefined);
}

export function unitChoices(sheets: SheetGrid[]): UnitChoice[] {
  const { units } = analyzeWorkbook({ sheets }, { scope: 'budget', splitYears: true });
  return units.map((u, i) => ({ key: String(i), label: unitLabel(u), year: unitLine(u).year, tables: Object.keys(u.tables).length }));
}

/** Typed prior-year figures as numbers; a figure that is not a number is an error the clerk must fix. */
export function priorFigures(form: DisclosureForm): PriorYear {
  const prior: PriorYear = {};
  for (const k of PRIOR_FIELDS) {
    const raw = (form.prior[k] ?? '').trim();
    if (!raw) continue;
    const a = readAmount(raw.replace(/万元$/, ''));
    if (a.kind !== 'number' || !a.value) throw new Error(`上年数“${k}”应为金额（万元），现为“${raw}”。`);
    prior[k] = a.value.toNumber();
  }
  const y = Number(form.year);
  if (Number.isInteger(y) && y > 1900) prior.year = String(y - 1);
  return prior;
}

/** Units of another, earlier year in the workbook (last year's package pasted in): candidates for 选择上年公开表. */
export function priorChoices(sheets: SheetGrid[], year: string): UnitChoice[] {
  const y = year.trim();
  return unitChoices(sheets).filter((u) => !!u.year && u.year !== y && (!/^\d{4}$/.test(y) || Number(u.year) < Number(y)));
}

/**
 * Last year's figures and paragraphs from the chosen unit of another year: the prior
 * fields as texts (the clerk sees and may correct them) and 单位职责/机构设置 from that
 * year's 说明, for the clerk to review.
 */
export function priorFromWorkbook(sheets: SheetGrid[], key: string): { prior: Partial<Record<PriorKey, string>>; duties?: string; organisation?: string } {
  const { units } = analyzeWorkbook({ sheets }, { scope: 'budget', splitYears: true });
  const u = units[Number(key)];
  if (!u) throw new Error('没有找到所选的上年公开表。');
  const figures = priorFromFigures(keyFigures(u.tables), u.year);
  const prior: Partial<Record<PriorKey, string>> = {};
  for (const k of PRIOR_FIELDS) if (figures[k] !== undefined) prior[k] = String(figures[k]);
  // Paragraphs from a sheet that names last year's unit and year (its 说明), if any.
  const tag = `${u.year ?? ''}年`;
  const own = sheets.filter((s) => s.values.some((row) => Array.isArray(row) && row.some((v) => typeof v === 'string' && v.includes(tag) && (!u.name || v.includes(u.name)))));
  return { prior, ...carriedText(own) };
}

/** The form as the 说明输入 sheet keeps it (prior figures as `上年…` rows). */
export function formInputs(form: DisclosureForm): { inputs: NarrativeInputs; prior: PriorYear } {
  const reasons: Partial<Record<PriorKey, string>> = {};
  for (const [k, v] of Object.entries(form.reasons)) if (v && v.trim()) reasons[k as PriorKey] = v.trim();
  const inputs: NarrativeInputs = {};
  if (form.duties.trim()) inputs.duties = form.duties.trim();
  if (form.organisation.trim()) inputs.organisation = form.organisation.trim();
  if (Object.keys(reasons).length) inputs.reasons = reasons;
  const prior: PriorYear = {};
  for (const k of PRIOR_FIELDS) if ((form.prior[k] ?? '').trim()) prior[k] = form.prior[k]!.trim();
  return { inputs, prior };
}

export function hasInputs(form: DisclosureForm): boolean {
  const { inputs, prior } = formInputs(form);
  return Object.keys(inputs).length > 0 || Object.keys(prior).length > 0;
}

/** Fields of the form the workbook's 说明输入 sheet answers (only those the form leaves empty). */
export function formFromSheet(sheets: SheetGrid[], form: DisclosureForm): DisclosureForm {
  const sheet = findInputsSheet(sheets);
  if (!sheet) return form;
  const { inputs, prior } = readInputsGrid(sheet.values);
  const out: DisclosureForm = { ...form, prior: { ...form.prior }, reasons: { ...form.reasons } };
  if (!out.duties.trim() && inputs.duties) out.duties = inputs.duties;
  if (!out.organisation.trim() && inputs.organisation) out.organisation = inputs.organisation;
  for (const [k, v] of Object.entries(inputs.reasons ?? {})) if (!(out.reasons[k as PriorKey] ?? '').trim() && v) out.reasons[k as PriorKey] = v;
  for (const [k, v] of Object.entries(prior)) if (!(out.prior[k as PriorKey] ?? '').trim() && v !== undefined) out.prior[k as PriorKey] = String(v);
  return out;
}

/**
 * The 说明输入 block to write at A1 of its sheet: the form's answers over the sheet's own
 * rows (answers the form does not show — 预算数, 主要用途 — are kept), then blank rows
 * down to the old extent so no stale row survives. `existing` is the sheet when it exists.
 */
export function inputsBlock(form: DisclosureForm, existing?: SheetGrid): BlockPlan {
  const old = existing ? readInputsGrid(existing.values) : { inputs: {} as NarrativeInputs, prior: {} as PriorYear };
  const mine = formInputs(form);
  const inputs: NarrativeInputs = { ...old.inputs, ...mine.inputs };
  if (old.inputs.reasons || mine.inputs.reasons) inputs.reasons = { ...(old.inputs.reasons ?? {}), ...(mine.inputs.reasons ?? {}) };
  const rows = inputsRows(inputs, { ...old.prior, ...mine.prior });
  const values: (string | null)[][] = [['项目', '内容', '填写说明'], ...rows];
  const oldRows = existing ? (existing.origin?.row ?? 0) + existing.values.length : 0;
  while (values.length < oldRows) values.push([null, null, null]);
  const n = rows.length + 1;
  return {
    values,
    styles: [
      { range: `A1:C${n}`, style: { border: true, vAlign: 'top' } },
      { range: 'A1:C1', style: { bold: true, hAlign: 'center', fill: '#D9E1F2' } },
      { range: `B2:B${Math.max(2, n)}`, style: { wrap: true, numberFormat: '@' } },
    ],
  };
}

export { INPUTS_SHEET };

export function planFromWorkbook(sheets: SheetGrid[], form: DisclosureForm): { plan: DisclosurePlan; missing: string[]; pending: PendingItem[] } {
  const year = form.year.trim();
  if (!/^\d{4}$/.test(year)) throw new Error(`预算年度应为四位数字，如 2023，现为“${form.year}”。`);
  const analysis = analyzeWorkbook({ sheets }, { splitYears: true });
  const idx = Number(form.unitKey || '0');
  const unit = analysis.units[idx] ?? analysis.units[0];
  if (!unit) throw new Error('工作簿中没有找到预算公开表（收支总表等），无法生成公开表。');
  const line = unitLine(unit);
  const name = (line.name ?? '').trim() || form.unitName.trim();
  if (!name) throw new Error('请填写单位名称（表中没有写单位）。');
  // Projects of this unit: those whose 单位 names it, or all when the 绩效目标表 do not say.
  const key = norm(name);
  const own = analysis.projects.filter((p) => p.unit && norm(p.unit).includes(key));
  const unnamed = analysis.projects.filter((p) => !p.unit);
  const projects = analysis.units.length > 1 ? [...own, ...unnamed] : analysis.projects;
  // The form wins; answers it does not show (预算数, 主要用途 …) come from the 说明输入 sheet, as in the CLI.
  const sheet = findInputsSheet(sheets);
  const fromSheet = sheet ? readInputsGrid(rowsForUnit(sheet.values, line.code)) : { inputs: {} as NarrativeInputs, prior: {} as PriorYear };
  const mine = formInputs(form);
  const inputs: NarrativeInputs = { ...fromSheet.inputs, ...mine.inputs };
  if (fromSheet.inputs.reasons || mine.inputs.reasons) inputs.reasons = { ...(fromSheet.inputs.reasons ?? {}), ...(mine.inputs.reasons ?? {}) };
  const prior = { ...fromSheet.prior, ...priorFigures(form) };
  const plan = buildDisclosurePlan({
    unit: { code: line.code, name },
    year,
    tables: unit.tables,
    projects,
    prior,
    narrativeInputs: inputs,
  });
  return { plan, missing: plan.narrative.missing, pending: pendingItems(plan) };
}

/**
 * 汇总为部门公开表: the workbook's units of this year added up into one 部门 package,
 * proven like the CLI's (every identity holds, every amount = the sum of the units).
 * Throws, in Chinese, when a unit has errors or the proof fails; nothing is written then.
 */
export function departmentPlanFromWorkbook(sheets: SheetGrid[], form: DisclosureForm, name: string): { plan: DisclosurePlan; pending: PendingItem[]; units: number } {
  const year = form.year.trim();
  if (!/^\d{4}$/.test(year)) throw new Error(`预算年度应为四位数字，如 2023，现为“${form.year}”。`);
  const dept = name.trim();
  if (!dept) throw new Error('请填写部门名称。');
  const analysis = analyzeWorkbook({ sheets }, { splitYears: true });
  const units = analysis.units.filter((u) => !u.year || u.year === year);
  if (units.length < 2) throw new Error('工作簿中本年度的单位不足两个，无法汇总为部门公开表。');
  const errors = analysis.findings.filter((f) => f.severity === 'error' && f.rule.startsWith('BAL-'));
  if (errors.length) throw new Error(`各单位须先通过校验才能汇总：还有 ${errors.length} 个强制性错误，请先在“校验”页修正。`);
  const { code, tables } = consolidate({ name: dept, year, units });
  const { inputs, prior } = formInputs(form);
  const plan = buildDisclosurePlan({ unit: { code, name: dept }, year, tables, projects: analysis.projects, prior: { ...prior, ...priorFigures(form) }, narrativeInputs: inputs, level: '部门', namePrefix: '部门公开.', sheetPrefix: '部门' });
  const proof = proveConsolidation(plan, plan.sheets.filter((s) => /:T\d+$/.test(s.key)).map((s) => s.key), units);
  const bad = [...proof.findings.filter((f) => f.severity === 'error').map((f) => f.message), ...proof.mismatches];
  if (bad.length) throw new Error(`部门公开表未通过核对：${bad.slice(0, 5).join('；')}`);
  return { plan, pending: pendingItems(plan), units: units.length };
}
