/** `--report out.xlsx`: the findings of a batch check as a workbook a reviewer can filter. */
import ExcelJS from 'exceljs';
import { SEVERITY_ZH } from '../model/findings';
import type { CliFinding } from './types';
import { fitCell, writeWorkbookAtomic } from './write-plan';

export async function writeReport(findings: CliFinding[], path: string, opts: { force?: boolean } = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '预算公开表格助手';
  const ws = wb.addWorksheet('校验报告');
  ws.columns = [
    { header: '文件', key: 'file', width: 36 },
    { header: '工作表', key: 'sheet', width: 22 },
    { header: '位置', key: 'cell', width: 8 },
    { header: '规则', key: 'rule', width: 14 },
    { header: '级别', key: 'severity', width: 6 },
    { header: '说明', key: 'message', width: 80 },
  ];
  for (const f of findings) ws.addRow({ ...f, message: fitCell(f.message), severity: SEVERITY_ZH[f.severity] ?? f.severity });
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: 'A1', to: 'F1' };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  await writeWorkbookAtomic(wb, path, opts);
}
