/**
 * Table sets (profiles): which disclosure tables a province publishes, under which titles
 * and in which order, in which money unit, and whether its 万元 figures are roundings of
 * a budget system's 元 figures (then a 0.01 gap is a 尾差, BAL-019). Profiles are data:
 * to add a province, add an entry to PROFILES (README: “表格口径”). Parsing never depends
 * on the profile — tables are found by their titles and headers — so a workbook that
 * mixes layouts is still read; the profile names the set, sets the source unit and
 * gives `disclose` its titles.
 */
import { key } from './kinds';
import { KIND_TITLES, type TableKind } from './types';
import type { MoneyUnit } from './units';

export interface ProfileTable {
  kind: TableKind;
  /** Title as published, without the year and the 单位/部门 prefix. */
  title: string;
  /** Other titles or sheet names the same table goes by (一体化系统 exports). */
  aliases?: string[];
}

export interface Profile {
  id: string;
  /** Chinese name shown to the user. */
  name: string;
  /** Where the layout comes from. */
  source: string;
  /** Unit of the tables (the 三公 table may differ: see units). */
  unit: MoneyUnit;
  /** Units of particular tables where they differ from `unit`. */
  units?: Partial<Record<TableKind, MoneyUnit>>;
  /** The unit the figures come from before rounding (budget systems keep 元). */
  sourceUnit?: MoneyUnit;
  tables: ProfileTable[];
  /** Tables that must be published (an empty one with its note); default: all but 政府采购/固定资产. */
  required?: TableKind[];
}

const HEBEI: Profile = {
  id: 'hebei',
  name: '河北省县级单位预算公开（9+2 张表）',
  source: '《地方预决算公开操作规程》河北县级模板（种子 004，巨鹿县 2023）',
  unit: '万元',
  tables: [
    { kind: 'T1', title: '收支总表' },
    { kind: 'T2', title: '收入总表' },
    { kind: 'T3', title: '支出总表' },
    { kind: 'T4', title: '财政拨款收支总表' },
    { kind: 'T5', title: '一般公共预算财政拨款支出表' },
    { kind: 'T6', title: '一般公共预算财政拨款基本支出表' },
    { kind: 'T7', title: '政府性基金预算财政拨款支出表' },
    { kind: 'T8', title: '国有资本经营预算财政拨款支出表' },
    { kind: 'T9', title: '财政拨款"三公"经费支出表' },
    { kind: 'T10', title: '政府采购预算表' },
    { kind: 'T11', title: '固定资产占用情况表' },
  ],
};

const SHANGHAI: Profile = {
  id: 'shanghai',
  name: '上海市区级单位/部门预算公开（9 张表，元）',
  source: '上海市普陀区 2026 年单位预算、部门预算公开模板',
  unit: '元',
  units: { T9: '万元' },
  sourceUnit: '元',
  tables: [
    { kind: 'T1', title: '财务收支预算总表' },
    { kind: 'T2', title: '收入预算总表' },
    { kind: 'T3', title: '支出预算总表' },
    { kind: 'T4', title: '财政拨款收支预算总表' },
    { kind: 'T5', title: '一般公共预算支出功能分类预算表', aliases: ['一般公共预算拨款表'] },
    { kind: 'T7', title: '政府性基金预算支出功能分类预算表', aliases: ['政府性基金拨款表'] },
    { kind: 'T8', title: '国有资本经营预算支出功能分类预算表', aliases: ['国有资本经营预算拨款表'] },
    { kind: 'T6', title: '一般公共预算基本支出部门预算经济分类预算表', aliases: ['一般公共预算拨款基本支出明细表'] },
    { kind: 'T9', title: '"三公"经费和机关运行经费预算表', aliases: ['"三公"经费和机关运行费预算表'] },
  ],
};

const JIANGSU: Profile = {
  id: 'jiangsu',
  name: '江苏省省级部门预算公开（12 张表，万元）',
  source: '江苏省省级部门 2017–2019 年部门预算公开表格',
  unit: '万元',
  sourceUnit: '元',
  tables: [
    { kind: 'T1', title: '收支预算总表' },
    { kind: 'T15', title: '收入预算总表' },
    { kind: 'T3', title: '支出预算总表' },
    { kind: 'T4', title: '财政拨款收支预算总表' },
    { kind: 'T12', title: '财政拨款支出预算表(功能科目)' },
    { kind: 'T13', title: '财政拨款基本支出预算表(经济科目)' },
    { kind: 'T5', title: '一般公共预算支出预算表(功能科目)' },
    { kind: 'T6', title: '一般公共预算基本支出预算表(经济科目)' },
    { kind: 'T9', title: '"三公"经费、会议费、培训费支出预算表' },
    { kind: 'T7', title: '财政拨款政府性基金支出预算表' },
    { kind: 'T14', title: '一般公共预算机关运行经费支出预算表' },
    { kind: 'T10', title: '政府采购预算表' },
  ],
};

