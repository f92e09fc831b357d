/**
 * What the open devtools panel costs the page at a high event rate: a page with one `useSSE`
 * ticker at RATE events/s (the mock server's /sse/ticker, over real HTTP) is loaded in Debian's
 * Chromium without and then with `<SSEDevtools initialIsOpen />`, alternating, ROUNDS times
 * each. For each run the main thread's busy time (Chromium's TaskDuration metric) over SECONDS
 * is divided into 60 Hz frames: "busy ms/frame". The panel's cost is the difference, as a share
 * of a 16.7 ms frame. React runs in development mode, as it does where the devtools are used.
 * Run: `pnpm bench:devtools` (RATE=10000, DURATION_S=4, ROUNDS=2 by default).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { mockServerPlugin } from '../../../apps/mock-server/src/vite';
import { chromiumLaunchOptions } from '../../../test/src/chromium';

const RATE = Number(process.env.RATE ?? 10_000);
const SECONDS = Number(process.env.DURATION_S ?? 4);
const ROUNDS = Number(process.env.ROUNDS ?? 2);
const FRAME_MS = 1000 / 60;

const server = await createServer({
  configFile: false,
  root: fileURLToPath(new URL('.', import.meta.url)),
  logLevel: 'silent',
  plugins: [react(), mockServerPlugin()],
  resolve: { conditions: ['source', 'module', 'browser', 'development|production'] },
  server: { host: '127.0.0.1', port: 0, strictPort: false, fs: { allow: ['../../..'] } },
});
await server.listen();
const address = server.httpServer?.address();
const port = typeof address === 'object' && address ? address.port : 0;
const browser = await chromium.launch(chromiumLaunchOptions);

/** Busy ms per frame and events/s seen by the page, for one run. */
async function run(panel: boolean): Promise<{ busy: number; events: number }> {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`http://127.0.0.1:${port}/page.html?rate=${RATE}&panel=${panel ? 1 : 0}`);
  await page.waitForSelector('#ticker[data-status="open"]', { timeout: 60_000 });
  if (panel) await page.getByRole('heading', { name: /sse\/ticker/ }).waitFor();
  // Let the rate settle (the first second includes the page's start-up work).
  await page.waitForTimeout(1000);
  const taskDuration = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  };
  const idBefore = Number(await page.evaluate(() => performance.now()));
  const before = await taskDuration();
  const startText = await page.locator('#ticker').textContent();
  await page.waitForTimeout(SECONDS * 1000);
  const after = await taskDuration();
  const elapsed = Number(await page.evaluate(() => performance.now())) - idBefore;
  const endText = await page.locator('#ticker').textContent();
  if (startText === endText) throw new Error('the ticker did not move');
  let events = 0;
  if (panel) {
    const fact = await page.locator('[data-fact="Events"]').textContent();
    events = Number(/\((\d+)\/s\)/.exec(fact ?? '')?.[1] ?? 0);
  }
  await page.close();
  return { busy: ((after - before) * 1000) / (elapsed / FRAME_MS), events };
}

const without: number[] = [];
const withPanel: number[] = [];
let rateSeen = 0;
try {
  for (let round = 0; round < ROUNDS; round++) {
    without.push((await run(false)).busy);
    const measured = await run(true);
    withPanel.push(measured.busy);
    rateSeen = Math.max(rateSeen, measured.events);
  }
} finally {
  await browser.close();
  await server.close();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const a = median(without);
const b = median(withPanel);
console.log(
  `devtools panel at ${RATE} events/s (panel saw ${rateSeen}/s), ${SECONDS} s x ${ROUNDS} rounds`,
);
console.log('| page                 | main-thread busy ms per 16.7 ms frame |');
console.log('| -------------------- | ------------------------------------- |');
console.log(`| ticker alone         | ${a.toFixed(2).padStart(37)} |`);
console.log(`| ticker + open panel  | ${b.toFixed(2).padStart(37)} |`);
console.log(
  `ratio with/without: ${(b / a).toFixed(2)}x; the panel's own cost: ${(b - a).toFixed(2)} ms a frame = ${(((b - a) / FRAME_MS) * 100).toFixed(1)}% of a frame`,
);
