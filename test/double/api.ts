/**
 * Proxy objects of the Excel JavaScript API subset the adapter uses, with Office.js
 * batch semantics: property writes and method calls are queued and applied in order
 * at `context.sync()`; reading a property that no sync has loaded throws
 * `PropertyNotLoaded`; objects returned by `getItem`/`getRange`… are resolved when the
 * batch runs, so a missing sheet fails the sync, not the call. Pure TS.
 */
import {
  type Rect,
  MAX_COLS,
  MAX_ROWS,
  cols,
  contains,
  intersects,
  localAddress,
  parseLocal,
  qualified,
  rows,
  splitSheet,
} from './cells';
import { displayText, parseInput, type Scalar } from './coerce';
import { type CellFormat, type Edge, type NameState, DoubleError, type SheetState, type WorkbookState, checkDefinedName, checkSheetName } from './state';
import { checkAlert, checkRule, clearRegions, DEFAULT_ALERT, readValidation, setOnRegions, setRule } from './validation';

export interface OpInfo {
  /** 1-based number of the operation since the double was created (or counters reset). */
  seq: number;
  /** 1-based number of the sync running it. */
  sync: number;
  kind: 'get' | 'load' | 'set' | 'call';
  /** `Type.member`, e.g. `Range.values`, `WorksheetCollection.add`. */
  member: string;
}

export interface JournalEntry {
  sync: number;
  /** cells: values/formats of cells; sheet: sheet-level (add, delete, widths, page setup …); name: defined names. */
  kind: 'cells' | 'sheet' | 'name';
  action: string;
  sheet?: string;
  /** Local A1 address written, for cell entries. */
  address?: string;
  name?: string;
}

export interface ViewEntry {
  sync: number;
  action: 'activate' | 'select';
  sheet: string;
  address?: string;
}

/** What the proxies need from the double (implemented by ExcelDouble). */
export interface Engine {
  state: WorkbookState;
  payloadCellLimit: number;
  currentSync: number;
  write(entry: Omit<JournalEntry, 'sync'>): void;
  view(entry: Omit<ViewEntry, 'sync'>): void;
  sync(ctx: Ctx): Promise<void>;
}

interface QueuedOp {
  kind: OpInfo['kind'];
  member: string;
  run: () => void;
}

export class Ctx {
  queue: QueuedOp[] = [];
  readonly workbook: WorkbookProxy;
  readonly trackedObjects = { add(): void {}, remove(): void {} };
  constructor(readonly engine: Engine) {
    this.workbook = new WorkbookProxy(this);
  }
  enqueue(kind: OpInfo['kind'], member: string, run: () => void): void {
    this.queue.push({ kind, member, run });
  }
  sync(): Promise<void> {
    return this.engine.sync(this);
  }
}

function notLoaded(type: string, prop: string): DoubleError {
  return new DoubleError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${prop}`,
  );
}

/** Normalises the arguments of `load()` into slash paths (`format/font/bold`). */
export function loadPaths(arg: unknown): string[] {
  if (arg === undefined || arg === null) return [];
  if (typeof arg === 'string') return arg.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => loadPaths(a));
  if (typeof arg === 'object') {
    const o = arg as Record<string, unknown>;
    if ('select' in o || 'expand' in o) return [...loadPaths(o.select), ...loadPaths(o.expand)];
    const out: string[] = [];
    for (const [k, v] of Object.entries(o)) {
      if (k === '$all' || k === '$top' || k === '$skip') continue;
      if (v === true) out.push(k);
      else if (v && typeof v === 'object') {
        const sub = loadPaths(v);
        if (sub.length === 0) out.push(k);
        else out.push(...sub.map((s) => `${k}/${s}`));
      }
    }
    return out;
  }
  return [];
}

abstract class Base {
  protected _loaded: Record<string, unknown> = {};
  protected _isNull: boolean | undefined;
  protected abstract readonly _props: readonly string[];
  constructor(protected readonly _ctx: Ctx, protected readonly _type: string) {}

  get context(): Ctx {
    return this._ctx;
  }
  get isNullObject(): boolean {
    if (this._isNull === undefined) throw notLoaded(this._type, 'isNullObject');
    return this._isNull;
  }
  protected get _state(): WorkbookState {
    return this._ctx.engine.state;
  }
  /** The object this proxy stands for at this point of the batch; null for a null object. */
  abstract _target(): unknown;
  protected _navs(): Record<string, Base> {
    return {};
  }
  protected abstract _read(prop: string, target: never): unknown;

  protected _get<T>(prop: string): T {
    if (!(prop in this._loaded)) throw notLoaded(this._type, prop);
    return this._loaded[prop] as T;
  }
  /** Queues a property write; like Office.js the proxy shows the new value at once. */
  protected _set(prop: string, value: unknown, apply: (target: never) => void): void {
    this._loaded[prop] = value;
    this._ctx.enqueue('set', `${this._type}.${prop}`, () => {
      const t = this._target();
      if (t !== null) apply(t as never);
    });
  }
  protected _call(method: string, apply: (target: never) => void): void {
    this._ctx.enqueue('call', `${this._type}.${method}`, () => {
      const t = this._target();
      if (t !== null) apply(t as never);
    });
  }

  load(arg?: unknown): this {
    const paths = loadPaths(arg);
    this._ctx.enqueue('load', `${this._type}.load`, () => this._loadNow(paths));
    return this;
  }

  _loadNow(paths: string[]): void {
    const t = this._target();
    this._isNull = t === null;
    const navs = this._navs();
    const mine: string[] = [];
    const nested = new Map<string, string[]>();
    for (const p of paths.length ? paths : this._props) {
      const [head, ...rest] = p.split('/');
      if (navs[head]) {
        const list = nested.get(head) ?? [];
        if (rest.length) list.push(rest.join('/'));
        nested.set(head, list);
      } else if (rest.length) {
        throw new DoubleError('InvalidArgument', `'${head}' is not a navigation property of ${this._type}.`, `${this._type}.load`);
      } else {
        mine.push(head);
      }
    }
    for (const p of mine) {
      if (!this._props.includes(p)) throw new DoubleError('InvalidArgument', `'${p}' is not a property of ${this._type}.`, `${this._type}.load`);
      this._loaded[p] = t === null ? null : this._read(p, t as never);
    }
    for (const [nav, sub] of nested) navs[nav]._loadNow(sub);
  }

  toJSON(): Record<string, unknown> {
    return { ...this._loaded };
  }
}

/** A proxy resolved by its creation op (getItem, getRange, add …). */
abstract class Resolved<T> extends Base {
  protected _t: T | null | undefined = undefined;
  _target(): T | null {
    if (this._t === undefined) throw new DoubleError('GeneralException', `${this._type} used before it was resolved.`, this._type);
    return this._t;
  }
  /** Queues the op that finds the object; `orNull` turns "not found" into a null object. */
  _resolveWith(member: string, find: () => T | null, orNull: boolean, notFound = 'ItemNotFound'): this {
    this._ctx.enqueue('get', member, () => {
      const found = find();
      if (found === null && !orNull) throw new DoubleError(notFound, `The requested resource doesn't exist.`, member);
      this._t = found;
      if (orNull) this._isNull = found === null;
    });
    return this;
  }
  _setResolved(t: T | null): this {
    this._t = t;
    return this;
  }
}

