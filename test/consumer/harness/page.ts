import type { Browser, Page } from 'playwright-core';
import type { PageCheck } from './checks';

/** A page of an app in Chromium with what it logged: console errors, page errors, hydration notes. */
export interface WatchedPage {
  readonly page: Page;
  readonly problems: string[];
}

/** Opens `url` in a fresh page, recording console errors, uncaught errors and hydration messages. */
export async function openPage(browser: Browser, url: string): Promise<WatchedPage> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /hydrat/i.test(m.text()))
      problems.push(`console ${m.type()}: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(url);
  return { page, problems };
}

/** Waits until the check holds in the page; on timeout, fails with the HTML of what it looked at. */
export async function untilInPage(page: Page, what: string, check: PageCheck): Promise<void> {
  try {
    await page.waitForFunction(check.ok, undefined, { timeout: 20_000, polling: 50 });
  } catch {
    const html = await page
      .evaluate(
        (selector) =>
          [...document.querySelectorAll(selector)].map((e) => e.outerHTML).join('\n') ||
          `(no ${selector} in the page)`,
        check.show,
      )
      .catch(() => '(page gone)');
    throw new Error(`${what}: not seen within 20 s. ${check.show} is:\n${html.slice(0, 3000)}`);
  }
}
