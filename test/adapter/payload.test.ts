/**
 * Payload limits (Excel on the web: 5 MB per request and per response,
 * resource-limits-and-performance-optimization.md). The double enforces them in bytes;
 * detect() and readSheets() read in syncs that stay under them, and retry smaller when a
 * batch still comes back too large.
 */
import { createWorkbookPort } from '../../src/taskpane/excel';
import { CELLS_PER_SYNC } from '../../src/taskpane/excel/read';
import { ExcelDouble } from '../double';
import { budgetGrid } from './workbooks';

const LIMIT = 5 * 1024 * 1024;

/** A 一般公共预算支出表 with `rows` subject rows (4 columns), as a clerk's export would have it. */
function bigSheet(xl: ExcelDouble, name: string, rows: number): void {
  const g = budgetGrid('一般公共预算支出表', rows);
  xl.addSheet(name);
  xl.setCells(name, 'A1', g);
}

describe('the Excel double enforces the payload limit in bytes', () => {
  test('a response over 5 MB fails with ResponsePayloadSizeLimitExceeded', async () => {
    const xl = new ExcelDouble();
    bigSheet(xl, '大表', 200_000);
    await expect(
      xl.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('大表').getRange('A1:D200004');
        r.load('values,numberFormat');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(xl.payloadRejections).toBe(1);
  });

  test('a request over 5 MB fails with RequestPayloadSizeLimitExceeded and applies nothing', async () => {
    const xl = new ExcelDouble();
    xl.addSheet('空');
    const block = Array.from({ length: 100_000 }, (_, i) => [`第${i}行的一段较长的说明文字，用来撑大请求`, i, i * 2, '']);
    await expect(
      xl.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('空').getRange('A1:D100000').values = block;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(xl.writes()).toEqual([]);
    expect(xl.sheet('空').cells.size).toBe(0);
  });
});

describe('detect() under the payload limit', () => {
  test('a 200,000-row sheet is detected; no sync sends or receives more than 5 MB', async () => {
    const xl = new ExcelDouble();
    bigSheet(xl, '一般公共预算支出表', 200_000);
    xl.addSheet('收支总表', budgetGrid('单位预算收支总表', 20));
    const res = await createWorkbookPort(xl.run).detect();
    expect(res.tables.map((t) => [t.sheet, t.kindName])).toEqual(expect.arrayContaining([['一般公共预算支出表', '一般公共预算支出表']]));
    const big = res.sheets.find((s) => s.name === '一般公共预算支出表')!;
    expect(big.values).toHaveLength(200_004);
    expect(big.values[200_002]).toEqual(budgetGrid('一般公共预算支出表', 200_000)[200_002]);
    expect(xl.peakResponseBytes).toBeLessThanOrEqual(LIMIT);
    expect(xl.payloadRejections).toBe(0);
    // 2 syncs of names and sizes, then ⌈cells / CELLS_PER_SYNC⌉ reads, then Excel.run's own.
    expect(xl.syncs).toBeLessThanOrEqual(2 + Math.ceil((200_004 * 4 + 24 * 4) / CELLS_PER_SYNC) + 1);
    expect(xl.writes()).toEqual([]);
  }, 120_000);

  test('long texts that make a batch too large are retried in smaller pieces', async () => {
    const xl = new ExcelDouble();
    xl.payloadByteLimit = 400_000;
    const g = budgetGrid('单位预算收支总表', 3000).map((r, i) => (i > 2 ? [r[0], `${String(r[1])}：${'用于保障就业补助资金的发放与管理'.repeat(4)}`, r[2], r[3]] : r));
    xl.addSheet('收支总表', g);
    const res = await createWorkbookPort(xl.run).detect();
    expect(xl.payloadRejections).toBeGreaterThan(0);
    expect(res.sheets[0].values).toHaveLength(g.length);
    expect(res.sheets[0].values[100][1]).toBe(g[100][1]);
    expect(res.tables.map((t) => t.kindName)).toContain('收支总表');
  });
});

describe('write-back under the payload limit', () => {
  test('30,000 KPI rows are written in chunks; every request stays under 5 MB', async () => {
    const xl = new ExcelDouble();
    xl.addSheet('Sheet1');
    const port = createWorkbookPort(xl.run);
    const row = (i: number) => ['巨鹿县人力资源和社会保障局本级', `就业见习补贴项目${i}`, '产出指标', '数量指标', `见习人数与补贴发放覆盖率${i}`, '≥', 120 + i, '人', '正向', '✔'];
    await port.writeKpiData(Array.from({ length: 30_000 }, (_, i) => row(i)));
    expect(xl.payloadRejections).toBe(0);
    expect(xl.peakRequestBytes).toBeLessThanOrEqual(LIMIT);
    expect(xl.peakRequestBytes).toBeGreaterThan(LIMIT / 10);
    const owned = xl.snapshot().sheets.find((s) => s.name === '_预算助手')!;
    expect(JSON.stringify(owned)).toContain('就业见习补贴项目29999');
  }, 60_000);

  test('200,000 accepted warnings round-trip through write and read', async () => {
    const xl = new ExcelDouble();
    xl.addSheet('Sheet1');
    const port = createWorkbookPort(xl.run);
    const acc: Record<string, string> = {};
    for (let i = 0; i < 200_000; i++) acc[`BAL-101|收支总表!C${i + 5}`] = `上级批复口径不同，已核实（第${i}条）`;
    await port.writeAcceptances(acc);
    const back = await port.readAcceptances();
    expect(Object.keys(back)).toHaveLength(200_000);
    expect(back['BAL-101|收支总表!C200004']).toBe('上级批复口径不同，已核实（第199999条）');
    expect(xl.payloadRejections).toBe(0);
    expect(xl.peakResponseBytes).toBeLessThanOrEqual(LIMIT);
  }, 60_000);
});

describe('applyPlan under the payload limit', () => {
  test('a 60,000-row generated sheet is written in row bands; no request passes 5 MB; all-or-nothing kept', async () => {
    const xl = new ExcelDouble().useProfile('web');
    xl.addSheet('Sheet1');
    const rows = 60_000;
    const values: (string | number)[][] = [['科目编码', '科目名称', '合计', '基本支出', '项目支出', '备注', '科室', '说明']];
    for (let i = 0; i < rows; i++) values.push([`2080${(i % 9) + 1}`, `就业补助支出项目第${i}项`, i + 0.5, i, 0.5, '', '社会保险科', '按批复口径填列的说明文字']);
    const sheet = { key: 'BIG', name: '大表', values, styles: [{ range: `C2:E${rows + 1}`, style: { numberFormat: '#,##0.00' } }, { range: `A2:A${rows + 1}`, style: { numberFormat: '@' } }], merges: [], columnWidths: [10, 30, 12, 12, 12, 8, 10, 20], rowHeights: {} };
    const res = await createWorkbookPort(xl.run, { supports: xl.requirements.isSetSupported }).applyPlan({ sheets: [sheet as never], names: [] });
    expect(res.created).toEqual([{ key: 'BIG', name: '大表' }]);
    expect(xl.payloadRejections).toBe(0);
    expect(xl.peakRequestBytes).toBeLessThanOrEqual(LIMIT);
    expect(xl.values('大表', `A${rows + 1}:C${rows + 1}`)).toEqual([[`2080${((rows - 1) % 9) + 1}`, `就业补助支出项目第${rows - 1}项`, rows - 0.5]]);
    expect(xl.sheet('大表').cell(rows, 2).nf).toBe('#,##0.00');
    // A failure in a later band still removes the sheet.
    const xl2 = new ExcelDouble().useProfile('web');
    xl2.addSheet('Sheet1');
    const before = xl2.snapshot();
    xl2.injectFailure({ atSync: 5 });
    await expect(createWorkbookPort(xl2.run, { supports: xl2.requirements.isSetSupported }).applyPlan({ sheets: [sheet as never], names: [] })).rejects.toThrow(/已撤销已创建的工作表/);
    expect(xl2.snapshot()).toEqual(before);
  }, 120_000);
});
