/**
 * `budget-table disclose <in.xlsx> -o <out.xlsx>`: reads the clerk's workbook,
 * finds the budget tables and 绩效目标表, and writes the disclosure package as a
 * NEW workbook. The input is only read; an existing output is refused (or, with
 * `force`, replaced whole — never appended to); the output appears complete or not at all.
 */
import { readWorkbookGrids } from './read-xlsx';
import { checkOutputPath } from './output';
import { writePlanToFile, type WritePlanOptions } from './write-plan';
import { analyzeWorkbook } from '../model/analyze';
import type { BudgetUnit } from '../model/budget';
import type { Finding } from '../model/findings';
import type { KpiProject } from '../model/kpi/types';
import type { WorkbookPlan } from '../model/plan';
import { buildDisclosurePlan, NAME_PREFIX, pendingItems, type DisclosurePlan, type NarrativeInputs, type PendingItem, type PriorYear } from '../model/layout';
import { findInputsSheet, mergePrior, readInputsGrid, rowsForUnit, type CarriedText } from '../model/narrative';
import type { SheetGrid } from '../model/workbook';
import { norm } from '../model/text';
import { readPriorWorkbook } from './prior';
import { append } from '../model/collect';
import { describeChoice, type Profile } from '../model/budget/profiles';
import { tablesIn } from '../model/budget/convert';
import { KIND_NAMES, type TableKind } from '../model/budget/types';

export interface DiscloseOptions extends WritePlanOptions {
  /** 预算年度 (default: the year the tables state). */
  year?: string;
  /** Only this unit (code or name, or part of the name) when the workbook holds several. */
  unit?: string;
  /** Last year's figures typed in; they win over `priorFile` and the 说明输入 sheet. */
  prior?: PriorYear;
  /** Last year's tables or package (`--prior`). */
  priorFile?: string;
  /** Overrides the workbook's 说明输入 sheet key by key. */
  narrativeInputs?: NarrativeInputs;
  /** Page number of each 目录 entry per unit (set by the PDF step once the pages are known). */
  pages?: (number | null)[][];
  /** Replace an existing output file whole. */
  force?: boolean;
  /** Table set of the input (profile id); otherwise matched from the titles. */
  profile?: string;
  /** Extra or renamed 科目 (code → name). */
  subjects?: Record<string, string>;
}

export interface DiscloseResult {
  outPath: string;
  /** Names of the sheets written, in order. */
  sheets: string[];
  /** Findings of the input workbook's check (the package is written anyway). */
  findings: Finding[];
  /** `【待填写：…】` items left in the 说明, per unit. */
  missing: string[];
  /** Everything the package still needs (markers in any sheet, paragraphs to review), per unit. */
  pending: (PendingItem & { unit?: string })[];
  /** Problems in the 说明输入 sheet (unknown keys, prior figures that are not amounts). */
  inputNotes: string[];
  /** Where last year's figures came from (`--prior`), per unit. */
  priorFrom: string[];
  /** The plans written, per unit (for the PDF step and the department check). */
  plans: DisclosurePlan[];
  /** Things the clerk should know (e.g. --year differs from the year the tables state). */
  warnings: string[];
  /** Which table set the input was read as and which layout the package uses. */
  profile: string;
}

/** Tables of a profile the package layout has no sheet for (T12–T15). */
function extraTables(p: Profile): string {
  const extra = p.tables.filter((t) => !/^T([1-9]|1[01])$/.test(t.kind)).map((t) => t.title);
  return extra.join('、');
}

/** The unit's tables in 万元; tables kept in 元/千元 are converted (each figure rounded, a 0.01 尾差 possible). */
function inWan(u: BudgetUnit, warnings: string[]): BudgetUnit['tables'] {
  const { tables, converted } = tablesIn(u.tables, '万元');
  if (converted.length) {
    const names = converted.map((k) => KIND_NAMES[k as TableKind]).join('、');
    warnings.push(`${u.name ?? u.code ?? ''}的${names}以元（或千元）填报，公开表已换算为万元并保留两位小数，合计与各项之和可能有 0.01 的尾差`);
  }
  return tables;
}

/** The clerk's answers for one unit: the 说明输入 sheet, then options given in code. */
export function inputsFor(sheets: SheetGrid[], unitCode: string | undefined, over?: NarrativeInputs): { inputs: NarrativeInputs; prior: PriorYear; notes: string[] } {
  const sheet = findInputsSheet(sheets);
  const read = sheet ? readInputsGrid(rowsForUnit(sheet.values, unitCode)) : { inputs: {}, prior: {}, unknown: [], errors: [] };
  const notes = [...read.unknown.map((u) => `说明输入中有未知的项目：${u}`), ...read.errors];
  const inputs: NarrativeInputs = { ...read.inputs, ...(over ?? {}) };
  if (read.inputs.reasons || over?.reasons) inputs.reasons = { ...(read.inputs.reasons ?? {}), ...(over?.reasons ?? {}) };
  return { inputs, prior: read.prior, notes };
}

/** `--unit` matches the code, code + name, or any part of the name. */
const unitMatches = (u: BudgetUnit, q: string) => {
  const k = norm(q);
  return !!k && (norm(u.code ?? '') === k || norm(`${u.code ?? ''}${u.name ?? ''}`) === k || norm(u.name ?? '').includes(k));
};

