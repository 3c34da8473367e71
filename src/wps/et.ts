/**
 * The part of WPS 表格's JavaScript object model (ET, close to Excel VBA) the adapter
 * uses, typed from WPS's reference (WPS 基础接口 › 表格 API 参考) — see README.md for the
 * pages. Every member access is a synchronous call into the WPS process, so the adapter
 * reads and writes whole ranges (2-D arrays) and never walks cells one by one.
 */

/** ET enumeration values (the VBA constants WPS documents). */
export const XL = {
  sheetVisible: -1,
  sheetHidden: 0,
  left: -4131,
  center: -4108,
  right: -4152,
  top: -4160,
  bottom: -4107,
  continuous: 1,
  thin: 2,
  portrait: 1,
  landscape: 2,
  paperA4: 9,
  validateList: 3,
  alertStop: 1,
  alertWarning: 2,
  between: 1,
} as const;

export interface EtRange {
  /** One cell: its value (undefined/null/'' when blank); several: an array of row arrays. */
  Value2: unknown;
  /** Formulas as text (`=…`), constants as text, '' for blank; an array of rows for several cells. */
  readonly Formula: unknown;
  /** The cells' common number format, or null when they differ. Set: one format for every cell. */
  NumberFormat: string | null;
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  Merge(across?: boolean): void;
  UnMerge(): void;
  Clear(): void;
  Select(): void;
  readonly Font: { Bold: boolean; Size: number; Name: string; Color: number };
  readonly Interior: { Color: number };
  readonly Borders: { LineStyle: number; Weight: number };
  readonly Validation: EtValidation;
  HorizontalAlignment: number;
  VerticalAlignment: number;
  WrapText: boolean;
  /** In characters of the standard font. */
  ColumnWidth: number;
  /** In points. */
  RowHeight: number;
}

export interface EtValidation {
  Add(type: number, alertStyle?: number, operator?: number, formula1?: string, formula2?: unknown): void;
  Delete(): void;
  IgnoreBlank: boolean;
  InCellDropdown: boolean;
  ErrorTitle: string;
  ErrorMessage: string;
  ShowError: boolean;
}

export interface EtPageSetup {
  Orientation: number;
  PaperSize: number;
  Zoom: number | false;
  FitToPagesWide: number | false;
  FitToPagesTall: number | false;
  PrintTitleRows: string;
  CenterHorizontally: boolean;
  LeftMargin: number;
  RightMargin: number;
  TopMargin: number;
  BottomMargin: number;
  HeaderMargin: number;
  FooterMargin: number;
  CenterFooter: string;
}

export interface EtWorksheet {
  Name: string;
  Visible: number | boolean;
  readonly UsedRange: EtRange;
  Range(address: string): EtRange;
  Activate(): void;
  Delete(): void;
  readonly PageSetup: EtPageSetup;
}

export interface EtSheets {
  readonly Count: number;
  Item(index: number | string): EtWorksheet;
  Add(before?: EtWorksheet | null, after?: EtWorksheet | null, count?: number | null, type?: unknown): EtWorksheet;
}

export interface EtName {
  readonly Name: string;
  RefersTo: string;
  Delete(): void;
}

export interface EtNames {
  readonly Count: number;
  Item(index: number | string): EtName;
  Add(name: string, refersTo: string): EtName;
}

export interface EtWorkbook {
  readonly Worksheets: EtSheets;
  readonly Names: EtNames;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  readonly ActiveSheet: EtWorksheet | null;
  readonly Selection: EtRange | null;
  DisplayAlerts: boolean;
}

/** The `wps` global of a WPS 加载项 page (the members this add-in uses). */
export interface WpsGlobal {
  EtApplication?: () => EtApplication;
  Application?: EtApplication;
  CreateTaskPane?: (url: string, title?: string) => { ID: number; Visible: boolean; DockPosition?: number };
  GetTaskPane?: (id: number) => { ID: number; Visible: boolean } | null;
  AddCustomFunction?: (namespace: string, name: string, fn: (...args: unknown[]) => unknown) => void;
}

/** `window.wps` inside WPS; undefined in a browser or in Excel. */
export function wpsGlobal(): WpsGlobal | undefined {
  const w = (globalThis as { wps?: WpsGlobal }).wps;
  return w && typeof w === 'object' ? w : undefined;
}

/** The ET application of a `wps` global (EtApplication() in 表格, else `Application`). */
export function etApplication(w: WpsGlobal): EtApplication | undefined {
  if (typeof w.EtApplication === 'function') return w.EtApplication();
  return w.Application;
}
