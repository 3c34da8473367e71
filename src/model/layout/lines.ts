/**
 * The fixed lines of the Hebei county template (seed 004): T1/T4 income lines,
 * the 类 lines of the expense side, the T9 "三公" lines and the T11 asset lines.
 * Input rows are matched to lines by name (numbering varies between years), never
 * by position. Configuration data: a province with another template swaps these.
 */
import { norm, stripOrdinal } from '../text';
import { FUNCTION_CODES } from '../budget/dictionary';

/** Chinese ordinals 1…99 as used to number lines (`一、` … `三十一、`). */
export function ordinal(n: number): string {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : d[tens]}十${d[n % 10]}`;
}

/** Canonical key of a line name: half-width, no blanks, no outline number, no quotes, `其中：` dropped. */
export function lineKey(s: unknown): string {
  return stripOrdinal(norm(s).replace(/["']/g, '')).replace(/^其中[:：]/, '');
}

export interface FixedLine {
  /** Text as printed (without the outline number, which the layout adds). */
  label: string;
  /** Matches `lineKey` of an input row's name or line. */
  match: RegExp;
  /** Function class code for 类 lines. */
  code?: string;
}

const exact = (label: string): RegExp => new RegExp(`^${lineKey(label).replace(/[()]/g, '\\$&')}$`);

/** T1 收入 一…九. */
export const T1_INCOME_LINES: FixedLine[] = [
  '一般公共预算拨款收入',
  '政府性基金预算拨款收入',
  '国有资本经营预算拨款收入',
  '财政专户管理资金收入',
  '事业收入',
  '事业单位经营收入',
  '上级补助收入',
  '附属单位上缴收入',
  '其他收入',
].map((label) => ({ label, match: exact(label) }));

/**
 * The 类 lines of T1/T4 支出, in code order from the subject dictionary (tables.md),
 * closed by `人行科目`, the thirty-first line of the 2023 template.
 */
export const CLASS_LINES: FixedLine[] = [
  ...Object.entries(FUNCTION_CODES)
    .filter(([code]) => code.length === 3)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, label]) => ({ label, match: exact(label), code })),
  { label: '人行科目', match: exact('人行科目') },
];

/** T1 closing lines, income and expense side by side. */
export const T1_TOTALS = {
  income: [
    { label: '本年收入合计', match: /^本年收入合计$/ },
    { label: '上年结转结余', match: /^上年结转(结余)?$/ },
    { label: '收入总计', match: /^收入总计$/ },
  ],
  expense: [
    { label: '本年支出合计', match: /^本年支出合计$/ },
    { label: '年终结转结余', match: /^年[终末]结转(结余)?$/ },
    { label: '支出总计', match: /^支出总计$/ },
  ],
} satisfies Record<string, FixedLine[]>;

/** T4 收入: the three funding sources, then the totals block. */
export const T4_INCOME_LINES: FixedLine[] = [
  { label: '一般公共预算拨款', match: /^一般公共预算(财政)?拨款(收入)?$/ },
  { label: '政府性基金预算拨款', match: /^政府性基金预算(财政)?拨款(收入)?$/ },
  { label: '国有资本经营预算拨款', match: /^国有资本经营预算(财政)?拨款(收入)?$/ },
];

export const T4_TOTALS = {
  income: [
    { label: '本年收入合计', match: /^本年收入合计$/ },
    { label: '年初财政拨款结转和结余', match: /^(年初|上年)(财政拨款)?结转(和|及)?结余$/ },
    { label: '收入总计', match: /^收入总计$/ },
  ],
  expense: [
    { label: '本年支出合计', match: /^本年支出合计$/ },
    { label: '年末财政拨款结转和结余', match: /^年[末终](财政拨款)?结转(和|及)?结余$/ },
    { label: '支出总计', match: /^支出总计$/ },
  ],
} satisfies Record<string, FixedLine[]>;

/** T9 lines with the outline text as published. */
export const T9_LINES: FixedLine[] = [
  { label: '合计', match: /^合计$/ },
  { label: '“三公”经费小计', match: /^三公经费(小计|合计)$/ },
  { label: '一、因公出国（境）费', match: /^因公出国\(境\)费(用)?$/ },
  { label: '其中：教学科研人员因公出国（境）费', match: /^教学科研人员因公出国\(境\)费(用)?$/ },
  { label: '其他因公出国（境）费', match: /^其他因公出国\(境\)费(用)?$/ },
  { label: '二、公务用车购置及运维费', match: /^公务用车购置及运(行)?(维护|维)费$/ },
  { label: '其中：公务用车购置费', match: /^公务用车购置费$/ },
  { label: '公务用车运行维护费', match: /^公务用车运行(维护|运维)费$/ },
  { label: '三、公务接待费', match: /^公务接待费$/ },
];

/** T11 lines (数量, 价值). */
export const T11_LINES: FixedLine[] = [
  { label: '资产总额', match: /^资产总(额|计)$/ },
  { label: '1、房屋（平方米）', match: /^房屋/ },
  { label: '其中：办公用房（平方米）', match: /^办公用房/ },
  { label: '2、车辆（台、辆）', match: /^车辆/ },
  { label: '3、单价在20万元以上的设备', match: /20万元以上/ },
  { label: '4、其他固定资产', match: /^其他固定资产/ },
];
