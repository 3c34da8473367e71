/**
 * 绩效目标表 parsers for the four layouts of kpi.md, from a values grid.
 *
 * One pass over the rows with a small state machine:
 *   meta rows (title, unit line, header block, 绩效目标) collect a project draft;
 *   a column-header row opens the indicator grid of that draft;
 *   indicator rows follow until the next meta row closes the project.
 * A column header met again inside a grid with no meta row in between is a printed
 * page break: skipped, and the first row after it may continue the row cut by the break.
 * Grids without any header (KPI.VALIDATE on bare rows) get their columns inferred.
 * Never throws; deterministic; linear in the number of cells.
 */
import { a1, A1_ORIGIN, rangeA1, type Origin } from '../address';
import { cellText, norm, stripOrdinal, toHalfWidth } from '../text';
import type { SheetGrid } from '../workbook';
import { fastNorm } from './fastnorm';
import { classifyLevel1, classifyLevel2, isTaxonomyTerm } from './taxonomy';
import { isPercentFormat, parseKpiValue } from './value';
import {
  TIER_NAMES,
  type KpiGridParse,
  type KpiIndicator,
  type KpiLayout,
  type KpiPlanPoint,
  type KpiProject,
  type KpiProjectCells,
  type KpiRowKind,
  type KpiTableRef,
  type KpiTier,
  type ParsedValue,
  type TierName,
} from './types';

export interface ParseOptions {
  /** Where grid[0][0] sits on the sheet (0-based); findings and cells use it. */
  origin?: Origin;
  sheet?: string;
  /** Number formats aligned with the grid (a percentage format turns 0.95 into 95 %). */
  formats?: unknown[][];
  /**
   * The grid is a whole sheet scanned for tables (CLI, task pane), not a range the clerk
   * chose (KPI.VALIDATE). A scanned sheet is a 绩效目标表 only on positive evidence: a
   * column-header row naming 三级指标/指标值…, or a 绩效目标表 title before its columns are
   * guessed. A 资产明细 list or a budget table with `≥95%` in one cell is neither.
   */
  scan?: boolean;
}

/* ---------- column headers ---------- */

/** Column positions of one table's grid (0-based grid columns). */
interface Columns {
  l1?: number;
  l2?: number;
  l3?: number;
  desc?: number;
  value?: number;
  basis?: number;
  scoring?: number;
  /** Layout 4: 指标值 split into 符号 / 值 / 单位. */
  op?: number;
  num?: number;
  unit?: number;
  /** Layout 3: 评价标准 优/良/中/差. */
  tiers?: Record<TierName, number>;
  /** Layout 4 hint from the header (评(扣)分标准 column or 符号 split). */
  unitWide?: boolean;
  /** Signature for recognising a repeated (page-break) header. */
  sig: string;
}

const H_L1 = /^(一级指标|一级|绩效指标分类|指标分类|指标类别|一级指标名称)$/;
const H_L2 = /^(二级指标|二级|二级指标名称)$/;
const H_L3 = /^(三级指标|三级|绩效指标|指标名称|三级指标名称|具体指标)$/;
const H_DESC = /(指标描述|指标解释|指标说明|指标内容)/;
const H_VALUE = /^(指标值|目标值|绩效指标值|年度指标值|年度目标值|指标目标值|指标值\(.*\))$/;
const H_BASIS = /依据/;
const H_SCORING = /^(评\(扣\)分标准|评扣分标准|评分标准|扣分标准)$/;
const H_TIERS = /评价标准$/;
const SUB_TIER: Record<string, TierName> = { 优: '优', 优秀: '优', 良: '良', 良好: '良', 中: '中', 中等: '中', 合格: '中', 差: '差', 较差: '差', 不合格: '差' };
const SUB_OP = /^(符号|比较符号|运算符)$/;
const SUB_NUM = /^(值|数值|指标值)$/;
const SUB_UNIT = /^(单位|计量单位|度量单位)$/;

function headerKey(t: string): string {
  return t.replace(/[:：]/g, '');
}

// Cheap pre-test: a header row has a cell naming a 三级/指标值/评价标准 column.
const HEADER_HINT = /^(三级|指标值|目标值|绩效指标|指标名称|具体指标|年度指标值|年度目标值|指标目标值)|评价标准$/;

