/**
 * What the devtools cost a page at a high event rate. One page in Debian's Chromium runs a
 * `useSSE` ticker at RATE events/s and switches the devtools in and out in place: none (the
 * same page without the devtools: the baseline), closed (`<SSEDevtools />` recording only) and
 * open on that stream. Each round measures every mode for DURATION_S seconds, in a rotated
 * order, after a short settle; ROUNDS rounds give medians.
 *
 * The measure is the CPU time of the page's main thread (`ThreadTime` of the Performance
 * domain), not wall time: CPU time does not count the time the thread waited for a core that
 * another process held, so it is far less noisy on a shared machine than task durations. It is
 * divided by the 60 Hz frames of the window ("CPU ms per frame"); "task ms/frame" is the main
 * thread's task time measured on the same thread clock (`timeDomain: 'threadTicks'`). The devtools' cost is the
 * difference from the baseline of the same round (paired), as a share of a 16.7 ms frame; the
 * median of those differences is printed with the ratio of the medians.
 *
 * The events are made in the page by a `fetch` stand-in, so the page gets the rate asked for
 * (SOURCE=server takes them from the mock server over HTTP instead). React runs in development
 * mode, as it does where the devtools are used.
 * Run: `pnpm bench:devtools` (RATE=10000, DURATION_S=2, ROUNDS=7, SETTLE_MS=600 by default).
 */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { mockServerPlugin } from '../../../apps/mock-server/src/vite';
import { chromiumLaunchOptions } from '../../../test/src/chromium';

const RATE = Number(process.env.RATE ?? 10_000);
const SECONDS = Number(process.env.DURATION_S ?? 2);
const ROUNDS = Number(process.env.ROUNDS ?? 7);
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 600);
const SOURCE = process.env.SOURCE === 'server' ? 'server' : 'local';
const FRAME_MS = 1000 / 60;

type Mode = 'none' | 'closed' | 'open';
const modes: Mode[] = ['none', 'closed', 'open'];
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');

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
const loadBefore = load();

/** One window's figures: CPU and task ms per frame, events/s received. */
interface Sample {
  cpu: number;
  task: number;
  rate: number;
}
const samples = new Map<Mode, Sample[]>(modes.map((m) => [m, []]));

try {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(`http://127.0.0.1:${port}/page.html?rate=${RATE}&source=${SOURCE}`);
  await page.waitForSelector('#ticker[data-status="open"]', { timeout: 60_000 });

  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value;
    const [now, count] = await page.evaluate(() => [
      performance.now(),
      Number(document.getElementById('ticker')?.dataset.count),
    ]);
    const cpu = metric('ThreadTime');
    if (cpu === undefined) throw new Error('this Chromium reports no ThreadTime metric');
    return { cpu, task: metric('TaskDuration') ?? 0, now: now ?? 0, count: count ?? 0 };
  };
  const setMode = async (mode: Mode) => {
    await page.evaluate(
      (m) => (window as unknown as { setPanel(m: string): void }).setPanel(m),
      mode,
    );
    await page.waitForFunction((m) => document.getElementById('mode')?.textContent === m, mode);
    if (mode === 'open') await page.getByRole('heading', { name: /sse\/ticker/ }).waitFor();
    if (mode === 'closed') await page.getByRole('button', { name: /SSE streams/ }).waitFor();
  };
  const measure = async (mode: Mode) => {
    await setMode(mode);
    await page.waitForTimeout(SETTLE_MS);
    const a = await read();
    await page.waitForTimeout(SECONDS * 1000);
    const b = await read();
    const frames = (b.now - a.now) / FRAME_MS;
    if (b.count === a.count) throw new Error('the ticker did not move');
    samples.get(mode)?.push({
      cpu: ((b.cpu - a.cpu) * 1000) / frames,
      task: ((b.task - a.task) * 1000) / frames,
      rate: Math.round(((b.count - a.count) * 1000) / (b.now - a.now)),
    });
  };

  // Warm-up: load the panel's module, let the JIT see every path once.
  for (const mode of modes) await setMode(mode);
  await page.waitForTimeout(1000);
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < modes.length; i++) await measure(modes[(round + i) % modes.length]!);
  }
} finally {
  await browser.close();
  await server.close();
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const of = (mode: Mode, key: keyof Sample) => samples.get(mode)!.map((s) => s[key]);
const pad = (x: string | number, n: number) => String(x).padStart(n);

console.log(
  `devtools panel at ${RATE} events/s (${SOURCE === 'local' ? 'made in the page' : 'mock server'}), ` +
    `${ROUNDS} rounds x ${SECONDS} s per mode, medians; load average ${loadBefore} before, ${load()} after`,
);
console.log(
  '| page                        | events/s got | CPU ms/frame | task ms/frame | cost vs. baseline (CPU)  |',
);
console.log(
  '| --------------------------- | ------------ | ------------ | ------------- | ------------------------ |',
);
const base = of('none', 'cpu');
for (const [mode, label] of [
  ['none', 'ticker alone (baseline)'],
  ['closed', 'ticker + devtools, closed'],
  ['open', 'ticker + devtools, open'],
] as const) {
  const cpu = of(mode, 'cpu');
  // Paired with the baseline window of the same round.
  const diff = median(cpu.map((c, i) => c - base[i]!));
  const cost =
    mode === 'none'
      ? ''
      : `${diff >= 0 ? '+' : ''}${diff.toFixed(2)} ms = ${((diff / FRAME_MS) * 100).toFixed(1)}% of a frame`;
  console.log(
    `| ${label.padEnd(27)} | ${pad(Math.round(median(of(mode, 'rate'))), 12)} | ${pad(median(cpu).toFixed(2), 12)} | ${pad(median(of(mode, 'task')).toFixed(2), 13)} | ${cost.padEnd(24)} |`,
  );
}
const ratio = (mode: Mode) => (median(of(mode, 'cpu')) / median(base)).toFixed(2);
console.log(`CPU ratio to the baseline: closed ${ratio('closed')}x, open ${ratio('open')}x`);
const spread = (mode: Mode) => {
  const cpu = of(mode, 'cpu');
  return `${Math.min(...cpu).toFixed(2)}-${Math.max(...cpu).toFixed(2)}`;
};
console.log(
  `CPU ms/frame range over the rounds: none ${spread('none')}, closed ${spread('closed')}, open ${spread('open')}`,
);
