/**
 * Seed 004 (巨鹿县人力资源和社会保障局本级, 2023) transcribed by hand from the
 * published PDF text, independent of the fixture generator: the expected content
 * of the disclosure package, and the same figures as parsed BudgetTables so the
 * layout can be tested without the parsers.
 */
import { Decimal } from '../../src/model/money';
import type { AmountColumn, BudgetRow, BudgetTable, TableKind, UnitTables } from '../../src/model/budget/types';

export const UNIT = { code: '323001', name: '巨鹿县人力资源和社会保障局本级' };
export const YEAR = '2023';

type Amt = number | null;
/** [code, name, ...amounts] */
export type CodedRow = [string | null, string, ...Amt[]];

/** T2 收入总表: 合计, 上年结转, 小计, 财政拨款收入 (other source columns blank throughout). */
const T2_SRC: [string | null, string, number][] = [
  [null, '合计', 3889.89],
  ['208', '社会保障和就业支出', 3798.89],
  ['20801', '人力资源和社会保障管理事务', 861.59],
  ['2080101', '行政运行', 475.46],
  ['2080105', '劳动保障监察', 3.0],
  ['2080106', '就业管理事务', 20.0],
  ['2080110', '劳动关系和维权', 272.93],
  ['2080112', '劳动人事争议调解仲裁', 6.0],
  ['2080116', '引进人才费用', 15.0],
  ['2080150', '事业运行', 26.2],
  ['2080199', '其他人力资源和社会保障管理事务支出', 43.0],
  ['20805', '行政事业单位养老支出', 103.0],
  ['2080501', '行政单位离退休', 48.0],
  ['2080505', '机关事业单位基本养老保险缴费支出', 55.0],
  ['20807', '就业补助', 2831.1],
  ['2080701', '就业创业服务补贴', 1842.1],
  ['2080799', '其他就业补助支出', 989.0],
  ['20827', '财政对其他社会保险基金的补助', 3.2],
  ['2082701', '财政对失业保险基金的补助', 1.2],
  ['2082702', '财政对工伤保险基金的补助', 2.0],
  ['210', '卫生健康支出', 38.0],
  ['21011', '行政事业单位医疗', 38.0],
  ['2101101', '行政单位医疗', 30.0],
  ['2101103', '公务员医疗补助', 8.0],
  ['221', '住房保障支出', 53.0],
  ['22102', '住房改革支出', 53.0],
  ['2210201', '住房公积金', 53.0],
];

/** 合计 | 上年结转 | 小计 | 财政拨款收入 | 财政专户 | 事业 | 经营 | 上级补助 | 附属单位 | 其他 */
export const T2_ROWS: CodedRow[] = T2_SRC.map(([c, n, v]) => [c, n, v, null, v, v, null, null, null, null, null, null]);

