/**
 * Workbook-level rules: what the reader met (unreadable file, formulas without results,
 * content far from the tables) and what the workbook lacks (nothing recognised, missing
 * mandatory tables). Silence must mean "checked": a workbook in which nothing was found
 * never passes as 无问题.
 */
import { ruleMaker, type RuleDef } from './findings';
import type { TableKind } from './budget/types';

const R = ruleMaker('#workbook');

const LIST: RuleDef[] = [
  R('WB-001', 'error', '文件无法读取', '无法读取：{reason}', ['#file'], '.xls、.csv、加密或损坏的文件'),
  R('WB-002', 'error', '没有识别出任何表格', '工作簿中没有识别出{what}（查看了 {count} 个工作表：{sheets}）。表格要有标题（如“单位预算收支总表”）和表头（科目编码、科目名称、合计…；绩效目标表要有 一级指标/二级指标/三级指标/指标值）', ['#coverage'], '只有一张电话表'),
  R('WB-003', 'error', '缺少必报表', '{unit}缺少{table}（{title}）：{set}都要公开，空表也要列示', ['#coverage'], '只有支出总表'),
  R('WB-004', 'info', '没有预算公开表', '工作簿中没有识别出预算公开表，只检查了 {count} 个绩效目标表', ['#coverage'], '只有绩效目标表的工作簿'),
  R('WB-005', 'error', '公式没有计算结果', '{cell} 是公式 ={formula}，文件里没有保存它的计算结果，本工具也算不出（{why}）：请在 Excel 或 WPS 中打开、保存后再检查', ['#cell', '#formula'], '程序生成的文件只有公式没有结果'),
  R('WB-006', 'info', '公式结果由本工具算出', '{cell} 是公式 ={formula}，文件里没有保存计算结果，已按公式算得 {value}；在 Excel 或 WPS 中打开并保存即可消除此提示', ['#cell', '#formula'], '=SUM(D9:D16) 没有缓存值'),
  R('WB-007', 'info', '远离表格的单元格未读取', '{count} 个远离表格的单元格未读取（最远的在 {cell}），它们与表格之间隔着上万个空行或上千个空列；如确有内容，请移到表格旁边', ['#cell'], 'XFD1048576 有一个字'),
  R('WB-008', 'warning', '设置表的行无法识别', '设置表“{sheet}”第{row}行：{problem}，该行未生效', ['#settings'], '规则 KPI-UNIT-99 不存在'),
];

export const WORKBOOK_RULES: Readonly<Record<string, RuleDef>> = Object.fromEntries(LIST.map((r) => [r.id, r]));

/** The nine tables every 单位预算 package publishes (tables.md T1–T9); T10/T11 are optional. */
export const MANDATORY_TABLES: readonly TableKind[] = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9'];
