/** The look of the published package (seed 004): 宋体, bold centred headers, thin borders, `0.00` amounts. */
import type { CellStyle, PageSetup } from '../plan';

export const FONT = '宋体';
export const AMOUNT_FORMAT = '0.00';

export const BASE: CellStyle = { fontName: FONT, fontSize: 10, vAlign: 'middle' };
export const TITLE: CellStyle = { bold: true, fontSize: 16, hAlign: 'center', vAlign: 'middle' };
export const UNIT_LEFT: CellStyle = { hAlign: 'left' };
export const UNIT_RIGHT: CellStyle = { hAlign: 'right' };
export const HEAD: CellStyle = { bold: true, hAlign: 'center', vAlign: 'middle', wrap: true, border: true };
export const LANCI: CellStyle = { hAlign: 'center', border: true };
export const SEQ: CellStyle = { hAlign: 'center', border: true };
export const TEXT: CellStyle = { hAlign: 'left', wrap: true, border: true };
export const CODE: CellStyle = { hAlign: 'left', numberFormat: '@', border: true };
export const AMOUNT: CellStyle = { hAlign: 'right', numberFormat: AMOUNT_FORMAT, border: true };
export const NOTE: CellStyle = { hAlign: 'left', wrap: true };
export const TOTAL_ROW: CellStyle = { bold: true };
/** Paragraphs still carrying a `【待填写：…】` marker stand out until the clerk fills them. */
export const TODO: CellStyle = { fill: '#FFF2CC', fontColor: '#C00000' };

export const LANDSCAPE = (printTitleRows?: string): PageSetup => ({ orientation: 'landscape', paper: 'A4', fitToWidth: true, printTitleRows });
export const PORTRAIT = (printTitleRows?: string): PageSetup => ({ orientation: 'portrait', paper: 'A4', fitToWidth: true, printTitleRows });
