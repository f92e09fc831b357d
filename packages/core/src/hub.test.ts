import { startServer, type TestServer } from '@ssekit/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createHub, getDefaultHub, type Hub } from './hub';
import { requestKey } from './request-key';
import { nextEvents, openStream, requestSockets, sse, untilStatus } from './test/helpers';
import type { SSEEvent } from './types';

let server: TestServer | undefined;
let hub: Hub | undefined;
afterEach(async () => {
  hub?.close();
  await server?.close();
  hub = server = undefined;
});

/** A server that sends `hello` at once and whatever `push` writes later, to every client. */
async function broadcastServer() {
  const clients = new Set<import('node:http').ServerResponse>();
  const sockets = requestSockets();
  const s = await startServer((req, res) => {
    sockets.track(req);
    openStream(res, sse({ id: 1, event: 'hello', data: 'hi' }));
    clients.add(res);
    res.on('close', () => clients.delete(res));
  });
  const push = (text: string) => {
    for (const res of clients) res.write(text);
  };
  return { server: s, push, sockets };
}

describe('createHub', () => {
  it('shares one request among 20 identical subscribers', async () => {
    const b = await broadcastServer();
    server = b.server;
    hub = createHub();
    const h = hub;
    const url = `${server.url}/feed`;
    const views = Array.from({ length: 20 }, () =>
      h.connect(url, { headers: { 'X-Room': '1' }, retry: { initialMs: 1 } }),
    );
    const received = views.map((v) => nextEvents(v, 1));
    expect((await Promise.all(received)).map((e) => e[0]?.data)).toEqual(Array(20).fill('hi'));
    expect(server.requests).toHaveLength(1);
    expect(h.size).toBe(1);
    // header names are case-insensitive, so this is the same request
    const same = h.connect(url, { headers: { 'x-room': '1' } });
    const other = h.connect(url, { headers: { 'x-room': '2' } });
    await untilStatus(other, 'open');
    expect(h.size).toBe(2);
    expect(server.requests).toHaveLength(2);
    same.close();
    other.close();
    for (const v of views) v.close();
  });

  it('keeps the connection for graceMs after the last view closes, then closes its socket', async () => {
    const b = await broadcastServer();
    server = b.server;
    hub = createHub({ graceMs: 50 });
    const first = hub.connect(server.url);
    await untilStatus(first, 'open');
    first.close();
    expect(first.status).toBe('closed');
    // a StrictMode-style remount within the grace period reuses the connection
    const second = hub.connect(server.url);
    expect(second.status).toBe('open');
    second.close();
    expect(hub.size).toBe(1);
    expect(b.sockets.open).toBe(1);
    await b.sockets.allClosed();
    expect(hub.size).toBe(0);
    expect(server.requests).toHaveLength(1);
    // after the grace period a new subscriber opens a new connection
    const third = hub.connect(server.url);
    await untilStatus(third, 'open');
    expect(server.requests).toHaveLength(2);
    third.close();
  });

  it("a view's close() and signal release only that view", async () => {
    const b = await broadcastServer();
    server = b.server;
    hub = createHub({ graceMs: 0 });
    const controller = new AbortController();
    const a = hub.connect(server.url, { signal: controller.signal });
    const c = hub.connect(server.url);
    await nextEvents(c, 1);
    const seenByA: string[] = [];
    const statusA: string[] = [];
    a.on('*', (e) => seenByA.push(e.data));
    a.onStatus((s) => statusA.push(s));
    controller.abort();
    expect(a.status).toBe('closed');
    expect(statusA).toEqual(['closed']);
    b.push(sse({ data: 'later' }));
    expect((await nextEvents(c, 1))[0]?.data).toBe('later');
    expect(seenByA).toEqual([]);
    expect(hub.size).toBe(1);
    c.close();
    await b.sockets.allClosed();
    expect(hub.size).toBe(0);
    expect(server.requests).toHaveLength(1);
  });

  it('replayLast gives a late listener the last event of its name, asynchronously', async () => {
    const b = await broadcastServer();
    server = b.server;
    hub = createHub();
    const early = hub.connect(server.url);
    await nextEvents(early, 1);
    b.push(sse({ id: 2, event: 'price', data: '42' }));
    await nextEvents(early, 1);
    const late = hub.connect(server.url, { replayLast: true });
    const prices: SSEEvent[] = [];
    const any: SSEEvent[] = [];
    late.on('price', (e) => prices.push(e));
    late.on('*', (e) => any.push(e));
    late.on('unknown', () => {
      throw new Error('nothing to replay');
    });
    expect(prices).toEqual([]);
    await Promise.resolve();
    expect(prices).toEqual([{ event: 'price', data: '42', id: '2' }]);
    expect(any.map((e) => e.data)).toEqual(['42']);
    const plain = hub.connect(server.url);
    const none: SSEEvent[] = [];
    plain.on('price', (e) => none.push(e));
    await Promise.resolve();
    expect(none).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('reconnect() on a view reconnects the shared connection', async () => {
    const b = await broadcastServer();
    server = b.server;
    hub = createHub();
    const a = hub.connect(server.url, { retry: { initialMs: 60_000 } });
    const c = hub.connect(server.url, { retry: { initialMs: 60_000 } });
    await nextEvents(c, 1);
    const again = nextEvents(c, 1);
    a.reconnect();
    expect((await again)[0]?.data).toBe('hi');
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.headers['last-event-id']).toBe('1');
  });

  it('a fatal error reaches every view and a later subscriber starts afresh', async () => {
    let fail = true;
    server = await startServer((_req, res) => {
      if (fail) {
        res.writeHead(403);
        res.end('forbidden');
      } else openStream(res, sse({ data: 'ok' }));
    });
    hub = createHub();
    const a = hub.connect(server.url);
    const c = hub.connect(server.url);
    await untilStatus(a, 'closed');
    expect(c.status).toBe('closed');
    expect(c.error).toMatchObject({ status: 403 });
    expect(hub.size).toBe(0);
    fail = false;
    const d = hub.connect(server.url);
    expect((await nextEvents(d, 1))[0]?.data).toBe('ok');
  });

  it('keys a headers function and a non-string body by identity', async () => {
    server = await startServer((_req, res) => openStream(res));
    hub = createHub();
    const headers = () => ({ authorization: 'Bearer x' });
    const body = new URLSearchParams({ q: '1' });
    hub.connect(server.url, { headers });
    hub.connect(server.url, { headers });
    hub.connect(server.url, { headers: () => ({ authorization: 'Bearer x' }) });
    hub.connect(server.url, { method: 'POST', body });
    hub.connect(server.url, { method: 'POST', body });
    hub.connect(server.url, { method: 'POST', body: new URLSearchParams({ q: '1' }) });
    hub.connect(server.url, { method: 'post', body: 'same' });
    hub.connect(server.url, { method: 'POST', body: 'same' });
    expect(hub.size).toBe(5);
    // a string body that reads like the id the URLSearchParams body counts by is another body
    hub.connect(server.url, { method: 'POST', body: JSON.parse(requestKey(body)) });
    expect(hub.size).toBe(6);
  });

  it('an already-aborted signal gives a closed view and no connection', () => {
    hub = createHub();
    const view = hub.connect('http://127.0.0.1:9/never', { signal: AbortSignal.abort() });
    expect(view.status).toBe('closed');
    expect(hub.size).toBe(0);
  });

  it('getDefaultHub returns one shared hub', () => {
    expect(getDefaultHub()).toBe(getDefaultHub());
  });
});
