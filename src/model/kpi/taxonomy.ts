/**
 * 一级 → 二级 indicator taxonomy (kpi.md "Taxonomy"), with the aliases and short
 * forms the seeds use (数量 = 数量指标, 效果指标 = 效益指标, 单位产出 in the unit-wide
 * table) and the newer central template where 成本指标 is its own 一级.
 */
import { fastNorm as norm } from './fastnorm';

export type Level1Key = '产出' | '效益' | '满意度' | '成本';
export type Level2Key =
  | '数量'
  | '质量'
  | '时效'
  | '成本'
  | '经济效益'
  | '社会效益'
  | '生态效益'
  | '可持续影响'
  | '服务对象满意度'
  | '经济成本'
  | '社会成本'
  | '生态环境成本';

export interface Level1Def {
  key: Level1Key;
  /** Canonical name as printed in the template. */
  name: string;
  /** Other spellings (already normalised: no spaces, half-width). */
  aliases: string[];
  level2: Level2Key[];
}

export interface Level2Def {
  key: Level2Key;
  name: string;
  aliases: string[];
}

export const LEVEL1: Record<Level1Key, Level1Def> = {
  产出: { key: '产出', name: '产出指标', aliases: ['产出', '单位产出', '项目产出', '产出目标'], level2: ['数量', '质量', '时效', '成本'] },
  效益: {
    key: '效益',
    name: '效益指标',
    aliases: ['效益', '效果指标', '效果', '单位效果', '单位效益', '项目效益', '效益目标', '效果目标'],
    level2: ['经济效益', '社会效益', '生态效益', '可持续影响'],
  },
  满意度: { key: '满意度', name: '满意度指标', aliases: ['满意度', '满意度目标'], level2: ['服务对象满意度'] },
  成本: { key: '成本', name: '成本指标', aliases: ['成本', '成本目标'], level2: ['经济成本', '社会成本', '生态环境成本'] },
};

export const LEVEL2: Record<Level2Key, Level2Def> = {
  数量: { key: '数量', name: '数量指标', aliases: ['数量'] },
  质量: { key: '质量', name: '质量指标', aliases: ['质量'] },
  时效: { key: '时效', name: '时效指标', aliases: ['时效', '时效性指标'] },
  成本: { key: '成本', name: '成本指标', aliases: ['成本'] },
  经济效益: { key: '经济效益', name: '经济效益指标', aliases: ['经济效益', '经济效果指标'] },
  社会效益: { key: '社会效益', name: '社会效益指标', aliases: ['社会效益', '社会效果指标'] },
  生态效益: { key: '生态效益', name: '生态效益指标', aliases: ['生态效益', '生态环境效益指标', '环境效益指标'] },
  可持续影响: { key: '可持续影响', name: '可持续影响指标', aliases: ['可持续影响', '可持续效益指标', '可持续发展指标'] },
  服务对象满意度: { key: '服务对象满意度', name: '服务对象满意度指标', aliases: ['服务对象满意度', '满意度', '满意度指标', '社会公众满意度指标'] },
  经济成本: { key: '经济成本', name: '经济成本指标', aliases: ['经济成本'] },
  社会成本: { key: '社会成本', name: '社会成本指标', aliases: ['社会成本'] },
  生态环境成本: { key: '生态环境成本', name: '生态环境成本指标', aliases: ['生态环境成本', '生态成本指标'] },
};

const STRIP = /[:：()（）%％≥]/g;

/** Normalised key text for matching: no spaces/brackets/colons, half-width. */
function key(text: unknown): string {
  return norm(text).replace(STRIP, '');
}

const L1_INDEX = new Map<string, Level1Key>();
for (const d of Object.values(LEVEL1)) {
  L1_INDEX.set(d.name, d.key);
  for (const a of d.aliases) L1_INDEX.set(a, d.key);
}
const L2_INDEX = new Map<string, Level2Key>();
for (const d of Object.values(LEVEL2)) {
  L2_INDEX.set(d.name, d.key);
  for (const a of d.aliases) L2_INDEX.set(a, d.key);
}

// 一级/二级 cells repeat on every row; a bounded cache keeps 20,000-row checks linear and cheap.
const L1_CACHE = new Map<string, Level1Key | null>();
const L2_CACHE = new Map<string, Level2Key | null>();
function remember<V>(m: Map<string, V>, k: string, v: V): void {
  if (m.size > 5000) m.clear();
  m.set(k, v);
}

/** The 一级 category of a cell text, or null when outside the taxonomy. `成本指标` as 一级 is the newer template. */
export function classifyLevel1(text: unknown): Level1Key | null {
  if (typeof text === 'string') {
    const hit = L1_CACHE.get(text);
    if (hit !== undefined) return hit;
  }
  const k = key(text);
  const out = k ? L1_INDEX.get(k) ?? null : null;
  if (typeof text === 'string') remember(L1_CACHE, text, out);
  return out;
}

/** The 二级 category of a cell text, or null when outside the taxonomy. */
export function classifyLevel2(text: unknown): Level2Key | null {
  if (typeof text === 'string') {
    const hit = L2_CACHE.get(text);
    if (hit !== undefined) return hit;
  }
  const k = key(text);
  const out = k ? L2_INDEX.get(k) ?? null : null;
  if (typeof text === 'string') remember(L2_CACHE, text, out);
  return out;
}

/** 一级 categories under which a 二级 may stand. */
export function parentsOf(l2: Level2Key): Level1Key[] {
  const out: Level1Key[] = [];
  for (const d of Object.values(LEVEL1)) if (d.level2.includes(l2)) out.push(d.key);
  return out;
}

/**
 * Whether a 二级 may stand under a 一级. The unit-wide table (layout 4) lists
 * 满意度 as a 二级 of 单位效果, so `unitWide` allows it under 效益.
 */
export function level2Allowed(l1: Level1Key, l2: Level2Key, unitWide = false): boolean {
  if (LEVEL1[l1].level2.includes(l2)) return true;
  if (unitWide && l1 === '效益' && l2 === '服务对象满意度') return true;
  return false;
}

/** Canonical names of the 二级 allowed under a 一级 (for messages). */
export function allowedLevel2Names(l1: Level1Key): string[] {
  return LEVEL1[l1].level2.map((k) => LEVEL2[k].name);
}

/** True for a cell that names a 一级 or 二级 category (used to recognise table rows without a header). */
export function isTaxonomyTerm(text: unknown): boolean {
  return classifyLevel1(text) !== null || classifyLevel2(text) !== null;
}
