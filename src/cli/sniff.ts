/**
 * What a file really is, from its first bytes, so that every file the CLI cannot read
 * gets a Chinese message naming the file and what to do — not a zip library's English.
 */
import * as fs from 'fs';

export type FileKind = 'xlsx' | 'xls' | 'encrypted' | 'cfb' | 'csv' | 'html' | 'xml' | 'empty' | 'unknown';

export class ReadError extends Error {}

/** Biggest file read whole (a 200,000-row export is ~8 MB). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const utf16 = (s: string) => Buffer.from(s, 'utf16le');
// Directory entries of an OLE compound file: an encrypted OOXML package, or a BIFF workbook.
const ENCRYPTED = [utf16('EncryptedPackage'), utf16('EncryptionInfo')];
const BIFF = [utf16('Workbook'), utf16('Book')];

/** Classifies a file by content (the name's extension is not trusted). */
export function sniff(head: Buffer, whole?: Buffer): FileKind {
  if (head.length === 0) return 'empty';
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5 || head[2] === 7)) return 'xlsx';
  if (head.length >= 8 && head.subarray(0, 8).equals(CFB)) {
    const body = whole ?? head;
    if (ENCRYPTED.some((n) => body.includes(n))) return 'encrypted';
    if (BIFF.some((n) => body.includes(n))) return 'xls';
    return 'cfb';
  }
  let text = head.toString('utf8', 0, Math.min(head.length, 2048));
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const t = text.trimStart().toLowerCase();
  if (/^<(!doctype html|html|table|meta|head|body)/.test(t) || /<table[\s>]/.test(t)) return 'html';
  if (t.startsWith('<?xml') || t.startsWith('<workbook')) return 'xml';
  // Printable text with line breaks and separators: CSV or TSV.
  const sample = head.subarray(0, Math.min(head.length, 4096));
  const binary = sample.some((b) => b === 0 || (b < 0x09) || (b > 0x0d && b < 0x20 && b !== 0x1b));
  if (!binary && /[,\t;，]/.test(text)) return 'csv';
  return 'unknown';
}

/** What to do about a file the CLI cannot read, in Chinese, naming the file. */
export function cannotReadMessage(file: string, kind: FileKind): string {
  switch (kind) {
    case 'xls':
      return `${file} 是旧版 Excel 97-2003 工作簿（.xls）：请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿（.xlsx）后再检查`;
    case 'encrypted':
      return `${file} 设置了打开密码（已加密）：请在 Excel 或 WPS 中打开，去掉密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）并保存后再检查`;
    case 'cfb':
      return `${file} 是 Office 复合文档，但不是 Excel 工作簿：请确认文件，或在 Excel/WPS 中另存为 .xlsx`;
    case 'csv':
      return `${file} 是 CSV/文本文件，没有合并单元格和格式，读不出表格结构：请在 Excel 或 WPS 中打开原表并另存为 .xlsx`;
    case 'html':
      return `${file} 是网页（HTML）格式，只是扩展名像 Excel（有些系统这样导出）：请在 Excel 或 WPS 中打开并另存为 .xlsx`;
    case 'xml':
      return `${file} 是 XML 表格（Excel 2003 XML 等）：请在 Excel 或 WPS 中打开并另存为 .xlsx`;
    case 'empty':
      return `${file} 是空文件（0 字节）：可能没有保存完整或下载失败，请重新保存或重新下载`;
    default:
      return `${file} 不是 Excel 工作簿（.xlsx）：请确认选对了文件；如是其他格式，请在 Excel 或 WPS 中另存为 .xlsx`;
  }
}

/** Reads a file whole, with Chinese messages for the usual ways this fails. */
export function readFileChecked(file: string): Buffer {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ReadError(`找不到文件 ${file}：请检查文件名和路径`);
    if (code === 'EACCES' || code === 'EPERM') throw new ReadError(`没有权限读取 ${file}`);
    throw new ReadError(`无法读取 ${file}：${(e as Error).message}`);
  }
  if (st.isDirectory()) throw new ReadError(`${file} 是一个文件夹，不是工作簿：请给出 .xlsx 文件`);
  if (st.size > MAX_FILE_BYTES) throw new ReadError(`${file} 有 ${Math.round(st.size / 1048576)} MB，超过本工具能读的 ${MAX_FILE_BYTES / 1048576} MB`);
  try {
    return fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw new ReadError(`没有权限读取 ${file}`);
    if (code === 'EBUSY') throw new ReadError(`${file} 正被其他程序占用：请关闭后重试`);
    throw new ReadError(`无法读取 ${file}：${(e as Error).message}`);
  }
}
