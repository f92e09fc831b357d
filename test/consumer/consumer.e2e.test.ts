// The consumer end-to-end test: what a user gets from the registry, in apps of their own.
// Packs every package, installs the tarballs into a fresh pnpm workspace in a temp folder (a
// Vite + React 19 app, the same app on React 18 with the lowest supported TanStack Query, and
// a Next.js App Router app; one install from the repository's pnpm store), type-checks each
// with `skipLibCheck: false`, builds and serves them, and drives them in Chromium against the
// mock server's bin (from its tarball) on another origin, counting requests at the server.
// The TypeScript examples of the READMEs and docs pages are type-checked in the Vite app, as a
// reader pasting them would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '@ssekit/testing';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packAll } from '../../scripts/pack.mjs';
import {
  type App,
  type ConsumerApps,
  installConsumerWorkspace,
  writeConsumerWorkspace,
} from './harness/apps';
import {
  NEXT_CHECKS,
  NEXT_TICKER,
  type PageCheck,
  VITE_CHECKS,
  VITE_TICKER,
} from './harness/checks';
import { type CountingProxy, startCountingProxy } from './harness/counting-proxy';
import { type DocSnippet, writeDocSnippets } from './harness/doc-snippets';
import { ENTRIES, type EntryLoad, loadEntries } from './harness/node-entries';
import { openPage, untilInPage, type WatchedPage } from './harness/page';
import { freePort, limiter, Processes, run } from './harness/processes';
import { serveStatic } from './harness/static-server';

const work = mkdtempSync(join(tmpdir(), 'ssekit-consumer-'));
const processes = new Processes();
const closers: Array<() => Promise<void>> = [];
/** Type-checks and builds, at most two at once. */
const heavy = limiter(2);
const NEXT_ENV = { NEXT_TELEMETRY_DISABLED: '1' };

let apps: ConsumerApps;
let proxy: CountingProxy;
let browser: Browser;
let entries: Promise<Record<string, EntryLoad>>;
let snippets: DocSnippet[];
let docsTypecheck: Promise<unknown>;
/** Per app: its type-check, its build, and the URL it is served on once built. */
const jobs = new Map<
  App,
  { typecheck: Promise<unknown>; build: Promise<unknown>; url: Promise<string> }
>();

/** Marks a promise as handled (a test awaits it later) and returns it. */
const later = <T>(promise: Promise<T>) => {
  promise.catch(() => {});
  return promise;
};

const tsc = (app: App) => run('node_modules/.bin/tsc', ['-p', '.'], app.dir);

