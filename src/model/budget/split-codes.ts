/**
 * Codes split over 类 | 款 | 项 columns (Shanghai, Jiangsu and most 一体化系统 exports):
 * `205 | 02 | 05` is 2050205, `205 | 02 |` is 20502, `205 | |` is 205. 款/项 cells arrive as
 * numbers (2 → `02`), as text (`02`) or as rich text flattened to text. A 款 column may also
 * hold the whole code (`20502`); that is accepted when it extends the 类.
 */
import { toHalfWidth } from '../text';
import { isBlank, isRow } from './grid';
import { key } from './kinds';

const LEVEL_WORDS = ['类', '款', '项'];

/**
 * Columns of a split code: the header row that reads `类 | 款 (| 项)` in adjacent cells.
 * Returns the 0-based columns (2 or 3 of them), or null when the header has no such row.
 */
export function splitCodeColumns(headerTexts: string[][]): number[] | null {
  for (const texts of headerTexts) {
    for (let c = 0; c + 1 < texts.length; c++) {
      if (key(texts[c]) !== '类' || key(texts[c + 1]) !== '款') continue;
      return c + 2 < texts.length && key(texts[c + 2]) === '项' ? [c, c + 1, c + 2] : [c, c + 1];
    }
  }
  return null;
}

/** Digits of one part of a split code, or null (blank, placeholder, not digits). */
function part(v: unknown): string | null {
  if (isBlank(v)) return null;
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? String(v) : null;
  if (typeof v !== 'string') return null;
  const t = toHalfWidth(v).replace(/\s/g, '');
  return /^\d+$/.test(t) ? t : null;
}

/**
 * The code a row's split code cells spell, `''` when they are all blank, or null when
 * they hold something that is not a code (a placeholder `…`, a note, a stray word).
 */
export function joinSplitCode(row: unknown, cols: readonly number[]): string | null {
  if (!isRow(row)) return '';
  let code = '';
  for (let i = 0; i < cols.length; i++) {
    const v = row[cols[i]];
    if (isBlank(v)) {
      // A blank level ends the code; a digit after it (`205 |  | 05`) is not a code.
      for (let j = i + 1; j < cols.length; j++) if (!isBlank(row[cols[j]])) return null;
      break;
    }
    const p = part(v);
    if (p === null) return null;
    if (i === 0) code = p;
    else if (p.length <= 2) code += p.padStart(2, '0');
    else if (p.startsWith(code) && p.length === code.length + 2) code = p;
    else return null;
  }
  return code;
}

/** True for the fill-in placeholders templates carry in example rows (`…`, `...`, `……`). */
export function isPlaceholder(v: unknown): boolean {
  return typeof v === 'string' && /^[\s.…。·．]+$/.test(v) && /[.…。·．]/.test(v);
}

export { LEVEL_WORDS };
