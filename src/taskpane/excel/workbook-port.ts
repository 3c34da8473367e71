/**
 * createWorkbookPort: the WorkbookPort over any `Excel.run`-shaped entry point —
 * `Excel.run` in the add-in, `ExcelDouble.run` in tests and the browser harness.
 */
import { detectTables as defaultDetect, type DetectedTable } from '../../model/detect';
import type { SheetGrid } from '../../model/workbook';
import { applyPlan } from './apply-plan';
import { bind, bindingsFrom, loadNames, unbind } from './bind';
import { fail } from './errors';
import { getSelection, select } from './navigate';
import { ACCEPTED_BLOCK, FINDINGS_BLOCK, KPI_BLOCK } from './owned-sheet';
import type { ExcelRun, WorkbookPort } from './port';
import { readGrids } from './read';
import { insertSheet, writeUserBlock } from './templates';
import { readAcceptances, writeBlock, writeKeyFigures } from './writeback';
import { append } from '../../model/collect';

export interface PortOptions {
  /** Table detection per sheet (the model's detectTables by default). */
  detect?: (sheet: SheetGrid) => DetectedTable[];
  /** Read caps, see ReadOptions. */
  maxCellsPerSheet?: number;
}

export function createWorkbookPort(run: ExcelRun, opts: PortOptions = {}): WorkbookPort {
  const detectSheet = opts.detect ?? defaultDetect;
  const guard = async <T>(what: string, f: () => Promise<T>): Promise<T> => {
    try {
      return await f();
    } catch (e) {
      if (e instanceof Error && e.name === 'WorkbookError') throw e;
      throw fail(what, e);
    }
  };
  return {
    detect: () =>
      guard('读取工作簿失败', async () => {
        const res = await run((ctx) => readGrids(ctx, { maxCellsPerSheet: opts.maxCellsPerSheet }));
        const tables: DetectedTable[] = [];
        const notes = [...res.notes];
        for (const g of res.sheets) {
          try {
            append(tables, detectSheet(g));
          } catch (e) {
            // The model should never throw; if it does, one odd sheet must not hide the others.
            notes.push(`工作表“${g.name}”识别出错：${e instanceof Error ? e.message : String(e)}`);
          }
        }
        return { tables, sheets: res.sheets, bindings: bindingsFrom(res.names), notes };
      }),
    readSheets: (names) => guard('读取工作簿失败', async () => (await run((ctx) => readGrids(ctx, { names, maxCellsPerSheet: opts.maxCellsPerSheet }))).sheets),
    bind: (kindName, sheet, range) => guard('绑定失败', () => run((ctx) => bind(ctx, kindName, sheet, range))),
    unbind: (kindName) => guard('解除绑定失败', () => run((ctx) => unbind(ctx, kindName))),
    bindings: () => guard('读取绑定失败', async () => bindingsFrom(await run(loadNames))),
    writeFindings: (rows) => guard('写入校验结果失败', () => run((ctx) => writeBlock(ctx, FINDINGS_BLOCK, rows))),
    writeKeyFigures: (figs) => guard('写入关键数字失败', () => run((ctx) => writeKeyFigures(ctx, figs))),
    writeKpiData: (rows) => guard('写入绩效数据失败', () => run((ctx) => writeBlock(ctx, KPI_BLOCK, rows))),
    readAcceptances: () => guard('读取已确认提示失败', () => run(readAcceptances)),
    writeAcceptances: (a) =>
      guard('写入已确认提示失败', () =>
        run((ctx) =>
          writeBlock(
            ctx,
            ACCEPTED_BLOCK,
            Object.entries(a).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
          ),
        ),
      ),
    select: (sheet, cell) => guard('定位失败', () => run((ctx) => select(ctx, sheet, cell))),
    getSelection: () => guard('读取选区失败', () => run(getSelection)),
    applyPlan: (plan, o) => applyPlan(run, plan, o),
    insertSheet: (sheet, o) => insertSheet(run, sheet, o),
    writeBlock: (target, block, o) => guard('写入失败', () => run((ctx) => writeUserBlock(ctx, target, block, o))),
  };
}
