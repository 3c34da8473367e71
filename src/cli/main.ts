/**
 * `budget-table` — the command line over .xlsx files:
 *   check <file.xlsx>… [--json] [--report out.xlsx] [--pick IDS] [--skip IDS] [--force] [--verbose]
 *   kpi <file.xlsx>… (the same options, 绩效目标表 rules only)
 *   disclose <in.xlsx> -o <out.xlsx> [--year 2023] [--unit "…"] [--prior last.xlsx] [--strict] [--pdf] [--force]
 *   disclose --department 部门名称 <unit1.xlsx> <unit2.xlsx>… -o <部门.xlsx> [--prior …] [--strict] [--pdf] [--force]
 *   rules
 * Exit codes: 0 no errors, 1 some finding of severity error, 2 usage or a file that
 * could not be read or written (2 wins in a batch).
 */
import * as fs from 'fs';
import { readWorkbookGrids } from './read-xlsx';
import { ReadError } from './sniff';
import { analyzeWorkbook, type AnalyzeOptions } from '../model/analyze';
import { CATALOGUE, resolveRulePattern } from '../model/catalogue';
import { append } from '../model/collect';
import { detectTables } from '../model/detect';
import { makeFinding, SEVERITY_ZH, summarize, type Finding, type Severity } from '../model/findings';
import { WORKBOOK_RULES } from '../model/workbook-rules';
import { disclose } from './disclose';
import { describeChoice, findProfile, PROFILES } from '../model/budget/profiles';
import { readSubjectGrid } from '../model/budget/dictionary';
import { discloseDepartment } from './department';
import { findOffice, NO_OFFICE, writeWithPdf } from './pdf';
import type { PendingItem } from '../model/layout';
import { checkOutputPath, OutputError } from './output';
import { writeReport } from './report';
import type { CliFinding } from './types';

export type { CliFinding } from './types';

export const USAGE = `用法：
  budget-table check <文件.xlsx|.xls>… [--json] [--report 报告.xlsx] [--pick 规则,…] [--skip 规则,…] [--profile 口径] [--dictionary 科目.xlsx] [--force] [--verbose]
  budget-table kpi <文件.xlsx|.xls>… [--json] [--report 报告.xlsx] [--pick 规则,…] [--skip 规则,…] [--force] [--verbose]
  budget-table disclose <输入.xlsx|.xls> -o <输出.xlsx> [--year 2023] [--unit "单位名称"] [--prior 上年.xlsx] [--profile 口径] [--dictionary 科目.xlsx] [--strict] [--pdf] [--force]
  budget-table disclose --department "部门名称" <单位1.xlsx> <单位2.xlsx>… -o <部门.xlsx> [--prior 上年部门.xlsx] [--strict] [--pdf] [--force]
  budget-table rules
输出文件已存在时不覆盖、不追加；加 --force 用新文件整个替换它。
--prior 读上年公开表算出比上年增减；说明中只有人知道的内容写在输入工作簿的“说明输入”工作表（项目、内容两列）；
--strict 在仍有【待填写】时退出码为 1；--pdf 用 LibreOffice 在输出文件旁生成 PDF（目录带页码）。
退出码：0 无错误；1 有强制性错误；2 用法错误或文件无法读取/写入。`;

interface OptionSpec {
  /** Takes a value (`--report out.xlsx`, `--year=2023`). */
  value?: boolean;
}

const COMMON_CHECK: Record<string, OptionSpec> = {
  json: {},
  profile: { value: true },
  dictionary: { value: true },
  report: { value: true },
  pick: { value: true },
  skip: { value: true },
  force: {},
  verbose: {},
};

const OPTIONS: Record<string, Record<string, OptionSpec>> = {
  check: COMMON_CHECK,
  kpi: COMMON_CHECK,
  disclose: {
    o: { value: true },
    out: { value: true },
    year: { value: true },
    unit: { value: true },
    prior: { value: true },
    department: { value: true },
    strict: {},
    pdf: {},
    force: {},
    verbose: {},
    profile: { value: true },
    dictionary: { value: true },
  },
  rules: { json: {} },
};

interface Parsed {
  command: string;
  files: string[];
  flags: Record<string, string | true>;
}

export class UsageError extends Error {}