// ---------------------------------------------------------------- workbook

export class WorkbookProxy extends Base {
  protected readonly _props = ['name'] as const;
  readonly worksheets: WorksheetCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  constructor(ctx: Ctx) {
    super(ctx, 'Workbook');
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.names = new NamedItemCollectionProxy(ctx);
  }
  get name(): string {
    return this._get('name');
  }
  _target(): WorkbookState {
    return this._state;
  }
  protected override _navs(): Record<string, Base> {
    return { worksheets: this.worksheets, names: this.names };
  }
  protected _read(): unknown {
    return 'Book1.xlsx';
  }
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this._ctx)._resolveWith('Workbook.getSelectedRange', () => {
      const sel = this._state.selection;
      const sheet = sel && this._state.sheetById(sel.sheetId);
      return sheet && sel ? { sheet, rect: sel.rect } : null;
    }, false);
  }
  getActiveCell(): RangeProxy {
    return new RangeProxy(this._ctx)._resolveWith('Workbook.getActiveCell', () => {
      const sel = this._state.selection;
      const sheet = sel && this._state.sheetById(sel.sheetId);
      return sheet && sel ? { sheet, rect: { r0: sel.rect.r0, c0: sel.rect.c0, r1: sel.rect.r0, c1: sel.rect.c0 } } : null;
    }, false);
  }
}

export class ClientResult<T> {
  private _v: T | undefined;
  private _done = false;
  _set(v: T): void {
    this._v = v;
    this._done = true;
  }
  get value(): T {
    if (!this._done) throw notLoaded('ClientResult', 'value');
    return this._v as T;
  }
}

// ---------------------------------------------------------------- worksheets

export class WorksheetCollectionProxy extends Base {
  protected readonly _props = [] as const;
  private _items: WorksheetProxy[] | undefined;
  constructor(ctx: Ctx) {
    super(ctx, 'WorksheetCollection');
  }
  get items(): WorksheetProxy[] {
    if (!this._items) throw notLoaded(this._type, 'items');
    return this._items;
  }
  _target(): SheetState[] {
    return this._state.sheets;
  }
  protected _read(): unknown {
    return undefined;
  }
  override _loadNow(paths: string[]): void {
    const itemPaths = paths.map((p) => p.replace(/^items\/?/, '')).filter(Boolean);
    this._items = this._state.sheets.map((s) => new WorksheetProxy(this._ctx)._setResolved(s));
    for (const item of this._items) item._loadNow(itemPaths);
  }
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this._ctx)._resolveWith('WorksheetCollection.getItem', () => this._state.sheetByName(key) ?? this._state.sheetById(key) ?? null, false);
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this._ctx)._resolveWith('WorksheetCollection.getItemOrNullObject', () => this._state.sheetByName(key) ?? this._state.sheetById(key) ?? null, true);
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this._ctx)._resolveWith('WorksheetCollection.getActiveWorksheet', () => (this._state.activeSheetId ? this._state.sheetById(this._state.activeSheetId) ?? null : null), false);
  }
  add(name?: string): WorksheetProxy {
    return new WorksheetProxy(this._ctx)._resolveWith('WorksheetCollection.add', () => {
      const sheet = this._state.addSheet(name);
      this._ctx.engine.write({ kind: 'sheet', action: 'add', sheet: sheet.name });
      return sheet;
    }, false);
  }
  getCount(): ClientResult<number> {
    const r = new ClientResult<number>();
    this._ctx.enqueue('call', 'WorksheetCollection.getCount', () => r._set(this._state.sheets.length));
    return r;
  }
}

