/**
 * ExcelDouble: an in-memory stand-in for `Excel.run` with Office.js batch semantics,
 * a sync counter, a write journal and failure injection. Pure TS (no Node imports) so
 * the task pane's browser harness can bundle it. See README.md for what it models.
 *
 *   const xl = new ExcelDouble();
 *   xl.addSheet('收支总表', [['单位预算收支总表'], …]);
 *   const port = createWorkbookPort(xl.run);
 *   await port.detect();
 *   expect(xl.syncs).toBeLessThanOrEqual(3);
 *   expect(xl.writes()).toEqual([]);
 */
import { Ctx, type Engine, type JournalEntry, type OpInfo, type ViewEntry } from './api';
import { parseLocal, splitSheet, type Rect } from './cells';
import { parseInput, type Scalar } from './coerce';
import { DoubleError, WorkbookState, type SheetState, type WorkbookSnapshot } from './state';
import { PROFILES, isSetSupported, needs, cmpVersion, type ClientProfile, type ProfileId } from './profiles';

export { DoubleError } from './state';
export { PROFILES, type ClientProfile, type ProfileId } from './profiles';
export type { JournalEntry, OpInfo, ViewEntry } from './api';
export type { WorkbookSnapshot } from './state';

export interface FailureSpec {
  /** Fail the Nth operation (1-based) counted from the moment of injection. */
  atOp?: number;
  /** Fail the Nth sync (1-based) counted from the moment of injection, before it applies anything. */
  atSync?: number;
  /** Fail the first operation this predicate accepts. */
  when?: (op: OpInfo) => boolean;
  code?: string;
  message?: string;
}

interface ArmedFailure {
  spec: FailureSpec;
  opBase: number;
  syncBase: number;
}

