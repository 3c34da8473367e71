/**
 * The double's workbook: plain data the proxies read and write at sync time.
 * Pure TS (no Node imports). Cells are stored sparsely by row * MAX_COLS + col.
 */
import { type Rect, MAX_COLS, MAX_ROWS, colName, intersects, localAddress, qualified, normalize } from './cells';
import type { Scalar } from './coerce';
import { type AlertState, type RuleState, type ValidationRegion, snapshotRegions } from './validation';

export type Edge = 'top' | 'bottom' | 'left' | 'right';

export interface BorderState {
  style: string;
  color?: string;
  weight?: string;
}

export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  fontName?: string;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  hAlign?: string;
  vAlign?: string;
  wrap?: boolean;
  borders?: Partial<Record<Edge, BorderState>>;
}

export interface Cell {
  /** '' for blank. */
  value: Scalar;
  formula?: string;
  /** Number format; absent = General. */
  nf?: string;
  fmt?: CellFormat;
}

export interface PageState {
  orientation: string;
  paperSize: string;
  zoom: { scale?: number | null; horizontalFitToPages?: number | null; verticalFitToPages?: number | null };
  printTitleRows: string | null;
  printTitleColumns: string | null;
  printArea: string | null;
  centerHorizontally: boolean;
  printGridlines: boolean;
  /** Margins in points. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Header/footer texts of `headersFooters.defaultForAllPages`. */
  headerFooter: Record<string, string>;
}

/** Defaults of a new sheet (Calibri 11 workbook). */
export const DEFAULT_COLUMN_WIDTH_PT = 48;
export const DEFAULT_ROW_HEIGHT_PT = 15;

export class SheetState {
  readonly cells = new Map<number, Cell>();
  merges: Rect[] = [];
  /** Data validation regions (Range.dataValidation), non-overlapping. */
  validations: ValidationRegion[] = [];
  readonly colWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  visibility = 'Visible';
  tabColor = '';
  freezeRows = 0;
  freezeCols = 0;
  page: PageState = {
    orientation: 'Portrait',
    paperSize: 'Letter',
    zoom: { scale: 100 },
    printTitleRows: null,
    printTitleColumns: null,
    printArea: null,
    centerHorizontally: false,
    printGridlines: false,
    margins: { left: 50.4, right: 50.4, top: 54, bottom: 54, header: 21.6, footer: 21.6 },
    headerFooter: {},
  };

  constructor(readonly id: string, public name: string) {}

  static key(r: number, c: number): number {
    return r * MAX_COLS + c;
  }

  get(r: number, c: number): Cell | undefined {
    return this.cells.get(SheetState.key(r, c));
  }

  /** Returns the cell to mutate, creating it. Call `tidy` afterwards. */
  cell(r: number, c: number): Cell {
    const k = SheetState.key(r, c);
    let cell = this.cells.get(k);
    if (!cell) {
      cell = { value: '' };
      this.cells.set(k, cell);
    }
    return cell;
  }

  /** Drops a cell that holds nothing any more, so used ranges shrink like Excel's. */
  tidy(r: number, c: number): void {
    const k = SheetState.key(r, c);
    const cell = this.cells.get(k);
    if (!cell) return;
    if (cell.fmt && Object.keys(cell.fmt).length === 0) delete cell.fmt;
    if (cell.fmt?.borders && Object.keys(cell.fmt.borders).length === 0) {
      delete cell.fmt.borders;
      if (Object.keys(cell.fmt).length === 0) delete cell.fmt;
    }
    if (cell.nf === 'General') delete cell.nf;
    if (cell.value === '' && cell.formula === undefined && cell.nf === undefined && cell.fmt === undefined) this.cells.delete(k);
  }

  /** Iterates over stored cells inside `rect` (sparse: cost ∝ stored cells, not area). */
  *cellsIn(rect: Rect): Iterable<[number, number, Cell]> {
    const area = (rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1);
    if (area <= this.cells.size) {
      for (let r = rect.r0; r <= rect.r1; r++) {
        for (let c = rect.c0; c <= rect.c1; c++) {
          const cell = this.get(r, c);
          if (cell) yield [r, c, cell];
        }
      }
      return;
    }
    for (const [k, cell] of this.cells) {
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      if (r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1) yield [r, c, cell];
    }
  }

