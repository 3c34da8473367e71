/**
 * The 指标值 grammar (kpi.md): one parser for every value a clerk types or a PDF
 * conversion leaves behind. Never throws, deterministic, regexes compiled once.
 *
 *   [op] number [unit] [以上|以内] [free text]      ≥95%, 17.88 万人, ≥95 服务对象大多数满意
 *   number unit op name op number unit             10%>代偿率≥5%
 *   name op number unit                            增长率≥20%, 还款率<5%
 *   op reference                                   ≤预算控制数, 不超预算, 小于等于核定数
 *   dates and deadlines                            每月 15日前发放完成, 25日, 每月月底前
 *   anything else with Chinese words               qualitative (效果显著, 按时完成)
 *   the rest                                       garbage (《1)
 */
import { cellText, toHalfWidth } from '../text';
import { fastHalfWidth } from './fastnorm';
import type { KpiBound, KpiOp, ParsedValue } from './types';

/* ---------- normalisation ---------- */

const LATEX_DOLLAR = /\$/g;
const LATEX_GEQ = /\\(?:geqslant|geq|ge)(?![a-zA-Z])/g;
const LATEX_LEQ = /\\(?:leqslant|leq|le)(?![a-zA-Z])/g;
const LATEX_PCT = /\\%/g;
const LATEX_CMD = /\\(?:left|right|mathrm|text|rm|,|;|!|quad)(?![a-zA-Z])/g;
const LATEX_BRACES = /[{}]/g;
const OP_ASCII_GE = />=|=>|≧|⩾/g;
const OP_ASCII_LE = /<=|=<|≦|⩽/g;
const EQ_DOUBLE = /={2,}/g;
const WS = /\s+/g;
const WS_TEST = /\s/;
const OP_CHARS = /[<>=≧≦⩾⩽]/;
// Spaces inside Chinese text are PDF line breaks (`百分 比`), never meaning.
const HAN_GAP = /([\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/g;
const THOUSANDS = /(\d),(?=\d{3}(?!\d))/g;
const HAN = /[\u4e00-\u9fff]/;
const DASH_ONLY = /^[-－—–―~～/／\\…·.。]+$/;

/** Normalised text of a value: half-width, LaTeX residue removed, operators unified. */
export function normalizeValueText(raw: string): string {
  let t = fastHalfWidth(raw);
  if (t.includes('\\') || t.includes('$')) {
    t = t
      .replace(LATEX_GEQ, '≥')
      .replace(LATEX_LEQ, '≤')
      .replace(LATEX_PCT, '%')
      .replace(LATEX_CMD, ' ')
      .replace(LATEX_DOLLAR, '')
      .replace(LATEX_BRACES, '');
  }
  if (OP_CHARS.test(t)) t = t.replace(OP_ASCII_GE, '≥').replace(OP_ASCII_LE, '≤').replace(EQ_DOUBLE, '=');
  if (WS_TEST.test(t)) t = t.replace(WS, ' ').trim();
  if (t.includes(' ')) t = t.replace(HAN_GAP, '$1');
  return t.includes(',') ? t.replace(THOUSANDS, '$1') : t;
}

/* ---------- operators ---------- */

const SYMBOL_OPS: Record<string, KpiOp> = { '≥': '≥', '≤': '≤', '=': '=', '>': '>', '<': '<' };

/** Word operators, longest first so `不超过` wins over `不超`. */
const WORD_OPS: [string, KpiOp][] = (
  [
    ['大于或等于', '≥'],
    ['大于等于', '≥'],
    ['高于或等于', '≥'],
    ['不低于', '≥'],
    ['不少于', '≥'],
    ['不小于', '≥'],
    ['至少', '≥'],
    ['达到', '≥'],
    ['小于或等于', '≤'],
    ['小于等于', '≤'],
    ['低于或等于', '≤'],
    ['不高于', '≤'],
    ['不超过', '≤'],
    ['不多于', '≤'],
    ['不大于', '≤'],
    ['不突破', '≤'],
    ['控制在', '≤'],
    ['不超', '≤'],
    ['最多', '≤'],
    ['至多', '≤'],
    ['大于', '>'],
    ['高于', '>'],
    ['多于', '>'],
    ['超过', '>'],
    ['小于', '<'],
    ['低于', '<'],
    ['少于', '<'],
    ['等于', '='],
  ] as [string, KpiOp][]
).sort((a, b) => b[0].length - a[0].length);

const WORD_OP_SOURCE = WORD_OPS.map(([w]) => w).join('|');
const LEADING_OP = new RegExp(`^(?:([≥≤=<>])|(${WORD_OP_SOURCE}))\\s*`);
const ANY_OP = new RegExp(`([≥≤=<>])|(${WORD_OP_SOURCE})`);
const WORD_OP_MAP = new Map(WORD_OPS);

function opOf(sym: string | undefined, word: string | undefined): KpiOp | undefined {
  if (sym) return SYMBOL_OPS[sym];
  if (word) return WORD_OP_MAP.get(word);
  return undefined;
}

/* ---------- numbers and units ---------- */

const NUM = String.raw`[+-]?(?:\d+(?:\.\d+)?|\.\d+)`;
const NUMBER_HEAD = new RegExp(`^(${NUM})\\s*`);
const PCT_WORDS = String.raw`%|％|百分比|百分号|个百分点|百分点|‰`;
const UNIT_BASE = [
  '人次', '人月', '人', '户次', '户', '家次', '家', '次', '件', '起', '个月', '个工作日', '个', '台套', '台', '套', '份',
  '课时', '课', '学时', '小时', '工作日', '天', '日', '周', '月', '年', '项', '所', '批', '场', '期', '篇', '条',
  '本', '册', '张', '辆', '名', '位', '岗', '公里', '千米', '平方米', '㎡', '米', '亩', '吨', '千克', '公斤',
  '部', '处', '座', '间', '页', '分钟', '秒', '分', '班', '盒', '箱', '倍', '笔', '宗', '种', '类', '元',
].join('|');
const UNIT_PER = ['人次', '人', '户', '次', '件', '个', '月', '年', '天', '日', '台', '套', '份', '项', '岗', '名', '位', '平方米', '㎡', '亩', '小时', '课时', '学时'].join('|');
const UNIT_RE = new RegExp(
  `^(?:(${PCT_WORDS})|((?:万|亿|千|百)?(?:${UNIT_BASE})(?:\\s*(?:[/\\\\每])\\s*(?:${UNIT_PER})(?:\\s*[·./]\\s*(?:月|年|天|日))?)?|(?:万|亿)(?:\\s*[/\\\\每]\\s*(?:${UNIT_PER}))?))`,
);
const UNIT_PER_SEP = /\s*[\\每]\s*/;
const BRACKET_UNIT = /^\s*[(（]\s*([^()（）\d]{1,8}?)\s*[)）]/;
const MEASURE_CHAR = /[个件次人户家元米亩吨台套项所场期篇条本册张辆名位岗天日月年时分秒周批份座间页倍笔宗种类处部课‰%]/;
const TAIL_GE = /^(?:及|或)?(?:以上|之上)/;
const TAIL_LE = /^(?:及|或)?(?:以下|以内|之内)/;
const TAIL_PUNCT = /^[,，;；。、:：()（）\s]+|[,，;；。、\s]+$/g;

/** Normalises a unit as written: 百分比/百分号/％ → %, 元每人 → 元/人, 万元\件 → 万元/件. */
export function normalizeUnit(u: string): string {
  const t = toHalfWidth(u).replace(WS, '');
  if (t === '%' || t === '百分比' || t === '百分号') return '%';
  return t.replace(UNIT_PER_SEP, '/');
}

const NAME_UNIT = /[(（]\s*([^()（）]{1,6}?)\s*[)）]\s*$/;

/**
 * The unit a 三级 name states in brackets (`培训次数（次）`, `及时率（%）`, `参保单位增加数（家）`),
 * so a bare number in the value is read in that unit; undefined when there is none.
 */
export function unitFromName(name: unknown): string | undefined {
  const m = NAME_UNIT.exec(toHalfWidth(cellText(name)));
  if (!m) return undefined;
  const inner = m[1].replace(WS, '');
  const u = UNIT_RE.exec(inner);
  return u && u[0].length === inner.length ? normalizeUnit(inner) : undefined;
}

interface NumUnit {
  number: number;
  unit?: string;
  tailOp?: KpiOp;
  note?: string;
}

/** Reads `number [unit] [以上|以内] [note]` from the start of s; null when s does not start with a number. */
function readNumUnit(s: string): NumUnit | null {
  const m = NUMBER_HEAD.exec(s);
  if (!m) return null;
  const number = Number(m[1]);
  if (!Number.isFinite(number)) return null;
  let rest = s.slice(m[0].length);
  let unit: string | undefined;
  // `≥2500.00(平方米)`, `=100.00(%)`: the unit in brackets, as budget systems print it
  // (Shanghai 绩效目标填报表); an unusual unit in the brackets is kept as written.
  const bm = BRACKET_UNIT.exec(rest);
  const br = bm && MEASURE_CHAR.test(bm[1]) ? bm : null;
  const u = br ? null : UNIT_RE.exec(rest);
  if (br) {
    const inner = br[1].replace(WS, '');
    const known = UNIT_RE.exec(inner);
    unit = known && known[0].length === inner.length ? normalizeUnit(inner) : inner;
    rest = rest.slice(br[0].length).trimStart();
  } else if (u) {
    unit = normalizeUnit(u[0]);
    rest = rest.slice(u[0].length).trimStart();
  }
  let tailOp: KpiOp | undefined;
  const ge = TAIL_GE.exec(rest);
  const le = ge ? null : TAIL_LE.exec(rest);
  if (ge) {
    tailOp = '≥';
    rest = rest.slice(ge[0].length);
  } else if (le) {
    tailOp = '≤';
    rest = rest.slice(le[0].length);
  }
  const note = rest.replace(TAIL_PUNCT, '').trim();
  return { number, unit, tailOp, note: note || undefined };
}

/* ---------- other kinds ---------- */

const REF_WORDS = /(预算|核定|批复|控制数|标准|计划|限额|上年|同期|去年|定额|合同|规定|文件|要求)/;
const DIGIT = /\d/;
// `25日`, `15日前发放完成`, `12月底前`, `12月份`, `2023年12月31日`
const DATE_AT_START = /^(?:\d{4}\s*年\s*)?(?:\d{1,2}\s*月\s*)?\d{1,2}\s*(?:日|号)(?:前|之前|以前)?|^(?:\d{4}\s*年\s*)?\d{1,2}\s*月(?:份|底|末|中旬|上旬|下旬|前|$)|^\d{4}\s*年(?:底|末|前|$)/;
const DAYS_WITHIN = /^(\d+)\s*(个)?(工作日|日|天)\s*(?:内|之内|以内)/;
const DATE_WORDS = /(每(?:个)?(?:月|年|季度?|周|日|天)|\d{1,2}\s*(?:日|号)\s*(?:前|之前|以前)|\d{1,2}\s*月(?:份|底|末|中旬|上旬|下旬|前)|月(?:底|末)|年(?:底|末)前?|季(?:度)?末|当(?:月|日|天)|次(?:月|日|年))/;
// `10%>代偿率≥5%`
const RANGE2 = new RegExp(
  `^(${NUM})\\s*(${PCT_WORDS})?\\s*([≥≤<>])\\s*([^\\d≥≤=<>]+?)\\s*([≥≤<>])\\s*(${NUM})\\s*(${PCT_WORDS})?\\s*$`,
);
// `增长率≥20%` (a named quantity with one bound)
const NAMED_BOUND = new RegExp(`^([^\\d≥≤=<>]+?)\\s*(?:([≥≤=<>])|(${WORD_OP_SOURCE}))\\s*(${NUM}.*)$`);

/** Values longer than this are prose (descriptions pasted into the value column). */
const MAX_PATTERN_LEN = 300;

function round(n: number): number {
  return Number(n.toPrecision(12));
}

function flip(op: KpiOp): KpiOp {
  switch (op) {
    case '>':
      return '<';
    case '<':
      return '>';
    case '≥':
      return '≤';
    case '≤':
      return '≥';
    default:
      return op;
  }
}

/** True when a number format shows the value as a percentage (`0%`, `0.00%`, `#,##0.0%`). */
export function isPercentFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  // Ignore quoted literals and escaped characters: `"%"` in a format is text, not scaling.
  const bare = fmt.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return bare.includes('%');
}

/* ---------- the parser ---------- */

/**
 * Parses one 指标值 cell. `numberFormat` is the cell's number format (Office.js
 * `numberFormat`, ExcelJS `numFmt`): a percentage format turns 0.95 into 95 %.
 * Never throws; the same input always gives the same result.
 */
export function parseKpiValue(text: unknown, numberFormat?: string): ParsedValue {
  try {
    return parseInner(text, numberFormat);
  } catch {
    return { kind: 'garbage', raw: safeText(text) };
  }
}

function safeText(v: unknown): string {
  try {
    return cellText(v);
  } catch {
    return '';
  }
}

function parseInner(text: unknown, numberFormat?: string): ParsedValue {
  if (text === null || text === undefined) return { kind: 'empty', raw: '' };
  if (typeof text === 'number') {
    if (!Number.isFinite(text)) return { kind: 'garbage', raw: String(text) };
    if (isPercentFormat(numberFormat)) {
      const n = round(text * 100);
      return { kind: 'quantitative', number: n, unit: '%', raw: `${n}%`, percentFromFormat: true };
    }
    return { kind: 'quantitative', number: Number.isInteger(text) ? text : round(text), raw: String(text) };
  }
  if (text instanceof Date) {
    const raw = Number.isNaN(text.getTime()) ? '' : text.toISOString().slice(0, 10);
    return raw ? { kind: 'date', raw, note: raw } : { kind: 'garbage', raw: '' };
  }
  if (typeof text === 'boolean') return { kind: 'garbage', raw: text ? 'TRUE' : 'FALSE' };
  const raw = typeof text === 'string' ? text : safeText(text);
  return parseText(raw);
}

function parseText(raw: string): ParsedValue {
  const t = normalizeValueText(raw);
  if (t === '' || DASH_ONLY.test(t)) return { kind: 'empty', raw };

  // Long prose is never a value: classify it without pattern work (keeps the parser linear).
  if (t.length > MAX_PATTERN_LEN) return HAN.test(t) ? { kind: 'qualitative', note: t, raw } : { kind: 'garbage', raw };

  // Two bounds around a named quantity: 10%>代偿率≥5%
  const r2 = RANGE2.exec(t);
  if (r2) {
    const leftNum = Number(r2[1]);
    const leftOp = r2[3] as KpiOp;
    const rightOp = r2[5] as KpiOp;
    const rightNum = Number(r2[6]);
    const unit = normalizeUnitOpt(r2[7] ?? r2[2]);
    // `A > x` means x < A: the left bound is read from x's side.
    const left: KpiBound = { op: flip(leftOp), number: leftNum, unit };
    const right: KpiBound = { op: rightOp, number: rightNum, unit };
    const range: NonNullable<ParsedValue['range']> = { name: r2[4].trim() };
    for (const b of [left, right]) {
      if (b.op === '≥' || b.op === '>') range.lower = b;
      else if (b.op === '≤' || b.op === '<') range.upper = b;
    }
    return { kind: 'range', unit, range, raw, note: range.name };
  }

  // Leading operator: ≥95%, 不低于 90%, ≤预算控制数, 不超预算
  const lead = LEADING_OP.exec(t);
  if (lead) {
    const op = opOf(lead[1], lead[2]);
    const rest = t.slice(lead[0].length);
    const nu = readNumUnit(rest);
    if (nu && op) {
      return quantitative(raw, op, nu, !!lead[2]);
    }
    if (op && rest && !DIGIT.test(rest) && REF_WORDS.test(rest)) {
      return { kind: 'reference', op, ref: rest, note: rest, raw, opFromWords: lead[2] ? true : undefined };
    }
    if (rest && HAN.test(rest)) return { kind: 'qualitative', op, note: t, raw };
    return { kind: 'garbage', raw };
  }

  // Days within: 30日内, 5个工作日内
  const within = DAYS_WITHIN.exec(t);
  if (within) {
    const unit = within[3] === '工作日' ? '工作日' : '天';
    const note = t.slice(within[0].length).replace(TAIL_PUNCT, '').trim();
    return { kind: 'quantitative', op: '≤', number: Number(within[1]), unit, note: note || undefined, raw, opFromWords: true };
  }

  // Calendar points: 25日, 12月底前
  if (DATE_AT_START.test(t)) return { kind: 'date', note: t, raw };

  // Number first: 95%, 17.88 万人, 100 服务对象满意
  const nu = readNumUnit(t);
  if (nu) return quantitative(raw, undefined, nu, false);

  // A named quantity with one bound: 增长率≥20%, 还款率<5%
  const nb = t.length <= MAX_PATTERN_LEN ? NAMED_BOUND.exec(t) : null;
  if (nb && HAN.test(nb[1])) {
    const op = opOf(nb[2], nb[3]);
    const inner = readNumUnit(nb[4]);
    const name = nb[1].trim();
    if (op && inner && !inner.note) {
      const p = quantitative(raw, op, inner, !!nb[3]);
      const b: KpiBound = { op: p.op ?? op, number: inner.number, unit: p.unit };
      p.note = name;
      p.range = { name, ...(b.op === '≤' || b.op === '<' ? { upper: b } : b.op === '=' ? {} : { lower: b }) };
      return p;
    }
  }

  if (DATE_WORDS.test(t)) return { kind: 'date', note: t, raw };

  // An operator inside a sentence followed by a reference: 原则上不高于当地最低工资标准
  const mid = ANY_OP.exec(t);
  if (mid) {
    const rest = t.slice(mid.index + mid[0].length).trim();
    const op = opOf(mid[1], mid[2]);
    if (op && rest && !DIGIT.test(rest) && REF_WORDS.test(rest)) {
      return { kind: 'reference', op, ref: rest, note: t, raw, opFromWords: mid[2] ? true : undefined };
    }
  }

  if (HAN.test(t)) return { kind: 'qualitative', note: t, raw };
  return { kind: 'garbage', raw };
}

function normalizeUnitOpt(u: string | undefined): string | undefined {
  return u ? normalizeUnit(u) : undefined;
}

function quantitative(raw: string, op: KpiOp | undefined, nu: NumUnit, fromWords: boolean): ParsedValue {
  // A number read from text is exact as written; only arithmetic needs rounding.
  const p: ParsedValue = { kind: 'quantitative', number: nu.number, raw };
  const finalOp = op ?? nu.tailOp;
  if (finalOp) p.op = finalOp;
  if (fromWords || (!op && nu.tailOp)) p.opFromWords = true;
  if (nu.unit) p.unit = nu.unit;
  if (nu.note) p.note = nu.note;
  return p;
}

/* ---------- formatting ---------- */

/** Number as published: no float noise, no exponent for ordinary magnitudes. */
export function fmtNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  const r = round(n);
  return String(r);
}

