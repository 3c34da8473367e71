/**
 * From the 公开 form and the workbook's grids to the disclosure plan: pick the unit,
 * its tables and its projects, turn typed prior-year figures into numbers, and let
 * D's layout build the sheets.
 */
import { analyzeWorkbook } from '../../model/analyze';
import { readAmount } from '../../model/money';
import { norm } from '../../model/text';
import type { SheetGrid } from '../../model/workbook';
import { buildDisclosurePlan, type DisclosurePlan } from '../../model/layout';
import { PRIOR_KEYS, type PriorKey, type PriorYear } from '../../model/narrative/types';
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
}

export function unitChoices(sheets: SheetGrid[]): UnitChoice[] {
  const { units } = analyzeWorkbook({ sheets }, { scope: 'budget' });
  return units.map((u, i) => ({ key: String(i), label: unitLabel(u), year: unitLine(u).year }));
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

export function planFromWorkbook(sheets: SheetGrid[], form: DisclosureForm): { plan: DisclosurePlan; missing: string[] } {
  const year = form.year.trim();
  if (!/^\d{4}$/.test(year)) throw new Error(`预算年度应为四位数字，如 2023，现为“${form.year}”。`);
  const analysis = analyzeWorkbook({ sheets });
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
  const reasons: Partial<Record<PriorKey, string>> = {};
  for (const [k, v] of Object.entries(form.reasons)) if (v && v.trim()) reasons[k as PriorKey] = v.trim();
  const plan = buildDisclosurePlan({
    unit: { code: line.code, name },
    year,
    tables: unit.tables,
    projects,
    prior: priorFigures(form),
    narrativeInputs: {
      duties: form.duties.trim() || undefined,
      organisation: form.organisation.trim() || undefined,
      reasons,
    },
  });
  return { plan, missing: plan.narrative.missing };
}
