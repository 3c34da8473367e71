/**
 * `node lib/scripts/make-province-fixtures.js [DIR]` — writes the made-up Shanghai (单位,
 * 部门; 元) and Jiangsu (12 tables; 万元) workbooks of test/fixtures/provinces as .xlsx into
 * DIR (default samples/provinces), for trying `budget-table check` and `disclose` on them.
 */
import { mkdirSync } from 'fs';
import { PROVINCE_WORKBOOKS, writeProvinceWorkbook } from '../test/fixtures/provinces/make-provinces';

async function make(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const wb of PROVINCE_WORKBOOKS) console.log(await writeProvinceWorkbook(wb, dir));
}

make(process.argv[2] ?? 'samples/provinces').catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
