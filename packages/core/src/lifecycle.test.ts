import { startServer, type TestServer } from '@ssekit/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { iterate } from './async-iterator';
import { connect } from './connect';
import { HttpError } from './errors';
import {
  activeTimers,
  nextEvents,
  openStream,
  requestSockets,
  resumeFrom,
  sse,
  untilStatus,
} from './test/helpers';
import type { EventStream, SSEEvent } from './types';

let server: TestServer | undefined;
let stream: EventStream | undefined;
afterEach(async () => {
  stream?.close();
  await server?.close();
  stream = server = undefined;
});

/** Lets pending I/O callbacks and timers of a few ms run. */
const settle = (ms = 60) => new Promise((r) => setTimeout(r, ms));

describe('close, abort and release', () => {
  it('close() ends the request: the server sees the socket close, no timers stay', async () => {
    const sockets = requestSockets();
    server = await startServer((req, res) => {
      sockets.track(req);
      openStream(res, sse({ data: 'x' }));
    });
    stream = connect(server.url, { idleTimeoutMs: 5000, maxConnectionAgeMs: 5000 });
    await nextEvents(stream, 1);
    const timersOpen = activeTimers();
    stream.close();
    expect(stream.status).toBe('closed');
    expect(activeTimers()).toBe(timersOpen - 2);
    expect(sockets.open).toBe(1);
    await sockets.allClosed();
  });

  it('aborting while a reconnect is pending cancels it: no further request, no timer', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(503);
      res.end();
    });
    const controller = new AbortController();
    stream = connect(server.url, {
      signal: controller.signal,
      retry: { initialMs: 40, jitter: 0 },
    });
    await untilStatus(stream, 'reconnecting');
    expect(stream.nextRetryAt).not.toBeNull();
    const timersWaiting = activeTimers();
    controller.abort();
    expect(stream.status).toBe('closed');
    expect(stream.nextRetryAt).toBeNull();
    expect(activeTimers()).toBe(timersWaiting - 1);
    await settle(100);
    expect(server.requests).toHaveLength(1);
  });

  it('never connects with an already-aborted signal', async () => {
    server = await startServer((_req, res) => openStream(res));
    stream = connect(server.url, { signal: AbortSignal.abort() });
    expect(stream.status).toBe('closed');
    await settle();
    expect(server.requests).toHaveLength(0);
  });

  it('close() while the headers function is pending sends no request', async () => {
    server = await startServer((_req, res) => openStream(res));
    let release: (h: Record<string, string>) => void = () => {};
    stream = connect(server.url, { headers: () => new Promise((r) => (release = r)) });
    stream.close();
    release({ authorization: 'late' });
    await settle();
    expect(server.requests).toHaveLength(0);
  });

  it('reconnect() drops the connection and resumes at once', async () => {
    server = await startServer((req, res) => {
      openStream(res, sse({ id: resumeFrom(req) + 1, data: 'x' }));
    });
    stream = connect(server.url, { retry: { initialMs: 60_000 } });
    await nextEvents(stream, 1);
    const second = nextEvents(stream, 1);
    stream.reconnect();
    expect((await second)[0]?.id).toBe('2');
    expect(server.requests[1]?.headers['last-event-id']).toBe('1');
  });
});

describe('async iteration', () => {
  it('yields every event in order and ends when the stream closes', async () => {
    server = await startServer((_req, res) => {
      openStream(res, [1, 2, 3].map((id) => sse({ id, data: `e${id}` })).join(''));
    });
    const s = connect(server.url);
    stream = s;
    const got: string[] = [];
    for await (const event of s) {
      got.push(event.data);
      if (got.length === 3) s.close();
    }
    expect(got).toEqual(['e1', 'e2', 'e3']);
  });

  it('throws the fatal error the stream closed with', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(401);
      res.end('who are you');
    });
    const s = connect(server.url);
    stream = s;
    await expect(async () => {
      for await (const _ of s) {
        // no events come
      }
    }).rejects.toBeInstanceOf(HttpError);
  });

  it('breaking out of the loop unsubscribes', async () => {
    server = await startServer((_req, res) =>
      openStream(res, sse({ data: 'a' }) + sse({ data: 'b' })),
    );
    const s = connect(server.url);
    stream = s;
    for await (const _ of s) break;
    expect(s.status).toBe('open');
    const again = nextEvents(s, 1);
    s.reconnect();
    expect((await again)[0]?.data).toBe('a'); // the stream goes on for other listeners
  });

  it('keeps at most `limit` events for a slow reader, dropping the oldest', async () => {
    const listeners: ((e: SSEEvent) => void)[] = [];
    const source = {
      status: 'open' as const,
      error: null,
      on: (_name: string, fn: (e: SSEEvent) => void) => {
        listeners.push(fn);
        return () => {};
      },
      onStatus: () => () => {},
    };
    const it = iterate(source, 3);
    for (let i = 1; i <= 5; i++) listeners[0]?.({ event: 'message', data: String(i), id: '' });
    const got: string[] = [];
    for (let i = 0; i < 3; i++) got.push(((await it.next()).value as SSEEvent).data);
    expect(got).toEqual(['3', '4', '5']);
  });
});
