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

const LAST_ROW = 1_048_576;
const LAST_COL = 'XFD';

/**
 * Excel writes whole columns, rows and the whole sheet (Ctrl+A) without cell parts:
 * `Sheet1!A:C`, `Sheet1!3:5`, `Sheet1!1:1048576`. Spelled out as cells (`A1:C1048576`,
 * `A3:XFD5`) so the first cell is where writing starts.
 */
export function boundedAddress(address: string): string {
  const bang = address.lastIndexOf('!');
  const head = bang >= 0 ? address.slice(0, bang + 1) : '';
  const local = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, '');
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(local);
  if (cols) return `${head}${cols[1]}1:${cols[2]}${LAST_ROW}`;
  const rows = /^(\d+):(\d+)$/.exec(local);
  if (rows) return `${head}A${rows[1]}:${LAST_COL}${rows[2]}`;
  return address;
}

export async function getSelection(ctx: Excel.RequestContext): Promise<{ sheet: string; address: string }> {
  const r = ctx.workbook.getSelectedRange();
  r.load('address');
  try {
    await ctx.sync();
  } catch (e) {
    // getSelectedRange: "If there are multiple ranges selected, this method will throw an error."
    if ((e as { code?: string } | null)?.code === 'InvalidSelection') {
      throw new WorkbookError('当前选中了多个不相连的区域，请只选择一个单元格或一块连续区域后再试。');
    }
    throw fail('读取选区失败', e);
  }
  const parsed = splitAddress(boundedAddress(r.address));
  if (!parsed || parsed.sheet === undefined) throw new WorkbookError(`无法识别当前选区：${r.address}`);
  return { sheet: parsed.sheet, address: parsed.local };
}
