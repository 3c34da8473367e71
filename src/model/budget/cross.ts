/**
 * Identities across the tables of one unit (tables.md "Across tables"). A finding
 * points at the figure in the first table the identity names (T1's 支出 line for
 * "T1 类 line = T3 类"); when that table has no such line, at the other table's cell.
 * The message names both figures, the other cell and the difference.
 */
import { qualify } from '../address';
import { makeFinding, type Finding } from '../findings';
import { fmtScaled } from './amount';
import { compareAcrossUnits, convertScaled, fmtMoney, moneyUnit, UNIT_FACTOR } from './units';
import { KIND_NAMES } from './types';
import { DEFAULT_CLASS_MAP, DEFAULT_DICTIONARY, type ClassMap, type Dictionary } from './dictionary';
import { BUDGET_RULES } from './rules';
import type { BudgetRow, BudgetTable, UnitTables } from './types';

/** One figure of a table: its value (scaled) and where it sits. */
interface Fig {
  value: number;
  cell?: string;
  t: BudgetTable;
  /** False when the figure was not found in the table (the value is then zero). */
  found: boolean;
  bad?: boolean;
}

function fig(t: BudgetTable, row: BudgetRow | undefined, key: string): Fig {
  if (!row) return { value: 0, t, found: false };
  return { value: row.scaled?.[key] ?? 0, cell: row.cells[key], t, found: true, bad: row.bad?.includes(key) };
}

/** A code table's total in a column: the 合计 row, else the sum of its top-level rows. */
function tableTotal(t: BudgetTable, key: string): Fig {
  const total = t.rows.find((r) => r.role === 'total');
  if (total) return fig(t, total, key);
  const coded = t.rows.filter((r) => r.role === 'code' && r.code);
  const codes = new Set(coded.map((r) => r.code!));
  const top = coded.filter((r) => ![3, 5].some((n) => n < r.code!.length && codes.has(r.code!.slice(0, n))));
  if (!top.length) return { value: 0, t, found: false };
  return { value: top.reduce((s, r) => s + (r.scaled?.[key] ?? 0), 0), cell: top[0].cells[key], t, found: true, bad: top.some((r) => r.bad?.includes(key)) };
}

/** Amount of one 类 code in a code table (its row, or the sum of its present descendants). */
function classFigure(t: BudgetTable, code: string, key: string): Fig {
  const row = t.rows.find((r) => r.role === 'code' && r.code === code);
  if (row) return fig(t, row, key);
  const desc = t.rows.filter((r) => r.role === 'code' && r.code && r.code.length > code.length && r.code.startsWith(code));
  if (!desc.length) return { value: 0, t, found: false };
  const minLen = Math.min(...desc.map((r) => r.code!.length));
  const level = desc.filter((r) => r.code!.length === minLen);
  return { value: level.reduce((s, r) => s + (r.scaled?.[key] ?? 0), 0), cell: level[0].cells[key], t, found: true };
}

function line(t: BudgetTable, side: 'income' | 'expense', role: BudgetRow['role'], match?: RegExp): BudgetRow | undefined {
  return t.rows.find((r) => r.side === side && r.role === role && (!match || match.test(r.line ?? r.name)));
}

/** 本年收入/支出合计; a side printed without carry-overs may have only its 总计 line. */
function yearTotal(t: BudgetTable, side: 'income' | 'expense'): BudgetRow | undefined {
  const sub = line(t, side, 'subtotal');
  if (sub) return sub;
  return t.rows.some((r) => r.side === side && r.role === 'carry') ? undefined : line(t, side, 'grand');
}

function where(f: Fig): string {
  if (!f.cell) return '无此行';
  return f.t.sheet ? qualify(f.t.sheet, f.cell) : f.cell;
}

interface Out {
  out: Finding[];
}

/**
 * Compares a figure with the one it must equal. `a` is the figure of the first table
 * the identity names; the finding sits on `a`'s cell, or on `b`'s when `a` has none.
 */
function compare(o: Out, id: string, a: Fig, b: Fig, extra: Record<string, string> = {}): void {
  if (a.bad || b.bad) return;
  const ua = moneyUnit(a.t.unitLine.unit);
  const ub = moneyUnit(b.t.unitLine.unit);
  const how = compareAcrossUnits(a.value, ua, b.value, ub);
  if (how === 'equal') return;
  const at = a.cell ? a : b;
  const other = at === a ? b : a;
  const p = a.t.places;
  // Differences are shown in the first table's unit (the other figure converted to it).
  const bInA = convertScaled(b.value, ub, ua);
  const params = {
    actual: fmtMoney(a.value, p, ua),
    expected: fmtMoney(b.value, b.t.places, ub),
    diff: fmtMoney(a.value - bInA, p, ua),
    otherCell: where(other),
    ...extra,
  };
  if (how === 'tail') {
    const coarse = UNIT_FACTOR[ua] > UNIT_FACTOR[ub] ? ua : ub;
    o.out.push(
      makeFinding(BUDGET_RULES['BAL-019'], { ...params, table: KIND_NAMES[a.t.kind], what: `与${KIND_NAMES[b.t.kind]}（${where(other)}）`, rule: BUDGET_RULES[id].title, source: ua === coarse ? ub : ua, unit: coarse }, {
        sheet: at.t.sheet,
        cell: at.cell,
        table: at.t.kind,
      }),
    );
    return;
  }
  o.out.push(
    makeFinding(BUDGET_RULES[id], params, {
      sheet: at.t.sheet,
      cell: at.cell,
      table: at.t.kind,
      expected: fmtScaled(bInA, p),
      actual: fmtScaled(a.value, p),
      diff: fmtScaled(a.value - bInA, p),
    }),
  );
}

