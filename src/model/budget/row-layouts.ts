/**
 * Layouts that put a table's lines in columns or in two text columns rather than in
 * rows with codes:
 * - the “三公”经费 table as one row (Shanghai: 合计 | 因公出国(境)费 | 公务接待费 |
 *   公务用车购置及运行费 (小计 | 购置费 | 运行费) | 机关运行经费; Jiangsu adds 会议费, 培训费):
 *   each header column names a T9 line, found from its header path (parent cells of a
 *   merged header read blank, so a column's parent is the nearest label to its left);
 * - Jiangsu's 收入预算总表 (T15): category | item | 金额.
 */
import { isBlank, isRow } from './grid';
import { key } from './kinds';

export interface RowLine {
  col: number;
  line: string;
  label: string;
}

/** The T9 line a header path names (`“三公”经费预算数 > 公务用车购置及运行费 > 购置费` → 公务用车购置费). */
export function t9PathLine(path: string[]): string | null {
  const leaf = key(path[path.length - 1]);
  const all = path.map(key).join('>');
  if (/会议费/.test(leaf)) return '会议费';
  if (/培训费/.test(leaf)) return '培训费';
  if (/机关运行/.test(all)) return '机关运行经费';
  if (/公务用车/.test(all)) {
    if (/购置[及和]运/.test(leaf) || /^(小计|合计)$/.test(leaf)) return '公务用车购置及运行维护费';
    if (/购置/.test(leaf)) return '公务用车购置费';
    if (/运行|运维/.test(leaf)) return '公务用车运行维护费';
  }
  if (/教学科研/.test(leaf)) return '教学科研人员因公出国(境)费';
  if (/其他因公出国/.test(leaf)) return '其他因公出国(境)费';
  if (/因公出国/.test(all)) return '因公出国(境)费';
  if (/公务接待/.test(all)) return '公务接待费';
  if (/^(小计|合计)$/.test(leaf) && /三公/.test(all)) return '三公经费小计';
  if (/^(合计|总计)$/.test(leaf)) return '合计';
  return null;
}

/**
 * The T9 lines of a one-row 三公 header, or null when the header is the usual
 * 项目 | 合计 | funding columns. Needs three columns naming lines, one of them a 三公 item.
 */
export function t9RowLines(headerTexts: string[][], cols: number): RowLine[] | null {
  const out: RowLine[] = [];
  const seen = new Set<string>();
  for (let c = 0; c < cols; c++) {
    let leafRow = -1;
    for (let h = headerTexts.length - 1; h >= 0; h--) {
      if (headerTexts[h][c]) {
        leafRow = h;
        break;
      }
    }
    if (leafRow < 0) continue;
    const path: string[] = [];
    for (let h = 0; h < leafRow; h++) {
      for (let x = c; x >= 0; x--) {
        if (headerTexts[h][x]) {
          path.push(headerTexts[h][x]);
          break;
        }
      }
    }
    path.push(headerTexts[leafRow][c]);
    const line = t9PathLine(path);
    if (!line || seen.has(line)) continue;
    seen.add(line);
    out.push({ col: c, line, label: path.filter((p, i) => i === path.length - 1 || !/预算数$/.test(p)).join('') });
  }
  const items = out.filter((l) => /因公出国|公务接待|公务用车/.test(l.line)).length;
  return out.length >= 3 && items >= 1 ? out : null;
}

function textAt(grid: unknown[][], r: number, c: number): boolean {
  const row = grid[r];
  if (!isRow(row)) return false;
  const v = row[c];
  return !isBlank(v) && typeof v === 'string' && !/^[\d.,\s-]+$/.test(v);
}

/** T15's category and item columns: the first two adjacent columns holding text in the data rows. */
export function groupColumns(grid: unknown[][], labels: string[], from: number, rows: number, cols: number): { category: number; item: number } | null {
  const counts: number[] = new Array(cols).fill(0);
  for (let r = from; r < rows; r++) for (let c = 0; c < cols; c++) if (textAt(grid, r, c)) counts[c]++;
  for (let c = 0; c + 1 < cols; c++) {
    if (counts[c] > 0 && counts[c + 1] > 0 && !/金额|合计|预算数/.test(labels[c + 1])) return { category: c, item: c + 1 };
  }
  return null;
}