/** T3 支出总表: 合计 | 基本支出 | 项目支出 | 上解上级 | 经营 | 对附属单位补助. */
const T3_SRC: [string | null, string, number, Amt, Amt][] = [
  [null, '合计', 3889.89, 685.86, 3204.03],
  ['208', '社会保障和就业支出', 3798.89, 594.86, 3204.03],
  ['20801', '人力资源和社会保障管理事务', 861.59, 491.66, 369.93],
  ['2080101', '行政运行', 475.46, 465.46, 10.0],
  ['2080105', '劳动保障监察', 3.0, null, 3.0],
  ['2080106', '就业管理事务', 20.0, null, 20.0],
  ['2080110', '劳动关系和维权', 272.93, null, 272.93],
  ['2080112', '劳动人事争议调解仲裁', 6.0, null, 6.0],
  ['2080116', '引进人才费用', 15.0, null, 15.0],
  ['2080150', '事业运行', 26.2, 26.2, null],
  ['2080199', '其他人力资源和社会保障管理事务支出', 43.0, null, 43.0],
  ['20805', '行政事业单位养老支出', 103.0, 100.0, 3.0],
  ['2080501', '行政单位离退休', 48.0, 45.0, 3.0],
  ['2080505', '机关事业单位基本养老保险缴费支出', 55.0, 55.0, null],
  ['20807', '就业补助', 2831.1, null, 2831.1],
  ['2080701', '就业创业服务补贴', 1842.1, null, 1842.1],
  ['2080799', '其他就业补助支出', 989.0, null, 989.0],
  ['20827', '财政对其他社会保险基金的补助', 3.2, 3.2, null],
  ['2082701', '财政对失业保险基金的补助', 1.2, 1.2, null],
  ['2082702', '财政对工伤保险基金的补助', 2.0, 2.0, null],
  ['210', '卫生健康支出', 38.0, 38.0, null],
  ['21011', '行政事业单位医疗', 38.0, 38.0, null],
  ['2101101', '行政单位医疗', 30.0, 30.0, null],
  ['2101103', '公务员医疗补助', 8.0, 8.0, null],
  ['221', '住房保障支出', 53.0, 53.0, null],
  ['22102', '住房改革支出', 53.0, 53.0, null],
  ['2210201', '住房公积金', 53.0, 53.0, null],
];
export const T3_ROWS: CodedRow[] = T3_SRC.map((r) => [...r, null, null, null] as CodedRow);
export const T5_ROWS: CodedRow[] = T3_SRC.map((r) => [...r] as CodedRow);

/** T6 基本支出表: 合计 | 人员经费 | 公用经费. */
export const T6_ROWS: CodedRow[] = [
  [null, '合计', 685.86, 632.2, 53.66],
  ['301', '工资福利支出', 585.4, 585.4, null],
  ['30101', '基本工资', 321.82, 321.82, null],
  ['30102', '津贴补贴', 40.0, 40.0, null],
  ['30107', '绩效工资', 74.38, 74.38, null],
  ['30108', '机关事业单位基本养老保险缴费', 55.0, 55.0, null],
  ['30110', '职工基本医疗保险缴费', 30.0, 30.0, null],
  ['30111', '公务员医疗补助缴费', 8.0, 8.0, null],
  ['30112', '其他社会保障缴费', 3.2, 3.2, null],
  ['30113', '住房公积金', 53.0, 53.0, null],
  ['302', '商品和服务支出', 53.66, null, 53.66],
  ['30201', '办公费', 4.76, null, 4.76],
  ['30207', '邮电费', 12.0, null, 12.0],
  ['30216', '培训费', 5.0, null, 5.0],
  ['30226', '劳务费', 5.0, null, 5.0],
  ['30229', '福利费', 5.0, null, 5.0],
  ['30239', '其他交通费用', 21.0, null, 21.0],
  ['30299', '其他商品和服务支出', 0.9, null, 0.9],
  ['303', '对个人和家庭的补助', 46.8, 46.8, null],
  ['30302', '退休费', 45.0, 45.0, null],
  ['30305', '生活补助', 1.8, 1.8, null],
];

/** T1 lines with amounts as published (all other lines blank). */
export const T1_INCOME: [string, number][] = [['一、一般公共预算拨款收入', 3889.89]];
export const T1_EXPENSE: [string, number][] = [
  ['八、社会保障和就业支出', 3798.89],
  ['十、卫生健康支出', 38.0],
  ['二十、住房保障支出', 53.0],
];
export const T1_TOTALS: [string, Amt, string, Amt][] = [
  ['本年收入合计', 3889.89, '本年支出合计', 3889.89],
  ['上年结转结余', null, '年终结转结余', null],
  ['收入总计', 3889.89, '支出总计', 3889.89],
];

