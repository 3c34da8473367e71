/** Parser robustness: layouts and cell contents met in real workbooks. */
import { parseBudgetTable, isParseError, checkTable, detectKind } from '../../src/model/budget';
import type { BudgetTable } from '../../src/model/budget/types';
import { sheetOf } from '../fixtures/juluxian-data';
import { flat } from './helpers';

function ok(grid: unknown[][], opts: Parameters<typeof parseBudgetTable>[1] = {}): BudgetTable {
  const t = parseBudgetTable(grid, opts);
  if (isParseError(t)) throw new Error(t.error);
  return t;
}

const all = (t: BudgetTable) => flat([...t.issues, ...checkTable(t)]);
const row = (t: BudgetTable, code: string) => t.rows.find((r) => r.code === code)!;

/** A small 支出总表-style table (T5 layout) without title, one header row. */
const SMALL: unknown[][] = [
  ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
  ['', '合计', 3889.89, 685.86, 3204.03],
  ['208', '社会保障和就业支出', 3798.89, 594.86, 3204.03],
  ['210', '卫生健康支出', 38, 38, ''],
  ['221', '住房保障支出', 53, 53, ''],
];

describe('parseBudgetTable', () => {
  it('reads the published T2 layout: title, unit line, two header rows with merges, 栏次', () => {
    const t = ok(sheetOf('rsj', 'T2').rows, { sheet: '2.16收入总表' });
    expect(t.kind).toBe('T2');
    expect(t.title).toBe('单位预算收入总表');
    expect(t.unitLine).toEqual({ code: '323001', name: '巨鹿县人力资源和社会保障局本级', year: '2023', unit: '万元' });
    expect(t.columns.map((c) => c.key)).toEqual(['total', 'carry', 'subtotal', 'fiscal', 'special', 'business', 'operating', 'superior', 'affiliated', 'other']);
    expect(t.dataRowCount).toBe(27);
    expect(row(t, '20801').amounts.total?.toFixed(2)).toBe('861.59');
    expect(row(t, '20801').cells).toMatchObject({ code: 'B8', name: 'C8', total: 'D8', subtotal: 'F8' });
    expect(t.range).toBe('A1:M32');
    expect(all(t)).toEqual([]);
  });

  it('amounts read as exact Decimals, lazily, and behave like a plain record', () => {
    const t = ok(SMALL);
    const r = t.rows[1];
    expect(Object.keys(r.amounts)).toEqual(['total', 'basic', 'project']);
    expect(r.amounts.total!.plus(r.amounts.basic!).toFixed(2)).toBe('4393.75');
    expect(JSON.parse(JSON.stringify({ ...r.amounts }))).toEqual({ total: '3798.89', basic: '594.86', project: '3204.03' });
    expect(t.rows[2].amounts.project).toBeNull();
    expect('total' in r.amounts).toBe(true);
  });

  it('takes a range without title, without 序号 and without 栏次, and finds its kind from the headers', () => {
    const t = ok(SMALL);
    expect(t.kind).toBe('T5');
    expect(t.dataRowCount).toBe(4);
    expect(all(t)).toEqual([]);
    expect(detectKind(SMALL)).toBe('T5');
    expect(detectKind(SMALL, '2.21政府性基金预算支出表')).toBe('T7');
    expect(detectKind(SMALL, '2.17支出总表')).toBe('T3');
  });

  it('reads header words split over lines in a cell and over several header rows', () => {
    const grid = [
      ['科目', '', '合', '基本', '项目'],
      ['编码', '科目名称', '计', '支出', '支出'],
      ['208', '社会保障和\n就业支出', 10, 4, 6],
      ['20801', '人力资源和社\n会保障管理事\n务', 10, 4, 6],
    ];
    const t = ok(grid, { kind: 'T5' });
    expect(t.columns.map((c) => `${c.key}@${c.col}`)).toEqual(['total@2', 'basic@3', 'project@4']);
    expect(row(t, '20801').name).toBe('人力资源和社会保障管理事务');
    expect(all(t)).toEqual(['A1 BAL-014']);
  });

  it('skips a page header repeated mid-table (title, unit line, header, 栏次)', () => {
    const g = sheetOf('rsj', 'T3').rows;
    const page = g.slice(0, 5); // title, unit line, 2 header rows, 栏次
    const grid = [...g.slice(0, 20), ...page, ...g.slice(20)];
    const t = ok(grid);
    expect(t.dataRowCount).toBe(27);
    expect(all(t)).toEqual([]);
    // A row repeated on the next page with the same figures is harmless, with other figures it is not.
    const dup = [...g.slice(0, 20), ...page.slice(1), g[19], ...g.slice(20)];
    expect(all(ok(dup))).toEqual([]);
    const dupBad = [...g.slice(0, 20), ...page.slice(1), [...g[19].slice(0, 3), 99, ...g[19].slice(4)], ...g.slice(20)];
    expect(all(ok(dupBad))).toEqual(['B25 BAL-006']);
  });

  it('accepts codes as numbers or text with spaces and blank cells under merged 合计', () => {
    const grid = [
      ['序号', '科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      [1, '合计', '', 3.5, 3.5, ''],
      [2, 208, '社会保障和就业支出', 3.5, 3.5, ''],
      [3, ' 208 01 ', '人力资源和社会保障管理事务', 3.5, 3.5, ''],
      [4, 2080101, '行政运行', 3.5, 3.5, ''],
    ];
    const t = ok(grid, { kind: 'T5' });
    expect(t.rows.map((r) => r.code ?? r.line)).toEqual(['合计', '208', '20801', '2080101']);
    expect(all(t)).toEqual([]);
  });

  it('reads amounts given as text, dashes and full-width digits; ignores binary noise', () => {
    const grid = [
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['', '合计', '3,889.89', '６８５．８６', 3204.0300000000002],
      ['208', '社会保障和就业支出', 3889.8900000000003, 685.86, '3204.03'],
      ['20801', '人力资源和社会保障管理事务', 3889.89, '685.86', '3,204.03'],
      ['2080101', '行政运行', 3889.89, 685.86, 3204.03],
      ['2080105', '劳动保障监察', '—', '-', ''],
    ];
    const t = ok(grid, { kind: 'T5' });
    expect(t.rows[0].amounts.total?.toFixed(2)).toBe('3889.89');
    expect(t.rows[0].amounts.basic?.toFixed(2)).toBe('685.86');
    expect(t.rows[4].amounts.total).toBeNull();
    // Read, but each text number is flagged: Excel's own SUM would skip it.
    expect(all(t)).toEqual(['C2 BAL-017', 'D2 BAL-017', 'E3 BAL-017', 'D4 BAL-017', 'E4 BAL-017']);
  });

  it('never reads a comma typed for a decimal point as thousands (272，93 is not 27293)', () => {
    const grid = [
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['', '合计', '272，93', '', 272.93],
      ['2080110', '劳动关系和维权', '1,2', '', '12,345.6'],
    ];
    const t = ok(grid, { kind: 'T5' });
    expect(t.rows[0].amounts.total).toBeNull();
    expect(t.rows[1].amounts.total).toBeNull();
    expect(t.rows[1].amounts.project?.toFixed(2)).toBe('12345.60');
    const at = (cell: string) => t.issues.find((i) => i.cell === cell && i.rule === 'BAL-018')!;
    expect(at('C2').message).toContain('应为 272.93');
    expect(at('C3').message).toContain('应为 1.2');
  });

  it('reports text and error values in amount cells, and skips the sums that need them', () => {
    const grid = [
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['', '合计', 10, 4, 6],
      ['208', '社会保障和就业支出', '约10万', 4, '#N/A'],
      ['20801', '人力资源和社会保障管理事务', 10, 4, 6],
    ];
    const t = ok(grid, { kind: 'T5' });
    expect(all(t)).toEqual(['C3 BAL-001', 'E3 BAL-002']);
    expect(t.issues[0].message).toBe('一般公共预算支出表 C3：金额单元格内容为文字「约10万」，应为数字（或留空）');
    expect(t.rows[1].bad).toEqual(['total', 'project']);
    // an Excel error object (ExcelJS form) is an error value too
    const g2: unknown[][] = grid.map((r) => [...r]);
    g2[2][4] = { error: '#DIV/0!' };
    g2[2][2] = 10;
    expect(all(ok(g2, { kind: 'T5' }))).toEqual(['E3 BAL-002']);
  });

  it('reports more decimals than the table allows, and checks with the rounded value', () => {
    const grid = [
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['208', '社会保障和就业支出', 861.594, 861.59, ''],
      ['20801', '人力资源和社会保障管理事务', 861.5900000000001, 861.59, ''],
    ];
    const t = ok(grid, { kind: 'T5' });
    expect(all(t)).toEqual(['C2 BAL-003', 'A1 BAL-014']);
    expect(t.issues[0].message).toContain('861.594 有 3 位小数，本表金额最多 2 位（按 861.59 校验）');
  });

  it('notes unknown but well-formed codes (info) and still sums them by prefix', () => {
    const grid = [
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['', '合计', 5, 5, ''],
      ['208', '社会保障和就业支出', 5, 5, ''],
      ['20888', '某个新款', 4, 4, ''],
      ['2088801', '某个新项', 4.01, 4.01, ''],
      ['2088802', '', 0, 0, ''],
    ];
    const t = ok(grid, { kind: 'T5' });
    expect(all(t)).toEqual(['A4 BAL-004', 'A5 BAL-004', 'A6 BAL-004', 'C3 BAL-101', 'D3 BAL-101', 'C4 BAL-101', 'D4 BAL-101']);
    expect(t.issues.every((f) => f.severity === 'info')).toBe(true);
  });

  it('reports a code of the wrong length, a missing parent level and a row without code', () => {
    const grid = [
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['', '合计', 9, 9, ''],
      ['208', '社会保障和就业支出', 5, 5, ''],
      ['2080101', '行政运行', 5, 5, ''],
      ['20801011', '多一位', 1, 1, ''],
      ['', '无编码的行', 4, 4, ''],
    ];
    const t = ok(grid, { kind: 'T5' });
    expect(all(t)).toEqual(['A5 BAL-005', 'B6 BAL-007', 'A4 BAL-008', 'C2 BAL-102', 'D2 BAL-102']);
  });

  it('glues a name wrapped onto the next row back to its row', () => {
    const grid = [
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['2080199', '其他人力资源和社会保障管理', 43, '', 43],
      ['', '事务支出', '', '', ''],
    ];
    const t = ok(grid, { kind: 'T5' });
    expect(t.rows.map((r) => r.name)).toEqual(['其他人力资源和社会保障管理事务支出']);
  });

  it('uses the origin for every address', () => {
    const t = ok(SMALL, { origin: { row: 9, col: 2 }, sheet: 'S' });
    expect(t.rows[1].cells.total).toBe('E12');
    expect(t.range).toBe('C10:G14');
    const bad = SMALL.map((r) => [...r]);
    bad[2][2] = 3798.99;
    const f = checkTable(ok(bad, { origin: { row: 9, col: 2 }, sheet: 'S' }));
    expect(flat(f)).toEqual(['S!E11 BAL-102', 'S!E12 BAL-204']);
  });

  it('reads the two-sided tables row by row into sides and lines', () => {
    const t = ok(sheetOf('rsj', 'T1').rows);
    expect(t.kind).toBe('T1');
    expect(t.dataRowCount).toBe(34);
    const inc = t.rows.filter((r) => r.side === 'income');
    const exp = t.rows.filter((r) => r.side === 'expense');
    expect(inc.map((r) => r.role)).toEqual([...new Array(9).fill('item'), 'subtotal', 'carry', 'grand']);
    expect(exp.filter((r) => r.role === 'item')).toHaveLength(31);
    expect(exp.find((r) => r.code === '208')).toMatchObject({ line: '社会保障和就业支出', cells: { amount: 'E13' } });
    const t4 = ok(sheetOf('rsj', 'T4').rows);
    expect(t4.rows.filter((r) => r.role === 'carrySub').map((r) => r.line)).toEqual([
      '年初财政拨款结转和结余:一般公共预算拨款',
      '年初财政拨款结转和结余:政府性基金预算拨款',
      '年初财政拨款结转和结余:国有资本经营预算拨款',
    ]);
  });

  it('keeps the sides of a 收支总表 apart across a repeated page header', () => {
    const g = sheetOf('rsj', 'T1').rows;
    const grid = [...g.slice(0, 22), ...g.slice(1, 5), ...g.slice(22)];
    const t = ok(grid);
    expect(t.dataRowCount).toBe(34);
    expect(t.rows.filter((r) => r.side === 'expense' && r.role === 'item')).toHaveLength(31);
    expect(all(t)).toEqual([]);
    expect(t.rows.find((r) => r.code === '221')!.cells.amount).toBe('E29');
  });

  it('glues a T9 line wrapped onto the next row (`其中：教学科研人员因公出国` / `（境）费`)', () => {
    const g = sheetOf('rsj', 'T9').rows.map((r) => [...r]);
    g[8] = [4, '其中：教学科研人员因公出国', '', '', '', ''];
    const grid = [...g.slice(0, 9), ['', '（境）费', '', '', '', ''], ...g.slice(9)];
    const t = ok(grid);
    expect(t.rows.map((r) => r.name)).toContain('其中:教学科研人员因公出国(境)费');
    expect(t.rows).toHaveLength(9);
  });

  it('reads the fixed lines of T9 (empty, with its note) and T11 (no 栏次 row)', () => {
    const t9 = ok(sheetOf('rsj', 'T9').rows);
    expect(t9.empty).toBe(true);
    expect(t9.notes).toEqual(['注:无财政拨款"三公"经费支出预算,空表列示。']);
    expect(t9.rows.map((r) => r.line)).toEqual([
      '合计', '三公经费小计', '因公出国(境)费', '教学科研人员因公出国(境)费', '其他因公出国(境)费',
      '公务用车购置及运行维护费', '公务用车购置费', '公务用车运行维护费', '公务接待费',
    ]);
    const t11 = ok(sheetOf('sbzx', 'T11').rows);
    expect(t11.rows.map((r) => `${r.line}=${r.amounts.value?.toFixed(2) ?? ''}`)).toEqual([
      '资产总额=79.98', '房屋=', '办公用房=', '车辆=11.24', '单价20万元以上设备=', '其他固定资产=68.74',
    ]);
    expect(all(t11)).toEqual([]);
  });

  it('flags an empty table without its note and a 空表 note over figures', () => {
    const g = sheetOf('rsj', 'T7').rows;
    const noNote = g.slice(0, 5);
    expect(all(ok(noNote))).toEqual(['A1 BAL-011']);
    const withFigures = [...g.slice(0, 5), ['1', '合计', '', 5, 5, ''], g[5]];
    expect(all(ok(withFigures))).toEqual(['D6 BAL-012']);
  });

  it('returns a Chinese error, never throws, for things that are not tables', () => {
    expect(parseBudgetTable([['姓名', '年龄'], ['张三', 30]])).toEqual({ error: '不是预算公开表：未找到表头' });
    expect(parseBudgetTable([])).toEqual({ error: '不是预算公开表：区域是空的' });
    expect(parseBudgetTable([[''], ['']])).toEqual({ error: '不是预算公开表：区域是空的' });
    expect(parseBudgetTable('x' as unknown as unknown[][])).toEqual({ error: '不是预算公开表：输入不是单元格区域' });
    expect(parseBudgetTable([['项目', '合计'], ['a', 1]])).toEqual({ error: '不是预算公开表：无法从表头识别是哪一张表，请指定表名' });
    const junk: unknown[][] = [[null, undefined, {}, [], true], [NaN, Infinity, -0, new Date(0), Symbol.iterator.toString()]];
    expect(() => parseBudgetTable(junk)).not.toThrow();
    expect(() => parseBudgetTable([[{ richText: [{ text: '科目编码' }] }, '科目名称', '合计', '基本支出', '项目支出'], ['208', null, {}, [], true]])).not.toThrow();
  });

  it('costs no more than the used rows on a whole-column input (1,048,576 rows)', () => {
    const grid: unknown[][] = SMALL.map((r) => [...r]);
    const blankRow = ['', '', '', '', ''];
    while (grid.length < 1048576) grid.push(blankRow);
    const t0 = Date.now();
    const t = ok(grid);
    const ms = Date.now() - t0;
    expect(t.dataRowCount).toBe(4);
    expect(t.range).toBe('A1:E5');
    expect(ms).toBeLessThan(5000); // hang guard only; the speed target is in `npm run bench`
    console.log(`whole-column parse: ${ms} ms`);
    // null-filled and ragged trailing rows too
    const ragged: unknown[][] = SMALL.map((r) => [...r]);
    for (let i = 0; i < 200000; i++) ragged.push(i % 2 ? [] : [null, null]);
    expect(ok(ragged).dataRowCount).toBe(4);
  });
});
