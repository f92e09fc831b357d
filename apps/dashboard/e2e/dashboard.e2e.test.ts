import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchOptions } from '@ssekit/testing';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  appDir,
  axeViolations,
  buildApp,
  type MockProcess,
  openStreams,
  scrollsSideways,
  startMockProcess,
  startPreview,
  waitFor,
} from './harness';

// The built app (`vite build` + `vite preview`) against the standalone mock server in a child
// process (so it can be SIGKILLed), in Debian's Chromium. SCREENSHOTS=1 writes the README's
// screenshots into apps/dashboard/screenshots; otherwise they go to a temporary folder.

let mock: MockProcess;
let app: Awaited<ReturnType<typeof buildApp>>;
let preview: Awaited<ReturnType<typeof startPreview>>;
let browser: Browser;
let shots: string;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  mock = await startMockProcess();
  [app, browser] = await Promise.all([buildApp(mock.url), chromium.launch(chromiumLaunchOptions)]);
  preview = await startPreview(app.outDir);
  shots =
    process.env.SCREENSHOTS === '1'
      ? join(appDir, 'screenshots')
      : await mkdtemp(join(tmpdir(), 'ssekit-shots-'));
  await mkdir(shots, { recursive: true });
}, 120_000);

afterEach(async () => {
  // Each test's pages close with it, so their streams do not count in the next test.
  for (const context of contexts.splice(0)) await context.close();
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  await mock?.kill();
  await app?.remove();
  expect(pageErrors).toEqual([]);
});

async function open(route: string, viewport = { width: 1200, height: 760 }): Promise<Page> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${route}: ${error.message}`));
  await page.goto(`${preview.url}#/${route}`);
  return page;
}

/** Switches the theme menu, checks axe has nothing to report, and takes a screenshot. */
async function checkTheme(page: Page, name: string, theme: 'light' | 'dark') {
  await page.getByLabel('Theme').selectOption(theme);
  await waitFor(
    () => page.evaluate((t) => document.documentElement.dataset.theme === t, theme),
    `theme ${theme}`,
  );
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(shots, `${name}-${theme}.png`) });
}

/** Count of quotes, last id and stream status, read from one render of the markets feed line. */
const feed = (page: Page) =>
  page.locator('[data-testid="quotes-feed"]').evaluate((el) => ({
    events: Number(el.getAttribute('data-events')),
    lastId: el.getAttribute('data-last-event-id') ?? '',
    status: el.getAttribute('data-status') ?? '',
  }));

/** Splits an event id into its history prefix (an epoch, if any) and its trailing sequence number. */
function sequence(id: string): { prefix: string; n: number } {
  const match = /^(.*?)(\d+)$/.exec(id);
  if (!match) throw new Error(`event id without a sequence number: ${id}`);
  return { prefix: match[1]!, n: Number(match[2]) };
}

