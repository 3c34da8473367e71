/** Reading: all sheets in ≤ 3 syncs, real origins and formats, never a write. */
import { createWorkbookPort } from '../../src/taskpane/excel';
import { ExcelDouble } from '../double';
import { CELLS_PER_SYNC } from '../../src/taskpane/excel/read';
import { budgetGrid, thirtySheets, titleDetector } from './workbooks';

describe('detect / readSheets', () => {
  it('detects the tables of a 30-sheet workbook in at most 3 syncs without writing', async () => {
    const xl = thirtySheets();
    const before = xl.snapshot({ view: true });
    const port = createWorkbookPort(xl.run, { detect: titleDetector });
    const res = await port.detect();
    expect(xl.syncs).toBeLessThanOrEqual(3);
    expect(xl.writes()).toEqual([]);
    expect(xl.viewLog).toEqual([]);
    expect(xl.snapshot({ view: true })).toEqual(before);
    expect(res.sheets).toHaveLength(30);
    expect(res.tables.map((t) => [t.sheet, t.kindName, t.range])).toEqual([
      ['2.1收支总表', '收支总表', 'A1:D14'],
      ['2.2收入总表', '收入总表', 'A1:D15'],
      ['2.3支出总表', '支出总表', 'A1:D16'],
      ['2.4财政拨款收支总表', '财政拨款收支总表', 'C5:F21'],
      ['2.5一般公共预算支出表', '一般公共预算支出表', 'A1:D18'],
      ['2.6基本支出表', '基本支出表', 'A1:D19'],
      ['2.7政府性基金支出表', '政府性基金支出表', 'A1:D20'],
      ['2.8国有资本经营支出表', '国有资本经营支出表', 'A1:D21'],
      ['2.9三公经费表', '三公经费表', 'A1:D22'],
      ['2.10政府采购表', '政府采购表', 'A1:D23'],
      ['2.11固定资产表', '固定资产表', 'A1:D24'],
      ['绩效1', '绩效目标表', 'A1:E5'],
      ['绩效 2', '绩效目标表', 'B2:F6'],
    ]);
  });

  it('keeps the sheet offset as the grid origin and reads number formats', async () => {
    const xl = new ExcelDouble();
    xl.addSheet('表', budgetGrid('单位预算收支总表', 2), { at: 'C5' });
    xl.sheet('表').cell(7, 4).nf = '0.00';
    const [g] = await createWorkbookPort(xl.run).readSheets();
    expect(g.origin).toEqual({ row: 4, col: 2 });
    expect(g.values[0][0]).toBe('单位预算收支总表');
    expect(g.values[3]).toEqual(['20801', '项目1', 100, '']);
    expect(g.formats?.[3][2]).toBe('0.00');
    expect(xl.writes()).toEqual([]);
  });

  it('reads only the named sheets, gives empty sheets an empty grid, and skips the add-in sheet', async () => {
    const xl = thirtySheets();
    xl.addSheet('_预算助手', [['关键数字', '数值']], { visibility: 'Hidden' });
    const port = createWorkbookPort(xl.run);
    const some = await port.readSheets(['Sheet空', '附表3']);
    expect(some.map((s) => [s.name, s.values.length])).toEqual([['Sheet空', 0], ['附表3', 11]]);
    const all = await port.readSheets();
    expect(all.map((s) => s.name)).not.toContain('_预算助手');
    expect(xl.syncs).toBeLessThanOrEqual(6);
    expect(xl.writes()).toEqual([]);
  });

  it('caps a used range blown up by one far-away cell instead of loading it all', async () => {
    const xl = new ExcelDouble();
    xl.payloadCellLimit = 2_000_000;
    xl.addSheet('大', budgetGrid('单位预算收支总表', 3));
    xl.setCells('大', 'XFD1048576', [['x']]);
    const port = createWorkbookPort(xl.run, { detect: titleDetector });
    const res = await port.detect();
    expect(res.notes.join()).toMatch(/已用区域过大/);
    expect(res.tables.map((t) => t.kindName)).toEqual(['收支总表']);
    // 1,000,000 capped cells in syncs of CELLS_PER_SYNC, each response under the 5 MB limit.
    expect(xl.syncs).toBeLessThanOrEqual(2 + Math.ceil(1_000_000 / CELLS_PER_SYNC) + 1);
    expect(xl.peakResponseBytes).toBeLessThanOrEqual(xl.payloadByteLimit);
  });

  it('reports bindings with detection and a model error as a note, not a failure', async () => {
    const xl = thirtySheets();
    xl.defineName('BT.收支总表', "'2.1收支总表'!A1:D14");
    xl.defineName('BT.收入总计', "'附表1'!B2");
    const port = createWorkbookPort(xl.run, {
      detect: (g) => {
        if (g.name === '附表2') throw new Error('boom');
        return titleDetector(g);
      },
    });
    const res = await port.detect();
    expect(res.bindings).toEqual({ 'BT.收支总表': "'2.1收支总表'!A1:D14", 'BT.收入总计': "'附表1'!B2" });
    expect(res.notes).toEqual(['工作表“附表2”识别出错：boom']);
    expect(res.tables).toHaveLength(13);
  });
});
