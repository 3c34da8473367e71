/**
 * The task pane in WPS 表格, in a real browser: Chromium drives the harness page whose
 * window carries the WPS double's `wps` object and `Application`, then loads the real
 * task pane entry (src/taskpane/index.tsx) — so its start-up switch picks the WPS port,
 * and every workbook operation goes through ET calls on the double. The four views are
 * driven as in the Excel browser test and each result is checked in the workbook.
 *
 * Without /usr/bin/chromium the suite is skipped (CI installs it; taskpane.test.ts fails there without it).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { browserSuite, launchChromium, watchedPage } from './chromium';
import { detectTables } from '../../src/model/detect';
import { OWNED_SHEET } from '../../src/taskpane/excel';
import { NO_HOST_MESSAGE } from '../../src/taskpane/host';
import { OUT, ROOT, buildHarness } from './build';
import { serveDir, type Served } from './serve';
import { grids, sameCell, perturb } from './scenarios';
import { xlsxToHarness, type HarnessWorkbook } from './workbook-json';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'juluxian-rsj.xlsx');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const suite = browserSuite();

suite('task pane in WPS 表格 (WPS double) in Chromium', () => {
  let served: Served;
  let browser: Browser;
  let base: HarnessWorkbook;
  let perturbed: ReturnType<typeof perturb>;
  const pageErrors: string[] = [];
  const dialogs: string[] = [];
  const pages: Page[] = [];

  beforeAll(async () => {
    await fs.mkdir(ARTIFACTS, { recursive: true });
    await buildHarness();
    base = await xlsxToHarness(FIXTURE);
    perturbed = perturb(base);
    await fs.writeFile(path.join(OUT, 'wps-workbook.json'), JSON.stringify(base));
    await fs.writeFile(path.join(OUT, 'wps-perturbed.json'), JSON.stringify(perturbed.wb));
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

  async function open(query: string): Promise<Page> {
    const page = await watchedPage(browser, { pages, dialogs, pageErrors });
    await page.goto(`${served.url}wps.html?${query}`);
    await page.waitForFunction(() => document.querySelector('[data-app="ready"]') || window.__harness?.error, null, { timeout: 30_000 });
    const err = await page.evaluate(() => window.__harness?.error);
    if (err) throw new Error(`harness: ${err}`);
    return page;
  }

  const shot = async (page: Page, name: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(ARTIFACTS, `wps-taskpane-${name}.png`), fullPage: true });
  };
  const sheetNames = (page: Page) => page.evaluate(() => window.__double!.snapshot().sheets.map((s) => s.name));
  const selection = (page: Page) => page.evaluate(() => window.__double!.snapshot({ view: true }).view?.selection ?? null);
  const calls = (page: Page) => page.evaluate(() => window.__wps!.calls);
  const tab = (page: Page, name: string) => page.getByRole('tab', { name }).click();

  test('start-up: the entry picks the WPS port (no Office.js on the page); without `wps` it says so in Chinese', async () => {
    const page = await open('fixture=wps-workbook');
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe('undefined');
    expect(await calls(page)).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.__wps!.log.some((m) => m === 'Range.Value2'))).toBe(true);

    const bare = await browser.newPage({ locale: 'zh-CN' });
    pages.push(bare);
    bare.on('pageerror', (e) => pageErrors.push(e.message));
    await bare.goto(`${served.url}wps.html?nohost=1`);
    await bare.getByText(NO_HOST_MESSAGE).waitFor();
    await shot(bare, 'no-host');
  });

  test('表格: detects the 巨鹿 tables through ET and binds them all', async () => {
    const page = await open('fixture=wps-workbook');
    const expected = grids(base).flatMap((g) => detectTables(g));
    const rows = page.locator('table[aria-label="检测到的表格"] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(expected.length);
    const texts = await rows.allInnerTexts();
    expected.forEach((t, i) => expect(texts[i]).toContain(`${t.sheet}!${t.range}`));
    // Detection read the workbook in whole ranges: calls grow with sheets, not with cells.
    const n = await calls(page);
    await fs.writeFile(path.join(ARTIFACTS, 'wps-taskpane-calls.json'), JSON.stringify({ sheets: base.sheets.length, callsAtStart: n }));
    expect(n).toBeLessThan(60 * base.sheets.length + 50);
    await page.getByRole('button', { name: /^全部绑定/ }).click();
    await page.getByText(/^已绑定 \d+ 张表/).waitFor();
    for (const t of expected) {
      const f = await page.evaluate((n) => window.__double!.nameFormula(n), `BT.${t.kindName}`);
      expect(f?.replace(/\$/g, '')).toContain(`!${t.range}`);
    }
    await page.getByRole('combobox', { name: '表格' }).click();
    await page.getByRole('option', { name: '支出总表' }).click();
    await page.getByRole('button', { name: '插入' }).click();
    await page.getByText(/已插入空白的支出总表/).waitFor();
    expect(await sheetNames(page)).toContain('支出总表（空白）');
    await shot(page, 'tables');
  });

  test('校验 (the ribbon’s 校验 button: ?view=checks) runs by itself, finds the perturbed amount and jumps to it; pressed again it re-runs', async () => {
    const page = await open('fixture=wps-perturbed&view=checks');
    expect(await page.getByRole('tab', { name: '校验' }).getAttribute('aria-selected')).toBe('true');
    // No click on 运行校验: the ribbon's request ran the checks.
    await page.getByText(/已写入校验报告/).waitFor();
    const f = perturbed.finding;
    const item = page.locator(`li[data-rule="${f.rule}"]`).filter({ hasText: f.message }).first();
    await item.waitFor();
    await page.evaluate(() => void (window.__double!.viewLog = []));
    await item.getByRole('button').first().click();
    await page.waitForFunction(() => window.__double!.viewLog.some((e) => e.action === 'select'));
    expect(sameCell(await selection(page), f.sheet!, f.cell!)).toBe(true);
    expect(await page.evaluate(() => window.__double!.nameFormula('BUDGET.FINDINGS'))).toMatch(/^=_预算助手!\$D\$1:\$G\$\d+$/);
    expect(await page.evaluate((s) => window.__double!.sheet(s).visibility, OWNED_SHEET)).toBe('Hidden');
    await shot(page, 'checks');

    // 校验 pressed again while the pane shows another view: back to 校验, and a fresh report is written.
    await tab(page, '表格');
    const reports = () => page.evaluate(() => window.__wps!.writes().filter((j) => j.kind === 'name' && j.name === 'BUDGET.FINDINGS').length);
    const before = await reports();
    await page.evaluate(() => void window.__wps!.pluginStorage.set('budget-helper.view', `checks@${Date.now()}`));
    await page.waitForFunction(() => document.querySelector('#tab-checks')?.getAttribute('aria-selected') === 'true');
    await page.waitForFunction((n) => window.__wps!.writes().filter((j) => j.kind === 'name' && j.name === 'BUDGET.FINDINGS').length > n, before);
    expect(await reports()).toBe(before + 1);
  });

  test('绩效: a project typed in the form is written as a new sheet and KPI.DATA', async () => {
    const page = await open('fixture=wps-workbook');
    await tab(page, '绩效');
    await page.getByLabel('项目名称').fill('城乡居民养老保险待遇发放');
    await page.getByLabel('预算数（万元）').fill('120');
    await page.getByLabel('其中：财政资金').fill('120');
    const lib = page.getByRole('combobox', { name: /从指标库添加/ });
    await lib.click();
    await lib.fill('发放率');
    await page.getByRole('option').first().click();
    const card = page.locator('[data-indicator="0"]');
    await card.getByLabel('数值').fill('98');
    await card.getByRole('combobox', { name: '单位' }).fill('%');
    const before = await sheetNames(page);
    await page.getByRole('button', { name: '写入工作表' }).click();
    await page.getByText(/已写入新工作表/).waitFor();
    const added = (await sheetNames(page)).filter((n: string) => !before.includes(n) && n !== OWNED_SHEET);
    expect(added).toEqual(['城乡居民养老保险待遇发放绩效目标表']);
    expect(await page.evaluate(() => window.__double!.nameFormula('KPI.DATA'))).toBeDefined();
    await shot(page, 'kpi');
  });

  test('公开 (the ribbon’s 生成公开表: ?view=disclose): generates the sheets; 取消 leaves nothing', async () => {
    const page = await open('fixture=wps-workbook&view=disclose');
    const before = await sheetNames(page);
    await page.getByRole('button', { name: '重新读取单位' }).waitFor();
    await expect(page.getByLabel('预算年度').inputValue()).resolves.toBe('2023');
    await page.getByRole('button', { name: '生成公开表' }).click();
    await page.getByText('已生成公开表').waitFor({ timeout: 30_000 });
    const created = await page.locator('section[aria-label="生成结果"] li button').allInnerTexts();
    expect(created.length).toBeGreaterThanOrEqual(11);
    const after = await sheetNames(page);
    expect(after.length - before.length).toBe(created.length);
    for (const n of created) expect(after).toContain(n);
    await shot(page, 'disclose');

    const slow = await open('fixture=wps-workbook&view=disclose&callDelay=100');
    const names0 = await sheetNames(slow);
    await slow.getByRole('button', { name: '重新读取单位' }).waitFor();
    await slow.getByRole('button', { name: '生成公开表' }).click();
    await slow.getByText(/已生成 [1-9]\d* \//).waitFor({ timeout: 30_000 });
    await slow.getByRole('button', { name: '取消' }).click();
    await slow.getByText('已取消').waitFor({ timeout: 30_000 });
    expect(await sheetNames(slow)).toEqual(names0);
  });
});
