/**
 * The subject dictionary (科目字典): 支出功能分类 and 部门预算支出经济分类 codes with their
 * names, as far as the product needs them — every 类 of the function classification and
 * every code the 巨鹿县 2023 tables use. A workbook or a province may add or rename codes
 * through `overrides`; an unknown code is only a warning (sums work by prefix).
 */
import { norm, stripOrdinal } from '../text';
import { codeLevel, guessScheme, parentCode as parentByPrefix, type CodeScheme } from './codes';

/** 支出功能分类科目 — 类 (tables.md) and the 款/项 met in seed 004. */
export const FUNCTION_CODES: Readonly<Record<string, string>> = {
  '201': '一般公共服务支出',
  '202': '外交支出',
  '203': '国防支出',
  '204': '公共安全支出',
  '205': '教育支出',
  '206': '科学技术支出',
  '207': '文化旅游体育与传媒支出',
  '208': '社会保障和就业支出',
  '209': '社会保险基金支出',
  '210': '卫生健康支出',
  '211': '节能环保支出',
  '212': '城乡社区支出',
  '213': '农林水支出',
  '214': '交通运输支出',
  '215': '资源勘探工业信息等支出',
  '216': '商业服务业等支出',
  '217': '金融支出',
  '219': '援助其他地区支出',
  '220': '自然资源海洋气象等支出',
  '221': '住房保障支出',
  '222': '粮油物资储备支出',
  '223': '国有资本经营预算支出',
  '224': '灾害防治及应急管理支出',
  '227': '预备费',
  '229': '其他支出',
  '230': '转移性支出',
  '231': '债务还本支出',
  '232': '债务付息支出',
  '233': '债务发行费用支出',
  '234': '抗疫特别国债安排的支出',
  '20801': '人力资源和社会保障管理事务',
  '2080101': '行政运行',
  '2080105': '劳动保障监察',
  '2080106': '就业管理事务',
  '2080109': '社会保险经办机构',
  '2080110': '劳动关系和维权',
  '2080112': '劳动人事争议调解仲裁',
  '2080116': '引进人才费用',
  '2080150': '事业运行',
  '2080199': '其他人力资源和社会保障管理事务支出',
  '20805': '行政事业单位养老支出',
  '2080501': '行政单位离退休',
  '2080502': '事业单位离退休',
  '2080505': '机关事业单位基本养老保险缴费支出',
  '20807': '就业补助',
  '2080701': '就业创业服务补贴',
  '2080799': '其他就业补助支出',
  '20809': '退役安置',
  '2080999': '其他退役安置支出',
  '20827': '财政对其他社会保险基金的补助',
  '2082701': '财政对失业保险基金的补助',
  '2082702': '财政对工伤保险基金的补助',
  '21011': '行政事业单位医疗',
  '2101101': '行政单位医疗',
  '2101102': '事业单位医疗',
  '2101103': '公务员医疗补助',
  '22102': '住房改革支出',
  '2210201': '住房公积金',
};

/** 部门预算支出经济分类科目 — the 类 and the 款 met in seed 004. */
export const ECONOMIC_CODES: Readonly<Record<string, string>> = {
  '301': '工资福利支出',
  '302': '商品和服务支出',
  '303': '对个人和家庭的补助',
  '307': '债务利息及费用支出',
  '309': '资本性支出（基本建设）',
  '310': '资本性支出',
  '311': '对企业补助（基本建设）',
  '312': '对企业补助',
  '313': '对社会保障基金补助',
  '399': '其他支出',
  '30101': '基本工资',
  '30102': '津贴补贴',
  '30107': '绩效工资',
  '30108': '机关事业单位基本养老保险缴费',
  '30110': '职工基本医疗保险缴费',
  '30111': '公务员医疗补助缴费',
  '30112': '其他社会保障缴费',
  '30113': '住房公积金',
  '30201': '办公费',
  '30207': '邮电费',
  '30216': '培训费',
  '30226': '劳务费',
  '30229': '福利费',
  '30239': '其他交通费用',
  '30299': '其他商品和服务支出',
  '30302': '退休费',
  '30305': '生活补助',
};

export interface Dictionary {
  /** Name of a code, or undefined when the dictionary does not know it. */
  name(code: string, scheme?: CodeScheme): string | undefined;
  has(code: string, scheme?: CodeScheme): boolean;
  /** Parent by prefix (7 → 5 → 3 for function codes, 5 → 3 for economic ones). */
  parentCode(code: string, scheme?: CodeScheme): string | null;
  /** 1 = 类, 2 = 款, 3 = 项, 0 for an unexpected length. */
  level(code: string, scheme?: CodeScheme): number;
}

/**
 * A dictionary with optional overrides (code → name). Function and economic codes never
 * collide (2xx vs 3xx), so one override map serves both; a key `economic:30101` or
 * `function:208` pins a scheme explicitly.
 */
export function createDictionary(overrides: Record<string, string> = {}): Dictionary {
  const fn = new Map(Object.entries(FUNCTION_CODES));
  const ec = new Map(Object.entries(ECONOMIC_CODES));
  for (const [k, v] of Object.entries(overrides)) {
    const m = /^(function|economic):(\d+)$/.exec(k);
    if (m) (m[1] === 'function' ? fn : ec).set(m[2], v);
    else (guessScheme(k) === 'function' ? fn : ec).set(k, v);
  }
  const table = (code: string, scheme?: CodeScheme) => ((scheme ?? guessScheme(code)) === 'function' ? fn : ec);
  return {
    name: (code, scheme) => table(code, scheme).get(code),
    has: (code, scheme) => table(code, scheme).has(code),
    parentCode: (code, scheme) => parentByPrefix(code, scheme ?? guessScheme(code)),
    level: (code, scheme) => codeLevel(code, scheme ?? guessScheme(code)),
  };
}

export const DEFAULT_DICTIONARY: Dictionary = createDictionary();

/** The key a T1/T4 类 line is matched by: no ordinal, no whitespace, no brackets. */
export function classLineKey(name: string): string {
  return stripOrdinal(norm(name)).replace(/[()（）]/g, '');
}

export interface ClassMap {
  /** Function 类 code of a T1/T4 expense line (`八、社会保障和就业支出` → `208`). */
  codeOf(lineName: string): string | undefined;
  /** The line name for a 类 code (`208` → `社会保障和就业支出`). */
  nameOf(code: string): string | undefined;
}

/** tables.md: the 类 lines of T1/T4 and their codes. */
export const CLASS_LINES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(FUNCTION_CODES)
    .filter(([code]) => code.length === 3)
    .map(([code, name]) => [name, code]),
);

/** Line name → code map; `overrides` (name → code) let a workbook rename or add lines. */
export function createClassMap(overrides: Record<string, string> = {}): ClassMap {
  const byName = new Map<string, string>();
  const byCode = new Map<string, string>();
  for (const [name, code] of Object.entries({ ...CLASS_LINES, ...overrides })) {
    byName.set(classLineKey(name), code);
    if (!byCode.has(code) || name in overrides) byCode.set(code, name);
  }
  return {
    codeOf: (lineName) => byName.get(classLineKey(lineName)),
    nameOf: (code) => byCode.get(code),
  };
}

export const DEFAULT_CLASS_MAP: ClassMap = createClassMap();
