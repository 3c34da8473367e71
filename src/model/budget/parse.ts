/**
 * Reads one disclosure table from a values grid into a BudgetTable. The grid may hold
 * the title, the unit line, a header of one to several rows (merged cells read blank),
 * an optional 栏次 row, then data rows — with the page header repeated where the
 * printout broke a page, codes stored as numbers or text, names wrapped over lines,
 * and any junk a clerk can type into an amount cell. Nothing here throws: bad cells
 * become issues, a grid that is not a table becomes `{ error }` in Chinese.
 */
import { a1, A1_ORIGIN, colLetter, type Origin } from '../address';
import { makeFinding, type Finding, type Params } from '../findings';
import { cellText, norm } from '../text';
import { fmtScaled, lazyAmounts, readScaled } from './amount';
import { commaAsDecimal } from '../money';
import { CODE_LENGTHS, isValidCode, normalizeCode, schemeForKind, splitCodeName, type CodeScheme } from './codes';
import { DEFAULT_CLASS_MAP, DEFAULT_DICTIONARY, type ClassMap, type Dictionary } from './dictionary';
import {
  hasOrdinal,
  isHeaderWord,
  isKnownLine,
  isLanciWord,
  isWeakHeaderWord,
  key,
  kindFromHeaders,
  lineKey,
  ROLES,
  SIDE_ROLES,
  STRUCTURE,
  t11Line,
  t9Line,
  titleKind,
  type RoleSpec,
} from './kinds';
import { BUDGET_RULES } from './rules';
import { isPlaceholder, joinSplitCode, splitCodeColumns } from './split-codes';
import { groupColumns, t9RowLines } from './row-layouts';
import { fmtMoney, moneyUnit, placesFor } from './units';
import { isBlank, usedArea, isRow } from './grid';
import { KIND_NAMES, type AmountColumn, type BudgetRow, type BudgetTable, type RowRole, type Side, type TableKind, type UnitLine } from './types';

export interface ParseOptions {
  /** Where grid[0][0] sits on its sheet; findings and cells use sheet addresses. */
  origin?: Origin;
  sheet?: string;
  /** Forces the kind (otherwise: title, then headers). */
  kind?: TableKind;
  dictionary?: Dictionary;
  /** T1/T4 类 line → function code map (a workbook may override it). */
  classMap?: ClassMap;
}

export type ParseError = { error: string };

export function isParseError(x: unknown): x is ParseError {
  return typeof x === 'object' && x !== null && typeof (x as ParseError).error === 'string';
}

