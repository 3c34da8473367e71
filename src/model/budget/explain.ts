/**
 * The 说明 text against the tables (tables.md, last identity): every amount the text
 * states for 预算收入, 支出, 基本支出, 人员经费, 公用经费, 项目支出, “三公”经费, 机关运行经费
 * and 固定资产 equals the tables, is given in 万元 and has at most two decimals. Only
 * statements of the form "<figure> <amount>" are read; "基本支出增加 111.13万元" is a
 * change, not a figure, and is left alone.
 */
import { makeFinding, type Finding } from '../findings';
import { norm } from '../text';
import { fmtScaled, readScaled } from './amount';
import { BUDGET_RULES } from './rules';
import { compareAcrossUnits, convertScaled, moneyUnit } from './units';
import { KIND_NAMES, type BudgetRow, type BudgetTable, type UnitTables } from './types';

export interface TextCell {
  text: string;
  cell?: string;
  sheet?: string;
}

interface Source {
  value: number;
  where: string;
  /** The table's unit (`元` in Shanghai's tables); the text states 万元. */
  unit?: string;
}

type Getter = (t: UnitTables) => Source[];

const NUM = '(\\d+(?:,\\d{3})*(?:\\.\\d+)?)(万元|万|元)';

function row(t: BudgetTable | undefined, pick: (r: BudgetRow) => boolean): BudgetRow | undefined {
  return t?.rows.find(pick);
}

function src(t: BudgetTable | undefined, r: BudgetRow | undefined, k: string, label: string): Source[] {
  if (!t) return [];
  if (!r) return t.empty ? [{ value: 0, where: `${KIND_NAMES[t.kind]} ${label}` }] : [];
  return [{ value: r.scaled?.[k] ?? 0, where: `${KIND_NAMES[t.kind]} ${label} ${r.cells[k] ?? ''}`.trim(), unit: t.unitLine.unit }];
}

const total = (t: BudgetTable | undefined) => row(t, (r) => r.role === 'total');

/**
 * `notAfter`: words that must not directly precede the match (公共预算收入 is not 预算收入).
 * Checked after matching instead of with a regex lookbehind, which WebKit before Safari 16.4
 * (Excel for Mac) cannot even parse (README "Browser floor").
 */
const STATEMENTS: { what: string; re: RegExp; notAfter?: string[]; get: Getter }[] = [
  {
    what: '预算收入',
    notAfter: ['公共', '基金', '经营', '专户'],
    re: new RegExp(`预算收入(?:总计|合计|共计|总额)?(?:为|是)?[:：]?${NUM}`, 'g'),
    get: (u) => [
      ...src(u.T1, row(u.T1, (r) => r.side === 'income' && r.role === 'grand'), 'amount', '收入总计'),
      ...src(u.T1, row(u.T1, (r) => r.side === 'income' && r.role === 'subtotal'), 'amount', '本年收入合计'),
    ],
  },
  {
    what: '支出预算',
    notAfter: ['公共', '基金', '经营'],
    re: new RegExp(`支出预算(?:总计|合计|共计|总额)?(?:为|是)?[:：]?${NUM}`, 'g'),
    get: (u) => [
      ...src(u.T1, row(u.T1, (r) => r.side === 'expense' && r.role === 'grand'), 'amount', '支出总计'),
      ...src(u.T1, row(u.T1, (r) => r.side === 'expense' && r.role === 'subtotal'), 'amount', '本年支出合计'),
    ],
  },
  { what: '基本支出', re: new RegExp(`基本支出(?:共计|合计|为|是)?[:：]?${NUM}`, 'g'), get: (u) => src(u.T3 ?? u.T5, total(u.T3 ?? u.T5), 'basic', '合计行基本支出') },
  { what: '项目支出', re: new RegExp(`项目支出(?:共计|合计|为|是)?[:：]?${NUM}`, 'g'), get: (u) => src(u.T3 ?? u.T5, total(u.T3 ?? u.T5), 'project', '合计行项目支出') },
  { what: '人员经费', re: new RegExp(`人员经费(?:共计|合计|为|是)?[:：]?${NUM}`, 'g'), get: (u) => src(u.T6, total(u.T6), 'personnel', '合计行人员经费') },
  { what: '公用经费', re: new RegExp(`公用经费(?:共计|合计|为|是)?[:：]?${NUM}`, 'g'), get: (u) => src(u.T6, total(u.T6), 'public', '合计行公用经费') },
  {
    what: '“三公”经费',
    re: new RegExp(`三公"?经费(?:预算)?(?:安排|合计|共计|为|是)*[:：]?${NUM}`, 'g'),
    get: (u) => src(u.T9, row(u.T9, (r) => r.line === '合计') ?? row(u.T9, (r) => r.line === '三公经费小计'), 'total', '合计'),
  },
  {
    what: '机关运行经费',
    re: new RegExp(`运行经费(?:共计|合计|为|是)*(?:安排)?[:：]?${NUM}`, 'g'),
    // Only where a table states it (the 2.25 layout); 公用经费 is not the same figure.
    get: (u) => {
      const r = row(u.T9, (x) => x.line === '机关运行经费');
      return r ? src(u.T9, r, 'total', '机关运行经费') : [];
    },
  },
  {
    what: '固定资产',
    notAfter: ['购置', '新增', '拟购'],
    re: new RegExp(`固定资产(?:金额|总额|原值|价值)?(?:共计|合计|为|是)?[:：]?${NUM}`, 'g'),
    get: (u) => src(u.T11, row(u.T11, (r) => r.line === '资产总额'), 'value', '资产总额'),
  },
];

