/** `disclose --prior / --strict / --department / --pdf` through main(), as a clerk types them. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { findOffice, findPdfToText, NO_OFFICE } from '../../src/cli/pdf';
import { PRIOR_SAMPLE, SAMPLE } from '../fixtures/make-sample';

const FIX = path.join(__dirname, '..', 'fixtures');
const RSJ = path.join(FIX, 'juluxian-rsj.xlsx');
const SBZX = path.join(FIX, 'juluxian-sbzx.xlsx');

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out, err };
}

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli13-')); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('disclose --prior --strict', () => {
  it('the demo (sample + 说明输入 + last year) leaves nothing to fill: --strict exits 0', async () => {
    const out = path.join(dir, 'demo.xlsx');
    const r = await run(['disclose', SAMPLE, '--prior', PRIOR_SAMPLE, '-o', out, '--strict']);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('公开表中没有待填写的内容。');
    expect(r.out).toContain('上年数取自：323001巨鹿县人力资源和社会保障局本级 2022年');
  });

  it('lists what is missing by 说明输入 key, and --strict exits 1 while any marker remains', async () => {
    const out = path.join(dir, 'strict.xlsx');
    const r = await run(['disclose', RSJ, '-o', out, '--strict']);
    expect(r.code).toBe(1);
    expect(fs.existsSync(out)).toBe(true);
    const text = r.out.join('\n');
    expect(text).toMatch(/还有 \d+ 项待填写：在输入工作簿的“说明输入”工作表中按“项目”填写“内容”后重新生成：/);
    for (const k of ['单位职责', '机构设置', '上年收支总计', '上年三公经费']) expect(r.out).toContain(`  - ${k}`);
    expect(text).toContain('表格中缺少的内容 1 项');
    expect(r.err.join('\n')).toMatch(/--strict：公开表中还有 \d+ 处待填写或待核对/);
    // Without --strict the same package exits 0.
    expect((await run(['disclose', RSJ, '-o', path.join(dir, 'lenient.xlsx')])).code).toBe(0);
  });

  it('rejects a mistyped option with a hint, and --unit with --department', async () => {
    const r = await run(['disclose', RSJ, '-o', path.join(dir, 'x.xlsx'), '--prio', PRIOR_SAMPLE]);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toContain('你是不是想写 --prior');
    const d = await run(['disclose', '--department', '部门', RSJ, '--unit', '本级', '-o', path.join(dir, 'y.xlsx')]);
    expect(d.code).toBe(2);
    expect(d.err.join('\n')).toContain('--unit 与 --department 不能同时使用');
  });
});

describe('disclose --department', () => {
  it('consolidates seed 004\'s two units into a balanced 部门 package', async () => {
    const out = path.join(dir, '部门.xlsx');
    const r = await run(['disclose', '--department', '巨鹿县人力资源和社会保障局', RSJ, SBZX, '-o', out]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('部门“巨鹿县人力资源和社会保障局”由 2 个单位汇总，各表平衡且等于各单位之和：');
    expect(r.out).toContain(`  323001巨鹿县人力资源和社会保障局本级（${RSJ}）收入总计 3889.89`);
    expect(r.out).toContain(`  323003巨鹿县社会保险事业服务中心（${SBZX}）收入总计 481.10`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('表1 收支总表')!.getCell('A1').text).toBe('部门预算收支总表');
    // Refuses to overwrite without --force, like every output.
    expect((await run(['disclose', '--department', '巨鹿县人力资源和社会保障局', RSJ, SBZX, '-o', out])).code).toBe(2);
  });
});

describe('disclose --pdf', () => {
  it('says in Chinese how to install LibreOffice when it is absent, and still writes the workbook', async () => {
    const saved = process.env.SOFFICE;
    process.env.SOFFICE = path.join(dir, 'no-such-soffice');
    try {
      const out = path.join(dir, 'nopdf.xlsx');
      const r = await run(['disclose', RSJ, '-o', out, '--pdf']);
      expect(r.code).toBe(2);
      expect(r.err).toContain(NO_OFFICE);
      expect(fs.existsSync(out)).toBe(true);
      expect(fs.existsSync(path.join(dir, 'nopdf.pdf'))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.SOFFICE;
      else process.env.SOFFICE = saved;
    }
  });

  const withOffice = findOffice() && findPdfToText() ? it : it.skip;
  withOffice('writes the PDF next to the workbook with a numbered 目录', async () => {
    const out = path.join(dir, '公开-pdf.xlsx');
    const r = await run(['disclose', RSJ, '-o', out, '--pdf', '--prior', PRIOR_SAMPLE]);
    expect(r.code).toBe(0);
    expect(r.out.find((l) => l.startsWith('已生成 PDF'))).toMatch(/共 \d+ 页，目录已填页码$/);
    expect(fs.existsSync(path.join(dir, '公开-pdf.pdf'))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const pages: number[] = [];
    wb.getWorksheet('目录')!.eachRow((row, n) => { if (n > 3) pages.push(Number(row.getCell(3).value)); });
    expect(pages.length).toBe(12);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    expect(pages[0]).toBe(2);
  }, 300_000);

  it('refuses to overwrite an existing PDF without --force, before any work', async () => {
    fs.writeFileSync(path.join(dir, 'clash.pdf'), 'old');
    const clash = await run(['disclose', RSJ, '-o', path.join(dir, 'clash.xlsx'), '--pdf']);
    expect(clash.code).toBe(2);
    expect(clash.err.join('\n')).toContain('clash.pdf 已存在');
    expect(fs.existsSync(path.join(dir, 'clash.xlsx'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'clash.pdf'), 'utf8')).toBe('old');
  });
});
