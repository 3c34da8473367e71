/**
 * Within-table identities (tables.md "Identities", first block). All sums run on the
 * scaled integers the parser kept (hundredths of 万元), so comparisons are exact after
 * each input was rounded to the table's precision. A cell that could not be read (text,
 * #N/A) already has its own finding; identities that need it are skipped rather than
 * reported twice.
 */
import { makeFinding, type Finding } from '../findings';
import { fmtScaled } from './amount';
import { fmtMoney, moneyUnit, UNIT_FACTOR } from './units';
import { CODE_LENGTHS, schemeForKind } from './codes';
import { STRUCTURE, T10_FUNDING } from './kinds';
import { BASIS, BUDGET_RULES } from './rules';
import { KIND_NAMES, type AmountColumn, type BudgetRow, type BudgetTable, type Side } from './types';

export { checkUnit } from './cross';

/** Value of a row's column in scaled units; blank counts as zero. */
export function val(row: BudgetRow | undefined, key: string): number {
  return row?.scaled?.[key] ?? 0;
}

function isBad(row: BudgetRow | undefined, key: string): boolean {
  return row?.bad !== undefined && row.bad.includes(key);
}

interface Emit {
  t: BudgetTable;
  out: Finding[];
}

/** Adds an identity finding when actual ≠ expected. `cell` defaults to the row's cell in `col`. */
function identity(e: Emit, id: string, row: BudgetRow, col: AmountColumn, actual: number, expected: number, extra: Record<string, string | number> = {}): void {
  if (actual === expected) return;
  const t = e.t;
  const p = t.places;
  const u = t.unitLine.unit;
  const label = row.code ?? (row.line && row.role === 'total' ? '合计' : row.name);
  const params = {
    table: KIND_NAMES[t.kind],
    row: row.r + t.origin.row + 1,
    label,
    code: row.code ?? '',
    name: row.name,
    col: col.label,
    actual: fmtMoney(actual, p, u),
    expected: fmtMoney(expected, p, u),
    diff: fmtMoney(actual - expected, p, u),
    basis: BASIS[id] ?? '',
    ...extra,
  };
  const meta = { sheet: t.sheet, cell: row.cells[col.key], table: t.kind, expected: fmtScaled(expected, p), actual: fmtScaled(actual, p), diff: fmtScaled(actual - expected, p) };
  // A 万元 table rounded from 元 figures may be one hundredth off: that is a 尾差, said as such.
  if (isTail(t, actual - expected)) {
    e.out.push(makeFinding(BUDGET_RULES['BAL-019'], { ...params, what: `第${params.row}行 ${label} ${col.label}`, rule: BUDGET_RULES[id].title, source: moneyUnit(t.sourceUnit), unit: moneyUnit(u) }, meta));
    return;
  }
  e.out.push(makeFinding(BUDGET_RULES[id], params, meta));
}

/** True when a difference is within the rounding of a finer source unit into the table's unit. */
export function isTail(t: BudgetTable, diff: number): boolean {
  if (!t.sourceUnit || Math.abs(diff) !== 1) return false;
  return UNIT_FACTOR[moneyUnit(t.sourceUnit)] < UNIT_FACTOR[moneyUnit(t.unitLine.unit)];
}

function tableIssue(e: Emit, id: string, params: Record<string, string | number>, cell?: string): void {
  e.out.push(makeFinding(BUDGET_RULES[id], { table: KIND_NAMES[e.t.kind], ...params }, { sheet: e.t.sheet, cell, table: e.t.kind }));
}

function firstCell(t: BudgetTable): string {
  return t.range.split(':')[0];
}

// ---------------------------------------------------------------- code tables

