import { startServer, type TestServer } from '@ssekit/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from './connect';
import { HttpError } from './errors';
import { nextError, nextEvents, openStream, sse, untilStatus, writeThenDrop } from './test/helpers';
import type { EventStream, StreamReset } from './types';

let server: TestServer | undefined;
let stream: EventStream | undefined;
afterEach(async () => {
  stream?.close();
  await server?.close();
  stream = server = undefined;
});

const fast = { retry: { initialMs: 5, maxMs: 10, jitter: 0 } };

function nextReset(s: EventStream): Promise<StreamReset> {
  return new Promise((resolve) => {
    const off = s.onReset((reset) => {
      off();
      resolve(reset);
    });
  });
}

describe('resets: history lost, and said so', () => {
  it('reports the server`s reset (an id of another history) with the id it resumed from', async () => {
    server = await startServer((req, res) => {
      openStream(res);
      if (req.headers['last-event-id'] === 'old-7') {
        res.write(sse({ event: 'reset', data: '{"oldestId":"new-1","latestId":"new-2"}' }));
        res.write(sse({ id: 'new-1', data: 'a' }) + sse({ id: 'new-2', data: 'b' }));
      }
    });
    stream = connect(server.url, { ...fast, lastEventId: 'old-7' });
    const reset = nextReset(stream);
    const events = nextEvents(stream, 3);
    expect(await reset).toEqual({
      reason: 'server',
      data: '{"oldestId":"new-1","latestId":"new-2"}',
      lastEventId: 'old-7',
    });
    expect((await events).map((e) => e.event)).toEqual(['reset', 'message', 'message']);
    expect(stream.resets).toBe(1);
    expect(stream.lastEventId).toBe('new-2');
  });

  it('reports a reconnect after events without ids as unresumable (what came between is lost)', async () => {
    let n = 0;
    server = await startServer((_req, res) => {
      n++;
      openStream(res);
      writeThenDrop(res, sse({ data: `no id ${n}` }));
    });
    stream = connect(server.url, fast);
    const reset = nextReset(stream);
    expect(await reset).toEqual({ reason: 'unresumable', data: '', lastEventId: '' });
    expect(stream.resets).toBeGreaterThanOrEqual(1);
  });

  it('never reports a reset for a plain resume', async () => {
    let n = 0;
    server = await startServer((_req, res) => {
      n++;
      openStream(res);
      writeThenDrop(res, sse({ id: n, data: String(n) }));
    });
    stream = connect(server.url, fast);
    await nextEvents(stream, 3);
    expect(stream.resets).toBe(0);
  });

  it('isolates listeners: one that throws stops neither the others nor the stream', async () => {
    server = await startServer((_req, res) => {
      openStream(res);
      res.write(
        sse({ id: 1, event: 'tick', data: 'x' }) + sse({ id: 2, event: 'tick', data: 'y' }),
      );
    });
    stream = connect(server.url, fast);
    const errors: unknown[] = [];
    const onError = (e: unknown) => errors.push(e);
    process.on('uncaughtException', onError);
    try {
      const seen: string[] = [];
      stream.on('tick', () => {
        throw new Error('listener bug');
      });
      stream.on('tick', (e) => seen.push(`tick ${e.data}`));
      stream.on('*', (e) => seen.push(`* ${e.data}`));
      await nextEvents(stream, 2, 'tick');
      await new Promise((r) => setTimeout(r, 0));
      expect(seen).toEqual(['tick x', '* x', 'tick y', '* y']);
      expect(errors).toHaveLength(2);
      expect(stream.status).toBe('open');
    } finally {
      process.off('uncaughtException', onError);
    }
  });
});

describe('onUnauthorized', () => {
  it('refreshes the token once and reconnects with the new headers and the same Last-Event-ID', async () => {
    let token = 'old';
    server = await startServer((req, res) => {
      const auth = req.headers.authorization;
      if (server!.requests.length === 1 && auth === 'Bearer old') {
        openStream(res);
        writeThenDrop(res, sse({ id: 5, data: 'five' })); // then the token expires
      } else if (auth !== 'Bearer new') res.writeHead(401).end('expired');
      else {
        openStream(res);
        res.write(sse({ id: 6, data: 'six' }));
      }
    });
    const refreshed: number[] = [];
    stream = connect(server.url, {
      ...fast,
      headers: () => ({ authorization: `Bearer ${token}` }),
      onUnauthorized: async (error) => {
        refreshed.push(error.status);
        token = 'new';
      },
    });
    const events = await nextEvents(stream, 2);
    expect(events.map((e) => e.data)).toEqual(['five', 'six']);
    expect(refreshed).toEqual([401]);
    expect(
      server.requests.map((r) => [r.headers.authorization, r.headers['last-event-id']]),
    ).toEqual([
      ['Bearer old', undefined],
      ['Bearer old', '5'],
      ['Bearer new', '5'],
    ]);
  });

  it('is fatal on a second 401/403 in a row: no loop', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(403).end('no');
    });
    let calls = 0;
    stream = connect(server.url, { ...fast, onUnauthorized: () => void calls++ });
    const error = await nextError(stream);
    await untilStatus(stream, 'closed');
    expect(calls).toBe(1);
    expect(stream.error).toBeInstanceOf(HttpError);
    expect((stream.error as HttpError).status).toBe(403);
    expect(error).toBeInstanceOf(HttpError);
    expect(server.requests).toHaveLength(2);
  });
});
