/**
 * createWpsWorkbookPort: the task pane's WorkbookPort over WPS 表格's ET object model.
 * Same contract as the Office adapter (src/taskpane/excel/port.ts): same owned sheet,
 * blocks, names, Chinese errors and rollback. What differs is the transport: every ET
 * member access is one synchronous call into WPS, applied at once (no batch, no
 * transaction), so the adapter reads and writes whole 2-D ranges and the budget is
 * counted in calls (see README.md for the figures).
 */
import { detectTables as defaultDetect, type DetectedTable } from '../model/detect';
import { rangeA1 } from '../model/address';
import type { SheetPlan, WorkbookPlan } from '../model/plan';
import type { SheetGrid } from '../model/workbook';
import { validatePlan } from '../taskpane/excel/apply-plan';
import { bindingName, bindingsFrom } from '../taskpane/excel/bind';
import { toExcelValue } from '../taskpane/excel/cell-input';
import { WorkbookError, describe, fail } from '../taskpane/excel/errors';
import { ACCEPTED_BLOCK, type BlockDef, FINDINGS_BLOCK, KEY_FIGURES_BAND, KPI_BLOCK, OWNED_SHEET, bandOf, keyFigureLayout } from '../taskpane/excel/owned-sheet';
import type { ApplyPlanOptions, ApplyPlanResult, BlockPlan, WorkbookPort } from '../taskpane/excel/port';
import type { NameInfo } from '../taskpane/excel/read';
import { display, localOf, parseRef, refFormula, splitAddress, type SheetRect } from '../taskpane/excel/refs';
import { rectOf } from '../taskpane/excel/render';
import { blockTarget } from '../taskpane/excel/templates';
import { definedName, uniqueSheetName } from '../taskpane/excel/sheet-names';
import { a1Of, drawEt } from './draw';
import { XL, type EtApplication, type EtName, type EtNames, type EtWorkbook, type EtWorksheet } from './et';
import { listSheets, readGridsEt, readNames, toRows } from './read';

export interface WpsPortOptions {
  /** Table detection per sheet (the model's detectTables by default). */
  detect?: (sheet: SheetGrid) => DetectedTable[];
  maxCellsPerSheet?: number;
  /** NumberFormat reads per sheet when formats vary (2 calls each). */
  maxFormatReads?: number;
}

type Cell = string | number;
const CANCELLED = '已取消';
/** Pause between sheets of a plan (ms): about one frame. */
const YIELD_MS = 16;

/** Names.Item for a name that may not exist: ET raises an error (or, in some builds, returns nothing). */
function tryName(names: EtNames, name: string): EtName | null {
  try {
    return names.Item(name) ?? null;
  } catch {
    return null;
  }
}

function trySheet(wb: EtWorkbook, name: string): EtWorksheet | null {
  try {
    return wb.Worksheets.Item(name) ?? null;
  } catch {
    return null;
  }
}

function workbookOf(app: EtApplication): EtWorkbook {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new WorkbookError('没有打开的工作簿：请先在 WPS 表格中打开或新建一个工作簿');
  return wb;
}

/** The hidden owned sheet, created at the end when missing; the user's active sheet stays active. */
function ownedSheet(app: EtApplication, wb: EtWorkbook): EtWorksheet {
  const found = trySheet(wb, OWNED_SHEET);
  if (found) return found;
  const before = app.ActiveSheet;
  const sheets = wb.Worksheets;
  // Sheets.Add activates the new sheet; hiding it and re-activating the user's sheet undoes that.
  const ws = sheets.Add(null, sheets.Item(sheets.Count));
  ws.Name = OWNED_SHEET;
  ws.Visible = XL.sheetHidden;
  before?.Activate();
  return ws;
}

function pad(rows: (Cell | null | undefined)[][], width: number): Cell[][] {
  return rows.map((r) =>
    Array.from({ length: width }, (_, j) => {
      const v = r[j];
      return v === null || v === undefined ? '' : typeof v === 'number' && !Number.isFinite(v) ? '' : v;
    }),
  );
}

/**
 * Number formats of a block as few rectangles: `@` for text, General for numbers,
 * per column in vertical runs, neighbouring columns with the same runs joined.
 */
