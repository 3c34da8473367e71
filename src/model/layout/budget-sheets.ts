/**
 * T1–T11 as published in seed 004. Each builder takes the parsed table (or
 * undefined) and returns one SheetPlan; amounts are numbers formatted `0.00`,
 * blank where the table is blank. Fixed-line tables (T1, T4, T9, T11) always list
 * every line of the template, matched to the input by name.
 */
import type { Decimal } from '../money';
import type { PlanValue, SheetPlan } from '../plan';
import { KIND_NAMES, KIND_TITLES, type BudgetRow, type BudgetTable, type TableKind } from '../budget/types';
import { amountOf, matchLines, resolveColumns, soleAmount, type ColSpec } from './columns';
import { finish, nameCell, writeFrame, writeNote, type Frame, type LayoutContext } from './frame';
import { SheetBuilder, type HeaderCell } from './grid';
import { CLASS_LINES, T1_INCOME_LINES, T1_TOTALS, T4_INCOME_LINES, T4_TOTALS, T9_LINES, T11_LINES, ordinal, type FixedLine } from './lines';
import { T1_COLS, T2_COLS, T3_COLS, T4_COLS, T5_COLS, T6_COLS, T9_COLS, T10_COLS, T11_COLS } from './specs';
import { AMOUNT, CODE, SEQ, TEXT, TOTAL_ROW } from './styles';
import { norm, stripOrdinal } from '../text';

/** Published title: the template's, with the curly quotes of the printed “三公”. */
export function tableTitle(kind: TableKind, level: '单位' | '部门' = '单位'): string {
  const t = KIND_TITLES[kind].replace(/"([^"]*)"/g, '“$1”');
  return level === '部门' ? t.replace(/^单位/, '部门') : t;
}

export function tableSheetName(kind: TableKind): string {
  return `表${kind.slice(1)} ${KIND_NAMES[kind]}`;
}

/** The `注：无…，空表列示。` note of each table. */
export const EMPTY_NOTES: Record<TableKind, string> = {
  T1: '注：无单位预算收支，空表列示。',
  T2: '注：无单位预算收入，空表列示。',
  T3: '注：无单位预算支出，空表列示。',
  T4: '注：无财政拨款收支预算，空表列示。',
  T5: '注：无一般公共预算财政拨款支出预算，空表列示。',
  T6: '注：无一般公共预算财政拨款基本支出预算，空表列示。',
  T7: '注：无政府性基金预算财政拨款预算，空表列示。',
  T8: '注：无国有资本经营预算财政拨款预算，空表列示。',
  T9: '注：无财政拨款“三公”经费支出预算，空表列示。',
  T10: '注：无政府采购预算，空表列示。',
  T11: '注：无固定资产，空表列示。',
  T12: '注：无财政拨款支出预算，空表列示。',
  T13: '注：无财政拨款基本支出预算，空表列示。',
  T14: '注：无机关运行经费支出预算，空表列示。',
  T15: '注：无收入预算，空表列示。',
};

/** Tables a unit may legitimately leave out of its workbook because they are empty. */
const OPTIONAL: ReadonlySet<TableKind> = new Set(['T7', 'T8']);

export function missingNote(kind: TableKind): string {
  return `【待填写：输入工作簿中未找到${tableTitle(kind)}，请补充后重新生成】`;
}

const num = (d: Decimal | null | undefined): PlanValue => (d === null || d === undefined ? null : d.toNumber());

/** True when a table has no amount anywhere (or says 空表列示). */
export function isEmptyTable(t: BudgetTable | undefined): boolean {
  if (!t) return true;
  if (t.empty) return true;
  return t.rows.every((r) => Object.values(r.amounts).every((v) => v === null || v === undefined || v.isZero()));
}

const isTotalRow = (r: BudgetRow) => !r.code && /^(合计|总计)$/.test(norm(r.line ?? r.name));

