/**
 * Queues the writes that draw a plan sheet (or a block of one) on a worksheet:
 * one number-format write and one values write for the whole area, one range per
 * style block, one merge per merged range, one rule + alert per drop-down list, one
 * width per run of equal columns, one height per run of equal rows, page setup.
 * Nothing is synced here: callers batch a whole sheet into one sync.
 */
import type { CellStyle, ListValidation, PageSetup, PlanValue, StyleBlock } from '../../model/plan';
import { colLetter, parseRange, rangeA1 } from '../../model/address';
import { charsToPoints, runs, toExcelGrid } from './cell-input';
import { maxRowLength } from '../../model/collect';

export interface Drawable {
  values: PlanValue[][];
  styles?: StyleBlock[];
  merges?: string[];
  /** Drop-down lists (data validation, ExcelApi 1.8). */
  validations?: ListValidation[];
  columnWidths?: number[];
  rowHeights?: Record<number, number>;
  page?: PageSetup;
}

interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** 0-based rectangle of an A1 range, or null. */
export function rectOf(range: string): Rect | null {
  const p = parseRange(range.replace(/\$/g, ''));
  if (!p || p.sheet !== undefined) return null;
  return { r0: Math.min(p.start.row, p.end.row), c0: Math.min(p.start.col, p.end.col), r1: Math.max(p.start.row, p.end.row), c1: Math.max(p.start.col, p.end.col) };
}

function a1Of(r: Rect, at: { row: number; col: number }): string {
  return rangeA1({ row: r.r0 + at.row, col: r.c0 + at.col }, r.r1 - r.r0 + 1, r.c1 - r.c0 + 1);
}

/** Problems that would make Excel reject the drawing, in Chinese; [] when fine. */
export function validateDrawable(d: Drawable, label: string): string[] {
  const errs: string[] = [];
  if (!Array.isArray(d.values)) errs.push(`${label}：缺少单元格数据`);
  for (const s of d.styles ?? []) if (!rectOf(s.range)) errs.push(`${label}：样式区域“${s.range}”无效`);
  for (const m of d.merges ?? []) if (!rectOf(m)) errs.push(`${label}：合并区域“${m}”无效`);
  for (const v of d.validations ?? []) errs.push(...validationProblems(v, label));
  for (const [row, h] of Object.entries(d.rowHeights ?? {})) {
    if (!(Number(row) >= 1) || !(h >= 0 && h <= 409)) errs.push(`${label}：第 ${row} 行行高 ${h} 无效`);
  }
  for (const w of d.columnWidths ?? []) if (!(w >= 0 && w <= 255)) errs.push(`${label}：列宽 ${w} 无效`);
  return errs;
}

/** Excel keeps a list source (the items joined by commas) to 255 characters. */
export const MAX_LIST_SOURCE = 255;

function validationProblems(v: ListValidation, label: string): string[] {
  const errs: string[] = [];
  if (!rectOf(v.range)) errs.push(`${label}：下拉列表区域“${v.range}”无效`);
  if (!Array.isArray(v.list) || v.list.length === 0) return [...errs, `${label}：下拉列表“${v.range}”没有选项`];
  // The list is written as one comma-separated text, so an item cannot hold a comma.
  const badItem = v.list.find((x) => typeof x !== 'string' || x.trim() === '' || x.includes(','));
  if (badItem !== undefined) errs.push(`${label}：下拉列表“${v.range}”的选项“${String(badItem)}”为空或含逗号`);
  const len = v.list.join(',').length;
  if (len > MAX_LIST_SOURCE) errs.push(`${label}：下拉列表“${v.range}”的选项合计 ${len} 个字符，超过 Excel 上限 ${MAX_LIST_SOURCE}`);
  return errs;
}

/** Texts of the dialog Excel shows when a typed value is not in the list. */
export const LIST_ALERT = {
  title: '请从下拉列表中选择',
  strict: '此单元格只接受下拉列表中的选项。请点“重试”后从列表中选择。',
  warning: '输入的内容不在下拉列表中。如确需保留（例如沿用旧表的写法），请点“是”；否则点“否”重新输入。',
} as const;

/** The rectangle the drawing covers (values, styles, merges and drop-downs), relative to its origin. */
export function extentOf(d: Drawable): Rect {
  let r1 = d.values.length - 1;
  let c1 = maxRowLength(d.values) - 1;
  for (const x of [...(d.styles ?? []).map((s) => s.range), ...(d.merges ?? []), ...(d.validations ?? []).map((v) => v.range)]) {
    const r = rectOf(x);
    if (r) {
      r1 = Math.max(r1, r.r1);
      c1 = Math.max(c1, r.c1);
    }
  }
  return { r0: 0, c0: 0, r1: Math.max(r1, 0), c1: Math.max(c1, 0) };
}

/** Excel header/footer codes: &P page number, &N page count. */
export const PAGE_FOOTER = '第 &P 页，共 &N 页';

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

/** Number formats over the extent: the last style block that sets one wins, General elsewhere. */
function numberFormats(d: Drawable, ext: Rect): string[][] | null {
  const blocks = (d.styles ?? []).filter((s) => s.style.numberFormat !== undefined);
  if (blocks.length === 0) return null;
  const grid = Array.from({ length: ext.r1 + 1 }, () => Array<string>(ext.c1 + 1).fill('General'));
  for (const b of blocks) {
    const r = rectOf(b.range)!;
    for (let i = r.r0; i <= r.r1; i++) for (let j = r.c0; j <= r.c1; j++) grid[i][j] = b.style.numberFormat!;
  }
  return grid;
}