export class WorksheetProxy extends Resolved<SheetState> {
  protected readonly _props = ['name', 'id', 'position', 'visibility', 'tabColor'] as const;
  readonly pageLayout: PageLayoutProxy;
  readonly freezePanes: FreezePanesProxy;
  constructor(ctx: Ctx) {
    super(ctx, 'Worksheet');
    this.pageLayout = new PageLayoutProxy(ctx, this);
    this.freezePanes = new FreezePanesProxy(ctx, this);
  }
  override _target(): SheetState | null {
    const t = super._target();
    if (t && !this._state.sheets.includes(t)) throw new DoubleError('ItemNotFound', 'The worksheet was deleted.', 'Worksheet');
    return t;
  }
  protected override _navs(): Record<string, Base> {
    return { pageLayout: this.pageLayout, freezePanes: this.freezePanes };
  }
  protected _read(p: string, s: SheetState): unknown {
    switch (p) {
      case 'name':
        return s.name;
      case 'id':
        return s.id;
      case 'position':
        return this._state.sheets.indexOf(s);
      case 'visibility':
        return s.visibility;
      case 'tabColor':
        return s.tabColor;
    }
    return undefined;
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v, (s: SheetState) => {
      checkSheetName(v);
      const other = this._state.sheetByName(v);
      if (other && other !== s) throw new DoubleError('ItemAlreadyExists', `A sheet named "${v}" already exists.`, 'Worksheet.name');
      this._ctx.engine.write({ kind: 'sheet', action: 'rename', sheet: `${s.name}→${v}` });
      s.name = v;
    });
  }
  get id(): string {
    return this._get('id');
  }
  get position(): number {
    return this._get('position');
  }
  set position(v: number) {
    this._set('position', v, (s: SheetState) => {
      const list = this._state.sheets.filter((x) => x !== s);
      list.splice(Math.max(0, Math.min(v, list.length)), 0, s);
      this._state.sheets = list;
      this._ctx.engine.write({ kind: 'sheet', action: 'position', sheet: s.name });
    });
  }
  get visibility(): string {
    return this._get('visibility');
  }
  set visibility(v: string) {
    this._set('visibility', v, (s: SheetState) => {
      this._state.setVisibility(s, v);
      this._ctx.engine.write({ kind: 'sheet', action: 'visibility', sheet: s.name });
    });
  }
  get tabColor(): string {
    return this._get('tabColor');
  }
  set tabColor(v: string) {
    this._set('tabColor', v, (s: SheetState) => {
      s.tabColor = v;
      this._ctx.engine.write({ kind: 'sheet', action: 'tabColor', sheet: s.name });
    });
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this._ctx)._resolveWith('Worksheet.getRange', () => {
      const s = this._target();
      if (!s) return null;
      if (address === undefined || address === '') return { sheet: s, rect: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 } };
      const { sheet, local } = splitSheet(address);
      if (sheet !== undefined && sheet.toLowerCase() !== s.name.toLowerCase()) throw new DoubleError('InvalidArgument', `Address ${address} is not on sheet ${s.name}.`, 'Worksheet.getRange');
      const rect = parseLocal(local);
      if (!rect) throw new DoubleError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: ${address}`, 'Worksheet.getRange');
      return { sheet: s, rect };
    }, false);
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(this._ctx)._resolveWith('Worksheet.getRangeByIndexes', () => {
      const s = this._target();
      if (!s) return null;
      const rect = { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 };
      if (rowCount < 1 || columnCount < 1 || rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLS) {
        throw new DoubleError('InvalidArgument', 'Range indexes out of bounds.', 'Worksheet.getRangeByIndexes');
      }
      return { sheet: s, rect };
    }, false);
  }
  getCell(row: number, column: number): RangeProxy {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this._ctx)._resolveWith('Worksheet.getUsedRange', () => {
      const s = this._target();
      if (!s) return null;
      // Excel answers A1 for a blank sheet.
      return { sheet: s, rect: s.usedRect(!!valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
    }, false);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this._ctx)._resolveWith('Worksheet.getUsedRangeOrNullObject', () => {
      const s = this._target();
      const rect = s?.usedRect(!!valuesOnly);
      return s && rect ? { sheet: s, rect } : null;
    }, true);
  }
  activate(): void {
    this._call('activate', (s: SheetState) => {
      if (s.visibility !== 'Visible') throw new DoubleError('InvalidOperation', 'Cannot activate a hidden sheet.', 'Worksheet.activate');
      this._state.activeSheetId = s.id;
      this._state.selection = { sheetId: s.id, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
      this._ctx.engine.view({ action: 'activate', sheet: s.name });
    });
  }
  delete(): void {
    this._call('delete', (s: SheetState) => {
      this._state.deleteSheet(s);
      this._ctx.engine.write({ kind: 'sheet', action: 'delete', sheet: s.name });
    });
  }
}

// ---------------------------------------------------------------- page layout

export class PageLayoutProxy extends Base {
  protected readonly _props = ['orientation', 'paperSize', 'zoom', 'centerHorizontally', 'printGridlines'] as const;
  constructor(ctx: Ctx, private readonly _sheet: WorksheetProxy) {
    super(ctx, 'PageLayout');
  }
  _target(): SheetState | null {
    return this._sheet._target();
  }
  protected _read(p: string, s: SheetState): unknown {
    const page = s.page as unknown as Record<string, unknown>;
    return p === 'zoom' ? { ...s.page.zoom } : page[p];
  }
  private _page(prop: string, v: unknown, check?: (v: unknown) => boolean): void {
    this._set(prop, v, (s: SheetState) => {
      if (check && !check(v)) throw new DoubleError('InvalidArgument', `Bad value for PageLayout.${prop}`, `PageLayout.${prop}`);
      (s.page as unknown as Record<string, unknown>)[prop] = v;
      this._ctx.engine.write({ kind: 'sheet', action: `pageLayout.${prop}`, sheet: s.name });
    });
  }
  get orientation(): string {
    return this._get('orientation');
  }
  set orientation(v: string) {
    this._page('orientation', v, (x) => x === 'Portrait' || x === 'Landscape');
  }
  get paperSize(): string {
    return this._get('paperSize');
  }
  set paperSize(v: string) {
    this._page('paperSize', v, (x) => typeof x === 'string' && /^[A-Z][A-Za-z0-9]*$/.test(x));
  }
  get zoom(): PageState['zoom'] {
    return this._get('zoom');
  }
  set zoom(v: PageState['zoom']) {
    this._page('zoom', { ...v }, (x) => {
      const z = x as PageState['zoom'];
      if (z.scale != null) return z.scale >= 10 && z.scale <= 400 && z.horizontalFitToPages == null && z.verticalFitToPages == null;
      return z.horizontalFitToPages != null || z.verticalFitToPages != null;
    });
  }
  get centerHorizontally(): boolean {
    return this._get('centerHorizontally');
  }
  set centerHorizontally(v: boolean) {
    this._page('centerHorizontally', v);
  }
  get printGridlines(): boolean {
    return this._get('printGridlines');
  }
  set printGridlines(v: boolean) {
    this._page('printGridlines', v);
  }
  private _titles(kind: 'printTitleRows' | 'printTitleColumns', ref: string | RangeProxy): void {
    this._call(kind === 'printTitleRows' ? 'setPrintTitleRows' : 'setPrintTitleColumns', (s: SheetState) => {
      let rect: Rect | null;
      if (typeof ref === 'string') {
        const { sheet, local } = splitSheet(ref);
        if (sheet !== undefined && sheet.toLowerCase() !== s.name.toLowerCase()) rect = null;
        else rect = parseLocal(local);
      } else {
        const t = ref._target();
        rect = t && t.sheet === s ? t.rect : null;
      }
      if (!rect) throw new DoubleError('InvalidArgument', `Bad print titles ${String(ref)}`, `PageLayout.${kind}`);
      const full = kind === 'printTitleRows' ? { ...rect, c0: 0, c1: MAX_COLS - 1 } : { ...rect, r0: 0, r1: MAX_ROWS - 1 };
      s.page[kind] = localAddress(full, true);
      this._ctx.engine.write({ kind: 'sheet', action: `pageLayout.${kind}`, sheet: s.name });
    });
  }
  setPrintTitleRows(ref: string | RangeProxy): void {
    this._titles('printTitleRows', ref);
  }
  setPrintTitleColumns(ref: string | RangeProxy): void {
    this._titles('printTitleColumns', ref);
  }
  setPrintArea(ref: string): void {
    this._call('setPrintArea', (s: SheetState) => {
      const rect = parseLocal(splitSheet(ref).local);
      if (!rect) throw new DoubleError('InvalidArgument', `Bad print area ${ref}`, 'PageLayout.setPrintArea');
      s.page.printArea = localAddress(rect, true);
      this._ctx.engine.write({ kind: 'sheet', action: 'pageLayout.printArea', sheet: s.name });
    });
  }
  setPrintMargins(unit: string, m: Partial<PageState['margins']>): void {
    this._call('setPrintMargins', (s: SheetState) => {
      const k = unit === 'Points' ? 1 : unit === 'Inches' ? 72 : unit === 'Centimeters' ? 72 / 2.54 : NaN;
      if (Number.isNaN(k)) throw new DoubleError('InvalidArgument', `Bad margin unit ${unit}`, 'PageLayout.setPrintMargins');
      for (const [side, v] of Object.entries(m)) {
        if (typeof v !== 'number' || v < 0) throw new DoubleError('InvalidArgument', `Bad margin ${side}`, 'PageLayout.setPrintMargins');
        (s.page.margins as Record<string, number>)[side] = Math.round(v * k * 100) / 100;
      }
      this._ctx.engine.write({ kind: 'sheet', action: 'pageLayout.margins', sheet: s.name });
    });
  }
  get headersFooters(): HeaderFooterGroupProxy {
    return new HeaderFooterGroupProxy(this._ctx, this);
  }
  getPrintTitleRowsOrNullObject(): RangeProxy {
    return new RangeProxy(this._ctx)._resolveWith('PageLayout.getPrintTitleRowsOrNullObject', () => {
      const s = this._target();
      const rect = s?.page.printTitleRows ? parseLocal(s.page.printTitleRows) : null;
      return s && rect ? { sheet: s, rect } : null;
    }, true);
  }
}

type PageState = SheetState['page'];

export class HeaderFooterGroupProxy extends Base {
  protected readonly _props = [] as const;
  readonly defaultForAllPages: HeaderFooterProxy;
  constructor(ctx: Ctx, private readonly _layout: PageLayoutProxy) {
    super(ctx, 'HeaderFooterGroup');
    this.defaultForAllPages = new HeaderFooterProxy(ctx, _layout);
  }
  _target(): SheetState | null {
    return this._layout._target();
  }
  protected override _navs(): Record<string, Base> {
    return { defaultForAllPages: this.defaultForAllPages };
  }
  protected _read(): unknown {
    return undefined;
  }
}

const HF_PROPS = ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'] as const;

/** `defaultForAllPages` only; texts use Excel's codes (`&P` page, `&N` pages). */
export class HeaderFooterProxy extends Base {
  protected readonly _props = HF_PROPS;
  constructor(ctx: Ctx, private readonly _layout: PageLayoutProxy) {
    super(ctx, 'HeaderFooter');
    for (const p of HF_PROPS) {
      Object.defineProperty(this, p, {
        get: () => this._get(p),
        set: (v: string) =>
          this._set(p, v, (s: SheetState) => {
            if (v) s.page.headerFooter[p] = v;
            else delete s.page.headerFooter[p];
            this._ctx.engine.write({ kind: 'sheet', action: `pageLayout.${p}`, sheet: s.name });
          }),
      });
    }
  }
  _target(): SheetState | null {
    return this._layout._target();
  }
  protected _read(p: string, s: SheetState): unknown {
    return s.page.headerFooter[p] ?? '';
  }
}

export class FreezePanesProxy extends Base {
  protected readonly _props = [] as const;
  constructor(ctx: Ctx, private readonly _sheet: WorksheetProxy) {
    super(ctx, 'WorksheetFreezePanes');
  }
  _target(): SheetState | null {
    return this._sheet._target();
  }
  protected _read(): unknown {
    return undefined;
  }
  freezeRows(count = 1): void {
    this._call('freezeRows', (s: SheetState) => {
      s.freezeRows = count;
      s.freezeCols = 0;
      this._ctx.engine.write({ kind: 'sheet', action: 'freeze', sheet: s.name });
    });
  }
  freezeColumns(count = 1): void {
    this._call('freezeColumns', (s: SheetState) => {
      s.freezeCols = count;
      s.freezeRows = 0;
      this._ctx.engine.write({ kind: 'sheet', action: 'freeze', sheet: s.name });
    });
  }
  unfreeze(): void {
    this._call('unfreeze', (s: SheetState) => {
      s.freezeRows = 0;
      s.freezeCols = 0;
      this._ctx.engine.write({ kind: 'sheet', action: 'freeze', sheet: s.name });
    });
  }
}

// ---------------------------------------------------------------- ranges

export interface RangeTarget {
  sheet: SheetState;
  rect: Rect;
}

const RANGE_PROPS = ['address', 'addressLocal', 'values', 'formulas', 'numberFormat', 'text', 'valueTypes', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'cellCount'] as const;
const GRID_PROPS = new Set(['values', 'formulas', 'numberFormat', 'text', 'valueTypes']);

export class RangeProxy extends Resolved<RangeTarget> {
  protected readonly _props = RANGE_PROPS;
  readonly format: RangeFormatProxy;
  readonly dataValidation: DataValidationProxy;
  constructor(ctx: Ctx) {
    super(ctx, 'Range');
    this.format = new RangeFormatProxy(ctx, this);
    this.dataValidation = new DataValidationProxy(ctx, this);
  }
  get worksheet(): WorksheetProxy {
    const ws = new WorksheetProxy(this._ctx);
    return ws._resolveWith('Range.worksheet', () => this._target()?.sheet ?? null, false);
  }
  protected override _navs(): Record<string, Base> {
    return { format: this.format, dataValidation: this.dataValidation };
  }
  protected _read(p: string, t: RangeTarget): unknown {
    const { sheet, rect } = t;
    if (GRID_PROPS.has(p) && rows(rect) * cols(rect) > this._ctx.engine.payloadCellLimit) {
      throw new DoubleError('ResponsePayloadSizeLimitExceeded', `Reading ${p} of ${localAddress(rect)} exceeds the response payload limit.`, `Range.${p}`);
    }
    const grid = (f: (r: number, c: number) => unknown) =>
      Array.from({ length: rows(rect) }, (_, i) => Array.from({ length: cols(rect) }, (_, j) => f(rect.r0 + i, rect.c0 + j)));
    switch (p) {
      case 'address':
      case 'addressLocal':
        return qualified(sheet.name, rect);
      case 'values':
        return grid((r, c) => sheet.get(r, c)?.value ?? '');
      case 'formulas':
        return grid((r, c) => {
          const cell = sheet.get(r, c);
          return cell?.formula ?? cell?.value ?? '';
        });
      case 'numberFormat':
        return grid((r, c) => sheet.get(r, c)?.nf ?? 'General');
      case 'text':
        return grid((r, c) => {
          const cell = sheet.get(r, c);
          return cell ? displayText(cell.value, cell.nf ?? 'General') : '';
        });
      case 'valueTypes':
        return grid((r, c) => {
          const v = sheet.get(r, c)?.value ?? '';
          return v === '' ? 'Empty' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
        });
      case 'rowIndex':
        return rect.r0;
      case 'columnIndex':
        return rect.c0;
      case 'rowCount':
        return rows(rect);
      case 'columnCount':
        return cols(rect);
      case 'cellCount':
        return rows(rect) * cols(rect);
    }
    return undefined;
  }
  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get text(): string[][] {
    return this._get('text');
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }
  get values(): unknown[][] {
    return this._get('values');
  }
  set values(v: unknown[][]) {
    this._set('values', v, (t: RangeTarget) => this._writeGrid(t, v, 'values'));
  }
  get formulas(): unknown[][] {
    return this._get('formulas');
  }
  set formulas(v: unknown[][]) {
    this._set('formulas', v, (t: RangeTarget) => this._writeGrid(t, v, 'formulas'));
  }
  get numberFormat(): unknown[][] {
    return this._get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this._set('numberFormat', v, (t: RangeTarget) => {
      checkShape(t.rect, v, 'numberFormat');
      forGrid(t.rect, v, (r, c, x) => {
        if (x === null || x === undefined) return;
        if (typeof x !== 'string') throw new DoubleError('InvalidArgument', 'numberFormat must be text.', 'Range.numberFormat');
        t.sheet.cell(r, c).nf = x === '' ? 'General' : x;
        t.sheet.tidy(r, c);
      });
      this._ctx.engine.write({ kind: 'cells', action: 'numberFormat', sheet: t.sheet.name, address: localAddress(t.rect) });
    });
  }

  private _writeGrid(t: RangeTarget, v: unknown[][], what: 'values' | 'formulas'): void {
    checkShape(t.rect, v, what);
    forGrid(t.rect, v, (r, c, x) => {
      // null leaves the cell as it is (Office.js semantics).
      if (x === null || x === undefined) return;
      if (typeof x === 'number' && !Number.isFinite(x)) throw new DoubleError('InvalidArgument', 'Numbers must be finite.', `Range.${what}`);
      if (typeof x !== 'number' && typeof x !== 'string' && typeof x !== 'boolean') throw new DoubleError('InvalidArgument', 'Unsupported cell value.', `Range.${what}`);
      const cell = t.sheet.cell(r, c);
      const parsed = parseInput(x as Scalar, cell.nf ?? 'General');
      cell.value = parsed.value;
      if (parsed.formula !== undefined) cell.formula = parsed.formula;
      else delete cell.formula;
      if (parsed.autoFormat && (cell.nf === undefined || cell.nf === 'General')) cell.nf = parsed.autoFormat;
      t.sheet.tidy(r, c);
    });
    this._ctx.engine.write({ kind: 'cells', action: what, sheet: t.sheet.name, address: localAddress(t.rect) });
  }

  private _derived(member: string, f: (t: RangeTarget) => Rect | null, orNull = false): RangeProxy {
    return new RangeProxy(this._ctx)._resolveWith(`Range.${member}`, () => {
      const t = this._target();
      if (!t) return null;
      const rect = f(t);
      if (rect && (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLS || rect.r1 < rect.r0 || rect.c1 < rect.c0)) {
        throw new DoubleError('InvalidArgument', 'The resulting range is outside the sheet.', `Range.${member}`);
      }
      return rect ? { sheet: t.sheet, rect } : null;
    }, orNull);
  }
  getCell(row: number, column: number): RangeProxy {
    return this._derived('getCell', ({ rect }) => ({ r0: rect.r0 + row, c0: rect.c0 + column, r1: rect.r0 + row, c1: rect.c0 + column }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this._derived('getResizedRange', ({ rect }) => ({ ...rect, r1: rect.r1 + deltaRows, c1: rect.c1 + deltaColumns }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this._derived('getOffsetRange', ({ rect }) => ({ r0: rect.r0 + rowOffset, c0: rect.c0 + columnOffset, r1: rect.r1 + rowOffset, c1: rect.c1 + columnOffset }));
  }
  getRow(row: number): RangeProxy {
    return this._derived('getRow', ({ rect }) => ({ ...rect, r0: rect.r0 + row, r1: rect.r0 + row }));
  }
  getColumn(column: number): RangeProxy {
    return this._derived('getColumn', ({ rect }) => ({ ...rect, c0: rect.c0 + column, c1: rect.c0 + column }));
  }
  getLastRow(): RangeProxy {
    return this._derived('getLastRow', ({ rect }) => ({ ...rect, r0: rect.r1 }));
  }
  getEntireRow(): RangeProxy {
    return this._derived('getEntireRow', ({ rect }) => ({ ...rect, c0: 0, c1: MAX_COLS - 1 }));
  }
  getEntireColumn(): RangeProxy {
    return this._derived('getEntireColumn', ({ rect }) => ({ ...rect, r0: 0, r1: MAX_ROWS - 1 }));
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this._derived('getUsedRange', ({ sheet, rect }) => clip(sheet.usedRect(!!valuesOnly), rect) ?? { r0: rect.r0, c0: rect.c0, r1: rect.r0, c1: rect.c0 });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return this._derived('getUsedRangeOrNullObject', ({ sheet, rect }) => clip(sheet.usedRect(!!valuesOnly), rect), true);
  }
  merge(across = false): void {
    this._call('merge', (t: RangeTarget) => {
      this._state.merge(t.sheet, t.rect, across);
      this._ctx.engine.write({ kind: 'cells', action: 'merge', sheet: t.sheet.name, address: localAddress(t.rect) });
    });
  }
  unmerge(): void {
    this._call('unmerge', (t: RangeTarget) => {
      t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, t.rect));
      this._ctx.engine.write({ kind: 'cells', action: 'unmerge', sheet: t.sheet.name, address: localAddress(t.rect) });
    });
  }
  insert(shift: string): RangeProxy {
    const inserted = new RangeProxy(this._ctx);
    this._ctx.enqueue('call', 'Range.insert', () => {
      const t = this._target();
      if (!t) return;
      if (shift !== 'Down' && shift !== 'Right') throw new DoubleError('InvalidArgument', `Unsupported shift ${shift}`, 'Range.insert');
      this._state.insertCells(t.sheet, t.rect, shift);
      this._ctx.engine.write({ kind: 'cells', action: `insert${shift}`, sheet: t.sheet.name, address: localAddress(t.rect) });
    });
    return inserted._resolveWith('Range.insert', () => this._target(), false);
  }
  clear(applyTo: string = 'All'): void {
    this._call('clear', (t: RangeTarget) => {
      const { sheet, rect } = t;
      for (const [r, c, cell] of [...sheet.cellsIn(rect)]) {
        if (applyTo === 'All' || applyTo === 'Contents') {
          cell.value = '';
          delete cell.formula;
        }
        if (applyTo === 'All' || applyTo === 'Formats') {
          delete cell.nf;
          delete cell.fmt;
        }
        sheet.tidy(r, c);
      }
      if (applyTo === 'All' || applyTo === 'Formats') sheet.merges = sheet.merges.filter((m) => !contains(rect, m));
      this._ctx.engine.write({ kind: 'cells', action: `clear${applyTo}`, sheet: sheet.name, address: localAddress(rect) });
    });
  }
  select(): void {
    this._call('select', (t: RangeTarget) => {
      if (t.sheet.visibility !== 'Visible') throw new DoubleError('InvalidOperation', 'Cannot select on a hidden sheet.', 'Range.select');
      this._state.activeSheetId = t.sheet.id;
      this._state.selection = { sheetId: t.sheet.id, rect: t.rect };
      this._ctx.engine.view({ action: 'select', sheet: t.sheet.name, address: localAddress(t.rect) });
    });
  }
}

function clip(used: Rect | null, rect: Rect): Rect | null {
  if (!used || !intersects(used, rect)) return null;
  return { r0: Math.max(used.r0, rect.r0), c0: Math.max(used.c0, rect.c0), r1: Math.min(used.r1, rect.r1), c1: Math.min(used.c1, rect.c1) };
}

function checkShape(rect: Rect, v: unknown, what: string): void {
  const ok = Array.isArray(v) && v.length === rows(rect) && v.every((row) => Array.isArray(row) && row.length === cols(rect));
  if (!ok) {
    throw new DoubleError(
      'InvalidArgument',
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}, ${rows(rect)}×${cols(rect)}).`,
      `Range.${what}`,
    );
  }
}