/** Row identities of the code tables: which column is the sum of which (worked out once per table). */
function rowIdentityPlan(t: BudgetTable): ((e: Emit, row: BudgetRow) => void) | null {
  const col = (k: string) => t.columns.find((c) => c.key === k);
  const total = col('total');
  if (!total) return null;
  const sumOf = (row: BudgetRow, keys: string[]) => {
    let s = 0;
    for (const k of keys) s += val(row, k);
    return s;
  };
  const anyBad = (row: BudgetRow, keys: string[]) => !!row.bad && keys.some((k) => isBad(row, k));
  switch (t.kind) {
    case 'T2': {
      const sources = t.columns.filter((c) => !['total', 'carry', 'subtotal'].includes(c.key)).map((c) => c.key);
      const sub = col('subtotal');
      if (sub) {
        return (e, row) => {
          if (!anyBad(row, ['total', 'carry', 'subtotal'])) identity(e, 'BAL-201', row, total, val(row, 'total'), val(row, 'carry') + val(row, 'subtotal'));
          if (sources.length && !anyBad(row, ['subtotal', ...sources])) identity(e, 'BAL-202', row, sub, val(row, 'subtotal'), sumOf(row, sources));
        };
      }
      if (!sources.length) return null;
      return (e, row) => {
        if (!anyBad(row, ['total', 'carry', ...sources])) identity(e, 'BAL-201', row, total, val(row, 'total'), val(row, 'carry') + sumOf(row, sources));
      };
    }
    case 'T3': {
      const parts = t.columns.filter((c) => c.key !== 'total');
      const keys = parts.map((c) => c.key);
      const basis = parts.map((c) => c.label).join(' + ');
      if (!parts.length) return null;
      return (e, row) => {
        if (!anyBad(row, ['total', ...keys])) identity(e, 'BAL-203', row, total, val(row, 'total'), sumOf(row, keys), { basis });
      };
    }
    case 'T5':
    case 'T7':
    case 'T8':
      if (!col('basic') && !col('project')) return null;
      return (e, row) => {
        if (!anyBad(row, ['total', 'basic', 'project'])) identity(e, 'BAL-204', row, total, val(row, 'total'), val(row, 'basic') + val(row, 'project'));
      };
    case 'T6':
      if (!col('personnel') && !col('public')) return null;
      return (e, row) => {
        if (!anyBad(row, ['total', 'personnel', 'public'])) identity(e, 'BAL-205', row, total, val(row, 'total'), val(row, 'personnel') + val(row, 'public'));
      };
    default:
      return null;
  }
}

function checkCodeTable(e: Emit): void {
  const t = e.t;
  const scheme = schemeForKind(t.kind);
  const lens = CODE_LENGTHS[scheme];
  const coded = t.rows.filter((r) => r.role === 'code' && r.code);
  const byCode = new Map(coded.map((r) => [r.code!, r]));
  const children = new Map<string, BudgetRow[]>();
  const top: BudgetRow[] = [];
  for (const row of coded) {
    const code = row.code!;
    const li = lens.indexOf(code.length);
    // Nearest present ancestor: sums work by prefix even when a level is missing.
    let parent: BudgetRow | undefined;
    let missing: string | undefined;
    for (let i = li - 1; i >= 0; i--) {
      const p = byCode.get(code.slice(0, lens[i]));
      if (p) {
        parent = p;
        break;
      }
      if (!missing) missing = code.slice(0, lens[i]);
    }
    if (missing) {
      tableIssue(e, 'BAL-008', { row: row.r + t.origin.row + 1, code, name: row.name, parent: missing }, row.cells.code);
    }
    if (parent) {
      const list = children.get(parent.code!) ?? [];
      list.push(row);
      children.set(parent.code!, list);
    } else top.push(row);
  }
  for (const row of coded) {
    const kids = children.get(row.code!);
    if (!kids) continue;
    for (const col of t.columns) {
      if (isBad(row, col.key) || kids.some((k) => isBad(k, col.key))) continue;
      identity(e, 'BAL-101', row, col, val(row, col.key), kids.reduce((s, k) => s + val(k, col.key), 0));
    }
  }
  const total = t.rows.find((r) => r.role === 'total');
  if (total) {
    if (top.length) {
      for (const col of t.columns) {
        if (isBad(total, col.key) || top.some((k) => isBad(k, col.key))) continue;
        identity(e, 'BAL-102', total, col, val(total, col.key), top.reduce((s, k) => s + val(k, col.key), 0));
      }
    }
  } else if (coded.length) {
    tableIssue(e, 'BAL-014', {}, firstCell(t));
  }
  const plan = rowIdentityPlan(t);
  if (plan) for (const row of t.rows) plan(e, row);
}

// ---------------------------------------------------------------- T1 / T4

