/** `budget-table` on other provinces' workbooks: --profile, --dictionary, disclose, missing tables by profile. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main, type CliFinding } from '../../src/cli/main';
import { readWorkbookGrids } from '../../src/cli/read-xlsx';
import { analyzeWorkbook } from '../../src/model/analyze';
import { JIANGSU, SHANGHAI_UNIT, provinceSheets, writeProvinceWorkbook } from '../fixtures/provinces/make-provinces';

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out, err };
}

let dir: string;
let sh: string;
let js: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'province-cli-'));
  sh = await writeProvinceWorkbook(SHANGHAI_UNIT, dir);
  js = await writeProvinceWorkbook(JIANGSU, dir);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('check', () => {
  it('says which table set it read a workbook as', async () => {
    const r = await run(['check', sh]);
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).toContain('表格口径：上海市区级单位/部门预算公开（9 张表，元）（自动识别，9 张表名相符）');
  });

  it('--profile names the set; an unknown one is a usage error listing the sets', async () => {
    const r = await run(['check', js, '--profile', 'jiangsu']);
    expect(r.out.join('\n')).toContain('（按设置）');
    const bad = await run(['check', js, '--profile', 'zhejiang']);
    expect(bad.code).toBe(2);
    expect(bad.err.join('\n')).toMatch(/没有这个表格口径.*shanghai/);
  });

  it('the settings sheet can name the set', () => {
    const sheets = provinceSheets(JIANGSU);
    sheets.push({ name: '设置', values: [['表格口径', '河北']], origin: { row: 0, col: 0 } });
    const r = analyzeWorkbook({ sheets });
    expect(r.profile?.profile.id).toBe('hebei');
    expect(r.profile?.how).toBe('named');
    // Read as the Hebei set, Jiangsu's tables lack the 收入总表 and 国有资本经营 table of that set.
    expect(r.findings.filter((f) => f.rule === 'WB-003').map((f) => f.table)).toEqual(['T2', 'T8']);
  });

  it('missing tables are the profile’s: Jiangsu without its 机关运行经费表', () => {
    const sheets = provinceSheets(JIANGSU).filter((s) => !s.name.includes('机关运行经费'));
    const r = analyzeWorkbook({ sheets });
    const missing = r.findings.filter((f) => f.rule === 'WB-003');
    expect(missing.map((f) => f.table)).toEqual(['T14']);
    expect(missing[0].message).toContain('一般公共预算机关运行经费支出预算表');
  });

  it('--dictionary adds 科目 from a workbook', async () => {
    const grids = provinceSheets(SHANGHAI_UNIT);
    const t3 = grids.find((s) => s.name === '单位支出总表')!;
    t3.values[10][2] = '98';
    const file = path.join(dir, 'unknown.xlsx');
    const wb = new ExcelJS.Workbook();
    for (const s of grids) {
      const ws = wb.addWorksheet(s.name);
      s.values.forEach((row, r) => row.forEach((v, c) => { if (v !== '') ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue; }));
    }
    await wb.xlsx.writeFile(file);
    const before = await run(['check', file, '--json']);
    expect((JSON.parse(before.out.join('\n')) as CliFinding[]).filter((f) => f.rule === 'BAL-004').map((f) => f.severity)).toEqual(['info']);
    const dict = new ExcelJS.Workbook();
    const ws = dict.addWorksheet('科目');
    ws.addRow(['科目编码', '科目名称']);
    ws.addRow(['2010398', '本区特色项目']);
    const dictFile = path.join(dir, 'dict.xlsx');
    await dict.xlsx.writeFile(dictFile);
    const after = await run(['check', file, '--json', '--dictionary', dictFile]);
    expect((JSON.parse(after.out.join('\n')) as CliFinding[]).filter((f) => f.rule === 'BAL-004')).toEqual([]);
    const empty = await run(['check', file, '--dictionary', sh]);
    expect(empty.code).toBe(0); // the Shanghai workbook has codes and names: it is a usable list
  });
});

describe('disclose', () => {
  it('on a Shanghai workbook says which set it read and converts 元 to 万元 for the package', async () => {
    const out = path.join(dir, 'sh-package.xlsx');
    const r = await run(['disclose', sh, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).toMatch(/表格口径：上海.*公开表按全国通用格式/);
    expect(r.err.join('\n')).toContain('公开表已换算为万元');
    // The package's 支出总表 states the 元 total as 万元: 7,876,160 元 → 787.62 万元 (rounded).
    const grids = await readWorkbookGrids(out);
    const pkg = analyzeWorkbook(grids, { scope: 'budget' });
    const t3 = pkg.units[0].tables.T3!;
    expect(t3.unitLine.unit).toBe('万元');
    const total = t3.rows.find((x) => x.role === 'total')!;
    const src = analyzeWorkbook(await readWorkbookGrids(sh), { scope: 'budget' }).units[0].tables.T3!;
    const yuan = src.rows.find((x) => x.role === 'total')!.scaled!.total! / 100;
    expect(total.amounts.total!.toFixed(2)).toBe((Math.round(yuan / 100) / 100).toFixed(2));
  });

  it('on a Jiangsu workbook names the tables the package layout has no sheet for', async () => {
    const out = path.join(dir, 'js-package.xlsx');
    const r = await run(['disclose', js, '-o', out, '--year', '2019']);
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).toMatch(/表格口径：江苏.*该格式没有的.*收入预算总表.*一般公共预算机关运行经费支出预算表只校验、不输出/);
    expect(r.err.join('\n')).not.toContain('换算为万元');
  });
});
