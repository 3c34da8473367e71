/**
 * Applying a WorkbookPlan: new sheets only (names made unique), then the plan's
 * names. Syncs: 1 to learn the existing sheet and defined names, then 1 per sheet
 * (the last one also carries the names and activation), then 1 for all print settings:
 * N + 2 for N sheets. A sheet of more than 40,000 cells first gets its cells in row bands
 * of one sync each, so no request passes Excel on the web's 5 MB payload limit. All or nothing for cells, names and sheets: on any failure or abort
 * every sheet and name created is removed, every re-pointed name restored, and a Chinese
 * error is thrown. Print settings are best effort: one Excel refuses becomes a note in
 * the result (sheet by sheet), never a rollback of the tables.
 */
import type { PageSetup, SheetPlan, WorkbookPlan } from '../../model/plan';
import { type ExcelRun, type ApplyPlanOptions, type ApplyPlanResult } from './port';
import { WorkbookError, describe } from './errors';
import { draw, extentOf, queuePageSetup, rectOf, validateDrawable } from './render';
import { WRITE_CELLS_PER_SYNC, rowChunks } from './payload';
import { refFormula } from './refs';
import { feature } from './capabilities';
import { digitWidthOf } from './cell-input';
import { definedName, uniqueSheetName } from './sheet-names';

const CANCELLED = '已取消';

/** Problems that make a plan unusable, in Chinese (shared with the WPS adapter). */
export function validatePlan(plan: WorkbookPlan): string[] {
  const errs: string[] = [];
  const keys = new Set<string>();
  for (const s of plan.sheets) {
    if (keys.has(s.key)) errs.push(`工作表键“${s.key}”重复`);
    keys.add(s.key);
    errs.push(...validateDrawable(s, s.name || s.key));
  }
  for (const n of plan.names) {
    if (!keys.has(n.sheetKey)) errs.push(`名称 ${n.name} 指向不存在的工作表键“${n.sheetKey}”`);
    if (!rectOf(n.range)) errs.push(`名称 ${n.name} 的区域“${n.range}”无效`);
  }
  return errs;
}

export async function applyPlan(run: ExcelRun, plan: WorkbookPlan, opts: ApplyPlanOptions = {}): Promise<ApplyPlanResult> {
  const problems = validatePlan(plan);
  if (problems.length) throw new WorkbookError(`生成公开表失败：方案有误（${problems.slice(0, 3).join('；')}），未做任何修改`);
  if (opts.signal?.aborted) throw new WorkbookError(`生成公开表失败：${CANCELLED}，未做任何修改`);

  const created: { key: string; name: string }[] = [];
  /** Names we add (deleted on rollback) and names we re-point (restored on rollback). */
  const addedNames: string[] = [];
  const repointed = new Map<string, string>();
  let planned: { plan: SheetPlan; name: string }[] = [];
  const notes: string[] = [];

  try {
    await run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      const names = ctx.workbook.names;
      names.load('items/name,items/formula');
      // Column widths are in characters of the workbook's Normal font (宋体 12 is wider than
      // Calibri 11): measure it on an untouched column of the active sheet, in the same sync.
      const probe = sheets.getActiveWorksheet();
      probe.load('standardWidth');
      const untouched = probe.getRange('XFD:XFD').format;
      untouched.load('columnWidth');
      let digitPx = 7;
      try {
        await ctx.sync();
        digitPx = digitWidthOf(probe.standardWidth, untouched.columnWidth);
      } catch (e) {
        // Only a workbook without any sheet has no active sheet (never in Excel; the test
        // double allows it): read the names again without the probe, default digit width.
        let empty = false;
        try {
          empty = sheets.items.length === 0;
        } catch {
          /* not loaded: the sync failed for another reason */
        }
        if (!empty) throw e;
        sheets.load('items/name');
        names.load('items/name,items/formula');
        await ctx.sync();
      }

      const taken = sheets.items.map((s) => s.name);
      planned = plan.sheets.map((p) => {
        const name = uniqueSheetName(p.name || p.key, taken);
        taken.push(name);
        return { plan: p, name };
      });
      const existingNames = new Map(names.items.map((n) => [n.name.toLowerCase(), n]));
      const sheetNameOf = new Map(planned.map((p) => [p.plan.key, p.name]));
      const total = planned.length;

      for (let i = 0; i < total; i++) {
        if (opts.signal?.aborted) throw new WorkbookError(CANCELLED);
        const { plan: sp, name } = planned[i];
        const ws = sheets.add(name);
        created.push({ key: sp.key, name });
        const ext = extentOf(sp);
        const chunks = rowChunks(ext.r1 + 1, ext.c1 + 1, WRITE_CELLS_PER_SYNC);
        if (chunks.length > 1) {
          // A large sheet: its cells in row bands of one sync each, under the request limit.
          for (const [first, count] of chunks) {
            draw(ws, sp, { rows: [first, first + count - 1] });
            await ctx.sync();
          }
        }
        draw(ws, sp, { layout: true, digitPx, noValidations: opts.can?.dropdowns === false, skipCells: chunks.length > 1 });
        if (i === total - 1) {
          for (const n of plan.names) {
            const r = rectOf(n.range)!;
            const sheet = sheetNameOf.get(n.sheetKey)!;
            const dn = definedName(n.name);
            const old = existingNames.get(dn.toLowerCase());
            if (old) {
              repointed.set(dn, String(old.formula));
              old.formula = refFormula({ sheet, ...r });
            } else {
              addedNames.push(dn);
              ctx.workbook.names.add(dn, sheets.getItem(sheet).getRange(n.range));
            }
          }
          if (opts.activate !== false && total > 0) sheets.getItem(planned[0].name).activate();
        }
        await ctx.sync();
        opts.onProgress?.(i + 1, total, name);
      }
      if (opts.can?.print !== false) notes.push(...(await applyPageSetups(ctx, planned)));
    });
  } catch (e) {
    const reason = e instanceof WorkbookError && e.message === CANCELLED ? CANCELLED : describeStep(e, created);
    const undone = await rollback(run, planned.map((p) => p.name), addedNames, repointed);
    throw new WorkbookError(
      undone ? `生成公开表失败：${reason}，已撤销已创建的工作表` : `生成公开表失败：${reason}；撤销未完成，请手工删除新建的工作表：${planned.map((p) => p.name).join('、')}`,
      e,
    );
  }
  if (opts.can?.dropdowns === false && plan.sheets.some((p) => p.validations?.length)) notes.push(feature('dropdowns').missing);
  if (opts.can?.print === false && plan.sheets.some((p) => p.page)) notes.push(feature('print').missing);
  return { created, names: [...addedNames, ...repointed.keys()], notes };
}