/** Recognises a column-header row; null when the row is not one. */
function readHeader(texts: string[]): Columns | null {
  let hint = false;
  for (const t of texts) {
    if (t && t.length <= 16 && HEADER_HINT.test(t)) {
      hint = true;
      break;
    }
  }
  if (!hint) return null;
  let hasL3 = false;
  let hasValue = false;
  let hasTiers = false;
  let hasL1 = false;
  const c: Columns = { sig: '' };
  for (let i = 0; i < texts.length; i++) {
    const t = headerKey(texts[i]);
    if (!t) continue;
    if (c.l1 === undefined && H_L1.test(t)) {
      c.l1 = i;
      hasL1 = true;
    } else if (c.l2 === undefined && H_L2.test(t)) c.l2 = i;
    else if (c.l3 === undefined && H_L3.test(t)) {
      c.l3 = i;
      hasL3 = true;
    } else if (c.scoring === undefined && H_SCORING.test(t)) {
      c.scoring = i;
      c.unitWide = true;
    } else if (c.desc === undefined && H_DESC.test(t)) c.desc = i;
    else if (c.basis === undefined && H_BASIS.test(t)) c.basis = i;
    else if (c.value === undefined && H_VALUE.test(t)) {
      c.value = i;
      hasValue = true;
    } else if (!hasTiers && H_TIERS.test(t)) {
      hasTiers = true;
      c.value = i;
    }
  }
  const ok = (hasL3 && (hasValue || hasTiers || hasL1)) || (hasL1 && (hasValue || hasTiers));
  if (!ok) return null;
  if (hasTiers) {
    // Default: 优 良 中 差 in the four columns from 评价标准 (refined by the sub-header).
    const v = c.value as number;
    c.tiers = { 优: v, 良: v + 1, 中: v + 2, 差: v + 3 };
  }
  c.sig = texts.map((t) => headerKey(t)).filter(Boolean).join('|');
  return c;
}

/** Reads the sub-header under a header (优 良 中 差, or 符号 值 单位); true when the row was one. */
function readSubHeader(texts: string[], c: Columns): boolean {
  const tiers: Partial<Record<TierName, number>> = {};
  let op: number | undefined;
  let num: number | undefined;
  let unit: number | undefined;
  let other = 0;
  for (let i = 0; i < texts.length; i++) {
    const t = headerKey(texts[i]);
    if (!t) continue;
    const tier = SUB_TIER[t];
    if (tier && tiers[tier] === undefined) tiers[tier] = i;
    else if (SUB_OP.test(t)) op = i;
    else if (SUB_NUM.test(t) && num === undefined) num = i;
    else if (SUB_UNIT.test(t)) unit = i;
    else other++;
  }
  if (tiers.优 !== undefined && tiers.良 !== undefined && other <= 2) {
    c.tiers = {
      优: tiers.优,
      良: tiers.良,
      中: tiers.中 ?? tiers.良 + 1,
      差: tiers.差 ?? tiers.良 + 2,
    };
    c.value = c.tiers.优;
    return true;
  }
  if (op !== undefined && num !== undefined && other <= 2) {
    c.op = op;
    c.num = num;
    c.unit = unit;
    c.value = num;
    c.unitWide = true;
    return true;
  }
  return false;
}

/* ---------- header block labels ---------- */

type Field = 'code' | 'name' | 'budget' | 'fiscal' | 'other' | 'use' | 'plan' | 'goals' | 'unitName';

const LABELS: [Field, RegExp][] = [
  ['code', /^项目(编码|代码|编号)$/],
  ['name', /^项目名称$/],
  ['unitName', /^(单位名称|预算单位|部门名称|实施单位|主管部门)$/],
  ['fiscal', /^(其中)?财政(资金|拨款|预算资金|性资金)(\(万元\))?$/],
  ['other', /^(其中)?其他(资金|来源)(\(万元\))?$/],
  ['budget', /^(项目)?(年度)?(预算数|预算金额|预算资金|资金总额|预算总额|年度资金总额|资金规模)(\(万元\))?$/],
  ['use', /(资金用途|主要用途|资金使用方向)$/],
  ['plan', /^(资金)?支出计划/],
  ['goals', /^(年度|项目|总体|年度总体)?绩效目标$|^(年度|总体)目标$/],
];

const LABEL_HINT = /项目|单位|预算|财政|其他|用途|计划|目标|部门|资金|主管/;

function labelOf(t: string): Field | null {
  if (!t || t.length > 24 || !LABEL_HINT.test(t)) return null;
  const k = stripOrdinal(t.replace(/[:：]/g, '').replace(/\(%\)$/, ''));
  for (const [f, re] of LABELS) if (re.test(k)) return f;
  return null;
}

const PLAN_LABEL = /^(\d{1,2}月(底|末|份)?|第?[一二三四1-4]季度(末)?|上半年|下半年|全年|年底)$/;
const TITLE = /(绩效目标表|绩效指标表|目标申报表|整体支出绩效指标|整体绩效目标表|绩效目标申报表)(\(.*\))?$/;
const UNIT_LINE = /^单位[:：]?\s*(万元|元|千元|亿元)$/;
const UNIT_CODE_LINE = /^\d{5,}[\u4e00-\u9fff]/;
const UNIT_NAME_INLINE = /^(单位名称|预算单位|部门名称|编制单位|单位)[:：](?!万元$|元$|千元$)(.+)$/;
const NOTE_LINE = /^(注|备注|说明)[:：]/;
const ORDINAL_START = /^\d{1,2}\s*[、.．)]/;
const GOAL_SPLIT = /(?:^|(?<=[\s;；。，,]))(\d{1,2})\s*[.、．)](?!\d)/g;
const HTML_TAG = /<\/?[a-zA-Z][^>]*>/g;
const TITLE_SUFFIX = /[-—–\s]*(?:项目)?(?:绩效目标(?:申报)?表|绩效指标表)(?:\(.*\))?$/;

