/**
 * What each disclosure table looks like: how its title reads, which header words name
 * which column, and which lines the fixed-line tables carry. This is configuration;
 * parse.ts and detect.ts read it, nothing here looks at a grid.
 */
import { norm, stripOrdinal } from '../text';
import type { TableKind } from './types';

export const ALL_KINDS: readonly TableKind[] = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11', 'T12', 'T13', 'T14', 'T15'];

/**
 * code = 科目编码 hierarchy; twoSided = 收入 left / 支出 right (or three blocks); lines = fixed
 * lines (T9 also as one row of columns); list = one row per item; groups = category | item | 金额.
 */
export type Structure = 'code' | 'twoSided' | 'lines' | 'list' | 'groups';

export const STRUCTURE: Record<TableKind, Structure> = {
  T1: 'twoSided',
  T2: 'code',
  T3: 'code',
  T4: 'twoSided',
  T5: 'code',
  T6: 'code',
  T7: 'code',
  T8: 'code',
  T9: 'lines',
  T10: 'list',
  T11: 'lines',
  T12: 'code',
  T13: 'code',
  T14: 'code',
  T15: 'groups',
};

/** Canonical text for matching: normalised, quotes and brackets dropped. */
export function key(v: unknown): string {
  return norm(v).replace(/["'()（）【】[\]]/g, '');
}

// ---------------------------------------------------------------- titles

const TITLE_PATTERNS: [TableKind, RegExp][] = [
  ['T9', /三公/],
  ['T10', /政府采购/],
  ['T11', /固定资产/],
  ['T14', /机关运行经费/],
  ['T13', /^(?!.*一般公共预算).*财政拨款基本支出/],
  ['T12', /财政拨款支出(预算)?表.*功能|功能.*财政拨款支出/],
  ['T6', /基本支出/],
  ['T7', /政府性?基金/],
  ['T8', /国有资本经营/],
  ['T4', /财政拨款收支/],
  ['T5', /一般公共预算/],
  ['T1', /收支/],
  ['T2', /收入/],
  ['T3', /支出/],
];
const NOT_A_TITLE = /[，。；;,]|绩效|项目支出(明细)?表|说明/;

/**
 * The kind a title names, or null when the text is not a table title. Accepts the
 * published titles and the 一体化系统 sheet names (`2.15单位收支总表`, `部门收支总表`,
 * `2.25“三公”经费和机关运行费预算表`, `政府基金` for `政府性基金`, any quotes).
 */
export function titleKind(v: unknown): TableKind | null {
  if (typeof v !== 'string') return null;
  let t = key(v);
  if (t.length < 4 || t.length > 60 || NOT_A_TITLE.test(t)) return null;
  t = t.replace(/单位:?万元$|金额单位:?万元$/, '');
  // Jiangsu's titles end with the classification: `…支出预算表（功能科目）`.
  if (!/表$/.test(t.replace(/(功能|经济)(科目|分类)$/, '')) && !/政府采购预算$/.test(t)) return null;
  for (const [kind, re] of TITLE_PATTERNS) if (re.test(t)) return kind;
  return null;
}

/** T5/T7/T8 share a layout (and T3 without its extra columns looks like them). */
const SAME_LAYOUT: TableKind[][] = [['T3', 'T5', 'T7', 'T8']];

export function sameLayout(a: TableKind, b: TableKind): boolean {
  return a === b || SAME_LAYOUT.some((g) => g.includes(a) && g.includes(b));
}

// ---------------------------------------------------------------- headers

const HEADER_WORDS = new Set(
  [
    '序号', '栏次', '项目', '科目编码', '编码', '科目名称', '名称', '预算数', '金额', '上年结转', '上年结转结余', '本年收入',
    '财政拨款收入', '财政拨款', '财政专户收入', '财政专户管理资金收入', '事业收入', '经营收入', '事业单位经营收入',
    '上级补助收入', '附属单位上缴收入', '其他收入', '基本支出', '项目支出', '上解上级支出', '上缴上级支出', '经营支出',
    '事业单位经营支出', '对附属单位补助支出', '人员经费', '公用经费', '一般公共预算财政拨款', '一般公共预算拨款',
    '政府性基金预算财政拨款', '政府性基金预算拨款', '国有资本经营预算财政拨款', '国有资本经营预算拨款', '收入', '支出',
    '资金性质', '数量', '价值', '科目', '功能分类科目', '支出功能分类科目', '经济分类科目', '支出经济分类科目',
    '支出部门经济分类科目', '部门经济分类科目', '部门预算支出经济分类科目', '一般公共预算基本支出', '采购物品名称',
    '项目名称', '政府采购目录序号', '计量单位', '单价', '预算资金', '基金预算拨款', '财政专户核拨', '单位资金',
    '财政拨款结转', '非财政拨款结转结余', '类', '款', '项', '本年支出', '本年预算',
  ].map((w) => key(w)),
);
const HEADER_PATTERN = /^价值|^政府采购(金额|项目)|预留中小微|分类科目$|^预算数|^金额\(|^(收入|支出)项目$|^"?三公"?经费|^因公出国|^公务接待费$|^公务用车购置[及和]运|^机关运行经费|^公务用车(购置|运行)|^购置费$|^运行(维护)?费$|^会议费$|^培训费$|^功能科目名称$|^项目名称$|科目编码$|科目名称$/;
const WEAK_WORDS = new Set(['合计', '小计', '总计']);

export function isHeaderWord(k: string): boolean {
  return HEADER_WORDS.has(k) || HEADER_PATTERN.test(k);
}

export function isWeakHeaderWord(k: string): boolean {
  return WEAK_WORDS.has(k);
}

/** 栏次 marker cell. */
export function isLanciWord(k: string): boolean {
  return k === '栏次';
}

// ---------------------------------------------------------------- column roles

export interface RoleSpec {
  key: string;
  /** Chinese label used in messages when the header text is unusable. */
  label: string;
  re: RegExp;
  /** Money column (decimals checked, rounded to the table precision). */
  money: boolean;
  /** Text columns (T10) are kept as text, not amounts. */
  text?: boolean;
  required?: boolean;
}

const total = (required = true): RoleSpec => ({ key: 'total', label: '合计', re: /合计|总计|金额|预算数$/, money: true, required });
const GENERAL: RoleSpec = { key: 'general', label: '一般公共预算财政拨款', re: /一般公共预算/, money: true };
const FUND: RoleSpec = { key: 'fund', label: '政府性基金预算财政拨款', re: /政府性?基金|基金预算/, money: true };
const SOE: RoleSpec = { key: 'soe', label: '国有资本经营预算财政拨款', re: /国有资本/, money: true };

/** Amount roles of one-sided tables, tested in order; the first free role a header matches wins. */
export const ROLES: Partial<Record<TableKind, RoleSpec[]>> = {
  T2: [
    { key: 'carry', label: '上年结转', re: /上年结转|结转结余|上年结余/, money: true },
    { key: 'subtotal', label: '本年收入小计', re: /小计/, money: true },
    total(),
    { key: 'operating', label: '经营收入', re: /经营收入/, money: true },
    { key: 'business', label: '事业收入', re: /事业收入/, money: true },
    { key: 'special', label: '财政专户收入', re: /财政专户/, money: true },
    { key: 'fiscal', label: '财政拨款收入', re: /财政拨款|拨款收入/, money: true },
    { key: 'superior', label: '上级补助收入', re: /上级补助/, money: true },
    { key: 'affiliated', label: '附属单位上缴收入', re: /附属单位/, money: true },
    { key: 'other', label: '其他收入', re: /其他收入/, money: true },
  ],
  T3: [
    { key: 'basic', label: '基本支出', re: /基本支出/, money: true, required: true },
    { key: 'project', label: '项目支出', re: /项目支出/, money: true, required: true },
    { key: 'upper', label: '上解上级支出', re: /上[解缴]上级/, money: true },
    { key: 'operating', label: '经营支出', re: /经营支出/, money: true },
    { key: 'affiliated', label: '对附属单位补助支出', re: /附属单位/, money: true },
    total(),
  ],
  T5: [
    { key: 'basic', label: '基本支出', re: /基本支出/, money: true, required: true },
    { key: 'project', label: '项目支出', re: /项目支出/, money: true, required: true },
    total(),
  ],
  T6: [
    { key: 'personnel', label: '人员经费', re: /人员经费/, money: true, required: true },
    { key: 'public', label: '公用经费', re: /公用经费/, money: true, required: true },
    total(),
  ],
  T9: [GENERAL, FUND, SOE, total()],
  T11: [
    { key: 'quantity', label: '数量', re: /数量/, money: false },
    { key: 'value', label: '价值（万元）', re: /价值|金额/, money: true, required: true },
  ],
  T10: [
    { key: 'name', label: '项目名称', re: /项目名称/, money: false, text: true },
    { key: 'item', label: '采购物品名称', re: /采购物品|品目/, money: false, text: true },
    { key: 'catalog', label: '政府采购目录序号', re: /目录/, money: false, text: true },
    { key: 'measure', label: '计量单位', re: /计量单位/, money: false, text: true },
    { key: 'quantity', label: '数量', re: /数量/, money: false },
    { key: 'price', label: '单价', re: /单价/, money: true },
    { key: 'sme', label: '预留中小微企业份额', re: /中小微/, money: true },
    { key: 'nonFiscalCarry', label: '非财政拨款结转结余', re: /非财政拨款/, money: true },
    { key: 'fiscalCarry', label: '财政拨款结转', re: /财政拨款结转/, money: true },
    GENERAL,
    FUND,
    SOE,
    { key: 'special', label: '财政专户核拨', re: /财政专户/, money: true },
    { key: 'unitFunds', label: '单位资金', re: /单位资金/, money: true },
    { key: 'budget', label: '预算资金', re: /预算资金/, money: true },
    total(false),
  ],
};
ROLES.T7 = ROLES.T5;
ROLES.T8 = ROLES.T5;
ROLES.T12 = ROLES.T5;
ROLES.T13 = ROLES.T6;
ROLES.T14 = [{ ...total(), re: /合计|总计|金额|机关运行经费|预算数$/ }];
ROLES.T15 = [{ ...total(), re: /合计|总计|金额|预算数|预算/ }];

/** Roles of the two-sided tables, per side. */
export const SIDE_ROLES: Partial<Record<TableKind, { income: RoleSpec[]; expense: RoleSpec[] }>> = {
  T1: {
    income: [{ key: 'amount', label: '预算数', re: /预算数|金额|合计|预算/, money: true, required: true }],
    // Shanghai: 合计 | 基本支出 (人员经费 | 公用经费) | 项目支出 on the expense side.
    expense: [
      { key: 'amount', label: '预算数', re: /预算数|金额|合计|预算/, money: true, required: true },
      { key: 'personnel', label: '人员经费', re: /人员经费/, money: true },
      { key: 'public', label: '公用经费', re: /公用经费/, money: true },
      { key: 'basic', label: '基本支出', re: /基本支出/, money: true },
      { key: 'project', label: '项目支出', re: /项目支出/, money: true },
    ],
  },
  T4: {
    income: [{ key: 'amount', label: '金额', re: /金额|预算数|合计|预算/, money: true, required: true }],
    expense: [GENERAL, FUND, SOE, { ...total(), re: /合计|小计|总计|金额|预算数/ }],
  },
};

/** T10 funding columns whose sum is the 合计 of a purchase. */
export const T10_FUNDING = ['general', 'fund', 'soe', 'special', 'unitFunds', 'fiscalCarry', 'nonFiscalCarry'];

// ---------------------------------------------------------------- kind from headers

/**
 * The kind a header names when there is no title. `hint` (sheet name or any title-like
 * text) settles what headers cannot tell apart: T3/T5/T7/T8 share a layout.
 */
export function kindFromHeaders(labels: string[], hint?: string): TableKind | null {
  const all = labels.join('|');
  const has = (re: RegExp) => re.test(all);
  const hinted = hint ? titleKind(/表$/.test(key(hint)) ? hint : `${hint}表`) : null;
  const nameCols = labels.filter((l) => /项目|名称/.test(l) && !/项目支出|编码|科目名称|项目名称|物品名称/.test(l)).length;
  let kind: TableKind | null = null;
  if (has(/采购/)) kind = 'T10';
  else if (has(/人员经费/) && has(/公用经费/)) kind = 'T6';
  else if (has(/数量/) && has(/价值/)) kind = 'T11';
  else if (nameCols >= 2 || (has(/(^|\|)收入/) && has(/(^|\|)支出/) && !has(/编码/))) kind = has(/一般公共预算/) ? 'T4' : 'T1';
  else if (has(/上年结转/) && has(/小计|拨款收入|事业收入|其他收入/)) kind = 'T2';
  else if (has(/基本支出/) && has(/项目支出/)) kind = has(/上[解缴]上级|经营支出|附属单位/) ? 'T3' : 'T5';
  else if (has(/资金性质/) || (has(/一般公共预算/) && has(/项目/) && !has(/编码/))) kind = 'T9';
  if (kind && hinted && sameLayout(kind, hinted)) return hinted;
  return kind;
}

// ---------------------------------------------------------------- fixed lines

const ORDINAL_START = /^(\(?[一二三四五六七八九十]+[)、.]|\d+[、.)]|其中[:：])/;

/** Text of a line without its outline number, quotes or brackets: `一、因公出国（境）费` → `因公出国境费`. */
export function lineKey(name: string): string {
  return key(stripOrdinal(stripOrdinal(norm(name))));
}

/** True when a text starts with an outline number (`一、`, `1、`, `(一)`, `其中：`). */
export function hasOrdinal(text: string): boolean {
  return ORDINAL_START.test(norm(text));
}

/** T9 line of a name (`“三公”经费小计` → `三公经费小计`), or null. */
export function t9Line(name: string): string | null {
  const k = key(norm(name).replace(/^其中[:：]/, ''));
  const n = lineKey(name);
  if (/^(合计|总计)$/.test(n)) return '合计';
  if (/三公.*(小计|合计)|^小计$/.test(k)) return '三公经费小计';
  if (/教学科研/.test(k)) return '教学科研人员因公出国(境)费';
  if (/其他因公出国/.test(k)) return '其他因公出国(境)费';
  if (/因公出国/.test(k)) return '因公出国(境)费';
  if (/公务用车购置[及和]运/.test(k)) return '公务用车购置及运行维护费';
  if (/公务用车购置/.test(k)) return '公务用车购置费';
  if (/运行维护/.test(k)) return '公务用车运行维护费';
  if (/公务接待/.test(k)) return '公务接待费';
  if (/机关运行/.test(k)) return '机关运行经费';
  return null;
}

/** T11 line of a name, or null. */
export function t11Line(name: string): string | null {
  const n = lineKey(name);
  if (/资产总额|^合计$|^总计$/.test(n)) return '资产总额';
  if (/办公用房/.test(n)) return '办公用房';
  if (/房屋/.test(n)) return '房屋';
  if (/车辆/.test(n)) return '车辆';
  if (/20万元以上|设备/.test(n)) return '单价20万元以上设备';
  if (/其他固定资产/.test(n)) return '其他固定资产';
  return null;
}

/** Names a data row can carry in the fixed-line tables (to tell data from header fragments). */
export function isKnownLine(name: string): boolean {
  const n = lineKey(name);
  if (n === '') return false;
  if (/^(合计|总计|小计)$/.test(n)) return true;
  if (/(本年)?(收入|支出)(合计|总计)$|结转|结余/.test(n)) return true;
  return t9Line(name) !== null || t11Line(name) !== null;
}
