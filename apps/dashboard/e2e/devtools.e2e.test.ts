import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '@ssekit/testing';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  buildApp,
  type MockProcess,
  startMockProcess,
  startPreview,
  waitFor,
} from './harness';

// The streams panel of `@ssekit/devtools` on the built dashboards (`vite build` + `vite
// preview`, as in dashboard.e2e.test.ts) in Debian's Chromium. The default entry leaves the
// panel out of a production build; `?devtools` loads it from `@ssekit/devtools/production`.
// SCREENSHOTS=1 writes the devtools README's pictures into packages/devtools/docs.

/** Strings only the panel's code has. */
const PANEL = ['Simulate drop', 'Pause delivery', 'Events, newest first'];
const docs = fileURLToPath(new URL('../../../packages/devtools/docs/', import.meta.url));

let mock: MockProcess;
let app: Awaited<ReturnType<typeof buildApp>>;
let preview: Awaited<ReturnType<typeof startPreview>>;
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  mock = await startMockProcess();
  [app, browser] = await Promise.all([buildApp(mock.url), chromium.launch(chromiumLaunchOptions)]);
  preview = await startPreview(app.outDir);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  await mock?.kill();
  await app?.remove();
  expect(pageErrors).toEqual([]);
});

/** Opens a dashboard; records the JavaScript the page loads. */
async function open(path: string): Promise<{ page: Page; scripts: Promise<string>[] }> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const scripts: Promise<string>[] = [];
  page.on('pageerror', (error) => pageErrors.push(`${path}: ${error.message}`));
  page.on('response', (res) => {
    if (res.url().endsWith('.js')) scripts.push(res.text());
  });
  await page.goto(`${preview.url}${path}`);
  return { page, scripts };
}

/** The count of events of the selected stream, as the panel shows it. */
async function shownEvents(page: Page): Promise<number> {
  const text = await page.locator('[data-fact="Events"]').textContent();
  return Number.parseInt(text ?? '', 10);
}

describe('devtools on the dashboards', () => {
  it('a production build leaves the panel out of the app’s code; only the lazy chunk has it', async () => {
    const html = await readFile(join(app.outDir, 'index.html'), 'utf8');
    const entry = /<script type="module"[^>]* src="\/([^"]+)"/.exec(html)?.[1];
    expect(entry).toBeTruthy();
    const main = await readFile(join(app.outDir, entry!), 'utf8');
    expect(PANEL.filter((s) => main.includes(s))).toEqual([]);
    const chunks = (await readdir(join(app.outDir, 'assets'))).filter((f) => f.endsWith('.js'));
    const withPanel: string[] = [];
    for (const file of chunks) {
      const code = await readFile(join(app.outDir, 'assets', file), 'utf8');
      if (PANEL.every((s) => code.includes(s))) withPanel.push(`assets/${file}`);
    }
    expect(withPanel).toHaveLength(1);
    expect(withPanel[0]).not.toBe(entry);

    // Without the flag the page neither shows the panel nor loads its code.
    const { page, scripts } = await open('#/markets');
    await page.locator('[data-testid="quotes-feed"][data-status="open"]').waitFor();
    expect(await page.getByRole('button', { name: /SSE streams/ }).count()).toBe(0);
    const loaded = await Promise.all(scripts);
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((code) => code.includes('Simulate drop'))).toEqual([]);
    await page.context().close();
  });

  it('?devtools: the panel lists the dashboard’s streams, shows events, a drop and the reconnect', async () => {
    const { page } = await open('?devtools#/markets');
    // Keyboard: the corner button opens the panel.
    const toggle = page.getByRole('button', { name: /^SSE streams \(\d+\)$/ });
    await waitFor(
      async () => Number(/\((\d+)\)/.exec((await toggle.textContent()) ?? '')?.[1]) >= 2,
      'the dashboard’s streams',
    );
    await toggle.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: 'SSE streams' });
    const streams = panel.getByRole('navigation', { name: 'Streams' }).getByRole('button');
    // The markets dashboard's streams: the ticker strip, the watchlist's quotes, notifications.
    await waitFor(async () => {
      const urls = await streams.allTextContents();
      return (
        urls.some((u) => u.includes(`GET ${mock.url}/sse/ticker?symbols=`)) &&
        urls.some((u) => u.includes(`GET ${mock.url}/sse/notifications`))
      );
    }, 'the ticker and notifications streams listed');

    await streams.filter({ hasText: '/sse/ticker?symbols=AAPL' }).click();
    await expect.poll(() => page.locator('[data-fact="Transport"]').textContent()).toBe('fetch');
    const events = panel.getByRole('list', { name: 'Events, newest first' }).getByRole('button');
    await waitFor(async () => (await events.count()) >= 5, 'events in the panel');
    expect(await events.first().textContent()).toContain('quote');
    const before = await shownEvents(page);
    await waitFor(async () => (await shownEvents(page)) > before, 'more events');

    await panel.getByRole('button', { name: 'Simulate drop' }).click();
    const history = page.locator('.ssekit-dt-history');
    await waitFor(
      async () => /reconnecting \(attempt 1/.test((await history.textContent()) ?? ''),
      'reconnecting in the history',
    );
    await waitFor(
      async () => /open$/.test((await history.locator('li').first().textContent()) ?? ''),
      'open again',
    );
    const resumed = await shownEvents(page);
    await waitFor(async () => (await shownEvents(page)) > resumed, 'events after the reconnect');
    // The dashboard saw it too, and streams again.
    await page.locator('[data-testid="quotes-feed"][data-status="open"]').waitFor();

    for (const theme of ['light', 'dark'] as const) {
      await page.getByLabel('Theme').selectOption(theme);
      await page.locator(`.ssekit-dt-dock[data-theme="${theme}"]`).waitFor();
      await events.first().click();
      expect(await axeViolations(page)).toEqual([]);
      if (process.env.SCREENSHOTS === '1') {
        await page.locator('.ssekit-dt-details').evaluate((el) => el.scrollTo(0, 0));
        await page.screenshot({ path: join(docs, `dashboard-${theme}.png`) });
      }
    }
    // Escape closes the panel and gives the focus back to its button.
    await page.keyboard.press('Escape');
    await waitFor(
      () => page.evaluate(() => document.activeElement?.textContent?.startsWith('SSE streams')),
      'focus back on the button',
    );
    await page.context().close();
  });
});
