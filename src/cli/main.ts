/**
 * `budget-table` — the command line over .xlsx files:
 *   check <file.xlsx>… [--json] [--report out.xlsx] [--pick IDS] [--skip IDS]
 *   kpi <file.xlsx>… [--json]
 *   disclose <in.xlsx> -o <out.xlsx> [--year 2023] [--unit "…"]
 * Exit codes: 0 no errors, 1 some finding of severity error, 2 usage or I/O problem.
 */
import { readWorkbookGrids } from './read-xlsx';
import { analyzeWorkbook, type AnalyzeOptions } from '../model/analyze';
import { summarize, summaryText, type Finding, type Severity } from '../model/findings';
import { disclose } from './disclose';
import { writeReport } from './report';

export const USAGE = `用法：
  budget-table check <文件.xlsx>… [--json] [--report 报告.xlsx] [--pick 规则,…] [--skip 规则,…]
  budget-table kpi <文件.xlsx>… [--json]
  budget-table disclose <输入.xlsx> -o <输出.xlsx> [--year 2023] [--unit "单位名称"]
退出码：0 无错误；1 有强制性错误；2 用法或文件错误。`;

export interface CliFinding {
  file: string;
  sheet: string;
  cell: string;
  rule: string;
  severity: Severity;
  message: string;
}

interface Parsed {
  command: string;
  files: string[];
  flags: Record<string, string | true>;
}

const VALUE_FLAGS = new Set(['report', 'pick', 'skip', 'o', 'out', 'year', 'unit']);

export function parseArgs(argv: string[]): Parsed {
  const [command = '', ...rest] = argv;
  const files: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const m = /^--?([\w-]+)(?:=(.*))?$/.exec(a);
    if (!m) { files.push(a); continue; }
    const key = m[1];
    if (m[2] !== undefined) flags[key] = m[2];
    else if (VALUE_FLAGS.has(key)) {
      if (i + 1 >= rest.length) throw new UsageError(`选项 --${key} 需要一个值`);
      flags[key] = rest[++i];
    } else flags[key] = true;
  }
  return { command, files, flags };
}

class UsageError extends Error {}

const list = (v: string | true | undefined) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);

export function toCliFinding(file: string, f: Finding): CliFinding {
  return { file, sheet: f.sheet ?? '', cell: f.cell ?? '', rule: f.rule, severity: f.severity, message: f.message };
}

/** `file!Sheet!C12  BAL-003  error  message` */
export function formatLine(f: CliFinding): string {
  const where = [f.file, f.sheet, f.cell].filter(Boolean).join('!');
  return `${where}  ${f.rule}  ${f.severity}  ${f.message}`;
}

async function runCheck(p: Parsed, scope: AnalyzeOptions['scope'], out: (s: string) => void): Promise<number> {
  if (!p.files.length) throw new UsageError('请至少给出一个 .xlsx 文件');
  const all: CliFinding[] = [];
  let ioError = false;
  for (const file of p.files) {
    try {
      const wb = await readWorkbookGrids(file);
      const { findings } = analyzeWorkbook(wb, { scope, pick: list(p.flags.pick), skip: list(p.flags.skip) });
      all.push(...findings.map((f) => toCliFinding(file, f)));
    } catch (e) {
      ioError = true;
      process.stderr.write(`${file}: ${(e as Error).message}\n`);
    }
  }
  if (p.flags.json) out(JSON.stringify(all, null, 2));
  else {
    for (const f of all) out(formatLine(f));
    out(`共检查 ${p.files.length} 个文件：${summaryText(summarize(all))}`);
  }
  if (typeof p.flags.report === 'string') await writeReport(all, p.flags.report);
  if (all.some((f) => f.severity === 'error')) return 1;
  return ioError ? 2 : 0;
}

async function runDisclose(p: Parsed, out: (s: string) => void): Promise<number> {
  const outPath = (p.flags.o ?? p.flags.out) as string | undefined;
  if (p.files.length !== 1 || typeof outPath !== 'string') throw new UsageError('disclose 需要一个输入文件和 -o 输出文件');
  const year = typeof p.flags.year === 'string' ? p.flags.year : undefined;
  const unit = typeof p.flags.unit === 'string' ? p.flags.unit : undefined;
  const r = await disclose(p.files[0], outPath, { year, unit });
  out(`已生成 ${r.outPath}：${r.sheets.length} 个工作表（${r.sheets.join('、')}）`);
  if (r.missing.length) out(`公开情况说明中还有 ${r.missing.length} 处待填写：${r.missing.join('、')}`);
  const errors = r.findings.filter((f) => f.severity === 'error');
  if (errors.length) out(`注意：输入工作簿有 ${errors.length} 个强制性错误，请先运行 budget-table check 修正。`);
  return 0;
}

export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s + '\n')): Promise<number> {
  try {
    const p = parseArgs(argv);
    if (p.command === 'check') return await runCheck(p, 'all', out);
    if (p.command === 'kpi') return await runCheck(p, 'kpi', out);
    if (p.command === 'disclose') return await runDisclose(p, out);
    if (p.command === '' || p.command === 'help' || p.flags.help || p.flags.h) { out(USAGE); return p.command === '' ? 2 : 0; }
    throw new UsageError(`未知命令：${p.command}`);
  } catch (e) {
    if (e instanceof UsageError) { process.stderr.write(`${e.message}\n${USAGE}\n`); return 2; }
    throw e;
  }
}