function formatRects(block: Cell[][], fmt: (v: Cell, r: number, c: number) => string): { r0: number; r1: number; c0: number; c1: number; nf: string }[] {
  const width = block[0]?.length ?? 0;
  const colRuns: { r0: number; r1: number; nf: string }[][] = [];
  for (let c = 0; c < width; c++) {
    const runs: { r0: number; r1: number; nf: string }[] = [];
    block.forEach((row, r) => {
      const nf = fmt(row[c], r, c);
      const last = runs[runs.length - 1];
      if (last && last.nf === nf) last.r1 = r;
      else runs.push({ r0: r, r1: r, nf });
    });
    colRuns.push(runs);
  }
  const out: { r0: number; r1: number; c0: number; c1: number; nf: string }[] = [];
  let c = 0;
  while (c < width) {
    let c1 = c;
    const key = JSON.stringify(colRuns[c]);
    while (c1 + 1 < width && JSON.stringify(colRuns[c1 + 1]) === key) c1++;
    for (const r of colRuns[c]) out.push({ r0: r.r0, r1: r.r1, c0: c, c1, nf: r.nf });
    c = c1 + 1;
  }
  return out;
}

/** Writes a grid at (row, col) of the owned sheet: formats by rectangle, values in one write, header bold. */
function writeGrid(ws: EtWorksheet, block: Cell[][], col: number, fmt: (v: Cell, r: number, c: number) => string): string {
  for (const f of formatRects(block, fmt)) ws.Range(rangeA1({ row: f.r0, col: col + f.c0 }, f.r1 - f.r0 + 1, f.c1 - f.c0 + 1)).NumberFormat = f.nf;
  const address = rangeA1({ row: 0, col }, block.length, block[0].length);
  ws.Range(address).Value2 = block.map((r) => r.map((v) => toExcelValue(v)));
  ws.Range(rangeA1({ row: 0, col }, 1, block[0].length)).Font.Bold = true;
  return address;
}

function insideBand(ref: SheetRect | null, band: { c0: number; c1: number }): ref is SheetRect {
  return !!ref && ref.sheet === OWNED_SHEET && ref.c0 >= band.c0 && ref.c1 <= band.c1;
}

