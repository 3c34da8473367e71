/** The double itself: load/sync semantics, coercion, failures, journal. */
import { ExcelDouble } from '../double';

describe('ExcelDouble batch semantics', () => {
  it('throws PropertyNotLoaded before a sync and serves loaded values after', async () => {
    const xl = new ExcelDouble();
    xl.addSheet('S', [['a', 1], ['b', 2]]);
    await xl.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1:B2');
      r.load('values');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(r.values).toEqual([['a', 1], ['b', 2]]);
      expect(() => r.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
    expect(xl.syncs).toBe(1);
    expect(xl.writes()).toEqual([]);
  });

  it('applies queued writes only at sync', async () => {
    const xl = new ExcelDouble();
    xl.addSheet('S');
    await xl.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [['x']];
      expect(xl.values('S', 'A1')).toEqual([['']]);
      await ctx.sync();
      expect(xl.values('S', 'A1')).toEqual([['x']]);
    });
    expect(xl.writes()).toEqual([{ sync: 1, kind: 'cells', action: 'values', sheet: 'S', address: 'A1' }]);
  });

  it('parses written strings like typed input; apostrophe and @ keep text', async () => {
    const xl = new ExcelDouble();
    xl.addSheet('S');
    await xl.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('B1').numberFormat = [['@']];
      ws.getRange('A1:F1').values = [['20801', '20801', "'20801", '95%', '=1+1', '-抵减']];
      await ctx.sync();
    });
    const s = xl.sheet('S');
    expect(xl.values('S', 'A1:D1')).toEqual([[20801, '20801', '20801', 0.95]]);
    expect(s.get(0, 4)?.formula).toBe('=1+1');
    expect(s.get(0, 5)?.formula).toBe('=-抵减');
  });

  it('null leaves a cell unchanged, a wrong-shaped array fails the sync', async () => {
    const xl = new ExcelDouble();
    xl.addSheet('S', [['keep', 'old']]);
    await xl.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:B1').values = [[null, 'new']];
      await ctx.sync();
    });
    expect(xl.values('S', 'A1:B1')).toEqual([['keep', 'new']]);
    await expect(
      xl.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:B1').values = [['only one']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('is not transactional: operations before a failing one stay applied', async () => {
    const xl = new ExcelDouble();
    xl.addSheet('S');
    await expect(
      xl.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[1]];
        ctx.workbook.worksheets.getItem('Missing').getRange('A1').values = [[2]];
        ctx.workbook.worksheets.getItem('S').getRange('A2').values = [[3]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(xl.values('S', 'A1:A2')).toEqual([[1], ['']]);
  });

  it('OrNullObject methods report isNullObject after sync', async () => {
    const xl = new ExcelDouble();
    xl.addSheet('S');
    await xl.run(async (ctx) => {
      const a = ctx.workbook.worksheets.getItemOrNullObject('S');
      const b = ctx.workbook.worksheets.getItemOrNullObject('T');
      const u = ctx.workbook.worksheets.getItem('S').getUsedRangeOrNullObject();
      expect(() => b.isNullObject).toThrow();
      await ctx.sync();
      expect([a.isNullObject, b.isNullObject, u.isNullObject]).toEqual([false, true, true]);
    });
  });

  it('moves names with rows inserted above and grows them for rows inserted inside', () => {
    const xl = new ExcelDouble();
    xl.addSheet('S', [['t'], [1], [2], [3]], { at: 'B3' });
    xl.defineName('above', "S!B3:B6");
    xl.defineName('inside', "S!B3:B6");
    xl.insertRows('S', 1, 2);
    expect(xl.nameFormula('above')).toBe('=S!$B$5:$B$8');
    xl.insertRows('S', 6, 1);
    expect(xl.nameFormula('inside')).toBe('=S!$B$5:$B$9');
    expect(xl.values('S', 'B5:B9')).toEqual([['t'], [''], [1], [2], [3]]);
  });

  it('fails the Nth operation on request and counts syncs', async () => {
    const xl = new ExcelDouble();
    xl.addSheet('S');
    xl.injectFailure({ atOp: 2 });
    await expect(
      xl.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('S'); // op 1
        ws.getRange('A1').values = [[1]]; // op 2 (getRange) fails
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
    expect(xl.values('S', 'A1')).toEqual([['']]);
    xl.injectFailure({ when: (op) => op.member === 'Range.merge' });
    await expect(
      xl.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('S');
        ws.getRange('A1').values = [[1]];
        ws.getRange('A1:B1').merge();
        await ctx.sync();
      }),
    ).rejects.toThrow(/Injected/);
    expect(xl.values('S', 'A1')).toEqual([[1]]);
    expect(xl.syncs).toBe(2);
  });

  it('enforces Excel sheet-name rules and keeps one sheet visible', async () => {
    const xl = new ExcelDouble();
    xl.addSheet('S');
    for (const bad of ['a/b', 'x'.repeat(32), "'q", 's']) {
      await expect(xl.run(async (ctx) => void ctx.workbook.worksheets.add(bad))).rejects.toHaveProperty('code');
    }
    await expect(
      xl.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').visibility = 'Hidden' as Excel.SheetVisibility;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  it('snapshots cells, merges, widths, names and page setup', async () => {
    const xl = new ExcelDouble();
    xl.addSheet('S');
    await xl.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('A1:B1').values = [['标题', '']];
      ws.getRange('A1:B1').merge();
      ws.getRange('A:A').format.columnWidth = 60;
      ws.pageLayout.setPrintTitleRows('$2:$3');
      ctx.workbook.names.add('N', ws.getRange('A1'));
      await ctx.sync();
    });
    const snap = xl.snapshot();
    expect(snap.sheets[0]).toMatchObject({ merges: ['A1:B1'], colWidths: { A: 60 }, cells: { A1: { value: '标题' } } });
    expect(snap.sheets[0].page.printTitleRows).toBe('$2:$3');
    expect(snap.names).toEqual([{ name: 'N', formula: '=S!$A$1', comment: '', visible: true }]);
  });
});
