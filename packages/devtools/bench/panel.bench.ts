/**
 * What the devtools cost a page at a high event rate: a page with one `useSSE` ticker at RATE
 * events/s is loaded in Debian's Chromium without the devtools, with `<SSEDevtools />` closed
 * (recording only) and open on that stream, in turn, ROUNDS times each. The events are made in
 * the page by a `fetch` stand-in (SOURCE=server: the mock server's /sse/ticker over real HTTP,
 * which a loaded machine may not feed at 10,000/s). For each run the main thread's busy time
 * (Chromium's TaskDuration metric) over DURATION_S seconds is divided into 60 Hz frames: "busy
 * ms/frame"; the devtools' cost is the difference, as a share of a 16.7 ms frame. React runs in
 * development mode, as it does where the devtools are used.
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
const SOURCE = process.env.SOURCE === 'server' ? 'server' : 'local';
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

type Mode = 'none' | 'closed' | 'open';

/** Busy ms per frame and events/s the page received, for one run. */
async function run(mode: Mode): Promise<{ busy: number; rate: number }> {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const panel = mode === 'none' ? '' : `&panel=${mode}`;
  await page.goto(`http://127.0.0.1:${port}/page.html?rate=${RATE}&source=${SOURCE}${panel}`);
  await page.waitForSelector('#ticker[data-status="open"]', { timeout: 60_000 });
  if (mode === 'open') await page.getByRole('heading', { name: /sse\/ticker/ }).waitFor();
  // Let the rate settle (the first second includes the page's start-up work).
  await page.waitForTimeout(1000);
  const sample = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const [now, count] = await page.evaluate(() => [
      performance.now(),
      Number(document.getElementById('ticker')?.dataset.count),
    ]);
    return { task: metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0, now, count };
  };
  const a = await sample();
  await page.waitForTimeout(SECONDS * 1000);
  const b = await sample();
  await page.close();
  const elapsed = (b.now ?? 0) - (a.now ?? 0);
  if (b.count === a.count) throw new Error('the ticker did not move');
  return {
    busy: ((b.task - a.task) * 1000) / (elapsed / FRAME_MS),
    rate: Math.round((((b.count ?? 0) - (a.count ?? 0)) * 1000) / elapsed),
  };
}

const modes: Mode[] = ['none', 'closed', 'open'];
const results = new Map<Mode, { busy: number[]; rate: number[] }>(
  modes.map((m) => [m, { busy: [], rate: [] }]),
);
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of modes) {
      const r = await run(mode);
      results.get(mode)?.busy.push(r.busy);
      results.get(mode)?.rate.push(r.rate);
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const row = (mode: Mode, label: string) => {
  const r = results.get(mode)!;
  const busy = median(r.busy);
  console.log(
    `| ${label.padEnd(28)} | ${median(r.rate).toString().padStart(12)} | ${busy.toFixed(2).padStart(15)} |`,
  );
  return busy;
};
console.log(
  `devtools panel, ${RATE} events/s offered (${SOURCE === 'local' ? 'made in the page' : 'mock server'}), ${SECONDS} s x ${ROUNDS} rounds (median)`,
);
console.log('| page                         | events/s got | busy ms/frame   |');
console.log('| ---------------------------- | ------------ | --------------- |');
const none = row('none', 'ticker alone');
const closed = row('closed', 'ticker + devtools, closed');
const open = row('open', 'ticker + devtools, open');
const share = (x: number) => `${(((x - none) / FRAME_MS) * 100).toFixed(1)}% of a frame`;
console.log(
  `closed: ${(closed / none).toFixed(2)}x (${share(closed)}); open: ${(open / none).toFixed(2)}x (${share(open)})`,
);