export type RunFn = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export class ExcelDouble implements Engine {
  state = new WorkbookState();
  /** Syncs since creation or resetCounters(), including Excel.run's closing sync. */
  syncs = 0;
  /** Operations (gets, loads, sets, calls) applied since creation or resetCounters(). */
  ops = 0;
  /** Every document change, in order. */
  journal: JournalEntry[] = [];
  /** Activations and selections (not document changes). */
  viewLog: ViewEntry[] = [];
  /** Reading values/formats of more cells than this in one range fails like Excel's payload limit. */
  payloadCellLimit = 5_000_000;
  /**
   * Bytes one sync may send (written grids) or receive (loaded grids), as JSON in UTF-8:
   * "Excel on the web has a payload size limit for requests and responses of 5MB"
   * (resource-limits-and-performance-optimization.md). Over it the sync fails with
   * RequestPayloadSizeLimitExceeded (nothing applied) or ResponsePayloadSizeLimitExceeded.
   * `Infinity` turns the limit off (desktop Excel documents none).
   */
  payloadByteLimit = 5 * 1024 * 1024;
  /** Largest request and response (bytes) any sync has had since creation or resetCounters(). */
  peakRequestBytes = 0;
  peakResponseBytes = 0;
  /** Syncs failed by the payload limit since creation or resetCounters(). */
  payloadRejections = 0;
  private responseBytes = 0;
  currentSync = 0;
  /** The Excel being imitated; null = every member available (no requirement-set checks). */
  profile: ClientProfile | null = null;
  /** `Office.context.requirements` of this client. */
  readonly requirements = {
    isSetSupported: (name: string, minVersion?: string): boolean => (this.profile ? isSetSupported(this.profile, name, minVersion) : true),
  };
  private failures: ArmedFailure[] = [];

  /** Imitates one client: its requirement sets and its payload limit. */
  useProfile(id: ProfileId): this {
    this.profile = PROFILES[id];
    this.payloadByteLimit = this.profile.payloadByteLimit;
    return this;
  }

  /** Every annotated API member the adapter used (`Type.member` → written), profile or not. */
  usedMembers = new Map<string, boolean>();

  checkApi(member: string, write: boolean): void {
    if (write || !this.usedMembers.has(member)) this.usedMembers.set(member, write || (this.usedMembers.get(member) ?? false));
    if (!this.profile) return;
    const need = needs(member, write);
    if (!need) return;
    const have = this.profile.sets[need.set];
    if (have === undefined || cmpVersion(need.version, have) > 0) {
      throw new DoubleError('ApiNotFound', `The method or property ${member} is part of the ${need.set} ${need.version} requirement set, which is not available in your version of Excel.`, member);
    }
  }

  /** Drop-in for `Excel.run`: runs the batch with a fresh context, then syncs what is still queued. */
  run: RunFn = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new Ctx(this);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.queue.length) await ctx.sync();
    return result;
  };

  async sync(ctx: Ctx): Promise<void> {
    const ops = ctx.queue;
    ctx.queue = [];
    this.syncs++;
    this.currentSync = this.syncs;
    await Promise.resolve();
    for (const f of this.failures) {
      if (f.spec.atSync !== undefined && this.syncs - f.syncBase === f.spec.atSync) {
        this.failures = this.failures.filter((x) => x !== f);
        throw this.injected(f.spec, `sync ${this.syncs}`);
      }
    }
    let requestBytes = 0;
    for (const op of ops) requestBytes += op.bytes ?? 0;
    this.peakRequestBytes = Math.max(this.peakRequestBytes, requestBytes);
    if (requestBytes > this.payloadByteLimit) {
      this.payloadRejections++;
      throw new DoubleError('RequestPayloadSizeLimitExceeded', `The request payload (${requestBytes} bytes) exceeds the limit of ${this.payloadByteLimit} bytes.`, `sync ${this.syncs}`);
    }
    this.responseBytes = 0;
    // Not transactional, like Excel: operations before a failing one stay applied.
    for (const op of ops) {
      this.ops++;
      const info: OpInfo = { seq: this.ops, sync: this.syncs, kind: op.kind, member: op.member };
      for (const f of this.failures) {
        const hit = (f.spec.atOp !== undefined && this.ops - f.opBase === f.spec.atOp) || (f.spec.when !== undefined && f.spec.when(info));
        if (hit) {
          this.failures = this.failures.filter((x) => x !== f);
          throw this.injected(f.spec, op.member);
        }
      }
      op.run();
    }
  }

  addResponseBytes(bytes: number, member: string): void {
    this.responseBytes += bytes;
    this.peakResponseBytes = Math.max(this.peakResponseBytes, this.responseBytes);
    if (this.responseBytes > this.payloadByteLimit) {
      this.payloadRejections++;
      throw new DoubleError('ResponsePayloadSizeLimitExceeded', `The response payload (${this.responseBytes} bytes) exceeds the limit of ${this.payloadByteLimit} bytes.`, member);
    }
  }

  private injected(spec: FailureSpec, where: string): DoubleError {
    return new DoubleError(spec.code ?? 'GeneralException', spec.message ?? `Injected failure at ${where}`, where);
  }

  /** Arms a one-shot failure; counts are relative to now. */
  injectFailure(spec: FailureSpec): void {
    this.failures.push({ spec, opBase: this.ops, syncBase: this.syncs });
  }

  clearFailures(): void {
    this.failures = [];
  }

  write(entry: Omit<JournalEntry, 'sync'>): void {
    this.journal.push({ sync: this.currentSync, ...entry });
  }

  view(entry: Omit<ViewEntry, 'sync'>): void {
    this.viewLog.push({ sync: this.currentSync, ...entry });
  }

  /** Document changes (journal) since creation or resetCounters(). */
  writes(): JournalEntry[] {
    return this.journal;
  }

  resetCounters(): void {
    this.peakRequestBytes = 0;
    this.peakResponseBytes = 0;
    this.payloadRejections = 0;
    this.syncs = 0;
    this.ops = 0;
    this.journal = [];
    this.viewLog = [];
  }

  snapshot(opts?: { view?: boolean }): WorkbookSnapshot {
    return this.state.snapshot(opts);
  }

  // ------------------------------------------------------------ seeding (bypasses counters and journal)

  /**
   * Adds a sheet holding `values` from `at` (default A1), parsed as if typed unless they are
   * numbers/booleans; `formats` optionally gives number formats aligned with values.
   */
  addSheet(name: string, values: unknown[][] = [], opts: { at?: string; formats?: (string | null)[][]; visibility?: 'Visible' | 'Hidden' | 'VeryHidden' } = {}): SheetState {
    const sheet = this.state.addSheet(name);
    if (values.length) this.setCells(name, opts.at ?? 'A1', values, opts.formats);
    if (opts.visibility) sheet.visibility = opts.visibility;
    return sheet;
  }

  /** Writes a block of raw values (strings stored as text, never parsed) from `at`. */
  setCells(sheetName: string, at: string, values: unknown[][], formats?: (string | null)[][]): void {
    const sheet = this.sheet(sheetName);
    const origin = parseLocal(at);
    if (!origin) throw new Error(`bad address ${at}`);
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        const r = origin.r0 + i;
        const c = origin.c0 + j;
        const nf = formats?.[i]?.[j];
        if ((v === null || v === undefined || v === '') && !nf) return;
        const cell = sheet.cell(r, c);
        if (nf) cell.nf = nf;
        if (v !== null && v !== undefined) {
          if (typeof v === 'string' && v.startsWith('=')) {
            cell.formula = v;
            cell.value = '';
          } else cell.value = v as Scalar;
        }
        sheet.tidy(r, c);
      }),
    );
  }

  /** Types into cells as a user would (strings parsed like Excel input). */
  typeCells(sheetName: string, at: string, values: Scalar[][]): void {
    const sheet = this.sheet(sheetName);
    const origin = parseLocal(at)!;
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        const cell = sheet.cell(origin.r0 + i, origin.c0 + j);
        const p = parseInput(v, cell.nf ?? 'General');
        cell.value = p.value;
        if (p.formula) cell.formula = p.formula;
        if (p.autoFormat && !cell.nf) cell.nf = p.autoFormat;
        sheet.tidy(origin.r0 + i, origin.c0 + j);
      }),
    );
  }

  /**
   * The user selecting `addresses` on a sheet (several = a Ctrl+click multi-area selection;
   * `A:A`, `3:5` and `1:1048576` are whole columns/rows/sheet as Excel writes them).
   */
  userSelects(sheetName: string, ...addresses: string[]): void {
    const sheet = this.sheet(sheetName);
    const rect = parseLocal(addresses[0]);
    if (!rect) throw new Error(`bad address ${addresses[0]}`);
    this.state.activeSheetId = sheet.id;
    this.state.selection = { sheetId: sheet.id, rect };
    this.state.selectionAreas = addresses.length;
  }

  merge(sheetName: string, address: string): void {
    const rect = parseLocal(address);
    if (!rect) throw new Error(`bad address ${address}`);
    this.state.merge(this.sheet(sheetName), rect, false);
  }

  /** Defines a workbook-scoped name `=Sheet!A1:B2` directly. */
  defineName(name: string, reference: string): void {
    const { sheet, local } = splitSheet(reference.replace(/^=/, ''));
    const s = sheet ? this.sheet(sheet) : undefined;
    const rect = parseLocal(local);
    if (!s || !rect) throw new Error(`bad reference ${reference}`);
    this.state.names.push({ name, ref: { sheetId: s.id, rect }, comment: '', visible: true });
  }

  /** A user inserting whole rows above `row` (1-based), as Home › Insert › Insert Sheet Rows. */
  insertRows(sheetName: string, row: number, count = 1): void {
    const rect: Rect = { r0: row - 1, r1: row - 2 + count, c0: 0, c1: 16383 };
    this.state.insertCells(this.sheet(sheetName), rect, 'Down');
  }

  sheet(name: string): SheetState {
    const s = this.state.sheetByName(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** Values of a sheet region for assertions ('' for blank). */
  values(sheetName: string, address: string): Scalar[][] {
    const sheet = this.sheet(sheetName);
    const rect = parseLocal(address)!;
    const out: Scalar[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row: Scalar[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) row.push(sheet.get(r, c)?.value ?? '');
      out.push(row);
    }
    return out;
  }

  /** `=Sheet!$A$1:$B$2` of a defined name, or undefined. */
  nameFormula(name: string): string | undefined {
    const n = this.state.nameByName(name);
    return n ? this.state.nameFormula(n) : undefined;
  }
}
