/**
 * A 部门 package from its units' packages: every table of the units added up row by
 * row — coded rows by 科目编码, fixed lines (收支总表, 财政拨款收支总表, “三公”, 固定资产)
 * by line, purchases listed one after another — then proven: the consolidated tables,
 * laid out and read back through the same parser as any clerk's workbook, must pass
 * every balance identity and equal, cell for cell, the sum of the units.
 */
import { Decimal, ZERO } from '../money';
import { analyzeBudget, type BudgetUnit } from '../budget';
import type { AmountColumn, BudgetRow, BudgetTable, TableKind, UnitTables } from '../budget/types';
import { KIND_NAMES } from '../budget/types';
import type { Finding } from '../findings';
import type { SheetGrid } from '../workbook';
import type { WorkbookPlan } from '../plan';
import { norm } from '../text';

const KINDS: TableKind[] = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11'];

/** Identity of a row across units: code rows by code, lines by side, role and line; purchases stay apart. */
export function rowKey(r: BudgetRow, unitIndex: number): string {
  if (r.role === 'purchase') return `purchase:${unitIndex}:${r.r}`;
  if (r.code && r.role !== 'item') return `code:${r.code}`;
  if (r.role === 'total') return 'total';
  return `${r.side ?? ''}:${r.role ?? ''}:${norm(r.line ?? r.name)}`;
}

const colKey = (c: Pick<AmountColumn, 'key' | 'side'>) => `${c.side ?? ''}:${c.key}`;

/** The amount of a row in a column (side-aware); null when blank. */
function cell(r: BudgetRow, c: Pick<AmountColumn, 'key' | 'side'>): Decimal | null {
  if (c.side && r.side && c.side !== r.side) return null;
  return r.amounts[c.key] ?? null;
}

/**
 * The 部门 code: the three leading digits the units' six-digit codes share (unit codes are
 * the 部门's code followed by the unit's number: `323001`, `323003` → `323`).
 */
export function departmentCode(codes: (string | undefined)[]): string | undefined {
  if (!codes.length || !codes.every((c) => !!c && /^\d{6,}$/.test(c))) return undefined;
  const head = codes[0]!.slice(0, 3);
  return codes.every((c) => c!.startsWith(head)) ? head : undefined;
}

function consolidateTable(kind: TableKind, tables: (BudgetTable | undefined)[], unitLine: BudgetTable['unitLine']): BudgetTable | undefined {
  const present = tables.filter((t): t is BudgetTable => !!t);
  if (!present.length) return undefined;
  const columns: AmountColumn[] = [];
  for (const t of present) for (const c of t.columns) if (!columns.some((x) => colKey(x) === colKey(c))) columns.push({ ...c, col: columns.length });
  const rows: BudgetRow[] = [];
  const byKey = new Map<string, BudgetRow>();
  tables.forEach((t, u) => {
    for (const r of t?.rows ?? []) {
      const k = rowKey(r, u);
      let row = byKey.get(k);
      if (!row) {
        row = { r: rows.length, name: r.name, amounts: {}, cells: {}, role: r.role };
        if (r.side) row.side = r.side;
        if (r.code) row.code = r.code;
        if (r.line) row.line = r.line;
        if (r.texts) row.texts = { ...r.texts };
        byKey.set(k, row);
        rows.push(row);
      }
      for (const c of t!.columns) {
        if (c.side && r.side && c.side !== r.side) continue;
        const v = r.amounts[c.key];
        if (v === null || v === undefined) continue;
        if (c.money === false && kind === 'T10') {
          row.amounts[c.key] = v; // 数量 of a purchase is not added across units
          continue;
        }
        row.amounts[c.key] = (row.amounts[c.key] ?? ZERO).plus(v);
      }
    }
  });
  // Coded tables: 合计 first, then codes in outline order (a prefix sorts before its children).
  const coded = ['T2', 'T3', 'T5', 'T6', 'T7', 'T8'].includes(kind);
  let ordered = rows;
  if (coded) {
    const total = rows.filter((r) => r.role === 'total');
    const codes = rows.filter((r) => r.role !== 'total' && r.code).sort((a, b) => (a.code! < b.code! ? -1 : a.code! > b.code! ? 1 : 0));
    const other = rows.filter((r) => r.role !== 'total' && !r.code);
    ordered = [...total, ...codes, ...other];
  } else if (kind === 'T10') {
    ordered = [...rows.filter((r) => r.role !== 'total'), ...rows.filter((r) => r.role === 'total')];
  }
  ordered.forEach((r, i) => (r.r = i));
  const hasAmount = ordered.some((r) => Object.values(r.amounts).some((v) => v && !v.isZero()));
  return {
    kind,
    title: present[0].title,
    unitLine,
    origin: { row: 0, col: 0 },
    range: '',
    columns,
    rows: ordered,
    places: 2,
    issues: [],
    empty: !hasAmount && present.every((t) => t.empty),
  };
}

