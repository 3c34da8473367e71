/**
 * createWorkbookPort: the WorkbookPort over any `Excel.run`-shaped entry point —
 * `Excel.run` in the add-in, `ExcelDouble.run` in tests and the browser harness.
 */
import { detectTables as defaultDetect, type DetectedTable } from '../../model/detect';
import { settingsFromSheets } from '../../model/kpi/analyze';
import { getRuleSettings, setRuleSettings } from '../../functions/runtime-state';
import type { SheetGrid } from '../../model/workbook';
import { applyPlan } from './apply-plan';
import { bind, bindingsFrom, loadNames, unbind } from './bind';
import { WorkbookError, fail } from './errors';
import { feature, missingFeatures, officeSupports, type Feature, type Supports } from './capabilities';
import { getSelection, select } from './navigate';
import { ACCEPTED_BLOCK, FINDINGS_BLOCK, KPI_BLOCK } from './owned-sheet';
import type { ExcelRun, WorkbookPort } from './port';
import { readGrids } from './read';
import { insertSheet, writeUserBlock } from './templates';
import { readAcceptances, writeBlock, writeKeyFigures } from './writeback';
import { append } from '../../model/collect';

export interface PortOptions {
  /** Requirement-set check (Office.context.requirements.isSetSupported by default). */
  supports?: Supports;
  /** Table detection per sheet (the model's detectTables by default). */
  detect?: (sheet: SheetGrid) => DetectedTable[];
  /** Read caps, see ReadOptions. */
  maxCellsPerSheet?: number;
}

/**
 * Hands the workbook's rule settings (its 设置 sheet) to the custom functions, which run
 * in the same shared runtime, so the pane and =KPI.VALIDATE / =BUDGET.CHECKSUM never
 * disagree on the same table. When they changed, Excel is asked to recalculate fully:
 * it does not recalculate custom functions by itself when only add-in state changed.
 */
async function shareSettings(run: ExcelRun, sheets: SheetGrid[], notes: string[]): Promise<void> {
  const next = settingsFromSheets(sheets);
  if (JSON.stringify(next ?? null) === JSON.stringify(getRuleSettings() ?? null)) return;
  setRuleSettings(next);
  try {
    await run(async (ctx) => {
      ctx.workbook.application.calculate('Full' as Excel.CalculationType);
      await ctx.sync();
    });
  } catch {
    notes.push('规则设置已更新，但 Excel 未能重新计算；请按 Ctrl+Alt+F9 使工作表函数采用新设置。');
  }
}

export function createWorkbookPort(run: ExcelRun, opts: PortOptions = {}): WorkbookPort {
  const detectSheet = opts.detect ?? defaultDetect;
  // Looked up per call: Office.context exists only once Office.onReady has fired.
  const supports: Supports = opts.supports ?? ((set, version) => officeSupports()(set, version));
  const has = (key: Feature['key']) => supports(feature(key).set, feature(key).version);
  const can = () => ({ dropdowns: has('dropdowns'), print: has('print') });
  /** Refuses up front, in Chinese, what this Excel's requirement sets cannot do. */
  const need = (key: Feature['key']) => {
    if (!has(key)) throw new WorkbookError(feature(key).missing);
  };
  const guard = async <T>(what: string, f: () => Promise<T>, key: Feature['key'] = 'detect'): Promise<T> => {
    need(key);
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
        await shareSettings(run, res.sheets, notes);
        return { tables, sheets: res.sheets, bindings: bindingsFrom(res.names), notes };
      }),
    readSheets: (names) => guard('读取工作簿失败', async () => (await run((ctx) => readGrids(ctx, { names, maxCellsPerSheet: opts.maxCellsPerSheet }))).sheets),
    bind: (kindName, sheet, range) => guard('绑定失败', () => run((ctx) => bind(ctx, kindName, sheet, range)), 'writeback'),
    unbind: (kindName) => guard('解除绑定失败', () => run((ctx) => unbind(ctx, kindName)), 'writeback'),
    bindings: () => guard('读取绑定失败', async () => bindingsFrom(await run(loadNames))),
    writeFindings: (rows) => guard('写入校验结果失败', () => run((ctx) => writeBlock(ctx, FINDINGS_BLOCK, rows)), 'writeback'),
    writeKeyFigures: (figs) => guard('写入关键数字失败', () => run((ctx) => writeKeyFigures(ctx, figs)), 'writeback'),
    writeKpiData: (rows) => guard('写入绩效数据失败', () => run((ctx) => writeBlock(ctx, KPI_BLOCK, rows)), 'writeback'),
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
        'writeback',
      ),
    select: (sheet, cell) => run((ctx) => select(ctx, sheet, cell)).catch((e) => Promise.reject(e instanceof Error && e.name === 'WorkbookError' ? e : fail('定位失败', e))),
    getSelection: () => run(getSelection).catch((e) => Promise.reject(e instanceof Error && e.name === 'WorkbookError' ? e : fail('读取选区失败', e))),
    applyPlan: async (plan, o) => {
      need('disclose');
      return applyPlan(run, plan, { ...o, can: can() });
    },
    insertSheet: async (sheet, o) => {
      need('disclose');
      return insertSheet(run, sheet, { ...o, can: can() });
    },
    writeBlock: (target, block, o) => guard('写入失败', () => run((ctx) => writeUserBlock(ctx, target, block, { ...o, noValidations: !has('dropdowns') })), 'disclose'),
    capabilities: () => missingFeatures(supports),
  };
}
