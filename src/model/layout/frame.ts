/**
 * The frame every published table shares (seed 004): a merged bold title, the unit
 * line (`323001…本级` left, `预算年度：2023` and `单位：万元` right), multi-row headers
 * with merges, an optional 栏次 row, then data; printed A4 landscape, one page wide,
 * header rows repeated on every page.
 */
import type { NamePlan, PlanValue, SheetPlan } from '../plan';
import { placeHeader, rangeOf, SheetBuilder, textWidth, wrappedLines, LINE_HEIGHT, type HeaderCell } from './grid';
import { BASE, HEAD, LANCI, LANDSCAPE, NOTE, TITLE, TODO, UNIT_LEFT, UNIT_RIGHT, PORTRAIT } from './styles';
import { MARKER_OPEN } from '../narrative';

/** What every sheet builder needs to know about the unit and where names go. */
export interface LayoutContext {
  /** `323001巨鹿县人力资源和社会保障局本级` */
  unitText: string;
  unitName: string;
  year: string;
  /** Prefix of the workbook names the plan creates (`公开.`). */
  namePrefix: string;
  names: NamePlan[];
  /** `部门` for a department's consolidated package (titles 部门预算…); default `单位`. */
  level?: '单位' | '部门';
}

export interface FrameOptions {
  /** Texts at the right end of the unit line (default `预算年度：…`, `单位：万元`). */
  right?: string[];
  /** Write the 栏次 row (序号 column says `栏次`, the others count 1…n); default true. */
  lanci?: boolean;
}

export interface Frame {
  /** 1-based row of the last header row (the 栏次 row when present). */
  headEnd: number;
}

export function unitLineRight(ctx: LayoutContext): string[] {
  return [`预算年度：${ctx.year}`, '单位：万元'];
}

/** The merged bold title row across the sheet. */
export function writeTitle(b: SheetBuilder, title: string): number {
  const t = b.row([title]);
  b.merge(t, 0, t, b.width - 1);
  b.style(t, 0, t, b.width - 1, TITLE);
  b.height(t, 30);
  return t;
}

/**
 * The unit line: the unit left, `right` texts at the right end, each given as many
 * columns as it needs (a right-aligned text cannot spill left into the merged unit cell).
 */
export function writeUnitLine(b: SheetBuilder, unitText: string, right: string[]): number {
  const w = b.width;
  const u = b.row([unitText]);
  let free = w;
  const spans: [number, number][] = [];
  for (let i = right.length - 1; i >= 0; i--) {
    const need = textWidth(right[i], 10) + 2;
    let start = free - 1;
    let acc = b.columnWidths[start];
    while (acc < need && start > 1) acc += b.columnWidths[--start];
    spans.unshift([start, free - 1]);
    free = start;
  }
  spans.forEach(([c1, c2], i) => {
    b.set(u, c1, right[i]);
    b.merge(u, c1, u, c2);
    b.style(u, c1, u, c2, i === spans.length - 1 ? UNIT_RIGHT : { hAlign: 'center' });
  });
  if (free > 1) b.merge(u, 0, u, free - 1);
  b.style(u, 0, u, Math.max(0, free - 1), UNIT_LEFT);
  b.height(u, 20);
  return u;
}

export function writeFrame(b: SheetBuilder, ctx: LayoutContext, title: string, header: HeaderCell[][], opts: FrameOptions = {}): Frame {
  const w = b.width;
  writeTitle(b, title);
  writeUnitLine(b, ctx.unitText, opts.right ?? unitLineRight(ctx));

  const placed = placeHeader(header, w);
  const top = b.next;
  placed.values.forEach((vals) => b.row(vals));
  for (const [r1, c1, r2, c2] of placed.merges) b.merge(top + r1, c1, top + r2, c2);
  let end = top + placed.values.length - 1;
  b.style(top, 0, end, w - 1, HEAD);
  // Header heights: the tallest single-row cell of each header row decides.
  placed.values.forEach((vals, i) => {
    let lines = 1;
    let c = 0;
    while (c < w) {
      const m = placed.merges.find(([r1, c1]) => r1 === i && c1 === c);
      const cs = m ? m[3] - m[1] + 1 : 1;
      const rowSpan = m ? m[2] - m[0] + 1 : 1;
      if (vals[c] && rowSpan === 1) lines = Math.max(lines, wrappedLines(vals[c], b.span(c, c + cs - 1), 10));
      c += cs;
    }
    b.height(top + i, lines * LINE_HEIGHT + 6);
  });

  if (opts.lanci !== false) {
    const vals: PlanValue[] = ['栏次'];
    for (let c = 1; c < w; c++) vals.push(c);
    end = b.row(vals);
    b.style(end, 0, end, w - 1, LANCI);
    b.height(end, 18);
  }
  return { headEnd: end };
}

/** A note line under the table (`注：无…，空表列示。`), merged across the width. */
export function writeNote(b: SheetBuilder, text: string): number {
  const r = b.row([text]);
  b.merge(r, 0, r, b.width - 1);
  b.style(r, 0, r, b.width - 1, text.includes(MARKER_OPEN) ? { ...NOTE, ...TODO } : NOTE);
  b.height(r, wrappedLines(text, b.span(0, b.width - 1), 10) * LINE_HEIGHT + 4);
  return r;
}

/** Adds the base font block first (so every later block overrides it) and the page setup. */
export function finish(b: SheetBuilder, frame: Frame | null, page: typeof LANDSCAPE | typeof PORTRAIT = LANDSCAPE): SheetPlan {
  const rows = Math.max(1, b.values.length);
  b.styles.unshift({ range: rangeOf(1, 0, rows, b.width - 1), style: BASE });
  return b.build(page(frame ? `$2:$${frame.headEnd}` : undefined));
}

/** Registers a workbook name for one cell of the sheet being built. */
export function nameCell(ctx: LayoutContext, sheetKey: string, name: string, row: number, col: number): void {
  ctx.names.push({ name: `${ctx.namePrefix}${name}`, sheetKey, range: rangeOf(row, col, row, col) });
}
