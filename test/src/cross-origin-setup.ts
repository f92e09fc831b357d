// Global setup of the `browser` test project: servers on origins other than the page's, for the
// CORS tests. One is the standalone mock server; the other a small `@ssekit/server` endpoint
// that logs every request (preflights included) so a test can see what the browser sent.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

/**
 * A module loader for workspace sources: global setup does not get the `source` condition, and
 * the mock server imports parts of itself lazily, so the loader stays open until teardown.
 */
async function sourceLoader() {
  const { createServer } = await import('vite');
  const vite = await createServer({
    configFile: false,
    root: fileURLToPath(new URL('../..', import.meta.url)),
    logLevel: 'silent',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    ssr: { resolve: { conditions: ['source'] }, noExternal: [/^@ssekit\//] },
  });
  return {
    load: <T>(path: string) =>
      vite.ssrLoadModule(fileURLToPath(new URL(path, import.meta.url))) as Promise<T>,
    close: () => vite.close(),
  };
}

/** A request as the cross-origin server saw it. */
export interface LoggedRequest {
  method: string;
  url: string;
  lastEventId: string | null;
  requestHeaders: string | null;
  origin: string | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    crossOrigin: { mock: string; server: string };
  }
}

/** Events per stream; each connection sends two, then ends; resumed past the last one: 204. */
const TOTAL = 4;

export default async function setup(project: TestProject) {
  const loader = await sourceLoader();
  const { startMockServer } = await loader.load<typeof import('@ssekit/mock-server')>(
    '../../apps/mock-server/src/index.ts',
  );
  const { createCors, createSession } = await loader.load<typeof import('@ssekit/server')>(
    '../../packages/server/src/index.ts',
  );
  const mock = await startMockServer({ port: 0 });
  const cors = createCors({ origins: ['http://localhost:*', 'http://127.0.0.1:*'] });
  const log = new Map<string, LoggedRequest[]>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const key = url.searchParams.get('key') ?? '';
    if (url.pathname === '/log') {
      cors.handle(req, res);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(log.get(key) ?? []));
      return;
    }
    const one = (name: string) => (req.headers[name] as string | undefined) ?? null;
    const entry: LoggedRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '',
      lastEventId: one('last-event-id'),
      requestHeaders: one('access-control-request-headers'),
      origin: one('origin'),
    };
    log.set(key, [...(log.get(key) ?? []), entry]);
    if (cors.handle(req, res)) return;
    const from = Number(entry.lastEventId ?? url.searchParams.get('lastEventId') ?? 0);
    if (from >= TOTAL) {
      res.writeHead(204).end();
      return;
    }
    const session = createSession(req, res);
    for (let id = from + 1; id <= Math.min(TOTAL, from + 2); id++) {
      session.send({ id: String(id), data: `event ${id}` });
    }
    session.close();
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  project.provide('crossOrigin', { mock: mock.url, server: `http://127.0.0.1:${port}` });
  return async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await mock.close();
    await loader.close();
  };
}
