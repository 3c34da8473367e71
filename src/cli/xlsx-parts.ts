/**
 * The parts of an .xlsx package the checker needs, read straight from the zip with a
 * SAX parser: the workbook's sheet list (order, names, visibility), shared strings,
 * number formats, and each sheet's cells and merges streamed row by row. Nothing of
 * styling is kept, so memory follows the cells that hold content.
 * (ExcelJS's whole-workbook reader builds an object per styled cell; its streaming
 * reader depends on the order of zip entries and on `sheetN.xml` names.)
 */
import JSZip from 'jszip';
import { SaxesParser, type SaxesTagPlain } from 'saxes';

export interface SheetEntry {
  name: string;
  /** Zip path of the sheet part. */
  path: string;
  state: 'visible' | 'hidden' | 'veryHidden';
}

export interface PackageInfo {
  sheets: SheetEntry[];
  sharedStrings: string[];
  /** Number format code per cell style index (`s` attribute). */
  styleFormats: string[];
  date1904: boolean;
}

/** One cell as the sheet part states it. */
export interface RawCell {
  row: number;
  col: number;
  /** Cell type attribute: s, str, inlineStr, b, e, n (default), d. */
  t: string;
  style: number;
  value: string | null;
  formula: string | null;
  /** `<f t="shared" si=…>` child without text. */
  sharedFormula: boolean;
}

const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'yyyy/m/d', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'yyyy/m/d h:mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
  // East Asian built-ins (zh-CN): dates.
  27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: 'm-d-yy', 31: 'yyyy"年"m"月"d"日"', 32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"', 35: '上午/下午h"时"mm"分"ss"秒"', 36: 'yyyy"年"m"月"', 50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"', 54: 'm"月"d"日"', 55: '上午/下午h"时"mm"分"', 56: '上午/下午h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};

/** A number format that shows a date or time (quoted text and [colour] sections ignored). */
export function isDateFormat(fmt: string): boolean {
  if (!fmt || fmt === 'General') return false;
  const bare = fmt.replace(/"[^"]*"/g, '').replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, '').replace(/\\./g, '');
  return /[dmyhs]/i.test(bare.replace(/E[+-]/gi, ''));
}

/** Excel serial date → JS Date (UTC midnight based), as ExcelJS and Office show it. */
export function serialToDate(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.round(serial * 86400000));
}

/** Tag name without a namespace prefix (`x:c` → `c`). */
function ln(node: { name: string }): string {
  const i = node.name.indexOf(':');
  return i < 0 ? node.name : node.name.slice(i + 1);
}

function attr(node: SaxesTagPlain, name: string): string | undefined {
  const v = node.attributes[name];
  return typeof v === 'string' ? v : undefined;
}

interface ZipStream {
  on(ev: 'data', f: (chunk: Uint8Array) => void): ZipStream;
  on(ev: 'error', f: (e: Error) => void): ZipStream;
  on(ev: 'end', f: () => void): ZipStream;
  pause(): ZipStream;
  resume(): ZipStream;
}

/** Feeds a zip part to a SAX parser in chunks (a 60 MB sheet is never one string). */
async function parsePart(zip: JSZip, path: string, on: (p: SaxesParser) => void): Promise<boolean> {
  const file = zip.file(path);
  if (!file) return false;
  const parser = new SaxesParser();
  on(parser);
  let failure: Error | null = null;
  parser.on('error', (e) => {
    failure ??= e;
  });
  const decoder = new TextDecoder('utf-8');
  await new Promise<void>((resolve, reject) => {
    // internalStream (untyped in index.d.ts) emits raw chunks without Node's stream wrapper.
    const stream = (file as unknown as { internalStream(t: string): ZipStream }).internalStream('uint8array');
    stream
      .on('data', (chunk: Uint8Array) => {
        if (failure) return;
        try {
          parser.write(decoder.decode(chunk, { stream: true }));
        } catch (e) {
          failure ??= e as Error;
        }
        if (failure) {
          stream.pause();
          reject(failure);
        }
      })
      .on('error', (e: Error) => reject(e))
      .on('end', () => {
        try {
          parser.write(decoder.decode());
          parser.close();
        } catch (e) {
          failure ??= e as Error;
        }
        if (failure) reject(failure);
        else resolve();
      })
      .resume();
  });
  return true;
}

/** Resolves a relationship target against the folder of the part that refers to it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** Zip path of the workbook part, from the package relationships (`xl/workbook.xml` usually). */
async function workbookPath(zip: JSZip): Promise<string | null> {
  let found: string | null = null;
  await parsePart(zip, '_rels/.rels', (p) =>
    p.on('opentag', (n) => {
      if (ln(n) === 'Relationship' && /\/officeDocument$/.test(attr(n, 'Type') ?? '')) found ??= resolveTarget('', attr(n, 'Target') ?? '');
    }),
  );
  if (found && zip.file(found)) return found;
  return zip.file('xl/workbook.xml') ? 'xl/workbook.xml' : null;
}

