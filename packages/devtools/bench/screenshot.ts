/**
 * Takes the README's screenshot: the bench page (a live ticker) with the panel open in Debian's
 * Chromium, one event opened, in the light and the dark theme.
 * Run: `tsx --conditions=source packages/devtools/bench/screenshot.ts`.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { mockServerPlugin } from '../../../apps/mock-server/src/vite';
import { chromiumLaunchOptions } from '../../../test/src/chromium';

const server = await createServer({
  configFile: false,
  root: fileURLToPath(new URL('.', import.meta.url)),
  logLevel: 'silent',
  plugins: [react(), mockServerPlugin()],
  resolve: { conditions: ['source', 'module', 'browser', 'development|production'] },
  server: { host: '127.0.0.1', port: 0, fs: { allow: ['../../..'] } },
});
await server.listen();
const address = server.httpServer?.address();
const port = typeof address === 'object' && address ? address.port : 0;
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({
      viewport: { width: 1200, height: 1040 },
      colorScheme: scheme,
    });
    await page.goto(`http://127.0.0.1:${port}/page.html?rate=5&panel=open`);
    await page.getByRole('heading', { name: /sse\/ticker/ }).waitFor({ timeout: 60_000 });
    // A taller dock than the default 45% of the window, so everything fits in one picture.
    await page.addStyleTag({ content: '.ssekit-dt-dock { height: 980px !important; }' });
    // A few seconds of history for the sparkline, then a drop and its reconnect.
    await page.waitForTimeout(4000);
    await page.getByRole('button', { name: 'Simulate drop' }).click();
    await page.getByText(/open$/).first().waitFor();
    await page.waitForTimeout(1500);
    await page
      .getByRole('list', { name: 'Events, newest first' })
      .getByRole('button')
      .first()
      .click();
    const out = fileURLToPath(new URL(`../docs/devtools-${scheme}.png`, import.meta.url));
    await page.locator('.ssekit-dt-dock').screenshot({ path: out });
    console.log(`wrote ${out}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
