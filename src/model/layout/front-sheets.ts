/** The 目录 sheet and the 公开情况说明 sheet (one paragraph per row, merged across the page). */
import type { CellStyle, SheetPlan } from '../plan';
import type { Narrative } from '../narrative/types';
import { isPending } from '../narrative';
import { finish, writeTitle, writeUnitLine, type LayoutContext } from './frame';
import { SheetBuilder, LINE_HEIGHT } from './grid';
import { HEAD, PORTRAIT, SEQ, TEXT, TITLE, TODO } from './styles';

export interface ContentsEntry {
  title: string;
  sheet: string;
  /** Printed page the entry starts on (known once the package has been printed). */
  page?: number;
}

/** 目录: 序号, 内容, 页码 — page numbers as printed (blank until the PDF has been laid out). */
export function contentsSheet(entries: ContentsEntry[], ctx: LayoutContext): SheetPlan {
  const b = new SheetBuilder('目录', '目录', [8, 72, 10]);
  writeTitle(b, `${ctx.unitName}${ctx.year}年${ctx.level ?? '单位'}预算公开目录`);
  writeUnitLine(b, ctx.unitText, []);
  const h = b.row(['序号', '内容', '页码']);
  b.style(h, 0, h, 2, HEAD);
  b.height(h, 20);
  const first = b.next;
  entries.forEach((e, i) => b.row([i + 1, e.title, e.page ?? null]));
  const last = b.next - 1;
  if (last >= first) {
    b.style(first, 0, last, 0, SEQ);
    b.style(first, 1, last, 1, TEXT);
    b.style(first, 2, last, 2, { ...SEQ, numberFormat: '0' });
    for (let r = first; r <= last; r++) b.fitRow(r, new Map([[1, 72]]));
  }
  const sheet = finish(b, null, PORTRAIT);
  sheet.page.printTitleRows = `$${h}:$${h}`;
  return sheet;
}

const COLS = 8;
const COL_WIDTH = 11;
/** Body paragraphs are indented two full-width spaces, as in the printed 说明. */
const INDENT = '　　';
const SUBHEAD = /^（[一二三四五六七八九十]+）/;

export function narrativeSheet(n: Narrative): SheetPlan {
  const b = new SheetBuilder('说明', '公开情况说明', new Array(COLS).fill(COL_WIDTH));
  const full = b.span(0, COLS - 1);
  const para = (text: string, style: CellStyle, lineHeight = LINE_HEIGHT + 3) => {
    const r = b.row([text]);
    b.merge(r, 0, r, COLS - 1);
    b.style(r, 0, r, COLS - 1, style);
    // Full-width text is measured a little generously so no line is cut off in print.
    b.fitRow(r, new Map([[0, full - 2]]), lineHeight, style.fontSize ?? 11);
    if (isPending(text)) b.style(r, 0, r, COLS - 1, TODO);
    return r;
  };
  const t = b.row([n.title]);
  b.merge(t, 0, t, COLS - 1);
  b.style(t, 0, t, COLS - 1, { ...TITLE, wrap: true });
  b.fitRow(t, new Map([[0, full]]), 24, 16);
  para(INDENT + n.intro, { wrap: true, vAlign: 'top', fontSize: 11 });
  for (const s of n.sections) {
    para(s.heading, { bold: true, fontSize: 12, vAlign: 'middle' }, LINE_HEIGHT + 6);
    for (const p of s.paragraphs) {
      const sub = SUBHEAD.test(p);
      para(sub ? p : INDENT + p, { wrap: true, vAlign: 'top', fontSize: 11, bold: sub });
    }
  }
  return finish(b, null, PORTRAIT);
}