/** Edit distance, for "did you mean" on a mistyped option (short strings only). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

const dash = (k: string) => (k.length === 1 ? `-${k}` : `--${k}`);

/** Parses argv strictly: an option the command does not know is a usage error, never ignored. */
export function parseArgs(argv: string[]): Parsed {
  const [command = '', ...rest] = argv;
  const files: string[] = [];
  const flags: Record<string, string | true> = {};
  if (command === '--help' || command === '-h') return { command: 'help', files, flags };
  const spec = OPTIONS[command];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const m = /^--?([^=\s]+)(?:=(.*))?$/.exec(a);
    if (!m || a === '-') {
      files.push(a);
      continue;
    }
    const key = m[1];
    if (key === 'help' || key === 'h') {
      flags.help = true;
      continue;
    }
    if (!spec) continue; // unknown command: reported by main
    const opt = spec[key];
    if (!opt) {
      const known = Object.keys(spec);
      const near = known.filter((k) => distance(k, key.toLowerCase()) <= 2 || k === key.toLowerCase());
      const hint = near.length ? `。你是不是想写 ${dash(near[0])}？` : '';
      throw new UsageError(`${command} 不认识选项 ${a.split('=')[0]}${hint}（可用：${known.map(dash).join(' ')}）`);
    }
    if (flags[key] !== undefined) throw new UsageError(`选项 ${dash(key)} 给了两次`);
    if (opt.value) {
      if (m[2] !== undefined) flags[key] = m[2];
      else if (i + 1 < rest.length && !/^--?[^\d]/.test(rest[i + 1])) flags[key] = rest[++i];
      else throw new UsageError(`选项 ${a} 需要一个值`);
    } else {
      if (m[2] !== undefined) throw new UsageError(`选项 ${dash(key)} 不带值`);
      flags[key] = true;
    }
  }
  return { command, files, flags };
}

/** `--pick`/`--skip` patterns checked against the catalogue: a typo is an error, not a silent pass. */
export function rulePatterns(v: string | true | undefined, option: string): string[] | undefined {
  if (typeof v !== 'string') return undefined;
  const out: string[] = [];
  for (const token of v.split(/[,，\s]+/).filter(Boolean)) {
    const p = resolveRulePattern(token);
    if (!p) throw new UsageError(`${option} ${token}：没有这条规则（规则编号如 BAL-101、KPI-DIR-01，前缀如 KPI-DIR 或 KPI-DIR-*；budget-table rules 列出全部）`);
    out.push(p);
  }
  return out;
}

export function toCliFinding(file: string, f: Finding): CliFinding {
  return { file, sheet: f.sheet ?? '', cell: f.cell ?? '', rule: f.rule, severity: f.severity, message: f.message };
}

/** `file!Sheet!C12  BAL-003  强制  message` */
export function formatLine(f: CliFinding): string {
  const where = [f.file, f.sheet, f.cell].filter(Boolean).join('!');
  return `${where}  ${f.rule}  ${SEVERITY_ZH[f.severity]}  ${f.message}`;
}

/** `2 处强制，5 处提示，1 处信息` — the severity words of the report and the task pane. */
export function summaryLine(s: Record<Severity, number>): string {
  const parts = (['error', 'warning', 'info'] as Severity[]).filter((k) => s[k]).map((k) => `${s[k]} 处${SEVERITY_ZH[k]}`);
  return parts.length ? parts.join('，') : '无问题';
}

function unreadable(file: string, e: unknown): CliFinding {
  // Not a reading problem the reader knows: say it is the program's, not the clerk's file format.
  const reason = e instanceof ReadError ? e.message : `${file} 检查时程序出错（${(e as Error)?.message ?? e}），请把文件交给维护人员`;
  return toCliFinding(file, makeFinding(WORKBOOK_RULES['WB-001'], { reason }));
}

async function runCheck(p: Parsed, scope: AnalyzeOptions['scope'], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (!p.files.length) throw new UsageError('请至少给出一个 .xlsx 文件');
  const pick = rulePatterns(p.flags.pick, '--pick');
  const skip = rulePatterns(p.flags.skip, '--skip');
  const report = typeof p.flags.report === 'string' ? p.flags.report : undefined;
  // Refuse a bad report path before spending time on the check.
  if (report) checkOutputPath(report, { force: !!p.flags.force, inputs: p.files, what: '校验报告' });
  const { profile, subjects } = await provinceOptions(p);
  const all: CliFinding[] = [];
  const profiles: string[] = [];
  let failed = 0;
  for (const file of p.files) {
    try {
      const wb = await readWorkbookGrids(file);
      const r = analyzeWorkbook(wb, { scope, pick, skip, profile, subjects });
      append(all, r.findings.map((f) => toCliFinding(file, f)));
      if (r.profile && r.units.length) profiles.push(`${file}：${describeChoice(r.profile)}`);
      if (p.flags.verbose) {
        const seen = new Set(wb.sheets.flatMap((s) => detectTables(s).map((t) => t.sheet)));
        const skipped = wb.sheets.filter((s) => !seen.has(s.name)).map((s) => s.name);
        err(`${file}：识别出 ${seen.size} 个工作表的表格${skipped.length ? `；未当作表格的工作表：${skipped.join('、')}` : ''}`);
      }
    } catch (e) {
      failed++;
      const f = unreadable(file, e);
      all.push(f);
      err(f.message);
    }
  }
  if (p.flags.json) out(JSON.stringify(all, null, 2));
  else {
    for (const f of all) out(formatLine(f));
    for (const line of profiles) out(line);
    const counts = summarize(all);
    const checked = p.files.length - failed;
    out(`共 ${p.files.length} 个文件${failed ? `（${failed} 个无法读取，${checked} 个已检查）` : ''}：${summaryLine(counts)}`);
  }
  if (report) await writeReport(all, report, { force: !!p.flags.force });
  if (failed) return 2;
  return all.some((f) => f.severity === 'error') ? 1 : 0;
}

