/** Debian's Chromium for the browser tests: where it is, how it starts, and a page that records what must not happen. */
import { existsSync } from 'fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** `describe`, or `describe.skip` without Chromium — except in CI, where a missing browser is a failing test. */
export function browserSuite(): jest.Describe {
  const have = existsSync(CHROMIUM);
  if (!have && process.env.CI) {
    test('Chromium is installed for the browser test', () => {
      throw new Error(`${CHROMIUM} not found: CI must install Debian's chromium (see .ci/run)`);
    });
  }
  return have ? describe : describe.skip;
}

/** Headless, and nothing that reaches for the network this machine does not have. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
}

/** A pane-sized page whose dialogs and uncaught errors land in the given lists (tests assert both stay empty). */
export async function watchedPage(browser: Browser, sink: { pages: Page[]; dialogs: string[]; pageErrors: string[] }): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 420, height: 900 }, locale: 'zh-CN' });
  sink.pages.push(page);
  page.on('dialog', (d) => {
    sink.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => sink.pageErrors.push(e.message));
  return page;
}
