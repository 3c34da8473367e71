/**
 * `node lib/scripts/make-bad-inputs.js DIR` — writes the hostile inputs of the CLI tests
 * into DIR so a person (or `/usr/bin/time -v`) can try them: a 200,000-row 支出总表, a
 * styled cell at row 1,048,576, an asset register beside the tables, formulas without
 * results, a phone list, a blank workbook, and the README's example `sbzx-bad.xlsx`.
 */
import { mkdirSync } from 'fs';
import { join } from 'path';
import * as bad from '../test/fixtures/bad-inputs';

async function make(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const big = await bad.bigExpenditure(join(dir, 'rows200k.xlsx'), 200_000);
  console.log(`rows200k.xlsx: ${big.rows} 行`);
  let wb = await bad.loadSample();
  for (const ws of wb.worksheets) bad.farStyledCell(ws);
  await bad.save(wb, join(dir, 'far-styled-all.xlsx'));
  wb = await bad.loadSample();
  bad.addAssetRegister(wb, 20);
  await bad.save(wb, join(dir, 'detail20.xlsx'));
  wb = await bad.loadSample();
  bad.uncachedFormulas(wb);
  await bad.save(wb, join(dir, 'formula-nocache.xlsx'));
  await bad.phoneList(join(dir, 'phone-list.xlsx'));
  await bad.blankWorkbook(join(dir, 'blank.xlsx'));
  await bad.onlyExpenditure(join(dir, 'only-zhichu.xlsx'));
  await bad.sbzxBad(join(dir, 'sbzx-bad.xlsx'));
  console.log(`已写入 ${dir}`);
}

make(process.argv[2] ?? 'out/bad').catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