/** Sheet scaffolding shared by every table: builder, frame, and the empty/missing note at the end. */
function start(kind: TableKind, widths: number[], ctx: LayoutContext, header: HeaderCell[][], right?: string[], lanci = true) {
  const b = new SheetBuilder(kind, tableSheetName(kind), widths);
  const frame = writeFrame(b, ctx, tableTitle(kind, ctx.level), header, { right, lanci });
  return { b, frame };
}

function end(b: SheetBuilder, frame: Frame, kind: TableKind, t: BudgetTable | undefined, showNote: boolean): SheetPlan {
  if (!t && !OPTIONAL.has(kind)) writeNote(b, missingNote(kind));
  else if (showNote) writeNote(b, EMPTY_NOTES[kind]);
  return finish(b, frame);
}

// ——— coded tables: T2, T3, T5, T6, T7, T8 ———

interface CodedSpec {
  kind: TableKind;
  header: HeaderCell[][];
  cols: ColSpec[];
  widths: number[];
  /** Workbook names for cells of the 合计 row: spec key → name. */
  totalNames?: Record<string, string>;
}

const FUNC_HEAD = (extra: HeaderCell[]): HeaderCell[][] => [
  [{ text: '序号', rs: 2 }, { text: '功能分类科目', cs: 2 }, ...extra.map((c) => ({ ...c, rs: 2 }))],
  [{ text: '科目编码' }, { text: '科目名称' }],
];

const CODED: Partial<Record<TableKind, CodedSpec>> = {
  T2: {
    kind: 'T2',
    header: [
      [{ text: '序号', rs: 2 }, { text: '功能分类科目', cs: 2 }, { text: '合计', rs: 2 }, { text: '上年结转', rs: 2 }, { text: '本年收入', cs: 8 }],
      [
        { text: '科目编码' },
        { text: '科目名称' },
        { text: '小计' },
        { text: '财政拨款收入' },
        { text: '财政专户收入' },
        { text: '事业收入' },
        { text: '经营收入' },
        { text: '上级补助收入' },
        { text: '附属单位上缴收入' },
        { text: '其他收入' },
      ],
    ],
    cols: T2_COLS,
    widths: [5, 10, 34, 11, 10, 11, 11, 10, 10, 10, 10, 10, 10],
  },
  T3: {
    kind: 'T3',
    header: FUNC_HEAD([
      { text: '合计' },
      { text: '基本支出' },
      { text: '项目支出' },
      { text: '上解上级支出' },
      { text: '经营支出' },
      { text: '对附属单位补助支出' },
    ]),
    cols: T3_COLS,
    widths: [5, 10, 34, 12, 12, 12, 11, 11, 12],
    totalNames: { basic: '基本支出', project: '项目支出' },
  },
  T5: {
    kind: 'T5',
    header: FUNC_HEAD([{ text: '合计' }, { text: '基本支出' }, { text: '项目支出' }]),
    cols: T5_COLS,
    widths: [5, 11, 40, 14, 14, 14],
  },
  T6: {
    kind: 'T6',
    header: [
      [{ text: '序号', rs: 2 }, { text: '支出部门经济分类科目', cs: 2 }, { text: '一般公共预算基本支出', cs: 3 }],
      [{ text: '科目编码' }, { text: '科目名称' }, { text: '合计' }, { text: '人员经费' }, { text: '公用经费' }],
    ],
    cols: T6_COLS,
    widths: [5, 11, 34, 14, 14, 14],
    totalNames: { personnel: '人员经费', public: '公用经费' },
  },
};
CODED.T7 = { ...CODED.T5!, kind: 'T7' };
CODED.T8 = { ...CODED.T5!, kind: 'T8' };

/** The coded tables of the Hebei set that have a published layout here. */
export type CodedKind = 'T2' | 'T3' | 'T5' | 'T6' | 'T7' | 'T8';