function startViteApp(app: App) {
  const typecheck = later(heavy(() => tsc(app)));
  const build = later(
    heavy(() => run('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], app.dir)),
  );
  const url = later(
    build.then(async () => {
      const server = await serveStatic(join(app.dir, 'dist'));
      closers.push(server.close);
      return `http://localhost:${server.port}/?mock=${encodeURIComponent(proxy.url)}`;
    }),
  );
  jobs.set(app, { typecheck, build, url });
}

function startNextApp(app: App) {
  const build = later(heavy(() => run('node_modules/.bin/next', ['build'], app.dir, NEXT_ENV)));
  // After the build: Next writes the route types the type-check includes.
  const typecheck = later(build.then(() => heavy(() => tsc(app))));
  const url = later(
    build.then(async () => {
      const port = await freePort();
      await processes.start(
        'node_modules/.bin/next',
        ['start', '-H', '127.0.0.1', '-p', String(port)],
        {
          cwd: app.dir,
          env: { ...NEXT_ENV, MOCK_URL: proxy.url },
          ready: `http://127.0.0.1:${port}/`,
        },
      );
      return `http://localhost:${port}/`;
    }),
  );
  jobs.set(app, { typecheck, build, url });
}

beforeAll(async () => {
  apps = writeConsumerWorkspace(work, packAll(join(work, 'packs')));
  snippets = writeDocSnippets(fileURLToPath(new URL('../..', import.meta.url)), apps.vite.dir);
  await installConsumerWorkspace(work);
  entries = later(loadEntries(apps.vite.dir));
  // The mock server's bin from its tarball, behind a proxy that counts requests.
  const bin = join(apps.vite.dir, 'node_modules/.bin/ssekit-mock-server');
  const mockUrl = await processes.start(bin, ['--port', '0'], {
    cwd: apps.vite.dir,
    ready: /server on (http:\/\/[\d.]+:\d+)/,
  });
  proxy = await startCountingProxy(mockUrl);
  startViteApp(apps.vite);
  docsTypecheck = later(
    heavy(() => run('node_modules/.bin/tsc', ['-p', 'tsconfig.docs.json'], apps.vite.dir)),
  );
  startViteApp(apps.viteLowest);
  startNextApp(apps.next);
  browser = await chromium.launch(chromiumLaunchOptions);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(closers.map((close) => close()));
  await proxy?.close();
  await processes.killAll();
  rmSync(work, { recursive: true, force: true });
});

describe('every entry point in Node, from the installed tarballs', () => {
  it.each(ENTRIES)('%s loads with require() and with import, with the same exports', async (id) => {
    const load = (await entries)[id];
    expect(load?.require).toBeInstanceOf(Array);
    expect(load?.import).toEqual(load?.require);
    expect(load?.require).not.toHaveLength(0);
  });

  it('@ssekit/ui/styles.css resolves', async () => {
    expect((await entries)['@ssekit/ui/styles.css']).toBeDefined();
  });

  it("the mock server's bin serves the scenarios", async () => {
    const index = await (await fetch(`${proxy.url}/sse/`)).json();
    expect(JSON.stringify(index)).toContain('ticker');
  });
});

describe('the docs, pasted into the Vite app', () => {
  it('every TypeScript example of the READMEs and docs pages type-checks as written', async () => {
    expect(snippets.length).toBeGreaterThan(30);
    await docsTypecheck;
  });
});

/** Opens the app in Chromium (page on localhost, mock server on 127.0.0.1) for the tests below. */
function inChromium(app: () => App, checks: Record<string, PageCheck>, ticker: string) {
  describe('in Chromium, streaming from the mock server on another origin', () => {
    let watched: WatchedPage;
    let before: number;

    beforeAll(async () => {
      const url = await jobs.get(app())!.url;
      before = proxy.requests.length;
      watched = await openPage(browser, url);
    }, 180_000);

    afterAll(() => watched?.page.close());

    it.each(Object.entries(checks))('%s shows streamed data', async (what, check) => {
      await untilInPage(watched.page, what, check);
    });

    it('the four components on the ticker stream make one request, counted at the server', () => {
      const made = proxy.requests.slice(before).filter((r) => r === ticker);
      expect(made, proxy.requests.slice(before).join('\n')).toHaveLength(1);
      expect(proxy.requests.slice(before)).not.toContain(ticker.replace('GET', 'OPTIONS'));
    });

    it('logs no console error, uncaught error or hydration warning', () => {
      expect(watched.problems).toEqual([]);
    });
  });
}

describe.each([
  { name: 'Vite + React 19 app', key: 'vite' },
  { name: 'Vite + React 18 + TanStack Query 5.90.16 app (the lowest peers)', key: 'viteLowest' },
] as const)('$name', ({ key }) => {
  it('type-checks with skipLibCheck: false', async () => {
    await jobs.get(apps[key])!.typecheck;
  });

  it('builds', async () => {
    await jobs.get(apps[key])!.build;
  });

  inChromium(() => apps[key], VITE_CHECKS, VITE_TICKER);
});

describe('Next.js App Router app', () => {
  it('builds', async () => {
    await jobs.get(apps.next)!.build;
  });

  it('type-checks with its route types and skipLibCheck: false', async () => {
    await jobs.get(apps.next)!.typecheck;
  });

  it('server-renders the hooks and components without opening a stream on the server', async () => {
    const url = await jobs.get(apps.next)!.url;
    const before = proxy.requests.length;
    const html = await (await fetch(url.replace('localhost', '127.0.0.1'))).text();
    expect(html).toContain('data-testid="price-a"');
    expect(html).toContain('data-status="connecting"');
    for (const part of ['connection-status', 'ticker', 'feed', 'progress', 'token-stream', 'log']) {
      expect(html).toContain(`data-ssekit="${part}"`);
    }
    expect(proxy.count(NEXT_TICKER)).toBe(0);
    expect(proxy.requests.slice(before)).toEqual([]);
  });

  inChromium(() => apps.next, NEXT_CHECKS, NEXT_TICKER);
});