/** Splits 绩效目标 text into numbered sub-goals (`1.…2.…`); one element when unnumbered. */
export function splitGoals(text: string): string[] {
  const t = text.replace(HTML_TAG, ' ').replace(/\s+/g, ' ').trim();
  if (!t) return [];
  const starts: { at: number; len: number }[] = [];
  GOAL_SPLIT.lastIndex = 0;
  for (let m = GOAL_SPLIT.exec(t); m; m = GOAL_SPLIT.exec(t)) {
    starts.push({ at: m.index, len: m[0].length });
    if (m[0].length === 0) GOAL_SPLIT.lastIndex++;
  }
  if (!starts.length) return [t];
  const out: string[] = [];
  const head = t.slice(0, starts[0].at).trim();
  if (head) out.push(head);
  for (let i = 0; i < starts.length; i++) {
    const end = i + 1 < starts.length ? starts[i + 1].at : t.length;
    const part = t.slice(starts[i].at + starts[i].len, end).trim().replace(/[;；，,]$/, '');
    if (part) out.push(part);
  }
  return out;
}

/* ---------- helpers ---------- */

function isBlankValue(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (typeof v === 'string' && v.trim() === '');
}

function formatAt(formats: unknown[][] | undefined, r: number, c: number): string | undefined {
  const row = formats?.[r];
  if (!Array.isArray(row)) return undefined;
  const f = row[c];
  return typeof f === 'string' ? f : undefined;
}

/** Display text of a cell: a percentage-formatted number shows as `95%`. */
function displayText(v: unknown, fmt: string | undefined): string {
  if (typeof v === 'number' && Number.isFinite(v) && isPercentFormat(fmt)) return `${Number((v * 100).toPrecision(12))}%`;
  return cellText(v).trim();
}

function readPercent(v: unknown, fmt: string | undefined): { value: number | null; raw: string; fromFormat: boolean } {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { value: null, raw: String(v), fromFormat: false };
    if (isPercentFormat(fmt)) return { value: Number((v * 100).toPrecision(12)), raw: displayText(v, fmt), fromFormat: true };
    return { value: v, raw: String(v), fromFormat: false };
  }
  const raw = cellText(v).trim();
  const t = toHalfWidth(raw).replace(/\s+/g, '').replace(/(%|百分比|百分号)$/, '');
  if (t === '') return { value: null, raw, fromFormat: false };
  const n = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : NaN;
  return { value: Number.isFinite(n) ? n : null, raw, fromFormat: false };
}

const PLAN_VALUE = /^[+-]?(\d+(\.\d*)?|\.\d+)\s*(%|百分比)?$/;

function looksLikePlanValue(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  return PLAN_VALUE.test(toHalfWidth(cellText(v)).trim());
}

/* ---------- drafts ---------- */

interface Draft {
  title: string;
  titleRow?: number;
  top: number;
  unit?: string;
  code?: string;
  name?: string;
  budget?: string;
  fiscal?: string;
  other?: string;
  use?: string;
  amountUnit?: string;
  goalsText: string[];
  goalsLabel: boolean;
  plan: KpiPlanPoint[];
  planFromFormat: boolean;
  planLabels?: { col: number; label: string }[];
  expectPlanValues: boolean;
  lastField: 'use' | 'goals' | 'planValues' | null;
  /** Text of the last lone meta line (a title broken over two lines ends with `绩效目标表`). */
  lastLone?: { text: string; row: number; col: number };
  hasBlock: boolean;
  cells: KpiProjectCells;
}

function newDraft(top: number): Draft {
  return { title: '', top, goalsText: [], goalsLabel: false, plan: [], planFromFormat: false, expectPlanValues: false, lastField: null, hasBlock: false, cells: {} };
}

function draftHasContent(d: Draft): boolean {
  return !!d.title || d.hasBlock || d.goalsLabel || !!d.unit;
}

interface Open {
  draft: Draft;
  cols: Columns;
  headerRow: number;
  indicators: KpiIndicator[];
  bottom: number;
  /** Row kind index of rows merged into a previous indicator. */
  afterRepeat: boolean;
  last?: KpiIndicator;
}

/* ---------- the parser ---------- */

interface RowInfo {
  texts: string[];
  nonEmpty: number;
  first: number;
}

const BLANK_ROW: RowInfo = { texts: [], nonEmpty: 0, first: -1 };

function rowInfo(row: unknown): RowInfo {
  if (!Array.isArray(row)) return BLANK_ROW;
  // Whole-column ranges are mostly blank rows: no allocation for them.
  let any = false;
  for (let c = 0; c < row.length; c++) {
    if (!isBlankValue(row[c])) {
      any = true;
      break;
    }
  }
  if (!any) return BLANK_ROW;
  const texts: string[] = new Array(row.length);
  let nonEmpty = 0;
  let first = -1;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    let t = '';
    if (!isBlankValue(v)) {
      try {
        t = fastNorm(v);
      } catch {
        t = '';
      }
    }
    texts[c] = t;
    if (t) {
      nonEmpty++;
      if (first < 0) first = c;
    }
  }
  return { texts, nonEmpty, first };
}