export function codedSheet(kind: CodedKind, t: BudgetTable | undefined, ctx: LayoutContext): SheetPlan {
  const spec = CODED[kind]!;
  const { b, frame } = start(kind, spec.widths, ctx, spec.header);
  const w = b.width;
  const cols = resolveColumns(t, spec.cols);
  const empty = isEmptyTable(t);
  const rows = t && !empty ? t.rows : [];
  const first = b.next;
  rows.forEach((row, i) => {
    const total = isTotalRow(row);
    const r = b.row([i + 1, total ? '合计' : row.code ?? null, total ? null : row.name, ...spec.cols.map((c) => num(amountOf(row, cols, c.key)))]);
    if (total) {
      b.merge(r, 1, r, 2);
      b.style(r, 1, r, w - 1, TOTAL_ROW);
      b.style(r, 1, r, 2, { hAlign: 'center' });
      for (const [key, name] of Object.entries(spec.totalNames ?? {})) {
        const c = spec.cols.findIndex((s) => s.key === key);
        if (c >= 0) nameCell(ctx, kind, name, r, 3 + c);
      }
    }
    b.fitRow(r, new Map([[2, b.span(2, 2)]]));
  });
  const last = b.next - 1;
  if (last >= first) {
    b.style(first, 0, last, 0, SEQ);
    b.style(first, 1, last, 1, CODE);
    b.style(first, 2, last, 2, TEXT);
    b.style(first, 3, last, w - 1, AMOUNT);
    // The 合计 row's label cell sits in the code column: keep it centred after the column styles.
    rows.forEach((row, i) => isTotalRow(row) && b.style(first + i, 1, first + i, 2, { hAlign: 'center', bold: true }));
  }
  return end(b, frame, kind, t, empty);
}

// ——— two-sided tables: T1, T4 ———

/** Numbered label of a main line: `八、社会保障和就业支出`. */
const numbered = (lines: FixedLine[]) => (i: number) => `${ordinal(i + 1)}、${lines[i].label}`;

type Line = [label: string | null, row: BudgetRow | undefined];

/**
 * The template's lines numbered 一、二、…, each with its input row, followed by the
 * input rows the template does not know (a new 类), numbered on.
 */
function numberedLines(lines: FixedLine[], byLine: (BudgetRow | undefined)[], extra: BudgetRow[]): Line[] {
  const known = lines.map((_, i): Line => [numbered(lines)(i), byLine[i]]);
  const unknown = extra.filter((r) => r.code || r.name).map((r, i): Line => [`${ordinal(lines.length + i + 1)}、${stripOrdinal(r.name.trim())}`, r]);
  return [...known, ...unknown];
}

export function t1Sheet(t: BudgetTable | undefined, ctx: LayoutContext): SheetPlan {
  const header: HeaderCell[][] = [
    [{ text: '序号', rs: 2 }, { text: '收入', cs: 2 }, { text: '支出', cs: 2 }],
    [{ text: '项目' }, { text: '预算数' }, { text: '项目' }, { text: '预算数' }],
  ];
  const { b, frame } = start('T1', [6, 34, 14, 36, 14], ctx, header);
  const cols = { income: resolveColumns(t, T1_COLS.income), expense: resolveColumns(t, T1_COLS.expense) };
  const rows = t?.rows ?? [];
  const inc = matchLines(rows.filter((r) => r.side !== 'expense'), [...T1_INCOME_LINES, ...T1_TOTALS.income]);
  const exp = matchLines(rows.filter((r) => r.side === 'expense'), [...CLASS_LINES, ...T1_TOTALS.expense]);
  const nInc = T1_INCOME_LINES.length;
  const nExp = CLASS_LINES.length;
  const left = numberedLines(T1_INCOME_LINES, inc.byLine, inc.extra);
  const right = numberedLines(CLASS_LINES, exp.byLine, exp.extra);
  const n = Math.max(left.length, right.length);
  const first = b.next;
  for (let i = 0; i < n; i++) {
    const [ll, lr] = left[i] ?? [null, undefined];
    const [rl, rr] = right[i] ?? [null, undefined];
    b.row([i + 1, ll, num(soleAmount(lr, cols.income, 'income')), rl, num(soleAmount(rr, cols.expense, 'expense'))]);
  }
  const totalsTop = b.next;
  for (let k = 0; k < 3; k++) {
    const li = inc.byLine[nInc + k];
    const ri = exp.byLine[nExp + k];
    const r = b.row([
      n + k + 1,
      T1_TOTALS.income[k].label,
      num(soleAmount(li, cols.income, 'income')),
      T1_TOTALS.expense[k].label,
      num(soleAmount(ri, cols.expense, 'expense')),
    ]);
    if (k === 2) {
      nameCell(ctx, 'T1', '收入总计', r, 2);
      nameCell(ctx, 'T1', '支出总计', r, 4);
    }
  }
  const last = b.next - 1;
  b.style(first, 0, last, 0, SEQ);
  b.style(first, 1, last, 1, TEXT);
  b.style(first, 3, last, 3, TEXT);
  b.style(first, 2, last, 2, AMOUNT);
  b.style(first, 4, last, 4, AMOUNT);
  b.style(totalsTop, 1, last, 4, TOTAL_ROW);
  b.style(totalsTop, 1, last, 1, { hAlign: 'center' });
  b.style(totalsTop, 3, last, 3, { hAlign: 'center' });
  for (let r = first; r <= last; r++) b.fitRow(r, new Map([[1, b.span(1, 1)], [3, b.span(3, 3)]]));
  return end(b, frame, 'T1', t, false);
}

