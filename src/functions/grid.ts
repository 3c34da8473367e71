/**
 * Range arguments as Excel hands them to a custom function: a 2-D array of numbers,
 * strings, booleans and blanks ('' or null). `usedGrid` cuts an argument down to its
 * used block before any model code sees it. A whole column (A:H is 1,048,576 rows) is
 * refused by `argumentTooLarge`: Excel marshals every cell before the function runs
 * (27–44 MB for A:H), over the 5 MB custom-function payload limit, so on the web it
 * never arrives (#CALC!/#BUSY!) and on desktop it is slow; the clerk gets a message
 * asking for a bounded range or a table instead.
 */
import type { Origin } from '../model/address';
import { colIndex } from '../model/address';

export type Grid = unknown[][];

const WHITESPACE_ONLY = /^[\s\u3000]*$/;

/** Blank as a spreadsheet user means it: no value, empty text or only spaces. */
export function isBlankCell(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (typeof v === 'string' && WHITESPACE_ONLY.test(v));
}

/** Cell text of each `errorType` of Excel's ErrorCellValue (ExcelApi 1.16 `ErrorCellValueType`). */
const ERROR_TYPE_TEXT: Record<string, string> = {
  Blocked: '#BLOCKED!',
  Busy: '#BUSY!',
  Calc: '#CALC!',
  Connect: '#CONNECT!',
  Div0: '#DIV/0!',
  External: '#EXTERNAL!',
  Field: '#FIELD!',
  GettingData: '#GETTING_DATA',
  NotAvailable: '#N/A',
  Name: '#NAME?',
  Null: '#NULL!',
  Num: '#NUM!',
  Ref: '#REF!',
  Spill: '#SPILL!',
  Value: '#VALUE!',
};

/**
 * One cell of an argument as the model reads it. With `allowErrorForDataTypeAny`
 * (functions.json) error cells reach the function instead of stopping it. The
 * custom-functions runtime (office-js custom-functions-runtime.js,
 * `_transferCustomFunctionError`) turns each into `new CustomFunctions.Error(code)`:
 * an Error whose `code` and `basicValue` are the cell text (`#N/A`). With rich data
 * (`allowCustomDataForDataTypeAny`) a cell can instead arrive as a parsed cell-value
 * object: `{ type: 'Error', primitive: '#REF!' }` (the runtime's rich-data JSON),
 * `{ type: 'Double', primitive: 5 }`, or ExcelApi's ErrorCellValue with `basicValue`
 * and/or only `errorType`. Every error becomes its text, which the model reports as a
 * finding at that cell; linked-data / entity values become their display text.
 */
export function normalizeCell(v: unknown): unknown {
  if (v === null || v === undefined || typeof v !== 'object') return v;
  if (v instanceof Date) return v;
  const o = v as Record<string, unknown>;
  if (typeof o.code === 'string' && o.code.startsWith('#')) return o.code;
  if (typeof o.error === 'string') return o.error;
  if ('primitive' in o && (o.primitive === null || typeof o.primitive !== 'object')) return normalizeCell(o.primitive);
  if (o.type === 'Error' && typeof o.basicValue !== 'string' && typeof o.errorType === 'string') return ERROR_TYPE_TEXT[o.errorType] ?? `#${o.errorType.toUpperCase()}!`;
  if (typeof o.text === 'string') return o.text;
  if ('basicValue' in o) return normalizeCell(o.basicValue);
  return String(v);
}

/**
 * The used block of a range argument: trailing blank rows and columns removed (leading
 * ones stay so row i still is row i of the range), error objects turned into text.
 * Rows are scanned from the bottom, so a whole column costs one cheap test per blank
 * row plus a copy of the used rows. Returns [] when every cell is blank.
 */
export function usedGrid(value: unknown): Grid {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) return isBlankCell(value) ? [] : [[normalizeCell(value)]];
  // A 1-D array (never from Excel, but from a careless caller) is one row.
  const rows: unknown[] = value.length > 0 && !Array.isArray(value[0]) ? [value] : value;
  let last = rows.length - 1;
  for (; last >= 0; last--) {
    const row = rows[last];
    if (!Array.isArray(row)) {
      if (!isBlankCell(row)) break;
      continue;
    }
    let blank = true;
    for (let c = 0; c < row.length; c++) {
      if (!isBlankCell(row[c])) {
        blank = false;
        break;
      }
    }
    if (!blank) break;
  }
  if (last < 0) return [];
  let width = 0;
  for (let r = 0; r <= last; r++) {
    const row = rows[r];
    if (!Array.isArray(row)) {
      if (!isBlankCell(row)) width = Math.max(width, 1);
      continue;
    }
    for (let c = row.length - 1; c >= width; c--) {
      if (!isBlankCell(row[c])) {
        width = c + 1;
        break;
      }
    }
  }
  const out: Grid = new Array(last + 1);
  for (let r = 0; r <= last; r++) {
    const row = rows[r];
    const src = Array.isArray(row) ? row : [row];
    const dst = new Array(width);
    for (let c = 0; c < width; c++) {
      const v = c < src.length ? src[c] : null;
      dst[c] = v === undefined ? null : normalizeCell(v);
    }
    out[r] = dst;
  }
  return out;
}