/**
 * Parses a grid holding one or more 绩效目标表 (any of the four layouts). Never throws.
 * `rowKinds` is aligned with the grid rows.
 */
export function parseKpiGrid(grid: unknown[][], opts: ParseOptions = {}): KpiGridParse {
  try {
    return parseInner(grid, opts);
  } catch {
    const n = Array.isArray(grid) ? grid.length : 0;
    return { layout: null, projects: [], rowKinds: new Array<KpiRowKind>(n).fill('blank') };
  }
}

function parseInner(grid: unknown[][], opts: ParseOptions): KpiGridParse {
  const all: unknown[] = Array.isArray(grid) ? grid : [];
  // Whole-column inputs (`A:F`): only the used rows are read; the rest are blank.
  let used = all.length;
  while (used > 0 && rowInfo(all[used - 1]) === BLANK_ROW) used--;
  const rows: unknown[][] = new Array(used);
  for (let r = 0; r < used; r++) rows[r] = Array.isArray(all[r]) ? (all[r] as unknown[]) : [];
  const origin = opts.origin ?? A1_ORIGIN;
  const infos = rows.map(rowInfo);
  let res = run(rows, infos, origin, opts, undefined);
  if (!res.sawHeader && (!opts.scan || hasKpiTitle(infos))) {
    const cols = inferColumns(rows, infos, opts.formats);
    if (cols) res = run(rows, infos, origin, opts, cols);
  }
  const projects = res.projects;
  const rowKinds = res.kinds;
  for (let r = used; r < all.length; r++) rowKinds.push('blank');
  return { layout: projects.length ? projects[0].layout : null, projects, rowKinds };
}

function run(
  rows: unknown[][],
  infos: RowInfo[],
  origin: Origin,
  opts: ParseOptions,
  inferred: Columns | undefined,
): { projects: KpiProject[]; kinds: KpiRowKind[]; sawHeader: boolean } {
  const kinds: KpiRowKind[] = new Array(rows.length).fill('blank');
  const projects: KpiProject[] = [];
  const sheet = opts.sheet;
  const fmts = opts.formats;
  const A = (r: number, c: number) => a1(r, c, origin);
  let draft: Draft | null = null;
  let open: Open | null = inferred ? { draft: newDraft(0), cols: inferred, headerRow: -1, indicators: [], bottom: -1, afterRepeat: false } : null;
  let sawHeader = false;
  let subHeaderNext = false;

  const close = () => {
    if (open) {
      const p = finish(open, sheet);
      if (p) projects.push(p);
    }
    open = null;
  };

  for (let r = 0; r < rows.length; r++) {
    const info = infos[r];
    if (info.nonEmpty === 0) {
      kinds[r] = 'blank';
      continue;
    }
    const { texts } = info;

    if (subHeaderNext && open) {
      subHeaderNext = false;
      if (readSubHeader(texts, open.cols)) {
        kinds[r] = 'header';
        open.bottom = r;
        continue;
      }
    }
    subHeaderNext = false;

    const hdr = readHeader(texts);
    if (hdr) {
      sawHeader = true;
      kinds[r] = 'header';
      if (open && open.headerRow >= 0 && hdr.sig === open.cols.sig && open.indicators.length > 0) {
        // Page-break repeat of the same header.
        open.afterRepeat = true;
        open.bottom = r;
        subHeaderNext = true;
        continue;
      }
      close();
      const d = draft ?? newDraft(r);
      draft = null;
      open = { draft: d, cols: hdr, headerRow: r, indicators: [], bottom: r, afterRepeat: false };
      d.cells.header = A(r, info.first);
      subHeaderNext = true;
      continue;
    }

    if (open) {
      if (isMetaInGrid(info, open.cols)) {
        close();
        draft = newDraft(r);
        kinds[r] = 'meta';
        readMeta(draft, rows[r], info, r, A, fmts);
        continue;
      }
      const kind = readIndicatorRow(open, rows[r], info, r, A, fmts);
      kinds[r] = kind;
      if (kind !== 'blank') open.bottom = r;
      continue;
    }

    // Outside a grid: header block, title, goals, notes.
    kinds[r] = 'meta';
    if (!draft) draft = newDraft(r);
    else if (TITLE.test(info.texts[info.first]) && info.nonEmpty === 1 && draftHasContent(draft)) draft = newDraft(r);
    readMeta(draft, rows[r], info, r, A, fmts);
  }
  close();
  return { projects, kinds, sawHeader };
}

/** Inside a grid, a row that starts a new project or is a note. */
function isMetaInGrid(info: RowInfo, cols: Columns): boolean {
  const first = info.texts[info.first];
  if (labelOf(first)) return true;
  if (NOTE_LINE.test(first)) return true;
  if (info.nonEmpty === 1) {
    if (TITLE.test(first) || UNIT_LINE.test(first)) return true;
    const l1 = cols.l1 ?? 0;
    if (info.first <= l1 && !isTaxonomyTerm(first)) {
      // A lone text in the 一级 column that is no category: a title, unit line or heading.
      return cols.l3 !== info.first && cols.value !== info.first;
    }
  }
  return false;
}