export function createWpsWorkbookPort(application: EtApplication | (() => EtApplication), opts: WpsPortOptions = {}): WorkbookPort {
  const appOf = typeof application === 'function' ? application : () => application;
  const detectSheet = opts.detect ?? defaultDetect;
  const readOpts = { maxCellsPerSheet: opts.maxCellsPerSheet, maxFormatReads: opts.maxFormatReads };

  const guard = async <T>(what: string, f: () => T): Promise<T> => {
    try {
      return f();
    } catch (e) {
      if (e instanceof Error && e.name === 'WorkbookError') throw e;
      throw fail(what, e);
    }
  };

  const writeBlock = (def: BlockDef, rows: (Cell | null | undefined)[][]): void => {
    const app = appOf();
    const wb = workbookOf(app);
    const item = tryName(wb.Names, def.name);
    const old = item ? parseRef(String(item.RefersTo)) : null;
    try {
      const ws = ownedSheet(app, wb);
      const band = bandOf(def);
      // Clear exactly the old block; if its name was lost or moved, the whole band (still ours).
      ws.Range(insideBand(old, band) ? localOf(old) : band.columns).Clear();
      const block = [def.header, ...pad(rows, def.header.length)];
      writeGrid(ws, block, def.col, (v) => (typeof v === 'number' ? 'General' : '@'));
      const formula = refFormula({ sheet: OWNED_SHEET, r0: 0, c0: def.col, r1: block.length - 1, c1: def.col + def.header.length - 1 });
      if (item) item.RefersTo = formula;
      else wb.Names.Add(def.name, formula);
    } catch (e) {
      throw fail(`写入 ${def.name} 失败`, e);
    }
  };

  const readBlock = (def: BlockDef): unknown[][] => {
    const wb = workbookOf(appOf());
    const item = tryName(wb.Names, def.name);
    if (!item) return [];
    const ref = parseRef(String(item.RefersTo));
    if (!ref) return [];
    const ws = trySheet(wb, ref.sheet);
    if (!ws) return [];
    const h = ref.r1 - ref.r0 + 1;
    const w = ref.c1 - ref.c0 + 1;
    return toRows(ws.Range(localOf(ref)).Value2, h, w).slice(1);
  };

  const writeKeyFigures = (figs: Record<string, number>): void => {
    const app = appOf();
    const wb = workbookOf(app);
    const names = readNames(wb.Names);
    try {
      const ws = ownedSheet(app, wb);
      const { rowOf, given, block, valueCol } = keyFigureLayout(names, figs);
      const known = new Map<string, NameInfo>();
      for (const n of names) known.set(n.name.toLowerCase(), n);
      // The band A:B holds nothing but this block, so clearing it clears the old extent.
      ws.Range(bandOf(KEY_FIGURES_BAND).columns).Clear();
      // Header and labels text, values 0.00 (the formats the Office adapter gives them).
      writeGrid(ws, block, KEY_FIGURES_BAND.col, (_v, r, c) => (r === 0 || c === 0 ? '@' : '0.00'));
      for (const [key, row] of rowOf) {
        const name = definedName(`BT.${key}`);
        const formula = refFormula({ sheet: OWNED_SHEET, r0: row, c0: valueCol, r1: row, c1: valueCol });
        const had = known.get(name.toLowerCase());
        if (had) {
          if (had.formula !== formula) wb.Names.Item(had.name).RefersTo = formula;
        } else if (given.has(key)) wb.Names.Add(name, formula);
      }
    } catch (e) {
      throw fail('写入关键数字失败', e);
    }
  };

  const applyPlan = async (plan: WorkbookPlan, o: ApplyPlanOptions = {}): Promise<ApplyPlanResult> => {
    const problems = validatePlan(plan);
    if (problems.length) throw new WorkbookError(`生成公开表失败：方案有误（${problems.slice(0, 3).join('；')}），未做任何修改`);
    if (o.signal?.aborted) throw new WorkbookError(`生成公开表失败：${CANCELLED}，未做任何修改`);
    const app = appOf();
    const created: { key: string; name: string }[] = [];
    const addedNames: string[] = [];
    const repointed = new Map<string, string>();
    let planned: { plan: SheetPlan; name: string }[] = [];
    let before: EtWorksheet | null = null;
    try {
      const wb = workbookOf(app);
      before = app.ActiveSheet;
      const listed = listSheets(wb);
      const taken = listed.map((s) => s.name);
      planned = plan.sheets.map((p) => {
        const name = uniqueSheetName(p.name || p.key, taken);
        taken.push(name);
        return { plan: p, name };
      });
      const existingNames = new Map(readNames(wb.Names).map((n) => [n.name.toLowerCase(), n]));
      const sheetNameOf = new Map(planned.map((p) => [p.plan.key, p.name]));
      const sheets = wb.Worksheets;
      let last = listed[listed.length - 1]?.ws ?? null;
      const made: EtWorksheet[] = [];
      for (let i = 0; i < planned.length; i++) {
        // ET calls block the page while they run: pause between sheets so the task pane can
        // paint its progress and a press of 取消 gets through.
        if (i > 0) await new Promise((r) => setTimeout(r, YIELD_MS));
        if (o.signal?.aborted) throw new WorkbookError(CANCELLED);
        const { plan: sp, name } = planned[i];
        const ws = sheets.Add(null, last);
        created.push({ key: sp.key, name });
        ws.Name = name;
        made.push(ws);
        drawEt(ws, sp, { layout: true });
        last = ws;
        if (i < planned.length - 1) o.onProgress?.(i + 1, planned.length, name);
      }
      for (const n of plan.names) {
        const r = rectOf(n.range)!;
        const formula = refFormula({ sheet: sheetNameOf.get(n.sheetKey)!, ...r });
        const dn = definedName(n.name);
        const old = existingNames.get(dn.toLowerCase());
        if (old) {
          repointed.set(old.name, old.formula);
          wb.Names.Item(old.name).RefersTo = formula;
        } else {
          addedNames.push(dn);
          wb.Names.Add(dn, formula);
        }
      }
      // Sheets.Add activated each new sheet: leave the first one active, or give the user's back.
      if (o.activate !== false && made.length) made[0].Activate();
      else before?.Activate();
      if (planned.length) o.onProgress?.(planned.length, planned.length, planned[planned.length - 1].name);
    } catch (e) {
      const reason = e instanceof WorkbookError && e.message === CANCELLED ? CANCELLED : describeStep(e, created);
      const undone = rollback(app, created.map((c) => c.name), addedNames, repointed, before);
      throw new WorkbookError(
        undone ? `生成公开表失败：${reason}，已撤销已创建的工作表` : `生成公开表失败：${reason}；撤销未完成，请手工删除新建的工作表：${planned.map((p) => p.name).join('、')}`,
        e,
      );
    }
    return { created, names: [...addedNames, ...repointed.keys()] };
  };

  return {
    detect: () =>
      guard('读取工作簿失败', () => {
        const res = readGridsEt(workbookOf(appOf()), readOpts);
        const tables: DetectedTable[] = [];
        const notes = [...res.notes];
        for (const g of res.sheets) {
          try {
            tables.push(...detectSheet(g));
          } catch (e) {
            notes.push(`工作表“${g.name}”识别出错：${e instanceof Error ? e.message : String(e)}`);
          }
        }
        return { tables, sheets: res.sheets, bindings: bindingsFrom(res.names), notes };
      }),
    readSheets: (names) => guard('读取工作簿失败', () => readGridsEt(workbookOf(appOf()), { ...readOpts, names }).sheets),
    bind: (kindName, sheet, range) =>
      guard('绑定失败', () => {
        const local = splitAddress(range);
        if (!local) throw new WorkbookError(`绑定失败：“${range}”不是有效的单元格区域`);
        const wb = workbookOf(appOf());
        const ws = trySheet(wb, sheet);
        if (!ws) throw new WorkbookError(`绑定失败：找不到工作表“${sheet}”`);
        const name = bindingName(kindName);
        const ref = parseRef(`'x'!${local.local}`)!;
        const formula = refFormula({ ...ref, sheet: ws.Name });
        try {
          const item = tryName(wb.Names, name);
          if (item) item.RefersTo = formula;
          else wb.Names.Add(name, formula);
        } catch (e) {
          throw fail(`绑定 ${name} 失败`, e);
        }
      }),
    unbind: (kindName) =>
      guard('解除绑定失败', () => {
        tryName(workbookOf(appOf()).Names, bindingName(kindName))?.Delete();
      }),
    bindings: () => guard('读取绑定失败', () => bindingsFrom(readNames(workbookOf(appOf()).Names))),
    writeFindings: (rows) => guard('写入校验结果失败', () => writeBlock(FINDINGS_BLOCK, rows)),
    writeKeyFigures: (figs) => guard('写入关键数字失败', () => writeKeyFigures(figs)),
    writeKpiData: (rows) => guard('写入绩效数据失败', () => writeBlock(KPI_BLOCK, rows)),
    readAcceptances: () =>
      guard('读取已确认提示失败', () => {
        const out: Record<string, string> = {};
        for (const r of readBlock(ACCEPTED_BLOCK)) {
          const key = r[0] === null || r[0] === undefined ? '' : String(r[0]);
          if (key) out[key] = r[1] === null || r[1] === undefined ? '' : String(r[1]);
        }
        return out;
      }),
    writeAcceptances: (a) =>
      guard('写入已确认提示失败', () =>
        writeBlock(
          ACCEPTED_BLOCK,
          Object.entries(a).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
        ),
      ),
    select: (sheet, cell) =>
      guard('定位失败', () => {
        const parsed = splitAddress(cell);
        if (!parsed) throw new WorkbookError(`无法定位：“${cell}”不是有效的单元格地址`);
        const target = parsed.sheet ?? sheet;
        try {
          const ws = workbookOf(appOf()).Worksheets.Item(target);
          ws.Activate();
          ws.Range(parsed.local).Select();
        } catch (e) {
          throw fail(`无法定位到“${target}”!${parsed.local}（工作表可能已改名、删除或隐藏）`, e);
        }
      }),
    getSelection: () =>
      guard('读取选区失败', () => {
        const app = appOf();
        const sel = app.Selection;
        const ws = app.ActiveSheet;
        if (!sel || !ws) throw new WorkbookError('无法识别当前选区：没有选中单元格');
        const r0 = sel.Row - 1;
        const c0 = sel.Column - 1;
        const local = localOf({ r0, c0, r1: r0 + sel.Rows.Count - 1, c1: c0 + sel.Columns.Count - 1 });
        return { sheet: ws.Name, address: local };
      }),
    applyPlan,
    insertSheet: async (sheet, o = {}) => {
      const res = await applyPlan({ sheets: [sheet], names: [] }, { activate: o.activate });
      return { name: res.created[0].name };
    },
    writeBlock: (target, block, o = {}) => guard('写入失败', () => writeUserBlock(appOf(), target, block, o)),
  };
}

