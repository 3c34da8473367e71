/** Jumping to cells, reading the selection, and writing blocks into blank user areas only. */
import { createWorkbookPort } from '../../src/taskpane/excel';
import { ExcelDouble } from '../double';
import { kpiGrid } from './workbooks';

function workbook(): ExcelDouble {
  const xl = new ExcelDouble();
  xl.addSheet('封面', [['封面']]);
  xl.addSheet('2.15 收支总表', [['单位预算收支总表'], ['a', 1]]);
  return xl;
}

const PROJECT = {
  values: [
    ['项目名称', '就业补助', null, null],
    ['一级指标', '二级指标', '三级指标', '指标值'],
    ['产出指标', '数量指标', '发放人数', '≥135人'],
    ['产出指标', '质量指标', '准确率', '=100%'],
  ],
  styles: [{ range: 'A2:D2', style: { bold: true } }, { range: 'A1:D4', style: { border: true } }],
  merges: ['B1:D1'],
};

describe('navigation', () => {
  it('activates the sheet and selects the cell in one sync', async () => {
    const xl = workbook();
    const port = createWorkbookPort(xl.run);
    await port.select('2.15 收支总表', 'C12');
    expect(xl.syncs).toBe(1);
    expect(xl.snapshot({ view: true }).view).toEqual({ active: '2.15 收支总表', selection: "'2.15 收支总表'!C12" });
    await port.select('ignored', "'封面'!B2:C3");
    expect(await port.getSelection()).toEqual({ sheet: '封面', address: 'B2:C3' });
    expect(xl.writes()).toEqual([]);
  });

  it('explains in Chinese when the cell cannot be reached', async () => {
    const xl = workbook();
    const port = createWorkbookPort(xl.run);
    await expect(port.select('已删除', 'A1')).rejects.toThrow(/^无法定位到“已删除”!A1/);
    await expect(port.select('封面', '第3行')).rejects.toThrow('无法定位：“第3行”不是有效的单元格地址');
  });
});

describe('writeBlock', () => {
  it('writes a 绩效目标表 project into a blank area and keeps its text exact', async () => {
    const xl = workbook();
    const port = createWorkbookPort(xl.run);
    const before = xl.snapshot().sheets[1].cells;
    const res = await port.writeBlock({ sheet: '2.15 收支总表', cell: 'B5' }, PROJECT, { select: true });
    expect(res.range).toBe("'2.15 收支总表'!B5:E8");
    expect(xl.syncs).toBe(2);
    expect(xl.values('2.15 收支总表', 'B5:E8')).toEqual(PROJECT.values.map((r) => r.map((v) => v ?? '')));
    expect(xl.sheet('2.15 收支总表').merges).toEqual([{ r0: 4, c0: 2, r1: 4, c1: 4 }]);
    // The cells that were there before are unchanged; every write is inside B5:E8.
    const after = xl.snapshot().sheets[1].cells;
    for (const k of Object.keys(before)) expect(after[k]).toEqual(before[k]);
    for (const j of xl.writes()) expect(j.address).toMatch(/^[B-E][5-8](:[B-E][5-8])?$/);
    expect(xl.snapshot({ view: true }).view?.selection).toBe("'2.15 收支总表'!B5");
  });

  it('refuses to write over anything unless told to overwrite', async () => {
    const xl = workbook();
    const port = createWorkbookPort(xl.run);
    const before = xl.snapshot();
    await expect(port.writeBlock({ sheet: '2.15 收支总表', cell: 'A2' }, PROJECT)).rejects.toThrow(
      "目标区域 '2.15 收支总表'!A2:D5 不是空白（'2.15 收支总表'!A2:B2 有内容），未写入。请选择空白区域，或确认覆盖。",
    );
    expect(xl.snapshot()).toEqual(before);
    await port.writeBlock({ sheet: '2.15 收支总表', cell: 'A2' }, PROJECT, { overwrite: true });
    expect(xl.values('2.15 收支总表', 'A2:B2')).toEqual([['项目名称', '就业补助']]);
    await expect(port.writeBlock({ sheet: '没有', cell: 'A1' }, PROJECT)).rejects.toThrow(/^写入失败：找不到工作表“没有”/);
  });

  it('a template grid written at a sheet offset lands where asked', async () => {
    const xl = workbook();
    const port = createWorkbookPort(xl.run);
    await port.writeBlock({ sheet: '封面', cell: 'C10' }, { values: kpiGrid() as (string | number | null)[][] });
    expect(xl.values('封面', 'C10:G11')).toEqual([
      ['项目支出绩效目标表', '', '', '', ''],
      ['一级指标', '二级指标', '三级指标', '指标值', '备注'],
    ]);
    expect(xl.values('封面', 'F13')).toEqual([['=100%']]);
  });
});

describe('getSelection over what users really select', () => {
  it('whole columns, whole rows and Ctrl+A start at their first cell', async () => {
    const xl = workbook();
    const port = createWorkbookPort(xl.run);
    xl.userSelects('封面', 'C:E');
    expect(await port.getSelection()).toEqual({ sheet: '封面', address: 'C1:E1048576' });
    xl.userSelects('封面', '3:5');
    expect(await port.getSelection()).toEqual({ sheet: '封面', address: 'A3:XFD5' });
    xl.userSelects('2.15 收支总表', '1:1048576');
    expect(await port.getSelection()).toEqual({ sheet: '2.15 收支总表', address: 'A1:XFD1048576' });
  });

  it('a multi-area selection gets a Chinese message instead of a raw InvalidSelection', async () => {
    const xl = workbook();
    const port = createWorkbookPort(xl.run);
    xl.userSelects('封面', 'B2', 'D4:E5');
    await expect(port.getSelection()).rejects.toThrow('当前选中了多个不相连的区域，请只选择一个单元格或一块连续区域后再试。');
    xl.userSelects('封面', 'B2');
    expect(await port.getSelection()).toEqual({ sheet: '封面', address: 'B2' });
  });
});