/* ---------- meta rows ---------- */

function readMeta(
  d: Draft,
  row: unknown[],
  info: RowInfo,
  r: number,
  A: (r: number, c: number) => string,
  fmts: unknown[][] | undefined,
): void {
  const { texts } = info;
  const first = texts[info.first];

  // Plan values row right under the plan labels.
  if (d.expectPlanValues && d.planLabels) {
    d.expectPlanValues = false;
    const cells: number[] = [];
    for (let c = 0; c < texts.length; c++) if (texts[c]) cells.push(c);
    if (cells.length && cells.every((c) => looksLikePlanValue(row[c]))) {
      const labels = d.planLabels;
      for (let i = 0; i < labels.length; i++) {
        const from = labels[i].col;
        const to = i + 1 < labels.length ? labels[i + 1].col - 1 : texts.length - 1;
        let at = -1;
        for (let c = from; c <= to; c++) {
          if (texts[c]) {
            at = c;
            break;
          }
        }
        const pr = at >= 0 ? readPercent(row[at], formatAt(fmts, r, at)) : { value: null, raw: '', fromFormat: false };
        if (pr.fromFormat) d.planFromFormat = true;
        d.plan.push({ label: labels[i].label, value: pr.value, raw: pr.raw, cell: A(r, at >= 0 ? at : from) });
      }
      if (!d.cells.plan && d.plan.length) d.cells.plan = d.plan[0].cell;
      d.lastField = 'planValues';
      return;
    }
  }

  // `12 月底 | 100` continuing a plan split over two rows.
  if (d.lastField === 'planValues' && PLAN_LABEL.test(first)) {
    for (let c = info.first; c < texts.length; c++) {
      if (!PLAN_LABEL.test(texts[c])) continue;
      let v = c + 1;
      while (v < texts.length && !texts[v]) v++;
      if (v < texts.length && looksLikePlanValue(row[v])) {
        const pr = readPercent(row[v], formatAt(fmts, r, v));
        if (pr.fromFormat) d.planFromFormat = true;
        d.plan.push({ label: texts[c], value: pr.value, raw: pr.raw, cell: A(r, v) });
        c = v;
      }
    }
    return;
  }

  if (info.nonEmpty === 1 && TITLE.test(first) && !labelOf(first)) {
    let text = cellText(row[info.first]).trim();
    let tr = r;
    let tc = info.first;
    if (first.length <= 8 && d.lastLone && d.lastLone.row >= r - 2) {
      // `18.2023 年…172 号` + `绩效目标表` on the next line.
      text = `${d.lastLone.text}${text}`;
      tr = d.lastLone.row;
      tc = d.lastLone.col;
    }
    d.title = stripOrdinal(text).trim();
    d.titleRow = tr;
    d.cells.title = A(tr, tc);
    d.lastField = null;
    return;
  }
  if (info.nonEmpty === 1 && UNIT_LINE.test(first)) {
    d.amountUnit = UNIT_LINE.exec(first)?.[1];
    return;
  }
  const named = UNIT_NAME_INLINE.exec(first);
  if (named && info.nonEmpty <= 2) {
    d.unit = named[2];
    d.cells.unit = A(r, info.first);
    return;
  }

  let sawLabel = false;
  for (let c = info.first; c >= 0 && c < texts.length; c++) {
    const f = labelOf(texts[c]);
    if (!f) continue;
    sawLabel = true;
    if (f !== 'goals' && f !== 'use' && f !== 'plan') d.hasBlock = true;
    if (f === 'plan') {
      d.hasBlock = true;
      const labels: { col: number; label: string }[] = [];
      for (let k = c + 1; k < texts.length; k++) if (PLAN_LABEL.test(texts[k])) labels.push({ col: k, label: texts[k] });
      if (labels.length) {
        d.planLabels = labels;
        d.expectPlanValues = true;
      }
      d.lastField = null;
      break;
    }
    if (f === 'goals') {
      d.goalsLabel = true;
      const parts: string[] = [];
      let at = -1;
      for (let k = c + 1; k < texts.length; k++) {
        if (!texts[k]) continue;
        parts.push(cellText(row[k]).trim());
        if (at < 0) at = k;
      }
      if (parts.length) d.goalsText.push(parts.join(' '));
      d.cells.goals = A(r, at >= 0 ? at : c + 1 < texts.length ? c + 1 : c);
      d.lastField = 'goals';
      break;
    }
    // Value: the next non-empty cell that is not itself a label.
    let v = c + 1;
    while (v < texts.length && !texts[v]) v++;
    const hasValue = v < texts.length && !labelOf(texts[v]);
    const value = hasValue ? cellText(row[v]).trim() : '';
    const cell = A(r, hasValue ? v : Math.min(c + 1, Math.max(texts.length - 1, c)));
    switch (f) {
      case 'code':
        d.code = value;
        d.cells.code = cell;
        break;
      case 'name':
        d.name = value;
        d.cells.name = cell;
        break;
      case 'unitName':
        d.unit = value;
        d.cells.unit = cell;
        break;
      case 'budget':
        d.budget = hasValue ? displayText(row[v], formatAt(fmts, r, v)) : '';
        d.cells.budget = cell;
        break;
      case 'fiscal':
        d.fiscal = hasValue ? displayText(row[v], formatAt(fmts, r, v)) : '';
        d.cells.fiscal = cell;
        break;
      case 'other':
        d.other = hasValue ? displayText(row[v], formatAt(fmts, r, v)) : '';
        d.cells.other = cell;
        break;
      case 'use':
        d.hasBlock = true;
        if (value) {
          d.use = value;
          d.cells.use = cell;
          d.lastField = null;
        } else d.lastField = 'use';
        break;
    }
    if (hasValue) c = v;
  }
  if (sawLabel) return;

  // A continuation line: 资金用途 under its label, further goals.
  const text = collectText(row, texts);
  if (!text) return;
  if (d.lastField === 'use') {
    d.use = d.use ? `${d.use} ${text}` : text;
    d.cells.use = d.cells.use ?? A(r, info.first);
    d.lastField = null;
    return;
  }
  if (d.lastField === 'goals' || (d.lastField === 'planValues' && ORDINAL_START.test(first))) {
    d.goalsText.push(text);
    if (!d.cells.goals) d.cells.goals = A(r, info.first);
    d.goalsLabel = true;
    d.lastField = 'goals';
    return;
  }
  if (!d.unit && info.nonEmpty === 1 && UNIT_CODE_LINE.test(first) && !ORDINAL_START.test(first)) {
    d.unit = cellText(row[info.first]).trim();
    d.cells.unit = A(r, info.first);
    return;
  }
  if (info.nonEmpty === 1) d.lastLone = { text: cellText(row[info.first]).trim(), row: r, col: info.first };
}

