/**
 * The key figures of a unit's package, read from its tables, each with the table
 * cell it comes from. The narrative states them; the layout names their cells.
 * A blank cell in a published table means zero; a missing table gives null.
 */
import { Decimal, ZERO, readAmount, sum } from '../money';
import type { BudgetRow, BudgetTable, UnitTables } from '../budget/types';
import type { KpiProject } from '../kpi/types';
import { amountOf, matchLines, resolveColumns, soleAmount } from '../layout/columns';
import { T1_INCOME_LINES, T1_TOTALS, T9_LINES, T11_LINES } from '../layout/lines';
import { T1_COLS, T3_COLS, T5_COLS, T6_COLS, T9_COLS, T10_COLS, T11_COLS } from '../layout/specs';
import { norm } from '../text';

export interface Figure {
  value: Decimal | null;
  /** `T1.收入总计`, `T3.合计.基本支出` … */
  source: string;
}

export const FIGURE_KEYS = [
  '收入总计',
  '本年收入合计',
  '一般公共预算拨款收入',
  '政府性基金预算拨款收入',
  '国有资本经营预算拨款收入',
  '财政专户管理资金收入',
  '事业收入',
  '事业单位经营收入',
  '上级补助收入',
  '附属单位上缴收入',
  '其他收入',
  '上年结转结余',
  '支出总计',
  '本年支出合计',
  '基本支出',
  '项目支出',
  '人员经费',
  '公用经费',
  '三公经费',
  '因公出国（境）费',
  '公务用车购置及运维费',
  '公务用车购置费',
  '公务用车运行维护费',
  '公务接待费',
  '政府采购',
  '固定资产',
  '财政拨款',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];
export type KeyFigures = Record<FigureKey, Figure>;

/** Rows of a table that are its 合计 row (no code, named 合计/总计). */
export function totalRow(t: BudgetTable | undefined): BudgetRow | undefined {
  return t?.rows.find((r) => !r.code && /^(合计|总计)$/.test(norm(r.line ?? r.name)));
}

const orZero = (t: BudgetTable | undefined, v: Decimal | null): Decimal | null => (t ? (v ?? ZERO) : null);

export function keyFigures(tables: UnitTables): KeyFigures {
  const f = {} as KeyFigures;
  const { T1, T3, T5, T6, T9, T10, T11 } = tables;

  // T1: income and expense sides, lines matched by name.
  const t1c = { income: resolveColumns(T1, T1_COLS.income), expense: resolveColumns(T1, T1_COLS.expense) };
  const income = (T1?.rows ?? []).filter((r) => r.side !== 'expense');
  const expense = (T1?.rows ?? []).filter((r) => r.side === 'expense');
  const inc = matchLines(income, [...T1_INCOME_LINES, ...T1_TOTALS.income]);
  const exp = matchLines(expense, T1_TOTALS.expense);
  [...T1_INCOME_LINES, ...T1_TOTALS.income].forEach((l, i) => {
    f[l.label as FigureKey] = { value: orZero(T1, soleAmount(inc.byLine[i], t1c.income, 'income')), source: `T1.${l.label}` };
  });
  T1_TOTALS.expense.forEach((l, i) => {
    if (l.label === '年终结转结余') return;
    f[l.label as FigureKey] = { value: orZero(T1, soleAmount(exp.byLine[i], t1c.expense, 'expense')), source: `T1.${l.label}` };
  });

  // 基本/项目支出 from the 支出总表 (or the 一般公共预算支出表 when the unit has only that).
  const basicTable = T3 ?? T5;
  const bc = resolveColumns(basicTable, T3 ? T3_COLS : T5_COLS);
  const bt = totalRow(basicTable);
  const bk = T3 ? 'T3' : 'T5';
  f.基本支出 = { value: orZero(basicTable, amountOf(bt, bc, 'basic')), source: `${bk}.合计.基本支出` };
  f.项目支出 = { value: orZero(basicTable, amountOf(bt, bc, 'project')), source: `${bk}.合计.项目支出` };

  const c6 = resolveColumns(T6, T6_COLS);
  const r6 = totalRow(T6);
  f.人员经费 = { value: orZero(T6, amountOf(r6, c6, 'personnel')), source: 'T6.合计.人员经费' };
  f.公用经费 = { value: orZero(T6, amountOf(r6, c6, 'public')), source: 'T6.合计.公用经费' };

  const c9 = resolveColumns(T9, T9_COLS);
  const m9 = matchLines(T9?.rows ?? [], T9_LINES);
  const t9 = (i: number, key: FigureKey) => {
    f[key] = { value: orZero(T9, amountOf(m9.byLine[i], c9, 'total')), source: `T9.${T9_LINES[i].label}.合计` };
  };
  t9(1, '三公经费');
  t9(2, '因公出国（境）费');
  t9(5, '公务用车购置及运维费');
  t9(6, '公务用车购置费');
  t9(7, '公务用车运行维护费');
  t9(8, '公务接待费');

  // 政府采购: the 合计 row's 合计 when present, else the sum of the purchase rows.
  const c10 = resolveColumns(T10, T10_COLS);
  const r10 = totalRow(T10);
  const purchases = (T10?.rows ?? []).filter((r) => r !== r10);
  const t10 = r10
    ? amountOf(r10, c10, 'total') ?? amountOf(r10, c10, 'budget')
    : sum(purchases.map((r) => amountOf(r, c10, 'total') ?? amountOf(r, c10, 'budget') ?? ZERO));
  f.政府采购 = { value: orZero(T10, t10), source: 'T10.合计' };

  const c11 = resolveColumns(T11, T11_COLS);
  const m11 = matchLines(T11?.rows ?? [], T11_LINES);
  f.固定资产 = { value: orZero(T11, amountOf(m11.byLine[0], c11, 'value')), source: 'T11.资产总额.价值' };

  // 财政拨款: the three appropriation lines of T1 收入 together.
  const fiscal = [f.一般公共预算拨款收入, f.政府性基金预算拨款收入, f.国有资本经营预算拨款收入].map((x) => x.value);
  f.财政拨款 = { value: fiscal.some((v) => v === null) ? null : sum(fiscal as Decimal[]), source: 'T1.财政拨款' };
  return f;
}

