/**
 * `--prior last-year.xlsx`: last year's figures and paragraphs for this year's 说明.
 * The file may be last year's tables in any layout the checker reads, or the package
 * this product wrote last year (its 说明输入 sheet, when kept, gives the paragraphs).
 */
import { readWorkbookGrids } from './read-xlsx';
import { analyzeWorkbook } from '../model/analyze';
import type { BudgetUnit } from '../model/budget';
import { readAmount } from '../model/money';
import { norm } from '../model/text';
import {
  carriedText,
  findInputsSheet,
  keyFigures,
  priorFromFigures,
  readInputsGrid,
  rowsForUnit,
  type CarriedText,
  type PriorYear,
} from '../model/narrative';

export interface PriorPackage {
  prior: PriorYear;
  carried: CarriedText;
  /** The unit of last year's file the figures come from (`323001巨鹿县…`). */
  unit: string;
  year?: string;
}

/** The prior unit that matches this year's: same code, else same name, else the only one. */
export function matchPriorUnit(units: BudgetUnit[], code: string | undefined, name: string | undefined): BudgetUnit | undefined {
  if (code) {
    const u = units.find((x) => x.code && x.code === code);
    if (u) return u;
  }
  if (name) {
    const k = norm(name);
    const u = units.find((x) => x.name && norm(x.name) === k);
    if (u) return u;
  }
  return units.length === 1 ? units[0] : undefined;
}

export async function readPriorWorkbook(file: string, unit: { code?: string; name?: string }): Promise<PriorPackage> {
  const grids = await readWorkbookGrids(file);
  const { units } = analyzeWorkbook(grids, { scope: 'budget' });
  if (!units.length) throw new Error(`上年文件 ${file} 中没有找到预算公开表（收支总表等），无法读出上年数`);
  const u = matchPriorUnit(units, unit.code, unit.name);
  if (!u) {
    const known = units.map((x) => `${x.code ?? ''}${x.name ?? ''}`).join('、');
    throw new Error(`上年文件 ${file} 中没有与“${unit.code ?? ''}${unit.name ?? ''}”对应的单位；其中的单位：${known}`);
  }
  // Last year's 说明输入 (kept in this product's packages or the clerk's workbook) gives clean paragraphs.
  const inputsSheet = findInputsSheet(grids.sheets);
  const lastInputs = inputsSheet ? readInputsGrid(rowsForUnit(inputsSheet.values, u.code)).inputs : {};
  const op = lastInputs.operatingCost === undefined ? null : readAmount(String(lastInputs.operatingCost).replace(/\s*万元$/, ''));
  const prior = priorFromFigures(keyFigures(u.tables), u.year, op && op.kind === 'number' ? op.value : null);
  const fromText = carriedText(grids.sheets.filter((s) => s !== inputsSheet));
  const carried: CarriedText = {
    duties: lastInputs.duties?.trim() && !/^(沿用上年|同上年)/.test(lastInputs.duties.trim()) ? lastInputs.duties : fromText.duties,
    organisation: lastInputs.organisation?.trim() && !/^(沿用上年|同上年)/.test(lastInputs.organisation.trim()) ? lastInputs.organisation : fromText.organisation,
  };
  return { prior, carried, unit: `${u.code ?? ''}${u.name ?? ''}`, year: u.year };
}