function checkTwoSided(e: Emit): void {
  const t = e.t;
  const nonEmpty = !t.empty;
  const grandBySide: Partial<Record<Side, BudgetRow>> = {};
  const subBySide: Partial<Record<Side, BudgetRow>> = {};
  for (const side of ['income', 'expense'] as const) {
    const rows = t.rows.filter((r) => r.side === side);
    const cols = t.columns.filter((c) => c.side === side);
    const items = rows.filter((r) => r.role === 'item');
    const sub = rows.find((r) => r.role === 'subtotal');
    const carries = rows.filter((r) => r.role === 'carry');
    const grand = rows.find((r) => r.role === 'grand');
    // Without carry-overs a table may print one total line only (Shanghai 收入总计, Jiangsu 收入合计).
    grandBySide[side] = grand ?? (carries.length || items.some((r) => /结转|结余/.test(r.line ?? '')) ? undefined : sub);
    subBySide[side] = sub;
    const word = side === 'income' ? '收入' : '支出';
    const carried = carries.length > 0 || items.some((r) => /结转|结余/.test(r.line ?? ''));
    if (nonEmpty && !sub && carried) tableIssue(e, 'BAL-010', { line: `本年${word}合计` }, firstCell(t));
    if (nonEmpty && !grand && !sub) tableIssue(e, 'BAL-010', { line: `${word}总计` }, firstCell(t));
    const carryName = carries.map((c) => c.name).join('、') || (side === 'income' ? '上年结转结余' : '年终结转结余');
    for (const col of cols) {
      const k = col.key;
      const sumItems = items.reduce((s, r) => s + val(r, k), 0);
      if (sub && !isBad(sub, k) && !items.some((r) => isBad(r, k))) {
        identity(e, side === 'income' ? 'BAL-301' : 'BAL-303', sub, col, val(sub, k), sumItems);
      }
      // `一、财政拨款收入` = its numbered lines `1、一般公共预算` …
      for (const item of items) {
        const subs = rows.filter((r) => r.role === 'sub' && r.line?.startsWith(`${item.line}:`));
        if (subs.length && !isBad(item, k) && !subs.some((r) => isBad(r, k))) {
          identity(e, 'BAL-308', item, col, val(item, k), subs.reduce((s, r) => s + val(r, k), 0), { label: item.name });
        }
      }
      // T4: 年初/年末结转和结余 = its sub-lines (一般公共预算 / 政府性基金 / 国有资本经营).
      for (const c of carries) {
        const subs = rows.filter((r) => r.role === 'carrySub' && r.line?.startsWith(`${c.line}:`));
        if (subs.length && !isBad(c, k) && !subs.some((r) => isBad(r, k))) {
          identity(e, 'BAL-306', c, col, val(c, k), subs.reduce((s, r) => s + val(r, k), 0), { label: c.name });
        }
      }
      if (grand && !isBad(grand, k) && !carries.some((r) => isBad(r, k)) && (sub ? !isBad(sub, k) : true)) {
        const base = sub ? val(sub, k) : sumItems;
        identity(e, side === 'income' ? 'BAL-302' : 'BAL-304', grand, col, val(grand, k), base + carries.reduce((s, r) => s + val(r, k), 0), {
          basis: carryName,
        });
      }
    }
  }
  // 收入总计 = 支出总计 (T4: the expense 合计 column).
  const gi = grandBySide.income;
  const ge = grandBySide.expense;
  const ci = t.columns.find((c) => c.side === 'income' && c.key === 'amount');
  const ce = t.columns.find((c) => c.side === 'expense' && (c.key === 'amount' || c.key === 'total'));
  if (gi && ge && ci && ce && !isBad(gi, ci.key) && !isBad(ge, ce.key)) {
    identity(e, 'BAL-305', ge, ce, val(ge, ce.key), val(gi, ci.key));
  }
  // Jiangsu's three blocks: the 功能分类 block adds up to the 支出用途 block's 当年支出小计.
  const fnItems = t.rows.filter((r) => r.side === 'function' && r.role === 'item');
  const fnCol = t.columns.find((c) => c.side === 'function');
  const target = subBySide.expense ?? grandBySide.expense;
  if (fnItems.length && fnCol && target && ce && !isBad(target, ce.key) && !fnItems.some((r) => isBad(r, fnCol.key))) {
    identity(e, 'BAL-307', target, ce, val(target, ce.key), fnItems.reduce((s, r) => s + val(r, fnCol.key), 0));
  }
  // Shanghai's 收支总表: 支出 合计 = 基本支出 (人员经费 + 公用经费) + 项目支出, row by row.
  if (t.kind === 'T1') {
    const has = (k: string) => t.columns.some((c) => c.side === 'expense' && c.key === k);
    const amount = t.columns.find((c) => c.side === 'expense' && c.key === 'amount');
    const basicCol = t.columns.find((c) => c.side === 'expense' && c.key === 'basic');
    const basicKeys = has('basic') ? ['basic'] : ['personnel', 'public'].filter(has);
    if (amount && has('project') && basicKeys.length) {
      const parts = [...basicKeys, 'project'];
      for (const row of t.rows) {
        if (row.side !== 'expense' || isBad(row, 'amount') || parts.some((k) => isBad(row, k))) continue;
        identity(e, 'BAL-209', row, amount, val(row, 'amount'), parts.reduce((s, k) => s + val(row, k), 0), { label: row.name });
        if (basicCol && has('personnel') && has('public') && !isBad(row, 'personnel') && !isBad(row, 'public')) {
          identity(e, 'BAL-205', row, basicCol, val(row, 'basic'), val(row, 'personnel') + val(row, 'public'), { label: row.name });
        }
      }
    }
  }
  // T4: each expense row, 合计 = the three funding columns.
  if (t.kind === 'T4') {
    const total = t.columns.find((c) => c.side === 'expense' && c.key === 'total');
    const parts = t.columns.filter((c) => c.side === 'expense' && c.key !== 'total').map((c) => c.key);
    if (total && parts.length) {
      for (const row of t.rows) {
        if (row.side !== 'expense' || isBad(row, 'total') || parts.some((k) => isBad(row, k))) continue;
        identity(e, 'BAL-206', row, total, val(row, 'total'), parts.reduce((s, k) => s + val(row, k), 0), { label: row.name });
      }
    }
  }
}

