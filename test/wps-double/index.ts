/**
 * WpsDouble: an in-memory stand-in for WPS 表格's JavaScript object model (the ET API a
 * WPS 加载项 reaches through `wps.EtApplication()` / `window.Application`), written from
 * WPS's own reference (WPS 基础接口 › 表格 API 参考: Application, Workbook, Sheets,
 * Worksheet, Range, Names, Name, PageSetup, Validation) and the VBA object model it
 * mirrors. See README.md for what it models and what is not confirmed.
 *
 * Every property read, property write and method call on these objects is one
 * cross-process call in WPS; the double counts them (`calls`), records them (`log`),
 * journals document changes (`journal`, same entry shape as the Excel double) and can
 * fail the Nth call (`injectFailure`). Calls apply at once: there is no batch, no sync
 * and no transaction, so a failure leaves everything before it applied.
 *
 * The workbook itself is the Excel double's WorkbookState, so both doubles hold the
 * same kind of data, take the same seeding helpers (`seed` is an ExcelDouble sharing the
 * state) and give the same `snapshot()` — which is what lets one contract suite compare
 * what the Office adapter and the WPS adapter leave in a workbook.
 *
 * Pure TS (no Node imports): the browser harness bundles it.
 */
import { charsToPoints } from '../../src/taskpane/excel/cell-input';
import { ExcelDouble } from '../double';
import { edgesOf, type JournalEntry, type ViewEntry } from '../double/api';
import { type Rect, MAX_COLS, MAX_ROWS, cols, localAddress, parseLocal, rows, splitSheet } from '../double/cells';
import { parseInput, type Scalar } from '../double/coerce';
import { WorkbookState, checkDefinedName, checkSheetName, type CellFormat, type SheetState, type WorkbookSnapshot } from '../double/state';
import { DEFAULT_ALERT, checkAlert, clearRegions, readValidation, setOnRegions, setRule } from '../double/validation';

export type { WorkbookSnapshot } from '../double/state';

/** ET enumeration values the double understands (the VBA constants, as WPS documents them). */
export const Et = {
  xlSheetVisible: -1,
  xlSheetHidden: 0,
  xlSheetVeryHidden: 2,
  xlLeft: -4131,
  xlCenter: -4108,
  xlRight: -4152,
  xlTop: -4160,
  xlBottom: -4107,
  xlGeneral: 1,
  xlContinuous: 1,
  xlLineStyleNone: -4142,
  xlThin: 2,
  xlMedium: -4138,
  xlEdgeLeft: 7,
  xlEdgeTop: 8,
  xlEdgeBottom: 9,
  xlEdgeRight: 10,
  xlInsideVertical: 11,
  xlInsideHorizontal: 12,
  xlPortrait: 1,
  xlLandscape: 2,
  xlPaperLetter: 1,
  xlPaperA4: 9,
  xlValidateList: 3,
  xlValidAlertStop: 1,
  xlValidAlertWarning: 2,
  xlValidAlertInformation: 3,
  xlBetween: 1,
} as const;

export class WpsError extends Error {
  constructor(
    message: string,
    readonly where: string,
  ) {
    super(message);
    this.name = 'WpsError';
  }
}

export interface WpsFailureSpec {
  /** Fail the Nth call (1-based) counted from the moment of injection. */
  atCall?: number;
  /** Fail the first call whose member (`Range.Value2=`, `Sheets.Add`, …) this accepts. */
  when?: (member: string) => boolean;
  message?: string;
}

const H_ALIGN: Record<number, string> = { [Et.xlLeft]: 'Left', [Et.xlCenter]: 'Center', [Et.xlRight]: 'Right', [Et.xlGeneral]: 'General' };
const V_ALIGN: Record<number, string> = { [Et.xlTop]: 'Top', [Et.xlCenter]: 'Center', [Et.xlBottom]: 'Bottom' };
const ALERT_STYLE: Record<number, string> = { [Et.xlValidAlertStop]: 'Stop', [Et.xlValidAlertWarning]: 'Warning', [Et.xlValidAlertInformation]: 'Information' };
const PAPER: Record<number, string> = { [Et.xlPaperA4]: 'A4', [Et.xlPaperLetter]: 'Letter' };
const EDGES: Record<number, string> = {
  [Et.xlEdgeLeft]: 'EdgeLeft',
  [Et.xlEdgeTop]: 'EdgeTop',
  [Et.xlEdgeBottom]: 'EdgeBottom',
  [Et.xlEdgeRight]: 'EdgeRight',
  [Et.xlInsideVertical]: 'InsideVertical',
  [Et.xlInsideHorizontal]: 'InsideHorizontal',
};

/** ET colours are BGR longs (red + green·256 + blue·65536); the state keeps `#RRGGBB`. */
export function bgrToHex(n: number): string {
  const r = n & 0xff;
  const g = (n >> 8) & 0xff;
  const b = (n >> 16) & 0xff;
  return '#' + [r, g, b].map((x) => x.toString(16).padStart(2, '0').toUpperCase()).join('');
}

export function hexToBgr(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`bad colour ${hex}`);
  return parseInt(m[1], 16) + parseInt(m[2], 16) * 256 + parseInt(m[3], 16) * 65536;
}

