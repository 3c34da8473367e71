/**
 * `--pdf` on the demo package: LibreOffice prints it, the 目录 carries the printed page
 * numbers, every title is on the page the 目录 says (with that page's footer number),
 * and every font is embedded. Runs where LibreOffice and poppler-utils are installed
 * (.ci/run installs them); skipped elsewhere.
 */
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { disclose } from '../../src/cli/disclose';
import { findOffice, findPdfToText, locatePages, writeWithPdf, NO_OFFICE } from '../../src/cli/pdf';
import { SAMPLE } from '../fixtures/make-sample';
import { PRIOR_SAMPLE } from '../fixtures/make-sample';

const office = findOffice();
const tools = office && findPdfToText() && (() => { try { execFileSync('pdffonts', ['-v'], { stdio: 'ignore' }); return true; } catch { return false; } })();
const maybe = tools ? describe : describe.skip;

maybe('the demo package printed to PDF', () => {
  let dir: string;
  let xlsx: string;
  let pdf: string;
  let pages: string[];
  let toc: { title: string; page: number }[];
  let problems: string[];

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pdfpkg-'));
    xlsx = path.join(dir, '公开.xlsx');
    const r = await writeWithPdf((target, p) => disclose(SAMPLE, target, { priorFile: PRIOR_SAMPLE, pages: p }), xlsx);
    pdf = r.pdf;
    problems = r.problems;
    pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet('目录')!;
    toc = [];
    ws.eachRow((row, n) => {
      if (n > 3 && row.getCell(2).text) toc.push({ title: row.getCell(2).text, page: Number(row.getCell(3).value) });
    });
  }, 600_000);

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('is written next to the workbook, with a plausible page count', () => {
    expect(pdf).toBe(path.join(dir, '公开.pdf'));
    // 目录 1, 说明 3–4, nine tables and T10/T11 about 15, eleven 绩效目标表 one or two pages each.
    expect(pages.length).toBeGreaterThanOrEqual(28);
    expect(pages.length).toBeLessThanOrEqual(45);
    expect(problems).toEqual([]);
  });

  it('has a 目录 with page numbers, each title on the page it names, in order', () => {
    expect(toc).toHaveLength(1 + 11 + 11);
    let last = 1;
    for (const e of toc) {
      expect(e.page).toBeGreaterThan(last);
      const text = pages[e.page - 1].replace(/\s+/g, '');
      expect([e.title, text.includes(e.title.replace(/\s+/g, ''))]).toEqual([e.title, true]);
      // The footer of that page prints the same number.
      expect(pages[e.page - 1]).toContain(`第 ${e.page} 页，共 ${pages.length} 页`);
      last = e.page;
    }
  });

  it('embeds every font', () => {
    const lines = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
    expect(lines.length).toBeGreaterThan(0);
    // columns: name type encoding emb sub uni object ID
    for (const l of lines) expect([l, l.trim().split(/\s+/).slice(-5)[0]]).toEqual([l, 'yes']);
  });
});

describe('without LibreOffice', () => {
  it('says in Chinese what to install', async () => {
    await expect(writeWithPdf(async () => ({ plans: [] }), path.join(os.tmpdir(), 'x.xlsx'), null)).rejects.toThrow(NO_OFFICE);
    expect(NO_OFFICE).toMatch(/apt-get install libreoffice-calc-nogui/);
  });

  it('finds no page for a title that is not printed', () => {
    const plan = { sheets: [{ key: '目录', values: [['甲目录']] }], contents: [{ title: '说明', sheetKey: '说明' }, { title: '表一', sheetKey: 'T1' }] };
    const got = locatePages([plan as never], ['甲目录 序号 内容 页码 说明 表一', '说 明 正文', '其他']);
    expect(got).toEqual([[1, 2, null]]);
  });

  it('numbers two units\' packages printed one after the other, each 目录 skipped for its titles', () => {
    const plan = (toc: string, titles: string[]) => ({ sheets: [{ key: 'x:目录', values: [[toc]] }], contents: titles.map((title) => ({ title, sheetKey: title })) });
    const pages = ['甲目录 序号 内容 页码 甲说明 收支总表', '甲说明', '收支总表', '收支总表（续）', '乙目录 序号 内容 页码 乙说明 收支总表', '乙说明 正文', '收支总表'];
    expect(locatePages([plan('甲目录', ['甲说明', '收支总表']), plan('乙目录', ['乙说明', '收支总表'])] as never[], pages)).toEqual([
      [1, 2, 3],
      [5, 6, 7],
    ]);
  });
});
