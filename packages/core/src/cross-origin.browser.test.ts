import { afterEach, describe, expect, inject, it } from 'vitest';
import { connect } from './connect';
import { eventSourceTransport } from './eventsource-transport';
import { nextEvents, untilStatus } from './test/stream';
import type { EventStream } from './types';

// The page runs on the test server's origin; these servers listen on other ports of 127.0.0.1.
const { mock, server } = inject('crossOrigin');
const retry = { initialMs: 20, jitter: 0 };

interface Logged {
  method: string;
  url: string;
  lastEventId: string | null;
  requestHeaders: string | null;
  origin: string | null;
}
const logOf = async (key: string): Promise<Logged[]> =>
  (await fetch(`${server}/log?key=${key}`)).json();

let stream: EventStream | undefined;
afterEach(() => stream?.close());

describe('across origins (page and server on different origins, real Chromium)', () => {
  it('a plain GET needs no preflight; resuming with Last-Event-ID is preflighted and allowed', async () => {
    expect(new URL(server).origin).not.toBe(location.origin);
    const key = `plain-${Math.random()}`;
    stream = connect(`${server}/s?key=${key}`, { retry });
    const events = await nextEvents(stream, 4);
    expect(events.map((e) => e.data)).toEqual(['event 1', 'event 2', 'event 3', 'event 4']);
    await untilStatus(stream, 'closed');
    expect(stream.error).toBeNull();
    const log = await logOf(key);
    expect(log[0]).toMatchObject({ method: 'GET', lastEventId: null, origin: location.origin });
    // Each resume sends Last-Event-ID, which is not CORS-safelisted: the browser asks first.
    const gets = log.filter((r) => r.method === 'GET');
    expect(gets.map((r) => r.lastEventId)).toEqual([null, '2', '4']);
    const preflights = log.filter((r) => r.method === 'OPTIONS');
    expect(preflights.length).toBeGreaterThan(0);
    for (const r of preflights) expect(r.requestHeaders).toBe('last-event-id');
  });

  it('with lastEventIdParam, resumes with no preflight at all', async () => {
    const key = `param-${Math.random()}`;
    stream = connect(`${server}/s?key=${key}`, { retry, lastEventIdParam: 'lastEventId' });
    expect((await nextEvents(stream, 4)).map((e) => e.id)).toEqual(['1', '2', '3', '4']);
    await untilStatus(stream, 'closed');
    const log = await logOf(key);
    expect(log.map((r) => r.method)).toEqual(['GET', 'GET', 'GET']);
    expect(log.map((r) => new URL(r.url, server).searchParams.get('lastEventId'))).toEqual([
      null,
      '2',
      '4',
    ]);
  });

  it('an Authorization header is preflighted and allowed by the CORS helper', async () => {
    const key = `auth-${Math.random()}`;
    stream = connect(`${server}/s?key=${key}`, { retry, headers: { authorization: 'Bearer t' } });
    await nextEvents(stream, 2);
    const [first] = await logOf(key);
    expect(first?.method).toBe('OPTIONS');
    expect(first?.requestHeaders).toBe('authorization');
  });

  it('streams the standalone mock server with fetch and with EventSource', async () => {
    stream = connect(`${mock}/sse/ticker?symbols=AAPL&rate=50`);
    const [quote] = await nextEvents(stream, 1, 'quote');
    expect(JSON.parse(quote?.data ?? '{}')).toMatchObject({ symbol: 'AAPL' });
    stream.close();
    stream = connect(`${mock}/sse/ticker?symbols=MSFT&rate=50`, {
      transport: eventSourceTransport,
      credentials: 'include',
    });
    const [native] = await nextEvents(stream, 1, 'quote');
    expect(JSON.parse(native?.data ?? '{}')).toMatchObject({ symbol: 'MSFT' });
  });
});