export function t4Sheet(t: BudgetTable | undefined, ctx: LayoutContext): SheetPlan {
  const header: HeaderCell[][] = [
    [{ text: '序号', rs: 2 }, { text: '收入', cs: 2 }, { text: '支出', cs: 5 }],
    [
      { text: '项目' },
      { text: '金额' },
      { text: '项目' },
      { text: '合计' },
      { text: '一般公共预算财政拨款' },
      { text: '政府性基金预算财政拨款' },
      { text: '国有资本经营预算财政拨款' },
    ],
  ];
  const { b, frame } = start('T4', [6, 26, 12, 32, 12, 13, 13, 13], ctx, header);
  const ci = resolveColumns(t, T4_COLS.income);
  const ce = resolveColumns(t, T4_COLS.expense);
  const rows = t?.rows ?? [];
  // Income: the three sources, 本年收入合计, 年初结转和结余, its three sources again, 收入总计.
  const incLines: FixedLine[] = [...T4_INCOME_LINES, T4_TOTALS.income[0], T4_TOTALS.income[1], ...T4_INCOME_LINES, T4_TOTALS.income[2]];
  const inc = matchLines(rows.filter((r) => r.side !== 'expense'), incLines);
  const exp = matchLines(rows.filter((r) => r.side === 'expense'), [...CLASS_LINES, ...T4_TOTALS.expense]);
  const nExp = CLASS_LINES.length;
  const right = numberedLines(CLASS_LINES, exp.byLine, exp.extra);
  const expAmounts = (r: BudgetRow | undefined): PlanValue[] => T4_COLS.expense.map((c) => num(amountOf(r, ce, c.key)));
  const incAmount = (r: BudgetRow | undefined) => num(soleAmount(r, ci, 'income'));
  const n = Math.max(3, right.length);
  const first = b.next;
  for (let i = 0; i < n; i++) {
    const [rl, rr] = right[i] ?? [null, undefined];
    const left: PlanValue[] = i < 3 ? [numbered(T4_INCOME_LINES)(i), incAmount(inc.byLine[i])] : [null, null];
    b.row([i + 1, ...left, rl, ...(rl === null ? [null, null, null, null] : expAmounts(rr))]);
  }
  const totalsTop = b.next;
  const block: [string, BudgetRow | undefined, string | null, BudgetRow | undefined][] = [
    [T4_TOTALS.income[0].label, inc.byLine[3], T4_TOTALS.expense[0].label, exp.byLine[nExp]],
    [T4_TOTALS.income[1].label, inc.byLine[4], T4_TOTALS.expense[1].label, exp.byLine[nExp + 1]],
    [numbered(T4_INCOME_LINES)(0), inc.byLine[5], null, undefined],
    [numbered(T4_INCOME_LINES)(1), inc.byLine[6], null, undefined],
    [numbered(T4_INCOME_LINES)(2), inc.byLine[7], null, undefined],
    [T4_TOTALS.income[2].label, inc.byLine[8], T4_TOTALS.expense[2].label, exp.byLine[nExp + 2]],
  ];
  block.forEach(([ll, lr, rl, rr], k) => {
    const r = b.row([n + k + 1, ll, incAmount(lr), rl, ...(rl === null ? [null, null, null, null] : expAmounts(rr))]);
    if (k !== 2 && k !== 3 && k !== 4) b.style(r, 1, r, 7, TOTAL_ROW);
  });
  const last = b.next - 1;
  b.style(first, 0, last, 0, SEQ);
  b.style(first, 1, last, 1, TEXT);
  b.style(first, 3, last, 3, TEXT);
  b.style(first, 2, last, 2, AMOUNT);
  b.style(first, 4, last, 7, AMOUNT);
  // Totals lines are centred like the published table; the carry-over sources stay indented left.
  for (const k of [0, 1, 5]) {
    b.style(totalsTop + k, 1, totalsTop + k, 1, { hAlign: 'center' });
    b.style(totalsTop + k, 3, totalsTop + k, 3, { hAlign: 'center' });
  }
  for (let r = first; r <= last; r++) b.fitRow(r, new Map([[1, b.span(1, 1)], [3, b.span(3, 3)]]));
  return end(b, frame, 'T4', t, false);
}

