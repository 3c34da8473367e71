/** applyPlan: few syncs, unique names, faithful rendering, all-or-nothing. */
import fc from 'fast-check';
import { charsToPoints, createWorkbookPort } from '../../src/taskpane/excel';
import { sheetPlan, twelveSheetPlan } from './plans';
import { clerkWorkbook } from './workbooks';

describe('applyPlan', () => {
  it('writes a 12-sheet plan in at most 2 syncs per sheet, reporting progress', async () => {
    const xl = clerkWorkbook();
    const port = createWorkbookPort(xl.run);
    const progress: [number, number, string][] = [];
    const res = await port.applyPlan(twelveSheetPlan(), { onProgress: (d, t, s) => progress.push([d, t, s]) });
    expect(xl.syncs).toBeLessThanOrEqual(24);
    expect(xl.syncs).toBe(13);
    expect(res.created[0]).toEqual({ key: 'T1', name: '收支总表 (2)' });
    expect(res.created[1]).toEqual({ key: 'T2', name: '表2' });
    expect(res.names.sort()).toEqual(['BT.公开支出表', 'BT.公开收入总计']);
    expect(progress).toHaveLength(12);
    expect(progress[11]).toEqual([12, 12, '表12']);
    expect(xl.state.sheets.map((s) => s.name).slice(0, 4)).toEqual(['收支总表', '表2 (2)', '说明', '收支总表 (2)']);
    // one values write per sheet, one call per style block
    const t1 = xl.journal.filter((j) => j.sheet === '收支总表 (2)');
    expect(t1.filter((j) => j.action === 'values')).toEqual([expect.objectContaining({ address: 'A1:H33' })]);
    expect(t1.filter((j) => j.action === 'numberFormat')).toHaveLength(1);
    // the clerk's sheets were not touched
    expect(xl.journal.filter((j) => ['收支总表', '表2 (2)', '说明'].includes(j.sheet ?? ''))).toEqual([]);
    expect(xl.snapshot({ view: true }).view?.active).toBe('收支总表 (2)');
  });

  it('renders values, text codes, formats, merges, sizes and page setup', async () => {
    const xl = clerkWorkbook();
    await createWorkbookPort(xl.run).applyPlan({ sheets: [sheetPlan(0, '新表')], names: [] });
    const snap = xl.snapshot().sheets.find((s) => s.name === '新表')!;
    expect(xl.values('新表', 'A4:C4')).toEqual([['20801', '项目1', 100]]);
    expect(xl.values('新表', 'H4')).toEqual([['-']]);
    expect(snap.cells.A4).toMatchObject({ value: '20801', nf: '@' });
    expect(snap.cells.C4).toMatchObject({ value: 100, nf: '#,##0.00', fmt: { hAlign: 'Right' } });
    expect(snap.cells.A1).toMatchObject({ fmt: { bold: true, fontSize: 16, hAlign: 'Center' } });
    expect(snap.cells.B5).toMatchObject({ fmt: { borders: { top: { style: 'Continuous' }, left: { style: 'Continuous' } } } });
    expect(snap.merges).toEqual(['A1:H1', 'A2:F2']);
    expect(snap.colWidths).toEqual({ A: charsToPoints(10), B: charsToPoints(30), C: charsToPoints(12), D: charsToPoints(12), E: charsToPoints(12), F: charsToPoints(12), G: charsToPoints(12), H: charsToPoints(8) });
    expect(charsToPoints(10)).toBe(52.5);
    expect(snap.rowHeights).toEqual({ 1: 30, 2: 18, 3: 30 });
    expect(snap.page).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: '$3:$3' });
  });

  it('a failure halfway leaves the workbook exactly as before', async () => {
    const dry = clerkWorkbook();
    await createWorkbookPort(dry.run).applyPlan(twelveSheetPlan());
    const totalOps = dry.ops;

    const xl = clerkWorkbook();
    const before = xl.snapshot({ view: true });
    xl.injectFailure({ atOp: Math.floor(totalOps / 2) });
    await expect(createWorkbookPort(xl.run).applyPlan(twelveSheetPlan())).rejects.toThrow(/^生成公开表失败：写入“表\d+”时出错（GeneralException：Injected failure at .+），已撤销已创建的工作表$/);
    expect(xl.snapshot({ view: true })).toEqual(before);
  });

  it('rolls back after a failure at any operation or sync (property)', async () => {
    const dry = clerkWorkbook();
    const plan = twelveSheetPlan();
    plan.sheets = plan.sheets.slice(0, 4);
    await createWorkbookPort(dry.run).applyPlan(plan);
    const totalOps = dry.ops;
    const totalSyncs = dry.syncs;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.record({ atOp: fc.integer({ min: 1, max: totalOps }) }), fc.record({ atSync: fc.integer({ min: 1, max: totalSyncs }) })), async (spec) => {
        const xl = clerkWorkbook();
        const before = xl.snapshot();
        xl.injectFailure(spec);
        await expect(createWorkbookPort(xl.run).applyPlan(plan)).rejects.toThrow(/已撤销已创建的工作表/);
        expect(xl.snapshot()).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });

  it('restores a name it had re-pointed when a later step fails', async () => {
    const xl = clerkWorkbook();
    xl.injectFailure({ when: (op) => op.member === 'Worksheet.activate' });
    await expect(createWorkbookPort(xl.run).applyPlan(twelveSheetPlan())).rejects.toThrow(/生成公开表失败/);
    expect(xl.nameFormula('BT.公开支出表')).toBe('=说明!$A$1');
    expect(xl.nameFormula('BT.公开收入总计')).toBeUndefined();
    expect(xl.state.sheets).toHaveLength(3);
  });

  it('stops on abort, undoes what was created, and says so', async () => {
    const xl = clerkWorkbook();
    const before = xl.snapshot();
    const ac = new AbortController();
    const p = createWorkbookPort(xl.run).applyPlan(twelveSheetPlan(), {
      signal: ac.signal,
      onProgress: (done) => {
        if (done === 5) ac.abort();
      },
    });
    await expect(p).rejects.toThrow('生成公开表失败：已取消，已撤销已创建的工作表');
    expect(xl.snapshot()).toEqual(before);
    const pre = new AbortController();
    pre.abort();
    await expect(createWorkbookPort(xl.run).applyPlan(twelveSheetPlan(), { signal: pre.signal })).rejects.toThrow('已取消，未做任何修改');
  });

  it('rejects a malformed plan before touching the workbook', async () => {
    const xl = clerkWorkbook();
    const plan = twelveSheetPlan();
    plan.sheets[2].merges.push('A1:?');
    plan.names.push({ name: 'X', sheetKey: 'nope', range: 'A1' });
    await expect(createWorkbookPort(xl.run).applyPlan(plan)).rejects.toThrow(/方案有误.*合并区域“A1:\?”无效.*未做任何修改/);
    expect(xl.syncs).toBe(0);
  });

  it('insertSheet adds one template sheet with a free name in 2 syncs', async () => {
    const xl = clerkWorkbook();
    const port = createWorkbookPort(xl.run);
    const a = await port.insertSheet(sheetPlan(0, '收支总表'));
    const b = await port.insertSheet(sheetPlan(0, '收支总表'));
    expect([a.name, b.name]).toEqual(['收支总表 (2)', '收支总表 (3)']);
    expect(xl.syncs).toBe(4);
  });

  it('makes long and invalid plan names legal', async () => {
    const xl = clerkWorkbook();
    const res = await createWorkbookPort(xl.run).applyPlan({
      sheets: [sheetPlan(0, '单位预算一般公共预算财政拨款基本支出表（按经济分类）/2023'), sheetPlan(1, '单位预算一般公共预算财政拨款基本支出表（按经济分类）/2023')],
      names: [],
    });
    expect(res.created.map((c) => c.name)).toEqual(['单位预算一般公共预算财政拨款基本支出表（按经济分类）_2023', '单位预算一般公共预算财政拨款基本支出表（按经济分类）_ (2)']);
    expect(res.created.every((c) => c.name.length <= 31)).toBe(true);
  });
});
