/**
 * Issue 9: the CLI on hostile and ordinary-but-unexpected input, one block per numbered
 * case of ../shared/reviews/cli-bad-input.md. Every input is generated (bad-inputs.ts).
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main, type CliFinding } from '../../src/cli/main';
import { disclose } from '../../src/cli/disclose';
import { readWorkbookGrids } from '../../src/cli/read-xlsx';
import { writeWorkbookAtomic } from '../../src/cli/write-plan';
import * as bad from '../fixtures/bad-inputs';

let dir: string;
let sample: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'badin-'));
  sample = await bad.save(await bad.loadSample(), path.join(dir, 'sample.xlsx'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const at = (name: string) => path.join(dir, name);

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out, err };
}

async function json(args: string[]): Promise<{ code: number; findings: CliFinding[]; err: string[] }> {
  const r = await run([...args, '--json']);
  return { code: r.code, findings: JSON.parse(r.out.join('\n')) as CliFinding[], err: r.err };
}

async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((w) => w.name);
}

describe('1. --report never replaces an input or an existing file', () => {
  it('refuses the workbook being checked as its report, leaving it byte-identical', async () => {
    const victim = at('victim.xlsx');
    fs.copyFileSync(sample, victim);
    const before = sha(victim);
    for (const args of [['check', victim, '--report', victim], ['check', victim, '--report', victim, '--force'], ['check', sample, victim, '--report', victim, '--force']]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.err.join('\n')).toMatch(/校验报告不能写到输入文件/);
      expect(sha(victim)).toBe(before);
    }
  });

  it('refuses an existing report without --force and replaces it whole with --force', async () => {
    const rep = at('rep.xlsx');
    fs.writeFileSync(rep, 'old');
    let r = await run(['check', sample, '--report', rep]);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(/已存在.*--force/);
    expect(fs.readFileSync(rep, 'utf8')).toBe('old');
    r = await run(['check', sample, '--report', rep, '--force']);
    expect(r.code).toBe(0);
    expect(await sheetNames(rep)).toEqual(['校验报告']);
  });

  it('writes through a temporary file: a failed write leaves neither report nor temporary file, and stale ones are swept', async () => {
    const sub = fs.mkdtempSync(path.join(dir, 'atomic-'));
    const out = path.join(sub, 'r.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x');
    const link = jest.spyOn(fs.promises, 'link').mockRejectedValueOnce(Object.assign(new Error('x'), { code: 'EACCES' }));
    await expect(writeWorkbookAtomic(wb, out)).rejects.toThrow(/没有权限写入/);
    link.mockRestore();
    expect(fs.readdirSync(sub)).toEqual([]);
    // A run killed mid-write (its process gone) left its temporary file; the next run removes it.
    const stale = path.join(sub, '.r.xlsx.999999999.abc.tmp');
    fs.writeFileSync(stale, '');
    await writeWorkbookAtomic(wb, out);
    expect(fs.readdirSync(sub)).toEqual(['r.xlsx']);
  });

  it('says in Chinese when the output folder is missing, without the temporary name', async () => {
    const r = await run(['check', sample, '--report', at('nope/sub/r.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(/输出文件夹不存在/);
    expect(r.err.join('\n')).not.toMatch(/\.tmp/);
  });
});

describe('2. disclose -o never appends to an existing workbook', () => {
  it('refuses an existing output (an unrelated workbook stays byte-identical), and --force writes one package', async () => {
    const other = at('other.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('审核意见').getCell('A1').value = '保留';
    await wb.xlsx.writeFile(other);
    const before = sha(other);
    const r = await run(['disclose', sample, '-o', other]);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(/已存在：不会覆盖，也不会往里追加/);
    expect(sha(other)).toBe(before);

    const out = at('pkg.xlsx');
    expect((await run(['disclose', sample, '-o', out])).code).toBe(0);
    const first = await sheetNames(out);
    expect(first.some((n) => / \(2\)$/.test(n))).toBe(false);
    expect((await run(['disclose', sample, '-o', out])).code).toBe(2);
    expect((await run(['disclose', sample, '-o', out, '--force'])).code).toBe(0);
    expect(await sheetNames(out)).toEqual(first);
  });

  it('two runs to one output at the same time: one writes, the other says so', async () => {
    const out = at('race.xlsx');
    const results = await Promise.allSettled([disclose(sample, out), disclose(sample, out)]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(String(failed[0].reason.message)).toMatch(/已存在|被另一个程序创建/);
    expect(fs.readdirSync(dir).filter((n) => n.includes('race.xlsx') && n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses an output name that is not .xlsx', async () => {
    const r = await run(['disclose', sample, '-o', at('pkg.csv')]);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(/应以 \.xlsx 结尾/);
  });
});

describe('3. an asset register beside the tables is not published as a 绩效目标表', () => {
  it('disclose writes eleven 绩效 sheets and says 11 projects', async () => {
    const wb = await bad.loadSample();
    bad.addAssetRegister(wb, 20);
    const input = await bad.save(wb, at('detail20.xlsx'));
    const out = at('detail20-pkg.xlsx');
    const r = await disclose(input, out);
    expect(r.sheets.filter((n) => n.startsWith('绩效'))).toHaveLength(11);
    expect(r.sheets.join('、')).not.toMatch(/资产明细|绩效12/);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const text: string[] = [];
    back.getWorksheet('公开情况说明')!.eachRow((row) => row.eachCell((c) => text.push(String(c.value))));
    expect(text.join('')).toMatch(/本单位11个项目编制了绩效目标/);
  });
});

describe('3b. --verbose lists the sheets not taken for tables', () => {
  it('names the asset register and the 说明 sheet, not the tables', async () => {
    const wb = await bad.loadSample();
    bad.addAssetRegister(wb, 5);
    const input = await bad.save(wb, at('verbose.xlsx'));
    const r = await run(['check', input, '--verbose']);
    const line = r.err.find((l) => l.includes('未当作表格的工作表'))!;
    expect(line).toMatch(/资产明细/);
    expect(line).not.toMatch(/支出总表|绩效1/);
  });
});

describe('4. hundreds of thousands of findings are all reported (no recursion or spread limits)', () => {
  it('checks a 200,000-row 支出总表 to the end, and the real tables of the same workbook too', async () => {
    const big = at('rows200k.xlsx');
    const { rows } = await bad.bigExpenditure(big, 200_000);
    expect(rows).toBeGreaterThanOrEqual(200_000);
    const grids = await readWorkbookGrids(big);
    expect(grids.sheets[0].values.length).toBe(rows + 5);
    const { findings, code } = await json(['check', big]);
    // Every 项 code is unknown to the dictionary: one finding per row, none lost.
    expect(findings.filter((f) => f.rule === 'BAL-004').length).toBeGreaterThanOrEqual(190_000);
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(expect.not.arrayContaining(['BAL-101', 'BAL-203']));
    expect(code).toBeLessThan(2);
  }, 120_000);
});

describe('5. memory follows content, not styling', () => {
  it('an empty bordered cell at row 1,048,576 on every sheet adds no rows to the grids', async () => {
    const wb = await bad.loadSample();
    for (const ws of wb.worksheets) bad.farStyledCell(ws);
    const file = await bad.save(wb, at('far-styled-all.xlsx'));
    const [plain, styled] = await Promise.all([readWorkbookGrids(sample), readWorkbookGrids(file)]);
    expect(styled.sheets.map((s) => s.values.length)).toEqual(plain.sheets.map((s) => s.values.length));
    expect(styled.notes).toBeUndefined();
  });

  it('content cut off by a huge gap is left out with a WB-007 note naming the farthest cell', async () => {
    const wb = await bad.loadSample();
    wb.worksheets[0].getCell('XFD1048576').value = '远处的字';
    const file = await bad.save(wb, at('far-content.xlsx'));
    const g = await readWorkbookGrids(file);
    expect(g.sheets[0].values.length).toBeLessThan(100);
    expect(g.notes).toEqual([{ rule: 'WB-007', sheet: g.sheets[0].name, cell: 'XFD1048576', params: { count: 1 } }]);
    const { findings } = await json(['check', file]);
    expect(findings.find((f) => f.rule === 'WB-007')?.message).toMatch(/1 个远离表格的单元格未读取（最远的在 XFD1048576）/);
  });
});

describe('6. silence means checked', () => {
  it.each([
    ['a phone list', bad.phoneList, /没有识别出预算公开表或绩效目标表.*人员名单/],
    ['a blank workbook', bad.blankWorkbook, /没有识别出预算公开表或绩效目标表.*Sheet1/],
  ])('%s is an error, not 无问题', async (_n, make, message) => {
    const file = await make(at(`${_n}.xlsx`));
    const { code, findings } = await json(['check', file]);
    expect(code).toBe(1);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'WB-002', severity: 'error' });
    expect(findings[0].message).toMatch(message);
  });

  it('a workbook with only the 支出总表 lacks the other eight mandatory tables', async () => {
    const file = await bad.onlyExpenditure(at('only-zhichu.xlsx'));
    const { code, findings } = await json(['check', file]);
    expect(code).toBe(1);
    const missing = findings.filter((f) => f.rule === 'WB-003');
    expect(missing).toHaveLength(8);
    expect(missing.map((f) => f.message).join('\n')).toMatch(/缺少收支总表（单位预算收支总表）/);
    expect(missing.map((f) => f.message).join('\n')).not.toMatch(/缺少支出总表/);
  });

  it('kpi on a workbook without 绩效目标表 says so', async () => {
    const file = await bad.onlyExpenditure(at('only-zhichu-kpi.xlsx'));
    const { code, findings } = await json(['kpi', file]);
    expect(code).toBe(1);
    expect(findings.map((f) => f.rule)).toEqual(['WB-002']);
    expect(findings[0].message).toMatch(/没有识别出绩效目标表/);
  });
});

describe('7. formulas saved without results', () => {
  it('are computed where they are arithmetic: no false imbalance, an info note, the right total published', async () => {
    const wb = await bad.loadSample();
    const { sheet, cells } = bad.uncachedFormulas(wb);
    const file = await bad.save(wb, at('formula-nocache.xlsx'));
    const { code, findings } = await json(['check', file]);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(code).toBe(0);
    const [cell] = Object.keys(cells);
    const note = findings.find((f) => f.rule === 'WB-006')!;
    expect(note).toMatchObject({ sheet, cell });
    expect(note.message).toMatch(/已按公式算得 861\.59/);
    const g = await readWorkbookGrids(file);
    const s = g.sheets.find((x) => x.name === sheet)!;
    const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
    expect(s.values[Number(m[2]) - 1][m[1].charCodeAt(0) - 65]).toBeCloseTo(861.59, 6);
  });

  it('a formula it cannot compute is an error that says to open and save the file', async () => {
    const wb = await bad.loadSample();
    const ws = bad.sheetTitled(wb, '支出总表');
    ws.getCell('D8').value = { formula: 'VLOOKUP(B8,Sheet9!A:B,2,FALSE)' } as ExcelJS.CellFormulaValue;
    const file = await bad.save(wb, at('formula-vlookup.xlsx'));
    const { code, findings } = await json(['check', file]);
    expect(code).toBe(1);
    const f = findings.find((x) => x.rule === 'WB-005')!;
    expect(f.cell).toBe('D8');
    expect(f.message).toMatch(/不支持函数 VLOOKUP.*打开、保存后再检查/);
    // The cell is an error value for the model, never 0.00.
    expect(findings.some((x) => /合计为 0\.00/.test(x.message))).toBe(false);
    const r = await run(['disclose', file, '-o', at('formula-vlookup-pkg.xlsx')]);
    expect(r.code).toBe(1);
  });
});

describe('8. a comma typed for a decimal point', () => {
  it("'272，93' is an error naming 272.93, and disclose exits 1", async () => {
    const wb = await bad.loadSample();
    const ws = bad.sheetTitled(wb, '支出总表');
    ws.getCell('D12').value = '272，93';
    const file = await bad.save(wb, at('comma.xlsx'));
    const { code, findings } = await json(['check', file]);
    expect(code).toBe(1);
    expect(findings.find((f) => f.cell === 'D12' && f.rule === 'BAL-018')?.message).toMatch(/应为 272\.93/);
    expect(findings.some((f) => /27293/.test(f.message))).toBe(false);
    const r = await run(['disclose', file, '-o', at('comma-pkg.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(/强制性错误.*不应照此公开/);
  });
});

describe('9. every file the CLI cannot read gets a Chinese message naming it and what to do', () => {
  const cases: [string, (f: string) => string | Promise<string>, RegExp][] = [
    ['old.xls', (f) => bad.legacyXls(f), /旧版 Excel 97-2003 工作簿（\.xls）.*另存为/],
    ['xls-renamed.xlsx', (f) => bad.legacyXls(f), /旧版 Excel 97-2003/],
    ['locked.xlsx', (f) => bad.encryptedXlsx(f), /设置了打开密码.*去掉密码/],
    ['export.csv', (f) => bad.csvExport(f), /CSV\/文本文件.*另存为 \.xlsx/],
    ['csv-renamed.xlsx', (f) => bad.csvExport(f), /CSV\/文本文件/],
    ['web.xls', (f) => bad.htmlAsXls(f), /网页（HTML）格式/],
    ['empty.xlsx', (f) => (fs.writeFileSync(f, ''), f), /空文件（0 字节）/],
    ['random.xlsx', (f) => bad.randomBytesFile(f), /不是 Excel 工作簿/],
    ['truncated.xlsx', (f) => bad.truncatedCopy(sample, f), /已损坏或不完整/],
    ['notooxml.xlsx', (f) => bad.zipWithoutWorkbook(f), /里面没有 Excel 工作簿/],
  ];
  it.each(cases)('%s', async (name, make, message) => {
    const file = await make(at(name));
    for (const cmd of ['check', 'kpi']) {
      const { code, findings, err } = await json([cmd, file]);
      expect(code).toBe(2);
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ file, rule: 'WB-001', severity: 'error' });
      expect(findings[0].message).toMatch(message);
      expect(findings[0].message).toContain(file);
      expect(err.join('\n')).not.toMatch(/zip|central directory|jszip/i);
    }
    const r = await run(['disclose', file, '-o', at(`${name}-pkg.xlsx`)]);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(message);
  });

  it('a missing file and a folder', async () => {
    expect((await json(['check', at('nope.xlsx')])).findings[0].message).toMatch(/找不到文件 .*nope\.xlsx/);
    expect((await json(['check', dir])).findings[0].message).toMatch(/是一个文件夹/);
  });
});

describe('10. batches, options and exit codes', () => {
  it('an unreadable file is counted, listed in --json and --report, and its exit 2 wins over another file’s 1', async () => {
    const broken = bad.randomBytesFile(at('broken.xlsx'));
    const wb = await bad.loadSample();
    bad.sheetTitled(wb, '支出总表').getCell('D8').value = 861.49;
    const failing = await bad.save(wb, at('failing.xlsx'));
    const r = await run(['check', broken, failing]);
    expect(r.code).toBe(2);
    expect(r.out[r.out.length - 1]).toMatch(/^共 2 个文件（1 个无法读取，1 个已检查）：\d+ 处强制/);
    const j = await json(['check', broken, failing]);
    expect(j.findings.filter((f) => f.file === broken).map((f) => f.rule)).toEqual(['WB-001']);
    const rep = at('batch-report.xlsx');
    await run(['check', broken, failing, '--report', rep]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(rep);
    const files: string[] = [];
    back.worksheets[0].eachRow((row, i) => i > 1 && files.push(String(row.getCell(1).value)));
    expect(files).toContain(broken);
  });

  it.each([
    [['check', 'x.xlsx', '--jsno'], /不认识选项 --jsno.*--json/],
    [['check', 'x.xlsx', '--JSON'], /不认识选项 --JSON.*你是不是想写 --json/],
    [['check', 'x.xlsx', '--pick', 'NOPE-999'], /--pick NOPE-999：没有这条规则/],
    [['kpi', 'x.xlsx', '--skip', 'KPI-NOPE-*'], /--skip KPI-NOPE-\*：没有这条规则/],
    [['disclose', 'x.xlsx', '-o', 'y.xlsx', '--year', 'abc'], /--year abc：预算年度应为四位年份/],
    [['disclose', 'x.xlsx', '-o'], /选项 -o 需要一个值/],
    [['frobnicate'], /未知命令：frobnicate/],
  ])('%j is a usage error', async (args, message) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(message);
  });

  it('rule ids are read in any case, and a prefix works with or without *', async () => {
    const seed002 = path.join(__dirname, '..', 'fixtures', 'kpi', 'seed002.xlsx');
    const all = (await json(['kpi', seed002])).findings.filter((f) => f.rule.startsWith('KPI-PLAN-'));
    expect(all.length).toBeGreaterThan(0);
    for (const pick of ['KPI-PLAN', 'kpi-plan', 'KPI-PLAN-*']) {
      expect((await json(['kpi', seed002, '--pick', pick])).findings).toEqual(all);
    }
    const one = all[0].rule;
    expect((await json(['kpi', seed002, '--pick', one.toLowerCase()])).findings.every((f) => f.rule === one)).toBe(true);
  });

  it('--help and help print the usage with exit 0; --year other than the tables warns', async () => {
    expect((await run(['--help'])).code).toBe(0);
    expect((await run(['check', '--help'])).out.join('\n')).toMatch(/用法/);
    const r = await run(['disclose', sample, '-o', at('y2024.xlsx'), '--year', '2024']);
    expect(r.code).toBe(0);
    expect(r.err.join('\n')).toMatch(/--year 2024 与表格中的预算年度 2023.*不同/);
  });

  it('rows of the 设置 sheet that cannot be applied are findings, not silently ignored', async () => {
    const wb = await bad.loadSample();
    const ws = wb.addWorksheet('设置');
    ws.addRows([['规则', '启用', '级别'], ['KPI-UNIT-99', '否', ''], ['KPI-MGMT-01', '', '高'], ['KPI-MGMT', '也许', ''], ['kpi-mgmt', '否', '']]);
    const file = await bad.save(wb, at('settings.xlsx'));
    const { findings } = await json(['check', file]);
    const wb8 = findings.filter((f) => f.rule === 'WB-008');
    expect(wb8.map((f) => f.cell)).toEqual(['A2', 'A3', 'A4']);
    expect(wb8[0].message).toMatch(/规则 KPI-UNIT-99 不存在/);
    expect(wb8[1].message).toMatch(/级别一栏的“高”应为 强制、提示 或 信息/);
    expect(wb8[2].message).toMatch(/启用一栏的“也许”应为 是 或 否/);
    // The last row, a prefix in lower case without *, switched KPI-MGMT-01 off.
    expect(findings.filter((f) => f.rule.startsWith('KPI-MGMT'))).toEqual([]);
  });

  it('budget-table rules lists the catalogue, ids unique', async () => {
    const r = await run(['rules', '--json']);
    const ids = (JSON.parse(r.out.join('\n')) as { id: string }[]).map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['WB-001', 'BAL-017', 'BAL-018', 'KPI-DIR-01']));
  });
});