export class WpsDouble {
  readonly state: WorkbookState;
  /** Seeding helpers of the Excel double over the same state (they bypass counters and journal). */
  readonly seed: ExcelDouble;
  /** Object-model calls since creation or resetCounters(). */
  calls = 0;
  /** Members called, in order (`Range.Value2`, `Range.Value2=`, `Sheets.Add()` …). */
  log: string[] = [];
  journal: JournalEntry[] = [];
  viewLog: ViewEntry[] = [];
  /** Application.DisplayAlerts. */
  displayAlerts = true;
  screenUpdating = true;
  /** Names of functions registered through the `wps.AddCustomFunction` stand-in, `NS.NAME` → function. */
  readonly customFunctions = new Map<string, (...args: unknown[]) => unknown>();
  /** Application.PluginStorage: the key–value store an add-in's pages share. */
  readonly pluginStorage = new Map<string, unknown>();
  /** Task panes created through `wps.CreateTaskPane` (url, visible). */
  readonly taskPanes: { ID: number; url: string; Visible: boolean; DockPosition: number }[] = [];
  private failures: { spec: WpsFailureSpec; base: number }[] = [];
  readonly Application: EtApplication;

  constructor(state?: WorkbookState) {
    this.state = state ?? new WorkbookState();
    this.seed = new ExcelDouble();
    this.seed.state = this.state;
    this.Application = new EtApplication(this);
  }

  /** The `wps` global a WPS 加载项 page sees (the parts this add-in uses). */
  wpsGlobal(): WpsGlobal {
    return {
      EtApplication: () => this.Application,
      Application: this.Application,
      CreateTaskPane: (url: string) => {
        this.hit('wps.CreateTaskPane()');
        const pane = { ID: this.taskPanes.length + 1, url, Visible: false, DockPosition: 2 };
        this.taskPanes.push(pane);
        return pane;
      },
      GetTaskPane: (id: number) => {
        this.hit('wps.GetTaskPane()');
        return this.taskPanes.find((p) => p.ID === id) ?? null;
      },
      AddCustomFunction: (ns: string, name: string, fn: (...args: unknown[]) => unknown) => {
        this.hit('wps.AddCustomFunction()');
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(ns) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
          throw new WpsError(`自定义函数名“${ns}.${name}”不合规`, 'wps.AddCustomFunction');
        }
        if (typeof fn !== 'function') throw new WpsError('缺少函数', 'wps.AddCustomFunction');
        this.customFunctions.set(`${ns}.${name}`.toUpperCase(), fn);
      },
    };
  }

  /** Calls a registered custom function the way a formula `=NS.NAME(A1:C3, …)` would: ranges as 2-D Value2 arrays. */
  callFunction(qualifiedName: string, ...args: unknown[]): unknown {
    const fn = this.customFunctions.get(qualifiedName.toUpperCase());
    if (!fn) throw new Error(`#NAME? ${qualifiedName}`);
    return fn(...args);
  }

  /** Counts one call; throws an armed failure. */
  hit(member: string): void {
    this.calls++;
    this.log.push(member);
    for (const f of this.failures) {
      const hit = (f.spec.atCall !== undefined && this.calls - f.base === f.spec.atCall) || (f.spec.when !== undefined && f.spec.when(member));
      if (hit) {
        this.failures = this.failures.filter((x) => x !== f);
        throw new WpsError(f.spec.message ?? `Injected failure at ${member}`, member);
      }
    }
  }

  injectFailure(spec: WpsFailureSpec): void {
    this.failures.push({ spec, base: this.calls });
  }

  clearFailures(): void {
    this.failures = [];
  }

  write(entry: Omit<JournalEntry, 'sync'>): void {
    this.journal.push({ sync: 0, ...entry });
  }

  view(entry: Omit<ViewEntry, 'sync'>): void {
    this.viewLog.push({ sync: 0, ...entry });
  }

  writes(): JournalEntry[] {
    return this.journal;
  }

  resetCounters(): void {
    this.calls = 0;
    this.log = [];
    this.journal = [];
    this.viewLog = [];
  }

  snapshot(opts?: { view?: boolean }): WorkbookSnapshot {
    return this.state.snapshot(opts);
  }

  // seeding and assertions, delegated to the Excel double over the same state
  addSheet(name: string, values: unknown[][] = [], opts: { at?: string; formats?: (string | null)[][]; visibility?: 'Visible' | 'Hidden' | 'VeryHidden' } = {}): SheetState {
    return this.seed.addSheet(name, values, opts);
  }
  setCells(sheet: string, at: string, values: unknown[][], formats?: (string | null)[][]): void {
    this.seed.setCells(sheet, at, values, formats);
  }
  typeCells(sheet: string, at: string, values: Scalar[][]): void {
    this.seed.typeCells(sheet, at, values);
  }
  merge(sheet: string, address: string): void {
    this.seed.merge(sheet, address);
  }
  defineName(name: string, reference: string): void {
    this.seed.defineName(name, reference);
  }
  insertRows(sheet: string, row: number, count = 1): void {
    this.seed.insertRows(sheet, row, count);
  }
  sheet(name: string): SheetState {
    return this.seed.sheet(name);
  }
  values(sheet: string, address: string): Scalar[][] {
    return this.seed.values(sheet, address);
  }
  nameFormula(name: string): string | undefined {
    return this.seed.nameFormula(name);
  }
}

export interface WpsTaskPane {
  ID: number;
  url: string;
  Visible: boolean;
  DockPosition: number;
}

export interface WpsGlobal {
  EtApplication(): EtApplication;
  Application: EtApplication;
  CreateTaskPane(url: string): WpsTaskPane;
  GetTaskPane(id: number): WpsTaskPane | null;
  AddCustomFunction(ns: string, name: string, fn: (...args: unknown[]) => unknown): void;
}

// ------------------------------------------------------------------ objects

abstract class Obj {
  constructor(
    protected readonly d: WpsDouble,
    private readonly kind: string,
  ) {}
  protected get(member: string): void {
    this.d.hit(`${this.kind}.${member}`);
  }
  protected set(member: string): void {
    this.d.hit(`${this.kind}.${member}=`);
  }
  protected call(member: string): void {
    this.d.hit(`${this.kind}.${member}()`);
  }
  protected fail(message: string, member: string): never {
    throw new WpsError(message, `${this.kind}.${member}`);
  }
}

