import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { mockServerPlugin } from './apps/mock-server/src/vite.ts';
import { chromiumArgs, chromiumPath } from './test/src/chromium.ts';
import { rawSsePlugin } from './test/src/raw-sse-plugin.ts';

const conditions = ['source'];
const browser = (name?: string) => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
  instances: [{ browser: 'chromium' as const, ...(name ? { name } : {}) }],
});

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    reporters: ['default', './test/src/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['packages/{core,server}/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
          exclude: ['**/*.browser.test.*', '**/node_modules/**'],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['packages/{react,ui,devtools}/src/**/*.test.{ts,tsx}'],
          exclude: ['**/*.browser.test.*', '**/node_modules/**'],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        plugins: [react(), rawSsePlugin(), mockServerPlugin()],
        // Pre-bundled, so a test page that renders React (run.browser.test) does not make Vite
        // discover it mid-run and reload the tests.
        optimizeDeps: { include: ['react', 'react/jsx-dev-runtime', 'react-dom/client'] },
        test: {
          name: 'browser',
          include: [
            'packages/*/src/**/*.browser.test.{ts,tsx}',
            'apps/*/src/**/*.browser.test.{ts,tsx}',
          ],
          browser: browser(),
          globalSetup: ['./test/src/cross-origin-setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          // The built dashboards in Chromium against the standalone mock server, and the registry.
          name: 'e2e',
          environment: 'node',
          include: ['apps/dashboard/e2e/**/*.test.ts'],
          // Generous limits for a busy machine; on an idle one the three files take a few minutes.
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // After the other projects: two Chromiums, two Vite builds and child processes would
          // otherwise slow down their timing-sensitive tests.
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          // The packed tarballs installed into fresh Vite and Next.js apps, built, served and
          // driven in Chromium against the mock server's bin (test/consumer).
          name: 'consumer',
          environment: 'node',
          include: ['test/consumer/*.test.ts'],
          // Generous: a test may wait for a type-check or build that runs in the background.
          testTimeout: 180_000,
          hookTimeout: 240_000,
          // Last, alone: it builds three apps and would slow the timing-sensitive tests.
          sequence: { groupOrder: 2 },
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          browser: browser('storybook (chromium)'),
          testTimeout: 30_000,
        },
      },
    ],
  },
});