// ——— T9 “三公” ———

export function t9Sheet(t: BudgetTable | undefined, ctx: LayoutContext): SheetPlan {
  const header: HeaderCell[][] = [
    [{ text: '序号', rs: 2 }, { text: '项目', rs: 2 }, { text: '合计', rs: 2 }, { text: '资金性质', cs: 3 }],
    [{ text: '一般公共预算财政拨款' }, { text: '政府性基金预算拨款' }, { text: '国有资本经营预算财政拨款' }],
  ];
  const { b, frame } = start('T9', [6, 40, 14, 16, 16, 16], ctx, header);
  const cols = resolveColumns(t, T9_COLS);
  const m = matchLines(t?.rows ?? [], T9_LINES);
  const first = b.next;
  T9_LINES.forEach((line, i) => {
    const r = b.row([i + 1, line.label, ...T9_COLS.map((c) => num(amountOf(m.byLine[i], cols, c.key)))]);
    if (i === 1) nameCell(ctx, 'T9', '三公经费', r, 2);
    if (i <= 1) b.style(r, 1, r, 5, TOTAL_ROW);
    // 其中 lines are indented under their item.
    if (i === 3 || i === 4 || i === 6 || i === 7) b.set(r, 1, `　　${line.label}`);
  });
  const last = b.next - 1;
  b.style(first, 0, last, 0, SEQ);
  b.style(first, 1, last, 1, TEXT);
  b.style(first, 2, last, 5, AMOUNT);
  for (let r = first; r <= last; r++) b.fitRow(r, new Map([[1, b.span(1, 1)]]));
  return end(b, frame, 'T9', t, isEmptyTable(t));
}

// ——— T10 政府采购, T11 固定资产 ———

/** Text columns of T10 rows (BudgetRow.texts keys of the parser). */
type T10Text = 'item' | 'catalog' | 'measure';