function forGrid(rect: Rect, v: unknown[][], f: (r: number, c: number, x: unknown) => void): void {
  for (let i = 0; i < v.length; i++) for (let j = 0; j < v[i].length; j++) f(rect.r0 + i, rect.c0 + j, v[i][j]);
}

// ---------------------------------------------------------------- data validation

/**
 * Range.dataValidation (ExcelApi 1.8): rule, errorAlert, ignoreBlanks, type; clear().
 * Setting `rule` replaces the validation of every cell of the range and resets its alert
 * to Excel's default (Stop), so set `errorAlert` after the rule.
 */
export class DataValidationProxy extends Base {
  protected readonly _props = ['rule', 'errorAlert', 'ignoreBlanks', 'type'] as const;
  constructor(ctx: Ctx, private readonly _range: RangeProxy) {
    super(ctx, 'DataValidation');
  }
  _target(): RangeTarget | null {
    return this._range._target();
  }
  protected _read(p: string, t: RangeTarget): unknown {
    return readValidation(t.sheet.validations, t.rect, p);
  }
  private _journal(t: RangeTarget, what: string): void {
    this._ctx.engine.write({ kind: 'cells', action: `dataValidation.${what}`, sheet: t.sheet.name, address: localAddress(t.rect) });
  }
  get type(): string {
    return this._get('type');
  }
  get rule(): Record<string, unknown> {
    return this._get('rule');
  }
  set rule(v: Record<string, unknown>) {
    this._set('rule', v, (t: RangeTarget) => {
      t.sheet.validations = setRule(t.sheet.validations, t.rect, checkRule(v));
      this._journal(t, 'rule');
    });
  }
  get errorAlert(): Record<string, unknown> {
    return this._get('errorAlert');
  }
  set errorAlert(v: Record<string, unknown>) {
    this._set('errorAlert', v, (t: RangeTarget) => {
      checkAlert(v, DEFAULT_ALERT);
      t.sheet.validations = setOnRegions(t.sheet.validations, t.rect, (r) => ({ ...r, errorAlert: checkAlert(v, r.errorAlert) }));
      this._journal(t, 'errorAlert');
    });
  }
  get ignoreBlanks(): boolean {
    return this._get('ignoreBlanks');
  }
  set ignoreBlanks(v: boolean) {
    this._set('ignoreBlanks', v, (t: RangeTarget) => {
      if (typeof v !== 'boolean') throw new DoubleError('InvalidArgument', 'ignoreBlanks must be a boolean.', 'DataValidation.ignoreBlanks');
      t.sheet.validations = setOnRegions(t.sheet.validations, t.rect, (r) => ({ ...r, ignoreBlanks: v }));
      this._journal(t, 'ignoreBlanks');
    });
  }
  clear(): void {
    this._call('clear', (t: RangeTarget) => {
      t.sheet.validations = clearRegions(t.sheet.validations, t.rect);
      this._journal(t, 'clear');
    });
  }
}