function applyStyle(range: Excel.Range, s: CellStyle, rect: Rect): void {
  const f = range.format;
  if (s.bold !== undefined) f.font.bold = s.bold;
  if (s.fontSize !== undefined) f.font.size = s.fontSize;
  if (s.fontName !== undefined) f.font.name = s.fontName;
  if (s.fontColor !== undefined) f.font.color = s.fontColor;
  if (s.fill !== undefined) f.fill.color = s.fill;
  if (s.hAlign !== undefined) f.horizontalAlignment = H_ALIGN[s.hAlign];
  if (s.vAlign !== undefined) f.verticalAlignment = V_ALIGN[s.vAlign];
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  if (s.border) {
    const edges: Excel.BorderIndex[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as Excel.BorderIndex[];
    if (rect.r1 > rect.r0) edges.push('InsideHorizontal' as Excel.BorderIndex);
    if (rect.c1 > rect.c0) edges.push('InsideVertical' as Excel.BorderIndex);
    for (const e of edges) {
      const b = f.borders.getItem(e);
      b.style = 'Continuous' as Excel.BorderLineStyle;
      b.weight = 'Thin' as Excel.BorderWeight;
    }
  }
}

export interface DrawOptions {
  /** Top-left cell of the drawing (0-based); A1 by default. */
  at?: { row: number; col: number };
  /** Column widths, row heights and page setup too (new sheets only). */
  layout?: boolean;
  /**
   * Clear existing validation under each drop-down first (areas on existing sheets, which
   * may hold an older rule). Not needed on a sheet created in the same batch.
   */
  replaceValidations?: boolean;
}

/** Queues the drawing; returns the local A1 address of its extent. */
export function draw(ws: Excel.Worksheet, d: Drawable, opts: DrawOptions = {}): string {
  const at = opts.at ?? { row: 0, col: 0 };
  const ext = extentOf(d);
  const width = ext.c1 + 1;
  const extAddr = a1Of(ext, at);

  // Formats first: a `@` cell must be text before the value lands in it.
  const nf = numberFormats(d, ext);
  if (nf) ws.getRange(extAddr).numberFormat = nf;
  if (d.values.length) {
    const grid = toExcelGrid(d.values, width);
    ws.getRange(a1Of({ r0: 0, c0: 0, r1: grid.length - 1, c1: width - 1 }, at)).values = grid;
  }
  for (const s of d.styles ?? []) {
    const r = rectOf(s.range)!;
    const { numberFormat: _nf, ...rest } = s.style;
    if (Object.keys(rest).length) applyStyle(ws.getRange(a1Of(r, at)), rest, r);
  }
  for (const m of d.merges ?? []) {
    const r = rectOf(m)!;
    if (r.r0 !== r.r1 || r.c0 !== r.c1) ws.getRange(a1Of(r, at)).merge(false);
  }
  for (const v of d.validations ?? []) {
    const dv = ws.getRange(a1Of(rectOf(v.range)!, at)).dataValidation;
    if (opts.replaceValidations) dv.clear();
    // Rule before alert, the order of Office's own samples: the alert belongs to a rule.
    dv.rule = { list: { inCellDropDown: true, source: v.list.join(',') } };
    dv.errorAlert = {
      showAlert: true,
      style: (v.strict ? 'Stop' : 'Warning') as Excel.DataValidationAlertStyle,
      title: LIST_ALERT.title,
      message: v.strict ? LIST_ALERT.strict : LIST_ALERT.warning,
    };
  }
  if (opts.layout) {
    const widths = new Map<number, number>();
    (d.columnWidths ?? []).forEach((w, i) => {
      if (w > 0) widths.set(i, charsToPoints(w));
    });
    for (const [c0, c1, pt] of runs(widths)) ws.getRange(`${colLetter(c0 + at.col)}:${colLetter(c1 + at.col)}`).format.columnWidth = pt;
    const heights = new Map<number, number>();
    for (const [row, h] of Object.entries(d.rowHeights ?? {})) heights.set(Number(row) - 1, h);
    for (const [r0, r1, pt] of runs(heights)) ws.getRange(`${r0 + at.row + 1}:${r1 + at.row + 1}`).format.rowHeight = pt;
    if (d.page) {
      const pl = ws.pageLayout;
      pl.orientation = (d.page.orientation === 'landscape' ? 'Landscape' : 'Portrait') as Excel.PageOrientation;
      pl.paperSize = d.page.paper as Excel.PaperType;
      // One page wide, as many tall as needed (0 = automatic).
      if (d.page.fitToWidth) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (d.page.printTitleRows) pl.setPrintTitleRows(d.page.printTitleRows);
      // The same print defaults as the CLI writer (src/cli/write-plan.ts), so both outputs print alike.
      pl.centerHorizontally = true;
      pl.setPrintMargins('Inches' as Excel.PrintMarginUnit, { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 });
      pl.headersFooters.defaultForAllPages.centerFooter = PAGE_FOOTER;
    }
  }
  return extAddr;
}