/** The 类 lines one to thirty-one as printed in seed 004 T1/T4. */
export const CLASS_LINE_TEXTS = [
  '一、一般公共服务支出', '二、外交支出', '三、国防支出', '四、公共安全支出', '五、教育支出', '六、科学技术支出',
  '七、文化旅游体育与传媒支出', '八、社会保障和就业支出', '九、社会保险基金支出', '十、卫生健康支出', '十一、节能环保支出',
  '十二、城乡社区支出', '十三、农林水支出', '十四、交通运输支出', '十五、资源勘探工业信息等支出', '十六、商业服务业等支出',
  '十七、金融支出', '十八、援助其他地区支出', '十九、自然资源海洋气象等支出', '二十、住房保障支出', '二十一、粮油物资储备支出',
  '二十二、国有资本经营预算支出', '二十三、灾害防治及应急管理支出', '二十四、预备费', '二十五、其他支出', '二十六、转移性支出',
  '二十七、债务还本支出', '二十八、债务付息支出', '二十九、债务发行费用支出', '三十、抗疫特别国债安排的支出', '三十一、人行科目',
];

export const T1_INCOME_TEXTS = [
  '一、一般公共预算拨款收入', '二、政府性基金预算拨款收入', '三、国有资本经营预算拨款收入', '四、财政专户管理资金收入', '五、事业收入',
  '六、事业单位经营收入', '七、上级补助收入', '八、附属单位上缴收入', '九、其他收入',
];

export const T9_TEXTS = [
  '合计', '“三公”经费小计', '一、因公出国（境）费', '其中：教学科研人员因公出国（境）费', '其他因公出国（境）费',
  '二、公务用车购置及运维费', '其中：公务用车购置费', '公务用车运行维护费', '三、公务接待费',
];

export const TITLES: Record<string, string> = {
  T1: '单位预算收支总表',
  T2: '单位预算收入总表',
  T3: '单位预算支出总表',
  T4: '单位预算财政拨款收支总表',
  T5: '单位预算一般公共预算财政拨款支出表',
  T6: '单位预算一般公共预算财政拨款基本支出表',
  T7: '单位预算政府性基金预算财政拨款支出表',
  T8: '单位预算国有资本经营预算财政拨款支出表',
  T9: '单位预算财政拨款“三公”经费支出表',
};