/** Reads the workbook's sheet list, shared strings and number formats. */
export async function readPackage(zip: JSZip): Promise<PackageInfo | null> {
  const wbPath = await workbookPath(zip);
  if (!wbPath) return null;
  const relsPath = `${wbPath.replace(/[^/]+$/, '')}_rels/${wbPath.split('/').pop()}.rels`;
  const rels = new Map<string, { target: string; type: string }>();
  await parsePart(zip, relsPath, (p) =>
    p.on('opentag', (n) => {
      if (ln(n) === 'Relationship') rels.set(attr(n, 'Id') ?? '', { target: resolveTarget(wbPath, attr(n, 'Target') ?? ''), type: attr(n, 'Type') ?? '' });
    }),
  );
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  await parsePart(zip, wbPath, (p) =>
    p.on('opentag', (n) => {
      if (ln(n) === 'workbookPr') date1904 = /^(1|true)$/.test(attr(n, 'date1904') ?? '');
      if (ln(n) !== 'sheet') return;
      const rid = Object.entries(n.attributes).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1] as string | undefined;
      const rel = rid ? rels.get(rid) : undefined;
      // Chartsheets and dialog sheets hold no cells.
      if (!rel || !/\/worksheet$/.test(rel.type)) return;
      const state = attr(n, 'state');
      sheets.push({ name: attr(n, 'name') ?? '', path: rel.target, state: state === 'hidden' || state === 'veryHidden' ? state : 'visible' });
    }),
  );
  const typeOf = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target;
  const sharedStrings: string[] = [];
  const ssPath = typeOf('/sharedStrings');
  if (ssPath) {
    let cur: string | null = null;
    let inT = false;
    let skip = 0; // phonetic runs (<rPh>) are not part of the text
    await parsePart(zip, ssPath, (p) => {
      p.on('opentag', (n) => {
        if (ln(n) === 'si') cur = '';
        else if (ln(n) === 'rPh') skip++;
        else if (ln(n) === 't' && !skip) inT = true;
      });
      p.on('text', (t) => {
        if (inT && cur !== null) cur += t;
      });
      p.on('closetag', (n) => {
        if (ln(n) === 't') inT = false;
        else if (ln(n) === 'rPh') skip--;
        else if (ln(n) === 'si') {
          sharedStrings.push(cur ?? '');
          cur = null;
        }
      });
    });
  }
  const styleFormats: string[] = [];
  const stylesPath = typeOf('/styles');
  if (stylesPath) {
    const custom = new Map<number, string>();
    let inXfs = false;
    await parsePart(zip, stylesPath, (p) => {
      p.on('opentag', (n) => {
        if (ln(n) === 'numFmt') custom.set(Number(attr(n, 'numFmtId')), attr(n, 'formatCode') ?? 'General');
        else if (ln(n) === 'cellXfs') inXfs = true;
        else if (ln(n) === 'xf' && inXfs) {
          const id = Number(attr(n, 'numFmtId') ?? 0);
          styleFormats.push(custom.get(id) ?? BUILTIN_FORMATS[id] ?? 'General');
        }
      });
      p.on('closetag', (n) => {
        if (ln(n) === 'cellXfs') inXfs = false;
      });
    });
  }
  return { sheets, sharedStrings, styleFormats, date1904 };
}

const CELL_REF = /^([A-Z]{1,3})(\d{1,7})$/;

function colOf(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

/**
 * Streams one sheet part: `onCell` for every `<c>` that has a value or a formula
 * (style-only cells are skipped), `onMerge` for every merged range (`A1:C2`).
 */
export async function readSheetPart(zip: JSZip, path: string, onCell: (c: RawCell) => void, onMerge: (range: string) => void): Promise<boolean> {
  let rowNo = 0;
  let nextCol = 0;
  let cell: RawCell | null = null;
  let text: 'v' | 'f' | 't' | null = null;
  let inIs = false;
  let skip = 0;
  return parsePart(zip, path, (p) => {
    p.on('opentag', (n) => {
      switch (ln(n)) {
        case 'row': {
          const r = Number(attr(n, 'r'));
          rowNo = Number.isFinite(r) && r > 0 ? r - 1 : rowNo + 1;
          nextCol = 0;
          break;
        }
        case 'c': {
          const m = CELL_REF.exec(attr(n, 'r') ?? '');
          const col = m ? colOf(m[1]) : nextCol;
          const row = m ? Number(m[2]) - 1 : rowNo;
          nextCol = col + 1;
          cell = { row, col, t: attr(n, 't') ?? 'n', style: Number(attr(n, 's') ?? 0), value: null, formula: null, sharedFormula: false };
          break;
        }
        case 'v':
          if (cell) {
            text = 'v';
            cell.value ??= '';
          }
          break;
        case 'f':
          if (cell) {
            text = 'f';
            cell.formula ??= '';
            if (attr(n, 't') === 'shared') cell.sharedFormula = true;
          }
          break;
        case 'is':
          inIs = true;
          if (cell) cell.value ??= '';
          break;
        case 'rPh':
          skip++;
          break;
        case 't':
          if (cell && inIs && !skip) text = 't';
          break;
        case 'mergeCell': {
          const ref = attr(n, 'ref');
          if (ref) onMerge(ref);
          break;
        }
      }
    });
    p.on('text', (t) => {
      if (!cell || !text) return;
      if (text === 'f') cell.formula += t;
      else cell.value += t;
    });
    p.on('closetag', (n) => {
      switch (ln(n)) {
        case 'v':
        case 'f':
        case 't':
          text = null;
          break;
        case 'is':
          inIs = false;
          break;
        case 'rPh':
          skip--;
          break;
        case 'c':
          if (cell && (cell.value !== null || cell.formula !== null)) onCell(cell);
          cell = null;
          break;
      }
    });
  });
}
