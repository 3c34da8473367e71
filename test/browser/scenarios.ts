/**
 * Workbooks the browser tests drive the task pane with (Excel and WPS harnesses alike):
 * the 巨鹿 fixture with one amount changed so a balance breaks, a sheet named like an HTML
 * tag, and a sheet holding one layout-2 绩效目标表 project.
 */
import { analyzeWorkbook } from '../../src/model/analyze';
import { detectTables } from '../../src/model/detect';
import { findingKey } from '../../src/model/findings';
import { parseRange } from '../../src/model/address';
import type { SheetGrid } from '../../src/model/workbook';
import { emptyDraft, kpiProjectBlock } from '../../src/model/templates';
import { withCell, type HarnessWorkbook } from './workbook-json';

export const XSS = '<img src=x onerror=alert(1)>';

export const grids = (wb: HarnessWorkbook): SheetGrid[] => wb.sheets.map((s) => ({ name: s.name, values: s.values, origin: { row: 0, col: 0 } }));

/** A sheet holding one layout-2 project (a 发放率 given in 人) and a note under it. */
export function kpiWorkbook(): HarnessWorkbook {
  const d = emptyDraft();
  Object.assign(d, { unit: '323001 巨鹿县人力资源和社会保障局本级', code: 'P2023-07', name: '就业见习补贴', budget: '30', fiscal: '30', other: '0', use: '见习人员生活补贴', goals: '1.组织就业见习' });
  d.plan = ['25', '50', '75', '100'];
  d.indicators = [
    { level1: '产出指标', level2: '数量指标', level3: '见习人数', description: '', op: '≥', number: '60', unit: '人', basis: '计划' },
    { level1: '产出指标', level2: '质量指标', level3: '见习补贴发放率', description: '', op: '≥', number: '60', unit: '人', basis: '计划' },
    { level1: '效益指标', level2: '社会效益指标', level3: '促进就业', description: '', op: '', number: '效果明显', unit: '', basis: '调查' },
    { level1: '满意度指标', level2: '服务对象满意度指标', level3: '见习人员满意度', description: '', op: '≥', number: '90', unit: '%', basis: '问卷' },
  ];
  const block = kpiProjectBlock(d);
  const values = block.values.map((r) => r.map((v) => v ?? ''));
  values.push(new Array(6).fill(''), new Array(6).fill(''));
  values.push(['下方的其他内容', '', '', '', '', '']);
  return { sheets: [{ name: '绩效目标表', values, merges: block.merges.filter((m) => m.includes(':')) }] };
}

/** Amount cells of 款-level rows (5-digit codes) of every 支出总表 (T3) in the workbook. */
function t3Amounts(wb: HarnessWorkbook): { sheet: string; row: number; col: number; value: number }[] {
  const out: { sheet: string; row: number; col: number; value: number }[] = [];
  for (const g of grids(wb)) {
    for (const t of detectTables(g).filter((x) => x.kind === 'T3')) {
      const r = parseRange(t.range)!;
      for (let row = r.start.row; row <= r.end.row; row++) {
        const cells = g.values[row] ?? [];
        const codeCol = cells.findIndex((v, c) => c >= r.start.col && c <= r.end.col && /^\d{5}$/.test(String(v ?? '').trim()));
        if (codeCol < 0) continue;
        for (let col = codeCol + 2; col <= r.end.col; col++) {
          const v = cells[col];
          if (typeof v === 'number' && v !== 0) out.push({ sheet: g.name, row, col, value: v });
        }
      }
    }
  }
  return out;
}

/** Changes one 支出总表 amount so a balance breaks: the copy and an error the model finds on it only. */
export function perturb(wb: HarnessWorkbook) {
  const before = new Set(analyzeWorkbook({ sheets: grids(wb) }).findings.map(findingKey));
  for (const c of t3Amounts(wb)) {
    const copy = withCell(wb, c.sheet, c.row, c.col, Math.round((c.value + 1) * 100) / 100);
    const fresh = analyzeWorkbook({ sheets: grids(copy) }).findings.filter((f) => !before.has(findingKey(f)) && f.sheet && f.cell && f.severity === 'error');
    if (fresh.length) return { wb: copy, finding: fresh[0], sheet: c.sheet, row: c.row, col: c.col, original: c.value };
  }
  throw new Error('fixture: no 支出总表 amount whose change breaks a balance');
}

/** The base workbook plus a sheet named like an HTML tag: a copy of the 支出总表 sheet with the tag also in an amount cell. */
export function xssWorkbook(wb: HarnessWorkbook): HarnessWorkbook {
  const target = t3Amounts(wb)[0];
  if (!target) throw new Error('fixture: no 支出总表');
  const copy: HarnessWorkbook = JSON.parse(JSON.stringify(wb));
  const src = copy.sheets.find((s) => s.name === target.sheet)!;
  const values = JSON.parse(JSON.stringify(src.values)) as unknown[][];
  values[target.row][target.col] = XSS;
  copy.sheets.push({ name: XSS, values, formats: src.formats, merges: src.merges });
  return copy;
}

/** Whether an A1 address (`'Sheet'!C5`) points at `cell` on `sheet`. */
export const sameCell = (a: string | null | undefined, sheet: string, cell: string): boolean => {
  if (!a) return false;
  const p = parseRange(a);
  const q = parseRange(cell);
  return !!p && !!q && p.sheet === sheet && p.start.row === q.start.row && p.start.col === q.start.col;
};
