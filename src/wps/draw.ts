/**
 * Drawing a plan sheet (or a block of one) on an ET worksheet: the WPS twin of
 * src/taskpane/excel/render.ts, producing the same cells, formats, merges, drop-downs,
 * sizes and page setup. Calls per drawing: one values write for the whole area, one
 * number-format write per format block (after one General reset), a few per style block,
 * one per merge, about eight per drop-down, one per run of equal column widths / row
 * heights, and about fifteen for the page setup.
 */
import { colLetter, rangeA1 } from '../model/address';
import type { CellStyle } from '../model/plan';
import { runs, toExcelGrid } from '../taskpane/excel/cell-input';
import { type Drawable, LIST_ALERT, PAGE_FOOTER, extentOf, rectOf } from '../taskpane/excel/render';
import { XL, type EtRange, type EtWorksheet } from './et';

interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function a1Of(r: Rect, at: { row: number; col: number }): string {
  return rangeA1({ row: r.r0 + at.row, col: r.c0 + at.col }, r.r1 - r.r0 + 1, r.c1 - r.c0 + 1);
}

/** `#RRGGBB` → ET's BGR long (red + green·256 + blue·65536). */
export function bgr(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`颜色“${hex}”无效`);
  return parseInt(m[1], 16) + parseInt(m[2], 16) * 256 + parseInt(m[3], 16) * 65536;
}

const H_ALIGN = { left: XL.left, center: XL.center, right: XL.right } as const;
const V_ALIGN = { top: XL.top, middle: XL.center, bottom: XL.bottom } as const;

function applyStyle(range: EtRange, s: CellStyle): void {
  if (s.bold !== undefined || s.fontSize !== undefined || s.fontName !== undefined || s.fontColor !== undefined) {
    const font = range.Font;
    if (s.bold !== undefined) font.Bold = s.bold;
    if (s.fontSize !== undefined) font.Size = s.fontSize;
    if (s.fontName !== undefined) font.Name = s.fontName;
    if (s.fontColor !== undefined) font.Color = bgr(s.fontColor);
  }
  if (s.fill !== undefined) range.Interior.Color = bgr(s.fill);
  if (s.hAlign !== undefined) range.HorizontalAlignment = H_ALIGN[s.hAlign];
  if (s.vAlign !== undefined) range.VerticalAlignment = V_ALIGN[s.vAlign];
  if (s.wrap !== undefined) range.WrapText = s.wrap;
  if (s.border) {
    // On the collection: every edge and inside line of the range, thin and continuous.
    const b = range.Borders;
    b.LineStyle = XL.continuous;
    b.Weight = XL.thin;
  }
}

export interface EtDrawOptions {
  at?: { row: number; col: number };
  /** Column widths, row heights and page setup too (new sheets only). */
  layout?: boolean;
}

/** Draws `d` on `ws`; returns the local A1 address of its extent. */
export function drawEt(ws: EtWorksheet, d: Drawable, opts: EtDrawOptions = {}): string {
  const at = opts.at ?? { row: 0, col: 0 };
  const ext = extentOf(d);
  const width = ext.c1 + 1;
  const extAddr = a1Of(ext, at);

  // Formats first, so a `@` cell is text before its value lands. Later blocks win, General elsewhere.
  const nfBlocks = (d.styles ?? []).filter((s) => s.style.numberFormat !== undefined);
  if (nfBlocks.length) {
    ws.Range(extAddr).NumberFormat = 'General';
    for (const b of nfBlocks) ws.Range(a1Of(rectOf(b.range)!, at)).NumberFormat = b.style.numberFormat!;
  }
  if (d.values.length) {
    const grid = toExcelGrid(d.values, width);
    ws.Range(a1Of({ r0: 0, c0: 0, r1: grid.length - 1, c1: width - 1 }, at)).Value2 = grid;
  }
  for (const s of d.styles ?? []) {
    const { numberFormat: _nf, ...rest } = s.style;
    if (Object.keys(rest).length) applyStyle(ws.Range(a1Of(rectOf(s.range)!, at)), rest);
  }
  for (const m of d.merges ?? []) {
    const r = rectOf(m)!;
    if (r.r0 !== r.r1 || r.c0 !== r.c1) ws.Range(a1Of(r, at)).Merge(false);
  }
  for (const v of d.validations ?? []) {
    const dv = ws.Range(a1Of(rectOf(v.range)!, at)).Validation;
    // Add fails where a rule already exists (a user's, or an overlapping one of this plan).
    dv.Delete();
    dv.Add(XL.validateList, v.strict ? XL.alertStop : XL.alertWarning, XL.between, v.list.join(','));
    dv.IgnoreBlank = true;
    dv.InCellDropdown = true;
    dv.ShowError = true;
    dv.ErrorTitle = LIST_ALERT.title;
    dv.ErrorMessage = v.strict ? LIST_ALERT.strict : LIST_ALERT.warning;
  }
  if (opts.layout) {
    // ET takes widths in characters, the plan's own unit: no conversion.
    const widths = new Map<number, number>();
    (d.columnWidths ?? []).forEach((w, i) => {
      if (w > 0) widths.set(i, w);
    });
    for (const [c0, c1, w] of runs(widths)) ws.Range(`${colLetter(c0 + at.col)}:${colLetter(c1 + at.col)}`).ColumnWidth = w;
    const heights = new Map<number, number>();
    for (const [row, h] of Object.entries(d.rowHeights ?? {})) heights.set(Number(row) - 1, h);
    for (const [r0, r1, pt] of runs(heights)) ws.Range(`${r0 + at.row + 1}:${r1 + at.row + 1}`).RowHeight = pt;
    if (d.page) {
      const ps = ws.PageSetup;
      ps.Orientation = d.page.orientation === 'landscape' ? XL.landscape : XL.portrait;
      ps.PaperSize = XL.paperA4;
      if (d.page.fitToWidth) {
        // One page wide, as many tall as needed.
        ps.Zoom = false;
        ps.FitToPagesWide = 1;
        ps.FitToPagesTall = false;
      }
      if (d.page.printTitleRows) ps.PrintTitleRows = d.page.printTitleRows;
      // The same print defaults as the Office adapter and the CLI writer (points: 72 per inch).
      ps.CenterHorizontally = true;
      ps.LeftMargin = 36;
      ps.RightMargin = 36;
      ps.TopMargin = 43.2;
      ps.BottomMargin = 43.2;
      ps.HeaderMargin = 21.6;
      ps.FooterMargin = 21.6;
      ps.CenterFooter = PAGE_FOOTER;
    }
  }
  return extAddr;
}