export function t10Sheet(t: BudgetTable | undefined, ctx: LayoutContext): SheetPlan {
  const header: HeaderCell[][] = [
    [
      { text: '政府采购项目来源', cs: 2 },
      { text: '采购物品名称', rs: 2 },
      { text: '政府采购目录序号', rs: 2 },
      { text: '计量单位', rs: 2 },
      { text: '数量', rs: 2 },
      { text: '单价', rs: 2 },
      { text: '合计', rs: 2 },
      { text: '政府采购金额（当年单位预算安排资金）', cs: 7 },
      { text: `${ctx.year}年预留中小微企业份额`, rs: 2 },
    ],
    [
      { text: '项目名称' },
      { text: '预算资金' },
      { text: '一般公共预算拨款' },
      { text: '基金预算拨款' },
      { text: '国有资本经营预算拨款' },
      { text: '财政专户核拨' },
      { text: '单位资金' },
      { text: '财政拨款结转' },
      { text: '非财政拨款结转结余' },
    ],
  ];
  const widths = [18, 10, 14, 10, 7, 7, 9, 10, 10, 9, 10, 9, 9, 9, 10, 10];
  const { b, frame } = start('T10', widths, ctx, header, undefined, false);
  const cols = resolveColumns(t, T10_COLS);
  const empty = isEmptyTable(t);
  const rows = t && !empty ? t.rows : [];
  const first = b.next;
  const amt = (r: BudgetRow, key: string) => num(amountOf(r, cols, key));
  const text = (r: BudgetRow, key: T10Text): PlanValue => r.texts?.[key] || null;
  for (const r of rows) {
    const total = isTotalRow(r);
    const row = b.row([
      total ? '合计' : r.texts?.name || r.name || null,
      amt(r, 'budget'),
      text(r, 'item'),
      text(r, 'catalog'),
      text(r, 'measure'),
      amt(r, 'quantity'),
      amt(r, 'price'),
      amt(r, 'total'),
      ...['gpb', 'fund', 'soe', 'special', 'own', 'carry', 'noncarry', 'sme'].map((k) => amt(r, k)),
    ]);
    if (total) b.style(row, 0, row, b.width - 1, TOTAL_ROW);
    b.fitRow(row, new Map([[0, b.span(0, 0)], [2, b.span(2, 2)]]));
  }
  const last = b.next - 1;
  if (last >= first) {
    b.style(first, 0, last, 0, TEXT);
    b.style(first, 2, last, 4, TEXT);
    b.style(first, 1, last, 1, AMOUNT);
    b.style(first, 5, last, b.width - 1, AMOUNT);
    b.style(first, 5, last, 5, { numberFormat: 'General' });
  }
  // The template's note on 单价 only makes sense under purchases; an empty table gets its 空表 note alone.
  if (!empty) writeNote(b, '注：同一采购目录序号下的物品，因配置规格不同，单价可能不同，均在资产配置标准以内；涉密采购按有关规定办理。');
  return end(b, frame, 'T10', t, empty);
}

export function t11Sheet(t: BudgetTable | undefined, ctx: LayoutContext): SheetPlan {
  const header: HeaderCell[][] = [[{ text: '项目' }, { text: '数量' }, { text: '价值（金额单位：万元）' }]];
  const right = [/^\d{4}$/.test(ctx.year.trim()) ? `截止时间：${Number(ctx.year) - 1}-12-31` : '截止时间：上年末'];
  const { b, frame } = start('T11', [36, 16, 24], ctx, header, right, false);
  const cols = resolveColumns(t, T11_COLS);
  const m = matchLines(t?.rows ?? [], T11_LINES);
  const first = b.next;
  T11_LINES.forEach((line, i) => {
    const row = m.byLine[i];
    const qty = amountOf(row, cols, 'quantity');
    const r = b.row([i === 2 ? `　　${line.label}` : line.label, qty === null ? null : qty.toNumber(), num(amountOf(row, cols, 'value'))]);
    if (i === 0) {
      b.style(r, 0, r, 2, TOTAL_ROW);
      nameCell(ctx, 'T11', '固定资产', r, 2);
    }
  });
  const last = b.next - 1;
  b.style(first, 0, last, 0, TEXT);
  b.style(first, 1, last, 1, { hAlign: 'right', border: true, numberFormat: 'General' });
  b.style(first, 2, last, 2, AMOUNT);
  return end(b, frame, 'T11', t, !!t && isEmptyTable(t));
}
