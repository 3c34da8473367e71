/**
 * `disclose` end to end on the 巨鹿 fixtures: the output reproduces seed 004, the
 * input is never modified, existing output sheets survive, a failure leaves nothing.
 */
import { createHash } from 'crypto';
import { promises as fs, existsSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { disclose } from '../../src/cli/disclose';
import { sheetToGrid } from '../../src/cli/read-xlsx';
import type { PlanValue } from '../../src/model/plan';
import { expectSeedPackage } from './golden';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const RSJ = path.join(FIXTURES, 'juluxian-rsj.xlsx');
const SBZX = path.join(FIXTURES, 'juluxian-sbzx.xlsx');

const sha = async (p: string) => createHash('sha256').update(await fs.readFile(p)).digest('hex');

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'disclose-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function readBack(p: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(p);
  return wb;
}
const grid = (ws: ExcelJS.Worksheet): PlanValue[][] => sheetToGrid(ws).values.map((r) => r.map((v) => (v === '' ? null : (v as PlanValue))));
const TABLE_SHEETS: Record<string, string> = {
  T1: '表1 收支总表', T2: '表2 收入总表', T3: '表3 支出总表', T4: '表4 财政拨款收支总表', T5: '表5 一般公共预算支出表',
  T6: '表6 基本支出表', T7: '表7 政府性基金支出表', T8: '表8 国有资本经营支出表', T9: '表9 三公经费表',
};

