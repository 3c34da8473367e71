/**
 * Literal workbooks for the adapter tests: disclosure-like tables, a 绩效目标表,
 * and noise sheets, plus a small title-based detector standing in for the model's
 * detectTables where a test only exercises the adapter's plumbing.
 */
import type { DetectedTable } from '../../src/model/detect';
import type { SheetGrid } from '../../src/model/workbook';
import { rangeA1 } from '../../src/model/address';
import { ExcelDouble } from '../double';

export const TITLES: Record<string, string> = {
  单位预算收支总表: '收支总表',
  单位预算收入总表: '收入总表',
  单位预算支出总表: '支出总表',
  单位预算财政拨款收支总表: '财政拨款收支总表',
  单位预算一般公共预算财政拨款支出表: '一般公共预算支出表',
  单位预算一般公共预算财政拨款基本支出表: '基本支出表',
  单位预算政府性基金预算财政拨款支出表: '政府性基金支出表',
  单位预算国有资本经营预算财政拨款支出表: '国有资本经营支出表',
  '单位预算财政拨款"三公"经费支出表': '三公经费表',
  单位政府采购预算表: '政府采购表',
  单位固定资产占用情况表: '固定资产表',
  项目支出绩效目标表: '绩效目标表',
};

/** A budget-table-shaped grid: title, unit line, header, `rows` lines of codes and amounts. */
export function budgetGrid(title: string, rows = 12): unknown[][] {
  const out: unknown[][] = [
    [title, '', '', ''],
    ['323001巨鹿县人力资源和社会保障局本级', '', '', '预算年度：2023 单位：万元'],
    ['科目编码', '科目名称', '预算数', '备注'],
  ];
  for (let i = 0; i < rows; i++) out.push([`2080${(i % 9) + 1}`, `项目${i + 1}`, Math.round((100 + i * 37.31) * 100) / 100, '']);
  out.push(['', '合计', 3889.89, '']);
  return out;
}

export function kpiGrid(): unknown[][] {
  return [
    ['项目支出绩效目标表', '', '', '', ''],
    ['一级指标', '二级指标', '三级指标', '指标值', '备注'],
    ['产出指标', '数量指标', '发放人数', '≥135人', ''],
    ['产出指标', '质量指标', '发放准确率', '=100%', ''],
    ['效益指标', '社会效益指标', '群众满意度', '≥95%', ''],
  ];
}

export function noiseGrid(i: number): unknown[][] {
  return Array.from({ length: 8 + (i % 5) }, (_, r) => [`备注${i}-${r}`, r * i, r % 2 ? 'x' : '', `=A${r + 1}`]);
}

/** Finds the titles above in a sheet; the table runs to the sheet's last used row. */
export function titleDetector(sheet: SheetGrid): DetectedTable[] {
  const out: DetectedTable[] = [];
  const width = Math.max(0, ...sheet.values.map((r) => r.length));
  sheet.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v !== 'string' || !(v in TITLES)) return;
      const kindName = TITLES[v];
      out.push({
        kind: kindName === '绩效目标表' ? 'KPI' : 'T1',
        kindName,
        title: v,
        sheet: sheet.name,
        range: rangeA1({ row: sheet.origin.row + r, col: sheet.origin.col + c }, sheet.values.length - r, width - c),
      });
    }),
  );
  return out;
}

/** 30 sheets: 11 tables (one offset to C5), 2 绩效目标表, 17 noise sheets (one empty, one hidden). */
export function thirtySheets(): ExcelDouble {
  const xl = new ExcelDouble();
  const titles = Object.keys(TITLES).filter((t) => t !== '项目支出绩效目标表');
  titles.forEach((t, i) => xl.addSheet(`2.${i + 1}${TITLES[t]}`, budgetGrid(t, 10 + i), i === 3 ? { at: 'C5' } : {}));
  xl.addSheet('绩效1', kpiGrid());
  xl.addSheet('绩效 2', kpiGrid(), { at: 'B2' });
  for (let i = 0; i < 17; i++) {
    if (i === 0) xl.addSheet('Sheet空');
    else xl.addSheet(`附表${i}`, noiseGrid(i), i === 5 ? { visibility: 'Hidden' } : {});
  }
  return xl;
}

/** A clerk's workbook for applyPlan: a 收支总表 sheet, a sheet named like a free variant, a 说明 sheet and one name. */
export function clerkWorkbook(): ExcelDouble {
  const xl = new ExcelDouble();
  xl.addSheet('收支总表', budgetGrid('单位预算收支总表', 5));
  xl.addSheet('表2 (2)', [['x']]);
  xl.addSheet('说明', [['2023年说明']]);
  xl.defineName('BT.公开支出表', '说明!A1');
  return xl;
}
