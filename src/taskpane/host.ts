/**
 * Which spreadsheet the task pane runs in, decided once at start-up: WPS 表格 when the
 * page has WPS's `wps` object (checked first: a WPS page may also load office.js), Excel
 * when Office.js is present, otherwise neither — the pane then says so in Chinese.
 */
export type HostKind = 'wps' | 'office' | 'none';

export function chooseHost(g: object = globalThis): HostKind {
  const x = g as { wps?: unknown; Office?: unknown };
  if (x.wps && typeof x.wps === 'object') return 'wps';
  if (x.Office !== undefined) return 'office';
  return 'none';
}

export const NO_HOST_MESSAGE = '未连接到表格程序：请在 Excel（“开始 → 预算助手”）或 WPS 表格（“预算助手 → 打开任务窗格”）中打开预算公开表格助手。';
export const NOT_EXCEL_MESSAGE = '此加载项只能在 Excel 或 WPS 表格中使用。';
export const NO_WPS_WORKBOOK_MESSAGE = '未能连接 WPS 表格：请在 WPS 表格中打开一个工作簿后，再点“预算助手 → 打开任务窗格”。';