describe('disclose on the 巨鹿 fixtures', () => {
  it('reproduces the nine tables of seed 004 in the written file', async () => {
    const out = path.join(dir, '公开.xlsx');
    const r = await disclose(RSJ, out, {});
    expect(r.outPath).toBe(out);
    // The fixture holds the tables only (no 绩效目标表).
    expect(r.sheets).toEqual(['目录', '公开情况说明', ...Object.values(TABLE_SHEETS), '表10 政府采购表', '表11 固定资产表']);
    const wb = await readBack(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(r.sheets);
    expectSeedPackage((k) => grid(wb.getWorksheet(TABLE_SHEETS[k])!));
  });

  it('states in the 说明 the amounts of its own tables, in 万元 with two decimals', async () => {
    const out = path.join(dir, '公开.xlsx');
    await disclose(RSJ, out, {});
    const wb = await readBack(out);
    const text = grid(wb.getWorksheet('公开情况说明')!).map((r) => String(r[0] ?? '')).join('\n');
    const cell = (sheet: string, a1: string) => Number(wb.getWorksheet(sheet)!.getCell(a1).value).toFixed(2);
    const stated = (re: RegExp) => re.exec(text)?.[1];
    expect(stated(/收入预算总计(\d+\.\d\d)万元/)).toBe(cell('表1 收支总表', 'C39'));
    expect(stated(/支出预算总计(\d+\.\d\d)万元/)).toBe(cell('表1 收支总表', 'E39'));
    expect(stated(/基本支出(\d+\.\d\d)万元/)).toBe(cell('表3 支出总表', 'E6'));
    expect(stated(/项目支出(\d+\.\d\d)万元/)).toBe(cell('表3 支出总表', 'F6'));
    expect(stated(/人员经费(\d+\.\d\d)万元/)).toBe(cell('表6 基本支出表', 'E6'));
    expect(stated(/公用经费(\d+\.\d\d)万元/)).toBe(cell('表6 基本支出表', 'F6'));
    expect(stated(/机关运行经费安排(\d+\.\d\d)万元/)).toBe(cell('表6 基本支出表', 'F6'));
    expect(stated(/“三公”经费预算(\d+\.\d\d)万元/)).toBe('0.00');
    expect(stated(/固定资产总额(\d+\.\d\d)万元/)).toBe(cell('表11 固定资产表', 'C4'));
    expect(text).not.toMatch(/\d+\.\d{3,}|\d元/);
    for (const m of text.matchAll(/(\d+(?:\.\d+)?)万元/g)) expect(m[1]).toMatch(/^\d+\.\d\d$/);
  });

  it('converts the second unit (社会保险事业服务中心) too', async () => {
    const out = path.join(dir, 'sbzx.xlsx');
    await disclose(SBZX, out, {});
    const wb = await readBack(out);
    const t1 = grid(wb.getWorksheet('表1 收支总表')!);
    expect(t1[1].filter(Boolean)).toEqual(['323003巨鹿县社会保险事业服务中心', '预算年度：2023', '单位：万元']);
    expect(t1[38].slice(1)).toEqual(['收入总计', 481.1, '支出总计', 481.1]);
    const t3 = grid(wb.getWorksheet('表3 支出总表')!);
    expect(t3[5].slice(3, 6)).toEqual([481.1, 404.1, 77]);
  });

  it('leaves the input byte-identical', async () => {
    const before = await sha(RSJ);
    const stat = await fs.stat(RSJ);
    await disclose(RSJ, path.join(dir, 'out.xlsx'), {});
    expect(await sha(RSJ)).toBe(before);
    expect((await fs.stat(RSJ)).mtimeMs).toBe(stat.mtimeMs);
  });

  it('refuses to write over the input', async () => {
    const copy = path.join(dir, 'in.xlsx');
    await fs.copyFile(RSJ, copy);
    const before = await sha(copy);
    await expect(disclose(copy, copy, { force: true })).rejects.toThrow('不能写到输入文件');
    await expect(disclose(copy, path.join(dir, '.', 'sub', '..', 'in.xlsx'), { force: true })).rejects.toThrow('不能写到输入文件');
    await fs.symlink(copy, path.join(dir, 'link.xlsx'));
    await expect(disclose(copy, path.join(dir, 'link.xlsx'), { force: true })).rejects.toThrow('不能写到输入文件');
    await fs.link(copy, path.join(dir, 'hard.xlsx'));
    await expect(disclose(copy, path.join(dir, 'hard.xlsx'), { force: true })).rejects.toThrow('不能写到输入文件');
    expect(await sha(copy)).toBe(before);
  });

  it('refuses an existing output, and with force replaces it whole — never appends', async () => {
    const out = path.join(dir, 'existing.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('目录').getCell('A1').value = '审核意见';
    wb.addWorksheet('表1 收支总表').getCell('B2').value = 123.45;
    await wb.xlsx.writeFile(out);
    const before = await sha(out);
    await expect(disclose(RSJ, out, {})).rejects.toThrow(/已存在：不会覆盖，也不会往里追加.*--force/);
    expect(await sha(out)).toBe(before);
    const r = await disclose(RSJ, out, { force: true });
    expect(r.sheets.slice(0, 3)).toEqual(['目录', '公开情况说明', '表1 收支总表']);
    const back = await readBack(out);
    expect(back.worksheets.map((w) => w.name)).toEqual(r.sheets);
    expect(back.getWorksheet('目录')!.getCell('A1').value).not.toBe('审核意见');
    // Running again gives the same package, not a second copy beside the first.
    const again = await disclose(RSJ, out, { force: true });
    expect((await readBack(out)).worksheets.map((w) => w.name)).toEqual(again.sheets);
    expect(again.sheets).toEqual(r.sheets);
  });

  it('an error halfway leaves no output file, and an existing one unchanged', async () => {
    const out = path.join(dir, 'out.xlsx');
    const boom = (done: number) => {
      if (done === 5) throw new Error('注入的故障');
    };
    await expect(disclose(RSJ, out, { onProgress: boom })).rejects.toThrow('注入的故障');
    expect(existsSync(out)).toBe(false);
    expect(await fs.readdir(dir)).toEqual([]);

    const existing = path.join(dir, 'existing.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('原表').getCell('A1').value = 1;
    await wb.xlsx.writeFile(existing);
    const before = await sha(existing);
    await expect(disclose(RSJ, existing, { onProgress: boom, force: true })).rejects.toThrow('注入的故障');
    expect(await sha(existing)).toBe(before);
    expect(await fs.readdir(dir)).toEqual(['existing.xlsx']);
  });

  it('selects a unit by --unit and says which units exist when it is not found', async () => {
    await expect(disclose(RSJ, path.join(dir, 'x.xlsx'), { unit: '不存在的单位' })).rejects.toThrow(/没有找到单位“不存在的单位”；工作簿中的单位：323001巨鹿县人力资源和社会保障局本级/);
    const r = await disclose(RSJ, path.join(dir, 'y.xlsx'), { unit: '323001', year: '2023' });
    expect(r.sheets[0]).toBe('目录');
    expect(existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });

  it('reports a clear error for a workbook without budget tables', async () => {
    const empty = path.join(dir, 'empty.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = '随便写点什么';
    await wb.xlsx.writeFile(empty);
    await expect(disclose(empty, path.join(dir, 'o.xlsx'), {})).rejects.toThrow(/没有找到预算公开表/);
    expect(existsSync(path.join(dir, 'o.xlsx'))).toBe(false);
  });
});

describe('disclose on a package it wrote itself', () => {
  it('reads its own output back and writes the same tables; the checker finds nothing wrong with them', async () => {
    const { buildDisclosurePlan } = await import('../../src/model/layout');
    const { writePlanToFile } = await import('../../src/cli/write-plan');
    const { readWorkbookGrids } = await import('../../src/cli/read-xlsx');
    const { analyzeWorkbook } = await import('../../src/model/analyze');
    const { seedTables, UNIT, YEAR } = await import('./seed004');
    const { personnelProject } = await import('./projects');
    const first = path.join(dir, 'first.xlsx');
    await writePlanToFile(buildDisclosurePlan({ unit: UNIT, year: YEAR, tables: seedTables(), projects: [personnelProject()] }), first);
    const second = path.join(dir, 'second.xlsx');
    const r = await disclose(first, second, {});
    expect(r.sheets.at(-1)).toBe('绩效1 人事和社会保障工作经费');
    const wb = await readBack(second);
    expectSeedPackage((k) => grid(wb.getWorksheet(TABLE_SHEETS[k])!));
    const { findings } = analyzeWorkbook(await readWorkbookGrids(second), { scope: 'budget' });
    // Balanced tables and a 说明 that states them exactly: no error, no 说明 finding.
    expect(findings.filter((f) => f.severity === 'error' || /^BAL-70/.test(f.rule)).map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual([]);
  });
});

describe('disclose on a workbook holding two units', () => {
  async function combined(): Promise<string> {
    const out = new ExcelJS.Workbook();
    for (const [file, tag] of [[RSJ, '人社局'], [SBZX, '社保中心']]) {
      const wb = await readBack(file);
      for (const ws of wb.worksheets) {
        const copy = out.addWorksheet(`${tag}${ws.name}`.slice(0, 31));
        grid(ws).forEach((row, r) => row.forEach((v, c) => v !== null && (copy.getCell(r + 1, c + 1).value = v)));
      }
    }
    const p = path.join(dir, 'two-units.xlsx');
    await out.xlsx.writeFile(p);
    return p;
  }

  it('writes one package per unit, sheets and names carrying the unit code', async () => {
    const r = await disclose(await combined(), path.join(dir, 'out.xlsx'), {});
    expect(r.sheets.filter((s) => s.endsWith('表1 收支总表'))).toEqual(['323001 表1 收支总表', '323003 表1 收支总表']);
    expect(r.sheets).toHaveLength(26);
    const wb = await readBack(path.join(dir, 'out.xlsx'));
    const names: string[] = [];
    wb.definedNames.forEach((name, cell) => name.endsWith('收入总计') && names.push(`${name}=${cell.sheetName}!${cell.address}`));
    expect(names.sort()).toEqual(['公开.323001.收入总计=323001 表1 收支总表!C39', '公开.323003.收入总计=323003 表1 收支总表!C39']);
    expect(wb.getWorksheet('323003 表1 收支总表')!.getCell('C39').value).toBe(481.1);
    expect(r.missing.some((m) => m.startsWith('巨鹿县社会保险事业服务中心：'))).toBe(true);
  });

  it('--unit picks one of them by part of its name', async () => {
    const r = await disclose(await combined(), path.join(dir, 'out.xlsx'), { unit: '社会保险事业服务中心' });
    expect(r.sheets).toHaveLength(13);
    const wb = await readBack(path.join(dir, 'out.xlsx'));
    expect(wb.getWorksheet('表1 收支总表')!.getCell('A2').value).toBe('323003巨鹿县社会保险事业服务中心');
  });
});
