/**
 * `budget-table disclose <in.xlsx> -o <out.xlsx>`: reads the clerk's workbook,
 * finds the budget tables and 绩效目标表, and writes the disclosure package as a
 * NEW file (or as new sheets added to an existing output file). The input is only
 * read; the output appears complete or not at all.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { readWorkbookGrids } from './read-xlsx';
import { writePlanToFile, type WritePlanOptions } from './write-plan';
import { analyzeWorkbook } from '../model/analyze';
import type { BudgetUnit } from '../model/budget';
import type { Finding } from '../model/findings';
import type { KpiProject } from '../model/kpi/types';
import type { WorkbookPlan } from '../model/plan';
import { buildDisclosurePlan, NAME_PREFIX, type NarrativeInputs, type PriorYear } from '../model/layout';
import { norm } from '../model/text';

export interface DiscloseOptions extends WritePlanOptions {
  /** 预算年度 (default: the year the tables state). */
  year?: string;
  /** Only this unit (code or name, or part of the name) when the workbook holds several. */
  unit?: string;
  prior?: PriorYear;
  narrativeInputs?: NarrativeInputs;
}

export interface DiscloseResult {
  outPath: string;
  /** Names of the sheets written, in order. */
  sheets: string[];
  /** Findings of the input workbook's check (the package is written anyway). */
  findings: Finding[];
  /** `【待填写：…】` items left in the 说明, per unit. */
  missing: string[];
}

async function realOrResolved(p: string): Promise<string> {
  try {
    return await fs.realpath(p);
  } catch {
    return path.resolve(p);
  }
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
  const inReal = await realOrResolved(inPath);
  const outReal = await realOrResolved(outPath);
  if (inReal === outReal) throw new Error('输出文件不能是输入文件：公开表总是写入新的工作簿');

  const grids = await readWorkbookGrids(inPath);
  const analysis = analyzeWorkbook(grids);
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
  const plans = units.map((u, i) => {
    const year = opts.year ?? u.year;
    if (!year) throw new Error('未能从工作簿读出预算年度，请用 --year 指定（例如 --year 2023）');
    const multi = units.length > 1;
    const plan = buildDisclosurePlan({
      unit: { code: u.code, name: u.name ?? '' },
      year,
      tables: u.tables,
      projects: byUnit[analysis.units.indexOf(u)],
      prior: opts.prior,
      narrativeInputs: opts.narrativeInputs,
      namePrefix: multi ? `${NAME_PREFIX}${u.code ?? i + 1}.` : NAME_PREFIX,
      sheetPrefix: multi ? `${u.code ?? i + 1}` : undefined,
    });
    missing.push(...plan.narrative.missing.map((m) => (multi ? `${u.name}：${m}` : m)));
    return plan;
  });

  // An existing output file keeps its sheets; the package is added next to them.
  let base: ExcelJS.Workbook | undefined;
  try {
    await fs.access(outPath);
    base = new ExcelJS.Workbook();
    await base.xlsx.readFile(outPath);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`无法读取已有的输出文件 ${outPath}：${(e as Error).message}`);
    base = undefined;
  }
  const written = await writePlanToFile(mergePlans(plans), outPath, { base, onProgress: opts.onProgress });
  return { outPath, sheets: written.created.map((c) => c.name), findings: analysis.findings, missing };
}
