/**
 * What adapters hand the model: the used area of each sheet as a values grid.
 * Office.js (`range.values` / `range.numberFormat`) and ExcelJS both produce this.
 */
import type { Origin } from './address';

export interface SheetGrid {
  /** Sheet name as in the workbook. */
  name: string;
  /** Values of the used range, row by row (numbers, strings, booleans, null for blank). */
  values: unknown[][];
  /** Where values[0][0] sits on the sheet (0-based). */
  origin: Origin;
  /** Number formats aligned with values, when the adapter read them (needed to see 95% stored as 0.95). */
  formats?: string[][];
}

/** Something the reader met that the grids cannot show (a WB-* rule of the catalogue). */
export interface ReadNote {
  rule: string;
  sheet?: string;
  cell?: string;
  params: Record<string, string | number>;
}

export interface WorkbookGrids {
  /** File name for reports (CLI); absent in Excel. */
  file?: string;
  sheets: SheetGrid[];
  /** What the reader met: formulas without results, content far from the tables (CLI only). */
  notes?: ReadNote[];
}