const COLS = /^\$?([A-Za-z]{1,3})(?::\$?([A-Za-z]{1,3}))?$/;
const ROWS = /^\$?(\d+)(?::\$?(\d+))?$/;
const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)/;

/**
 * Where a range argument starts on its sheet, from the address Excel gives with
 * `@requiresParameterAddresses` (`Sheet1!B3:H40`, `'2.15 收支总表'!A:H`, `Sheet1!5:40`).
 * A1 when the address is missing or unreadable, so positions are then relative to the range.
 */
export function originOf(address: string | undefined | null): Origin {
  if (!address) return { row: 0, col: 0 };
  const bang = address.lastIndexOf('!');
  const ref = (bang >= 0 ? address.slice(bang + 1) : address).trim();
  const first = ref.split(':')[0];
  const cell = CELL.exec(first);
  if (cell) return { row: Number(cell[2]) - 1, col: colIndex(cell[1]) };
  const cols = COLS.exec(ref);
  if (cols) return { row: 0, col: colIndex(cols[1]) };
  const rows = ROWS.exec(ref);
  if (rows) return { row: Number(rows[1]) - 1, col: 0 };
  return { row: 0, col: 0 };
}

/** The sheet part of a parameter address (`'2.15 收支总表'!A1:H9` → `2.15 收支总表`). */
export function sheetOf(address: string | undefined | null): string | undefined {
  if (!address) return undefined;
  const bang = address.lastIndexOf('!');
  if (bang < 0) return undefined;
  return address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'").replace(/^\[[^\]]*\]/, '');
}

/**
 * Most cells one range argument may have. Excel limits what it passes to a custom
 * function to 5 MB ("Excel limits custom-function payloads to 5 MB", office-js #4654;
 * "payload size limit for requests and responses of 5MB", resource-limits doc); even a
 * blank cell costs 5 bytes of that payload (`null,`), so a range of more than 1,000,000
 * cells cannot be passed whatever it holds.
 */
export const MAX_ARGUMENT_CELLS = 1_000_000;

/** An address that spans whole columns or rows (`Sheet1!A:H`, `'表'!$3:$5`). */
export function isUnboundedAddress(address: string | undefined | null): boolean {
  if (!address) return false;
  const bang = address.lastIndexOf('!');
  const ref = (bang >= 0 ? address.slice(bang + 1) : address).trim();
  return COLS.test(ref) && ref.includes(':') ? true : ROWS.test(ref) && ref.includes(':');
}

/**
 * The clerk's message when a range argument is beyond what Excel can pass (more than
 * MAX_ARGUMENT_CELLS cells, e.g. a whole column), or null when it is fine.
 */
export function argumentTooLarge(value: unknown, address: string | undefined | null, label: string): string | null {
  if (!Array.isArray(value)) return null;
  const rows = value.length;
  let width = 0;
  // Excel's arrays are rectangular; the first row gives the width (also of a 1-D array).
  if (rows > 0) width = Array.isArray(value[0]) ? (value[0] as unknown[]).length : rows;
  const cells = Array.isArray(value[0]) ? rows * width : rows;
  const unboundedColumns = isUnboundedAddress(address) && COLS.test(address!.slice(address!.lastIndexOf('!') + 1).trim());
  if (cells <= MAX_ARGUMENT_CELLS && !unboundedColumns) return null;
  const where = address ? `（${address}）` : '';
  return (
    `${label}${where}有 ${cells.toLocaleString('en-US')} 个单元格，超出 Excel 传给自定义函数的数据上限（约 5 MB，约 ${MAX_ARGUMENT_CELLS.toLocaleString('en-US')} 个单元格）：` +
    '网页版 Excel 会显示 #CALC! 或 #BUSY!，桌面版计算很慢。请改用有边界的区域（如 A1:H200）、Excel 表格（插入 › 表格，引用如 表1[#全部]），' +
    '或新版 Excel 的 TRIMRANGE(A:H) / A:.H。'
  );
}
