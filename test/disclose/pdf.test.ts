/**
 * Looks at the package as a reader of the published PDF would: LibreOffice prints
 * the .xlsx, and the pages must be few, one page wide, with the header repeated.
 * Runs only where LibreOffice is installed (`apt-get install libreoffice-calc poppler-utils`).
 */
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildDisclosurePlan } from '../../src/model/layout';
import { writePlanToFile } from '../../src/cli/write-plan';
import { seedTables, UNIT, YEAR } from './seed004';
import { employmentProject, personnelProject } from './projects';

function which(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const office = ['libreoffice', 'soffice'].find(which);
const maybe = office ? describe : describe.skip;

maybe('the package printed to PDF by LibreOffice', () => {
  let dir: string;
  let pdf: Buffer;
  let pages: string[] = [];

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pdf-'));
    const plan = buildDisclosurePlan({ unit: UNIT, year: YEAR, tables: seedTables(), projects: [personnelProject(), employmentProject()] });
    const xlsx = path.join(dir, 'package.xlsx');
    await writePlanToFile(plan, xlsx);
    // A private profile so a running LibreOffice (or a parallel test) does not block the conversion.
    execFileSync(office!, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], { stdio: 'ignore', timeout: 180_000 });
    pdf = await fs.readFile(path.join(dir, 'package.pdf'));
    if (which('pdftotext')) {
      const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'package.pdf'), '-'], { encoding: 'utf8' });
      pages = text.split('\f').filter((p) => p.trim());
    }
  }, 200_000);

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('has a page count in the expected range (each table one page wide)', () => {
    const count = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    // 目录 1, 说明 2, T1–T11 15 (T1, T3, T4, T5 run to a second page), 2 绩效目标表: about 20.
    expect(count).toBeGreaterThanOrEqual(16);
    expect(count).toBeLessThanOrEqual(24);
  });

  const withText = which('pdftotext') ? it : it.skip;

  withText('prints every column of the widest table on one page and repeats the header on continuation pages', () => {
    const tables = pages.slice(1); // page 1 is the 目录, which names every table
    const t2 = tables.filter((p) => p.includes('单位预算收入总表'));
    expect(t2).toHaveLength(1);
    for (const h of ['科目编码', '上年结转', '财政拨款收入', '附属单位', '其他收入', '3889.89', '2210201']) expect(t2[0]).toContain(h);
    // T1 spans two pages: the second repeats the unit line and the column headers, not the title.
    const i = tables.findIndex((p) => p.includes('单位预算收支总表'));
    expect(tables[i]).toContain('一、一般公共预算拨款收入');
    expect(tables[i + 1]).toContain('323001巨鹿县人力资源和社会保障局本级');
    expect(tables[i + 1]).toContain('栏次');
    expect(tables[i + 1]).not.toContain('单位预算收支总表');
    expect(tables[i + 1]).toContain('支出总计');
    // Page footers number the pages.
    expect(pages[0]).toMatch(/第 1 页，共 \d+ 页/);
  });
});
