import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, ids } from './test/helpers';
import { mockServerPlugin } from './vite';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mock-vite-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>app</title>');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const base = () => ({ root, configFile: false as const, logLevel: 'silent' as const });
const origin = (address: AddressInfo | string | null | undefined) =>
  `http://127.0.0.1:${(address as AddressInfo).port}`;

describe('mockServerPlugin', () => {
  it('serves /sse on the dev server', async () => {
    const server = await createServer({
      ...base(),
      plugins: [mockServerPlugin({ seed: 'vite' })],
      server: { host: '127.0.0.1', port: 0, ws: false },
    });
    await server.listen();
    try {
      const url = origin(server.httpServer?.address());
      const { events } = await collect(`${url}/sse/ticker?rate=1000`, 3);
      expect(ids(events)).toEqual(['1', '2', '3']);
    } finally {
      await server.close();
    }
  });

  it('serves /sse on vite preview', async () => {
    const server = await preview({
      ...base(),
      plugins: [mockServerPlugin()],
      build: { outDir: root },
      preview: { host: '127.0.0.1', port: 0 },
    });
    try {
      const url = origin(server.httpServer.address());
      const { events } = await collect(`${url}/sse/logs?rate=1000&lines=2`, 10);
      expect(events.map((e) => e.event)).toEqual(['log', 'log', 'end']);
    } finally {
      await server.close();
    }
  });
});
