/**
 * One 绩效目标表 per project in the full header layout (kpi.md layout 2): 单位,
 * 项目编码/项目名称, 预算数/财政资金/其他资金, 资金用途, 资金支出计划（%）, 绩效目标,
 * then the indicator grid with 一级/二级 merged down their runs. Six columns, so
 * the grid header can repeat on every printed page.
 */
import { readAmount, type Decimal } from '../money';
import { MARKER } from '../narrative';
import type { PlanValue, SheetPlan } from '../plan';
import type { KpiProject } from '../kpi/types';
import { finish, writeTitle, writeUnitLine, type LayoutContext } from './frame';
import { SheetBuilder, LINE_HEIGHT } from './grid';
import { sanitizeSheetName } from './sheet-names';
import { AMOUNT, HEAD, PORTRAIT, TEXT } from './styles';

const WIDTHS = [12, 14, 18, 26, 16, 18];
const DEFAULT_PLAN = ['3月底', '6月底', '10月底', '12月底'];
const GRID_HEAD = ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'];

export function kpiSheetKey(i: number): string {
  return `KPI-${i + 1}`;
}

/** `绩效1 就业工作经费` (≤ 31 characters). */
export function kpiSheetName(p: KpiProject, i: number): string {
  return sanitizeSheetName(`绩效${i + 1} ${projectName(p)}`);
}

export function projectName(p: KpiProject): string {
  return (p.name || p.title || '').replace(/绩效目标表$/, '').replace(/[-—－]+$/, '').trim();
}

export function kpiTitle(p: KpiProject): string {
  return `${projectName(p) || '项目'}绩效目标表`;
}

/** 预算数 text → number when it is one (published as `0.00`), else the text as written. */
function money(v: string | undefined): PlanValue {
  if (v === undefined || v.trim() === '') return null;
  const a = readAmount(v.replace(/\s*万元$/, ''));
  return a.kind === 'number' && a.value ? a.value.toNumber() : v;
}

/** Goals numbered `1.…` one per line, whatever numbering the input used. */
function goalsText(goals: string[]): string {
  const clean = goals.map((g) => g.replace(/^\s*[（(]?\d+[)）.、．]\s*/, '').trim()).filter(Boolean);
  if (clean.length <= 1) return clean[0] ?? '';
  return clean.map((g, i) => `${i + 1}.${g}`).join('\n');
}

/**
 * What the header block's money row shows when the project's own table states no
 * 预算数: the amount known from the tables or the clerk's 说明输入, with 其中财政资金 =
 * 预算数 and 其他资金 = 0 when all the unit's income is 财政拨款; else a marker.
 */
export interface KpiBudget {
  value: Decimal | null;
  fiscalOnly: boolean;
}

