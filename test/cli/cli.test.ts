/** `budget-table` end to end on the fixtures, the sample and perturbed copies. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main, type CliFinding } from '../../src/cli/main';
import { writeSample, writePriorSample, SAMPLE, PRIOR_SAMPLE } from '../fixtures/make-sample';
import { readWorkbookGrids } from '../../src/cli/read-xlsx';

const FIX = path.join(__dirname, '..', 'fixtures');
const RSJ = path.join(FIX, 'juluxian-rsj.xlsx');
const SBZX = path.join(FIX, 'juluxian-sbzx.xlsx');

async function run(args: string[]): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const code = await main(args, (s) => out.push(s));
  return { code, out };
}

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-')); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A copy of a fixture with the first cell holding `from` on the sheet whose title has `title` set to `to`. */
async function perturbed(src: string, title: string, from: number, to: number): Promise<{ file: string; sheet: string; cell: string }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  const ws = wb.worksheets.find((w) => w.getCell('A1').text.includes(title));
  if (!ws) throw new Error(`no sheet titled ${title}`);
  let hit = '';
  ws.eachRow((row) => row.eachCell((c) => { if (!hit && c.value === from) { c.value = to; hit = c.address; } }));
  if (!hit) throw new Error(`${from} not found on ${ws.name}`);
  const file = path.join(dir, `${ws.name}-${hit}.xlsx`);
  await wb.xlsx.writeFile(file);
  return { file, sheet: ws.name, cell: hit };
}

describe('budget-table check', () => {
  it('exits 0 with no errors on both 巨鹿 fixtures', async () => {
    const { code, out } = await run(['check', RSJ, SBZX, '--json']);
    const findings: CliFinding[] = JSON.parse(out.join('\n'));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(code).toBe(0);
  });

  it.each([
    ['单位预算支出总表', 861.59, 861.49],
    ['单位预算收入总表', 272.93, 272.94],
    ['单位预算一般公共预算财政拨款基本支出表', 321.82, 321.81],
    ['单位预算收支总表', 3798.89, 3798.99],
  ])('exits 1 naming the rule and cell when %s has %p changed to %p', async (title, from, to) => {
    const p = await perturbed(RSJ, title, from, to);
    const { code, out } = await run(['check', p.file, '--json']);
    expect(code).toBe(1);
    const findings: CliFinding[] = JSON.parse(out.join('\n'));
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const f of errors) {
      expect(f.rule).toMatch(/^BAL-/);
      expect(f.cell).toMatch(/^[A-Z]+\d+$/);
      expect(f.file).toBe(p.file);
    }
    // Either the changed cell itself or a total that disagrees with it is named.
    expect(errors.some((f) => f.sheet === p.sheet)).toBe(true);
  });

  it('prints file!Sheet!Cell  RULE  severity  message lines and a summary', async () => {
    const p = await perturbed(RSJ, '单位预算支出总表', 861.59, 861.49);
    const { code, out } = await run(['check', p.file]);
    expect(code).toBe(1);
    const line = out.find((l) => l.includes('  BAL-'));
    expect(line).toMatch(new RegExp(`^${p.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}!${p.sheet}![A-Z]+\\d+  BAL-\\d+  强制  .+`));
    expect(out[out.length - 1]).toMatch(/^共 1 个文件：\d+ 处强制/);
  });

  it('honours --skip and writes a --report workbook', async () => {
    const p = await perturbed(RSJ, '单位预算支出总表', 861.59, 861.49);
    const skipped = await run(['check', p.file, '--json', '--skip', 'BAL-*']);
    expect(JSON.parse(skipped.out.join('\n'))).toEqual([]);
    expect(skipped.code).toBe(0);
    const report = path.join(dir, 'report.xlsx');
    await run(['check', p.file, '--report', report]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(report);
    const ws = wb.getWorksheet('校验报告')!;
    expect(ws.getCell('A1').value).toBe('文件');
    expect(ws.rowCount).toBeGreaterThan(1);
    expect(String(ws.getCell('D2').value)).toMatch(/^BAL-/);
  });
});

describe('budget-table kpi', () => {
  it('reports the seed flaws and exits 1', async () => {
    const { code, out } = await run(['kpi', path.join(FIX, 'kpi', 'seed000.xlsx'), '--json']);
    expect(code).toBe(1);
    const findings: CliFinding[] = JSON.parse(out.join('\n'));
    expect(findings.every((f) => f.rule.startsWith('KPI-'))).toBe(true);
    // seed 000: 养老金待遇发放率 given as ≥225816 人 — a rate not in %.
    const rate = findings.find((f) => f.severity === 'error' && f.rule === 'KPI-UNIT-01' && /养老金待遇发放率/.test(f.message));
    expect(rate).toBeDefined();
    expect(rate!.cell).toMatch(/^E\d+$/);
  });
});

describe('the bundled sample', () => {
  it('is what the generator makes from the seed data (REGEN=1 rewrites it)', async () => {
    if (process.env.REGEN === '1' || !fs.existsSync(SAMPLE)) await writeSample();
    const fresh = await writeSample(path.join(dir, 'sample.xlsx'));
    const [a, b] = await Promise.all([readWorkbookGrids(SAMPLE), readWorkbookGrids(fresh)]);
    expect(a.sheets.map((x) => [x.name, x.values])).toEqual(b.sheets.map((x) => [x.name, x.values]));
    // Last year's tables the demo passes as --prior.
    if (process.env.REGEN === '1' || !fs.existsSync(PRIOR_SAMPLE)) await writePriorSample();
    const freshPrior = await writePriorSample(path.join(dir, 'prior.xlsx'));
    const [c, d] = await Promise.all([readWorkbookGrids(PRIOR_SAMPLE), readWorkbookGrids(freshPrior)]);
    expect(c.sheets.map((x) => [x.name, x.values])).toEqual(d.sheets.map((x) => [x.name, x.values]));
  });

  it('checks without budget errors and reads its 绩效目标表 too', async () => {
    const { out } = await run(['check', SAMPLE, '--json']);
    const findings: CliFinding[] = JSON.parse(out.join('\n'));
    expect(findings.filter((f) => f.rule.startsWith('BAL-') && f.severity === 'error')).toEqual([]);
    // its 11 绩效目标表 are read too
    expect(findings.some((f) => f.rule.startsWith('KPI-'))).toBe(true);
  });

  it('converts into a disclosure workbook with the nine tables, the 说明 and the 绩效目标表', async () => {
    const out = path.join(dir, 'sample-公开.xlsx');
    const before = fs.readFileSync(SAMPLE);
    const { code, out: lines } = await run(['disclose', SAMPLE, '-o', out]);
    expect(code).toBe(0);
    expect(lines.join('\n')).toContain(out);
    expect(fs.readFileSync(SAMPLE).equals(before)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const titles = wb.worksheets.map((w) => w.getCell('A1').text);
    for (const t of ['单位预算收支总表', '单位预算收入总表', '单位预算支出总表', '单位预算财政拨款收支总表', '单位预算一般公共预算财政拨款支出表', '单位预算一般公共预算财政拨款基本支出表']) {
      expect(titles.some((x) => x.includes(t))).toBe(true);
    }
    expect(wb.worksheets.filter((w) => /绩效目标表/.test(w.getCell('A1').text)).length).toBe(11);
  });
});
