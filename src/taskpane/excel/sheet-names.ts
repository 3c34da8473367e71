/**
 * Excel's rules for sheet and defined names, applied before calling Excel so a bad
 * name never fails a batch.
 */

/**
 * Sheet names come from the layout's own rule so the task pane and the CLI pick the
 * same free variant (`收支总表` taken → `收支总表 (2)`).
 */
export { MAX_SHEET_NAME, sanitizeSheetName, freeSheetName as uniqueSheetName } from '../../model/layout/sheet-names';

const NAME_CHAR = /[^\p{L}\p{N}_.\\]/gu;
const CELL_LIKE = /^([A-Za-z]{1,3}\d+|[RrCc]|[Rr]\d*[Cc]\d*)$/;

/**
 * A valid workbook name: letters (any script), digits, `_`, `.`, `\`; not starting with
 * a digit or `.`; not shaped like a cell reference. Other characters become `_`.
 */
export function definedName(name: string): string {
  let s = name.replace(NAME_CHAR, '_');
  if (!/^[\p{L}_\\]/u.test(s)) s = `_${s}`;
  if (CELL_LIKE.test(s)) s = `_${s}`;
  return s.slice(0, 255);
}
