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
import { buildDisclosurePlan, NAME_PREFIX, type NarrativeInputs, type PriorYear } from '../model/layout';
import { norm } from '../model/text';
import { append } from '../model/collect';
import { describeChoice, type Profile } from '../model/budget/profiles';
import { tablesIn } from '../model/budget/convert';
import { KIND_NAMES, type TableKind } from '../model/budget/types';

export interface DiscloseOptions extends WritePlanOptions {
  /** 预算年度 (default: the year the tables state). */
  year?: string;
  /** Only this unit (code or name, or part of the name) when the workbook holds several. */
  unit?: string;
  prior?: PriorYear;
  narrativeInputs?: NarrativeInputs;
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
  /** Things the clerk should know (e.g. --year differs from the year the tables state). */
  warnings: string[];
  /** Which table set the input was read as and which layout the package uses. */
  profile: string;
}

/** Tables of a profile the package layout has no sheet for (T12–T15). */
function extraTables(p: Profile): string {
  const extra = p.tables.filter((t) => !/^T([1-9]|1[01])$/.test(t.kind)).map((t) => t.title);
  return extra.length ? extra.join('、') : '无';
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

/** The unit's tables in 万元; tables kept in 元/千元 are converted (each figure rounded, a 0.01 尾差 possible). */
function inWan(u: BudgetUnit, warnings: string[]): BudgetUnit['tables'] {
  const { tables, converted } = tablesIn(u.tables, '万元');
  if (converted.length) {
    const names = converted.map((k) => KIND_NAMES[k as TableKind]).join('、');
    warnings.push(`${u.name ?? u.code ?? ''}的${names}以元（或千元）填报，公开表已换算为万元并保留两位小数，合计与各项之和可能有 0.01 的尾差`);
  }
  return tables;
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
  const warnings: string[] = [];
  // The package is written in the national (Hebei county) layout, in 万元; say what the input was.
  let profile = '';
  if (analysis.profile) {
    const p = analysis.profile.profile;
    const other = p.id !== 'hebei' && p.id !== 'national';
    profile = `${describeChoice(analysis.profile)}；公开表按全国通用格式（河北县级模板的 9+2 张表，万元）生成${other ? `，输入中该格式没有的表（${extraTables(p)}）只校验、不输出` : ''}`;
  }
  const plans = units.map((u, i) => {
    const year = opts.year ?? u.year;
    if (opts.year && u.year && opts.year !== u.year) {
      warnings.push(`--year ${opts.year} 与表格中的预算年度 ${u.year}（${u.name ?? u.code ?? ''}）不同，公开表按 ${opts.year} 年标注`);
    }
    if (!year) throw new Error('未能从工作簿读出预算年度，请用 --year 指定（例如 --year 2023）');
    const multi = units.length > 1;
    const plan = buildDisclosurePlan({
      unit: { code: u.code, name: u.name ?? '' },
      year,
      tables: inWan(u, warnings),
      projects: byUnit[analysis.units.indexOf(u)],
      prior: opts.prior,
      narrativeInputs: opts.narrativeInputs,
      namePrefix: multi ? `${NAME_PREFIX}${u.code ?? i + 1}.` : NAME_PREFIX,
      sheetPrefix: multi ? `${u.code ?? i + 1}` : undefined,
    });
    append(missing, plan.narrative.missing.map((m) => (multi ? `${u.name}：${m}` : m)));
    return plan;
  });

  const written = await writePlanToFile(mergePlans(plans), outPath, { force: opts.force, onProgress: opts.onProgress });
  return { outPath, sheets: written.created.map((c) => c.name), findings: analysis.findings, missing, warnings, profile };
}
