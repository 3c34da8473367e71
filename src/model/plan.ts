/**
 * WorkbookPlan: the disclosure package as pure data. src/model/layout builds it;
 * the Office adapter and the ExcelJS writer render the same plan, so both outputs
 * agree cell for cell. Styles are given per rectangular range so renderers write
 * them in one call per block, never per cell.
 */

export type PlanValue = string | number | null;

export interface CellStyle {
  bold?: boolean;
  fontSize?: number;
  fontName?: string;
  /** `#RRGGBB` */
  fontColor?: string;
  /** `#RRGGBB` fill */
  fill?: string;
  hAlign?: 'left' | 'center' | 'right';
  vAlign?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  /** Excel number format, e.g. `0.00`, `@`, `#,##0.00`. */
  numberFormat?: string;
  /** Thin borders on every edge of every cell of the block. */
  border?: boolean;
}

export interface StyleBlock {
  /** A1 range on the sheet, e.g. `A5:H40`. */
  range: string;
  style: CellStyle;
}

export interface PageSetup {
  orientation: 'landscape' | 'portrait';
  paper: 'A4';
  /** Fit all columns on one page width (height free). */
  fitToWidth: boolean;
  /** Rows repeated at the top of every printed page, e.g. `$4:$6`. */
  printTitleRows?: string;
}

/**
 * A drop-down list (Excel data validation, type list) on a range, e.g. the 一级指标
 * choices of a blank 绩效目标表 template. Renderers that cannot write validation skip it.
 */
export interface ListValidation {
  /** A1 range on the sheet (in a block: relative to the block's top-left). */
  range: string;
  /** Allowed entries in display order (no commas inside an entry). */
  list: string[];
  /** Reject other input; default false = warn only, because clerks paste from old tables. */
  strict?: boolean;
}

export interface SheetPlan {
  /** Stable key of the sheet in the package (`目录`, `说明`, `T1` … `T11`, `KPI-1`). */
  key: string;
  /** Desired sheet name (≤ 31 chars, no []:*?/\); renderers pick a free variant if taken. */
  name: string;
  /** The sheet's values from A1, one array per row, all rows the same length. */
  values: PlanValue[][];
  styles: StyleBlock[];
  /** Merged ranges, e.g. `A1:H1`. */
  merges: string[];
  /** Column widths in characters (Excel's unit), index 0 = column A. */
  columnWidths: number[];
  /** Row heights in points by 1-based row number. */
  rowHeights: Record<number, number>;
  page: PageSetup;
  /** Drop-down lists (templates); optional, added by the task pane's blank templates. */
  validations?: ListValidation[];
}

export interface NamePlan {
  /** Workbook-scoped name, e.g. `BT.收入总计`. */
  name: string;
  /** Sheet key (SheetPlan.key) and A1 range on it. */
  sheetKey: string;
  range: string;
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  names: NamePlan[];
}