// ---------------------------------------------------------------- T15

/** Jiangsu's 收入预算总表: each category's 小计 = its items (其中 lines aside); 收入总计 = the categories. */
function checkGroups(e: Emit): void {
  const t = e.t;
  const col = t.columns.find((c) => c.key === 'total') ?? t.columns[0];
  if (!col) return;
  const k = col.key;
  const groups = t.rows.filter((r) => r.role === 'group');
  const items = t.rows.filter((r) => r.role === 'groupItem');
  const partsOf = (g: BudgetRow) => items.filter((r) => r.line?.startsWith(`${g.line}:`) && !r.line.slice(g.line!.length + 1).startsWith('其中:'));
  let sumGroups = 0;
  let bad = false;
  for (const g of groups) {
    const parts = partsOf(g);
    if (parts.length && !isBad(g, k) && !parts.some((r) => isBad(r, k))) {
      identity(e, 'BAL-309', g, col, val(g, k), parts.reduce((s, r) => s + val(r, k), 0), { label: g.name });
    }
    sumGroups += val(g, k);
    bad ||= isBad(g, k);
  }
  // Items of a category printed without its own 小计 row count directly.
  const grouped = new Set(groups.map((g) => g.line));
  for (const r of items) {
    const g = r.line!.split(':')[0];
    if (!grouped.has(g) && !/:其中:/.test(r.line!)) sumGroups += val(r, k);
  }
  const grand = t.rows.find((r) => r.role === 'grand');
  if (grand && !bad && !isBad(grand, k)) identity(e, 'BAL-310', grand, col, val(grand, k), sumGroups, { label: grand.name });
  else if (!grand && !t.empty) tableIssue(e, 'BAL-010', { line: '收入总计' }, firstCell(t));
}

// ---------------------------------------------------------------- T9, T11, T10

function checkT9(e: Emit): void {
  const t = e.t;
  const line = (l: string) => t.rows.find((r) => r.line === l);
  const total = t.columns.find((c) => c.key === 'total');
  const funding = t.columns.filter((c) => c.key !== 'total').map((c) => c.key);
  if (total && funding.length) {
    for (const row of t.rows) {
      if (isBad(row, 'total') || funding.some((k) => isBad(row, k))) continue;
      identity(e, 'BAL-207', row, total, val(row, 'total'), funding.reduce((s, k) => s + val(row, k), 0), { label: row.line ?? row.name });
    }
  }
  const sum = (id: string, parent: string, parts: string[], requireParts: boolean) => {
    const p = line(parent);
    const rows = parts.map(line);
    if (!p || (requireParts && rows.every((r) => !r))) return;
    for (const col of t.columns) {
      if (isBad(p, col.key) || rows.some((r) => isBad(r, col.key))) continue;
      identity(e, id, p, col, val(p, col.key), rows.reduce((s, r) => s + val(r, col.key), 0), { label: parent });
    }
  };
  sum('BAL-401', '三公经费小计', ['因公出国(境)费', '公务用车购置及运行维护费', '公务接待费'], false);
  sum('BAL-402', '因公出国(境)费', ['教学科研人员因公出国(境)费', '其他因公出国(境)费'], true);
  sum('BAL-403', '公务用车购置及运行维护费', ['公务用车购置费', '公务用车运行维护费'], true);
  // In the 2.25 layout 合计 may also carry 机关运行经费; then 合计 ≠ 小计 legitimately.
  // Jiangsu: 合计 = “三公”经费小计 + 会议费 + 培训费.
  if (line('会议费') || line('培训费')) sum('BAL-405', '合计', ['三公经费小计', '会议费', '培训费'], true);
  else if (!line('机关运行经费')) sum('BAL-404', '合计', ['三公经费小计'], true);
  if (!t.empty) {
    if (!line('合计') && !line('三公经费小计')) tableIssue(e, 'BAL-010', { line: '“三公”经费小计' }, firstCell(t));
  }
}