  /** Excel's used range: cells with a value or formula (valuesOnly) or also any format. */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [k, cell] of this.cells) {
      const hasValue = cell.value !== '' || cell.formula !== undefined;
      if (valuesOnly && !hasValue) continue;
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }

  isBlank(rect: Rect): boolean {
    for (const [, , cell] of this.cellsIn(rect)) if (cell.value !== '' || cell.formula !== undefined) return false;
    return true;
  }
}

export interface NameState {
  name: string;
  /** Range reference (by sheet id, so renames follow). */
  ref?: { sheetId: string; rect: Rect };
  /** Constant or broken (`=#REF!`) formula when not a live range. */
  formula?: string;
  comment: string;
  visible: boolean;
}

export class DoubleError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, location?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}

const INVALID_SHEET_CHARS = /[:\\/?*[\]]/;
const CELL_LIKE_NAME = /^([A-Za-z]{1,3}\d+|[RrCc]|[Rr]\d*[Cc]\d*)$/;
const NAME_SHAPE = /^[\p{L}_\\][\p{L}\p{N}_.\\?]*$/u;

export function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || INVALID_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'") || /^history$/i.test(name)) {
    throw new DoubleError('InvalidArgument', `The sheet name "${name}" is invalid.`, 'WorksheetCollection.add');
  }
}

export function checkDefinedName(name: string): void {
  if (name.length === 0 || name.length > 255 || !NAME_SHAPE.test(name) || CELL_LIKE_NAME.test(name)) {
    throw new DoubleError('InvalidArgument', `The name "${name}" is not valid.`, 'NamedItemCollection.add');
  }
}

export class WorkbookState {
  /**
   * Maximum digit width in pixels of the workbook's Normal font: 7 for Calibri 11 / 等线 11,
   * more for 宋体 12 and similar (seed it to imitate such a workbook). Excel measures column
   * widths in these "characters": Worksheet.standardWidth is 8.43 of them and an untouched
   * column is trunc(8.43 · digit + 5) px wide (64 px = 48 pt for a 7-px digit).
   */
  normalDigitPx = 7;
  standardWidth = 8.43;
  sheets: SheetState[] = [];
  names: NameState[] = [];
  activeSheetId: string | null = null;
  selection: { sheetId: string; rect: Rect } | null = null;
  /** Areas of a multi-area (Ctrl+click) selection; `selection` is its first area. */
  selectionAreas = 1;
  private nextId = 1;

