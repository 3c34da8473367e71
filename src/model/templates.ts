/**
 * Blank templates and the 绩效目标表 block the task pane writes. Pure data: the
 * task pane hands the result to the workbook port (applyPlan / writeBlock); the
 * KPI parser reads what is written here back as layout 2, so a project authored
 * in the pane is checked by exactly the rules that check a typed-in one.
 */
import { readAmount } from './money';
import { a1, parseRange } from './address';
import type { CellStyle, ListValidation, PlanValue, SheetPlan, StyleBlock, WorkbookPlan } from './plan';
import type { KpiOp } from './kpi/types';
import { LEVEL1, LEVEL2 } from './kpi/taxonomy';
import { KIND_NAMES, type TableKind } from './budget/types';
import { codedSheet, type CodedKind, t1Sheet, t4Sheet, t9Sheet, t10Sheet, t11Sheet } from './layout/budget-sheets';
import type { LayoutContext } from './layout/frame';
import { AMOUNT, CODE, SEQ, TEXT } from './layout/styles';

/** 一级 → 二级 (canonical names from the KPI taxonomy), offered in drop-downs. */
export const KPI_TAXONOMY: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.values(LEVEL1).map((l1) => [l1.name, l1.level2.map((k) => LEVEL2[k].name)]),
);

export const KPI_LEVEL1: readonly string[] = Object.keys(KPI_TAXONOMY);
export const KPI_LEVEL2: readonly string[] = Array.from(new Set(Object.values(KPI_TAXONOMY).flat()));
export const KPI_OPS: readonly KpiOp[] = ['≥', '≤', '=', '>', '<'];
/** Points of 资金支出计划（%） in the standard layout. */
export const PLAN_LABELS = ['3月底', '6月底', '10月底', '12月底'] as const;

/** One indicator as the 绩效 view edits it (all fields are what the clerk typed). */
export interface KpiDraftIndicator {
  level1: string;
  level2: string;
  level3: string;
  description: string;
  /** 符号; '' for a qualitative value. */
  op: KpiOp | '';
  /** 数值, or the qualitative text (按时完成) when op and unit are blank. */
  number: string;
  unit: string;
  basis: string;
}

/** The project header block of layout 2 plus its indicators. */
export interface KpiDraft {
  /** 单位 (code + name), e.g. `323001 巨鹿县人力资源和社会保障局本级`. */
  unit: string;
  code: string;
  name: string;
  budget: string;
  fiscal: string;
  other: string;
  use: string;
  /** 资金支出计划（%） at 3/6/10/12 月底, as typed (`25` means 25 %). */
  plan: [string, string, string, string];
  /** 绩效目标 (numbered sub-goals on separate lines). */
  goals: string;
  indicators: KpiDraftIndicator[];
}

export function emptyIndicator(): KpiDraftIndicator {
  return { level1: '', level2: '', level3: '', description: '', op: '', number: '', unit: '', basis: '' };
}

export function emptyDraft(): KpiDraft {
  return { unit: '', code: '', name: '', budget: '', fiscal: '', other: '', use: '', plan: ['', '', '', ''], goals: '', indicators: [] };
}

/** 指标值 text from 符号 / 数值 / 单位: `≥` `95` `%` → `≥95%`; a word value stays as typed. */
export function composeValue(op: string, number: string, unit: string): string {
  return `${op}${number.trim()}${unit.trim()}`;
}

/** A typed amount as a number cell when it is one (so formats and sums work), else the text as typed. */
function amountCell(s: string): PlanValue {
  const t = s.trim();
  if (!t) return null;
  const a = readAmount(t, 6);
  return a.kind === 'number' && a.value ? a.value.toNumber() : t;
}

const WIDTH = 6;
const BORDER: CellStyle = { border: true, wrap: true, vAlign: 'middle', fontSize: 10 };
const LABEL: CellStyle = { ...BORDER, hAlign: 'center', bold: true };

export interface KpiBlock {
  values: PlanValue[][];
  styles: StyleBlock[];
  merges: string[];
  validations: ListValidation[];
  /** 0-based block rows: the column-header row and each indicator's row (same order as the draft). */
  headerRow: number;
  indicatorRows: number[];
  /** 0-based block row → what the row holds, for placing findings next to the field they concern. */
  rowField: Record<number, 'title' | 'unit' | 'code' | 'budget' | 'use' | 'plan' | 'goals' | 'header' | 'indicator'>;
}

