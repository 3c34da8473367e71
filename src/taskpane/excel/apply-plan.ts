/**
 * Applying a WorkbookPlan: new sheets only (names made unique), then the plan's
 * names. Syncs: 1 to learn the existing sheet and defined names, then 1 per sheet
 * (the last one also carries the names and activation): N + 1 for N sheets.
 * All or nothing: on any failure or abort every sheet and name created is removed,
 * every re-pointed name restored, and a Chinese error is thrown.
 */
import type { SheetPlan, WorkbookPlan } from '../../model/plan';
import { type ExcelRun, type ApplyPlanOptions, type ApplyPlanResult } from './port';
import { WorkbookError, describe } from './errors';
import { draw, rectOf, validateDrawable } from './render';
import { refFormula } from './refs';
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

  try {
    await run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      const names = ctx.workbook.names;
      names.load('items/name,items/formula');
      await ctx.sync();

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
        draw(ws, sp, { layout: true });
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
    });
  } catch (e) {
    const reason = e instanceof WorkbookError && e.message === CANCELLED ? CANCELLED : describeStep(e, created);
    const undone = await rollback(run, planned.map((p) => p.name), addedNames, repointed);
    throw new WorkbookError(
      undone ? `生成公开表失败：${reason}，已撤销已创建的工作表` : `生成公开表失败：${reason}；撤销未完成，请手工删除新建的工作表：${planned.map((p) => p.name).join('、')}`,
      e,
    );
  }
  return { created, names: [...addedNames, ...repointed.keys()] };
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