function collectText(row: unknown[], texts: string[]): string {
  const parts: string[] = [];
  for (let c = 0; c < texts.length; c++) if (texts[c]) parts.push(cellText(row[c]).trim());
  return parts.join(' ');
}

/* ---------- indicator rows ---------- */

function textAt(row: unknown[], c: number | undefined): string {
  if (c === undefined || c < 0 || c >= row.length) return '';
  const v = row[c];
  if (isBlankValue(v)) return '';
  try {
    return cellText(v).trim();
  } catch {
    return '';
  }
}

function readIndicatorRow(
  o: Open,
  row: unknown[],
  info: RowInfo,
  r: number,
  A: (r: number, c: number) => string,
  fmts: unknown[][] | undefined,
): KpiRowKind {
  const c = o.cols;
  const l1 = textAt(row, c.l1);
  const l2 = textAt(row, c.l2);
  const l3 = textAt(row, c.l3);
  const desc = textAt(row, c.desc);
  const basis = textAt(row, c.basis);
  const scoring = textAt(row, c.scoring);
  let valueText = '';
  let parsed: ParsedValue;
  let tiers: Record<TierName, KpiTier> | undefined;
  let percentFromFormat = false;

  if (c.tiers) {
    const t = {} as Record<TierName, KpiTier>;
    for (const name of TIER_NAMES) {
      const col = c.tiers[name];
      const v = col < row.length ? row[col] : null;
      const fmt = formatAt(fmts, r, col);
      t[name] = { raw: displayText(v, fmt), parsed: parseKpiValue(v, fmt), cell: A(r, col) };
    }
    tiers = t;
    valueText = t.优.raw;
    parsed = t.优.parsed;
  } else if (c.op !== undefined && c.num !== undefined) {
    const opText = textAt(row, c.op);
    const numV = row[c.num];
    const fmt = formatAt(fmts, r, c.num);
    const numText = displayText(numV, fmt);
    const unitText = textAt(row, c.unit);
    percentFromFormat = typeof numV === 'number' && isPercentFormat(fmt);
    valueText = [opText, numText, unitText].filter(Boolean).join('');
    parsed = parseKpiValue(valueText);
    if (percentFromFormat && parsed.kind === 'quantitative') parsed.percentFromFormat = true;
  } else {
    const v = c.value !== undefined && c.value < row.length ? row[c.value] : null;
    const fmt = c.value !== undefined ? formatAt(fmts, r, c.value) : undefined;
    valueText = displayText(v, fmt);
    parsed = parseKpiValue(v, fmt);
  }

  const anyMapped = l1 || l2 || l3 || desc || valueText || basis || scoring || (tiers && TIER_NAMES.some((n) => tiers![n].raw));
  if (!anyMapped) return 'meta';

  // First row after a page-break header: the rest of the row the break cut.
  if (o.afterRepeat) {
    o.afterRepeat = false;
    const prev = o.last;
    if (prev && !l1 && !(l2 && classifyLevel2(l2)) && (!l3 || !desc || !valueText) && !tiers) {
      const join = (a: string, b: string) => (b ? a + b : a);
      // `社会效益指` + `标`; a complete or carried 二级 takes no fragment.
      if (!prev.carried?.level2 && !classifyLevel2(prev.level2)) prev.level2 = join(prev.level2, l2);
      prev.level3 = join(prev.level3, l3);
      prev.description = join(prev.description, desc);
      prev.basis = join(prev.basis, basis);
      if (valueText) {
        prev.value = join(prev.value, valueText);
        prev.parsed = parseKpiValue(prev.value);
      }
      return 'meta';
    }
  }

  const last = o.last;
  let level1 = l1;
  let level2 = l2;
  const carried = { level1: false, level2: false };
  if (!level1 && last) {
    level1 = last.level1;
    carried.level1 = true;
    if (!level2 && c.l2 !== undefined) {
      level2 = last.level2;
      carried.level2 = true;
    }
  }

  const cells: KpiIndicator['cells'] = { row: A(r, info.first) };
  if (c.l1 !== undefined) cells.level1 = A(r, c.l1);
  if (c.l2 !== undefined) cells.level2 = A(r, c.l2);
  if (c.l3 !== undefined) cells.level3 = A(r, c.l3);
  if (c.desc !== undefined) cells.description = A(r, c.desc);
  if (c.value !== undefined) cells.value = A(r, c.value);
  if (c.basis !== undefined) cells.basis = A(r, c.basis);
  if (c.scoring !== undefined) cells.scoring = A(r, c.scoring);
  if (c.op !== undefined) cells.op = A(r, c.op);
  if (c.unit !== undefined) cells.unit = A(r, c.unit);

  const ind: KpiIndicator = { row: r, level1, level2, level3: l3, description: desc, value: valueText, parsed, basis, cells };
  if (c.scoring !== undefined) ind.scoring = scoring;
  if (tiers) ind.tiers = tiers;
  if (carried.level1 || carried.level2) ind.carried = carried;
  o.indicators.push(ind);
  o.last = ind;
  return 'indicator';
}