function describeStep(e: unknown, created: { name: string }[]): string {
  const last = created[created.length - 1];
  return last ? `写入“${last.name}”时出错（${describe(e)}）` : `读取工作簿时出错（${describe(e)}）`;
}

/** Removes what a failed applyPlan created, restores re-pointed names and the active sheet; false if that failed too. */
function rollback(app: EtApplication, sheetNames: string[], addedNames: string[], repointed: Map<string, string>, before: EtWorksheet | null): boolean {
  let alerts = true;
  try {
    const wb = workbookOf(app);
    alerts = app.DisplayAlerts;
    // Deleting a sheet with content asks the user to confirm unless alerts are off.
    app.DisplayAlerts = false;
    for (const n of addedNames) tryName(wb.Names, n)?.Delete();
    for (const [n, f] of repointed) {
      const item = tryName(wb.Names, n);
      if (item) item.RefersTo = f;
    }
    for (const s of sheetNames) trySheet(wb, s)?.Delete();
    before?.Activate();
    return true;
  } catch {
    return false;
  } finally {
    try {
      app.DisplayAlerts = alerts;
    } catch {
      /* the rollback's own result stands */
    }
  }
}

function writeUserBlock(app: EtApplication, target: { sheet: string; cell: string }, block: BlockPlan, opts: { overwrite?: boolean; select?: boolean }): { range: string } {
  const { sheetName, start, rect, where } = blockTarget(target, block);
  const ws = trySheet(workbookOf(app), sheetName);
  if (!ws) throw new WorkbookError(`写入失败：找不到工作表“${sheetName}”`);
  const areaAddr = localOf(rect);
  if (!opts.overwrite) {
    // Formulas as text: a formula whose result is '' still counts as content.
    const f = toRows(ws.Range(areaAddr).Formula, rect.r1 - rect.r0 + 1, rect.c1 - rect.c0 + 1);
    let used: { r0: number; c0: number; r1: number; c1: number } | null = null;
    f.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === '' || v === null || v === undefined) return;
        const r = rect.r0 + i;
        const c = rect.c0 + j;
        used = used ? { r0: Math.min(used.r0, r), c0: Math.min(used.c0, c), r1: Math.max(used.r1, r), c1: Math.max(used.c1, c) } : { r0: r, c0: c, r1: r, c1: c };
      }),
    );
    if (used) throw new WorkbookError(`目标区域 ${where} 不是空白（${display({ ...(used as Omit<SheetRect, 'sheet'>), sheet: sheetName })} 有内容），未写入。请选择空白区域，或确认覆盖。`);
  }
  try {
    if (opts.overwrite) {
      const area = ws.Range(areaAddr);
      area.UnMerge();
      if (block.validations?.length) area.Validation.Delete();
    }
    drawEt(ws, block, { at: { row: start.row, col: start.col } });
    if (opts.select) {
      ws.Activate();
      ws.Range(a1Of({ r0: 0, c0: 0, r1: 0, c1: 0 }, { row: rect.r0, col: rect.c0 })).Select();
    }
  } catch (e) {
    throw fail(`写入 ${where} 失败`, e);
  }
  return { range: where };
}