describe('markets', () => {
  it('streams quotes into the cards, sparklines and notifications; axe-clean in light and dark', async () => {
    const page = await open('markets');
    const first = await waitFor(async () => {
      const f = await feed(page);
      return f.events >= 5 && f;
    }, 'the first quotes');
    await waitFor(async () => (await feed(page)).events >= first.events + 5, 'more quotes');
    await expect
      .poll(() => page.locator('.mk-card[data-symbol="AAPL"] .mk-card-price').textContent(), {
        timeout: 30_000,
      })
      .toMatch(/^\$\d/);
    await waitFor(() => page.locator('.mk-spark[role="img"]').count(), 'a sparkline');
    const posted = await fetch(`${mock.url}/sse/notifications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'warning', title: 'Margin call in e2e', user: 'you' }),
    });
    expect(posted.status).toBe(201);
    await page.locator('.mk-notes').getByText('Margin call in e2e').first().waitFor();
    await checkTheme(page, 'markets', 'light');
    await checkTheme(page, 'markets', 'dark');
  });

  it('shows reconnecting while the server is down (SIGKILL), then resumes with no event lost', async () => {
    const page = await open('markets');
    await waitFor(async () => (await feed(page)).events >= 10, 'quotes before the kill');
    const port = mock.port;
    await mock.kill();
    await waitFor(async () => (await feed(page)).status === 'reconnecting', 'reconnecting');
    await page.getByText('Quotes: reconnecting').waitFor();
    const before = await feed(page);
    mock = await startMockProcess(port);
    const after = await waitFor(
      async () => {
        const f = await feed(page);
        return f.status === 'open' && f.events >= before.events + 10 && f;
      },
      'quotes after the restart',
      30_000,
    );
    // Every quote after the restart follows the last one before it: consecutive ids.
    const a = sequence(before.lastId);
    const b = sequence(after.lastId);
    expect(b.prefix).toBe(a.prefix);
    expect(b.n - a.n).toBe(after.events - before.events);
  });

  it('closes the old stream on the server when the watchlist changes (keyboard only)', async () => {
    const page = await open('markets');
    const old = 'GET /sse/ticker?symbols=AAPL,MSFT,GOOG,NVDA&rate=10';
    await waitFor(async () => (await openStreams(mock.url)).includes(old), 'the first stream');
    await page.getByLabel('Add a symbol').focus();
    await page.keyboard.type('tsla');
    await page.keyboard.press('Enter');
    const added = 'GET /sse/ticker?symbols=AAPL,MSFT,GOOG,NVDA,TSLA&rate=10';
    await waitFor(async () => {
      const streams = await openStreams(mock.url);
      return streams.includes(added) && !streams.includes(old);
    }, 'the new stream open and the old one closed');
    await expect
      .poll(() => page.locator('.mk-card[data-symbol="TSLA"] .mk-card-price').textContent(), {
        timeout: 30_000,
      })
      .toMatch(/^\$\d/);
    await page.getByRole('button', { name: 'Remove MSFT' }).focus();
    await page.keyboard.press('Enter');
    const removed = 'GET /sse/ticker?symbols=AAPL,GOOG,NVDA,TSLA&rate=10';
    await waitFor(async () => {
      const streams = await openStreams(mock.url);
      return streams.includes(removed) && !streams.includes(added);
    }, 'the stream without MSFT');
    expect(await page.locator('.mk-card[data-symbol="MSFT"]').count()).toBe(0);
  });
});

describe('jobs', () => {
  it('runs several jobs at once with live logs; a failure raises a toast and its retry succeeds', async () => {
    const page = await open('jobs');
    // 8, 12 and 16 s jobs: long enough to overlap even on a busy machine.
    await page.getByLabel('Duration').selectOption('8000');
    await page.getByRole('button', { name: 'Start three' }).click();
    await expect.poll(() => page.locator('.jobs-card').count(), { timeout: 30_000 }).toBe(3);
    const bars = page.getByRole('progressbar');
    await waitFor(async () => {
      const values = await bars.evaluateAll((els) =>
        els.map((el) => Number(el.getAttribute('aria-valuenow') ?? 0)),
      );
      return values.filter((v) => v > 0 && v < 100).length >= 2;
    }, 'two jobs in progress at once');
    await waitFor(
      async () =>
        (await page
          .locator('.jobs-card')
          .evaluateAll((cards) =>
            cards.every((c) => c.querySelectorAll('[data-ssekit="log-line"]').length > 0),
          )) && true,
      'a build log line in every card',
    );
    const failed = page.locator('.jobs-card[data-state="failed"]');
    await failed.waitFor({ timeout: 60_000 });
    const failedId = (await failed.getAttribute('data-job'))!;
    await page.getByText(`Job ${failedId} failed`).first().waitFor();
    await checkTheme(page, 'jobs', 'light');
    await checkTheme(page, 'jobs', 'dark');
    await page.getByRole('button', { name: `Retry ${failedId}` }).click();
    const retry = page.locator('.jobs-card', { hasText: `retry of ${failedId}` });
    await retry.waitFor();
    await page
      .locator('.jobs-card[data-state="done"]', { hasText: `retry of ${failedId}` })
      .waitFor({
        timeout: 60_000,
      });
    await page.getByText(`Retried as ${await retry.getAttribute('data-job')}`).waitFor();
  });
});

describe('assistant', () => {
  it('streams an answer to the end, stops one on the server, retries it, and keeps the history', async () => {
    const page = await open('assistant');
    const message = page.getByRole('textbox', { name: 'Message' });
    await message.fill('Explain Last-Event-ID');
    await message.press('Enter');
    const turn = page.locator('.chat-turn').first();
    await page.locator('.chat-turn[data-status="done"]').first().waitFor();
    await turn.locator('pre').waitFor(); // markdown: the code block of the answer
    expect(await turn.getByRole('link').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Explain Last-Event-ID' }).waitFor(); // history
    await checkTheme(page, 'assistant', 'light');
    await checkTheme(page, 'assistant', 'dark');

    // The mock server's answers take about 3 s at its default 40 tokens/s; at 8 tokens/s, Stop
    // surely lands mid-answer even on a busy machine.
    await page.route('**/sse/chat', (route) =>
      route.continue({ url: `${route.request().url()}?rate=8` }),
    );
    await message.fill('Now something long, then stop');
    await message.press('Enter');
    const second = page.locator('.chat-turn').nth(1);
    await waitFor(async () => ((await second.textContent()) ?? '').length > 80, 'tokens');
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.locator('.chat-turn[data-status="stopped"]').waitFor();
    await waitFor(
      async () => !(await openStreams(mock.url)).some((s) => s.startsWith('POST /sse/chat')),
      'the chat stream closed on the server',
    );
    await page.unroute('**/sse/chat');
    await page.getByRole('button', { name: 'Retry' }).click();
    await waitFor(
      async () => (await second.getAttribute('data-status')) === 'done',
      'the retried answer',
    );

    await page.reload();
    await page.getByRole('button', { name: 'Explain Last-Event-ID' }).click();
    await expect.poll(() => page.locator('.chat-turn').count(), { timeout: 30_000 }).toBe(2);
  });
});

describe('phone width', () => {
  it('renders every dashboard without horizontal scrolling at 390 px', async () => {
    const page = await open('markets', { width: 390, height: 844 });
    await waitFor(async () => (await feed(page)).events > 0, 'quotes');
    expect(await scrollsSideways(page)).toBe(false);
    await page.goto(`${preview.url}#/jobs`);
    await page.getByRole('button', { name: 'Start job' }).click();
    await page.locator('[data-ssekit="log-line"]').first().waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await page.goto(`${preview.url}#/assistant`);
    await page.getByRole('button', { name: 'Show me a ticker hook' }).click();
    await page.locator('.chat-turn[data-status="done"] pre').waitFor();
    expect(await scrollsSideways(page)).toBe(false);
  });
});