const DECIMALS = new RegExp(`(\\d+\\.(\\d{3,}))(万元|万|元)`, 'g');

/** Checks 说明 paragraphs against one unit's tables. */
export function checkExplanation(cells: TextCell[], tables: UnitTables): Finding[] {
  const out: Finding[] = [];
  for (const tc of cells) {
    const text = norm(tc.text);
    const where = { sheet: tc.sheet, cell: tc.cell };
    for (const m of text.matchAll(DECIMALS)) {
      out.push(makeFinding(BUDGET_RULES['BAL-703'], { raw: m[0], decimals: m[2].length }, where));
    }
    for (const st of STATEMENTS) {
      for (const m of text.matchAll(st.re)) {
        const before = text.slice(0, m.index);
        if (st.notAfter?.some((w) => before.endsWith(w))) continue;
        const unit = m[2];
        if (unit === '元') {
          out.push(makeFinding(BUDGET_RULES['BAL-702'], { what: st.what, raw: m[1] + unit }, where));
          continue;
        }
        const sources = st.get(tables);
        if (!sources.length) continue;
        const stated = readScaled(m[1].replace(/,/g, ''), 2).scaled;
        if (stated === null) continue;
        const how = sources.map((s) => compareAcrossUnits(stated, '万元', s.value, moneyUnit(s.unit)));
        if (how.includes('equal')) continue;
        const s = sources[0];
        // Tables in 元: the text's 万元 figure is compared with the table's figure rounded to 万元.
        const inWan = convertScaled(s.value, moneyUnit(s.unit), '万元');
        if (how[0] === 'tail') {
          out.push(makeFinding(BUDGET_RULES['BAL-019'], { table: '说明', what: `${st.what}（${s.where}）`, actual: `${fmtScaled(stated)}万元`, expected: `${fmtScaled(inWan)}万元`, diff: `${fmtScaled(stated - inWan)}万元`, rule: BUDGET_RULES['BAL-701'].title, source: moneyUnit(s.unit), unit: '万元' }, where));
          continue;
        }
        const params = { what: st.what, actual: fmtScaled(stated), expected: fmtScaled(inWan), diff: fmtScaled(stated - inWan), source: s.where };
        out.push(makeFinding(BUDGET_RULES['BAL-701'], params, { ...where, expected: params.expected, actual: params.actual, diff: params.diff }));
      }
    }
  }
  return out;
}
