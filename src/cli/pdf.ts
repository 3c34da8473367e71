/**
 * `--pdf`: the published document, printed from the package workbook by LibreOffice
 * (A4, repeated headers, `第 n 页，共 N 页`, fonts embedded — LibreOffice embeds the
 * subset of every font it uses). The 目录 gets real page numbers in two passes: print
 * once, find the page each title starts on, write the numbers into the 目录 and print
 * again; then check every title is on the page the 目录 says.
 * Nothing here touches the network; LibreOffice runs with a private, temporary profile.
 */
import { execFile } from 'child_process';
import { promises as fs, existsSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import type { DisclosurePlan } from '../model/layout';

const run = promisify(execFile);

/** Chinese message when LibreOffice is absent: what to install, and that the workbook is there. */
export const NO_OFFICE =
  '未找到 LibreOffice（soffice），无法生成 PDF。请安装后重试：Debian/Ubuntu 运行 sudo apt-get install libreoffice-calc-nogui fonts-noto-cjk；' +
  'Windows 从 LibreOffice 官网下载安装（安装后把 soffice.exe 所在目录加入 PATH，或设置环境变量 SOFFICE 指向它）。公开表工作簿已照常生成，也可在 Excel 中“另存为 PDF”。';

const CANDIDATES = [
  '/usr/bin/soffice',
  '/usr/bin/libreoffice',
  '/usr/local/bin/soffice',
  '/opt/libreoffice/program/soffice',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
];

function onPath(names: string[]): string | undefined {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const d of dirs) for (const n of names) {
    const p = path.join(d, n);
    if (existsSync(p)) return p;
  }
  return undefined;
}

/** The soffice executable: $SOFFICE, then PATH, then the usual install places; undefined when absent. */
export function findOffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.SOFFICE) return existsSync(env.SOFFICE) ? env.SOFFICE : undefined;
  return onPath(['soffice', 'libreoffice', 'soffice.exe']) ?? CANDIDATES.find((c) => existsSync(c));
}

/** pdftotext (poppler-utils), used to find the page each title is on; undefined when absent. */
export function findPdfToText(): string | undefined {
  return onPath(['pdftotext', 'pdftotext.exe']);
}

/** Prints `xlsx` to `<outDir>/<same name>.pdf` and returns its path. */
export async function convertToPdf(office: string, xlsx: string, outDir: string): Promise<string> {
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'budget-lo-'));
  try {
    const url = `file://${profile.replace(/\\/g, '/').replace(/^([A-Za-z]):/, '/$1:')}`;
    await run(office, [`-env:UserInstallation=${url}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, xlsx], {
      timeout: 600_000,
      maxBuffer: 8 * 1024 * 1024,
    });
  } catch (e) {
    throw new Error(`LibreOffice 转换 PDF 失败：${(e as Error).message.split('\n')[0]}`);
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
  const pdf = path.join(outDir, `${path.basename(xlsx, path.extname(xlsx))}.pdf`);
  if (!existsSync(pdf)) throw new Error(`LibreOffice 没有生成 ${pdf}`);
  return pdf;
}

/** Text of each page (pdftotext splits pages with form feeds). */
export async function pageTexts(pdftotext: string, pdf: string): Promise<string[]> {
  const { stdout } = await run(pdftotext, ['-layout', '-enc', 'UTF-8', pdf, '-'], { maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
  const pages = stdout.split('\f');
  if (pages.length && !pages[pages.length - 1].trim()) pages.pop();
  return pages;
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Page count of a PDF file (its `/Type /Page` objects). */
export async function pdfPageCount(pdf: string): Promise<number> {
  const buf = await fs.readFile(pdf);
  return (buf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/**
 * The printed page (1-based) of each plan's 目录 and of each of its entries, walking the
 * pages in order: a plan's 目录 is the first page naming its 目录 title, each entry the
 * next page (not a 目录 page) carrying its title. Null where a title was not found.
 */
export function locatePages(plans: DisclosurePlan[], pages: string[]): (number | null)[][] {
  const flat = pages.map(squeeze);
  let cursor = 0;
  return plans.map((plan) => {
    const tocSheet = plan.sheets.find((s) => s.key === '目录' || s.key.endsWith(':目录'));
    const tocTitle = squeeze(String(tocSheet?.values[0]?.[0] ?? ''));
    const isToc = (p: string) => (!!tocTitle && p.includes(tocTitle)) || /序号内容页码/.test(p);
    const toc = flat.findIndex((p, i) => i >= cursor && !!tocTitle && p.includes(tocTitle));
    const out: (number | null)[] = [toc < 0 ? null : toc + 1];
    if (toc >= 0) cursor = toc + 1;
    for (const e of plan.contents) {
      const t = squeeze(e.title);
      const i = flat.findIndex((p, j) => j >= cursor && !isToc(p) && p.includes(t));
      out.push(i < 0 ? null : i + 1);
      if (i >= 0) cursor = i + 1;
    }
    return out;
  });
}

export interface PdfResult {
  pdf: string;
  pages: number;
  /** Page numbers written into each plan's 目录 (目录 itself first); empty when pdftotext is absent. */
  contents: (number | null)[][];
  /** Problems found when checking the printed 目录 (a title not on the page it says). */
  problems: string[];
}

/** Writes the package workbook at `target`, with the given 目录 page numbers per plan. */
export type PackageWriter = (target: string, pages?: (number | null)[][]) => Promise<{ plans: DisclosurePlan[] }>;

/**
 * The package at `outPath` and its PDF next to it (`x.xlsx` → `x.pdf`), the 目录 carrying
 * the printed page numbers. Throws NO_OFFICE (in Chinese) when LibreOffice is absent.
 */
export async function writeWithPdf(write: PackageWriter, outPath: string, office: string | null | undefined = findOffice()): Promise<PdfResult> {
  if (!office) throw new Error(NO_OFFICE);
  const pdftotext = findPdfToText();
  const outDir = path.dirname(path.resolve(outPath));
  const problems: string[] = [];
  if (!pdftotext) {
    await write(outPath);
    const pdf = await convertToPdf(office, outPath, outDir);
    problems.push('未找到 pdftotext（poppler-utils），目录中未填页码；安装 poppler-utils 后重新生成即可。');
    return { pdf, pages: await pdfPageCount(pdf), contents: [], problems };
  }
  // Pass 1: print a draft (目录 without numbers; the same rows, so the same pages) to learn the pages.
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'budget-pdf-'));
  let pages: (number | null)[][];
  try {
    const draftXlsx = path.join(tmp, `${path.basename(outPath, path.extname(outPath))}.xlsx`);
    const draft = await write(draftXlsx);
    const draftPdf = await convertToPdf(office, draftXlsx, tmp);
    pages = locatePages(draft.plans, await pageTexts(pdftotext, draftPdf));
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
  // Pass 2: the real package with the numbers, printed next to it, then checked.
  const final = await write(outPath, pages);
  const pdf = await convertToPdf(office, outPath, outDir);
  const texts = await pageTexts(pdftotext, pdf);
  const again = locatePages(final.plans, texts);
  final.plans.forEach((plan, u) => {
    const titles = ['目录', ...plan.contents.map((c) => c.title)];
    again[u].forEach((p, i) => {
      if (pages[u][i] === null) problems.push(`PDF 中没有找到“${titles[i]}”，目录中未填页码`);
      else if (p !== pages[u][i]) problems.push(`“${titles[i]}”印在第 ${p ?? '?'} 页，目录写的是第 ${pages[u][i]} 页`);
    });
  });
  return { pdf, pages: texts.length, contents: pages, problems };
}
