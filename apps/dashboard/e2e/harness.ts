import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

export const appDir = fileURLToPath(new URL('..', import.meta.url));
export const repoDir = fileURLToPath(new URL('../../..', import.meta.url));
const require = createRequire(import.meta.url);

type Truthy<T> = Exclude<T, false | null | undefined | 0 | ''>;

/** Polls `check` until it returns a truthy value (returned) or `timeoutMs` passes. */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  what: string,
  timeoutMs = 30_000,
): Promise<Truthy<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as Truthy<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The standalone mock server as a child process, so a test can SIGKILL it. */
export interface MockProcess {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** SIGKILL, then wait for the process to be gone. */
  kill(): Promise<void>;
}

/** Starts `apps/mock-server`'s CLI on `port` (0: a free one) and resolves once it listens. */
export async function startMockProcess(port = 0): Promise<MockProcess> {
  const cli = join(repoDir, 'apps/mock-server/src/cli.ts');
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', cli, '--port', String(port)],
    { cwd: repoDir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /server on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`mock server exited (${code}): ${output}`)));
  });
  child.stdout!.resume();
  child.stderr!.resume();
  return {
    url,
    port: Number(new URL(url).port),
    child,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Builds the dashboard app for `baseUrl` into a temporary folder. */
export async function buildApp(
  baseUrl: string,
): Promise<{ outDir: string; remove(): Promise<void> }> {
  const { build } = await import('vite');
  const outDir = await mkdtemp(join(tmpdir(), 'ssekit-dashboard-'));
  const previous = process.env.VITE_SSE_BASE_URL;
  const previousEnv = process.env.NODE_ENV;
  process.env.VITE_SSE_BASE_URL = baseUrl;
  // A production build, as `vite build` makes (the test runner sets NODE_ENV to `test`, which
  // would bundle React's development build and keep the devtools panel).
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: appDir,
      configFile: join(appDir, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (previous === undefined) delete process.env.VITE_SSE_BASE_URL;
    else process.env.VITE_SSE_BASE_URL = previous;
    if (previousEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previousEnv;
  }
  return { outDir, remove: () => rm(outDir, { recursive: true, force: true }) };
}

/** `vite preview` of a build on a free port of 127.0.0.1. */
export async function startPreview(
  outDir: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const { preview } = await import('vite');
  const server = await preview({
    root: appDir,
    configFile: join(appDir, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview is not listening');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => server.close(),
  };
}

/** Runs axe in the page; returns the violations as `rule: target` lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary ?? ''})`),
    );
  });
}

/** The page scrolls sideways: the document is wider than the viewport. */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
}

/** What the mock server reports as open streams (`GET /sse/stats`). */
export async function openStreams(mockUrl: string): Promise<string[]> {
  const res = await fetch(`${mockUrl}/sse/stats`);
  return ((await res.json()) as { streams: string[] }).streams;
}