/** Members Application and Workbook share (the active workbook's collections and active sheet). */
abstract class WorkbookMembers extends Obj {
  get Worksheets(): EtSheets {
    this.get('Worksheets');
    return new EtSheets(this.d);
  }
  get Sheets(): EtSheets {
    this.get('Sheets');
    return new EtSheets(this.d);
  }
  get Names(): EtNames {
    this.get('Names');
    return new EtNames(this.d);
  }
  get ActiveSheet(): EtWorksheet | null {
    this.get('ActiveSheet');
    const id = this.d.state.activeSheetId;
    return id ? new EtWorksheet(this.d, id) : null;
  }
}

export class EtApplication extends WorkbookMembers {
  constructor(d: WpsDouble) {
    super(d, 'Application');
  }
  get ActiveWorkbook(): EtWorkbook {
    this.get('ActiveWorkbook');
    return new EtWorkbook(this.d);
  }
  get Selection(): EtRange | null {
    this.get('Selection');
    const sel = this.d.state.selection;
    return sel ? new EtRange(this.d, sel.sheetId, sel.rect) : null;
  }
  get DisplayAlerts(): boolean {
    this.get('DisplayAlerts');
    return this.d.displayAlerts;
  }
  set DisplayAlerts(v: boolean) {
    this.set('DisplayAlerts');
    this.d.displayAlerts = Boolean(v);
  }
  get ScreenUpdating(): boolean {
    this.get('ScreenUpdating');
    return this.d.screenUpdating;
  }
  set ScreenUpdating(v: boolean) {
    this.set('ScreenUpdating');
    this.d.screenUpdating = Boolean(v);
  }
  get PluginStorage(): { getItem(key: string): unknown; setItem(key: string, value: unknown): void; removeItem(key: string): void } {
    this.get('PluginStorage');
    const m = this.d.pluginStorage;
    return {
      getItem: (k) => (m.has(k) ? m.get(k) : null),
      setItem: (k, v) => void m.set(k, v),
      removeItem: (k) => void m.delete(k),
    };
  }
  /** No calculation engine: formulas are stored, not evaluated (like the Excel double). */
  Calculate(): void {
    this.call('Calculate');
  }
  InchesToPoints(inches: number): number {
    this.call('InchesToPoints');
    return inches * 72;
  }
}

export class EtWorkbook extends WorkbookMembers {
  constructor(d: WpsDouble) {
    super(d, 'Workbook');
  }
  get Name(): string {
    this.get('Name');
    return '工作簿1';
  }
}

