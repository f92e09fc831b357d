import { startServer, type TestServer, writeSSEHead } from '@ssekit/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from './connect';
import { HttpError, RetryLimitError } from './errors';
import { MAX_RETRY_AFTER_MS, parseRetryAfter } from './fetch-transport';
import {
  nextEvents,
  openStream,
  resumeFrom,
  seededRandom,
  sse,
  untilStatus,
  writeThenDrop,
} from './test/helpers';
import type { EventStream, SSEEvent } from './types';

let server: TestServer | undefined;
let stream: EventStream | undefined;
afterEach(async () => {
  stream?.close();
  await server?.close();
  stream = server = undefined;
});

/** Resolves with `nextRetryAt - now` the next time the stream starts waiting to reconnect. */
function nextDelay(s: EventStream): Promise<number> {
  return new Promise((resolve) => {
    const off = s.onStatus((status) => {
      if (status !== 'reconnecting' || s.nextRetryAt === null) return;
      off();
      resolve(s.nextRetryAt - Date.now());
    });
  });
}

describe('reconnect and resume', () => {
  it('gets every event exactly once, in order, across drops at random byte offsets', async () => {
    const total = 300;
    const random = seededRandom(20261122);
    const event = (i: number) => sse({ id: i, event: i % 3 ? 'tick' : 'message', data: `é€${i}` });
    server = await startServer((req, res) => {
      const from = resumeFrom(req);
      if (from >= total) {
        res.writeHead(204);
        res.end();
        return;
      }
      writeSSEHead(res);
      const rest = Buffer.from(
        Array.from({ length: total - from }, (_, k) => event(from + 1 + k)).join(''),
      );
      const cut = 1 + Math.floor(random() * Math.min(rest.length, 300));
      if (cut >= rest.length) {
        res.end(rest);
        return;
      }
      const split = Math.floor(random() * cut);
      res.write(rest.subarray(0, split));
      writeThenDrop(res, rest.subarray(split, cut));
    });
    stream = connect(server.url, { retry: { initialMs: 1, jitter: 0, factor: 1 } });
    const got: SSEEvent[] = [];
    stream.on('*', (e) => got.push(e));
    await untilStatus(stream, 'closed');
    expect(stream.error).toBeNull();
    expect(got.map((e) => Number(e.id))).toEqual(Array.from({ length: total }, (_, k) => k + 1));
    expect(got.every((e) => e.data === `é€${e.id}`)).toBe(true);
    expect(server.requests.length).toBeGreaterThan(20);
  });

  it('reconnects when the server ends the stream, resuming from the last ID', async () => {
    server = await startServer((req, res) => {
      writeSSEHead(res);
      res.end(sse({ id: resumeFrom(req) + 1, data: 'x' }));
    });
    stream = connect(server.url, { retry: { initialMs: 1 } });
    const events = await nextEvents(stream, 3);
    expect(events.map((e) => e.id)).toEqual(['1', '2', '3']);
    expect(server.requests.slice(0, 3).map((r) => r.headers['last-event-id'])).toEqual([
      undefined,
      '1',
      '2',
    ]);
  });

  it("honours the server's retry: as the new base delay", async () => {
    const seen: number[] = [];
    server = await startServer((req, res) => {
      seen.push(Date.now());
      writeSSEHead(res);
      res.end(`retry: 40\n${sse({ id: resumeFrom(req) + 1, data: 'x' })}`);
    });
    stream = connect(server.url, { retry: { initialMs: 60_000, jitter: 0 } });
    const delay = nextDelay(stream);
    await nextEvents(stream, 2);
    expect(await delay).toBeGreaterThan(0);
    expect(await delay).toBeLessThanOrEqual(40);
    expect((seen[1] ?? 0) - (seen[0] ?? 0)).toBeGreaterThanOrEqual(38);
  });

  it('retries 503 with growing delays, then opens and clears the error', async () => {
    const seen: number[] = [];
    server = await startServer((_req, res) => {
      seen.push(performance.now());
      if (seen.length <= 4) {
        res.writeHead(503);
        res.end('busy');
        return;
      }
      openStream(res, sse({ data: 'up' }));
    });
    stream = connect(server.url, { retry: { initialMs: 10, factor: 2, jitter: 0 } });
    const errors: Error[] = [];
    stream.onError((e) => errors.push(e));
    await nextEvents(stream, 1);
    expect(stream.status).toBe('open');
    expect(stream.error).toBeNull();
    expect(errors).toHaveLength(4);
    expect(errors.every((e) => e instanceof HttpError && e.status === 503 && !e.fatal)).toBe(true);
    const gaps = seen.slice(1).map((t, i) => t - (seen[i] ?? 0));
    [10, 20, 40, 80].forEach((min, i) => {
      expect(gaps[i]).toBeGreaterThanOrEqual(min - 2);
    });
    expect(gaps[3]).toBeGreaterThan(gaps[0] ?? 0);
  });

  it('waits the Retry-After of a 429 (seconds or HTTP-date), capped', async () => {
    let answer = '1';
    server = await startServer((_req, res) => {
      res.writeHead(429, { 'retry-after': answer });
      res.end();
    });
    stream = connect(server.url, { retry: { initialMs: 1, jitter: 0 } });
    const first = await nextDelay(stream);
    expect(first).toBeGreaterThan(900);
    expect(first).toBeLessThanOrEqual(1000);
    expect((stream.error as HttpError).retryAfterMs).toBe(1000);
    stream.close();
    answer = new Date(Date.now() + 3000).toUTCString();
    stream = connect(server.url, { retry: { initialMs: 1, jitter: 0 } });
    const second = await nextDelay(stream);
    expect(second).toBeGreaterThan(1000);
    expect(second).toBeLessThanOrEqual(3000);
    expect(parseRetryAfter('999999')).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('retries 408 and network errors', async () => {
    server = await startServer((req, res) => {
      const n = server?.requests.length ?? 0;
      if (n === 1) {
        res.writeHead(408);
        res.end();
      } else if (n === 2) req.socket.destroy();
      else openStream(res, sse({ data: 'finally' }));
    });
    stream = connect(server.url, { retry: { initialMs: 1 } });
    expect((await nextEvents(stream, 1))[0]?.data).toBe('finally');
    expect(server.requests).toHaveLength(3);
  });

  it('gives up after maxAttempts with a RetryLimitError whose cause is the last failure', async () => {
    server = await startServer((req) => {
      req.socket.destroy();
    });
    stream = connect(server.url, { retry: { initialMs: 1, maxAttempts: 3 } });
    await untilStatus(stream, 'closed');
    const error = stream.error as RetryLimitError;
    expect(error).toBeInstanceOf(RetryLimitError);
    expect(error.attempts).toBe(3);
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(server.requests).toHaveLength(3);
  });

  it('aborts a stalled connection after idleTimeoutMs and resumes with Last-Event-ID', async () => {
    server = await startServer((req, res) => {
      const from = resumeFrom(req);
      openStream(res, sse({ id: from + 1, data: 'then silence' }));
    });
    stream = connect(server.url, { idleTimeoutMs: 40, retry: { initialMs: 1 } });
    const errors: Error[] = [];
    stream.onError((e) => errors.push(e));
    const events = await nextEvents(stream, 2);
    // Each request is answered from its Last-Event-ID, so without the resume id 1 would repeat.
    expect(events.map((e) => e.id)).toEqual(['1', '2']);
    // The idle limit counts from the start of an attempt: on a loaded machine it may cut an
    // attempt before its first bytes arrive, which then retries without an id. The first
    // request that carries one must carry the id received before the stall.
    const resumedFrom = server.requests.map((r) => r.headers['last-event-id']).filter(Boolean);
    expect(resumedFrom[0]).toBe('1');
    expect(errors[0]).toMatchObject({ code: 'idle-timeout' });
  });

  it('counts heartbeat comments as activity', async () => {
    server = await startServer((_req, res) => {
      openStream(res, sse({ id: 1, data: 'a' }));
      const beat = setInterval(() => res.write(':\n'), 10);
      res.on('close', () => clearInterval(beat));
      setTimeout(() => res.write(sse({ id: 2, data: 'b' })), 150);
    });
    stream = connect(server.url, { idleTimeoutMs: 60 });
    const events = await nextEvents(stream, 2);
    expect(events.map((e) => e.data)).toEqual(['a', 'b']);
    expect(server.requests).toHaveLength(1);
  });

  it('reconnects after maxConnectionAgeMs, resuming, without counting a failure', async () => {
    server = await startServer((req, res) => {
      openStream(res, sse({ id: resumeFrom(req) + 1, data: 'x' }));
    });
    stream = connect(server.url, {
      maxConnectionAgeMs: 30,
      retry: { initialMs: 60_000, maxAttempts: 1 },
    });
    const errors: Error[] = [];
    stream.onError((e) => errors.push(e));
    const statuses: string[] = [];
    stream.onStatus((s) => statuses.push(s));
    const events = await nextEvents(stream, 3);
    expect(events.map((e) => e.id)).toEqual(['1', '2', '3']);
    expect(server.requests[2]?.headers['last-event-id']).toBe('2');
    expect(errors).toEqual([]);
    expect(statuses).toEqual(['open']); // a planned roll-over does not flicker the status
  });
});