/** Projects go to the unit their 单位 line names; unlabelled ones to the first unit. */
function projectsOf(units: BudgetUnit[], projects: KpiProject[]): KpiProject[][] {
  const out: KpiProject[][] = units.map(() => []);
  for (const p of projects) {
    const label = norm(p.unit ?? '');
    let i = label ? units.findIndex((u) => (u.code && label.includes(norm(u.code))) || (u.name && label.includes(norm(u.name)))) : -1;
    if (i < 0) i = 0;
    out[i].push(p);
  }
  return out;
}

/** Several units' packages in one workbook: sheet names and names carry the unit code. */
function mergePlans(plans: WorkbookPlan[]): WorkbookPlan {
  return plans.length === 1 ? plans[0] : { sheets: plans.flatMap((p) => p.sheets), names: plans.flatMap((p) => p.names) };
}

export async function disclose(inPath: string, outPath: string, opts: DiscloseOptions = {}): Promise<DiscloseResult> {
  checkOutputPath(outPath, { force: opts.force, inputs: [inPath], what: '公开表' });

  const grids = await readWorkbookGrids(inPath);
  const analysis = analyzeWorkbook(grids, { profile: opts.profile, subjects: opts.subjects });
  let units = analysis.units;
  if (!units.length) throw new Error(`${inPath} 中没有找到预算公开表（收支总表、收入总表…），无法生成公开表`);
  if (opts.unit) {
    units = units.filter((u) => unitMatches(u, opts.unit!));
    if (!units.length) {
      const known = analysis.units.map((u) => `${u.code ?? ''}${u.name ?? ''}`).join('、');
      throw new Error(`没有找到单位“${opts.unit}”；工作簿中的单位：${known}`);
    }
  }
  const byUnit = projectsOf(analysis.units, analysis.projects);

  const missing: string[] = [];
  const pending: DiscloseResult['pending'] = [];
  const inputNotes: string[] = [];
  const priorFrom: string[] = [];
  const warnings: string[] = [];
  // The package is written in the national (Hebei county) layout, in 万元; say what the input was.
  let profile = '';
  if (analysis.profile) {
    const p = analysis.profile.profile;
    const extra = extraTables(p);
    profile = `${describeChoice(analysis.profile)}；公开表按全国通用格式（河北县级模板的 9+2 张表，万元）生成${extra ? `，该格式没有的${extra}只校验、不输出` : ''}`;
  }
  const multi = units.length > 1;
  const plans: DisclosurePlan[] = [];
  for (const [i, u] of units.entries()) {
    const year = opts.year ?? u.year;
    if (opts.year && u.year && opts.year !== u.year) {
      warnings.push(`--year ${opts.year} 与表格中的预算年度 ${u.year}（${u.name ?? u.code ?? ''}）不同，公开表按 ${opts.year} 年标注`);
    }
    if (!year) throw new Error('未能从工作簿读出预算年度，请用 --year 指定（例如 --year 2023）');
    const given = inputsFor(grids.sheets, u.code, opts.narrativeInputs);
    for (const n of given.notes) if (!inputNotes.includes(n)) inputNotes.push(n);
    let fromFile: PriorYear | undefined;
    let carried: CarriedText | undefined;
    if (opts.priorFile) {
      const p = await readPriorWorkbook(opts.priorFile, { code: u.code, name: u.name });
      if (p.year && p.year === year) throw new Error(`--prior ${opts.priorFile} 的预算年度也是 ${year} 年：请给出上一年的公开表`);
      if (p.year && /^\d{4}$/.test(year) && Number(p.year) !== Number(year) - 1) {
        warnings.push(`--prior 的预算年度是 ${p.year} 年，不是 ${Number(year) - 1} 年；说明中按“比${p.year}年”表述`);
      }
      fromFile = p.prior;
      carried = p.carried;
      priorFrom.push(`${p.unit}${p.year ? ` ${p.year}年` : ''}`);
    }
    // Figures typed in the 说明输入 sheet or given in code win over last year's file.
    const prior = mergePrior(mergePrior(fromFile, given.prior), opts.prior);
    const plan = buildDisclosurePlan({
      unit: { code: u.code, name: u.name ?? '' },
      year,
      tables: inWan(u, warnings),
      projects: byUnit[analysis.units.indexOf(u)],
      prior,
      narrativeInputs: given.inputs,
      carried,
      pages: opts.pages?.[i],
      namePrefix: multi ? `${NAME_PREFIX}${u.code ?? i + 1}.` : NAME_PREFIX,
      sheetPrefix: multi ? `${u.code ?? i + 1}` : undefined,
    });
    append(missing, plan.narrative.missing.map((m) => (multi ? `${u.name}：${m}` : m)));
    append(pending, pendingItems(plan).map((p) => (multi ? { ...p, unit: u.name } : p)));
    plans.push(plan);
  }

  const written = await writePlanToFile(mergePlans(plans), outPath, { force: opts.force, onProgress: opts.onProgress });
  return { outPath, sheets: written.created.map((c) => c.name), findings: analysis.findings, missing, pending, inputNotes, priorFrom, plans, warnings, profile };
}
