import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromiumLaunchOptions } from '@ssekit/testing';
import { chromium } from 'playwright-core';
import { registryItemSchema, registrySchema } from 'shadcn/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRegistry } from '../scripts/build-registry';
import { createFreshApp } from './fresh-app';
import { appDir, type MockProcess, startMockProcess, waitFor } from './harness';

const run = promisify(execFile);

// The registry as a user meets it: built to static JSON, served over HTTP on 127.0.0.1, and
// installed into a fresh Vite app by the shadcn CLI itself (it reads the item URLs; nothing
// reaches its hosted registry). The app then type-checks, builds and streams from the mock server.

let registryDir: string;
let registry: http.Server;
let registryUrl: string;
let freshApp: string;
let mock: MockProcess;

beforeAll(async () => {
  registryDir = join(tmpdir(), `ssekit-registry-${process.pid}-${Date.now()}`);
  await buildRegistry(registryDir);
  registry = http.createServer(async (req, res) => {
    const name = /^\/r\/([a-z0-9-]+\.json)$/.exec(req.url ?? '')?.[1];
    const body = name && (await readFile(join(registryDir, name)).catch(() => undefined));
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  registry.listen(0, '127.0.0.1');
  await new Promise((resolve) => registry.once('listening', resolve));
  registryUrl = `http://127.0.0.1:${(registry.address() as AddressInfo).port}/r`;
  [freshApp, mock] = await Promise.all([createFreshApp(), startMockProcess()]);
}, 170_000);

afterAll(async () => {
  registry?.closeAllConnections();
  await new Promise((resolve) => registry?.close(resolve));
  await mock?.kill();
  await rm(registryDir, { recursive: true, force: true });
  if (freshApp) await rm(freshApp, { recursive: true, force: true });
});

const item = async (name: string) =>
  JSON.parse(await readFile(join(registryDir, `${name}.json`), 'utf8')) as {
    type: string;
    dependencies?: string[];
    files: Array<{ path: string; content: string; target?: string }>;
  };

describe('registry', () => {
  it('builds every item to the registry-item format with its files inlined', async () => {
    const index = registrySchema.parse(
      JSON.parse(await readFile(join(registryDir, 'registry.json'), 'utf8')),
    );
    const types = new Set(index.items.map((i) => i.type));
    expect([...types].sort()).toEqual(['registry:block', 'registry:hook', 'registry:ui']);
    for (const entry of index.items) {
      const built = registryItemSchema.parse(await item(entry.name));
      for (const file of built.files ?? []) {
        expect(file.content).toBe(await readFile(join(appDir, file.path), 'utf8'));
      }
    }
  });

  it('installs a block, a ui item and a hook with the shadcn CLI; the app type-checks, builds and streams', async () => {
    const shadcn = join(appDir, 'node_modules/shadcn/dist/index.js');
    const names = ['markets-dashboard', 'sparkline', 'use-conversations'];
    await run(
      process.execPath,
      [shadcn, 'add', ...names.map((n) => `${registryUrl}/${n}.json`), '--yes', '--overwrite'],
      { cwd: freshApp, env: { ...process.env, CI: '1' }, timeout: 170_000 },
    );
    // Every file landed, and every package its code imports is a declared dependency.
    for (const name of names) {
      const built = await item(name);
      for (const file of built.files) {
        const target = file.target
          ? join('src', file.target)
          : join(
              built.type === 'registry:hook' ? 'src/hooks' : 'src/components/ui',
              file.path.split('/').pop()!,
            );
        // The CLI reformats what it writes (it drops a leading comment, say): compare the exports.
        const installed = await readFile(join(freshApp, target), 'utf8');
        for (const line of file.content.split('\n').filter((l) => l.startsWith('export '))) {
          expect(installed, target).toContain(line);
        }
        for (const [, spec] of file.content.matchAll(/from '([^.'][^']*)'/g)) {
          const pkg = spec!.startsWith('@')
            ? spec!.split('/').slice(0, 2).join('/')
            : spec!.split('/')[0]!;
          if (pkg !== 'react')
            expect(built.dependencies ?? [], `${name} imports ${pkg}`).toContain(pkg);
        }
      }
    }

    const tsc = join(appDir, 'node_modules/typescript/bin/tsc');
    await run(process.execPath, [tsc, '-p', freshApp], { timeout: 170_000 });

    const { build, preview } = await import('vite');
    const outDir = join(freshApp, 'dist');
    const previous = process.env.VITE_SSE_BASE_URL;
    process.env.VITE_SSE_BASE_URL = mock.url;
    try {
      await build({ root: freshApp, logLevel: 'warn', build: { outDir } });
    } finally {
      if (previous === undefined) delete process.env.VITE_SSE_BASE_URL;
      else process.env.VITE_SSE_BASE_URL = previous;
    }
    const server = await preview({
      root: freshApp,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
    });
    const browser = await chromium.launch(chromiumLaunchOptions);
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const { port } = server.httpServer.address() as AddressInfo;
      await page.goto(`http://127.0.0.1:${port}/`);
      await waitFor(
        () =>
          page
            .locator('[data-testid="quotes-feed"]')
            .evaluate((el) => Number(el.getAttribute('data-events')) >= 3),
        'quotes streamed into the installed dashboard',
      );
      await page.getByText('0 conversations').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
