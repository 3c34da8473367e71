/** Jumping to a finding's cell and asking where the user is. One sync each. */
import { WorkbookError, fail } from './errors';
import { splitAddress } from './refs';

export async function select(ctx: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const parsed = splitAddress(cell);
  if (!parsed) throw new WorkbookError(`无法定位：“${cell}”不是有效的单元格地址`);
  const target = parsed.sheet ?? sheet;
  try {
    const ws = ctx.workbook.worksheets.getItem(target);
    ws.activate();
    ws.getRange(parsed.local).select();
    await ctx.sync();
  } catch (e) {
    throw fail(`无法定位到“${target}”!${parsed.local}（工作表可能已改名、删除或隐藏）`, e);
  }
}

export async function getSelection(ctx: Excel.RequestContext): Promise<{ sheet: string; address: string }> {
  const r = ctx.workbook.getSelectedRange();
  r.load('address');
  await ctx.sync();
  const parsed = splitAddress(r.address);
  if (!parsed || parsed.sheet === undefined) throw new WorkbookError(`无法识别当前选区：${r.address}`);
  return { sheet: parsed.sheet, address: parsed.local };
}
