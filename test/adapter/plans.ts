/** Synthetic WorkbookPlans shaped like the disclosure package (engineer D builds the real ones). */
import type { SheetPlan, WorkbookPlan } from '../../src/model/plan';
import type { WorkbookSnapshot } from '../double';

const DEFAULTS: Record<string, unknown> = { bold: false, italic: false, wrap: false, fontSize: 11, fontName: 'Calibri', fontColor: '#000000', hAlign: 'General', vAlign: 'Bottom' };

/**
 * A sheet snapshot with formats reduced to what shows: a property set to Excel's default
 * (bold false, size 11 …) looks the same as one never set, and the .xlsx format drops
 * some of them (ExcelJS writes no `<b val="0"/>`).
 */
export function effective(sheet: WorkbookSnapshot['sheets'][number]): WorkbookSnapshot['sheets'][number] {
  const cells: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(sheet.cells)) {
    const cell = { ...(v as Record<string, unknown>) };
    if (cell.fmt) {
      const fmt = Object.fromEntries(Object.entries(cell.fmt as Record<string, unknown>).filter(([p, x]) => DEFAULTS[p] !== x));
      if (Object.keys(fmt).length) cell.fmt = fmt;
      else delete cell.fmt;
    }
    if (cell.value === '' && cell.formula === undefined && cell.nf === undefined && cell.fmt === undefined) continue;
    cells[k] = cell;
  }
  return { ...sheet, cells };
}

export function sheetPlan(i: number, name = `表${i + 1}`, rows = 30): SheetPlan {
  const header = ['科目编码', '科目名称', '合计', '基本支出', '项目支出', '人员经费', '公用经费', '备注'];
  const values: (string | number | null)[][] = [
    [`单位预算表${i + 1}`, null, null, null, null, null, null, null],
    ['单位：323001巨鹿县人力资源和社会保障局本级', null, null, null, null, null, '单位：万元', null],
    header,
  ];
  for (let r = 0; r < rows; r++) values.push([`2080${(r % 9) + 1}`, `项目${r + 1}`, 100 + r, 60 + r, 40, 30, 30, r % 7 === 0 ? '-' : null]);
  const last = values.length;
  return {
    key: `T${i + 1}`,
    name,
    values,
    styles: [
      { range: 'A1:H1', style: { bold: true, fontSize: 16, hAlign: 'center' } },
      { range: 'A3:H3', style: { bold: true, fill: '#D9E1F2', hAlign: 'center', vAlign: 'middle', wrap: true } },
      { range: `A3:H${last}`, style: { border: true } },
      { range: `A4:A${last}`, style: { numberFormat: '@' } },
      { range: `C4:G${last}`, style: { numberFormat: '#,##0.00', hAlign: 'right' } },
    ],
    merges: ['A1:H1', 'A2:F2'],
    columnWidths: [10, 30, 12, 12, 12, 12, 12, 8],
    rowHeights: { 1: 30, 2: 18, 3: 30 },
    page: { orientation: 'landscape', paper: 'A4', fitToWidth: true, printTitleRows: '$3:$3' },
  };
}

/** 12 sheets; the first is called 收支总表 so it collides with a sheet the clerk has. */
export function twelveSheetPlan(): WorkbookPlan {
  const sheets = Array.from({ length: 12 }, (_, i) => sheetPlan(i, i === 0 ? '收支总表' : undefined));
  return {
    sheets,
    names: [
      { name: 'BT.公开收入总计', sheetKey: 'T1', range: 'C4' },
      { name: 'BT.公开支出表', sheetKey: 'T3', range: 'A3:H33' },
    ],
  };
}