/**
 * The standard full project table (kpi.md layout 2), six columns:
 *
 *     <名称>绩效目标表
 *     <单位>                               单位：万元
 *     项目编码 | <code>  |          | 项目名称 | <name> |
 *     预算数   | <n>     | 其中：财政资金 | <n> | 其他资金 | <n>
 *     资金用途 | <text …………………………………………………………>
 *     资金支出计划（%） | 3月底 | 6月底 | 10月底 | 12月底 |
 *                      | <n>   | <n>   | <n>    | <n>    |
 *     绩效目标 | <text …………………………………………………………>
 *     一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 | 指标值确定依据
 *     … one row per indicator (plus `blankRows` empty rows for a template)
 */
export function kpiProjectBlock(d: KpiDraft, blankRows = 0): KpiBlock {
  const values: PlanValue[][] = [];
  const styles: StyleBlock[] = [];
  const merges: string[] = [];
  const rowField: KpiBlock['rowField'] = {};
  const row = (cells: PlanValue[], field: KpiBlock['rowField'][number]): number => {
    const r = new Array<PlanValue>(WIDTH).fill(null);
    cells.forEach((v, i) => (r[i] = v === '' || v === undefined ? null : v));
    values.push(r);
    rowField[values.length - 1] = field;
    return values.length - 1;
  };
  const rng = (r1: number, c1: number, r2: number, c2: number) => `${a1(r1, c1)}:${a1(r2, c2)}`;
  const text = (s: string) => s.trim();

  const title = row([`${text(d.name) || '项目'}绩效目标表`], 'title');
  merges.push(rng(title, 0, title, WIDTH - 1));
  styles.push({ range: rng(title, 0, title, WIDTH - 1), style: { bold: true, fontSize: 14, hAlign: 'center', vAlign: 'middle' } });

  const unit = row([text(d.unit), null, null, null, null, '单位：万元'], 'unit');
  merges.push(rng(unit, 0, unit, 3));
  styles.push({ range: rng(unit, 5, unit, 5), style: { hAlign: 'right' } });

  const first = row(['项目编码', text(d.code), null, '项目名称', text(d.name), null], 'code');
  merges.push(rng(first, 1, first, 2), rng(first, 4, first, 5));
  const money = row(['预算数', amountCell(d.budget), '其中：财政资金', amountCell(d.fiscal), '其他资金', amountCell(d.other)], 'budget');
  styles.push(
    { range: rng(money, 1, money, 1), style: { numberFormat: '0.00' } },
    { range: rng(money, 3, money, 3), style: { numberFormat: '0.00' } },
    { range: rng(money, 5, money, 5), style: { numberFormat: '0.00' } },
  );
  const use = row(['资金用途', text(d.use)], 'use');
  merges.push(rng(use, 1, use, WIDTH - 1));
  const planHead = row(['资金支出计划（%）', ...PLAN_LABELS], 'plan');
  const planVals = row([null, ...d.plan.map(amountCell)], 'plan');
  merges.push(rng(planHead, 0, planVals, 0), rng(planHead, 5, planVals, 5));
  const goals = row(['绩效目标', text(d.goals)], 'goals');
  merges.push(rng(goals, 1, goals, WIDTH - 1));
  for (const r of [first, money, use, planHead, planVals, goals]) {
    styles.push({ range: rng(r, 0, r, WIDTH - 1), style: BORDER });
  }
  styles.push(
    { range: rng(first, 0, goals, 0), style: LABEL },
    { range: rng(first, 3, first, 3), style: LABEL },
    { range: rng(money, 2, money, 2), style: LABEL },
    { range: rng(money, 4, money, 4), style: LABEL },
    { range: rng(planHead, 1, planHead, 4), style: LABEL },
  );

  const headerRow = row(['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'], 'header');
  styles.push({ range: rng(headerRow, 0, headerRow, WIDTH - 1), style: { ...LABEL, fill: '#F2F2F2' } });

  const indicatorRows: number[] = [];
  for (const ind of d.indicators) {
    indicatorRows.push(
      row(
        [ind.level1, ind.level2, ind.level3, ind.description, composeValue(ind.op, ind.number, ind.unit), ind.basis].map(text),
        'indicator',
      ),
    );
  }
  for (let i = 0; i < blankRows; i++) row([], 'indicator');
  const last = values.length - 1;
  const validations: ListValidation[] = [];
  if (last > headerRow) {
    styles.push({ range: rng(headerRow + 1, 0, last, WIDTH - 1), style: { ...BORDER, numberFormat: '@' } });
    validations.push(
      { range: rng(headerRow + 1, 0, last, 0), list: [...KPI_LEVEL1] },
      { range: rng(headerRow + 1, 1, last, 1), list: [...KPI_LEVEL2] },
    );
  }
  return { values, styles, merges, validations, headerRow, indicatorRows, rowField };
}

