/**
 * The demo, end to end: the sample workbook with its 说明输入 sheet and last year's
 * tables gives a package with no marker left, and every year-on-year figure equals the
 * difference of the two years' tables (each read here through the checker's parser).
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Decimal } from '../../src/model/money';
import { disclose } from '../../src/cli/disclose';
import { readWorkbookGrids } from '../../src/cli/read-xlsx';
import { analyzeWorkbook } from '../../src/model/analyze';
import { keyFigures } from '../../src/model/narrative';
import { PRIOR_SAMPLE, SAMPLE } from '../fixtures/make-sample';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'demo-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

it('leaves no 【待填写】 and states each change as this year minus last year', async () => {
  const out = path.join(dir, 'demo.xlsx');
  const r = await disclose(SAMPLE, out, { priorFile: PRIOR_SAMPLE });
  expect(r.pending).toEqual([]);
  expect(r.inputNotes).toEqual([]);
  // No marker anywhere in the written package.
  const back = await readWorkbookGrids(out);
  const cells = back.sheets.flatMap((s) => s.values.flat()).filter((v): v is string => typeof v === 'string');
  expect(cells.filter((v) => v.includes('【待填写') || v.includes('【沿用上年'))).toEqual([]);

  const figs = async (file: string) => keyFigures(analyzeWorkbook(await readWorkbookGrids(file), { scope: 'budget' }).units[0].tables);
  const [now, before] = await Promise.all([figs(SAMPLE), figs(PRIOR_SAMPLE)]);
  const diff = (k: keyof typeof now) => now[k].value!.minus(before[k].value!).toFixed(2);
  const changes = Object.fromEntries(r.plans[0].narrative.changes.map((c) => [c.key, c.diff]));
  expect(changes).toEqual({
    收支总计: diff('收入总计'),
    财政拨款: diff('财政拨款'),
    基本支出: diff('基本支出'),
    项目支出: diff('项目支出'),
    机关运行经费: diff('公用经费'),
    三公经费: diff('三公经费'),
    '因公出国（境）费': diff('因公出国（境）费'),
    公务用车购置及运维费: diff('公务用车购置及运维费'),
    公务接待费: diff('公务接待费'),
  });
  // Every difference is also in the text, as the seeds word it.
  const text = cells.join('\n');
  for (const [k, d] of Object.entries(changes)) {
    const v = new Decimal(d);
    if (v.isZero()) expect([k, text.includes(`${k}与2022年持平`)]).toEqual([k, true]);
    else expect([k, text]).toEqual([k, expect.stringContaining(`${v.isPositive() ? '增加' : '减少'}${v.abs().toFixed(2)}万元`)]);
  }
  // The 绩效目标表 header blocks carry the 预算数 the clerk typed, 财政资金 = 预算数 (all income is 财政拨款).
  const kpi = back.sheets.find((s) => s.name.startsWith('绩效2 '))!;
  expect(kpi.values[3].slice(0, 6)).toEqual(['预算数', 272.93, '其中：财政资金', 272.93, '其他资金', 0]);
});