export interface DepartmentInput {
  name: string;
  year: string;
  units: BudgetUnit[];
}

/** The 部门 tables: each kind the units publish, added up. */
export function consolidate(input: DepartmentInput): { code?: string; tables: UnitTables } {
  const code = departmentCode(input.units.map((u) => u.code));
  const unitLine = { code, name: input.name, year: input.year, unit: '万元' };
  const tables: UnitTables = {};
  for (const k of KINDS) {
    const t = consolidateTable(k, input.units.map((u) => u.tables[k]), unitLine);
    if (t) tables[k] = t;
  }
  return { code, tables };
}

export interface Proof {
  /** Findings of the read-back 部门 tables (every identity of the checker). */
  findings: Finding[];
  /** Cells where the 部门 table differs from the sum of its units (`收入总表 合计/合计：部门 X，各单位之和 Y`). */
  mismatches: string[];
  /** Cells compared. */
  compared: number;
}

/** The plan's table sheets as grids, the way a clerk's workbook reaches the parser. */
function planGrids(plan: WorkbookPlan, keys: string[]): SheetGrid[] {
  return plan.sheets.filter((s) => keys.includes(s.key)).map((s) => ({ name: s.name, values: s.values, origin: { row: 0, col: 0 } }));
}

/**
 * Reads the 部门 package's tables back through the budget parser, runs every rule on
 * them and compares every amount with the sum of the units' amounts (both ways: a
 * unit row missing in the 部门 table is a mismatch too).
 */
export function proveConsolidation(plan: WorkbookPlan, tableKeys: string[], units: BudgetUnit[]): Proof {
  const back = analyzeBudget(planGrids(plan, tableKeys));
  const findings = back.findings;
  const mismatches: string[] = [];
  let compared = 0;
  const dept = back.units[0]?.tables ?? {};
  for (const k of KINDS) {
    const d = dept[k];
    const parts = units.map((u) => u.tables[k]);
    if (!parts.some(Boolean)) continue;
    if (!d) {
      mismatches.push(`${KIND_NAMES[k]}：部门公开表中读不到这张表`);
      continue;
    }
    // Expected sums by row key and column, from the units alone.
    const expected = new Map<string, Decimal>();
    parts.forEach((t, u) => {
      for (const r of t?.rows ?? []) {
        const rk = rowKey(r, u);
        for (const c of t!.columns) {
          if (c.money === false) continue;
          const v = cell(r, c);
          if (v === null) continue;
          const key = `${rk}|${colKey(c)}`;
          expected.set(key, (expected.get(key) ?? ZERO).plus(v));
        }
      }
    });
    // Purchases are numbered per unit in the units and in order in the 部门 table.
    const purchaseKeys = parts.flatMap((t, u) => (t?.rows ?? []).filter((r) => r.role === 'purchase').map((r) => rowKey(r, u)));
    let p = 0;
    const seen = new Set<string>();
    for (const r of d.rows) {
      const rk = r.role === 'purchase' ? purchaseKeys[p++] ?? `purchase:extra:${r.r}` : rowKey(r, 0);
      for (const c of d.columns) {
        if (c.money === false) continue;
        const key = `${rk}|${colKey(c)}`;
        seen.add(key);
        const got = cell(r, c) ?? ZERO;
        const want = expected.get(key) ?? ZERO;
        compared++;
        if (!got.equals(want)) mismatches.push(`${KIND_NAMES[k]} ${r.code ?? norm(r.line ?? r.name)}/${c.label}：部门 ${got.toFixed(2)}，各单位之和 ${want.toFixed(2)}`);
      }
    }
    for (const [key, v] of expected) if (!seen.has(key) && !v.isZero()) mismatches.push(`${KIND_NAMES[k]} ${key}：各单位之和 ${v.toFixed(2)}，部门公开表中没有`);
  }
  return { findings, mismatches, compared };
}