/* ---------- closing a project ---------- */

function finish(o: Open, sheet: string | undefined): KpiProject | null {
  if (!o.indicators.length && o.headerRow < 0) return null;
  const d = o.draft;
  const c = o.cols;
  let layout: KpiLayout = 1;
  const unitWideL1 = o.indicators.some((i) => /^单位(产出|效果|效益)$/.test(norm(i.level1)));
  if (c.tiers) layout = 3;
  else if (c.unitWide || unitWideL1 || /整体支出/.test(d.title)) layout = 4;
  else if (d.hasBlock || d.plan.length) layout = 2;

  // A plan given as fractions (0.25 … 1) without a percentage format means percent.
  if (d.plan.length && !d.planFromFormat) {
    const vals = d.plan.map((p) => p.value).filter((v): v is number => v !== null);
    if (vals.length && vals.every((v) => v >= 0 && v <= 1) && Math.max(...vals) === 1) {
      for (const p of d.plan) if (p.value !== null) p.value = Number((p.value * 100).toPrecision(12));
    }
  }

  const goals = splitGoals(d.goalsText.join(' '));
  const title = d.title;
  const name = d.name || title.replace(TITLE_SUFFIX, '').trim() || title;
  const first = o.indicators[0];
  const anchorRow = d.titleRow ?? (o.headerRow >= 0 ? o.headerRow : first ? first.row : d.top);
  const cells: KpiProjectCells = { ...d.cells };
  if (!cells.header && first) cells.header = first.cells.row;

  const p: KpiProject = {
    title,
    name,
    goals,
    layout,
    indicators: o.indicators,
    cells,
    top: Math.min(d.top, o.headerRow >= 0 ? o.headerRow : first ? first.row : d.top),
    bottom: Math.max(o.bottom, first ? first.row : 0),
    anchorRow,
  };
  if (d.code !== undefined) p.code = d.code;
  if (d.unit !== undefined) p.unit = d.unit;
  if (d.budget !== undefined) p.budget = d.budget;
  if (d.fiscal !== undefined) p.fiscal = d.fiscal;
  if (d.other !== undefined) p.other = d.other;
  if (d.use !== undefined) p.use = d.use;
  if (d.amountUnit !== undefined) p.amountUnit = d.amountUnit;
  if (d.plan.length) p.plan = d.plan;
  if (sheet !== undefined) p.sheet = sheet;
  // Goals label present but nothing written: keep [] and remember a cell for the finding.
  if (d.goalsLabel) {
    p.goalsLabelled = true;
    if (!p.cells.goals) p.cells.goals = p.cells.title ?? p.cells.header;
  }
  return p;
}

/* ---------- header-less grids ---------- */

/** Rows looked at for a 绩效目标表 title before guessing the columns of a scanned sheet. */
const TITLE_ROWS = 12;

/** A 绩效目标表 title among the first non-empty rows. */
function hasKpiTitle(infos: RowInfo[]): boolean {
  let seen = 0;
  for (let r = 0; r < infos.length && seen < TITLE_ROWS; r++) {
    const info = infos[r];
    if (!info.nonEmpty) continue;
    seen++;
    for (const t of info.texts) if (t && t.length <= 60 && TITLE.test(t)) return true;
  }
  return false;
}

