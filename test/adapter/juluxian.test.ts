/**
 * The real thing: both 巨鹿 units' fixture workbooks, three 绩效目标表 sheets and noise
 * in one 30-sheet workbook, detected by the model's detectTables through the adapter.
 */
import * as path from 'path';
import { createWorkbookPort, staleBindings } from '../../src/taskpane/excel';
import { ExcelDouble } from '../double';
import { addXlsx } from '../double/from-xlsx';
import { noiseGrid } from './workbooks';

const FIX = path.join(__dirname, '..', 'fixtures');

async function thirty(): Promise<ExcelDouble> {
  const xl = new ExcelDouble();
  await addXlsx(xl, path.join(FIX, 'juluxian-rsj.xlsx'));
  await addXlsx(xl, path.join(FIX, 'juluxian-sbzx.xlsx'), (n) => `社保${n}`);
  await addXlsx(xl, path.join(FIX, 'kpi', 'seed002.xlsx'), (n) => (['1', '2', '3'].includes(n) ? `绩效${n}` : null));
  xl.addSheet('Sheet1');
  xl.addSheet('草稿', noiseGrid(3), { at: 'D7' });
  xl.addSheet('旧表', noiseGrid(4), { visibility: 'Hidden' });
  return xl;
}

describe('巨鹿 fixtures through the adapter', () => {
  it('finds every table of both units and the 绩效目标表 in 3 syncs, writing nothing', async () => {
    const xl = await thirty();
    expect(xl.state.sheets).toHaveLength(30);
    const before = xl.snapshot({ view: true });
    const t0 = Date.now();
    const res = await createWorkbookPort(xl.run).detect();
    const ms = Date.now() - t0;
    expect(xl.syncs).toBe(3);
    expect(xl.writes()).toEqual([]);
    expect(xl.snapshot({ view: true })).toEqual(before);
    const kinds = (prefix: RegExp) => res.tables.filter((t) => prefix.test(t.sheet)).map((t) => t.kind).sort();
    const all = ['T1', 'T10', 'T11', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9'];
    expect(kinds(/^2\.\d+/)).toEqual(all);
    expect(kinds(/^社保/)).toEqual(all);
    expect(res.tables.filter((t) => t.kind === 'KPI').map((t) => t.sheet)).toEqual(['绩效1', '绩效2', '绩效3']);
    expect(res.tables.find((t) => t.sheet === '2.15单位收支总表')).toMatchObject({ kindName: '收支总表', range: 'A1:E39' });
    expect(ms).toBeLessThan(5000);
  });

  it('binds the tables and keeps the bindings right after the clerk inserts rows above one', async () => {
    const xl = await thirty();
    const port = createWorkbookPort(xl.run);
    const first = await port.detect();
    const rsj = first.tables.filter((t) => t.sheet.startsWith('2.'));
    for (const t of rsj) await port.bind(t.kindName, t.sheet, t.range);
    expect(Object.keys(await port.bindings())).toHaveLength(11);

    xl.insertRows('2.15单位收支总表', 1, 3);
    const again = await port.detect();
    const t1 = again.tables.find((t) => t.sheet === '2.15单位收支总表')!;
    expect(t1.range).toBe('A4:E42');
    expect(again.bindings['BT.收支总表']).toBe("'2.15单位收支总表'!A4:E42");
    expect(staleBindings(again.tables.filter((t) => t.sheet.startsWith('2.')), again.bindings)).toEqual([]);
    expect(xl.journal.filter((j) => j.kind !== 'name')).toEqual([]);
  });
});