/**
 * Print settings of the created sheets, after their cells: one sync for all; if Excel
 * refuses it, sheet by sheet, so each refusal is named. Returns notes, never throws.
 */
async function applyPageSetups(ctx: Excel.RequestContext, planned: { plan: SheetPlan; name: string }[]): Promise<string[]> {
  const withPage = planned.filter((p) => p.plan.page);
  if (!withPage.length) return [];
  const queue = (p: { plan: SheetPlan; name: string }) => queuePageSetup(ctx.workbook.worksheets.getItem(p.name), p.plan.page as PageSetup);
  try {
    withPage.forEach(queue);
    await ctx.sync();
    return [];
  } catch {
    const notes: string[] = [];
    for (const p of withPage) {
      try {
        queue(p);
        await ctx.sync();
      } catch (e) {
        notes.push(`工作表“${p.name}”的打印设置未能应用（${describe(e)}），表格已生成；可在“页面布局”中手工设置。`);
      }
    }
    return notes;
  }
}

function describeStep(e: unknown, created: { name: string }[]): string {
  const last = created[created.length - 1];
  return last ? `写入“${last.name}”时出错（${describe(e)}）` : `读取工作簿时出错（${describe(e)}）`;
}

/** Removes what a failed run may have created; returns false if that failed too. */
async function rollback(run: ExcelRun, sheetNames: string[], addedNames: string[], repointed: Map<string, string>): Promise<boolean> {
  try {
    await run(async (ctx) => {
      const sheets = sheetNames.map((n) => ctx.workbook.worksheets.getItemOrNullObject(n));
      const names = addedNames.map((n) => ctx.workbook.names.getItemOrNullObject(n));
      const restore = [...repointed].map(([n, f]) => ({ item: ctx.workbook.names.getItemOrNullObject(n), formula: f }));
      await ctx.sync();
      for (const n of names) if (!n.isNullObject) n.delete();
      for (const r of restore) if (!r.item.isNullObject) r.item.formula = r.formula;
      for (const s of sheets) if (!s.isNullObject) s.delete();
      await ctx.sync();
    });
    return true;
  } catch {
    return false;
  }
}