function checkT11(e: Emit): void {
  const t = e.t;
  const totalRow = t.rows.find((r) => r.line === '资产总额');
  const value = t.columns.find((c) => c.key === 'value');
  if (!totalRow) {
    if (!t.empty) tableIssue(e, 'BAL-010', { line: '资产总额' }, firstCell(t));
    return;
  }
  const parts = t.rows.filter((r) => r !== totalRow && !(r.line ?? '').startsWith('其中') && r.line !== '办公用房' && !/^其中/.test(r.name));
  if (value && !isBad(totalRow, 'value') && !parts.some((r) => isBad(r, 'value'))) {
    identity(e, 'BAL-501', totalRow, value, val(totalRow, 'value'), parts.reduce((s, r) => s + val(r, 'value'), 0), { label: '资产总额' });
  }
  const house = t.rows.find((r) => r.line === '房屋');
  const office = t.rows.find((r) => r.line === '办公用房');
  if (house && office) {
    for (const col of t.columns) {
      const a = val(office, col.key);
      const b = val(house, col.key);
      if (a > b) {
        e.out.push(
          makeFinding(
            BUDGET_RULES['BAL-502'],
            { table: KIND_NAMES[t.kind], row: office.r + t.origin.row + 1, col: col.label, actual: fmtMoney(a, t.places, t.unitLine.unit), expected: fmtMoney(b, t.places, t.unitLine.unit) },
            { sheet: t.sheet, cell: office.cells[col.key], table: t.kind },
          ),
        );
      }
    }
  }
}

const CATEGORY = /^\(?[一二三四五六七八九十]+[)、.]/;

/**
 * Jiangsu's 政府采购预算表 groups purchases under `一、货物A` / `二、工程B` / `三、服务C` rows:
 * each category = its purchases, 合计 = the categories.
 */
function checkT10Categories(e: Emit): void {
  const t = e.t;
  const col = t.columns.find((c) => c.key === 'total');
  if (!col) return;
  const rows = t.rows.filter((r) => r.role === 'purchase' || r.role === 'total');
  const cats = rows.filter((r) => r.role === 'purchase' && CATEGORY.test(r.name));
  if (!cats.length) return;
  for (const cat of cats) {
    const i = rows.indexOf(cat);
    const items: BudgetRow[] = [];
    for (let j = i + 1; j < rows.length && rows[j].role === 'purchase' && !CATEGORY.test(rows[j].name); j++) items.push(rows[j]);
    if (items.length && !isBad(cat, 'total') && !items.some((r) => isBad(r, 'total'))) {
      identity(e, 'BAL-210', cat, col, val(cat, 'total'), items.reduce((s, r) => s + val(r, 'total'), 0), { label: cat.name });
    }
  }
  const total = rows.find((r) => r.role === 'total');
  if (total && !isBad(total, 'total') && !cats.some((r) => isBad(r, 'total'))) {
    identity(e, 'BAL-211', total, col, val(total, 'total'), cats.reduce((s, r) => s + val(r, 'total'), 0), { label: '合计' });
  }
}

function checkT10(e: Emit): void {
  checkT10Categories(e);
  const t = e.t;
  const total = t.columns.find((c) => c.key === 'total');
  const funding = t.columns.filter((c) => T10_FUNDING.includes(c.key)).map((c) => c.key);
  if (!total || !funding.length) return;
  for (const row of t.rows) {
    if (isBad(row, 'total') || funding.some((k) => isBad(row, k))) continue;
    const hasAny = row.scaled?.total !== null || funding.some((k) => row.scaled?.[k] !== null);
    if (!hasAny) continue;
    identity(e, 'BAL-208', row, total, val(row, 'total'), funding.reduce((s, k) => s + val(row, k), 0), { label: row.name || '（未命名）' });
  }
}

/** Every within-table identity of one table. */
export function checkTable(t: BudgetTable): Finding[] {
  const e: Emit = { t, out: [] };
  switch (STRUCTURE[t.kind]) {
    case 'code':
      checkCodeTable(e);
      break;
    case 'twoSided':
      checkTwoSided(e);
      break;
    case 'lines':
      if (t.kind === 'T9') checkT9(e);
      else checkT11(e);
      break;
    case 'list':
      checkT10(e);
      break;
    case 'groups':
      checkGroups(e);
      break;
  }
  return e.out;
}