export function kpiSheet(p: KpiProject, i: number, ctx: LayoutContext, known?: KpiBudget): SheetPlan {
  const b = new SheetBuilder(kpiSheetKey(i), kpiSheetName(p, i), WIDTHS);
  const w = b.width;
  writeTitle(b, kpiTitle(p));
  writeUnitLine(b, p.unit?.trim() || ctx.unitText, ['单位：万元']);

  const top = b.next;
  const r1 = b.row(['项目编码', p.code ?? null, null, '项目名称', projectName(p) || null, null]);
  b.merge(r1, 1, r1, 2);
  b.merge(r1, 4, r1, 5);
  b.style(r1, 1, r1, 1, { numberFormat: '@' });
  // A long 项目名称 wraps inside its merged cell and the row grows, instead of running into the next row.
  b.fitRow(r1, new Map([[1, b.span(1, 2)], [4, b.span(4, 5)]]));
  let budget = money(p.budget);
  let fiscal = money(p.fiscal);
  let other = money(p.other);
  if (budget === null) {
    if (known?.value) {
      budget = known.value.toNumber();
      if (known.fiscalOnly && fiscal === null && other === null) {
        fiscal = budget;
        other = 0;
      }
    } else budget = MARKER(`预算数：${projectName(p)}`);
  }
  const r2 = b.row(['预算数', budget, '其中：财政资金', fiscal, '其他资金', other]);
  if (typeof budget === 'string') b.style(r2, 1, r2, 1, { fill: '#FFF2CC', fontColor: '#C00000', wrap: true });
  for (const c of [1, 3, 5]) if (typeof b.values[r2 - 1][c] === 'number') b.style(r2, c, r2, c, { ...AMOUNT, hAlign: 'right' });
  const r3 = b.row(['资金用途', p.use?.trim() || null]);
  b.merge(r3, 1, r3, w - 1);

  // 资金支出计划（%）: labels then percentages (stored as fractions, shown as %).
  const points = p.plan?.length ? p.plan.slice(0, w - 1) : DEFAULT_PLAN.map((label) => ({ label, value: null, raw: '' }));
  const r4 = b.row(['资金支出计划（%）', ...points.map((q) => q.label)]);
  const r5 = b.row([null, ...points.map((q) => (q.value !== null && Number.isFinite(q.value) ? q.value / 100 : q.raw?.trim() || null))]);
  b.merge(r4, 0, r5, 0);
  if (points.length < w - 1) {
    b.merge(r4, points.length, r4, w - 1);
    b.merge(r5, points.length, r5, w - 1);
  }
  b.style(r4, 1, r4, w - 1, { hAlign: 'center' });
  b.style(r5, 1, r5, w - 1, { hAlign: 'center', numberFormat: '0%' });

  const r6 = b.row(['绩效目标', goalsText(p.goals) || null]);
  b.merge(r6, 1, r6, w - 1);
  for (const r of [r3, r6]) b.fitRow(r, new Map([[1, b.span(1, w - 1)]]));
  b.fitRow(r2, new Map([[1, b.span(1, 1)]]));

  b.style(top, 0, r6, w - 1, { border: true, vAlign: 'middle', wrap: true });
  b.style(top, 0, r6, 0, { bold: true, hAlign: 'center' });
  b.style(r1, 3, r1, 3, { bold: true, hAlign: 'center' });
  b.style(r2, 2, r2, 2, { bold: true, hAlign: 'center' });
  b.style(r2, 4, r2, 4, { bold: true, hAlign: 'center' });
  b.style(r3, 1, r3, 1, { hAlign: 'left' });
  b.style(r6, 1, r6, 1, { hAlign: 'left' });

  const head = b.row(GRID_HEAD);
  b.style(head, 0, head, w - 1, HEAD);
  b.height(head, 2 * LINE_HEIGHT + 4);

  const first = b.next;
  for (const ind of p.indicators) {
    const r = b.row([ind.level1, ind.level2, ind.level3, ind.description, ind.value, ind.basis]);
    b.fitRow(r, new Map(WIDTHS.map((wd, c) => [c, wd])));
  }
  const last = b.next - 1;
  if (last >= first) {
    b.style(first, 0, last, w - 1, TEXT);
    b.style(first, 0, last, 1, { hAlign: 'center' });
    // 一级 runs, and 二级 runs inside each 一级 run, merged vertically as published.
    const l1 = p.indicators.map((x) => x.level1);
    mergeRuns(b, first, last, 1, (r, s) => l1[r - first] === l1[s - first]);
    mergeRuns(b, first, last, 0, () => true);
  }
  const sheet = finish(b, null, PORTRAIT);
  sheet.page.printTitleRows = `$${head}:$${head}`;
  return sheet;
}

/** Merges runs of equal non-blank values in column `col` (continuing only while `same(row, runStart)`). */
function mergeRuns(b: SheetBuilder, first: number, last: number, col: number, same: (r: number, start: number) => boolean): void {
  let s = first;
  for (let r = first + 1; r <= last + 1; r++) {
    const cont = r <= last && b.values[r - 1][col] !== null && b.values[r - 1][col] === b.values[s - 1][col] && same(r, s);
    if (cont) continue;
    if (r - 1 > s && b.values[s - 1][col] !== null) {
      b.merge(s, col, r - 1, col);
      for (let k = s + 1; k < r; k++) b.values[k - 1][col] = null;
    }
    s = r;
  }
}
