/**
 * Last year in, differences out: `disclose` with last year's tables (or last year's
 * package) states 上年数, 增减额 and 增减率 equal to the difference of the two tables,
 * carries 单位职责/机构设置 over for review, and the 说明输入 sheet fills the rest.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { Decimal } from '../../src/model/money';
import { disclose } from '../../src/cli/disclose';
import { readPriorWorkbook } from '../../src/cli/prior';
import { readWorkbookGrids } from '../../src/cli/read-xlsx';
import { analyzeWorkbook } from '../../src/model/analyze';
import { CARRIED_MARK, changeWords, readInputsGrid, yearChange, INPUTS_SHEET } from '../../src/model/narrative';
import { RSJ } from '../fixtures/juluxian-data';
import { DUTIES_2022, ORGANISATION_2022, RECEPTION_2022, RSJ_2022, writePriorWorkbook } from '../fixtures/juluxian-2022';

const RSJ_FILE = path.join(__dirname, '..', 'fixtures', 'juluxian-rsj.xlsx');

let dir: string;
let prior: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'prior-'));
  prior = await writePriorWorkbook(path.join(dir, 'rsj-2022.xlsx'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A copy of the 2023 fixture with a 说明输入 sheet of (项目, 内容) rows. */
async function withInputs(rows: [string, string][], name = 'in.xlsx'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(RSJ_FILE);
  const ws = wb.addWorksheet(INPUTS_SHEET);
  ws.addRow(['项目', '内容']);
  for (const r of rows) ws.addRow(r);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** This year minus last year, computed here from the two fixtures' own figures. */
const d = (a: number, b: number) => new Decimal(a).minus(b).toFixed(2);

describe('wording', () => {
  it('says 增加…增长, 减少…下降 and 持平 as the seeds do, two decimals each', () => {
    expect(changeWords(yearChange('收支总计', new Decimal(3889.89), new Decimal(3098.98), 'x'), '2022年')).toBe('比2022年增加790.91万元，增长25.52%');
    expect(changeWords(yearChange('公务接待费', new Decimal(0), new Decimal(1), 'x'), '2022年')).toBe('比2022年减少1.00万元，下降100.00%');
    expect(changeWords(yearChange('三公经费', new Decimal(0), new Decimal(0), 'x'), '2022年')).toBe('与2022年持平');
    // No rate when last year had nothing.
    expect(changeWords(yearChange('三公经费', new Decimal(2.5), new Decimal(0), 'x'), '2022年')).toBe('比2022年增加2.50万元');
  });
});

describe('the 2022 fixture', () => {
  it('balances: the checker finds no budget error in it', async () => {
    const { findings, units } = analyzeWorkbook(await readWorkbookGrids(prior));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(units).toHaveLength(1);
    expect(units[0].year).toBe('2022');
  });

  it('reads back as last year\'s figures and paragraphs', async () => {
    const p = await readPriorWorkbook(prior, { code: RSJ.code, name: RSJ.name });
    expect(p.prior).toMatchObject({
      year: '2022',
      收支总计: '3098.98',
      财政拨款: '3098.98',
      基本支出: '574.73',
      项目支出: '2524.25',
      人员经费: '525.40',
      公用经费: '49.33',
      机关运行经费: '49.33',
      三公经费: '1.00',
      公务接待费: '1.00',
      '因公出国（境）费': '0.00',
    });
    expect(p.carried.duties).toBe(DUTIES_2022.join('\n'));
    expect(p.carried.organisation).toBe(ORGANISATION_2022);
  });
});

describe('disclose --prior', () => {
  it('states every year-on-year figure as the difference of the two tables', async () => {
    const r = await disclose(RSJ_FILE, path.join(dir, 'a.xlsx'), { priorFile: prior });
    const n = r.plans[0].narrative;
    const byKey = Object.fromEntries(n.changes.map((c) => [c.key, c]));
    expect(byKey.收支总计).toMatchObject({ current: '3889.89', prior: '3098.98', diff: d(RSJ.total, RSJ_2022.total), rate: '25.52' });
    expect(byKey.财政拨款.diff).toBe(d(RSJ.total, RSJ_2022.total));
    expect(byKey.基本支出.diff).toBe(d(RSJ.basic, RSJ_2022.basic));
    expect(byKey.项目支出.diff).toBe(d(RSJ.project, RSJ_2022.project));
    expect(byKey.机关运行经费.diff).toBe(d(RSJ.public, RSJ_2022.public));
    expect(byKey.三公经费.diff).toBe(d(0, RECEPTION_2022));
    expect(byKey.公务接待费.diff).toBe(d(0, RECEPTION_2022));
    expect(byKey['因公出国（境）费'].diff).toBe('0.00');
    for (const c of n.changes) {
      expect(c.diff).toBe(new Decimal(c.current).minus(c.prior).toFixed(2));
      if (c.rate !== null) expect(c.rate).toBe(new Decimal(c.diff).div(c.prior).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
    }
    const text = n.sections.flatMap((s) => s.paragraphs).join('\n');
    expect(text).toContain('收支预算总计3889.89万元，比2022年增加790.91万元，增长25.52%，【待填写：收支总计增减原因】');
    expect(text).toContain('因公出国（境）费与2022年持平');
    // Only reasons stay for a person, each marker naming its figure.
    const inputKeys = r.pending.filter((p) => p.kind === 'input').map((p) => p.key);
    expect(inputKeys).toEqual(expect.arrayContaining(['收支总计增减原因', '财政拨款增减原因', '基本支出增减原因', '项目支出增减原因', '机关运行经费增减原因', '三公经费增减原因', '公务接待费增减原因']));
    expect(inputKeys).not.toContain('上年收支总计');
    expect(inputKeys).not.toContain('上年三公经费');
    // 单位职责/机构设置 come from last year's 说明, marked for review.
    expect(n.sections[0].paragraphs[1]).toBe(`${CARRIED_MARK}${DUTIES_2022[0]}`);
    expect(r.pending.filter((p) => p.kind === 'review').map((p) => p.key)).toEqual(['单位职责', '机构设置']);
  });

  it('reads this product\'s own package of last year as well as last year\'s tables', async () => {
    const pkg2022 = path.join(dir, 'pkg-2022.xlsx');
    await disclose(prior, pkg2022, { narrativeInputs: { duties: '负责就业工作。\n负责社保工作。', organisation: '行政单位。' } });
    const fromPackage = await readPriorWorkbook(pkg2022, { code: RSJ.code, name: RSJ.name });
    const fromTables = await readPriorWorkbook(prior, { code: RSJ.code, name: RSJ.name });
    expect(fromPackage.prior).toEqual(fromTables.prior);
    expect(fromPackage.carried).toEqual({ duties: '负责就业工作。\n负责社保工作。', organisation: '行政单位。' });
  });

  it('takes the clerk\'s answers from the 说明输入 sheet, and none is left when all are given', async () => {
    const first = await disclose(RSJ_FILE, path.join(dir, 'b.xlsx'), { priorFile: prior });
    const keys = first.pending.map((p) => p.key).filter((k): k is string => !!k);
    // The fixture holds no 绩效目标表: the one thing no answer can fill.
    expect(first.pending.filter((p) => p.kind === 'table').map((p) => p.text)).toEqual(['项目绩效目标（未找到绩效目标表）']);
    const answers = keys.map((k): [string, string] => [k, k === '单位职责' || k === '机构设置' ? '沿用上年' : `（${k}的说明）`]);
    const file = await withInputs(answers);
    const r = await disclose(file, path.join(dir, 'c.xlsx'), { priorFile: prior });
    expect(r.pending.map((p) => p.text)).toEqual(['项目绩效目标（未找到绩效目标表）']);
    expect(r.inputNotes).toEqual([]);
    const text = r.plans[0].narrative.sections.flatMap((s) => s.paragraphs).join('\n');
    expect(text.match(/【[^】]*】/g)).toEqual(['【待填写：项目绩效目标（未找到绩效目标表）】']);
    expect(text).toContain(DUTIES_2022[1]);
    expect(text).toContain('主要原因是（基本支出增减原因的说明）');
  });

  it('lets a typed 上年 figure in 说明输入 stand in for last year\'s file, and reports unknown keys', async () => {
    const file = await withInputs([['上年收支总计', '3000'], ['上年三公经费', '0'], ['单位职能', '写错的键'], ['上年基本支出', '很多']], 'typed.xlsx');
    const r = await disclose(file, path.join(dir, 'd.xlsx'), {});
    const byKey = Object.fromEntries(r.plans[0].narrative.changes.map((c) => [c.key, c]));
    expect(byKey.收支总计).toMatchObject({ prior: '3000.00', diff: '889.89', rate: '29.66' });
    expect(byKey.三公经费.diff).toBe('0.00');
    expect(r.inputNotes).toEqual(['说明输入中有未知的项目：说明输入!A4 单位职能', '说明输入!B5 上年基本支出：应为金额（万元），现为“很多”']);
  });
});

describe('说明输入 grid', () => {
  it('reads keys with or without the header, full-width colons, reasons, budgets and prior figures', () => {
    const r = readInputsGrid([
      ['项目', '内容'],
      ['单位职责：', '第一段\n第二段'],
      ['“三公”经费增减原因', '压减接待'],
      ['预算数：就业工作经费', '20'],
      ['上年公用经费', '49.33万元'],
      ['其他需要说明的事项', ''],
    ]);
    expect(r.inputs).toEqual({ duties: '第一段\n第二段', reasons: { 三公经费: '压减接待' }, projectBudgets: { 就业工作经费: '20' } });
    expect(r.prior).toEqual({ 公用经费: '49.33' });
    expect(r.unknown).toEqual([]);
  });
});

describe('a wrong --prior', () => {
  it('refuses this year\'s own file as last year\'s, and warns on a gap of years', async () => {
    await expect(disclose(RSJ_FILE, path.join(dir, 'same.xlsx'), { priorFile: RSJ_FILE })).rejects.toThrow('的预算年度也是 2023 年：请给出上一年的公开表');
    const r = await disclose(RSJ_FILE, path.join(dir, 'gap.xlsx'), { priorFile: prior, year: '2024' });
    expect(r.warnings).toContain('--prior 的预算年度是 2022 年，不是 2023 年；说明中按“比2022年”表述');
  });
});
