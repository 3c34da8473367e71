/**
 * 部门 packages: seed 004's two units (本级 3889.89, 社会保险事业服务中心 481.10) add up
 * into the 部门 tables; every identity holds on the read-back tables and every amount
 * equals the sum of the units. A unit with an error is refused; a wrong sum is caught.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { Decimal } from '../../src/model/money';
import { discloseDepartment } from '../../src/cli/department';
import { readWorkbookGrids } from '../../src/cli/read-xlsx';
import { analyzeWorkbook } from '../../src/model/analyze';
import { consolidate, departmentCode, proveConsolidation } from '../../src/model/department';
import { buildDisclosurePlan } from '../../src/model/layout';
import { keyFigures } from '../../src/model/narrative';
import { RSJ, SBZX } from '../fixtures/juluxian-data';

const FIX = path.join(__dirname, '..', 'fixtures');
const FILES = [path.join(FIX, 'juluxian-rsj.xlsx'), path.join(FIX, 'juluxian-sbzx.xlsx')];
const DEPT = '巨鹿县人力资源和社会保障局';
const TABLES = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11'];

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dept-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const add = (...xs: number[]) => xs.reduce((a, x) => a.plus(x), new Decimal(0)).toFixed(2);

describe('部门 package of seed 004', () => {
  it('totals 3889.89 + 481.10 and proves every identity and every sum', async () => {
    const out = path.join(dir, '部门.xlsx');
    const r = await discloseDepartment(DEPT, FILES, out);
    expect(r.units.map((u) => [u.unit, u.total])).toEqual([
      ['323001巨鹿县人力资源和社会保障局本级', '3889.89'],
      ['323003巨鹿县社会保险事业服务中心', '481.10'],
    ]);
    expect(r.proof.mismatches).toEqual([]);
    expect(r.proof.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.proof.compared).toBeGreaterThan(500);
    const f = r.plan.figures.key;
    expect(f.收入总计.value!.toFixed(2)).toBe(add(RSJ.total, SBZX.total));
    expect(f.支出总计.value!.toFixed(2)).toBe(add(RSJ.total, SBZX.total));
    expect(f.基本支出.value!.toFixed(2)).toBe(add(RSJ.basic, SBZX.basic));
    expect(f.项目支出.value!.toFixed(2)).toBe(add(RSJ.project, SBZX.project));
    expect(f.人员经费.value!.toFixed(2)).toBe(add(RSJ.personnel, SBZX.personnel));
    expect(f.公用经费.value!.toFixed(2)).toBe(add(RSJ.public, SBZX.public));
    expect(f.固定资产.value!.toFixed(2)).toBe(add(92.71, 79.98));

    // The written file reads back as one balanced 部门 with those totals.
    const back = analyzeWorkbook(await readWorkbookGrids(out));
    expect(back.findings.filter((x) => x.severity === 'error')).toEqual([]);
    expect(back.units).toHaveLength(1);
    expect(back.units[0]).toMatchObject({ name: DEPT, year: '2023' });
    expect(keyFigures(back.units[0].tables).收入总计.value!.toFixed(2)).toBe('4370.99');
    // Codes of both units appear, in outline order, under the 部门 titles and 说明.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.getCell('A1').text)).toEqual(expect.arrayContaining(['部门预算收支总表', '部门预算支出总表', `${DEPT}2023年部门预算信息公开情况说明`]));
    const t3 = back.units[0].tables.T3!.rows.filter((x) => x.code).map((x) => x.code!);
    expect(t3).toEqual([...t3].sort());
    for (const c of ['2080101', '2080109', '2080999', '2101102', '2101101']) expect(t3).toContain(c);
    const text = r.plan.narrative.sections.flatMap((s) => s.paragraphs).join('\n');
    expect(text).toContain('2023年本部门收入预算总计4370.99万元');
    expect(text).not.toContain('本单位');
  });

  it('catches a 部门 table that is not the sum of its units', async () => {
    const units = await Promise.all(FILES.map(async (f) => analyzeWorkbook(await readWorkbookGrids(f), { scope: 'budget' }).units[0]));
    const { code, tables } = consolidate({ name: DEPT, year: '2023', units });
    const plan = buildDisclosurePlan({ unit: { code, name: DEPT }, year: '2023', tables, projects: [], level: '部门' });
    // Move 0.10 between two 项 of the same 款 in the 支出总表: every identity still holds, the sum does not.
    const t3 = plan.sheets.find((s) => s.key === 'T3')!;
    const row = (code: string) => t3.values.findIndex((v) => v[1] === code);
    const a = row('2080101');
    const b = row('2080105');
    t3.values[a][3] = Number(t3.values[a][3]) + 0.1;
    t3.values[a][5] = Number(t3.values[a][5]) + 0.1;
    t3.values[b][3] = Number(t3.values[b][3]) - 0.1;
    t3.values[b][5] = Number(t3.values[b][5]) - 0.1;
    const proof = proveConsolidation(plan, TABLES, units);
    expect(proof.findings.filter((f) => f.severity === 'error' && f.table === 'T3')).toEqual([]);
    expect(proof.mismatches).toEqual(expect.arrayContaining([expect.stringMatching(/^支出总表 2080101\/合计：部门 475\.56，各单位之和 475\.46$/)]));
  });

  it('refuses units that do not pass their own check, writing nothing', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(FILES[1]);
    const ws = wb.getWorksheet('支出总表')!;
    ws.getCell('D8').value = Number(ws.getCell('D8').value) - 0.1;
    const bad = path.join(dir, 'sbzx-bad.xlsx');
    await wb.xlsx.writeFile(bad);
    const out = path.join(dir, '部门-bad.xlsx');
    await expect(discloseDepartment(DEPT, [FILES[0], bad], out)).rejects.toThrow(/各单位须先通过校验.*\n.*sbzx-bad\.xlsx：\d+ 个强制性错误/);
    await expect(fs.access(out)).rejects.toThrow();
    await expect(discloseDepartment(DEPT, [FILES[0], FILES[0]], out)).rejects.toThrow(/不能重复汇总/);
  });

  it('takes the 部门 code from the units\' common prefix', () => {
    expect(departmentCode(['323001', '323003'])).toBe('323');
    expect(departmentCode(['323001', undefined])).toBeUndefined();
    expect(departmentCode(['12', '13'])).toBeUndefined();
    expect(departmentCode(['323001', '324001'])).toBeUndefined();
  });
});

describe('the 部门\'s own answers', () => {
  it('come from a workbook given without tables but with a 说明输入 sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('说明输入');
    ws.addRow(['项目', '内容']);
    ws.addRow(['单位职责', '统筹全县人力资源和社会保障工作。']);
    ws.addRow(['机构设置', '本部门由局本级和社会保险事业服务中心组成。']);
    ws.addRow(['项目支出主要用途', '就业补助和社会保险经办']);
    ws.addRow(['上年收支总计', '3542.32']);
    ws.addRow(['上年三公经费', '1.00']);
    ws.addRow(['收支总计增减原因', '就业补助资金增加']);
    ws.addRow(['三公经费增减原因', '不再安排公务接待']);
    const inputs = path.join(dir, '部门说明输入.xlsx');
    await wb.xlsx.writeFile(inputs);
    const r = await discloseDepartment(DEPT, [inputs, ...FILES], path.join(dir, '部门-答.xlsx'));
    expect(r.units).toHaveLength(2);
    expect(r.inputNotes).toEqual([]);
    expect(r.pending.map((p) => p.text)).toEqual(['项目绩效目标（未找到绩效目标表）']);
    const text = r.plan.narrative.sections.flatMap((s) => s.paragraphs).join('\n');
    expect(text).toContain('统筹全县人力资源和社会保障工作。');
    expect(text).toContain(`比2022年增加${add(RSJ.total, SBZX.total, -3542.32)}万元`);
  });
});