// ---------------------------------------------------------------- formats

type FmtKey = Exclude<keyof CellFormat, 'borders'>;

const FORMAT_DEFAULTS: Record<FmtKey, unknown> = {
  bold: false,
  italic: false,
  fontName: 'Calibri',
  fontSize: 11,
  fontColor: '#000000',
  fill: '#FFFFFF',
  hAlign: 'General',
  vAlign: 'Bottom',
  wrap: false,
};

/** Reads a per-cell format over a range: the common value, or null when cells differ (as Excel). */
function readUniform(t: RangeTarget, key: FmtKey): unknown {
  const { sheet, rect } = t;
  const area = rows(rect) * cols(rect);
  let seen = 0;
  let common: unknown = undefined;
  for (const [, , cell] of sheet.cellsIn(rect)) {
    const v = cell.fmt?.[key] ?? FORMAT_DEFAULTS[key];
    seen++;
    if (common === undefined) common = v;
    else if (common !== v) return null;
  }
  if (seen < area) {
    if (common === undefined) return FORMAT_DEFAULTS[key];
    if (common !== FORMAT_DEFAULTS[key]) return null;
  }
  return common;
}

function writeFormat(ctx: Ctx, t: RangeTarget, what: string, f: (fmt: CellFormat) => void): void {
  const { sheet, rect } = t;
  const area = rows(rect) * cols(rect);
  if (area > 2_000_000) throw new DoubleError('InvalidArgument', 'The double does not format whole rows/columns cell by cell.', `RangeFormat.${what}`);
  for (let r = rect.r0; r <= rect.r1; r++) {
    for (let c = rect.c0; c <= rect.c1; c++) {
      const cell = sheet.cell(r, c);
      cell.fmt = cell.fmt ?? {};
      f(cell.fmt);
      sheet.tidy(r, c);
    }
  }
  ctx.engine.write({ kind: 'cells', action: `format.${what}`, sheet: sheet.name, address: localAddress(rect) });
}