export interface UnitCheckOptions {
  dictionary?: Dictionary;
  classMap?: ClassMap;
}

function classCodes(t: BudgetTable): string[] {
  return [...new Set(t.rows.filter((r) => r.role === 'code' && r.code).map((r) => r.code!.slice(0, 3)))];
}

/** Cross-table identities of one unit's tables. */
export function checkUnit(tables: UnitTables, opts: UnitCheckOptions = {}): Finding[] {
  const o: Out = { out: [] };
  const dict = opts.dictionary ?? DEFAULT_DICTIONARY;
  const classMap = opts.classMap ?? DEFAULT_CLASS_MAP;
  const { T1, T2, T3, T4, T5, T6, T7, T8 } = tables;

  if (T1 && T2) {
    const sub = T2.columns.some((c) => c.key === 'subtotal');
    let t2income: Fig;
    if (sub) t2income = tableTotal(T2, 'subtotal');
    else {
      const sources = T2.columns.filter((c) => !['total', 'carry'].includes(c.key)).map((c) => tableTotal(T2, c.key));
      t2income = { value: sources.reduce((s, f) => s + f.value, 0), cell: sources[0]?.cell, t: T2, found: sources.some((f) => f.found) };
    }
    const t1sub = yearTotal(T1, 'income');
    if (t1sub) compare(o, 'BAL-601', fig(T1, t1sub, 'amount'), t2income);
    if (T2.columns.some((c) => c.key === 'carry')) {
      const t1carry = line(T1, 'income', 'carry', /上年|年初|结转/);
      compare(o, 'BAL-602', fig(T1, t1carry, 'amount'), tableTotal(T2, 'carry'));
    }
  }

  // A 支出总表 without codes (Jiangsu's one row: 合计 | 基本 | 项目 | 机动 | 结转下年) is the 支出合计.
  if (T1 && T3 && !T3.rows.some((r) => r.role === 'code')) {
    const grand = line(T1, 'expense', 'grand') ?? yearTotal(T1, 'expense');
    if (grand) compare(o, 'BAL-604', fig(T1, grand, 'amount'), tableTotal(T3, 'total'));
  } else if (T1 && T3) {
    const items = T1.rows.filter((r) => r.side === 'expense' && r.role === 'item' && r.code);
    const codes = new Set([...items.map((r) => r.code!), ...classCodes(T3)]);
    for (const code of codes) {
      const row = items.find((r) => r.code === code);
      const name = row?.name ?? classMap.nameOf(code) ?? dict.name(code) ?? code;
      compare(o, 'BAL-603', fig(T1, row, 'amount'), classFigure(T3, code, 'total'), { code, name });
    }
    const t1sub = yearTotal(T1, 'expense');
    if (t1sub) compare(o, 'BAL-604', fig(T1, t1sub, 'amount'), tableTotal(T3, 'total'));
  }

  // T2 and T3 agree code by code only when nothing is carried in or out; with carry-overs
  // they differ legitimately, so the comparison is skipped rather than warned about.
  const carried = (T2 && T2.columns.some((c) => c.key === 'carry') && tableTotal(T2, 'carry').value !== 0) ||
    (T1 && T1.rows.some((r) => r.role === 'carry' && (r.scaled?.amount ?? 0) !== 0));
  if (T2 && T3 && !carried) {
    const codeRows = (t: BudgetTable) => new Map(t.rows.filter((r) => r.role === 'code' && r.code).map((r) => [r.code!, r]));
    const m2 = codeRows(T2);
    const m3 = codeRows(T3);
    const codes = [...new Set([...m2.keys(), ...m3.keys()])].sort();
    for (const code of codes) {
      const name = m3.get(code)?.name || m2.get(code)?.name || dict.name(code) || '';
      compare(o, 'BAL-605', fig(T3, m3.get(code), 'total'), fig(T2, m2.get(code), 'total'), { code, name });
    }
  }

  if (T4 && T1) {
    const g4 = line(T4, 'income', 'item', /一般公共预算/) ?? line(T4, 'income', 'sub', /一般公共预算/);
    const g1 = line(T1, 'income', 'item', /一般公共预算/) ?? line(T1, 'income', 'sub', /一般公共预算/);
    if (g4 || g1) compare(o, 'BAL-606', fig(T4, g4, 'amount'), fig(T1, g1, 'amount'));
  }

  if (T4 && T5 && T4.columns.some((c) => c.key === 'general')) {
    const items = T4.rows.filter((r) => r.side === 'expense' && r.role === 'item' && r.code);
    const codes = new Set([...items.map((r) => r.code!), ...classCodes(T5)]);
    for (const code of codes) {
      const row = items.find((r) => r.code === code);
      const name = row?.name ?? classMap.nameOf(code) ?? dict.name(code) ?? code;
      compare(o, 'BAL-607', fig(T4, row, 'general'), classFigure(T5, code, 'total'), { code, name });
    }
    const sub = yearTotal(T4, 'expense');
    if (sub) compare(o, 'BAL-608', tableTotal(T5, 'total'), fig(T4, sub, 'general'));
  }

  if (T5 && T6 && T5.columns.some((c) => c.key === 'basic')) compare(o, 'BAL-609', tableTotal(T5, 'basic'), tableTotal(T6, 'total'));

  if (T4) {
    const sub = yearTotal(T4, 'expense');
    if (T7 && sub && T4.columns.some((c) => c.key === 'fund')) compare(o, 'BAL-610', tableTotal(T7, 'total'), fig(T4, sub, 'fund'));
    if (T8 && sub && T4.columns.some((c) => c.key === 'soe')) compare(o, 'BAL-611', tableTotal(T8, 'total'), fig(T4, sub, 'soe'));
  }
  return o.out;
}
