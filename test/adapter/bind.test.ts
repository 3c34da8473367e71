/** Binding `BT.<kind>` names, and keeping them right after the user inserts rows. */
import { createWorkbookPort, staleBindings } from '../../src/taskpane/excel';
import { ExcelDouble } from '../double';
import { budgetGrid, titleDetector } from './workbooks';

function workbook(): ExcelDouble {
  const xl = new ExcelDouble();
  xl.addSheet('封面', [['2023 单位预算']]);
  xl.addSheet('2.15 收支总表', budgetGrid('单位预算收支总表', 5));
  return xl;
}

describe('bind', () => {
  it('creates a workbook name for the table and reports it', async () => {
    const xl = workbook();
    const port = createWorkbookPort(xl.run, { detect: titleDetector });
    const { tables } = await port.detect();
    xl.resetCounters();
    await port.bind(tables[0].kindName, tables[0].sheet, tables[0].range);
    expect(xl.syncs).toBe(2);
    expect(xl.nameFormula('BT.收支总表')).toBe("='2.15 收支总表'!$A$1:$D$9");
    expect(xl.writes()).toEqual([{ sync: 2, kind: 'name', action: 'add', name: 'BT.收支总表' }]);
    expect(await port.bindings()).toEqual({ 'BT.收支总表': "'2.15 收支总表'!A1:D9" });
  });

  it('follows rows inserted above the table; a row added below is re-bound after detection', async () => {
    const xl = workbook();
    const port = createWorkbookPort(xl.run, { detect: titleDetector });
    await port.bind('收支总表', '2.15 收支总表', 'A1:D9');

    // The clerk inserts two rows above the table: Excel moves the name with it.
    xl.insertRows('2.15 收支总表', 1, 2);
    let res = await port.detect();
    expect(res.tables[0].range).toBe('A3:D11');
    expect(res.bindings['BT.收支总表']).toBe("'2.15 收支总表'!A3:D11");
    expect(staleBindings(res.tables, res.bindings)).toEqual([]);

    // …then adds a data line after the last row (below the name): detection sees the longer table.
    xl.typeCells('2.15 收支总表', 'A12', [['20899', '其他', '1.5', '']]);
    res = await port.detect();
    const stale = staleBindings(res.tables, res.bindings);
    expect(stale).toEqual([
      { kindName: '收支总表', name: 'BT.收支总表', bound: "'2.15 收支总表'!A3:D11", detected: "'2.15 收支总表'!A3:D12", sheet: '2.15 收支总表', range: 'A3:D12' },
    ]);
    const before = xl.journal.length;
    for (const s of stale) await port.bind(s.kindName, s.sheet, s.range);
    expect(xl.journal.slice(before)).toEqual([expect.objectContaining({ kind: 'name', action: 'formula', name: 'BT.收支总表' })]);
    expect((await port.bindings())['BT.收支总表']).toBe("'2.15 收支总表'!A3:D12");
    // No cell was touched by binding.
    expect(xl.journal.filter((j) => j.kind === 'cells')).toEqual([]);
  });

  it('refuses an unknown sheet or a bad range in Chinese, unbinds, and reports broken names', async () => {
    const xl = workbook();
    const port = createWorkbookPort(xl.run);
    await expect(port.bind('收支总表', '没有', 'A1:B2')).rejects.toThrow('绑定失败：找不到工作表“没有”');
    await expect(port.bind('收支总表', '封面', 'A1:??')).rejects.toThrow(/不是有效的单元格区域/);
    await port.bind('收入总表', '封面', 'A1');
    await port.bind('支出总表', '封面', 'A1');
    await port.unbind('收入总表');
    await port.unbind('收入总表');
    expect(xl.nameFormula('BT.收入总表')).toBeUndefined();
    await xl.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('封面').delete();
      await ctx.sync();
    });
    expect(await port.bindings()).toEqual({ 'BT.支出总表': '#REF!' });
  });
});