function fmtBound(b: KpiBound | undefined, fallbackUnit?: string): string {
  if (!b) return '';
  return `${fmtNumber(b.number)}${b.unit ?? fallbackUnit ?? ''}`;
}

/** Canonical text of a parsed value: `≥95%`, `10%>代偿率≥5%`, `≤预算控制数`, the words of a qualitative value. */
export function formatKpiValue(p: ParsedValue): string {
  switch (p.kind) {
    case 'empty':
      return '';
    case 'quantitative': {
      const num = `${p.op ?? ''}${p.number === undefined ? '' : fmtNumber(p.number)}${p.unit ?? ''}`;
      if (p.range?.name) return `${p.range.name}${num}`;
      return p.note ? `${num} ${p.note}` : num;
    }
    case 'range': {
      const r = p.range ?? {};
      const name = r.name ?? '';
      const upper = r.upper ? `${fmtBound(r.upper, p.unit)}${flip(r.upper.op)}` : '';
      const lower = r.lower ? `${r.lower.op}${fmtBound(r.lower, p.unit)}` : '';
      return `${upper}${name}${lower}`;
    }
    case 'reference':
      return `${p.op ?? ''}${p.ref ?? p.note ?? ''}`;
    case 'qualitative':
    case 'date':
      return p.note ?? normalizeValueText(p.raw);
    default:
      return p.raw;
  }
}

/** Chinese name of a value kind (KPI.PARSE's 类型 column). */
export const KIND_ZH: Record<ParsedValue['kind'], string> = {
  quantitative: '定量',
  qualitative: '定性',
  date: '时间',
  reference: '参照',
  range: '区间',
  empty: '空',
  garbage: '无法识别',
};