export class RangeFormatProxy extends Base {
  protected readonly _props = ['columnWidth', 'rowHeight', 'horizontalAlignment', 'verticalAlignment', 'wrapText'] as const;
  readonly font: RangeFontProxy;
  readonly fill: RangeFillProxy;
  readonly borders: RangeBorderCollectionProxy;
  constructor(ctx: Ctx, private readonly _range: RangeProxy) {
    super(ctx, 'RangeFormat');
    this.font = new RangeFontProxy(ctx, _range);
    this.fill = new RangeFillProxy(ctx, _range);
    this.borders = new RangeBorderCollectionProxy(ctx, _range);
  }
  _target(): RangeTarget | null {
    return this._range._target();
  }
  protected override _navs(): Record<string, Base> {
    return { font: this.font, fill: this.fill, borders: this.borders };
  }
  protected _read(p: string, t: RangeTarget): unknown {
    const { sheet, rect } = t;
    const sizeOf = (m: Map<number, number>, lo: number, hi: number, dflt: number) => {
      const first = m.get(lo) ?? dflt;
      for (let i = lo + 1; i <= hi; i++) if ((m.get(i) ?? dflt) !== first) return null;
      return first;
    };
    switch (p) {
      case 'columnWidth':
        return sizeOf(sheet.colWidths, rect.c0, rect.c1, 48);
      case 'rowHeight':
        return sizeOf(sheet.rowHeights, rect.r0, Math.min(rect.r1, rect.r0 + 100000), 15);
      case 'horizontalAlignment':
        return readUniform(t, 'hAlign');
      case 'verticalAlignment':
        return readUniform(t, 'vAlign');
      case 'wrapText':
        return readUniform(t, 'wrap');
    }
    return undefined;
  }
  get columnWidth(): number {
    return this._get('columnWidth');
  }
  set columnWidth(v: number) {
    this._set('columnWidth', v, (t: RangeTarget) => {
      if (!(v >= 0 && v <= 255 * 8)) throw new DoubleError('InvalidArgument', 'Column width out of range.', 'RangeFormat.columnWidth');
      for (let c = t.rect.c0; c <= t.rect.c1; c++) t.sheet.colWidths.set(c, v);
      this._ctx.engine.write({ kind: 'sheet', action: 'columnWidth', sheet: t.sheet.name, address: localAddress(t.rect) });
    });
  }
  get rowHeight(): number {
    return this._get('rowHeight');
  }
  set rowHeight(v: number) {
    this._set('rowHeight', v, (t: RangeTarget) => {
      if (!(v >= 0 && v <= 409)) throw new DoubleError('InvalidArgument', 'Row height must be between 0 and 409 points.', 'RangeFormat.rowHeight');
      for (let r = t.rect.r0; r <= t.rect.r1; r++) t.sheet.rowHeights.set(r, v);
      this._ctx.engine.write({ kind: 'sheet', action: 'rowHeight', sheet: t.sheet.name, address: localAddress(t.rect) });
    });
  }
  get horizontalAlignment(): string {
    return this._get('horizontalAlignment');
  }
  set horizontalAlignment(v: string) {
    this._set('horizontalAlignment', v, (t: RangeTarget) => writeFormat(this._ctx, t, 'horizontalAlignment', (f) => (f.hAlign = v)));
  }
  get verticalAlignment(): string {
    return this._get('verticalAlignment');
  }
  set verticalAlignment(v: string) {
    this._set('verticalAlignment', v, (t: RangeTarget) => writeFormat(this._ctx, t, 'verticalAlignment', (f) => (f.vAlign = v)));
  }
  get wrapText(): boolean {
    return this._get('wrapText');
  }
  set wrapText(v: boolean) {
    this._set('wrapText', v, (t: RangeTarget) => writeFormat(this._ctx, t, 'wrapText', (f) => (f.wrap = v)));
  }
  autofitColumns(): void {
    this._call('autofitColumns', (t: RangeTarget) => this._ctx.engine.write({ kind: 'sheet', action: 'autofitColumns', sheet: t.sheet.name, address: localAddress(t.rect) }));
  }
  autofitRows(): void {
    this._call('autofitRows', (t: RangeTarget) => this._ctx.engine.write({ kind: 'sheet', action: 'autofitRows', sheet: t.sheet.name, address: localAddress(t.rect) }));
  }
}

