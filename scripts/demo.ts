/**
 * `npm run demo` — the main job on a bundled sample, without Excel: checks the sample
 * workbook, converts it into the disclosure package with last year's tables
 * (`--prior`) and the clerk's 说明输入 sheet, so nothing is left to fill (`--strict`),
 * and prints it to PDF when LibreOffice is installed.
 */
import { mkdirSync } from 'fs';
import { join, relative } from 'path';
import { main } from '../src/cli/main';
import { findOffice } from '../src/cli/pdf';

const ROOT = join(__dirname, '..', '..');
const SAMPLE = process.argv[2] ?? join(ROOT, 'samples', 'juluxian-rsj-2023.xlsx');
const PRIOR = process.argv[3] ?? join(ROOT, 'samples', 'juluxian-rsj-2022.xlsx');

async function demo(): Promise<number> {
  const rel = relative(process.cwd(), SAMPLE);
  console.log(`① 校验样例工作簿 ${rel}`);
  const code = await main(['check', SAMPLE]);
  const outDir = join(ROOT, 'out');
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, 'juluxian-rsj-2023-公开.xlsx');
  const pdf = !!findOffice();
  console.log(`\n② 生成公开表：上年数取自 ${relative(process.cwd(), PRIOR)}，说明文字取自样例的“说明输入”工作表${pdf ? '，并用 LibreOffice 生成 PDF' : ''}`);
  console.log('（demo 的输出是它自己上次写的，--force 整个替换）');
  const made = await main(['disclose', SAMPLE, '--prior', PRIOR, '-o', out, '--strict', '--force', ...(pdf ? ['--pdf'] : [])]);
  if (made === 2) return 2;
  console.log(`\n输出文件：${relative(process.cwd(), out)}（用 Excel 或 LibreOffice 打开查看）`);
  if (!pdf) console.log('未安装 LibreOffice，未生成 PDF（安装 libreoffice-calc-nogui 与 fonts-noto-cjk 后重新运行即可）。');
  if (made === 1) return 1; // --strict: something is still to fill
  return code === 2 ? 2 : 0;
}

demo().then((c) => { process.exitCode = c; }, (e) => { console.error(e); process.exitCode = 2; });
