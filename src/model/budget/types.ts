/**
 * The typed model of the disclosure tables (tables.md T1–T11). Parsers build it
 * from a values grid; rules, layout and narrative read it. Amounts are exact
 * decimals rounded to the table's precision; every amount keeps its cell address.
 */
import type { Decimal } from '../money';
import type { Origin } from '../address';
import type { Finding } from '../findings';

/**
 * Table ids as in tables.md (T1–T11, the Hebei county set), plus the tables other
 * provinces publish that have no Hebei counterpart: T12 财政拨款支出表（功能分类）, T13
 * 财政拨款基本支出表（经济分类）, T14 机关运行经费支出表, T15 收入预算总表 as a two-level list.
 */
export type TableKind = 'T1' | 'T2' | 'T3' | 'T4' | 'T5' | 'T6' | 'T7' | 'T8' | 'T9' | 'T10' | 'T11' | 'T12' | 'T13' | 'T14' | 'T15';

/** Short Chinese names clerks type as BUDGET.CHECKSUM's `kind` and that name `BT.<kind>` ranges. */
export const KIND_NAMES: Record<TableKind, string> = {
  T1: '收支总表',
  T2: '收入总表',
  T3: '支出总表',
  T4: '财政拨款收支总表',
  T5: '一般公共预算支出表',
  T6: '基本支出表',
  T7: '政府性基金支出表',
  T8: '国有资本经营支出表',
  T9: '三公经费表',
  T10: '政府采购表',
  T11: '固定资产表',
  T12: '财政拨款支出表',
  T13: '财政拨款基本支出表',
  T14: '机关运行经费表',
  T15: '收入分类表',
};

/** Titles as published in the Hebei county set (seed 004), T12–T15 as in Jiangsu's; profiles.ts holds every set. */
export const KIND_TITLES: Record<TableKind, string> = {
  T1: '单位预算收支总表',
  T2: '单位预算收入总表',
  T3: '单位预算支出总表',
  T4: '单位预算财政拨款收支总表',
  T5: '单位预算一般公共预算财政拨款支出表',
  T6: '单位预算一般公共预算财政拨款基本支出表',
  T7: '单位预算政府性基金预算财政拨款支出表',
  T8: '单位预算国有资本经营预算财政拨款支出表',
  T9: '单位预算财政拨款"三公"经费支出表',
  T10: '单位政府采购预算表',
  T11: '单位固定资产占用情况表',
  T12: '财政拨款支出预算表（功能科目）',
  T13: '财政拨款基本支出预算表（经济科目）',
  T14: '一般公共预算机关运行经费支出预算表',
  T15: '收入预算总表',
};

/** Blocks of a 收支总表: 收入, 支出 (by use or by 类), and the 功能分类 block of Jiangsu's three-block layout. */
export type Side = 'income' | 'expense' | 'function';

/** One amount column of a table: a stable key (e.g. `total`, `basic`) and its header text. */
export interface AmountColumn {
  key: string;
  label: string;
  /** 0-based column index in the grid. */
  col: number;
  /** T1/T4: the side of the two-sided layout the column belongs to (keys repeat across sides). */
  side?: Side;
  /** False for non-money columns (数量): no precision check. */
  money?: boolean;
}

/**
 * What a row is: `code` a 科目 row, `total` the 合计 row, `plain` a row without a code,
 * `item` a T1/T4 收入 item or 支出 类 line, `subtotal` 本年收入/支出合计, `carry` a 结转结余
 * line (or another addition between 本年合计 and 总计), `carrySub` a line under 年初结转 (T4),
 * `grand` 收入/支出总计, `line` a fixed line of T9/T11, `purchase` a T10 row, `sub` a numbered
 * line under a T1/T4 item (`1、一般公共预算` under `一、财政拨款收入`), `group`/`groupItem` the
 * 小计 and the items of a T15 category.
 */
export type RowRole = 'code' | 'total' | 'plain' | 'item' | 'sub' | 'subtotal' | 'carry' | 'carrySub' | 'grand' | 'line' | 'purchase' | 'group' | 'groupItem';

/** The line under the title: `323001巨鹿县人力资源和社会保障局本级  预算年度：2023  单位：万元`. */
export interface UnitLine {
  code?: string;
  name?: string;
  year?: string;
  /** `万元` unless the header says otherwise. */
  unit?: string;
}

export interface BudgetRow {
  /** 0-based row index in the grid. */
  r: number;
  /** For T1/T4 the side of the two-sided layout (`function`: the 功能分类 block of a three-block 收支总表); absent elsewhere. */
  side?: Side;
  /** Classification code as text (function 3/5/7 digits, economic 3/5), when the row has one. */
  code?: string;
  /** Item name, whitespace removed (`社会保障和就业支出`, `本年收入合计`). */
  name: string;
  /** Canonical line key for fixed-line tables (T1, T4, T9, T11): e.g. `一般公共预算拨款收入`, `本年收入合计`, `合计`. */
  line?: string;
  /** Amounts by column key; null where the cell is blank or not a number. */
  amounts: Record<string, Decimal | null>;
  /** A1 addresses (sheet coordinates, using the grid origin) by column key; also `code` and `name`. */
  cells: Record<string, string>;
  role?: RowRole;
  /** Amounts as integers in units of 10^-places (hundredths of 万元): what the checks add up. */
  scaled?: Record<string, number | null>;
  /** Keys whose cell could not be read as a number (text, error value): checks skip them. */
  bad?: string[];
  /** T10: text columns (采购物品名称, 计量单位 …) by key. */
  texts?: Record<string, string>;
}

export interface BudgetTable {
  kind: TableKind;
  title: string;
  unitLine: UnitLine;
  sheet?: string;
  origin: Origin;
  /** Range of the table on its sheet (A1), from the title to the last data row. */
  range: string;
  columns: AmountColumn[];
  rows: BudgetRow[];
  /** Decimals the table allows (2 for 万元). */
  places: number;
  /**
   * The unit the figures were kept in before they were rounded into this table's unit
   * (`元` for a 万元 table built from a budget system's 元 figures). When set and finer than
   * the table's unit, a sum one hundredth off is reported as 尾差 (BAL-019), not an imbalance.
   */
  sourceUnit?: string;
  /** Problems met while reading (text in an amount cell, too many decimals, unknown code …). */
  issues: Finding[];
  /** True when the table carries the `空表列示` note or has no data rows. */
  empty: boolean;
  /** Physical data rows read (what BUDGET.CHECKSUM reports as `（27 行）`). */
  dataRowCount?: number;
  /** Notes under the table (`注：…`). */
  notes?: string[];
  /** 0-based grid rows of the header (栏次 row included). */
  headerRows?: number[];
}

/** A unit's set of tables, keyed by kind; any may be missing. */
export type UnitTables = Partial<Record<TableKind, BudgetTable>>;