export class RangeFontProxy extends Base {
  protected readonly _props = ['bold', 'italic', 'color', 'name', 'size'] as const;
  private static readonly KEYS: Record<string, FmtKey> = { bold: 'bold', italic: 'italic', color: 'fontColor', name: 'fontName', size: 'fontSize' };
  constructor(ctx: Ctx, private readonly _range: RangeProxy) {
    super(ctx, 'RangeFont');
  }
  _target(): RangeTarget | null {
    return this._range._target();
  }
  protected _read(p: string, t: RangeTarget): unknown {
    return readUniform(t, RangeFontProxy.KEYS[p]);
  }
  private _font(prop: string, v: unknown): void {
    const key = RangeFontProxy.KEYS[prop];
    this._set(prop, v, (t: RangeTarget) => writeFormat(this._ctx, t, `font.${prop}`, (f) => ((f as Record<string, unknown>)[key] = v)));
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._font('bold', v);
  }
  get italic(): boolean {
    return this._get('italic');
  }
  set italic(v: boolean) {
    this._font('italic', v);
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._font('color', v);
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._font('name', v);
  }
  get size(): number {
    return this._get('size');
  }
  set size(v: number) {
    this._font('size', v);
  }
}

export class RangeFillProxy extends Base {
  protected readonly _props = ['color'] as const;
  constructor(ctx: Ctx, private readonly _range: RangeProxy) {
    super(ctx, 'RangeFill');
  }
  _target(): RangeTarget | null {
    return this._range._target();
  }
  protected _read(_p: string, t: RangeTarget): unknown {
    return readUniform(t, 'fill');
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v, (t: RangeTarget) => writeFormat(this._ctx, t, 'fill.color', (f) => (f.fill = v)));
  }
  clear(): void {
    this._call('clear', (t: RangeTarget) => writeFormat(this._ctx, t, 'fill.clear', (f) => delete f.fill));
  }
}

const BORDER_INDEX = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical', 'DiagonalDown', 'DiagonalUp'] as const;

export class RangeBorderCollectionProxy extends Base {
  protected readonly _props = [] as const;
  constructor(ctx: Ctx, private readonly _range: RangeProxy) {
    super(ctx, 'RangeBorderCollection');
  }
  _target(): RangeTarget | null {
    return this._range._target();
  }
  protected _read(): unknown {
    return undefined;
  }
  getItem(index: string): RangeBorderProxy {
    if (!(BORDER_INDEX as readonly string[]).includes(index)) throw new DoubleError('InvalidArgument', `Bad border index ${index}`, 'RangeBorderCollection.getItem');
    return new RangeBorderProxy(this._ctx, this._range, index);
  }
}

/** The cell edges a border index stands for: [edge of a cell, predicate on (r, c)]. */
export function edgesOf(index: string, rect: Rect): [Edge, (r: number, c: number) => boolean][] {
  switch (index) {
    case 'EdgeTop':
      return [['top', (r) => r === rect.r0]];
    case 'EdgeBottom':
      return [['bottom', (r) => r === rect.r1]];
    case 'EdgeLeft':
      return [['left', (_r, c) => c === rect.c0]];
    case 'EdgeRight':
      return [['right', (_r, c) => c === rect.c1]];
    case 'InsideHorizontal':
      return [['bottom', (r) => r < rect.r1], ['top', (r) => r > rect.r0]];
    case 'InsideVertical':
      return [['right', (_r, c) => c < rect.c1], ['left', (_r, c) => c > rect.c0]];
  }
  return [];
}

export class RangeBorderProxy extends Base {
  protected readonly _props = ['style', 'color', 'weight', 'sideIndex'] as const;
  constructor(ctx: Ctx, private readonly _range: RangeProxy, private readonly _index: string) {
    super(ctx, 'RangeBorder');
  }
  _target(): RangeTarget | null {
    return this._range._target();
  }
  protected _read(p: string, t: RangeTarget): unknown {
    if (p === 'sideIndex') return this._index;
    const edges = edgesOf(this._index, t.rect);
    let common: unknown = undefined;
    for (let r = t.rect.r0; r <= t.rect.r1; r++) {
      for (let c = t.rect.c0; c <= t.rect.c1; c++) {
        for (const [edge, applies] of edges) {
          if (!applies(r, c)) continue;
          const b = t.sheet.get(r, c)?.fmt?.borders?.[edge];
          const v = p === 'style' ? b?.style ?? 'None' : p === 'color' ? b?.color ?? '#000000' : b?.weight ?? 'Thin';
          if (common === undefined) common = v;
          else if (common !== v) return null;
        }
      }
    }
    return common ?? (p === 'style' ? 'None' : null);
  }
  private _border(prop: 'style' | 'color' | 'weight', v: string): void {
    this._set(prop, v, (t: RangeTarget) => {
      const edges = edgesOf(this._index, t.rect);
      writeFormat(this._ctx, t, `borders.${this._index}.${prop}`, () => undefined);
      for (let r = t.rect.r0; r <= t.rect.r1; r++) {
        for (let c = t.rect.c0; c <= t.rect.c1; c++) {
          for (const [edge, applies] of edges) {
            if (!applies(r, c)) continue;
            const cell = t.sheet.cell(r, c);
            const fmt = (cell.fmt = cell.fmt ?? {});
            const borders = (fmt.borders = fmt.borders ?? {});
            if (prop === 'style' && v === 'None') delete borders[edge];
            else borders[edge] = { ...(borders[edge] ?? { style: 'Continuous' }), [prop]: v };
            t.sheet.tidy(r, c);
          }
        }
      }
    });
  }
  get style(): string {
    return this._get('style');
  }
  set style(v: string) {
    this._border('style', v);
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._border('color', v);
  }
  get weight(): string {
    return this._get('weight');
  }
  set weight(v: string) {
    this._border('weight', v);
  }
}

