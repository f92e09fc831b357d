// The consumer end-to-end test: what a user gets from the registry, in apps of their own.
// Packs every package, installs the tarballs into a fresh Vite + React app and a fresh Next.js
// App Router app in a temp folder (same pnpm store as the repository, so it stays fast),
// type-checks both with `skipLibCheck: false`, builds them, serves the builds, and drives them
// in Chromium against the mock server on another origin. Also `require()`s every package in
// Node and runs the mock server's bin.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { PACKAGE_DIRS, packAll } from '../../scripts/pack.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const started = Date.now();
const step = (what) =>
  console.log(`[consumer ${((Date.now() - started) / 1000).toFixed(0)}s] ${what}`);
const PNPM = ['-y', 'pnpm@10.34.9'];
/** Versions the apps install besides the tarballs (Next.js 16 supports Node >= 20.9). */
const VERSIONS = {
  react: '19.3.1',
  'react-dom': '19.3.1',
  '@tanstack/react-query': '5.108.0',
  '@types/react': '19.3.0',
  '@types/react-dom': '19.3.0',
  '@types/node': '20.19.43',
  typescript: '5.9.3',
  vite: '8.3.8',
  '@vitejs/plugin-react': '6.3.0',
  next: '16.4.6',
};
const pick = (...names) => Object.fromEntries(names.map((n) => [n, VERSIONS[n]]));
/**
 * The lowest versions the peer ranges promise: a second copy of the Vite app is installed with
 * these, type-checked, built and driven like the first.
 */
const LOWEST = {
  react: '18.3.1',
  'react-dom': '18.3.1',
  '@tanstack/react-query': '5.90.16',
  '@types/react': '18.3.32',
  '@types/react-dom': '18.3.7',
};

const children = [];
const work = mkdtempSync(join(tmpdir(), 'ssekit-consumer-'));
let browser;
let mockServer;
const cleanup = async () => {
  await browser?.close().catch(() => {});
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  mockServer?.closeAllConnections();
  mockServer?.close();
  rmSync(work, { recursive: true, force: true });
};