export class EtSheets extends Obj {
  constructor(d: WpsDouble) {
    super(d, 'Sheets');
  }
  get Count(): number {
    this.get('Count');
    return this.d.state.sheets.length;
  }
  /** By 1-based index or name (case-insensitive); a missing one is an error, as in ET. */
  Item(index: number | string): EtWorksheet {
    this.call('Item');
    const s = typeof index === 'number' ? this.d.state.sheets[index - 1] : this.d.state.sheetByName(String(index));
    if (!s) this.fail(`下标越界：没有工作表 ${String(index)}`, 'Item');
    return new EtWorksheet(this.d, s.id);
  }
  /**
   * Sheets.Add(Before, After, Count, Type): a new worksheet named like `Sheet4`, placed
   * before `Before` or after `After` (before the active sheet when both are omitted),
   * and made the active sheet — as WPS documents it.
   */
  Add(before?: EtWorksheet | null, after?: EtWorksheet | null, count?: number | null, type?: unknown): EtWorksheet {
    this.call('Add');
    if (count !== undefined && count !== null && count !== 1) this.fail('the double adds one sheet at a time', 'Add');
    if (type !== undefined && type !== null && type !== -4167) this.fail('only worksheets (xlWorksheet) are modelled', 'Add');
    const st = this.d.state;
    const sheet = st.addSheet();
    st.sheets.pop();
    let at: number;
    if (after) at = st.sheets.indexOf(after._sheet()) + 1;
    else if (before) at = st.sheets.indexOf(before._sheet());
    else at = Math.max(0, st.sheets.findIndex((s) => s.id === st.activeSheetId));
    st.sheets.splice(at, 0, sheet);
    st.activeSheetId = sheet.id;
    st.selection = { sheetId: sheet.id, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
    this.d.write({ kind: 'sheet', action: 'add', sheet: sheet.name });
    return new EtWorksheet(this.d, sheet.id);
  }
}

export class EtWorksheet extends Obj {
  constructor(
    d: WpsDouble,
    readonly _id: string,
  ) {
    super(d, 'Worksheet');
  }
  _sheet(): SheetState {
    const s = this.d.state.sheetById(this._id);
    if (!s) throw new WpsError('对象已被删除', 'Worksheet');
    return s;
  }
  get Name(): string {
    this.get('Name');
    return this._sheet().name;
  }
  set Name(v: string) {
    this.set('Name');
    const s = this._sheet();
    try {
      checkSheetName(v);
    } catch (e) {
      this.fail(`工作表名称无效：${v}（${(e as Error).message}）`, 'Name');
    }
    const other = this.d.state.sheetByName(v);
    if (other && other !== s) this.fail(`工作表名称“${v}”已被占用`, 'Name');
    const old = s.name;
    s.name = v;
    this.d.write({ kind: 'sheet', action: 'rename', sheet: v, name: old });
  }
  get Index(): number {
    this.get('Index');
    return this.d.state.sheets.indexOf(this._sheet()) + 1;
  }
  get Visible(): number {
    this.get('Visible');
    const v = this._sheet().visibility;
    return v === 'Visible' ? Et.xlSheetVisible : v === 'Hidden' ? Et.xlSheetHidden : Et.xlSheetVeryHidden;
  }
  set Visible(v: number | boolean) {
    this.set('Visible');
    const s = this._sheet();
    const map: Record<string, string> = { [Et.xlSheetVisible]: 'Visible', [Et.xlSheetHidden]: 'Hidden', [Et.xlSheetVeryHidden]: 'VeryHidden', true: 'Visible', false: 'Hidden' };
    const vis = map[String(v)];
    if (!vis) this.fail(`Visible 值无效：${String(v)}`, 'Visible');
    try {
      this.d.state.setVisibility(s, vis);
    } catch (e) {
      this.fail((e as Error).message, 'Visible');
    }
    this.d.write({ kind: 'sheet', action: 'visibility', sheet: s.name });
  }
  /** Like ET's UsedRange: cells with a value, a formula or any format; A1 on a blank sheet. */
  get UsedRange(): EtRange {
    this.get('UsedRange');
    const s = this._sheet();
    return new EtRange(this.d, s.id, s.usedRect(false) ?? { r0: 0, c0: 0, r1: 0, c1: 0 });
  }
  /** Range("A1:C3"), Range("A:C"), Range("3:5"); a name or another sheet's address is not modelled. */
  Range(address: string): EtRange {
    this.call('Range');
    const { sheet, local } = splitSheet(address);
    const rect = parseLocal(local);
    if (sheet !== undefined || !rect) this.fail(`无效的区域地址：${address}`, 'Range');
    return new EtRange(this.d, this._id, rect);
  }
  Activate(): void {
    this.call('Activate');
    const s = this._sheet();
    if (s.visibility !== 'Visible') this.fail(`不能激活隐藏的工作表“${s.name}”`, 'Activate');
    if (this.d.state.activeSheetId !== s.id) {
      this.d.state.activeSheetId = s.id;
      this.d.state.selection = { sheetId: s.id, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
    }
    this.d.view({ action: 'activate', sheet: s.name });
  }
  /**
   * Deleting a sheet that holds anything asks the user to confirm unless
   * Application.DisplayAlerts is false; the double fails the call instead of showing it.
   */
  Delete(): void {
    this.call('Delete');
    const s = this._sheet();
    if (this.d.displayAlerts && s.cells.size > 0) this.fail('删除工作表需要用户确认（DisplayAlerts 为 true）', 'Delete');
    try {
      this.d.state.deleteSheet(s);
    } catch (e) {
      this.fail((e as Error).message, 'Delete');
    }
    this.d.write({ kind: 'sheet', action: 'delete', sheet: s.name });
  }
  get PageSetup(): EtPageSetup {
    this.get('PageSetup');
    return new EtPageSetup(this.d, this._id);
  }
}

type Cell2D = unknown[][];

export class EtRange extends Obj {
  constructor(
    d: WpsDouble,
    private readonly _sheetId: string,
    readonly _rect: Rect,
  ) {
    super(d, 'Range');
  }
  _sheet(): SheetState {
    const s = this.d.state.sheetById(this._sheetId);
    if (!s) throw new WpsError('对象已被删除', 'Range');
    return s;
  }
  private area(): number {
    return rows(this._rect) * cols(this._rect);
  }
  private eachCell(f: (r: number, c: number) => void): void {
    if (this.area() > 2_000_000) throw new WpsError('the double does not touch whole rows/columns cell by cell', 'Range');
    for (let r = this._rect.r0; r <= this._rect.r1; r++) for (let c = this._rect.c0; c <= this._rect.c1; c++) f(r, c);
  }
  private grid<T>(f: (r: number, c: number) => T): T[][] {
    if (this.area() > 5_000_000) throw new WpsError('区域过大，内存不足', 'Range');
    const out: T[][] = [];
    for (let r = this._rect.r0; r <= this._rect.r1; r++) {
      const row: T[] = [];
      for (let c = this._rect.c0; c <= this._rect.c1; c++) row.push(f(r, c));
      out.push(row);
    }
    return out;
  }
  private single(): boolean {
    return this._rect.r0 === this._rect.r1 && this._rect.c0 === this._rect.c1;
  }
  private address(): string {
    return localAddress(this._rect);
  }
  private journal(action: string): void {
    this.d.write({ kind: 'cells', action, sheet: this._sheet().name, address: this.address() });
  }
  private format(action: string, f: (fmt: CellFormat) => void): void {
    const s = this._sheet();
    this.eachCell((r, c) => {
      const cell = s.cell(r, c);
      cell.fmt = cell.fmt ?? {};
      f(cell.fmt);
      s.tidy(r, c);
    });
    this.journal(`format.${action}`);
  }