const NOTE = /^(注|说明|备注)[:：]/;
const EMPTY_NOTE = /空表/;
const UNIT_MARK = /^(预算年度|单位:|金额单位|截止(时间|日期)|编制单位|单位名称|编制部门|部门名称|部门:|预算单位:)/;
const UNIT_ONLY = /^(\d{6,})(\D{2,60})$/;
const UNIT_NAME_HINT = /局|中心|院|校|所|站|委|办|政府|街道|镇|乡|馆|队|处|部|会|社|厅|本级|单位|公司|园/;
const TOTAL_NAME = /^(合计|总计|本年合计|支出合计|收入合计|本年支出合计|本年收入合计)$/;
const PROSE = /[，。；]/;
const MAX_HEADER_SCAN = 60;
const NEEDS_NORM = /[\s\uff01-\uff5e\u3000“”"'‘’「」『』]/;

/** norm() for the name of every data row; most names need nothing done, so test first. */
function normName(v: unknown): string {
  return typeof v === 'string' && !NEEDS_NORM.test(v) ? v : norm(v);
}
const MAX_HEADER_ROWS = 8;

export interface RowInfo {
  texts: string[];
  nonBlank: number;
  numbers: number;
  codes: number;
  strong: number;
  weak: number;
}

/** Only used on rows that do not start with a code: normalises every cell once. */
export function rowInfo(grid: unknown[][], r: number, cols: number): RowInfo {
  const row = grid[r];
  const texts: string[] = new Array(cols).fill('');
  let nonBlank = 0;
  let numbers = 0;
  let codes = 0;
  let strong = 0;
  let weak = 0;
  if (isRow(row)) {
    for (let c = 0; c < cols; c++) {
      const v = row[c];
      if (isBlank(v)) continue;
      nonBlank++;
      const t = norm(v);
      texts[c] = t;
      if (typeof v === 'number' || /^[+-]?[\d,]+(\.\d+)?$/.test(t)) {
        numbers++;
        const code = normalizeCode(v);
        if (code && [3, 5, 7].includes(code.length)) codes++;
        continue;
      }
      const k = key(t);
      if (isHeaderWord(k)) strong++;
      else if (isWeakHeaderWord(k)) weak++;
    }
  }
  return { texts, nonBlank, numbers, codes, strong, weak };
}

export function isHeaderRow(i: RowInfo): boolean {
  return i.numbers === 0 && (i.strong >= 2 || (i.strong >= 1 && i.weak >= 1));
}

export function isLanciRow(i: RowInfo, grid: unknown[][], r: number): boolean {
  if (i.texts.some((t) => isLanciWord(t))) return true;
  if (i.numbers < 3 || i.numbers !== i.nonBlank) return false;
  let prev = -1;
  const row = grid[r];
  for (const v of row) {
    if (isBlank(v)) continue;
    const n = Number(typeof v === 'number' ? v : norm(v));
    if (!Number.isInteger(n)) return false;
    if (prev >= 0 && n !== prev + 1) return false;
    if (prev < 0 && n > 2) return false;
    prev = n;
  }
  return true;
}

export function isTitleRow(i: RowInfo, grid: unknown[][], r: number): string | null {
  if (i.nonBlank > 3 || i.numbers > 0) return null;
  const row = grid[r];
  for (let c = 0; c < i.texts.length; c++) if (i.texts[c] && titleKind(cellText(row[c]))) return cellText(row[c]).trim();
  return null;
}

export function isUnitLine(i: RowInfo): boolean {
  if (i.texts.some((t) => UNIT_MARK.test(t))) return true;
  if (i.nonBlank !== 1) return false;
  const t = i.texts.find((x) => x) ?? '';
  const m = UNIT_ONLY.exec(t);
  return !!m && UNIT_NAME_HINT.test(m[2]);
}

export function isNoteRow(i: RowInfo): string | null {
  const t = i.texts.find((x) => x);
  return t && NOTE.test(t) ? t : null;
}

function isDataLike(i: RowInfo): boolean {
  if (i.numbers > 0 || i.codes > 0) return true;
  for (const t of i.texts) {
    if (!t) continue;
    const k = key(t);
    if (isHeaderWord(k)) continue;
    if (isWeakHeaderWord(k) && i.strong > 0) continue;
    if (hasOrdinal(t) || isKnownLine(t) || NOTE.test(t)) return true;
  }
  return false;
}

export function parseUnitLine(i: RowInfo, into: UnitLine): void {
  for (const t of i.texts) {
    if (!t) continue;
    let m = /^(\d{6,})(\D.*)$/.exec(t);
    if (m && !into.code) {
      into.code = m[1];
      into.name = m[2].replace(/预算年度.*$|单位:.*$/, '');
    }
    m = /预算年度:?(\d{4})/.exec(t);
    if (m) into.year = m[1];
    m = /(?:^|金额)单位:(万元|元|千元|亿元)/.exec(t);
    if (m) into.unit = m[1];
    m = /^(?:编制单位|单位名称|编制部门|部门名称|预算单位|单位|部门):(.+)$/.exec(t);
    if (m && !/^(万元|元|千元|亿元)$/.test(m[1]) && !into.name) into.name = m[1];
  }
}

// ---------------------------------------------------------------- columns

interface Layout {
  codeCol: number;
  /** Columns of a code split over 类 | 款 | 项 (codeCol is the first of them). */
  codeCols?: number[];
  nameCol: number;
  seqCol: number;
  columns: AmountColumn[];
  /** T10 text columns. */
  textCols: { key: string; col: number }[];
  /** T1/T4 name column of each side. */
  sideName?: { income: number; expense: number; function?: number };
  /** T9 published as one row of columns (Shanghai, Jiangsu): the line each column holds. */
  rowLines?: { col: number; line: string; label: string }[];
  /** T15: the category and item columns. */
  groupCols?: { category: number; item: number };
  missing: string[];
}

function lastLabel(headerTexts: string[][], c: number): string {
  for (let h = headerTexts.length - 1; h >= 0; h--) if (headerTexts[h][c]) return headerTexts[h][c];
  return '';
}

function assignRoles(roles: RoleSpec[], colsIdx: number[], labels: string[], headerTexts: string[][], side: AmountColumn['side'], extra: boolean, out: Layout): void {
  const taken = new Set<string>();
  for (const c of colsIdx) {
    const label = labels[c];
    if (!label) continue;
    const role = roles.find((ro) => !taken.has(ro.key) && ro.re.test(label));
    if (role) {
      taken.add(role.key);
      if (role.text) out.textCols.push({ key: role.key, col: c });
      else out.columns.push({ key: role.key, label: lastLabel(headerTexts, c) || role.label, col: c, side, money: role.money });
    } else if (extra) {
      out.columns.push({ key: `c${c + 1}`, label: lastLabel(headerTexts, c), col: c, side, money: true });
    }
  }
  for (const ro of roles) if (ro.required && !taken.has(ro.key)) out.missing.push(ro.label);
}

/** Whether at least half of the first 30 non-blank values of column `c` in rows [from, to) pass `isCode`. */
function mostlyCodes(grid: unknown[][], c: number, from: number, to: number, isCode: (v: unknown) => boolean): boolean {
  let codes = 0;
  let seen = 0;
  for (let r = from; r < to && seen < 30; r++) {
    const v = grid[r]?.[c];
    if (isBlank(v)) continue;
    seen++;
    if (isCode(v)) codes++;
  }
  return seen > 0 && codes / seen >= 0.5;
}

/** Stricter than looksLikeCodeColumn: most values are 3/5/7-digit codes starting 2, 3 or 5. */
function holdsCodes(grid: unknown[][], c: number, from: number, to: number): boolean {
  return mostlyCodes(grid, c, from, to, (v) => {
    const code = normalizeCode(v) ?? splitCodeName(cellText(v))?.code;
    return !!code && /^[235]/.test(code) && isValidCode(code);
  });
}

function looksLikeCodeColumn(grid: unknown[][], c: number, from: number, to: number): boolean {
  return mostlyCodes(grid, c, from, to, (v) => (normalizeCode(v)?.length ?? 0) >= 3);
}

function layoutColumns(kind: TableKind, labels: string[], headerTexts: string[][], grid: unknown[][], dataStart: number, rows: number, cols: number): Layout | ParseError {
  const out: Layout = { codeCol: -1, nameCol: -1, seqCol: -1, columns: [], textCols: [], missing: [] };
  out.seqCol = labels.findIndex((l) => /序号/.test(l));
  const structure = STRUCTURE[kind];
  const all = [...Array(cols).keys()];
  if (structure === 'twoSided') {
    let names = all.filter((c) => /项目|名称/.test(labels[c]) && !/项目支出|编码/.test(labels[c]));
    if (names.length < 2) {
      const inc = all.find((c) => /^收入/.test(labels[c]));
      const exp = all.find((c) => /^支出/.test(labels[c]));
      if (inc === undefined || exp === undefined) return { error: '不是预算公开表：未找到收入、支出两侧的“项目”列' };
      names = [inc, exp];
    }
    // Jiangsu: 收入 | 支出（功能分类）| 支出（支出用途）; the last block carries the 支出 totals.
    const [inc, fn, exp] = names.length >= 3 ? names : [names[0], -1, names[1]];
    out.sideName = { income: inc, expense: exp, ...(fn >= 0 ? { function: fn } : {}) };
    out.nameCol = inc;
    const spec = SIDE_ROLES[kind]!;
    const incEnd = fn >= 0 ? fn : exp;
    assignRoles(spec.income, all.filter((c) => c > inc && c < incEnd && c !== out.seqCol), labels, headerTexts, 'income', false, out);
    if (fn >= 0) {
      const before = out.missing.length;
      assignRoles(spec.expense, all.filter((c) => c > fn && c < exp && c !== out.seqCol), labels, headerTexts, 'function', false, out);
      out.missing.length = before;
    }
    assignRoles(spec.expense, all.filter((c) => c > exp && c !== out.seqCol), labels, headerTexts, 'expense', false, out);
    return out;
  }
  if (structure === 'code') {
    const split = splitCodeColumns(headerTexts);
    if (split) out.codeCols = split;
    const isCode = (c: number) => (split ? split.includes(c) : c === out.codeCol);
    out.codeCol = split ? split[0] : labels.findIndex((l) => /编码|代码/.test(l));
    out.nameCol = labels.findIndex((l, c) => !isCode(c) && /名称/.test(l));
    if (out.nameCol < 0) out.nameCol = labels.findIndex((l, c) => !isCode(c) && /项目$|^科目$/.test(l) && !/项目支出/.test(l));
    // `科目编码及名称` / `功能分类科目`: code and name share one cell.
    if (out.nameCol < 0 && out.codeCol >= 0 && !split && /名称|科目$/.test(labels[out.codeCol])) out.nameCol = out.codeCol;
    if (out.codeCol < 0 && out.nameCol > 0 && out.nameCol - 1 !== out.seqCol && looksLikeCodeColumn(grid, out.nameCol - 1, dataStart, rows)) out.codeCol = out.nameCol - 1;
    if (out.codeCol < 0 && out.nameCol < 0) {
      const c = all.find((x) => x !== out.seqCol && !/合计|总计|金额|支出|收入|经费|资金/.test(labels[x]) && looksLikeCodeColumn(grid, x, dataStart, rows));
      if (c !== undefined) {
        out.codeCol = c;
        out.nameCol = c + 1 < cols ? c + 1 : -1;
      }
    }
    if (out.nameCol < 0 && out.codeCol >= 0 && out.codeCol + 1 < cols && !/合计|支出|收入|经费|金额|预算/.test(labels[out.codeCol + 1])) out.nameCol = out.codeCol + 1;
  } else if (structure === 'lines') {
    out.nameCol = labels.findIndex((l) => /项目|名称/.test(l));
    if (out.nameCol < 0) out.nameCol = all.find((c) => c !== out.seqCol) ?? 0;
  }
  if (kind === 'T9') {
    const lines = t9RowLines(headerTexts, cols);
    if (lines) {
      out.rowLines = lines;
      out.columns.push({ key: 'total', label: '金额', col: lines[0].col, money: true });
      return out;
    }
  }
  if (structure === 'groups') {
    const g = groupColumns(grid, labels, dataStart, rows, cols);
    if (!g) return { error: '不是预算公开表：未找到收入类别、项目两列' };
    out.groupCols = g;
    out.nameCol = g.item;
  }
  const roles = ROLES[kind] ?? [];
  const candidates = all.filter((c) => c !== out.codeCol && c !== out.nameCol && c !== out.seqCol && !out.codeCols?.includes(c) && c !== out.groupCols?.category);
  assignRoles(roles, candidates, labels, headerTexts, undefined, kind === 'T2' || kind === 'T3', out);
  // One amount column (Jiangsu's 金额 tables): the 合计 is the table, no 基本/项目 split to miss.
  if (out.columns.length === 1 && out.columns[0].key === 'total') out.missing = [];
  if (structure === 'list') {
    const name = out.textCols.find((t) => t.key === 'name') ?? out.textCols.find((t) => t.key === 'item');
    out.nameCol = name ? name.col : -1;
  }
  return out;
}

/** Column order of the published code tables, for ranges selected without their header. */
const PUBLISHED_ORDER: Partial<Record<TableKind, string[]>> = {
  T2: ['total', 'carry', 'subtotal', 'fiscal', 'special', 'business', 'operating', 'superior', 'affiliated', 'other'],
  T3: ['total', 'basic', 'project', 'upper', 'operating', 'affiliated'],
  T5: ['total', 'basic', 'project'],
  T6: ['total', 'personnel', 'public'],
  T7: ['total', 'basic', 'project'],
  T8: ['total', 'basic', 'project'],
};

function publishedLayout(kind: TableKind, grid: unknown[][], from: number, rows: number, cols: number): Layout | ParseError {
  const codeCol = [...Array(cols).keys()].find((c) => looksLikeCodeColumn(grid, c, from, rows));
  if (codeCol === undefined) return { error: '不是预算公开表：未找到表头' };
  const roles = ROLES[kind] ?? [];
  const columns: AmountColumn[] = (PUBLISHED_ORDER[kind] ?? [])
    .map((key, i) => ({ key, label: roles.find((r) => r.key === key)?.label ?? key, col: codeCol + 2 + i, money: true }))
    .filter((c) => c.col < cols);
  return { codeCol, nameCol: codeCol + 1 < cols ? codeCol + 1 : -1, seqCol: -1, columns, textCols: [], missing: [] };
}

// ---------------------------------------------------------------- parse

interface Ctx {
  letters: string[];
  kind: TableKind;
  origin: Origin;
  sheet?: string;
  places: number;
  /** The table's money unit (`元`, `万元` …), for messages. */
  unit: string;
  issues: Finding[];
  tableName: string;
}

/** Column letters are computed once per table (a1() per cell shows up in profiles). */
function letterOf(ctx: Ctx, col: number): string {
  return (ctx.letters[col] ??= colLetter(col + ctx.origin.col));
}

function issue(ctx: Ctx, id: string, params: Params, cell?: string): void {
  ctx.issues.push(makeFinding(BUDGET_RULES[id], { table: ctx.tableName, ...params }, { sheet: ctx.sheet, cell, table: ctx.kind }));
}

interface ReadRow {
  scaled: Record<string, number | null>;
  cells: Record<string, string>;
  bad: string[];
  any: boolean;
  nonZero: { key: string; value: number } | null;
}

/** Columns that may hold a negative figure (a change against last year). */
const CHANGE_LABEL = /增减|差额|变动|增长|减少/;

function readAmounts(ctx: Ctx, grid: unknown[][], r: number, cols: AmountColumn[]): ReadRow {
  const out: ReadRow = { scaled: {}, cells: {}, bad: [], any: false, nonZero: null };
  const row = grid[r];
  const rowNo = r + ctx.origin.row + 1;
  for (const col of cols) {
    const v = isRow(row) ? row[col.col] : undefined;
    const cell = `${letterOf(ctx, col.col)}${rowNo}`;
    out.cells[col.key] = cell;
    const amt = readScaled(v, ctx.places);
    if (amt.kind === 'number' && !Number.isSafeInteger(amt.scaled)) {
      // Hundredths beyond 2^53 cannot be added exactly: an ID or account number typed as an amount.
      out.scaled[col.key] = null;
      out.bad.push(col.key);
      issue(ctx, 'BAL-022', { cell, raw: amt.raw || cellText(v) }, cell);
      continue;
    }
    if (amt.kind === 'number') {
      out.scaled[col.key] = amt.scaled;
      out.any = true;
      if (amt.scaled !== 0 && !out.nonZero) out.nonZero = { key: col.key, value: amt.scaled! };
      if (amt.fromText && col.money !== false) issue(ctx, 'BAL-017', { cell, raw: amt.raw, value: fmtScaled(amt.scaled!, ctx.places) }, cell);
      if (amt.scaled! < 0 && col.money !== false && !CHANGE_LABEL.test(col.label)) issue(ctx, 'BAL-021', { cell, value: fmtScaled(amt.scaled!, ctx.places), label: col.label }, cell);
      if (col.money !== false && amt.decimals > ctx.places) {
        issue(ctx, 'BAL-003', { cell, raw: amt.raw || cellText(v), decimals: amt.decimals, places: ctx.places, rounded: fmtMoney(amt.scaled!, ctx.places, ctx.unit) }, cell);
      }
      continue;
    }
    out.scaled[col.key] = null;
    if (amt.kind === 'error') {
      out.bad.push(col.key);
      issue(ctx, 'BAL-002', { cell, raw: amt.raw }, cell);
    } else if (amt.kind === 'text' && col.money !== false) {
      out.bad.push(col.key);
      const guess = commaAsDecimal(amt.raw);
      if (guess) issue(ctx, 'BAL-018', { cell, raw: amt.raw, guess }, cell);
      else issue(ctx, 'BAL-001', { cell, raw: amt.raw }, cell);
    }
  }
  return out;
}

function sameAmounts(a: Record<string, number | null>, b: Record<string, number | null>): boolean {
  for (const k of Object.keys(a)) if ((a[k] ?? 0) !== (b[k] ?? 0)) return false;
  return true;
}

function makeRow(ctx: Ctx, r: number, name: string, role: RowRole, read: ReadRow, extra: Partial<BudgetRow>): BudgetRow {
  const row: BudgetRow = { r, name, amounts: lazyAmounts(read.scaled, ctx.places), cells: read.cells, role, scaled: read.scaled, ...extra };
  if (read.bad.length) row.bad = read.bad;
  return row;
}

/**
 * Codes written by level: the 类 in full, each 款/项 row only its own two digits, indented
 * with leading spaces under its parent. A stack of (indent, code) rebuilds the full code;
 * without leading spaces two digits stay what they usually are (a 栏次 or 序号).
 */
function indentedCodes() {
  const stack: { indent: number; code: string }[] = [];
  const indentOf = (t: string) => {
    let n = 0;
    for (const ch of t) {
      if (ch === ' ') n++;
      else if (ch === '\u3000') n += 2;
      else break;
    }
    return n;
  };
  return {
    code(v: unknown): string | null {
      if (typeof v !== 'string' || !stack.length) return null;
      const m = /^([ \u3000]+)(\d{2})$/.exec(v);
      if (!m) return null;
      const indent = indentOf(m[1]);
      while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
      const parent = stack[stack.length - 1];
      if (!parent || parent.code.length >= 7) return null;
      const code = parent.code + m[2];
      stack.push({ indent, code });
      return code;
    },
    saw(v: unknown, code: string): void {
      const indent = typeof v === 'string' ? indentOf(v) : 0;
      while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
      stack.push({ indent, code });
    },
  };
}

function isPlaceholderRow(row: unknown[], cols: number): boolean {
  let any = false;
  for (let c = 0; c < Math.min(cols, row.length); c++) {
    const v = row[c];
    if (isBlank(v)) continue;
    if (!isPlaceholder(v)) return false;
    any = true;
  }
  return any;
}

/** Parses a values grid holding one table (title and header optional). */
export function parseBudgetTable(grid: unknown[][], opts: ParseOptions = {}): BudgetTable | ParseError {
  if (!isRow(grid)) return { error: '不是预算公开表：输入不是单元格区域' };
  const { rows, cols } = usedArea(grid);
  if (rows === 0 || cols === 0) return { error: '不是预算公开表：区域是空的' };
  const origin = opts.origin ?? A1_ORIGIN;
  const dict = opts.dictionary ?? DEFAULT_DICTIONARY;
  const classMap = opts.classMap ?? DEFAULT_CLASS_MAP;

  // 1. Title, unit line and the first header row.
  let title = '';
  let titleRow = -1;
  let headerStart = -1;
  let unitRow = -1;
  const unitLine: UnitLine = {};
  for (let r = 0; r < Math.min(rows, MAX_HEADER_SCAN); r++) {
    const info = rowInfo(grid, r, cols);
    if (info.nonBlank === 0) continue;
    if (isHeaderRow(info)) {
      headerStart = r;
      break;
    }
    const t = isTitleRow(info, grid, r);
    if (t && !title) {
      title = t;
      titleRow = r;
      continue;
    }
    if (isUnitLine(info)) {
      parseUnitLine(info, unitLine);
      if (unitRow < 0) unitRow = r;
    }
  }
  // A range of data rows only (no header) is read in the published column order, but only
  // when the caller names the kind: =BUDGET.CHECKSUM(A6:M32, "收入总表").
  const headerless = headerStart < 0;
  if (headerless && !(opts.kind && STRUCTURE[opts.kind] === 'code')) return { error: '不是预算公开表：未找到表头' };
  if (headerless) headerStart = Math.max(titleRow, unitRow) + 1;

  // 2. The header block: up to the 栏次 row or the first row that looks like data.
  const headerRows: number[] = headerless ? [] : [headerStart];
  const headerTexts: string[][] = headerless ? [] : [rowInfo(grid, headerStart, cols).texts];
  let dataStart = headerless ? headerStart : headerStart + 1;
  for (let r = headerStart + 1; !headerless && r < rows && r - headerStart <= MAX_HEADER_ROWS; r++) {
    const info = rowInfo(grid, r, cols);
    if (isLanciRow(info, grid, r)) {
      headerRows.push(r);
      dataStart = r + 1;
      break;
    }
    if (info.nonBlank > 0 && (isDataLike(info) || isNoteRow(info))) {
      dataStart = r;
      break;
    }
    headerRows.push(r);
    if (info.nonBlank > 0) headerTexts.push(info.texts);
    dataStart = r + 1;
  }
  const labels: string[] = [];
  for (let c = 0; c < cols; c++) labels.push(key(headerTexts.map((h) => h[c]).join('')));

  // 3. Kind: forced, from the title, or from the headers (sheet name as a hint).
  let kind = opts.kind ?? titleKind(title) ?? kindFromHeaders(labels, [opts.sheet, title].filter(Boolean).join(' ') || undefined);
  if (!kind) return { error: '不是预算公开表：无法从表头识别是哪一张表，请指定表名' };
  // A 收入总表 without any 科目编码 is Jiangsu's category | item | 金额 list (T15).
  if (kind === 'T2' && !headerless && !labels.some((l) => /编码|代码|科目/.test(l)) && !labels.some((_, c) => holdsCodes(grid, c, dataStart, rows))) kind = 'T15';
  if (!unitLine.year && title) {
    const y = /(\d{4})年/.exec(title);
    if (y) unitLine.year = y[1];
  }
  if (!unitLine.unit) unitLine.unit = '万元';

  const unit = moneyUnit(unitLine.unit);
  const ctx: Ctx = { letters: [], kind, origin, sheet: opts.sheet, places: placesFor(unit), unit, issues: [], tableName: KIND_NAMES[kind] };
  const lay = headerless ? publishedLayout(kind, grid, dataStart, rows, cols) : layoutColumns(kind, labels, headerTexts, grid, dataStart, rows, cols);
  if (isParseError(lay)) return lay;
  if (lay.columns.length === 0) return { error: '不是预算公开表：未找到金额列' };
  const tableCell = a1(titleRow >= 0 ? titleRow : headerStart, 0, origin);
  for (const m of lay.missing) issue(ctx, 'BAL-013', { col: m }, tableCell);

  const structure = STRUCTURE[kind];
  const scheme: CodeScheme = schemeForKind(kind);
  const rowsOut: BudgetRow[] = [];
  const notes: string[] = [];
  let emptyNote = false;
  let inPageHeader = false;
  let afterNote = false;
  let dataRowCount = 0;
  let lastRow = dataStart - 1;
  let nonZero: { cell: string; value: number } | null = null;

  // per-structure state
  const byCode = new Map<string, BudgetRow>();
  const byLine = new Map<string, BudgetRow>();
  let prev: { row: BudgetRow; r: number } | null = null;
  const phase: Record<Side, number> = { income: 0, expense: 0, function: 0 };
  const carryLine: Record<Side, string> = { income: '', expense: '', function: '' };
  /** The last Chinese-numbered item of a side, parent of the `1、` lines under it. */
  const parentItem: Record<Side, string> = { income: '', expense: '', function: '' };
  const sideCols: Record<Side, AmountColumn[]> = {
    income: lay.columns.filter((c) => c.side === 'income'),
    expense: lay.columns.filter((c) => c.side === 'expense'),
    function: lay.columns.filter((c) => c.side === 'function'),
  };
  const sides: Side[] = lay.sideName?.function !== undefined ? ['income', 'function', 'expense'] : ['income', 'expense'];
  const codeLens = CODE_LENGTHS[scheme].join('、');

  // T9 as one row of columns: each column is a line; the first row with figures is the data.
  const special = lay.rowLines ?? (lay.groupCols ? [] : null);
  if (lay.rowLines) {
    for (let r = dataStart; r < rows; r++) {
      const info = rowInfo(grid, r, cols);
      if (info.nonBlank === 0) continue;
      const note = isNoteRow(info);
      if (note) {
        notes.push(note);
        if (EMPTY_NOTE.test(note)) emptyNote = true;
        lastRow = r;
        continue;
      }
      if (info.numbers === 0 || dataRowCount > 0) continue;
      for (const rl of lay.rowLines) {
        const read = readAmounts(ctx, grid, r, [{ key: 'total', label: rl.label, col: rl.col, money: true }]);
        read.cells.name = a1(r, rl.col, origin);
        rowsOut.push(makeRow(ctx, r, rl.label, 'line', read, { line: rl.line }));
        if (read.nonZero && !nonZero) nonZero = { cell: read.cells.total, value: read.nonZero.value };
      }
      dataRowCount = 1;
      lastRow = r;
    }
  }
  // T15: category | item | 金额 — a category row opens a group (its 小计 on the same row or none).
  if (lay.groupCols) {
    const { category, item } = lay.groupCols;
    let group = '';
    for (let r = dataStart; r < rows; r++) {
      const row = grid[r];
      if (!isRow(row)) continue;
      const info = rowInfo(grid, r, cols);
      if (info.nonBlank === 0 || isPlaceholderRow(row, cols)) continue;
      const note = isNoteRow(info);
      if (note) {
        notes.push(note);
        if (EMPTY_NOTE.test(note)) emptyNote = true;
        lastRow = r;
        continue;
      }
      if (isHeaderRow(info) || isLanciRow(info, grid, r)) continue;
      const cat = isBlank(row[category]) ? '' : norm(row[category]);
      const it = isBlank(row[item]) ? '' : norm(row[item]);
      const read = readAmounts(ctx, grid, r, lay.columns);
      read.cells.name = a1(r, it ? item : category, origin);
      let role: RowRole;
      let line: string;
      if (cat && /总计|^合计$/.test(lineKey(cat)) && !it) {
        role = 'grand';
        line = '收入总计';
        group = '';
      } else if (cat && (!it || /^(小计|合计)$/.test(lineKey(it)))) {
        group = lineKey(cat);
        role = 'group';
        line = group;
      } else {
        if (cat) group = lineKey(cat);
        role = 'groupItem';
        line = `${group}:${/^其中/.test(it) ? '其中:' : ''}${lineKey(it)}`;
      }
      const name = role === 'groupItem' ? it : cat;
      rowsOut.push(makeRow(ctx, r, name, role, read, { line }));
      if (read.nonZero && !nonZero) nonZero = { cell: read.cells[read.nonZero.key], value: read.nonZero.value };
      dataRowCount++;
      lastRow = r;
    }
  }

  const indented = indentedCodes();
  for (let r = special ? rows : dataStart; r < rows; r++) {
    const row = grid[r];
    if (!isRow(row)) continue;

    // Fast path: a code in the code column means a data row; no need to normalise the rest.
    let code: string | null = null;
    let codeText = '';
    if (structure === 'code' && lay.codeCols) {
      const joined = joinSplitCode(row, lay.codeCols);
      if (joined && joined.length >= 3) code = joined;
      else if (joined === null) {
        const cv = row[lay.codeCol];
        const split = splitCodeName(cellText(cv));
        if (split) code = split.code;
        codeText = split ? split.name : norm(cv);
      }
    } else if (structure === 'code' && lay.codeCol >= 0) {
      const cv = row[lay.codeCol];
      // Codes indented by level with only their own digits (`208` / `  01` / `    01`).
      const own = indented.code(cv);
      code = own ?? normalizeCode(cv);
      // One or two digits in the code column are a 栏次 or 序号, not a code.
      if (code && code.length < 3) code = null;
      else if (!code && !isBlank(cv)) {
        const split = splitCodeName(cellText(cv));
        if (split) code = split.code;
        codeText = split ? split.name : norm(cv);
      }
      if (code && !own) indented.saw(cv, code);
    }
    if (!code) {
      const info = rowInfo(grid, r, cols);
      if (info.nonBlank === 0) continue;
      // Example rows of a fill-in template (`… | … | …`) are not data.
      if (info.numbers === 0 && isPlaceholderRow(row, cols)) continue;
      const note = isNoteRow(info);
      if (note) {
        notes.push(note);
        if (EMPTY_NOTE.test(note)) emptyNote = true;
        afterNote = true;
        lastRow = r;
        continue;
      }
      if (isLanciRow(info, grid, r)) {
        inPageHeader = false;
        continue;
      }
      if (isTitleRow(info, grid, r) || isUnitLine(info) || isHeaderRow(info)) {
        inPageHeader = true;
        continue;
      }
      const dataLike = isDataLike(info);
      if (inPageHeader && !dataLike) continue;
      inPageHeader = false;
      if (afterNote && info.numbers === 0) continue;
      if (info.numbers === 0 && info.texts.some((t) => t.length > 30 && PROSE.test(t))) continue;
    }

    // ---- code tables
    if (structure === 'code') {
      let name = lay.nameCol >= 0 && lay.nameCol !== lay.codeCol && !isBlank(row[lay.nameCol]) ? normName(row[lay.nameCol]) : '';
      if (!code && lay.codeCol < 0 && name) {
        const split = splitCodeName(cellText(row[lay.nameCol]));
        if (split) {
          code = split.code;
          name = split.name;
        }
      }
      if (!name && codeText) name = codeText;
      const read = readAmounts(ctx, grid, r, lay.columns);
      if (lay.codeCol >= 0) read.cells.code = `${letterOf(ctx, lay.codeCol)}${r + origin.row + 1}`;
      if (lay.nameCol >= 0) read.cells.name = `${letterOf(ctx, lay.nameCol)}${r + origin.row + 1}`;
      const sheetRow = r + origin.row + 1;
      if (code && !isValidCode(code, scheme)) {
        issue(ctx, 'BAL-005', { row: sheetRow, raw: code, scheme: scheme === 'function' ? '功能分类' : '经济分类', lengths: codeLens }, read.cells.code);
        rowsOut.push(makeRow(ctx, r, name, 'plain', read, { code }));
        dataRowCount++;
        lastRow = r;
        prev = null;
        continue;
      }
      if (code) {
        const seen = byCode.get(code);
        if (seen) {
          // A row repeated on the next printed page is harmless; different figures are not.
          if (!sameAmounts(seen.scaled!, read.scaled)) issue(ctx, 'BAL-006', { row: sheetRow, label: code, first: seen.r + origin.row + 1 }, read.cells.code);
          lastRow = r;
          continue;
        }
        if (!dict.has(code, scheme)) issue(ctx, 'BAL-004', { row: sheetRow, code, name, year: dict.year ?? '' }, read.cells.code);
        else {
          const dn = dict.name(code, scheme)!;
          if (name && name !== dn && key(name) !== key(dn)) issue(ctx, 'BAL-009', { row: sheetRow, code, name, dictName: dn, year: dict.year ?? '' }, read.cells.name);
        }
        const br = makeRow(ctx, r, name || dict.name(code, scheme) || '', 'code', read, { code });
        byCode.set(code, br);
        rowsOut.push(br);
        prev = { row: br, r };
      } else if (TOTAL_NAME.test(lineKey(name)) || (lay.codeCol < 0 && lay.nameCol < 0 && !name)) {
        // A table of one row without code or name columns (Jiangsu's 支出预算总表) is its 合计.
        const seen = rowsOut.find((x) => x.role === 'total');
        if (seen) {
          if (!sameAmounts(seen.scaled!, read.scaled)) issue(ctx, 'BAL-006', { row: sheetRow, label: '合计', first: seen.r + origin.row + 1 }, read.cells.name);
          lastRow = r;
          continue;
        }
        const br = makeRow(ctx, r, name, 'total', read, { line: '合计' });
        rowsOut.push(br);
        prev = { row: br, r };
      } else if (!read.any && !read.bad.length) {
        // A name wrapped onto the next row (PDF conversions do this); glue it back.
        if (prev && prev.r === r - 1 && name && name.length <= 15) {
          prev.row.name += name;
          prev.r = r;
          lastRow = r;
        }
        continue;
      } else {
        issue(ctx, 'BAL-007', { row: sheetRow, name: name || '（空）' }, read.cells.name ?? read.cells[lay.columns[0].key]);
        const br = makeRow(ctx, r, name, 'plain', read, {});
        rowsOut.push(br);
        prev = { row: br, r };
      }
      if (read.nonZero && !nonZero) nonZero = { cell: read.cells[read.nonZero.key], value: read.nonZero.value };
      dataRowCount++;
      lastRow = r;
      continue;
    }

    // ---- two-sided tables (T1, T4)
    if (structure === 'twoSided') {
      let used = false;
      for (const side of sides) {
        const nc = lay.sideName![side]!;
        const name = isBlank(row[nc]) ? '' : norm(row[nc]);
        const read = readAmounts(ctx, grid, r, sideCols[side]);
        read.cells.name = a1(r, nc, origin);
        if (!name) {
          if (read.nonZero) {
            issue(ctx, 'BAL-015', { row: r + origin.row + 1, side: side === 'income' ? '收入侧' : side === 'function' ? '功能分类支出侧' : '支出侧', actual: fmtMoney(read.nonZero.value, ctx.places, ctx.unit) }, read.cells[read.nonZero.key]);
            used = true;
          }
          continue;
        }
        used = true;
        const n = lineKey(name);
        const word = side === 'income' ? '收入' : '支出';
        let role: RowRole;
        let line: string;
        let rowCode: string | undefined;
        // `收入合计` after 当年收入小计 / 上年结转 is the grand total (Jiangsu); first, it is 本年合计.
        const grandWord = new RegExp(`${word}总计$|^总计$`).test(n) || (phase[side] >= 1 && new RegExp(`^${word}合计$`).test(n));
        if (!grandWord && new RegExp(`^(本年|当年)?${word}(合计|小计)$|^本年${word}$`).test(n)) {
          role = 'subtotal';
          line = `本年${word}合计`;
          phase[side] = Math.max(phase[side], 1);
        } else if (grandWord) {
          role = 'grand';
          line = `${word}总计`;
          phase[side] = 3;
        } else if (phase[side] >= 1 && phase[side] < 3) {
          if (/结转|结余|弥补/.test(n) || kind !== 'T4' || phase[side] === 1) {
            role = 'carry';
            line = n;
            carryLine[side] = n;
            phase[side] = 2;
          } else {
            role = 'carrySub';
            line = `${carryLine[side]}:${n}`;
          }
        } else if (parentItem[side] && /^(\d+[、.)]|\(\d+\))/.test(name)) {
          // `1、一般公共预算` under `一、财政拨款收入`: a part of that item, not an item of its own.
          role = 'sub';
          line = `${parentItem[side]}:${n}`;
        } else {
          role = 'item';
          line = n;
          parentItem[side] = /^\(?[一二三四五六七八九十]+[)、.]/.test(name) ? n : '';
          if (side !== 'income') rowCode = classMap.codeOf(name);
        }
        const seen = byLine.get(`${side}|${line}`);
        if (seen) {
          if (!sameAmounts(seen.scaled!, read.scaled)) issue(ctx, 'BAL-006', { row: r + origin.row + 1, label: name, first: seen.r + origin.row + 1 }, read.cells.name);
          continue;
        }
        const br = makeRow(ctx, r, name, role, read, { side, line, ...(rowCode ? { code: rowCode } : {}) });
        byLine.set(`${side}|${line}`, br);
        rowsOut.push(br);
        if (read.nonZero && !nonZero) nonZero = { cell: read.cells[read.nonZero.key], value: read.nonZero.value };
      }
      if (used) {
        dataRowCount++;
        lastRow = r;
      }
      continue;
    }

    // ---- fixed-line tables (T9, T11)
    if (structure === 'lines') {
      const name = isBlank(row[lay.nameCol]) ? '' : norm(row[lay.nameCol]);
      const read = readAmounts(ctx, grid, r, lay.columns);
      read.cells.name = a1(r, lay.nameCol, origin);
      const resolve = (nm: string) => (kind === 'T9' ? t9Line(nm) : t11Line(nm));
      let line = name ? resolve(name) : null;
      const noAmounts = !read.any && !read.bad.length;
      if (!name && noAmounts) continue;
      if (!line && noAmounts) {
        // A name wrapped onto the next row (`其中：教学科研人员因公出国` / `（境）费`): glue it back.
        if (prev && prev.r === r - 1 && name.length <= 15 && !hasOrdinal(name)) {
          prev.row.name += name;
          if (!prev.row.line) prev.row.line = resolve(prev.row.name) ?? undefined;
          prev.r = r;
          lastRow = r;
          continue;
        }
      }
      if (!line && /^其中/.test(name)) line = `其中:${lineKey(name)}`;
      if (line) {
        const seen = byLine.get(line);
        if (seen) {
          if (!sameAmounts(seen.scaled!, read.scaled)) issue(ctx, 'BAL-006', { row: r + origin.row + 1, label: name, first: seen.r + origin.row + 1 }, read.cells.name);
          lastRow = r;
          continue;
        }
      }
      const br = makeRow(ctx, r, name, 'line', read, line ? { line } : {});
      if (line) byLine.set(line, br);
      rowsOut.push(br);
      prev = { row: br, r };
      if (read.nonZero && !nonZero) nonZero = { cell: read.cells[read.nonZero.key], value: read.nonZero.value };
      dataRowCount++;
      lastRow = r;
      continue;
    }

    // ---- list (T10)
    const texts: Record<string, string> = {};
    for (const t of lay.textCols) if (!isBlank(row[t.col])) texts[t.key] = norm(row[t.col]);
    const read = readAmounts(ctx, grid, r, lay.columns);
    const name = texts.name ?? texts.item ?? '';
    if (!read.any && !read.bad.length && !name) continue;
    if (lay.nameCol >= 0) read.cells.name = a1(r, lay.nameCol, origin);
    const isTotal = TOTAL_NAME.test(lineKey(name));
    rowsOut.push(makeRow(ctx, r, name, isTotal ? 'total' : 'purchase', read, { texts, ...(isTotal ? { line: '合计' } : {}) }));
    if (read.nonZero && !nonZero) nonZero = { cell: read.cells[read.nonZero.key], value: read.nonZero.value };
    dataRowCount++;
    lastRow = r;
  }

  const hasAmounts = nonZero !== null;
  if (!hasAmounts && !emptyNote && !ctx.issues.some((f) => f.rule === 'BAL-001' || f.rule === 'BAL-002' || f.rule === 'BAL-018')) {
    issue(ctx, 'BAL-011', {}, tableCell);
  }
  if (hasAmounts && emptyNote) issue(ctx, 'BAL-012', { cell: nonZero!.cell, actual: fmtMoney(nonZero!.value, ctx.places, ctx.unit) }, nonZero!.cell);

  const top = [titleRow, unitRow, headerStart].filter((x) => x >= 0).reduce((a, b) => Math.min(a, b));
  const bottom = headerRows.length ? Math.max(lastRow, headerRows[headerRows.length - 1]) : Math.max(lastRow, top);
  const range = `${a1(top, 0, origin)}:${a1(bottom, cols - 1, origin)}`;
  return {
    kind,
    title,
    unitLine,
    sheet: opts.sheet,
    origin,
    range,
    columns: lay.columns,
    rows: rowsOut,
    places: ctx.places,
    issues: ctx.issues,
    empty: emptyNote || !hasAmounts,
    dataRowCount,
    notes,
    headerRows,
  };
}

/** The kind of table a grid holds (title first, then headers), or null. */
export function detectKind(grid: unknown[][], hint?: string): TableKind | null {
  const t = parseBudgetTable(grid, { sheet: hint });
  return isParseError(t) ? null : t.kind;
}
