/**
 * `budget-table disclose --department 部门名称 unit1.xlsx unit2.xlsx … -o 部门.xlsx`:
 * checks each unit's workbook (a workbook with no tables but a 说明输入 sheet gives the
 * 部门's own answers), adds the units' tables up into the 部门 tables, proves
 * the result (every identity holds, every amount equals the sum of the units) and
 * writes the 部门 package with a 部门 说明. Nothing is written unless the proof holds.
 */
import { readWorkbookGrids } from './read-xlsx';
import { checkOutputPath } from './output';
import { writePlanToFile, type WritePlanOptions } from './write-plan';
import { analyzeWorkbook } from '../model/analyze';
import type { BudgetUnit } from '../model/budget';
import { consolidate, proveConsolidation, type Proof } from '../model/department';
import type { KpiProject } from '../model/kpi/types';
import { buildDisclosurePlan, pendingItems, type DisclosurePlan, type NarrativeInputs, type PendingItem, type PriorYear } from '../model/layout';
import { findInputsSheet, keyFigures, mergePrior, type CarriedText } from '../model/narrative';
import type { SheetGrid } from '../model/workbook';
import { readPriorWorkbook } from './prior';
import { inputsFor } from './disclose';

export interface DepartmentOptions extends WritePlanOptions {
  year?: string;
  /** Last year's 部门 package or tables. */
  priorFile?: string;
  prior?: PriorYear;
  narrativeInputs?: NarrativeInputs;
  /** Page number of each 目录 entry (set by the PDF step). */
  pages?: (number | null)[];
  /** Replace an existing output file whole. */
  force?: boolean;
}

export interface DepartmentResult {
  outPath: string;
  sheets: string[];
  /** Each unit consolidated: file, `323001巨鹿县…`, its 收入总计. */
  units: { file: string; unit: string; total: string }[];
  proof: Proof;
  pending: PendingItem[];
  plan: DisclosurePlan;
  /** Problems in the 部门's 说明输入 sheet. */
  inputNotes: string[];
}

const TABLE_KEYS = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11'];

export async function discloseDepartment(name: string, files: string[], outPath: string, opts: DepartmentOptions = {}): Promise<DepartmentResult> {
  const dept = name.trim();
  if (!dept) throw new Error('请给出部门名称：--department 部门名称');
  if (!files.length) throw new Error('请给出至少一个单位的工作簿');
  checkOutputPath(outPath, { force: opts.force, inputs: files, what: '部门公开表' });
  const units: BudgetUnit[] = [];
  const from: string[] = [];
  const projects: KpiProject[] = [];
  const problems: string[] = [];
  let deptInputs: SheetGrid[] = [];
  for (const file of files) {
    const grids = await readWorkbookGrids(file);
    const a = analyzeWorkbook(grids, { scope: 'budget' });
    // A workbook with no tables but a 说明输入 sheet holds the 部门's own answers.
    if (!a.units.length && findInputsSheet(grids.sheets)) {
      if (deptInputs.length) problems.push(`${file}：部门的说明输入只能有一个工作簿`);
      deptInputs = grids.sheets;
      continue;
    }
    if (!a.units.length) problems.push(`${file}：没有找到预算公开表`);
    const errors = a.findings.filter((f) => f.severity === 'error');
    if (errors.length) problems.push(`${file}：${errors.length} 个强制性错误（先运行 budget-table check ${file} 修正），如 ${errors[0].rule} ${errors[0].message}`);
    for (const u of a.units) {
      const key = `${u.code ?? ''}${u.name ?? ''}`;
      if (units.some((x) => `${x.code ?? ''}${x.name ?? ''}` === key)) problems.push(`${file}：单位 ${key} 已在前面的工作簿中出现，不能重复汇总`);
      units.push(u);
      from.push(file);
    }
    projects.push(...analyzeWorkbook(grids, { scope: 'kpi' }).projects);
  }
  if (problems.length) throw new Error(`各单位须先通过校验才能汇总为部门公开表：\n${problems.join('\n')}`);

  const years = [...new Set(units.map((u) => u.year).filter(Boolean))];
  const year = opts.year ?? (years.length === 1 ? years[0] : undefined);
  if (!year) throw new Error(years.length > 1 ? `各单位的预算年度不同（${years.join('、')}），请用 --year 指定` : '未能读出预算年度，请用 --year 指定');

  const { code, tables } = consolidate({ name: dept, year, units });
  // The 部门's own answers: the 说明输入 sheet of the workbook given without tables (a unit's
  // 说明输入 speaks for that unit only), then options given in code.
  const given = inputsFor(deptInputs, undefined, opts.narrativeInputs);
  let prior: PriorYear | undefined = Object.keys(given.prior).length ? given.prior : undefined;
  let carried: CarriedText | undefined;
  if (opts.priorFile) {
    const p = await readPriorWorkbook(opts.priorFile, { code, name: dept });
    prior = mergePrior(p.prior, prior);
    carried = p.carried;
  }
  prior = mergePrior(prior, opts.prior);
  const plan = buildDisclosurePlan({ unit: { code, name: dept }, year, tables, projects, prior, narrativeInputs: given.inputs, carried, level: '部门', pages: opts.pages });

  const proof = proveConsolidation(plan, TABLE_KEYS, units);
  const errors = proof.findings.filter((f) => f.severity === 'error');
  if (errors.length || proof.mismatches.length) {
    const lines = [...errors.map((f) => `${f.rule} ${f.message}`), ...proof.mismatches];
    throw new Error(`部门公开表未通过核对，未写出文件：\n${lines.slice(0, 20).join('\n')}`);
  }
  const written = await writePlanToFile(plan, outPath, { force: opts.force, onProgress: opts.onProgress });
  return {
    outPath,
    sheets: written.created.map((c) => c.name),
    units: units.map((u, i) => ({ file: from[i], unit: `${u.code ?? ''}${u.name ?? ''}`, total: keyFigures(u.tables).收入总计.value?.toFixed(2) ?? '' })),
    proof,
    pending: pendingItems(plan),
    plan,
    inputNotes: given.notes,
  };
}