  /** One cell: the value (undefined when blank); several: an array of rows. Numbers, text, booleans. */
  get Value2(): unknown {
    this.get('Value2');
    const s = this._sheet();
    const v = (r: number, c: number): unknown => {
      const x = s.get(r, c)?.value;
      return x === undefined || x === '' ? undefined : x;
    };
    return this.single() ? v(this._rect.r0, this._rect.c0) : this.grid(v);
  }
  /**
   * Text is taken as typed (a leading `=` makes a formula, `20801` a number, `95%` 0.95 …,
   * an apostrophe or an `@` cell keeps text). A scalar fills the range; an array must
   * have the range's exact shape (see README: what ET does with other shapes is not modelled).
   */
  set Value2(v: unknown) {
    this.set('Value2');
    const s = this._sheet();
    const h = rows(this._rect);
    const w = cols(this._rect);
    let at: (i: number, j: number) => unknown;
    if (Array.isArray(v)) {
      const arr = v as unknown[];
      const grid: Cell2D = h === 1 && !Array.isArray(arr[0]) ? [arr] : (arr as Cell2D);
      if (grid.length !== h || grid.some((row) => !Array.isArray(row) || row.length !== w)) this.fail(`数组大小 ${grid.length}×${grid[0]?.length ?? 0} 与区域 ${this.address()} 不符`, 'Value2');
      at = (i, j) => grid[i][j];
    } else at = () => v;
    this.eachCell((r, c) => {
      let x = at(r - this._rect.r0, c - this._rect.c0);
      if (x === null || x === undefined) x = '';
      if (typeof x !== 'string' && typeof x !== 'number' && typeof x !== 'boolean') this.fail(`不支持的值类型 ${typeof x}`, 'Value2');
      if (typeof x === 'number' && !Number.isFinite(x)) this.fail('数值无效', 'Value2');
      const cell = s.cell(r, c);
      const p = parseInput(x, cell.nf ?? 'General');
      cell.value = p.value;
      if (p.formula) cell.formula = p.formula;
      else delete cell.formula;
      if (p.autoFormat && !cell.nf) cell.nf = p.autoFormat;
      s.tidy(r, c);
    });
    this.journal('values');
  }
  /** Formulas as text: `=…` for formula cells, the constant as text, '' for blank. Always an array of rows. */
  get Formula(): unknown {
    this.get('Formula');
    const s = this._sheet();
    const f = (r: number, c: number) => {
      const cell = s.get(r, c);
      if (!cell) return '';
      return cell.formula ?? (typeof cell.value === 'boolean' ? (cell.value ? 'TRUE' : 'FALSE') : String(cell.value));
    };
    return this.single() ? f(this._rect.r0, this._rect.c0) : this.grid(f);
  }
  /** The common number format, or null when the cells differ (as documented for Range.NumberFormat). */
  get NumberFormat(): string | null {
    this.get('NumberFormat');
    const s = this._sheet();
    let common: string | undefined;
    for (let r = this._rect.r0; r <= this._rect.r1; r++) {
      for (let c = this._rect.c0; c <= this._rect.c1; c++) {
        const nf = s.get(r, c)?.nf ?? 'General';
        if (common === undefined) common = nf;
        else if (common !== nf) return null;
      }
    }
    return common ?? 'General';
  }
  /** One format string for every cell (an array is not modelled). */
  set NumberFormat(v: string) {
    this.set('NumberFormat');
    if (typeof v !== 'string') this.fail('NumberFormat 须为一个格式字符串', 'NumberFormat');
    const s = this._sheet();
    this.eachCell((r, c) => {
      s.cell(r, c).nf = v;
      s.tidy(r, c);
    });
    this.journal('numberFormat');
  }
  get Row(): number {
    this.get('Row');
    return this._rect.r0 + 1;
  }
  get Column(): number {
    this.get('Column');
    return this._rect.c0 + 1;
  }
  get Rows(): { Count: number } {
    this.get('Rows');
    const n = rows(this._rect);
    const d = this.d;
    return {
      get Count() {
        d.hit('Range.Rows.Count');
        return n;
      },
    };
  }
  get Columns(): { Count: number } {
    this.get('Columns');
    const n = cols(this._rect);
    const d = this.d;
    return {
      get Count() {
        d.hit('Range.Columns.Count');
        return n;
      },
    };
  }
  get Worksheet(): EtWorksheet {
    this.get('Worksheet');
    return new EtWorksheet(this.d, this._sheetId);
  }
  /** `$A$1:$C$3` (absolute by default, like ET's Address()). */
  Address(rowAbsolute = true, columnAbsolute = true): string {
    this.call('Address');
    const a = localAddress(this._rect, true);
    return rowAbsolute && columnAbsolute ? a : localAddress(this._rect);
  }
  /** Merges the area, keeping the top-left value; overlapping merges are absorbed. */
  Merge(across = false): void {
    this.call('Merge');
    this.d.state.merge(this._sheet(), this._rect, Boolean(across));
    this.journal('merge');
  }
  UnMerge(): void {
    this.call('UnMerge');
    const s = this._sheet();
    const r = this._rect;
    s.merges = s.merges.filter((m) => !(m.r0 <= r.r1 && r.r0 <= m.r1 && m.c0 <= r.c1 && r.c0 <= m.c1));
    this.journal('unmerge');
  }
  /** Clears values, formulas and formats (not data validation, as in the Excel double). */
  Clear(): void {
    this.call('Clear');
    const s = this._sheet();
    for (const [r, c] of [...s.cellsIn(this._rect)].map(([r, c]) => [r, c] as const)) s.cells.delete(r * MAX_COLS + c);
    this.journal('clear');
  }
  /** Selects the range; its sheet must be the active sheet (ET refuses otherwise). */
  Select(): void {
    this.call('Select');
    const s = this._sheet();
    if (this.d.state.activeSheetId !== s.id) this.fail('只能在活动工作表上选择区域', 'Select');
    this.d.state.selection = { sheetId: s.id, rect: { ...this._rect } };
    this.d.view({ action: 'select', sheet: s.name, address: this.address() });
  }
  get Font(): EtFont {
    this.get('Font');
    return new EtFont(this.d, this);
  }
  get Interior(): EtInterior {
    this.get('Interior');
    return new EtInterior(this.d, this);
  }
  get Borders(): EtBorders {
    this.get('Borders');
    return new EtBorders(this.d, this);
  }
  get Validation(): EtValidation {
    this.get('Validation');
    return new EtValidation(this.d, this);
  }
  set HorizontalAlignment(v: number) {
    this.set('HorizontalAlignment');
    const a = H_ALIGN[v];
    if (!a) this.fail(`HorizontalAlignment 值无效：${v}`, 'HorizontalAlignment');
    this.format('horizontalAlignment', (f) => (f.hAlign = a));
  }
  set VerticalAlignment(v: number) {
    this.set('VerticalAlignment');
    const a = V_ALIGN[v];
    if (!a) this.fail(`VerticalAlignment 值无效：${v}`, 'VerticalAlignment');
    this.format('verticalAlignment', (f) => (f.vAlign = a));
  }
  set WrapText(v: boolean) {
    this.set('WrapText');
    this.format('wrapText', (f) => (f.wrap = Boolean(v)));
  }
  /**
   * Column width in characters of the workbook's standard font (0–255). The state keeps
   * points like the Excel double, converted with Excel's own rule for a 7-pixel digit.
   */
  set ColumnWidth(v: number) {
    this.set('ColumnWidth');
    if (!(v >= 0 && v <= 255)) this.fail('列宽须在 0 到 255 之间', 'ColumnWidth');
    const s = this._sheet();
    for (let c = this._rect.c0; c <= this._rect.c1; c++) s.colWidths.set(c, charsToPoints(v));
    this.d.write({ kind: 'sheet', action: 'columnWidth', sheet: s.name, address: this.address() });
  }
  /** Row height in points (0–409). */
  set RowHeight(v: number) {
    this.set('RowHeight');
    if (!(v >= 0 && v <= 409)) this.fail('行高须在 0 到 409 磅之间', 'RowHeight');
    const s = this._sheet();
    for (let r = this._rect.r0; r <= this._rect.r1; r++) s.rowHeights.set(r, v);
    this.d.write({ kind: 'sheet', action: 'rowHeight', sheet: s.name, address: this.address() });
  }

