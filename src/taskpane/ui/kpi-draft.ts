/**
 * The 绩效 view's draft project as plain functions: load a parsed project into the
 * form, check the draft with the real KPI rules (the draft is laid out exactly as it
 * will be written, then parsed and checked like any sheet), and plan a write over
 * an existing project without touching what lies around it.
 */
import { a1, parseA1 } from '../../model/address';
import type { Finding } from '../../model/findings';
import { analyzeKpi } from '../../model/kpi';
import type { KpiProject } from '../../model/kpi/types';
import { fmtNumber } from '../../model/kpi/value';
import { cellText } from '../../model/text';
import type { PlanValue } from '../../model/plan';
import type { SheetGrid } from '../../model/workbook';
import { KPI_OPS, PLAN_LABELS, emptyIndicator, kpiProjectBlock, type KpiBlock, type KpiDraft, type KpiDraftIndicator } from '../../model/templates';

/** The form's view of a project read from the workbook. */
export function draftFromProject(p: KpiProject): KpiDraft {
  const plan: KpiDraft['plan'] = ['', '', '', ''];
  (p.plan ?? []).slice(0, PLAN_LABELS.length).forEach((pt, i) => {
    plan[i] = pt.value === null ? pt.raw : fmtNumber(pt.value);
  });
  return {
    unit: p.unit ?? '',
    code: p.code ?? '',
    name: p.name ?? '',
    budget: p.budget ?? '',
    fiscal: p.fiscal ?? '',
    other: p.other ?? '',
    use: p.use ?? '',
    plan,
    goals: p.goals.join('\n'),
    indicators: p.indicators.map((ind): KpiDraftIndicator => {
      const v = ind.parsed;
      const simple = v.kind === 'quantitative' && v.number !== undefined && !v.note;
      return {
        ...emptyIndicator(),
        level1: ind.level1,
        level2: ind.level2,
        level3: ind.level3,
        description: ind.description,
        basis: ind.basis,
        op: simple && v.op && (KPI_OPS as readonly string[]).includes(v.op) ? v.op : '',
        number: simple ? fmtNumber(v.number as number) : ind.value,
        unit: simple ? (v.unit ?? '') : '',
      };
    }),
  };
}

export interface DraftCheck {
  block: KpiBlock;
  /** Findings per indicator (same order as draft.indicators). */
  byIndicator: Finding[][];
  /** Findings about the project header (budget, plan, goals, missing categories …). */
  project: Finding[];
}

export const DRAFT_SHEET = '草稿';

/** Lays the draft out as it will be written and runs the KPI rules on it. */
export function checkDraft(draft: KpiDraft): DraftCheck {
  const block = kpiProjectBlock(draft);
  const byIndicator: Finding[][] = draft.indicators.map(() => []);
  const project: Finding[] = [];
  let findings: Finding[] = [];
  try {
    findings = analyzeKpi([{ name: DRAFT_SHEET, values: block.values, origin: { row: 0, col: 0 } }]).findings;
  } catch (e) {
    // The rules must never throw; if they do, say so in the form rather than lose the draft.
    project.push({ rule: 'INTERNAL', severity: 'error', message: `校验出错：${(e as Error).message}`, params: {} });
  }
  const rowToIndicator = new Map(block.indicatorRows.map((r, i) => [r, i]));
  for (const f of findings) {
    const at = f.cell ? parseA1(f.cell.split(':')[0]) : null;
    const i = at ? rowToIndicator.get(at.row) : undefined;
    if (i === undefined) project.push(f);
    else byIndicator[i].push(f);
  }
  return { block, byIndicator, project };
}

/** Where a parsed project sits on its sheet (0-based sheet coordinates) and how big it is. */
export interface ProjectExtent {
  sheet: string;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

export function projectExtent(p: KpiProject, grids: SheetGrid[]): ProjectExtent | null {
  const g = grids.find((x) => x.name === p.sheet);
  if (!g || !p.sheet) return null;
  const anchor = parseA1(p.cells.header ?? p.cells.title ?? p.cells.code ?? '') ?? { row: g.origin.row + p.top, col: g.origin.col };
  const headerGridRow = (parseA1(p.cells.header ?? '')?.row ?? anchor.row) - g.origin.row;
  const header = g.values[headerGridRow] ?? [];
  let cols = 0;
  for (let c = anchor.col - g.origin.col; c < header.length; c++) if (cellText(header[c]).trim() !== '') cols = c - (anchor.col - g.origin.col) + 1;
  return { sheet: p.sheet, top: g.origin.row + p.top, left: anchor.col, rows: p.bottom - p.top + 1, cols: Math.max(cols, 1) };
}

/**
 * The block to write over an existing project: padded with blanks to cover the old
 * extent (so no stale indicator rows stay behind), and refused when the new block is
 * taller and the rows it would grow into are not blank.
 */
export function overwriteBlock(block: KpiBlock, old: ProjectExtent, grids: SheetGrid[]): { values: PlanValue[][]; target: string } {
  const width = Math.max(block.values[0]?.length ?? 0, old.cols);
  const height = Math.max(block.values.length, old.rows);
  const g = grids.find((x) => x.name === old.sheet);
  if (g && block.values.length > old.rows) {
    for (let r = old.top + old.rows; r < old.top + block.values.length; r++) {
      const row = g.values[r - g.origin.row] ?? [];
      for (let c = old.left; c < old.left + width; c++) {
        if (cellText(row[c - g.origin.col]).trim() !== '') {
          throw new Error(`原绩效目标表下方 ${a1(r, c)} 已有内容，新表比原表长 ${block.values.length - old.rows} 行，不能原位覆盖。请改为写到新工作表或选中的空白位置。`);
        }
      }
    }
  }
  const values: PlanValue[][] = [];
  for (let r = 0; r < height; r++) {
    const src = block.values[r] ?? [];
    values.push(Array.from({ length: width }, (_, c) => src[c] ?? null));
  }
  return { values, target: a1(old.top, old.left) };
}