const NATIONAL: Profile = {
  id: 'national',
  name: '全国通用（预算管理一体化系统导出 2.15–2.27）',
  source: '预算管理一体化系统单位预算公开导出表（部门为 3.xx）',
  unit: '万元',
  tables: [
    { kind: 'T1', title: '收支总表', aliases: ['2.15单位收支总表', '3.15部门收支总表'] },
    { kind: 'T2', title: '收入总表', aliases: ['2.16收入总表'] },
    { kind: 'T3', title: '支出总表', aliases: ['2.17支出总表'] },
    { kind: 'T4', title: '财政拨款收支总表', aliases: ['2.18财政拨款收支总表'] },
    { kind: 'T5', title: '一般公共预算拨款表', aliases: ['2.20一般公共预算拨款表'] },
    { kind: 'T7', title: '政府性基金预算拨款表', aliases: ['2.21政府性基金预算拨款表'] },
    { kind: 'T8', title: '国有资本经营预算拨款表', aliases: ['2.22国有资本经营预算拨款表'] },
    { kind: 'T6', title: '基本支出明细表', aliases: ['2.23基本支出明细表'] },
    { kind: 'T9', title: '"三公"经费和机关运行费预算表', aliases: ['2.25"三公"经费和机关运行费预算表'] },
  ],
};

/** Every shipped profile; the first is the default when nothing else fits. */
export const PROFILES: readonly Profile[] = [NATIONAL, HEBEI, SHANGHAI, JIANGSU];

export const DEFAULT_PROFILE = NATIONAL;

/** A profile by id (`shanghai`) or Chinese name fragment (`上海`), else undefined. */
export function findProfile(idOrName: string): Profile | undefined {
  const k = key(idOrName).toLowerCase();
  if (!k) return undefined;
  return PROFILES.find((p) => p.id === k) ?? PROFILES.find((p) => key(p.name).includes(k) || (k.length >= 2 && k.includes(key(p.name).slice(0, 2))));
}

/** A title or sheet name without year, numbering and the 单位/部门 prefix: `2026年预算单位收入预算总表` → `收入预算总表`. */
export function bareTitle(t: string): string {
  return key(t)
    .replace(/^.*?\d{4}年度?/, '')
    .replace(/^[\d.]+(?=\D)/, '')
    .replace(/^(预算单位|单位预算|部门预算|本级|单位|部门)/, '')
    .replace(/单位:?(万元|元|千元)$/, '');
}

/** How many of the titles name a table of the profile (exact bare-title match). */
function score(p: Profile, titles: string[]): number {
  const names = new Set(p.tables.flatMap((t) => [t.title, ...(t.aliases ?? [])].map(bareTitle)));
  return titles.filter((t) => names.has(bareTitle(t))).length;
}

export interface ProfileChoice {
  profile: Profile;
  /** How it was chosen: named by the user/settings, or matched from the titles. */
  how: 'named' | 'matched' | 'default';
  /** Titles that matched (for `matched`). */
  matched: number;
}

/**
 * The profile a workbook's table titles fit best (at least two titles must match), the
 * named one when `named` is given (unknown names throw a Chinese error), else the default.
 */
export function chooseProfile(titles: string[], named?: string, sheetNames: string[] = []): ProfileChoice {
  if (named) {
    const p = findProfile(named);
    if (!p) throw new Error(`未知的表格口径「${named}」，可用：${PROFILES.map((x) => `${x.id}（${x.name}）`).join('、')}`);
    return { profile: p, how: 'named', matched: score(p, titles) };
  }
  let best: ProfileChoice = { profile: DEFAULT_PROFILE, how: 'default', matched: 0 };
  // Titles decide; sheet names (`2.16收入总表`) only break ties.
  let bestNames = -1;
  for (const p of PROFILES) {
    const s = score(p, titles);
    const n = score(p, sheetNames);
    if (s + n >= 2 && (s > best.matched || (s === best.matched && n > bestNames))) {
      best = { profile: p, how: 'matched', matched: s };
      bestNames = n;
    }
  }
  return best;
}

/**
 * The tables a workbook of this set must contain, with their titles. The national and
 * Hebei sets require the nine tables of the 操作规程 (T1–T9); others their own list.
 */
export function requiredTables(p: Profile): { kind: TableKind; title: string }[] {
  const kinds = p.required ?? p.tables.map((t) => t.kind).filter((k) => k !== 'T10' && k !== 'T11');
  // The national and Hebei sets name tables by the Hebei county titles (seed 004).
  const hebei = p.id === 'hebei' || p.id === 'national';
  return kinds.map((kind) => ({ kind, title: hebei ? KIND_TITLES[kind] : (p.tables.find((t) => t.kind === kind)?.title ?? KIND_TITLES[kind]).replace(/"([^"]*)"/g, '“$1”') }));
}

/** The published title of a kind in a profile, or undefined when the profile has no such table. */
export function profileTitle(p: Profile, kind: TableKind): string | undefined {
  return p.tables.find((t) => t.kind === kind)?.title;
}

/** What the CLI prints: `表格口径：上海市…（自动识别，9 张表名相符）`. */
export function describeChoice(c: ProfileChoice): string {
  const how = c.how === 'named' ? '按设置' : c.how === 'matched' ? `自动识别，${c.matched} 张表名相符` : '未识别出省份口径，按全国通用';
  return `表格口径：${c.profile.name}（${how}）`;
}
