/**
 * The one sheet the add-in owns, `_预算助手` (hidden), and the blocks on it. Each
 * block has its own column band, so a block can grow or shrink downwards without
 * ever reaching another block or a user cell.
 */
import { colLetter } from '../../model/address';
import { parseRef } from './refs';

export const OWNED_SHEET = '_预算助手';

export interface BlockDef {
  /** Workbook-scoped name covering the block, header row included. */
  name: string;
  /** First column (0-based) of the band. */
  col: number;
  header: string[];
}

/** Key figures: label in A, value in B; each value cell has its own `BT.<key>` name. */
export const KEY_FIGURES_BAND = { col: 0, header: ['关键数字', '数值'] } as const;

export const FINDINGS_BLOCK: BlockDef = { name: 'BUDGET.FINDINGS', col: 3, header: ['规则', '级别', '位置', '说明'] };
export const KPI_BLOCK: BlockDef = {
  name: 'KPI.DATA',
  col: 8,
  header: ['单位', '项目', '一级', '二级', '三级', '符号', '数值', '计量单位', '方向', '状态'],
};
export const ACCEPTED_BLOCK: BlockDef = { name: 'BUDGET.ACCEPTED', col: 19, header: ['键', '理由'] };

/** The key figures interfaces.md names, in their fixed rows 2…8. */
export const KEY_FIGURES = ['收入总计', '支出总计', '基本支出', '项目支出', '人员经费', '公用经费', '三公经费'] as const;

export function bandOf(b: { col: number; header: readonly string[] }): { c0: number; c1: number; columns: string } {
  const c1 = b.col + b.header.length - 1;
  return { c0: b.col, c1, columns: `${colLetter(b.col)}:${colLetter(c1)}` };
}

/**
 * Where each key figure goes (shared by the Office and WPS adapters): rows 2–8 hold the
 * seven fixed figures; a key whose `BT.` name already points at a value cell of the band
 * keeps that row; a new key takes the next free row. `block` is the band's full content
 * (header, then key | value, blank where a key was not given this time).
 */
export function keyFigureLayout(
  names: readonly { name: string; formula: string }[],
  figs: Record<string, number>,
): { rowOf: Map<string, number>; given: Map<string, number>; block: (string | number)[][]; valueCol: number } {
  const valueCol = KEY_FIGURES_BAND.col + 1;
  // key → row (0-based); labels are the keys as given, names their `BT.` forms.
  const rowOf = new Map<string, number>();
  KEY_FIGURES.forEach((k, i) => rowOf.set(k, i + 1));
  for (const n of names) {
    if (!n.name.startsWith('BT.')) continue;
    const ref = parseRef(n.formula);
    const key = n.name.slice(3);
    if (ref && ref.sheet === OWNED_SHEET && ref.c0 === valueCol && ref.r0 === ref.r1 && ref.r0 >= 1 && !rowOf.has(key)) rowOf.set(key, ref.r0);
  }
  let next = Math.max(...rowOf.values()) + 1;
  const given = new Map<string, number>();
  for (const [k, v] of Object.entries(figs)) {
    const key = k.replace(/^BT\./, '');
    given.set(key, v);
    if (!rowOf.has(key)) rowOf.set(key, next++);
  }
  const last = Math.max(...rowOf.values());
  const block: (string | number)[][] = Array.from({ length: last + 1 }, () => ['', '']);
  block[0] = [...KEY_FIGURES_BAND.header];
  for (const [key, row] of rowOf) {
    const v = given.get(key);
    block[row] = [key, v !== undefined && Number.isFinite(v) ? v : ''];
  }
  return { rowOf, given, block, valueCol };
}