  // internals for the format objects
  _format(action: string, f: (fmt: CellFormat) => void): void {
    this.format(action, f);
  }
  _journal(action: string): void {
    this.journal(action);
  }
}

export class EtFont extends Obj {
  constructor(
    d: WpsDouble,
    private readonly r: EtRange,
  ) {
    super(d, 'Font');
  }
  set Bold(v: boolean) {
    this.set('Bold');
    this.r._format('font.bold', (f) => (f.bold = Boolean(v)));
  }
  set Italic(v: boolean) {
    this.set('Italic');
    this.r._format('font.italic', (f) => (f.italic = Boolean(v)));
  }
  set Size(v: number) {
    this.set('Size');
    if (!(v >= 1 && v <= 409)) this.fail('字号无效', 'Size');
    this.r._format('font.size', (f) => (f.fontSize = v));
  }
  set Name(v: string) {
    this.set('Name');
    this.r._format('font.name', (f) => (f.fontName = v));
  }
  /** BGR long. */
  set Color(v: number) {
    this.set('Color');
    if (!Number.isInteger(v) || v < 0 || v > 0xffffff) this.fail('颜色值无效', 'Color');
    this.r._format('font.color', (f) => (f.fontColor = bgrToHex(v)));
  }
}

export class EtInterior extends Obj {
  constructor(
    d: WpsDouble,
    private readonly r: EtRange,
  ) {
    super(d, 'Interior');
  }
  /** BGR long. */
  set Color(v: number) {
    this.set('Color');
    if (!Number.isInteger(v) || v < 0 || v > 0xffffff) this.fail('颜色值无效', 'Color');
    this.r._format('fill.color', (f) => (f.fill = bgrToHex(v)));
  }
}

const LINE_STYLE: Record<number, string> = { [Et.xlContinuous]: 'Continuous', [Et.xlLineStyleNone]: 'None' };
const WEIGHT: Record<number, string> = { [Et.xlThin]: 'Thin', [Et.xlMedium]: 'Medium' };

function setBorder(r: EtRange, indexes: string[], prop: 'style' | 'weight', v: string): void {
  const s = r._sheet();
  const rect = r._rect;
  for (const index of indexes) {
    const edges = edgesOf(index, rect);
    for (let i = rect.r0; i <= rect.r1; i++) {
      for (let j = rect.c0; j <= rect.c1; j++) {
        for (const [edge, applies] of edges) {
          if (!applies(i, j)) continue;
          const cell = s.cell(i, j);
          const fmt = (cell.fmt = cell.fmt ?? {});
          const borders = (fmt.borders = fmt.borders ?? {});
          if (prop === 'style' && v === 'None') delete borders[edge];
          else borders[edge] = { ...(borders[edge] ?? { style: 'Continuous' }), [prop]: v };
          s.tidy(i, j);
        }
      }
    }
  }
  r._journal(`borders.${indexes.length > 1 ? 'all' : indexes[0]}.${prop}`);
}

/** Range.Borders: LineStyle / Weight on the collection set every edge and inside line of the range. */
export class EtBorders extends Obj {
  constructor(
    d: WpsDouble,
    private readonly r: EtRange,
  ) {
    super(d, 'Borders');
  }
  set LineStyle(v: number) {
    this.set('LineStyle');
    const style = LINE_STYLE[v];
    if (!style) this.fail(`LineStyle 值无效：${v}`, 'LineStyle');
    setBorder(this.r, Object.values(EDGES), 'style', style);
  }
  set Weight(v: number) {
    this.set('Weight');
    const w = WEIGHT[v];
    if (!w) this.fail(`Weight 值无效：${v}`, 'Weight');
    setBorder(this.r, Object.values(EDGES), 'weight', w);
  }
  Item(index: number): { LineStyle: number; Weight: number } {
    this.call('Item');
    const name = EDGES[index];
    if (!name) this.fail(`边框索引无效：${index}`, 'Item');
    const d = this.d;
    const r = this.r;
    return {
      set LineStyle(v: number) {
        d.hit('Border.LineStyle=');
        const style = LINE_STYLE[v];
        if (!style) throw new WpsError(`LineStyle 值无效：${v}`, 'Border.LineStyle');
        setBorder(r, [name], 'style', style);
      },
      get LineStyle(): number {
        d.hit('Border.LineStyle');
        return Et.xlContinuous;
      },
      set Weight(v: number) {
        d.hit('Border.Weight=');
        const w = WEIGHT[v];
        if (!w) throw new WpsError(`Weight 值无效：${v}`, 'Border.Weight');
        setBorder(r, [name], 'weight', w);
      },
      get Weight(): number {
        d.hit('Border.Weight');
        return Et.xlThin;
      },
    };
  }
}

/**
 * Range.Validation (list rules only). Add fails where the range already has validation
 * (delete it first), as in ET/Excel; the other properties change validated cells only.
 */
export class EtValidation extends Obj {
  constructor(
    d: WpsDouble,
    private readonly r: EtRange,
  ) {
    super(d, 'Validation');
  }
  private regions(): SheetState['validations'] {
    return this.r._sheet().validations;
  }
  private store(v: SheetState['validations'], action: string): void {
    this.r._sheet().validations = v;
    this.r._journal(`dataValidation.${action}`);
  }
  private existing(): boolean {
    return readValidation(this.regions(), this.r._rect, 'type') !== 'None';
  }
  Add(type: number, alertStyle?: number, operator?: number, formula1?: string, formula2?: unknown): void {
    this.call('Add');
    if (type !== Et.xlValidateList) this.fail('the double models list validation only', 'Add');
    if (this.existing()) this.fail('区域已有数据有效性，请先删除', 'Add');
    if (typeof formula1 !== 'string' || formula1.length === 0) this.fail('序列来源不能为空', 'Add');
    if (formula1.length > 255) this.fail('序列来源超过 255 个字符', 'Add');
    if (formula2 !== undefined && formula2 !== null) this.fail('序列不取 Formula2', 'Add');
    void operator;
    const style = ALERT_STYLE[alertStyle ?? Et.xlValidAlertStop];
    if (!style) this.fail(`AlertStyle 值无效：${String(alertStyle)}`, 'Add');
    const next = setRule(this.regions(), this.r._rect, { list: { inCellDropDown: true, source: formula1 } });
    const last = next[next.length - 1];
    last.errorAlert = { ...DEFAULT_ALERT, style };
    this.store(next, 'rule');
  }
  Delete(): void {
    this.call('Delete');
    this.store(clearRegions(this.regions(), this.r._rect), 'clear');
  }
  get Type(): number {
    this.get('Type');
    if (!this.existing()) this.fail('区域没有数据有效性', 'Type');
    return Et.xlValidateList;
  }
  private alert(member: string, patch: Record<string, unknown>): void {
    this.set(member);
    if (!this.existing()) this.fail('区域没有数据有效性', member);
    let next: SheetState['validations'];
    try {
      next = setOnRegions(this.regions(), this.r._rect, (v) => ({ ...v, errorAlert: checkAlert(patch, v.errorAlert) }));
    } catch (e) {
      this.fail((e as Error).message, member);
    }
    this.store(next, 'errorAlert');
  }
  set ErrorTitle(v: string) {
    this.alert('ErrorTitle', { title: v });
  }
  set ErrorMessage(v: string) {
    this.alert('ErrorMessage', { message: v });
  }
  set ShowError(v: boolean) {
    this.alert('ShowError', { showAlert: Boolean(v) });
  }
  set IgnoreBlank(v: boolean) {
    this.set('IgnoreBlank');
    if (!this.existing()) this.fail('区域没有数据有效性', 'IgnoreBlank');
    this.store(setOnRegions(this.regions(), this.r._rect, (x) => ({ ...x, ignoreBlanks: Boolean(v) })), 'ignoreBlanks');
  }
  set InCellDropdown(v: boolean) {
    this.set('InCellDropdown');
    if (!this.existing()) this.fail('区域没有数据有效性', 'InCellDropdown');
    this.store(
      setOnRegions(this.regions(), this.r._rect, (x) => ({ ...x, rule: { list: { ...(x.rule.list as object), inCellDropDown: Boolean(v) } } })),
      'rule',
    );
  }
}

/** Worksheet.PageSetup. Margins in points; Zoom = false hands scaling to FitToPagesWide/Tall. */
export class EtPageSetup extends Obj {
  constructor(
    d: WpsDouble,
    private readonly id: string,
  ) {
    super(d, 'PageSetup');
  }
  private page(action: string, f: (p: SheetState['page']) => void): void {
    const s = this.d.state.sheetById(this.id);
    if (!s) this.fail('对象已被删除', action);
    f(s.page);
    this.d.write({ kind: 'sheet', action: `pageLayout.${action}`, sheet: s.name });
  }
  set Orientation(v: number) {
    this.set('Orientation');
    if (v !== Et.xlPortrait && v !== Et.xlLandscape) this.fail(`Orientation 值无效：${v}`, 'Orientation');
    this.page('orientation', (p) => (p.orientation = v === Et.xlLandscape ? 'Landscape' : 'Portrait'));
  }
  set PaperSize(v: number) {
    this.set('PaperSize');
    const paper = PAPER[v];
    if (!paper) this.fail(`PaperSize 值无效（双份只认 A4 与 Letter）：${v}`, 'PaperSize');
    this.page('paperSize', (p) => (p.paperSize = paper));
  }
  set Zoom(v: number | false) {
    this.set('Zoom');
    if (v !== false && !(typeof v === 'number' && v >= 10 && v <= 400)) this.fail(`Zoom 须为 10–400 或 false：${String(v)}`, 'Zoom');
    this.page('zoom', (p) => (p.zoom = v === false ? {} : { scale: v }));
  }
  set FitToPagesWide(v: number | false) {
    this.set('FitToPagesWide');
    this.page('zoom', (p) => {
      if (p.zoom.scale !== undefined && p.zoom.scale !== null) return; // ignored while Zoom is a percentage
      p.zoom = { ...p.zoom, horizontalFitToPages: v === false ? 0 : v };
    });
  }
  set FitToPagesTall(v: number | false) {
    this.set('FitToPagesTall');
    this.page('zoom', (p) => {
      if (p.zoom.scale !== undefined && p.zoom.scale !== null) return;
      p.zoom = { ...p.zoom, verticalFitToPages: v === false ? 0 : v };
    });
  }
  set PrintTitleRows(v: string) {
    this.set('PrintTitleRows');
    const rect = typeof v === 'string' ? parseLocal(splitSheet(v).local) : null;
    if (!rect) this.fail(`PrintTitleRows 无效：${String(v)}`, 'PrintTitleRows');
    this.page('printTitleRows', (p) => (p.printTitleRows = localAddress({ ...rect, c0: 0, c1: MAX_COLS - 1 }, true)));
  }
  set CenterHorizontally(v: boolean) {
    this.set('CenterHorizontally');
    this.page('centerHorizontally', (p) => (p.centerHorizontally = Boolean(v)));
  }
  private margin(member: string, side: keyof SheetState['page']['margins'], v: number): void {
    this.set(member);
    if (!(v >= 0 && v < 1000)) this.fail(`${member} 无效：${v}`, member);
    this.page('margins', (p) => (p.margins[side] = Math.round(v * 100) / 100));
  }
  set LeftMargin(v: number) {
    this.margin('LeftMargin', 'left', v);
  }
  set RightMargin(v: number) {
    this.margin('RightMargin', 'right', v);
  }
  set TopMargin(v: number) {
    this.margin('TopMargin', 'top', v);
  }
  set BottomMargin(v: number) {
    this.margin('BottomMargin', 'bottom', v);
  }
  set HeaderMargin(v: number) {
    this.margin('HeaderMargin', 'header', v);
  }
  set FooterMargin(v: number) {
    this.margin('FooterMargin', 'footer', v);
  }
  set CenterFooter(v: string) {
    this.set('CenterFooter');
    this.page('headerFooter', (p) => (p.headerFooter = { ...p.headerFooter, centerFooter: String(v) }));
  }
}

export class EtNames extends Obj {
  constructor(d: WpsDouble) {
    super(d, 'Names');
  }
  get Count(): number {
    this.get('Count');
    return this.d.state.names.length;
  }
  /** By 1-based index or name; a missing name is an error. */
  Item(index: number | string): EtName {
    this.call('Item');
    const n = typeof index === 'number' ? this.d.state.names[index - 1] : this.d.state.nameByName(String(index));
    if (!n) this.fail(`没有名称 ${String(index)}`, 'Item');
    return new EtName(this.d, n.name);
  }
  /** Names.Add(Name, RefersTo): RefersTo like `='Sheet 1'!$A$1:$B$2`; an existing name is redefined. */
  Add(name: string, refersTo: string): EtName {
    this.call('Add');
    try {
      checkDefinedName(name);
    } catch (e) {
      this.fail((e as Error).message, 'Add');
    }
    const ref = resolveRef(this.d.state, refersTo);
    if (!ref) this.fail(`引用无效：${refersTo}`, 'Add');
    const existing = this.d.state.nameByName(name);
    if (existing) {
      existing.ref = ref;
      delete existing.formula;
      this.d.write({ kind: 'name', action: 'formula', name: existing.name });
      return new EtName(this.d, existing.name);
    }
    this.d.state.names.push({ name, ref, comment: '', visible: true });
    this.d.write({ kind: 'name', action: 'add', name });
    return new EtName(this.d, name);
  }
}

/** `='Sheet'!$A$1:$B$2` → sheet id + rect, or null. A relative reference is refused (it would move with the active cell). */
function resolveRef(state: WorkbookState, refersTo: string): { sheetId: string; rect: Rect } | null {
  if (typeof refersTo !== 'string' || !refersTo.startsWith('=')) return null;
  const { sheet, local } = splitSheet(refersTo.slice(1));
  if (sheet === undefined || /[A-Za-z]\d/.test(local.replace(/\$[A-Za-z]+\$\d+/g, ''))) return null;
  const s = state.sheetByName(sheet);
  const rect = parseLocal(local);
  if (!s || !rect || rect.r1 >= MAX_ROWS) return null;
  return { sheetId: s.id, rect };
}

export class EtName extends Obj {
  constructor(
    d: WpsDouble,
    private readonly key: string,
  ) {
    super(d, 'Name');
  }
  private state() {
    const n = this.d.state.nameByName(this.key);
    if (!n) throw new WpsError('名称已被删除', 'Name');
    return n;
  }
  get Name(): string {
    this.get('Name');
    return this.state().name;
  }
  get RefersTo(): string {
    this.get('RefersTo');
    return this.d.state.nameFormula(this.state());
  }
  set RefersTo(v: string) {
    this.set('RefersTo');
    const n = this.state();
    const ref = resolveRef(this.d.state, v);
    if (!ref) this.fail(`引用无效：${v}`, 'RefersTo');
    n.ref = ref;
    delete n.formula;
    this.d.write({ kind: 'name', action: 'formula', name: n.name });
  }
  Delete(): void {
    this.call('Delete');
    const n = this.state();
    this.d.state.names = this.d.state.names.filter((x) => x !== n);
    this.d.write({ kind: 'name', action: 'delete', name: n.name });
  }
}
