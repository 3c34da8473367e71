/**
 * Loads .xlsx fixtures into an ExcelDouble (Node only: ExcelJS reads the file). Values
 * arrive as Excel would show them to Office.js: formulas as their cached result, dates
 * as serials, rich text flattened, errors as their code; number formats, merges,
 * column widths (converted to points), row heights, sheet visibility and defined
 * names come along.
 */
import ExcelJS from 'exceljs';
import { ExcelDouble } from './index';
import type { Scalar } from './coerce';
import type { BorderState, CellFormat, Edge } from './state';
import { parseLocal, splitSheet } from './cells';

const EPOCH = Date.UTC(1899, 11, 30);

function scalar(v: ExcelJS.CellValue): { value: Scalar; formula?: string } {
  if (v === null || v === undefined) return { value: '' };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { value: v };
  if (v instanceof Date) return { value: (v.getTime() - EPOCH) / 86400000 };
  const o = v as unknown as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) {
    const inner = scalar((o.result ?? '') as ExcelJS.CellValue);
    return { value: inner.value, formula: typeof o.formula === 'string' ? `=${o.formula}` : undefined };
  }
  if (Array.isArray(o.richText)) return { value: (o.richText as { text: string }[]).map((r) => r.text).join('') };
  if (typeof o.error === 'string') return { value: o.error };
  if (typeof o.text === 'string') return { value: o.text };
  return { value: String(v) };
}

const H: Record<string, string> = { left: 'Left', center: 'Center', right: 'Right', fill: 'Fill', justify: 'Justify', centerContinuous: 'CenterAcrossSelection', distributed: 'Distributed' };
const V: Record<string, string> = { top: 'Top', middle: 'Center', bottom: 'Bottom', justify: 'Justify', distributed: 'Distributed' };
const hex = (argb?: string) => (argb ? `#${argb.slice(-6).toUpperCase()}` : undefined);

/** The cell's format in the double's terms (thin borders → Continuous/Thin). */
function formatOf(cell: ExcelJS.Cell): CellFormat | undefined {
  const f: CellFormat = {};
  const font = cell.font;
  // ExcelJS reports the workbook's theme font (scheme minor) for cells that never had one set.
  if (font && !font.scheme) {
    if (font.bold !== undefined) f.bold = font.bold;
    if (font.italic !== undefined) f.italic = font.italic;
    if (font.size !== undefined) f.fontSize = font.size;
    if (font.name !== undefined) f.fontName = font.name;
    if (font.color?.argb) f.fontColor = hex(font.color.argb);
  }
  const fill = cell.fill;
  if (fill && fill.type === 'pattern' && fill.pattern === 'solid' && fill.fgColor?.argb) f.fill = hex(fill.fgColor.argb);
  const al = cell.alignment;
  if (al) {
    if (al.horizontal) f.hAlign = H[al.horizontal] ?? al.horizontal;
    if (al.vertical) f.vAlign = V[al.vertical] ?? al.vertical;
    if (al.wrapText !== undefined) f.wrap = al.wrapText;
  }
  const b = cell.border;
  if (b) {
    const borders: Partial<Record<Edge, BorderState>> = {};
    for (const edge of ['top', 'bottom', 'left', 'right'] as const) {
      const style = b[edge]?.style;
      if (style) borders[edge] = { style: 'Continuous', weight: style === 'thin' ? 'Thin' : style === 'medium' ? 'Medium' : style === 'thick' ? 'Thick' : 'Hairline' };
    }
    if (Object.keys(borders).length) f.borders = borders;
  }
  return Object.keys(f).length ? f : undefined;
}

/** Excel's character width to points (7-pixel digit font), as the adapter converts it. */
function widthToPoints(chars: number): number {
  return Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7) * 0.75;
}

/**
 * Adds the file's sheets to `xl`; `rename` can avoid clashes when several files are
 * combined, and leaves a sheet out by returning null.
 */
export async function addXlsx(xl: ExcelDouble, file: string | Buffer, rename: (name: string) => string | null = (n) => n): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  if (typeof file === 'string') await wb.xlsx.readFile(file);
  else await wb.xlsx.load(file as unknown as ArrayBuffer);
  const added: string[] = [];
  const renamed = new Map<string, string>();
  for (const ws of wb.worksheets) {
    const name = rename(ws.name);
    if (name === null) continue;
    renamed.set(ws.name, name);
    const sheet = xl.addSheet(name);
    added.push(name);
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      if (row.height) sheet.rowHeights.set(r - 1, row.height);
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        // ExcelJS answers the master's value for every cell of a merge; Excel holds it once.
        const slave = cell.isMerged && cell.master.address !== cell.address;
        const { value, formula } = slave ? { value: '' as Scalar, formula: undefined } : scalar(cell.value);
        const target = sheet.cell(r - 1, c - 1);
        target.value = value;
        if (formula) target.formula = formula;
        if (cell.numFmt && cell.numFmt !== 'General') target.nf = cell.numFmt;
        const fmt = formatOf(cell);
        if (fmt) target.fmt = fmt;
        sheet.tidy(r - 1, c - 1);
      });
    });
    for (const m of (ws.model as unknown as { merges?: string[] }).merges ?? []) {
      const rect = parseLocal(m);
      if (rect) sheet.merges.push(rect);
    }
    (ws.columns ?? []).forEach((col, i) => {
      if (col && typeof col.width === 'number') sheet.colWidths.set(i, widthToPoints(col.width));
    });
    const ps = ws.pageSetup;
    if (ps.orientation) sheet.page.orientation = ps.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    if (ps.paperSize === 9) sheet.page.paperSize = 'A4';
    if (ps.fitToPage && (ps.fitToWidth !== undefined || ps.fitToHeight !== undefined)) {
      // fitToHeight 0 (automatic) is what Office.js expresses by leaving verticalFitToPages unset.
      sheet.page.zoom = { horizontalFitToPages: ps.fitToWidth ?? 1, ...(ps.fitToHeight === 0 ? {} : { verticalFitToPages: ps.fitToHeight ?? 1 }) };
    }
    if (ps.printTitlesRow) sheet.page.printTitleRows = ps.printTitlesRow.split(':').map((x) => `$${x.replace(/\$/g, '')}`).join(':');
    if (ps.horizontalCentered) sheet.page.centerHorizontally = true;
    if (ps.margins) {
      const m = ps.margins as unknown as Record<string, number>;
      for (const k of Object.keys(sheet.page.margins)) if (typeof m[k] === 'number') (sheet.page.margins as Record<string, number>)[k] = Math.round(m[k] * 72 * 100) / 100;
    }
    const footer = /&C(.*)$/.exec(ws.headerFooter?.oddFooter ?? '');
    if (footer) sheet.page.headerFooter.centerFooter = footer[1];
    if (ws.state === 'hidden') sheet.visibility = 'Hidden';
    if (ws.state === 'veryHidden') sheet.visibility = 'VeryHidden';
  }
  const names = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model ?? [];
  for (const n of names) {
    if (n.ranges.length !== 1) continue;
    try {
      const { sheet, local } = splitSheet(n.ranges[0]);
      const target = sheet === undefined ? undefined : renamed.get(sheet);
      if (target === undefined) continue;
      xl.defineName(n.name, `'${target.replace(/'/g, "''")}'!${local}`);
    } catch {
      // names pointing outside the loaded sheets are left out
    }
  }
  return added;
}

export async function loadXlsx(file: string | Buffer): Promise<ExcelDouble> {
  const xl = new ExcelDouble();
  await addXlsx(xl, file);
  return xl;
}