/** Headers as published (the text of each header cell, left to right, row by row, blanks skipped). */
export const HEADERS: Record<string, string[]> = {
  T1: ['序号', '收入', '支出', '项目', '预算数', '项目', '预算数'],
  T2: ['序号', '功能分类科目', '合计', '上年结转', '本年收入', '科目编码', '科目名称', '小计', '财政拨款收入', '财政专户收入', '事业收入', '经营收入', '上级补助收入', '附属单位上缴收入', '其他收入'],
  T3: ['序号', '功能分类科目', '合计', '基本支出', '项目支出', '上解上级支出', '经营支出', '对附属单位补助支出', '科目编码', '科目名称'],
  T4: ['序号', '收入', '支出', '项目', '金额', '项目', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
  T5: ['序号', '功能分类科目', '合计', '基本支出', '项目支出', '科目编码', '科目名称'],
  T6: ['序号', '支出部门经济分类科目', '一般公共预算基本支出', '科目编码', '科目名称', '合计', '人员经费', '公用经费'],
  T9: ['序号', '项目', '合计', '资金性质', '一般公共预算财政拨款', '政府性基金预算拨款', '国有资本经营预算财政拨款'],
};

// ——— the same figures as parsed tables (shape of src/model/budget/types.ts) ———

const d = (v: Amt) => (v === null ? null : new Decimal(v));

export function table(kind: TableKind, columns: [string, string][], rows: Omit<BudgetRow, 'cells' | 'r'>[], empty = false): BudgetTable {
  const cols: AmountColumn[] = columns.map(([key, label], i) => ({ key, label, col: i + 3 }));
  return {
    kind,
    title: TITLES[kind] ?? kind,
    unitLine: { code: UNIT.code, name: UNIT.name, year: YEAR, unit: '万元' },
    origin: { row: 0, col: 0 },
    range: 'A1:A1',
    columns: cols,
    rows: rows.map((r, i) => ({ ...r, r: i + 5, cells: {} })),
    places: 2,
    issues: [],
    empty,
  };
}

const coded = (kind: TableKind, columns: [string, string][], rows: CodedRow[]) =>
  table(
    kind,
    columns,
    rows.map(([code, name, ...amts]) => ({
      code: code ?? undefined,
      name,
      line: code ? undefined : name,
      amounts: Object.fromEntries(columns.map(([k], i) => [k, d(amts[i] ?? null)])),
    })),
  );

const FUNC5: [string, string][] = [['total', '合计'], ['basic', '基本支出'], ['project', '项目支出']];

export function seedTables(): UnitTables {
  const strip = (s: string) => s.replace(/^[一二三四五六七八九十]+、/, '');
  const t1Rows: Omit<BudgetRow, 'cells' | 'r'>[] = [
    ...T1_INCOME.map(([n, v]) => ({ side: 'income' as const, name: n, line: strip(n), amounts: { income: d(v) } })),
    ...T1_EXPENSE.map(([n, v]) => ({ side: 'expense' as const, name: n, line: strip(n), amounts: { expense: d(v) } })),
    ...T1_TOTALS.flatMap(([l, lv, r, rv]) => [
      { side: 'income' as const, name: l, line: l, amounts: { income: d(lv) } },
      { side: 'expense' as const, name: r, line: r, amounts: { expense: d(rv) } },
    ]),
  ];
  const t4Rows: Omit<BudgetRow, 'cells' | 'r'>[] = [
    { side: 'income', name: '一、一般公共预算拨款', line: '一般公共预算拨款', amounts: { income: d(3889.89) } },
    ...T1_EXPENSE.map(([n, v]) => ({ side: 'expense' as const, name: n, line: strip(n), amounts: { total: d(v), gpb: d(v), fund: null, soe: null } })),
    { side: 'income', name: '本年收入合计', line: '本年收入合计', amounts: { income: d(3889.89) } },
    { side: 'expense', name: '本年支出合计', line: '本年支出合计', amounts: { total: d(3889.89), gpb: d(3889.89), fund: null, soe: null } },
    { side: 'income', name: '收入总计', line: '收入总计', amounts: { income: d(3889.89) } },
    { side: 'expense', name: '支出总计', line: '支出总计', amounts: { total: d(3889.89), gpb: d(3889.89), fund: null, soe: null } },
  ];
  return {
    T1: table('T1', [['income', '预算数'], ['expense', '预算数']], t1Rows),
    T2: coded('T2', [['total', '合计'], ['carryover', '上年结转'], ['subtotal', '小计'], ['fiscal', '财政拨款收入'], ['special', '财政专户收入'], ['business', '事业收入'], ['operating', '经营收入'], ['superior', '上级补助收入'], ['affiliated', '附属单位上缴收入'], ['other', '其他收入']], T2_ROWS),
    T3: coded('T3', [['total', '合计'], ['basic', '基本支出'], ['project', '项目支出'], ['remit', '上解上级支出'], ['operating', '经营支出'], ['subsidy', '对附属单位补助支出']], T3_ROWS),
    T4: table('T4', [['income', '金额'], ['total', '合计'], ['gpb', '一般公共预算财政拨款'], ['fund', '政府性基金预算财政拨款'], ['soe', '国有资本经营预算财政拨款']], t4Rows),
    T5: coded('T5', FUNC5, T5_ROWS),
    T6: coded('T6', [['total', '合计'], ['personnel', '人员经费'], ['public', '公用经费']], T6_ROWS),
    T7: table('T7', FUNC5, [], true),
    T8: table('T8', FUNC5, [], true),
    T9: table('T9', [['total', '合计'], ['gpb', '一般公共预算财政拨款'], ['fund', '政府性基金预算拨款'], ['soe', '国有资本经营预算财政拨款']], [], true),
    T11: table('T11', [['quantity', '数量'], ['value', '价值（金额单位：万元）']], [
      { name: '资产总额', line: '资产总额', amounts: { quantity: null, value: d(92.71) } },
      { name: '4、其他固定资产', line: '其他固定资产', amounts: { quantity: null, value: d(92.71) } },
    ]),
  };
}
