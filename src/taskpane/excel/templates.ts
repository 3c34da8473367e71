/**
 * Blank templates (表格 view) and a 绩效目标表 project in the standard layout (绩效
 * view): either a new sheet, or a block written at a cell the user picked — only
 * into blank cells unless the user confirmed overwriting.
 */
import { parseA1 } from '../../model/address';
import type { SheetPlan } from '../../model/plan';
import { applyPlan } from './apply-plan';
import { WorkbookError, fail } from './errors';
import type { BlockPlan, ExcelRun } from './port';
import { display, splitAddress, type SheetRect } from './refs';
import { draw, extentOf, validateDrawable } from './render';

export async function insertSheet(run: ExcelRun, sheet: SheetPlan, opts: { activate?: boolean } = {}): Promise<{ name: string }> {
  const res = await applyPlan(run, { sheets: [sheet], names: [] }, { activate: opts.activate });
  return { name: res.created[0].name };
}

/** Where a block lands (shared with the WPS adapter); refuses a bad block or cell in Chinese. */
export function blockTarget(
  target: { sheet: string; cell: string },
  block: BlockPlan,
): { sheetName: string; start: { row: number; col: number }; rect: SheetRect; where: string } {
  const problems = validateDrawable(block, '写入区域');
  if (problems.length) throw new WorkbookError(`写入失败：${problems.join('；')}`);
  const parsed = splitAddress(target.cell);
  const start = parsed && parseA1(parsed.local.split(':')[0]);
  if (!parsed || !start) throw new WorkbookError(`写入失败：“${target.cell}”不是有效的单元格地址`);
  const sheetName = parsed.sheet ?? target.sheet;
  const ext = extentOf(block);
  const rect = { sheet: sheetName, r0: start.row, c0: start.col, r1: start.row + ext.r1, c1: start.col + ext.c1 };
  return { sheetName, start, rect, where: display(rect) };
}

export async function writeUserBlock(
  ctx: Excel.RequestContext,
  target: { sheet: string; cell: string },
  block: BlockPlan,
  opts: { overwrite?: boolean; select?: boolean } = {},
): Promise<{ range: string }> {
  const { sheetName, start, rect, where } = blockTarget(target, block);

  const ws = ctx.workbook.worksheets.getItem(sheetName);
  let used: Excel.Range | null = null;
  if (!opts.overwrite) {
    used = ws.getRangeByIndexes(rect.r0, rect.c0, rect.r1 - rect.r0 + 1, rect.c1 - rect.c0 + 1).getUsedRangeOrNullObject(true);
    used.load('address');
  }
  try {
    await ctx.sync();
  } catch (e) {
    throw fail(`写入失败：找不到工作表“${sheetName}”`, e);
  }
  if (used && !used.isNullObject) throw new WorkbookError(`目标区域 ${where} 不是空白（${used.address} 有内容），未写入。请选择空白区域，或确认覆盖。`);
  try {
    // Existing merges inside the area would reject the values write; the area is ours now,
    // and so are old drop-downs in it (cleared only when the block brings its own).
    if (opts.overwrite) {
      const area = ws.getRangeByIndexes(rect.r0, rect.c0, rect.r1 - rect.r0 + 1, rect.c1 - rect.c0 + 1);
      area.unmerge();
      if (block.validations?.length) area.dataValidation.clear();
    }
    // Blank cells can still carry a user's validation: replace it under our drop-downs.
    draw(ws, block, { at: { row: start.row, col: start.col }, replaceValidations: !opts.overwrite });
    if (opts.select) {
      ws.activate();
      ws.getRangeByIndexes(rect.r0, rect.c0, 1, 1).select();
    }
    await ctx.sync();
  } catch (e) {
    throw fail(`写入 ${where} 失败`, e);
  }
  return { range: where };
}