function run(cmd, args, cwd, env = {}) {
  try {
    return execFileSync(cmd, args, {
      cwd,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${error.stdout}\n${error.stderr}`);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a long-running process; resolves once `url` answers. */
async function serve(cmd, args, cwd, url, env = {}) {
  const child = spawn(cmd, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${cmd} exited:\n${output}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    if (Date.now() > deadline) throw new Error(`${url} did not answer:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Writes an app's package.json: the tarballs (also for transitive `@ssekit/*` ranges) and deps. */
function writeManifest(dir, name, tarballs, deps, devDeps) {
  const files = Object.fromEntries(Object.entries(tarballs).map(([n, t]) => [n, `file:${t}`]));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name,
        private: true,
        type: 'module',
        dependencies: { ...files, ...deps },
        devDependencies: devDeps,
        pnpm: { overrides: files, onlyBuiltDependencies: ['esbuild'] },
      },
      null,
      2,
    ),
  );
}

async function main() {
  step(`packing ${PACKAGE_DIRS.length} packages into ${work}`);
  const tarballs = packAll(join(work, 'packs'));

  const viteApp = join(work, 'vite-app');
  const oldApp = join(work, 'vite-app-lowest');
  const nextApp = join(work, 'next-app');
  cpSync(join(here, 'vite-app'), viteApp, { recursive: true });
  cpSync(join(here, 'vite-app'), oldApp, { recursive: true });
  cpSync(join(here, 'next-app'), nextApp, { recursive: true });
  const viteDeps = pick('react', 'react-dom', '@tanstack/react-query');
  const viteDevDeps = pick(
    '@types/react',
    '@types/react-dom',
    '@types/node',
    'typescript',
    'vite',
    '@vitejs/plugin-react',
  );
  writeManifest(viteApp, 'vite-app', tarballs, viteDeps, viteDevDeps);
  const lowest = (deps) =>
    Object.fromEntries(Object.entries(deps).map(([n, v]) => [n, LOWEST[n] ?? v]));
  writeManifest(oldApp, 'vite-app-lowest', tarballs, lowest(viteDeps), lowest(viteDevDeps));
  const { '@ssekit/mock-server': _m, '@ssekit/server': _s, ...clientTarballs } = tarballs;
  writeManifest(
    nextApp,
    'next-app',
    clientTarballs,
    pick('react', 'react-dom', 'next'),
    pick('@types/react', '@types/react-dom', '@types/node', 'typescript'),
  );
  writeFileSync(join(nextApp, 'next-env.d.ts'), '/// <reference types="next" />\n');

  step('installing both apps (shared pnpm store)');
  await Promise.all(
    [viteApp, oldApp, nextApp].map(
      (cwd) =>
        new Promise((resolve, reject) => {
          const child = spawn('npx', [...PNPM, 'install', '--prefer-offline'], {
            cwd,
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          let out = '';
          child.stdout.on('data', (d) => (out += d));
          child.stderr.on('data', (d) => (out += d));
          child.on('exit', (code) =>
            code === 0 ? resolve() : reject(new Error(`install failed in ${cwd}:\n${out}`)),
          );
        }),
    ),
  );

  step('require() of every package in Node');
  const requireFrom = createRequire(join(viteApp, 'package.json'));
  for (const id of [
    '@ssekit/core',
    '@ssekit/react',
    '@ssekit/react/query',
    '@ssekit/ui',
    '@ssekit/server',
    '@ssekit/server/redis',
    '@ssekit/mock-server',
    '@ssekit/mock-server/vite',
  ]) {
    const names = Object.keys(requireFrom(id));
    if (names.length === 0) throw new Error(`require('${id}') exported nothing`);
  }
  const { eventSourceTransport, SSEError } = requireFrom('@ssekit/react');
  if (eventSourceTransport?.name !== 'eventsource' || typeof SSEError !== 'function') {
    throw new Error('@ssekit/react does not re-export the core values');
  }

  step('type-checking both apps (skipLibCheck: false)');
  run('node_modules/.bin/tsc', ['-p', '.'], viteApp);
  run('node_modules/.bin/tsc', ['-p', '.'], oldApp);
  // Next writes its route types while building; check those too, after the build.

  step('building both apps');
  run('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], viteApp);
  run('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], oldApp);
  run('node_modules/.bin/next', ['build'], nextApp, { NEXT_TELEMETRY_DISABLED: '1' });
  run('node_modules/.bin/tsc', ['-p', '.'], nextApp);

  step('mock server: the bin, and the package on another origin counting requests');
  const binPort = await freePort();
  const bin = await serve(
    join(viteApp, 'node_modules/.bin/ssekit-mock-server'),
    ['--port', String(binPort)],
    viteApp,
    `http://127.0.0.1:${binPort}/sse/`,
  );
  bin.kill('SIGKILL');
  const { createMockServer } = await import(
    pathToFileURL(requireFrom.resolve('@ssekit/mock-server')).href
  );
  const mock = createMockServer({ origins: ['http://localhost:*'] });
  const requests = [];
  mockServer = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    mock(req, res, () => res.writeHead(404).end());
  });
  const mockPort = await freePort();
  await new Promise((resolve) => mockServer.listen(mockPort, '127.0.0.1', resolve));
  const mockUrl = `http://127.0.0.1:${mockPort}`;

  step('serving the builds');
  const vitePort = await freePort();
  const oldPort = await freePort();
  const nextPort = await freePort();
  for (const [cwd, port] of [
    [viteApp, vitePort],
    [oldApp, oldPort],
  ]) {
    await serve(
      'node_modules/.bin/vite',
      ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
      cwd,
      `http://127.0.0.1:${port}/`,
    );
  }
  await serve(
    'node_modules/.bin/next',
    ['start', '-H', '127.0.0.1', '-p', String(nextPort)],
    nextApp,
    `http://127.0.0.1:${nextPort}/`,
    { MOCK_URL: mockUrl, NEXT_TELEMETRY_DISABLED: '1' },
  );

  step('driving both apps in Chromium (page on localhost, mock server on 127.0.0.1)');
  // The same Chromium and flags as test/src/chromium.ts (Debian's; nothing is downloaded).
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const problems = [];
  const open = async (url, label) => {
    const page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || /hydrat/i.test(m.text()))
        problems.push(`${label} console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${label} page error: ${e.message}`));
    await page.goto(url);
    return page;
  };
  const until = async (page, label, fn, arg) => {
    try {
      await page.waitForFunction(fn, arg, { timeout: 20_000, polling: 50 });
    } catch {
      throw new Error(
        `${label}: not seen within 20 s. Page:\n${(await page.content()).slice(0, 4000)}`,
      );
    }
  };

  const viteChecks = {
    'useSSE (two components)': () =>
      ['price-a', 'price-b'].every((id) =>
        /^AAPL \d/.test(document.querySelector(`[data-testid=${id}]`)?.textContent ?? ''),
      ),
    ConnectionStatus: () =>
      document.querySelector('[data-ssekit=connection-status]')?.getAttribute('data-state') ===
      'open',
    Ticker: () =>
      /\d/.test(document.querySelector('[data-ssekit=ticker-price]')?.textContent ?? ''),
    NotificationFeed: () => document.querySelectorAll('[data-ssekit=feed-item]').length > 0,
    ProgressBar: () =>
      Number(document.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow') ?? 0) > 0,
    TokenStream: () =>
      (document.querySelector('[data-ssekit=token-stream-content]')?.textContent ?? '').length > 5,
    LogStream: () => document.querySelectorAll('[data-ssekit=log-line]').length > 0,
    'sseQueryOptions + useQuery': () =>
      /progress events/.test(document.querySelector('[data-testid=query]')?.textContent ?? ''),
  };
  for (const [label, port] of [
    ['vite app (React 19)', vitePort],
    ['vite app (React 18, lowest TanStack Query)', oldPort],
  ]) {
    const before = requests.length;
    const page = await open(`http://localhost:${port}/?mock=${encodeURIComponent(mockUrl)}`, label);
    for (const [what, check] of Object.entries(viteChecks)) {
      await until(page, `${label}, ${what}`, check);
    }
    const ticker = requests
      .slice(before)
      .filter((r) => r === 'GET /sse/ticker?symbols=AAPL&rate=20');
    if (ticker.length !== 1) {
      throw new Error(
        `${label}: 5 components on one stream made ${ticker.length} requests: ${requests.join(', ')}`,
      );
    }
    await page.close();
  }

  const serverHtml = await (await fetch(`http://127.0.0.1:${nextPort}/`)).text();
  if (
    !serverHtml.includes('data-status="connecting"') ||
    !serverHtml.includes('data-testid="price-a"')
  ) {
    throw new Error(
      `next app: the page was not server-rendered with the hooks:\n${serverHtml.slice(0, 2000)}`,
    );
  }
  const nextPage = await open(`http://localhost:${nextPort}/`, 'next');
  await until(nextPage, 'next app, useSSE after hydration', () =>
    ['price-a', 'price-b'].every((id) =>
      /^MSFT \d/.test(document.querySelector(`[data-testid=${id}]`)?.textContent ?? ''),
    ),
  );
  await until(nextPage, 'next app, Ticker', () =>
    /\d/.test(document.querySelector('[data-ssekit=ticker-price]')?.textContent ?? ''),
  );
  const nextTicker = requests.filter((r) => r === 'GET /sse/ticker?symbols=MSFT&rate=20');
  if (nextTicker.length !== 1) {
    throw new Error(
      `next app: 4 components on one stream made ${nextTicker.length} requests: ${requests.join(', ')}`,
    );
  }
  if (requests.some((r) => r.startsWith('OPTIONS /sse/ticker'))) {
    throw new Error(`a plain GET stream was preflighted: ${requests.join(', ')}`);
  }
  if (problems.length)
    throw new Error(`console errors or hydration warnings:\n${problems.join('\n')}`);
  step(
    `passed: ${Object.keys(viteChecks).length} checks in each Vite app, 2 in the Next.js app, ${requests.length} requests to the mock server`,
  );
}

try {
  await main();
  await cleanup();
} catch (error) {
  await cleanup();
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