const YEAR = /^(19|20)\d{2}$/;

/** What the package still needs, grouped so the clerk knows where to act. */
function reportPending(pending: (PendingItem & { unit?: string })[], out: (s: string) => void): void {
  if (!pending.length) {
    out('公开表中没有待填写的内容。');
    return;
  }
  const who = (p: { unit?: string }) => (p.unit ? `${p.unit}：` : '');
  const inputs = pending.filter((p) => p.kind === 'input');
  const review = pending.filter((p) => p.kind === 'review');
  const tables = pending.filter((p) => p.kind === 'table');
  if (inputs.length) {
    out(`还有 ${inputs.length} 项待填写：在输入工作簿的“说明输入”工作表中按“项目”填写“内容”后重新生成：`);
    for (const p of inputs) out(`  - ${who(p)}${p.key}`);
  }
  if (review.length) {
    out(`沿用上年的 ${review.length} 段请核对（核对无误在“说明输入”中填“沿用上年”，或填写新的文字）：`);
    for (const p of review) out(`  - ${who(p)}${p.key}`);
  }
  if (tables.length) {
    out(`表格中缺少的内容 ${tables.length} 项（补充输入工作簿中的表格后重新生成）：`);
    for (const p of tables) out(`  - ${who(p)}${p.text}`);
  }
}

async function runDisclose(p: Parsed, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const outPath = (p.flags.o ?? p.flags.out) as string | undefined;
  const department = typeof p.flags.department === 'string' ? p.flags.department.trim() : undefined;
  if (p.flags.department !== undefined && !department) throw new UsageError('--department 需要部门名称');
  if (typeof outPath !== 'string') throw new UsageError('disclose 需要 -o 输出文件');
  if (department ? !p.files.length : p.files.length !== 1) {
    throw new UsageError(department ? 'disclose --department 需要至少一个单位的工作簿' : 'disclose 需要一个输入文件和 -o 输出文件（汇总部门用 --department 部门名称 加各单位工作簿）');
  }
  if (department && p.flags.unit !== undefined) throw new UsageError('--unit 与 --department 不能同时使用');
  const year = typeof p.flags.year === 'string' ? p.flags.year.trim() : undefined;
  if (year !== undefined && !YEAR.test(year)) throw new UsageError(`--year ${year}：预算年度应为四位年份，例如 --year 2024`);
  const unit = typeof p.flags.unit === 'string' ? p.flags.unit : undefined;
  const priorFile = typeof p.flags.prior === 'string' ? p.flags.prior : undefined;
  const force = !!p.flags.force;
  const inputs = priorFile ? [...p.files, priorFile] : p.files;
  // Refuse a bad output (and PDF) path before any work.
  checkOutputPath(outPath, { force, inputs, what: '公开表' });
  const pdfPath = outPath.replace(/\.xlsx$/i, '.pdf');
  if (p.flags.pdf && !force && fs.existsSync(pdfPath)) throw new OutputError(`PDF 文件 ${pdfPath} 已存在：不会覆盖。请换一个输出文件名，或加 --force 整个替换它`);

  const { profile, subjects } = await provinceOptions(p);
  type Written = { plans: import('../model/layout').DisclosurePlan[]; pending: (PendingItem & { unit?: string })[]; sheets: string[]; findings: Finding[]; warnings: string[]; notes: string[]; priorFrom: string[] };
  const write = async (target: string, pages?: (number | null)[][], draft = false): Promise<Written> => {
    const f = !draft && force;
    if (department) {
      const r = await discloseDepartment(department, p.files, target, { year, priorFile, force: f, pages: pages?.[0] });
      return { plans: [r.plan], pending: r.pending, sheets: r.sheets, findings: [], warnings: r.inputNotes, notes: r.units.map((u) => `  ${u.unit}（${u.file}）收入总计 ${u.total}`), priorFrom: [] };
    }
    const r = await disclose(p.files[0], target, { year, unit, priorFile, force: f, pages, profile, subjects });
    return { plans: r.plans, pending: r.pending, sheets: r.sheets, findings: r.findings, warnings: [...r.warnings, ...r.inputNotes], notes: r.profile ? [r.profile] : [], priorFrom: r.priorFrom };
  };

  let result: Written | undefined;
  let pdfCode = 0;
  if (p.flags.pdf) {
    const office = findOffice();
    if (!office) {
      err(NO_OFFICE);
      pdfCode = 2;
    } else {
      // The draft pass writes a fresh temporary file; only the real output honours --force.
      const r = await writeWithPdf(async (target, pages) => {
        const w = await write(target, pages, target !== outPath);
        if (target === outPath) result = w;
        return w;
      }, outPath, office);
      out(`已生成 PDF ${r.pdf}：共 ${r.pages} 页${r.contents.length ? '，目录已填页码' : ''}`);
      for (const prob of r.problems) err(`注意：${prob}`);
    }
  }
  result ??= await write(outPath);
  for (const w of result.warnings) err(`注意：${w}`);
  out(`已生成 ${outPath}：${result.sheets.length} 个工作表`);
  if (department) {
    out(`部门“${department}”由 ${result.notes.length} 个单位汇总，各表平衡且等于各单位之和：`);
    for (const n of result.notes) out(n);
  } else for (const n of result.notes) out(n);
  for (const f of result.priorFrom) out(`上年数取自：${f}`);
  if (p.flags.verbose) for (const s of result.sheets) out(`  ${s}`);
  reportPending(result.pending, out);
  const errors = result.findings.filter((f) => f.severity === 'error');
  if (errors.length) {
    err(`输入工作簿有 ${errors.length} 个强制性错误（公开表已生成，但不应照此公开）：`);
    for (const f of errors.slice(0, 20)) err(`  ${formatLine(toCliFinding(p.files[0], f))}`);
    if (errors.length > 20) err(`  …… 其余 ${errors.length - 20} 个请运行 budget-table check ${p.files[0]} 查看`);
    return 1;
  }
  if (pdfCode) return pdfCode;
  if (p.flags.strict && result.pending.length) {
    err(`--strict：公开表中还有 ${result.pending.length} 处待填写或待核对，不能公开。`);
    return 1;
  }
  return 0;
}

