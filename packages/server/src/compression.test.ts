import type http from 'node:http';
import { createRequire } from 'node:module';
import { startServer, type TestServer } from '@ssekit/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSession } from './node';
import type { Session } from './session';
import { openStream } from './test-helpers';

type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;
const compression = createRequire(import.meta.url)('compression') as () => Middleware;

let server: TestServer | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

/** A server running `compression()` before `createSession`; returns its sessions, in order. */
async function serve(headers: Record<string, string>) {
  const sessions: Session[] = [];
  const compress = compression();
  server = await startServer(
    (req, res) =>
      new Promise<void>((resolve) =>
        compress(req, res, () => {
          sessions.push(createSession(req, res, { heartbeatMs: 0, headers }));
          resolve();
        }),
      ),
  );
  return sessions;
}

describe('createSession behind compression middleware', () => {
  it('is left alone by default (no-transform): events arrive, nothing to warn about', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const sessions = await serve({});
    const stream = await openStream(`${server!.url}/plain`, { 'accept-encoding': 'gzip' });
    expect(stream.response.headers.get('content-encoding')).toBeNull();
    expect(stream.response.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(stream.response.headers.get('x-accel-buffering')).toBe('no');
    sessions[0]!.send({ data: 'one' });
    await stream.until(() => stream.events.length === 1);
    expect(warn).not.toHaveBeenCalled();
    stream.close();
  });

  it('warns once per route and flushes every event through it instead of holding them', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const sessions = await serve({ 'cache-control': 'no-cache' });
    const url = server!.url;
    const stream = await openStream(`${url}/gz?x=1`, { 'accept-encoding': 'gzip' });
    expect(stream.response.headers.get('content-encoding')).toBe('gzip');
    sessions[0]!.send({ id: 'a', data: 'one' });
    await stream.until(() => stream.events.length === 1);
    sessions[0]!.send({ id: 'b', data: 'two' });
    await stream.until(() => stream.events.length === 2);
    expect(stream.events.map((e) => e.data)).toEqual(['one', 'two']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/\/gz .*compression/);

    const again = await openStream(`${url}/gz?x=2`, { 'accept-encoding': 'gzip' });
    sessions[1]!.send({ data: 'three' });
    await again.until(() => again.events.length === 1);
    expect(warn).toHaveBeenCalledTimes(1);
    stream.close();
    again.close();
  });
});