/** A sheet holding one block at A1 (column widths for a printed A4 page). */
function blockSheet(key: string, name: string, b: { values: PlanValue[][]; styles: StyleBlock[]; merges: string[]; validations: ListValidation[] }, widths: number[], headerRow: number): SheetPlan {
  return {
    key,
    name,
    values: b.values,
    styles: b.styles,
    merges: b.merges,
    columnWidths: widths,
    rowHeights: {},
    page: { orientation: 'portrait', paper: 'A4', fitToWidth: true, printTitleRows: `$${headerRow + 1}:$${headerRow + 1}` },
    validations: b.validations,
  };
}

/** Blank project 绩效目标表 (layout 2) with drop-downs for 一级/二级 on 12 indicator rows. */
export function kpiProjectTemplate(): SheetPlan {
  const b = kpiProjectBlock(emptyDraft(), 12);
  return blockSheet('KPI-模板', '项目绩效目标表', b, [14, 14, 18, 22, 12, 16], b.headerRow);
}

/**
 * Blank 单位整体支出绩效指标 (layout 4): 指标值 split into 符号 / 值 / 单位, with
 * drop-downs for 一级, 二级 and 符号.
 */
export function unitKpiTemplate(rows = 12): SheetPlan {
  const W = 9;
  const values: PlanValue[][] = [
    ['单位整体支出绩效指标', null, null, null, null, null, null, null, null],
    ['一级指标', '二级指标', '三级指标', '评(扣)分标准', '绩效指标描述', '指标值', null, null, '指标值确定依据'],
    [null, null, null, null, null, '符号', '值', '单位', null],
  ];
  for (let i = 0; i < rows; i++) values.push(new Array<PlanValue>(W).fill(null));
  const last = values.length - 1;
  const col = (c: number, r1: number, r2: number) => `${a1(r1, c)}:${a1(r2, c)}`;
  const merges = ['A1:I1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:E3', 'F2:H2', 'I2:I3'];
  const styles: StyleBlock[] = [
    { range: 'A1:I1', style: { bold: true, fontSize: 14, hAlign: 'center' } },
    { range: 'A2:I3', style: { ...LABEL, fill: '#F2F2F2' } },
    { range: `A4:I${last + 1}`, style: { ...BORDER, numberFormat: '@' } },
    { range: col(6, 3, last), style: { ...BORDER, numberFormat: 'General', hAlign: 'right' } },
  ];
  const validations: ListValidation[] = [
    { range: col(0, 3, last), list: [...KPI_LEVEL1] },
    { range: col(1, 3, last), list: [...KPI_LEVEL2] },
    { range: col(5, 3, last), list: [...KPI_OPS], strict: true },
  ];
  return blockSheet('KPI-单位整体', '单位整体支出绩效指标', { values, styles, merges, validations }, [10, 12, 18, 16, 18, 6, 8, 8, 16], 2);
}

/* ---------- budget tables ---------- */

const NOTE_ROW = /^(注[:：]|【待填写)/;

/** Drops the trailing note lines a layout writes for a missing or empty table, with their merges and styles. */
function dropTrailingNotes(sheet: SheetPlan): SheetPlan {
  const values = [...sheet.values];
  while (values.length) {
    const r = values[values.length - 1];
    const first = r[0];
    if (typeof first === 'string' && NOTE_ROW.test(first) && r.slice(1).every((v) => v === null || v === '')) values.pop();
    else break;
  }
  const last = values.length; // 1-based number of the last row kept
  const clamp = (range: string): string | null => {
    const p = parseRange(range);
    if (!p) return range;
    if (p.start.row + 1 > last) return null;
    const end = { row: Math.min(p.end.row, last - 1), col: p.end.col };
    const tl = a1(p.start.row, p.start.col);
    const br = a1(end.row, end.col);
    return tl === br ? tl : `${tl}:${br}`;
  };
  const merges = sheet.merges.map(clamp).filter((m): m is string => m !== null && m.includes(':'));
  const styles = sheet.styles.flatMap((b) => {
    const r = clamp(b.range);
    return r ? [{ ...b, range: r }] : [];
  });
  const rowHeights: Record<number, number> = {};
  for (const [k, h] of Object.entries(sheet.rowHeights)) if (Number(k) <= last) rowHeights[Number(k)] = h;
  return { ...sheet, values, merges, styles, rowHeights };
}