  sheetByName(name: string): SheetState | undefined {
    const n = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === n);
  }

  sheetById(id: string): SheetState | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  nameByName(name: string): NameState | undefined {
    const n = name.toLowerCase();
    return this.names.find((x) => x.name.toLowerCase() === n);
  }

  addSheet(name?: string): SheetState {
    let chosen = name;
    if (chosen === undefined) {
      let i = this.sheets.length + 1;
      while (this.sheetByName(`Sheet${i}`)) i++;
      chosen = `Sheet${i}`;
    }
    checkSheetName(chosen);
    if (this.sheetByName(chosen)) throw new DoubleError('ItemAlreadyExists', `A sheet named "${chosen}" already exists.`, 'WorksheetCollection.add');
    const sheet = new SheetState(`{S${this.nextId++}}`, chosen);
    this.sheets.push(sheet);
    if (this.activeSheetId === null) {
      this.activeSheetId = sheet.id;
      this.selection = { sheetId: sheet.id, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
    }
    return sheet;
  }

  visibleSheets(): SheetState[] {
    return this.sheets.filter((s) => s.visibility === 'Visible');
  }

  deleteSheet(sheet: SheetState): void {
    if (sheet.visibility === 'Visible' && this.visibleSheets().length === 1) {
      throw new DoubleError('InvalidOperation', 'A workbook must contain at least one visible worksheet.', 'Worksheet.delete');
    }
    this.sheets = this.sheets.filter((s) => s !== sheet);
    for (const n of this.names) {
      if (n.ref?.sheetId === sheet.id) {
        n.ref = undefined;
        n.formula = '=#REF!';
      }
    }
    if (this.activeSheetId === sheet.id) {
      const next = this.visibleSheets()[0];
      this.activeSheetId = next?.id ?? null;
      this.selection = next ? { sheetId: next.id, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } } : null;
    }
  }

  setVisibility(sheet: SheetState, v: string): void {
    if (!['Visible', 'Hidden', 'VeryHidden'].includes(v)) throw new DoubleError('InvalidArgument', `Bad visibility ${v}`, 'Worksheet.visibility');
    if (v !== 'Visible' && sheet.visibility === 'Visible' && this.visibleSheets().length === 1) {
      throw new DoubleError('InvalidOperation', 'A workbook must contain at least one visible worksheet.', 'Worksheet.visibility');
    }
    sheet.visibility = v;
    if (v !== 'Visible' && this.activeSheetId === sheet.id) {
      const next = this.visibleSheets()[0];
      this.activeSheetId = next.id;
      this.selection = { sheetId: next.id, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
    }
  }

  nameFormula(n: NameState): string {
    if (n.ref) {
      const sheet = this.sheetById(n.ref.sheetId);
      if (sheet) return '=' + qualified(sheet.name, n.ref.rect, true);
    }
    return n.formula ?? '=#REF!';
  }

  /**
   * Shifts cells right of / below `rect` to make room (Range.insert). Names and merges
   * whose columns (rows) lie inside the band move or grow with the cells, as in Excel.
   */
  insertCells(sheet: SheetState, rect: Rect, shift: 'Down' | 'Right'): void {
    const down = shift === 'Down';
    const n = down ? rect.r1 - rect.r0 + 1 : rect.c1 - rect.c0 + 1;
    const inBand = (r: Rect) => (down ? r.c0 >= rect.c0 && r.c1 <= rect.c1 : r.r0 >= rect.r0 && r.r1 <= rect.r1);
    const crossesBand = (r: Rect) => (down ? r.c0 < rect.c0 || r.c1 > rect.c1 : r.r0 < rect.r0 || r.r1 > rect.r1);
    const start = down ? rect.r0 : rect.c0;
    for (const m of sheet.merges) {
      const lo = down ? m.r0 : m.c0;
      const hi = down ? m.r1 : m.c1;
      const bandTouch = down ? m.c1 >= rect.c0 && m.c0 <= rect.c1 : m.r1 >= rect.r0 && m.r0 <= rect.r1;
      if (bandTouch && hi >= start && crossesBand(m)) {
        throw new DoubleError('InvalidOperation', 'This operation would move part of a merged cell.', 'Range.insert');
      }
      if (bandTouch && lo < start && hi >= start) {
        throw new DoubleError('InvalidOperation', 'Cannot insert inside a merged cell.', 'Range.insert');
      }
    }
    const limit = down ? MAX_ROWS : MAX_COLS;
    const moved: [number, number, Cell][] = [];
    for (const [k, cell] of sheet.cells) {
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      const inside = down ? c >= rect.c0 && c <= rect.c1 && r >= start : r >= rect.r0 && r <= rect.r1 && c >= start;
      if (!inside) continue;
      const nr = down ? r + n : r;
      const nc = down ? c : c + n;
      if ((down ? nr : nc) >= limit) throw new DoubleError('InvalidOperation', 'Cells would be pushed off the sheet.', 'Range.insert');
      moved.push([nr, nc, cell]);
      sheet.cells.delete(k);
    }
    for (const [r, c, cell] of moved) sheet.cells.set(SheetState.key(r, c), cell);
    sheet.merges = sheet.merges.map((m) => {
      const bandTouch = down ? m.c1 >= rect.c0 && m.c0 <= rect.c1 : m.r1 >= rect.r0 && m.r0 <= rect.r1;
      if (!bandTouch || (down ? m.r0 : m.c0) < start) return m;
      return down ? { ...m, r0: m.r0 + n, r1: m.r1 + n } : { ...m, c0: m.c0 + n, c1: m.c1 + n };
    });
    // Validation regions inside the band move or grow like names; straddling ones stay (not verified against Excel).
    sheet.validations = sheet.validations.map((v) => {
      const r = v.rect;
      if (!inBand(r)) return v;
      if ((down ? r.r0 : r.c0) >= start) return { ...v, rect: down ? { ...r, r0: r.r0 + n, r1: r.r1 + n } : { ...r, c0: r.c0 + n, c1: r.c1 + n } };
      if ((down ? r.r1 : r.c1) >= start) return { ...v, rect: down ? { ...r, r1: r.r1 + n } : { ...r, c1: r.c1 + n } };
      return v;
    });
    const whole = down ? rect.c0 === 0 && rect.c1 === MAX_COLS - 1 : rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
    if (whole) {
      const sizes = down ? sheet.rowHeights : sheet.colWidths;
      const entries = [...sizes].filter(([i]) => i >= start);
      for (const [i] of entries) sizes.delete(i);
      for (const [i, v] of entries) sizes.set(i + n, v);
    }
    for (const name of this.names) {
      const ref = name.ref;
      if (!ref || ref.sheetId !== sheet.id || !inBand(ref.rect)) continue;
      const r = ref.rect;
      if ((down ? r.r0 : r.c0) >= start) ref.rect = down ? { ...r, r0: r.r0 + n, r1: r.r1 + n } : { ...r, c0: r.c0 + n, c1: r.c1 + n };
      else if ((down ? r.r1 : r.c1) >= start) ref.rect = down ? { ...r, r1: r.r1 + n } : { ...r, c1: r.c1 + n };
    }
  }

  /** Merges `rect`, keeping only the top-left value (Excel's API does the same without asking). */
  merge(sheet: SheetState, rect: Rect, across: boolean): void {
    const parts: Rect[] = across ? Array.from({ length: rect.r1 - rect.r0 + 1 }, (_, i) => ({ r0: rect.r0 + i, r1: rect.r0 + i, c0: rect.c0, c1: rect.c1 })) : [rect];
    for (const part of parts) {
      if (part.r0 === part.r1 && part.c0 === part.c1) continue;
      // Existing merges the new one overlaps are dissolved into it.
      sheet.merges = sheet.merges.filter((m) => !intersects(m, part));
      for (const [r, c, cell] of [...sheet.cellsIn(part)]) {
        if (r === part.r0 && c === part.c0) continue;
        cell.value = '';
        delete cell.formula;
        sheet.tidy(r, c);
      }
      sheet.merges.push(normalize(part));
    }
  }

  /** Plain-data picture of everything a user could see in the saved file (view state excluded). */
  snapshot(opts: { view?: boolean } = {}): WorkbookSnapshot {
    const sheets = this.sheets.map((s) => {
      const cells: Record<string, unknown> = {};
      const keys = [...s.cells.keys()].sort((a, b) => a - b);
      for (const k of keys) {
        const cell = s.cells.get(k)!;
        const addr = `${colName(k % MAX_COLS)}${Math.floor(k / MAX_COLS) + 1}`;
        cells[addr] = JSON.parse(JSON.stringify(cell));
      }
      const sorted = <T>(m: Map<number, T>, key: (i: number) => string) =>
        Object.fromEntries([...m].sort((a, b) => a[0] - b[0]).map(([i, v]) => [key(i), v]));
      return {
        name: s.name,
        visibility: s.visibility,
        tabColor: s.tabColor,
        freeze: [s.freezeRows, s.freezeCols],
        cells,
        merges: s.merges.map((m) => localAddress(m)).sort(),
        validations: snapshotRegions(s.validations),
        colWidths: sorted(s.colWidths, colName),
        rowHeights: sorted(s.rowHeights, (i) => String(i + 1)),
        page: JSON.parse(JSON.stringify(s.page)),
      };
    });
    const names = this.names
      .map((n) => ({ name: n.name, formula: this.nameFormula(n), comment: n.comment, visible: n.visible }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const snap: WorkbookSnapshot = { sheets, names };
    if (opts.view) {
      const active = this.activeSheetId ? this.sheetById(this.activeSheetId) : undefined;
      const sel = this.selection ? this.sheetById(this.selection.sheetId) : undefined;
      snap.view = { active: active?.name ?? null, selection: sel && this.selection ? qualified(sel.name, this.selection.rect) : null };
    }
    return snap;
  }
}

export interface WorkbookSnapshot {
  sheets: {
    name: string;
    visibility: string;
    tabColor: string;
    freeze: number[];
    cells: Record<string, unknown>;
    merges: string[];
    /** Data validation by region, in address order. */
    validations: { range: string; rule: RuleState; errorAlert: AlertState; ignoreBlanks: boolean }[];
    colWidths: Record<string, number>;
    rowHeights: Record<string, number>;
    page: PageState;
  }[];
  names: { name: string; formula: string; comment: string; visible: boolean }[];
  view?: { active: string | null; selection: string | null };
}