/** `--profile` checked against the shipped profiles, `--dictionary` read into code → name pairs. */
async function provinceOptions(p: Parsed): Promise<{ profile?: string; subjects?: Record<string, string> }> {
  const profile = typeof p.flags.profile === 'string' ? p.flags.profile : undefined;
  if (profile !== undefined && !findProfile(profile)) {
    throw new UsageError(`--profile ${profile}：没有这个表格口径（可用：${PROFILES.map((x) => `${x.id}＝${x.name}`).join('；')}）`);
  }
  if (typeof p.flags.dictionary !== 'string') return { profile };
  const file = p.flags.dictionary;
  const wb = await readWorkbookGrids(file);
  const subjects: Record<string, string> = {};
  for (const s of wb.sheets) Object.assign(subjects, readSubjectGrid(s.values));
  if (!Object.keys(subjects).length) throw new UsageError(`--dictionary ${file}：没有读到“科目编码 | 科目名称”两列（编码应为 3/5/7 位数字）`);
  return { profile, subjects };
}

function runRules(p: Parsed, out: (s: string) => void): number {
  if (p.flags.json) out(JSON.stringify(CATALOGUE.map((r) => ({ id: r.id, severity: r.severity, title: r.title })), null, 2));
  else for (const r of CATALOGUE) out(`${r.id}  ${SEVERITY_ZH[r.severity]}  ${r.title}`);
  return 0;
}

export async function main(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(s + '\n'),
  err: (s: string) => void = (s) => process.stderr.write(s + '\n'),
): Promise<number> {
  try {
    const p = parseArgs(argv);
    if (p.command === 'help' || p.flags.help) {
      out(USAGE);
      return 0;
    }
    if (p.command === 'check') return await runCheck(p, 'all', out, err);
    if (p.command === 'kpi') return await runCheck(p, 'kpi', out, err);
    if (p.command === 'disclose') return await runDisclose(p, out, err);
    if (p.command === 'rules') return runRules(p, out);
    if (p.command === '') {
      err(USAGE);
      return 2;
    }
    throw new UsageError(`未知命令：${p.command}`);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`${e.message}\n${USAGE}`);
      return 2;
    }
    if (e instanceof OutputError || e instanceof ReadError) {
      err(`budget-table：${e.message}`);
      return 2;
    }
    throw e;
  }
}
