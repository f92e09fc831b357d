import { afterEach, describe, expect, it } from 'vitest';
import { connect } from './connect';
import { SSEError } from './errors';
import { eventSourceTransport } from './eventsource-transport';
import { inspect } from './inspect';
import { counterStats, nextEvents, untilStatus } from './test/stream';
import type { EventStream, StreamStatus } from './types';

let stream: EventStream | undefined;
afterEach(() => stream?.close());

describe('eventsource transport (native EventSource in Chromium)', () => {
  it('receives events and resumes after drops: the browser sends Last-Event-ID', async () => {
    const key = `es-${Math.random()}`;
    stream = connect(`/__sse/counter?key=${key}&total=6&drop=2&retry=20`, {
      transport: eventSourceTransport,
    });
    const statuses: StreamStatus[] = [];
    stream.onStatus((s) => statuses.push(s));
    const events = await nextEvents(stream, 6, '*');
    expect(events.map((e) => e.id)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(events.map((e) => e.data)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6']);
    expect(stream.lastEventId).toBe('6');
    expect((await counterStats(key)).lastEventIds.slice(0, 3)).toEqual(['', '2', '4']);
    expect(statuses.slice(0, 3)).toEqual(['open', 'reconnecting', 'open']);
  });

  it('delivers named events to on(name) and to "*" once a listener exists', async () => {
    const key = `named-${Math.random()}`;
    stream = connect(`/__sse/counter?key=${key}&total=4&named=1&interval=20`, {
      transport: eventSourceTransport,
    });
    const ticks = nextEvents(stream, 2, 'tick');
    const all = nextEvents(stream, 4, '*');
    expect((await ticks).map((e) => e.id)).toEqual(['2', '4']);
    expect((await all).map((e) => `${e.event}:${e.id}`)).toEqual([
      'message:1',
      'tick:2',
      'message:3',
      'tick:4',
    ]);
  });

  it('closes with a fatal error when EventSource gives up (HTTP 404)', async () => {
    stream = connect('/__sse/status?code=404', { transport: eventSourceTransport });
    await untilStatus(stream, 'closed');
    expect(stream.error).toBeInstanceOf(SSEError);
    expect((stream.error as SSEError).code).toBe('eventsource');
  });

  it('close() closes the EventSource: the server sees the response end', async () => {
    const key = `close-${Math.random()}`;
    stream = connect(`/__sse/counter?key=${key}&total=1000&interval=20`, {
      transport: eventSourceTransport,
    });
    await nextEvents(stream, 1, '*');
    expect((await counterStats(key)).open).toBe(1);
    stream.close();
    expect((await counterStats(key, 0)).open).toBe(0);
  });

  it('the fetch transport resumes from the same endpoint with Last-Event-ID too', async () => {
    const key = `fetch-${Math.random()}`;
    stream = connect(`/__sse/counter?key=${key}&total=6&drop=2`, { retry: { initialMs: 10 } });
    const events = await nextEvents(stream, 6, '*');
    expect(events.map((e) => e.id)).toEqual(['1', '2', '3', '4', '5', '6']);
    await untilStatus(stream, 'closed');
    expect(stream.error).toBeNull();
    expect((await counterStats(key)).lastEventIds).toEqual(['', '2', '4', '6']);
  });

  it('reports an estimate of the bytes to an inspector: exact for a stream of plain fields', async () => {
    // Multi-byte data, a multi-line event, a named event, an event that keeps the previous id.
    const body =
      'id: 1\ndata: héllo ✓ 🎉\n\n' +
      'event: tick\nid: 2\ndata: {"a":1}\ndata: second line\n\n' +
      'data: same id\n\n' +
      'id: 3\ndata: last\n\n';
    const exact = new TextEncoder().encode(body).length;
    const b64 = btoa(String.fromCharCode(...new TextEncoder().encode(body)));
    // Bytes counted up to the fourth event (the body's last, before any reconnect), by transport.
    const counted = new Map<string, Promise<number>>();
    const detach = inspect({
      add(s) {
        let bytes = 0;
        let events = 0;
        let done: (n: number) => void = () => {};
        counted.set(s.transport, new Promise<number>((r) => (done = r)));
        return {
          event() {
            if (++events === 4) done(bytes);
            return false;
          },
          bytes(n) {
            bytes += n;
          },
        };
      },
    });
    try {
      const url = `/__sse/raw?b64=${encodeURIComponent(b64)}&chunk=7`;
      const native = connect(url, { transport: eventSourceTransport, retry: { initialMs: 5000 } });
      native.on('tick', () => {});
      stream = native;
      const viaFetch = connect(url, { retry: { initialMs: 5000 } });
      try {
        expect(await counted.get('fetch')).toBe(exact);
        expect(await counted.get('eventsource')).toBe(exact);
      } finally {
        viaFetch.close();
      }
    } finally {
      detach();
    }
  });
});