/**
 * Everything the 说明 and the layout read from one unit's tables, computed once per
 * unit: the key figures and the largest 公用经费 items (what 机关运行经费 pays for).
 */
export interface UnitFigures {
  key: KeyFigures;
  /** Names of the largest 公用经费 款 items of T6, largest first. */
  operatingItems: string[];
  /** True when every income is a 财政拨款 and nothing is carried over (其中财政资金 = 预算数). */
  fiscalOnly: boolean;
}

export function unitFigures(tables: UnitTables): UnitFigures {
  const key = keyFigures(tables);
  const t6 = tables.T6;
  let operatingItems: string[] = [];
  if (t6) {
    const cols = resolveColumns(t6, T6_COLS);
    operatingItems = t6.rows
      .filter((r) => r.code && /^30[2-9]\d\d$/.test(r.code))
      .map((r) => ({ name: norm(r.name), v: amountOf(r, cols, 'public') ?? ZERO }))
      .filter((r) => r.v.isPositive())
      .sort((a, z) => z.v.comparedTo(a.v))
      .map((r) => r.name);
  }
  const total = key.收入总计.value;
  const fiscal = key.财政拨款.value;
  const fiscalOnly = !!total && !!fiscal && total.isPositive() && total.equals(fiscal);
  return { key, operatingItems, fiscalOnly };
}

/** 预算数 of each 绩效目标表 project (万元), null where the table states none or garbage. */
export function projectBudgets(projects: KpiProject[]): (Decimal | null)[] {
  return projects.map((p) => {
    const a = readAmount((p.budget ?? '').replace(/\s*万元$/, ''));
    return a.kind === 'number' ? a.value : null;
  });
}

/** Project name as the 说明输入 keys it (`预算数：就业工作经费`). */
export function projectKeyName(p: KpiProject): string {
  return norm(p.name || p.title || '').replace(/绩效目标表$/, '');
}

/**
 * 预算数 of one project and where it comes from: its own 绩效目标表; else the clerk's
 * 说明输入 (`预算数：项目名称`); else, for a unit with a single project, the tables'
 * 项目支出 total. Null when none of these says.
 */
export function projectBudget(
  p: KpiProject,
  all: KpiProject[],
  f: UnitFigures,
  given?: Record<string, string>,
): { value: Decimal | null; source: string } {
  const i = all.indexOf(p);
  const own = readAmount((p.budget ?? '').replace(/\s*万元$/, ''));
  if (own.kind === 'number' && own.value) return { value: own.value, source: `KPI.${i + 1}.预算数` };
  const name = projectKeyName(p);
  const typed = given?.[name];
  if (typed !== undefined) {
    const a = readAmount(typed.replace(/\s*万元$/, ''));
    if (a.kind === 'number' && a.value) return { value: a.value, source: `输入.预算数：${name}` };
  }
  if (all.length === 1 && f.key.项目支出.value) return { value: f.key.项目支出.value, source: f.key.项目支出.source };
  return { value: null, source: '' };
}
