/**
 * Finds the disclosure tables on a sheet by their titles and headers — never by sheet
 * name alone (exports call sheets `2.15单位收支总表`, clerks `Sheet3`). Several tables
 * may share a sheet: a table runs from its title row to the row before the next
 * table's title (or the end of the used area). A title repeated at a page break for the
 * same unit continues the table; the same title with another unit's line starts a new one.
 */
import { a1, type Origin } from '../address';
import { cellText } from '../text';
import type { SheetGrid } from '../workbook';
import { isBlank, rowIsBlank, usedArea, isRow } from './grid';
import { key, titleKind } from './kinds';
import { isHeaderRow, isParseError, isUnitLine, parseBudgetTable, parseUnitLine, rowInfo } from './parse';
import type { TableKind, UnitLine } from './types';

export interface DetectedBudgetTable {
  kind: TableKind;
  /** Title as written; for a table found by its headers alone, the sheet name when it names the table, else ''. */
  title: string;
  sheet: string;
  /** First and last row of the table, 0-based indexes into `sheet.values`. */
  top: number;
  bottom: number;
  /** A1 range on the sheet (sheet.origin applied), full used width. */
  range: string;
}

const TITLE_HINT = /表|政府采购/;
const LOOKAHEAD = 8;

interface Anchor {
  r: number;
  kind: TableKind;
  title: string;
  unit: string;
}

/** Title cell of a row, when the row is a short line holding one. */
function titleAt(values: unknown[][], r: number, cols: number): { kind: TableKind; title: string } | null {
  const row = values[r];
  if (!isRow(row)) return null;
  // Distinct texts, not cells: an unmerged title repeats its text across the row.
  const distinct = new Set<unknown>();
  let hit: { kind: TableKind; title: string } | null = null;
  for (let c = 0; c < Math.min(cols, row.length); c++) {
    const v = row[c];
    if (isBlank(v) || distinct.has(v)) continue;
    distinct.add(v);
    if (distinct.size > 3) return null;
    if (hit || typeof v !== 'string' || v.length > 80 || !TITLE_HINT.test(v)) continue;
    const kind = titleKind(v);
    if (kind) hit = { kind, title: cellText(v).trim() };
  }
  return hit;
}

function unitKey(u: UnitLine): string {
  return u.code ?? (u.name ? key(u.name) : '');
}

export function detectBudgetTables(sheet: SheetGrid): DetectedBudgetTable[] {
  const values = sheet.values;
  const { rows, cols } = usedArea(values);
  if (rows === 0) return [];
  const origin: Origin = sheet.origin ?? { row: 0, col: 0 };
  const anchors: Anchor[] = [];
  for (let r = 0; r < rows; r++) {
    const t = titleAt(values, r, cols);
    if (!t) continue;
    // A title must be followed by a header within a few rows (prose mentions are not tables).
    const unit: UnitLine = {};
    let header = false;
    for (let k = r + 1; k < Math.min(rows, r + 1 + LOOKAHEAD); k++) {
      const info = rowInfo(values, k, cols);
      if (isHeaderRow(info)) {
        header = true;
        break;
      }
      if (isUnitLine(info)) parseUnitLine(info, unit);
    }
    if (!header) continue;
    const a: Anchor = { r, kind: t.kind, title: t.title, unit: unitKey(unit) };
    const prev = anchors[anchors.length - 1];
    if (prev && prev.kind === a.kind && (prev.unit === a.unit || !a.unit)) continue;
    anchors.push(a);
  }

  const out: DetectedBudgetTable[] = [];
  const bottomOf = (end: number) => {
    let b = end;
    while (b > 0 && rowIsBlank(values[b])) b--;
    return b;
  };
  const push = (kind: TableKind, title: string, top: number, end: number) => {
    const bottom = Math.max(top, bottomOf(end));
    out.push({ kind, title, sheet: sheet.name, top, bottom, range: `${a1(top, 0, origin)}:${a1(bottom, Math.max(cols, 1) - 1, origin)}` });
  };

  // A table above the first title (or on a sheet without titles) is found by its headers.
  const firstTitle = anchors.length ? anchors[0].r : rows;
  if (firstTitle > 0) {
    const region = values.slice(0, firstTitle);
    const t = parseBudgetTable(region, { sheet: sheet.name });
    if (!isParseError(t) && t.dataRowCount) {
      const top = (t.headerRows?.[0] ?? 0) > 0 ? firstNonBlank(values, 0, t.headerRows![0]) : 0;
      const named = titleKind(sheet.name) === t.kind || titleKind(`${sheet.name}表`) === t.kind;
      push(t.kind, t.title || (named ? sheet.name : ''), top, firstTitle - 1);
    }
  }
  anchors.forEach((a, i) => push(a.kind, a.title, a.r, i + 1 < anchors.length ? anchors[i + 1].r - 1 : rows - 1));
  return out;
}

/** First non-blank row in [from, to], else `to`. */
function firstNonBlank(values: unknown[][], from: number, to: number): number {
  for (let r = from; r <= to; r++) if (!rowIsBlank(values[r])) return r;
  return to;
}
