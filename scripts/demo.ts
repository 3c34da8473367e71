/**
 * `npm run demo` — the main job on a bundled sample, without Excel: checks the sample
 * workbook, converts it into the disclosure package and says where the output is.
 */
import { mkdirSync } from 'fs';
import { join, relative } from 'path';
import { main } from '../src/cli/main';

const ROOT = join(__dirname, '..', '..');
const SAMPLE = process.argv[2] ?? join(ROOT, 'samples', 'juluxian-rsj-2023.xlsx');

async function demo(): Promise<number> {
  const rel = relative(process.cwd(), SAMPLE);
  console.log(`① 校验样例工作簿 ${rel}`);
  const code = await main(['check', SAMPLE]);
  const outDir = join(ROOT, 'out');
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, 'juluxian-rsj-2023-公开.xlsx');
  console.log(`\n② 生成公开表（demo 的输出是它自己上次写的，--force 整个替换）`);
  const made = await main(['disclose', SAMPLE, '-o', out, '--force']);
  if (made === 2) return 2;
  console.log(`\n输出文件：${relative(process.cwd(), out)}（用 Excel 或 LibreOffice 打开查看）`);
  return code === 2 ? 2 : 0;
}

demo().then((c) => { process.exitCode = c; }, (e) => { console.error(e); process.exitCode = 2; });