/** Column roles of the blank data rows added to tables whose rows are not fixed lines. */
const BLANK_ROWS: Partial<Record<TableKind, { total: number | null; roles: ('seq' | 'code' | 'text' | 'amount' | 'general')[] }>> = {};
for (const k of ['T2', 'T3', 'T5', 'T6', 'T7', 'T8'] as const) BLANK_ROWS[k] = { total: 1, roles: ['seq', 'code', 'text'] };
BLANK_ROWS.T10 = { total: 0, roles: ['text', 'amount', 'text', 'text', 'text', 'general'] };

const ROLE_STYLE: Record<'seq' | 'code' | 'text' | 'amount' | 'general', CellStyle> = {
  seq: SEQ,
  code: CODE,
  text: TEXT,
  amount: AMOUNT,
  general: { hAlign: 'right', border: true, numberFormat: 'General' },
};

function buildTableSheet(kind: TableKind, ctx: LayoutContext): SheetPlan {
  switch (kind) {
    case 'T1':
      return t1Sheet(undefined, ctx);
    case 'T4':
      return t4Sheet(undefined, ctx);
    case 'T9':
      return t9Sheet(undefined, ctx);
    case 'T10':
      return t10Sheet(undefined, ctx);
    case 'T11':
      return t11Sheet(undefined, ctx);
    default:
      return codedSheet(kind as CodedKind, undefined, ctx);
  }
}

/**
 * A blank budget table as published (title, unit line, headers, 栏次, every fixed
 * line of T1/T4/T9/T11, number formats), taken from the disclosure layout so the
 * template and the generated package look the same; coded tables get a 合计 row
 * and `rows` blank rows to fill.
 */
export function budgetTemplate(kind: TableKind, year: string, rows = 15): SheetPlan {
  const ctx: LayoutContext = { unitText: '', unitName: '', year, namePrefix: '模板.', names: [] };
  const sheet = dropTrailingNotes(buildTableSheet(kind, ctx));
  const spec = BLANK_ROWS[kind];
  if (!spec) return { ...sheet, key: kind, name: `${KIND_NAMES[kind]}（空白）` };
  const width = sheet.columnWidths.length;
  const values = [...sheet.values];
  const styles = [...sheet.styles];
  const merges = [...sheet.merges];
  const first = values.length; // 0-based index of the first blank row
  for (let i = 0; i < rows; i++) {
    const r = new Array<PlanValue>(width).fill(null);
    if (i === 0 && spec.total !== null) r[spec.total] = '合计';
    values.push(r);
  }
  const last = values.length - 1;
  const col = (c1: number, c2: number) => `${a1(first, c1)}:${a1(last, c2)}`;
  for (let c = 0; c < width; c++) {
    const role = spec.roles[c] ?? 'amount';
    styles.push({ range: col(c, c), style: ROLE_STYLE[role] });
  }
  if (spec.total !== null) {
    merges.push(`${a1(first, 1)}:${a1(first, 2)}`);
    styles.push({ range: `${a1(first, 0)}:${a1(first, width - 1)}`, style: { bold: true } }, { range: `${a1(first, 1)}:${a1(first, 2)}`, style: { hAlign: 'center' } });
  }
  return { ...sheet, key: kind, name: `${KIND_NAMES[kind]}（空白）`, values, styles, merges };
}

/**
 * A one-sheet plan for the blank template `key` (`T1`…`T11`, `KPI`, `KPI-UNIT`).
 * A budget table also gets its `BT.<kindName>` name unless that name is already
 * bound (given in `bound`, with or without the `BT.` prefix): inserting a template
 * never moves an existing binding.
 */
export function buildTemplate(key: string, bound: readonly string[] = [], year = String(new Date().getFullYear())): WorkbookPlan {
  if (key === 'KPI') return { sheets: [kpiProjectTemplate()], names: [] };
  if (key === 'KPI-UNIT') return { sheets: [unitKpiTemplate()], names: [] };
  // Templates exist for the Hebei set (T1–T11); other provinces' extra tables have none yet.
  if (!(key in KIND_NAMES) || !/^T([1-9]|1[01])$/.test(key)) throw new Error(`没有名为“${key}”的空白表模板。`);
  const kind = key as TableKind;
  const sheet = budgetTemplate(kind, year);
  const kindName = KIND_NAMES[kind];
  const taken = bound.some((b) => b === kindName || b === `BT.${kindName}`);
  const range = `A1:${a1(sheet.values.length - 1, sheet.columnWidths.length - 1)}`;
  return { sheets: [sheet], names: taken ? [] : [{ name: `BT.${kindName}`, sheetKey: sheet.key, range }] };
}
