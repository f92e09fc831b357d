import { startServer, type TestServer, until } from '@ssekit/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from './connect';
import { createHub } from './hub';
import {
  type InspectedStream,
  type Inspector,
  inspect,
  inspected,
  inspectedStreams,
} from './inspect';
import { nextEvents, openStream, sse, untilStatus } from './test/helpers';
import type { SSEEvent } from './types';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A server that sends `first` at once and keeps every response open; `push` writes to all. */
async function pushServer(first: string) {
  const clients = new Set<import('node:http').ServerResponse>();
  const server: TestServer = await startServer((_req, res) => {
    openStream(res, first);
    clients.add(res);
    res.on('close', () => clients.delete(res));
  });
  cleanups.push(() => server.close());
  const push = (text: string) => {
    for (const res of clients) res.write(text);
  };
  return { server, push };
}

/** An inspector that records what it hears; detached after the test. */
function recorder(hold = () => false) {
  const added: InspectedStream[] = [];
  const removed: InspectedStream[] = [];
  const events: SSEEvent[] = [];
  let bytes = 0;
  const inspector: Inspector = {
    add(stream) {
      added.push(stream);
      return {
        event: (event) => {
          events.push(event);
          return hold();
        },
        bytes: (count) => {
          bytes += count;
        },
      };
    },
    remove: (stream) => removed.push(stream),
  };
  cleanups.push(inspect(inspector));
  return { added, removed, events, bytes: () => bytes };
}

function open(url: string, options = {}) {
  const stream = connect(url, { retry: { initialMs: 5, maxMs: 10 }, ...options });
  cleanups.push(() => stream.close());
  return stream;
}

describe('inspect', () => {
  it('hears of live and new streams, their events and bytes, and forgets closed ones', async () => {
    const first = sse({ id: 1, event: 'quote', data: '{"p":1}' });
    const { server } = await pushServer(first);
    const before = open(`${server.url}/a`, { method: 'post', headers: { 'x-a': '1' }, body: 'q' });
    await nextEvents(before);
    const seen = recorder();
    expect(seen.added.map((s) => s.stream)).toEqual([before]);
    expect(seen.added[0]).toMatchObject({
      kind: 'connection',
      url: `${server.url}/a`,
      method: 'POST',
      transport: 'fetch',
      headers: { 'x-a': '1' },
      body: 'q',
      attempt: 0,
      subscribers: 0,
      role: null,
    });
    const after = open(`${server.url}/b`);
    await nextEvents(after);
    expect(seen.added.map((s) => s.stream)).toEqual([before, after]);
    expect(seen.events).toEqual([{ event: 'quote', data: '{"p":1}', id: '1' }]);
    expect(seen.bytes()).toBe(first.length);
    expect(inspectedStreams().map((s) => s.stream)).toEqual([before, after]);

    after.close();
    expect(seen.removed.map((s) => s.stream)).toEqual([after]);
    expect(inspected(after)).toBeUndefined();
    expect(inspectedStreams().map((s) => s.stream)).toEqual([before]);
  });

  it('holds events the probe asks for and delivers them when handed back', async () => {
    const { server, push } = await pushServer('');
    let holding = true;
    const seen = recorder(() => holding);
    const stream = open(server.url);
    const got: string[] = [];
    stream.on('*', (e) => got.push(e.data));
    await untilStatus(stream, 'open');
    push(sse({ data: 'a' }) + sse({ data: 'b' }));
    await until(() => seen.events.length === 2);
    expect(got).toEqual([]);
    holding = false;
    for (const event of seen.events) inspected(stream)?.deliver(event);
    push(sse({ data: 'c' }));
    await nextEvents(stream);
    expect(got).toEqual(['a', 'b', 'c']);
  });

  it('drop() fails the connection as a network loss would: backoff, then resume', async () => {
    const { server } = await pushServer(sse({ id: 9, data: 'x' }));
    recorder();
    const stream = open(server.url);
    await nextEvents(stream);
    const record = inspected(stream)!;
    const statuses: string[] = [];
    stream.onStatus((s) => statuses.push(s));
    let attempt = -1;
    stream.onStatus((s) => {
      if (s === 'reconnecting') attempt = record.attempt;
    });
    record.drop();
    await untilStatus(stream, 'reconnecting');
    await untilStatus(stream, 'open');
    expect(statuses).toEqual(['reconnecting', 'open']);
    expect(attempt).toBe(1);
    expect(server.requests[1]?.headers['last-event-id']).toBe('9');
  });

  it('counts the views a hub hands out, and allows one inspector at a time', async () => {
    const { server } = await pushServer('');
    recorder();
    expect(() => inspect({ add: () => null })).toThrow(/already attached/);
    const hub = createHub({ graceMs: 5 });
    cleanups.push(() => hub.close());
    const views = [hub.connect(server.url), hub.connect(server.url), hub.connect(server.url)];
    const shared = inspectedStreams().find((s) => s.url === server.url)!;
    expect(shared.subscribers).toBe(3);
    views[0]?.close();
    expect(shared.subscribers).toBe(2);
  });

  it('detaching drops every probe', async () => {
    const { server, push } = await pushServer('');
    const heard: string[] = [];
    const detach = inspect({
      add: () => ({ event: (e) => void heard.push(e.data), bytes() {} }),
    });
    const stream = open(server.url);
    await untilStatus(stream, 'open');
    push(sse({ data: 'a' }));
    await nextEvents(stream);
    detach();
    push(sse({ data: 'b' }));
    await nextEvents(stream);
    expect(heard).toEqual(['a']);
    expect(() => inspect({ add: () => null })()).not.toThrow();
  });
});