// ---------------------------------------------------------------- names

/** Parses a name's reference (`=Sheet1!$A$1:$B$2`, `'My Sheet'!A1`) against the workbook. */
export function parseReference(state: WorkbookState, ref: string, where: string): Pick<NameState, 'ref' | 'formula'> {
  const body = ref.trim().replace(/^=/, '');
  const { sheet, local } = splitSheet(body);
  if (sheet !== undefined) {
    const s = state.sheetByName(sheet);
    const rect = parseLocal(local);
    if (!s || !rect) throw new DoubleError('InvalidArgument', `Invalid reference ${ref}`, where);
    return { ref: { sheetId: s.id, rect } };
  }
  if (/^-?\d+(\.\d+)?$/.test(body) || /^".*"$/.test(body) || /^(TRUE|FALSE)$/i.test(body) || body === '#REF!') return { formula: '=' + body };
  throw new DoubleError('InvalidArgument', `The double only knows range and constant names: ${ref}`, where);
}

export class NamedItemCollectionProxy extends Base {
  protected readonly _props = [] as const;
  private _items: NamedItemProxy[] | undefined;
  constructor(ctx: Ctx) {
    super(ctx, 'NamedItemCollection');
  }
  get items(): NamedItemProxy[] {
    if (!this._items) throw notLoaded(this._type, 'items');
    return this._items;
  }
  _target(): NameState[] {
    return this._state.names;
  }
  protected _read(): unknown {
    return undefined;
  }
  override _loadNow(paths: string[]): void {
    const itemPaths = paths.map((p) => p.replace(/^items\/?/, '')).filter(Boolean);
    this._items = this._state.names.map((n) => new NamedItemProxy(this._ctx)._setResolved(n));
    for (const item of this._items) item._loadNow(itemPaths);
  }
  add(name: string, reference: RangeProxy | string, comment?: string): NamedItemProxy {
    return new NamedItemProxy(this._ctx)._resolveWith('NamedItemCollection.add', () => {
      checkDefinedName(name);
      if (this._state.nameByName(name)) throw new DoubleError('ItemAlreadyExists', `The name ${name} already exists.`, 'NamedItemCollection.add');
      let target: Pick<NameState, 'ref' | 'formula'>;
      if (typeof reference === 'string') target = parseReference(this._state, reference, 'NamedItemCollection.add');
      else {
        const t = reference._target();
        if (!t) throw new DoubleError('InvalidArgument', 'Reference is a null object.', 'NamedItemCollection.add');
        target = { ref: { sheetId: t.sheet.id, rect: t.rect } };
      }
      const n: NameState = { name, ...target, comment: comment ?? '', visible: true };
      this._state.names.push(n);
      this._ctx.engine.write({ kind: 'name', action: 'add', name });
      return n;
    }, false);
  }
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this._ctx)._resolveWith('NamedItemCollection.getItem', () => this._state.nameByName(name) ?? null, false);
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this._ctx)._resolveWith('NamedItemCollection.getItemOrNullObject', () => this._state.nameByName(name) ?? null, true);
  }
  getCount(): ClientResult<number> {
    const r = new ClientResult<number>();
    this._ctx.enqueue('call', 'NamedItemCollection.getCount', () => r._set(this._state.names.length));
    return r;
  }
}

export class NamedItemProxy extends Resolved<NameState> {
  protected readonly _props = ['name', 'formula', 'type', 'value', 'visible', 'comment', 'scope'] as const;
  constructor(ctx: Ctx) {
    super(ctx, 'NamedItem');
  }
  override _target(): NameState | null {
    const t = super._target();
    if (t && !this._state.names.includes(t)) throw new DoubleError('ItemNotFound', 'The name was deleted.', 'NamedItem');
    return t;
  }
  protected _read(p: string, n: NameState): unknown {
    const live = n.ref && this._state.sheetById(n.ref.sheetId);
    switch (p) {
      case 'name':
        return n.name;
      case 'formula':
        return this._state.nameFormula(n);
      case 'type':
        if (live) return 'Range';
        if (!n.formula || n.formula.includes('#REF!')) return 'Error';
        return /^=-?\d/.test(n.formula) ? 'Double' : /^="/.test(n.formula) ? 'String' : 'Boolean';
      case 'value':
        return live ? this._state.nameFormula(n).slice(1) : (n.formula ?? '=#REF!').slice(1);
      case 'visible':
        return n.visible;
      case 'comment':
        return n.comment;
      case 'scope':
        return 'Workbook';
    }
    return undefined;
  }
  get name(): string {
    return this._get('name');
  }
  get type(): string {
    return this._get('type');
  }
  get value(): unknown {
    return this._get('value');
  }
  get scope(): string {
    return this._get('scope');
  }
  get formula(): string {
    return this._get('formula');
  }
  set formula(v: string) {
    this._set('formula', v, (n: NameState) => {
      const parsed = parseReference(this._state, v, 'NamedItem.formula');
      n.ref = parsed.ref;
      n.formula = parsed.formula;
      this._ctx.engine.write({ kind: 'name', action: 'formula', name: n.name });
    });
  }
  get visible(): boolean {
    return this._get('visible');
  }
  set visible(v: boolean) {
    this._set('visible', v, (n: NameState) => {
      n.visible = v;
      this._ctx.engine.write({ kind: 'name', action: 'visible', name: n.name });
    });
  }
  get comment(): string {
    return this._get('comment');
  }
  set comment(v: string) {
    this._set('comment', v, (n: NameState) => {
      n.comment = v;
      this._ctx.engine.write({ kind: 'name', action: 'comment', name: n.name });
    });
  }
  private _range(orNull: boolean): RangeProxy {
    return new RangeProxy(this._ctx)._resolveWith(orNull ? 'NamedItem.getRangeOrNullObject' : 'NamedItem.getRange', () => {
      const n = this._target();
      const sheet = n?.ref && this._state.sheetById(n.ref.sheetId);
      return sheet && n?.ref ? { sheet, rect: n.ref.rect } : null;
    }, orNull, 'InvalidOperation');
  }
  getRange(): RangeProxy {
    return this._range(false);
  }
  getRangeOrNullObject(): RangeProxy {
    return this._range(true);
  }
  delete(): void {
    this._call('delete', (n: NameState) => {
      this._state.names = this._state.names.filter((x) => x !== n);
      this._ctx.engine.write({ kind: 'name', action: 'delete', name: n.name });
    });
  }
}