const OP_ONLY = /^(≥|≤|=|>|<|>=|<=|＞|＜|≧|≦)$/;
const INFER_SAMPLE = 200;

/** Guesses the columns of a grid that has no header row (KPI.VALIDATE on bare rows). */
function inferColumns(rows: unknown[][], infos: RowInfo[], fmts: unknown[][] | undefined): Columns | null {
  let width = 0;
  for (const i of infos) width = Math.max(width, i.texts.length);
  if (!width) return null;
  const t1 = new Array(width).fill(0);
  const t2 = new Array(width).fill(0);
  const vq = new Array(width).fill(0);
  const opOnly = new Array(width).fill(0);
  let sampled = 0;
  for (let r = 0; r < rows.length && sampled < INFER_SAMPLE; r++) {
    const info = infos[r];
    if (!info.nonEmpty) continue;
    sampled++;
    for (let c = 0; c < info.texts.length; c++) {
      const t = info.texts[c];
      if (!t) continue;
      if (classifyLevel1(t)) t1[c]++;
      else if (classifyLevel2(t)) t2[c]++;
      if (OP_ONLY.test(t)) {
        opOnly[c]++;
        continue;
      }
      if (t.length > 40) continue;
      const p = parseKpiValue(rows[r][c], formatAt(fmts, r, c));
      if ((p.kind === 'quantitative' && (p.op || p.unit)) || p.kind === 'reference' || p.kind === 'range') vq[c]++;
    }
  }
  const argmax = (a: number[], from = 0, except: (number | undefined)[] = []) => {
    let best = -1;
    for (let i = from; i < a.length; i++) if (a[i] > 0 && !except.includes(i) && (best < 0 || a[i] > a[best])) best = i;
    return best < 0 ? undefined : best;
  };
  const l1 = argmax(t1);
  const l2 = argmax(t2, l1 === undefined ? 0 : l1 + 1, [l1]);
  const c: Columns = { sig: 'inferred' };
  if (l1 !== undefined) c.l1 = l1;
  if (l2 !== undefined) c.l2 = l2;
  const left = Math.max(l1 ?? -1, l2 ?? -1);
  const op = argmax(opOnly, left + 1);
  if (op !== undefined && op + 1 < width) {
    c.op = op;
    c.num = op + 1;
    c.value = op + 1;
    if (op + 2 < width) c.unit = op + 2;
    c.unitWide = true;
    if (op + 3 < width) c.basis = op + 3;
    if (left + 1 < op) c.l3 = left + 1;
    if (left + 2 < op) c.desc = op - 1;
    return c;
  }
  const value = argmax(vq, left + 1);
  if (value === undefined) {
    if (l1 === undefined && l2 === undefined) return null;
  }
  const v = value ?? Math.min(width - 1, left + 3);
  // Four value-like columns in a row: a tier table (优 良 中 差).
  if (value !== undefined && value + 3 < width && vq[value + 1] * 2 >= vq[value] && vq[value + 2] * 2 >= vq[value] && vq[value + 3] > 0) {
    c.tiers = { 优: value, 良: value + 1, 中: value + 2, 差: value + 3 };
    c.value = value;
    if (value + 4 < width) c.basis = value + 4;
  } else {
    c.value = v;
    if (v + 1 < width) c.basis = v + 1;
  }
  if (left >= 0) {
    if (left + 1 < v) c.l3 = left + 1;
    if (left + 2 < v) c.desc = left + 2;
  } else {
    if (v >= 2) {
      c.l3 = v - 2;
      c.desc = v - 1;
    } else if (v === 1) c.l3 = 0;
  }
  if (c.l3 === undefined && c.l1 === undefined && c.l2 === undefined) return null;
  return c;
}

/* ---------- detection on a sheet ---------- */

/** Finds the 绩效目标表 on a sheet: one entry per project table, with its A1 range. */
export function detectKpiTables(sheet: SheetGrid): KpiTableRef[] {
  try {
    const res = parseKpiGrid(sheet.values, { origin: sheet.origin, sheet: sheet.name, formats: sheet.formats, scan: true });
    const out: KpiTableRef[] = [];
    for (const p of res.projects) {
      let width = 1;
      for (let r = p.top; r <= p.bottom; r++) {
        const row = sheet.values[r];
        if (!Array.isArray(row)) continue;
        for (let c = row.length - 1; c >= 0; c--) {
          if (!isBlankValue(row[c])) {
            width = Math.max(width, c + 1);
            break;
          }
        }
      }
      const origin = { row: (sheet.origin?.row ?? 0) + p.top, col: sheet.origin?.col ?? 0 };
      out.push({
        layout: p.layout,
        title: p.title || p.name,
        sheet: sheet.name,
        range: rangeA1(origin, p.bottom - p.top + 1, width),
        top: p.top,
        bottom: p.bottom,
      });
    }
    return out;
  } catch {
    return [];
  }
}
