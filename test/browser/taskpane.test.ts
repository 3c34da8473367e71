/**
 * The task pane in a real browser: Debian Chromium (playwright-core) drives the
 * built harness — the real App over the Excel test double seeded from the 巨鹿
 * fixture. Each test opens a fresh page (a fresh workbook) and checks the result
 * in the double, not only on screen. Screenshots of each view go to test-artifacts/.
 *
 * Without /usr/bin/chromium the suite is skipped, except under CI where that fails.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { browserSuite, launchChromium, watchedPage } from './chromium';
import { detectTables } from '../../src/model/detect';
import type { Finding } from '../../src/model/findings';
import { a1, parseRange } from '../../src/model/address';
import { OWNED_SHEET } from '../../src/taskpane/excel';
import { OUT, ROOT, buildHarness, bundleSizes } from './build';
import { serveDir, type Served } from './serve';
import { grids, sameCell, kpiWorkbook, perturb, XSS, xssWorkbook } from './scenarios';
import { xlsxToHarness, type HarnessWorkbook } from './workbook-json';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'juluxian-rsj.xlsx');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const MAX_INITIAL_JS = 1.5 * 1024 * 1024;

const suite = browserSuite();

suite('task pane in Chromium', () => {
  let served: Served;
  let browser: Browser;
  let base: HarnessWorkbook;
  let perturbed: { wb: HarnessWorkbook; finding: Finding; sheet: string; row: number; col: number; original: unknown };
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const pages: Page[] = [];

  beforeAll(async () => {
    await fs.mkdir(ARTIFACTS, { recursive: true });
    await buildHarness();
    base = await xlsxToHarness(FIXTURE);
    perturbed = perturb(base);
    await fs.writeFile(path.join(OUT, 'workbook.json'), JSON.stringify(base));
    await fs.writeFile(path.join(OUT, 'perturbed.json'), JSON.stringify(perturbed.wb));
    await fs.writeFile(path.join(OUT, 'xss.json'), JSON.stringify(xssWorkbook(base)));
    await fs.writeFile(path.join(OUT, 'kpi.json'), JSON.stringify(kpiWorkbook()));
    served = await serveDir(OUT);
    browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    for (const p of pages) await p.close().catch(() => undefined);
    await browser?.close();
    await served?.close();
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  async function open(fixture: string, query = ''): Promise<Page> {
    const page = await watchedPage(browser, { pages, dialogs, pageErrors });
    await page.goto(`${served.url}?fixture=${fixture}${query}`);
    await page.waitForFunction(() => document.querySelector('[data-app="ready"]') || window.__harness?.error, null, { timeout: 30_000 });
    const err = await page.evaluate(() => window.__harness?.error);
    if (err) throw new Error(`harness: ${err}`);
    return page;
  }

  const shot = async (page: Page, name: string) => {
    // The tab bar is sticky: scroll to the top so a full-page shot shows it where it belongs.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-${name}.png`), fullPage: true });
  };
  const sheetNames = (page: Page) => page.evaluate(() => window.__double!.snapshot().sheets.map((s) => s.name));
  const selection = (page: Page) => page.evaluate(() => window.__double!.snapshot({ view: true }).view?.selection ?? null);
  const clearViewLog = (page: Page) => page.evaluate(() => void (window.__double!.viewLog = []));
  const selected = (page: Page) => page.waitForFunction(() => window.__double!.viewLog.some((e) => e.action === 'select'));
  const tab = (page: Page, name: string) => page.getByRole('tab', { name }).click();

  test('bundle: first-load JS under 1.5 MB, views split into their own chunks', async () => {
    const sizes = await bundleSizes();
    await fs.writeFile(path.join(ARTIFACTS, 'taskpane-bundle.json'), JSON.stringify(sizes, null, 2));
    expect(sizes.initial).toBeLessThan(MAX_INITIAL_JS);
    const names = Object.keys(sizes.files);
    for (const chunk of ['view-checks', 'view-kpi', 'view-disclose']) expect(names.some((n) => n.startsWith(chunk))).toBe(true);
  });

  test('表格: detects the 巨鹿 tables, binds one, inserts a blank template; first render time', async () => {
    const page = await open('workbook');
    const firstRender = await page.evaluate(() => {
      const m = performance.getEntriesByName('taskpane:app-rendered')[0];
      return m ? m.startTime : null;
    });
    expect(firstRender).not.toBeNull();
    await fs.writeFile(path.join(ARTIFACTS, 'taskpane-first-render.json'), JSON.stringify({ ms: firstRender }));

    const expected = grids(base).flatMap((g) => detectTables(g));
    expect(expected.length).toBeGreaterThanOrEqual(9);
    const rows = page.locator('table[aria-label="检测到的表格"] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(expected.length);
    const texts = await rows.allInnerTexts();
    expected.forEach((t, i) => {
      expect(texts[i]).toContain(t.kindName);
      expect(texts[i]).toContain(`${t.sheet}!${t.range}`);
      expect(texts[i]).toContain('未绑定');
    });

    const first = expected[0];
    await rows.nth(0).getByRole('button', { name: /^绑定/ }).click();
    await rows.nth(0).getByText('已绑定').waitFor();
    const bound = await page.evaluate((n) => window.__double!.nameFormula(n), `BT.${first.kindName}`);
    expect(bound?.replace(/\$/g, '')).toMatch(new RegExp(`!${first.range.replace(/\$/g, '')}$`));

    await shot(page, 'tables');

    // 全部绑定: every other kind gets its name (one unit: one table per kind).
    await page.getByRole('button', { name: /^全部绑定/ }).click();
    await page.getByText(/^已绑定 \d+ 张表/).waitFor();
    expect((await rows.allInnerTexts()).filter((x) => x.includes('已绑定'))).toHaveLength(expected.length);
    for (const t of expected) {
      const f = await page.evaluate((n) => window.__double!.nameFormula(n), `BT.${t.kindName}`);
      expect(f?.replace(/\$/g, '')).toContain(`!${t.range}`);
    }

    // A row typed under the 支出总表 grows the table past its name: 范围已变 → 重新绑定.
    const t3 = expected.find((t) => t.kind === 'T3')!;
    const end = parseRange(t3.range)!.end.row;
    const sheet = base.sheets.find((x) => x.name === t3.sheet)!;
    const last = sheet.values[end].map((v) => (typeof v === 'number' ? 0 : v));
    await page.evaluate(([n, at, row]) => window.__double!.setCells(n, at, [row]), [t3.sheet, `A${end + 2}`, last] as const);
    await page.getByRole('button', { name: '重新检测' }).click();
    const t3row = rows.filter({ hasText: `${t3.sheet}!` }).first();
    await t3row.getByText('范围已变').waitFor();
    await t3row.getByRole('button', { name: /^重新绑定/ }).click();
    await t3row.getByText('已绑定').waitFor();
    const rebound = await page.evaluate((n) => window.__double!.nameFormula(n), 'BT.支出总表');
    expect(rebound?.replace(/\$/g, '')).not.toContain(`!${t3.range}`);


    await page.getByRole('combobox', { name: '表格' }).click();
    await page.getByRole('option', { name: '支出总表' }).click();
    await page.getByRole('button', { name: '插入' }).click();
    await page.getByText(/已插入空白的支出总表/).waitFor();
    expect(await sheetNames(page)).toContain('支出总表（空白）');
  });

  test('校验: a perturbed amount is found, clicking it selects the cell; fixing it clears it; warnings can be accepted', async () => {
    const page = await open('perturbed');
    await tab(page, '校验');
    await page.getByRole('button', { name: '运行校验' }).click();
    await page.getByText(/已写入校验报告/).waitFor();

    const f = perturbed.finding;
    const item = page.locator(`li[data-rule="${f.rule}"]`).filter({ hasText: f.message }).first();
    await item.waitFor();
    await clearViewLog(page);
    await item.getByRole('button').first().click();
    await selected(page);
    expect(sameCell(await selection(page), f.sheet!, f.cell!)).toBe(true);

    // Keyboard: focus the location link of the same finding and press Enter.
    await clearViewLog(page);
    await item.getByRole('button').first().focus();
    await page.keyboard.press('Enter');
    await selected(page);
    expect(sameCell(await selection(page), f.sheet!, f.cell!)).toBe(true);

    // The report went to BUDGET.FINDINGS.
    const report = await page.evaluate(() => window.__double!.nameFormula('BUDGET.FINDINGS'));
    expect(report).toBeDefined();

    // Errors cannot be accepted.
    expect(await page.locator('li[data-severity="error"]').getByRole('button', { name: /^接受/ }).count()).toBe(0);

    await shot(page, 'checks');

    // Accept a warning with a reason; it survives a re-run (read back from BUDGET.ACCEPTED) and stops counting as open.
    const warning = page.locator('li[data-severity="warning"]').first();
    const rule = await warning.getAttribute('data-rule');
    expect(rule).toBeTruthy();
    const openBefore = await page.getByText(/^待处理 \d+ 项/).innerText();
    await warning.getByRole('button', { name: /^接受提示/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '接受' }).click();
    await dialog.getByText(/请填写接受理由/).waitFor();
    await dialog.getByRole('textbox').fill('按省厅口径填列，已与财政局核对');
    await dialog.getByRole('button', { name: '接受' }).click();
    const reason = '已接受，理由：按省厅口径填列，已与财政局核对';
    await page.getByText(reason).waitFor();
    expect(await page.evaluate(() => window.__double!.nameFormula('BUDGET.ACCEPTED'))).toBeDefined();
    const openAfter = await page.getByText(/^待处理 \d+ 项/).innerText();
    expect(Number(/\d+/.exec(openAfter)![0])).toBe(Number(/\d+/.exec(openBefore)![0]) - 1);
    await page.getByRole('button', { name: '重新校验' }).click();
    await page.getByText(/已写入校验报告/).waitFor();
    await page.locator(`li[data-rule="${rule}"]`).getByText(reason).first().waitFor();
    await shot(page, 'checks-accepted');

    // Fix the cell in the "workbook" and re-run without reloading: the error is gone.
    await page.evaluate(([s, at, v]) => window.__double!.setCells(s, at, [[v]]), [perturbed.sheet, a1(perturbed.row, perturbed.col), perturbed.original] as const);
    await page.getByRole('button', { name: '重新校验' }).click();
    await page.getByText(/已写入校验报告/).waitFor();
    await expect(page.locator(`li[data-rule="${f.rule}"]`).filter({ hasText: f.message }).count()).resolves.toBe(0);
  });

  test('绩效: a rate given in 人 shows the unit warning inline; the project is written in layout 2 and KPI.DATA', async () => {
    const page = await open('workbook');
    await tab(page, '绩效');
    await page.getByLabel('项目名称').fill('城乡居民养老保险待遇发放');
    await page.getByLabel('预算数（万元）').fill('120');
    await page.getByLabel('其中：财政资金').fill('120');
    const lib = page.getByRole('combobox', { name: /从指标库添加/ });
    await lib.click();
    await lib.fill('发放率');
    await page.getByRole('option').first().click();
    const card = page.locator('[data-indicator="0"]');
    await card.waitFor();
    await card.getByLabel('数值').fill('225816');
    await card.getByRole('combobox', { name: '单位' }).fill('人');
    const unitFinding = card.locator('li[data-rule]').filter({ hasText: '%' });
    await unitFinding.first().waitFor();
    expect(await unitFinding.first().getAttribute('data-severity')).toMatch(/warning|error/);
    await shot(page, 'kpi');

    const before = await sheetNames(page);
    await page.getByRole('button', { name: '写入工作表' }).click();
    await page.getByText(/已写入新工作表/).waitFor();
    const after = await sheetNames(page);
    const added = after.filter((n: string) => !before.includes(n) && n !== OWNED_SHEET);
    expect(added).toEqual(['城乡居民养老保险待遇发放绩效目标表']);
    expect(await page.evaluate(() => window.__double!.nameFormula('KPI.DATA'))).toBeDefined();
  });

  test('绩效: an existing project loads into the form, is fixed and written back over itself', async () => {
    const page = await open('kpi');
    await tab(page, '绩效');
    await page.getByRole('button', { name: '读取工作簿中的绩效目标表' }).click();
    await page.getByRole('combobox', { name: '编辑已有项目' }).click();
    await page.getByRole('option', { name: /就业见习补贴/ }).click();
    await expect(page.getByLabel('项目名称').inputValue()).resolves.toBe('就业见习补贴');
    const card = page.locator('[data-indicator="1"]');
    const unitFinding = card.locator('li[data-rule]').filter({ hasText: '%' }).first();
    await unitFinding.waitFor();
    const unitRule = await unitFinding.getAttribute('data-rule');
    await card.getByLabel('数值').fill('98');
    await card.getByRole('combobox', { name: '单位' }).fill('%');
    await card.locator(`li[data-rule="${unitRule}"]`).waitFor({ state: 'detached' }).catch(async (e) => {
      throw new Error(`${e}\n${await card.innerText()}`);
    });
    await expect(page.getByRole('radio', { name: '覆盖原表' }).isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: '写入工作表' }).click();
    await page.getByText(/已写入/).first().waitFor();
    const cells = await page.evaluate(() => window.__double!.values('绩效目标表', 'A1:F16'));
    const valueCol = cells.find((r) => r[2] === '见习补贴发放率');
    expect(valueCol?.[4]).toBe('≥98%');
    // The rows below the table were not touched.
    expect(cells[15][0]).toBe('下方的其他内容');
  });

  test('公开: one click makes the disclosure sheets with progress; 取消 leaves nothing', async () => {
    const page = await open('workbook');
    const before = await sheetNames(page);
    await tab(page, '公开');
    // The view reads the units when it opens: the year comes from the tables' unit line.
    await page.getByRole('button', { name: '重新读取单位' }).waitFor();
    await expect(page.getByLabel('预算年度').inputValue()).resolves.toBe('2023');
    await page.getByRole('button', { name: '生成公开表' }).click();
    await page.getByText('已生成公开表').waitFor({ timeout: 30_000 });
    const links = page.locator('section[aria-label="生成结果"] li button');
    const created = await links.allInnerTexts();
    expect(created.length).toBeGreaterThanOrEqual(11);
    const after = await sheetNames(page);
    for (const n of created) expect(after).toContain(n);
    expect(after.length - before.length).toBe(created.length);
    await links.nth(2).click();
    await page.waitForFunction((n) => (window.__double!.snapshot({ view: true }).view?.active ?? '') === n, created[2]);
    expect(sameCell(await selection(page), created[2], 'A1')).toBe(true);
    await shot(page, 'disclose');

    // Cancel half-way: the adapter removes what it created.
    const slow = await open('workbook', '&syncDelay=40');
    const names0 = await sheetNames(slow);
    await tab(slow, '公开');
    await slow.getByRole('button', { name: '重新读取单位' }).waitFor();
    await slow.getByRole('button', { name: '生成公开表' }).click();
    await slow.getByText(/已生成 [1-9]\d* \//).waitFor({ timeout: 30_000 });
    await slow.getByRole('button', { name: '取消' }).click();
    await slow.getByText('已取消').waitFor({ timeout: 30_000 });
    expect(await sheetNames(slow)).toEqual(names0);
    await shot(slow, 'disclose-cancelled');
  });

  test('公开: the typed 单位职责 and reasons are kept in the 说明输入 sheet, and read back on the next visit', async () => {
    const page = await open('workbook');
    await tab(page, '公开');
    await page.getByRole('button', { name: '重新读取单位' }).waitFor();
    await page.getByRole('button', { name: '说明文字（选填）' }).click();
    await page.getByLabel('单位职责').fill('负责全县就业和社会保障工作。');
    await page.getByLabel('三公经费增减原因').fill('压减公务接待');
    await page.getByRole('button', { name: '生成公开表' }).click();
    await page.getByText('已生成公开表').waitFor({ timeout: 30_000 });
    await page.getByText(/已保存到“说明输入”工作表/).waitFor();
    const cells = await page.evaluate(() => window.__double!.values('说明输入', 'A1:B20'));
    const rows = new Map(cells.map((r) => [String(r[0]), String(r[1])]));
    expect(rows.get('单位职责')).toBe('负责全县就业和社会保障工作。');
    expect(rows.get('三公经费增减原因')).toBe('压减公务接待');
    // Leaving the view and coming back (a fresh form) fills it from the sheet.
    await tab(page, '表格');
    await tab(page, '公开');
    await page.getByRole('button', { name: '重新读取单位' }).waitFor();
    await page.getByRole('button', { name: '说明文字（选填）' }).click();
    await expect(page.getByLabel('单位职责').inputValue()).resolves.toBe('负责全县就业和社会保障工作。');
  });

  test('cell text is text: a sheet named like an <img> tag shows literally, creates no element, fires no dialog', async () => {
    const page = await open('xss');
    await page.getByText(XSS, { exact: false }).first().waitFor();
    expect(await page.locator('img').count()).toBe(0);
    await tab(page, '校验');
    await page.getByRole('button', { name: '运行校验' }).click();
    await page.getByText(/已写入校验报告/).waitFor();
    expect(await page.getByText(XSS, { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.locator('img').count()).toBe(0);
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    await shot(page, 'xss');
  });

  // The pane under each client profile of the double (requirement sets of that Excel): it says
  // in Chinese what this Excel cannot do and does the rest (detect, check + report).
  const PROFILE_CASES: [string, RegExp | null, boolean][] = [
    ['excel2016-volume', /识别表格需要 Excel 2019 或更新版本/, false],
    ['excel2019-volume', /下拉列表需要较新版本的 Excel（ExcelApi 1\.8）.*打印设置需要较新版本的 Excel.*工作表函数/, true],
    ['excel2019-retail', /^(?!.*下拉列表).*工作表函数（BUDGET\.CHECKSUM、KPI\.VALIDATE 等）需要/, true],
    ['excel2021', null, true],
    ['microsoft365', null, true],
    ['web', null, true],
  ];
  for (const [profile, notice, works] of PROFILE_CASES) {
    test(`profile ${profile}: the pane names what this Excel lacks and runs the rest`, async () => {
      const page = await open('workbook', `&profile=${profile}`);
      const banner = page.locator('[data-capabilities="missing"]');
      if (notice) {
        await banner.waitFor();
        expect((await banner.innerText()).replace(/\s+/g, ' ')).toMatch(notice);
      } else {
        expect(await banner.count()).toBe(0);
      }
      const expected = grids(base).flatMap((g) => detectTables(g));
      const rows = page.locator('table[aria-label="检测到的表格"] tbody tr');
      if (works) {
        await rows.first().waitFor();
        expect(await rows.count()).toBe(expected.length);
        await tab(page, '校验');
        await page.getByRole('button', { name: '运行校验' }).click();
        await page.getByText(/已写入校验报告/).waitFor();
        expect(await page.evaluate(() => window.__double!.nameFormula('BUDGET.FINDINGS'))).toBeDefined();
      } else {
        await page.getByText(/识别表格需要 Excel 2019 或更新版本/).nth(1).waitFor();
        expect(await rows.count()).toBe(0);
        expect(await sheetNames(page)).toEqual(base.sheets.map((x) => x.name));
      }
      if (profile === 'excel2019-volume') await shot(page, `profile-${profile}`);
    });
  }
});
