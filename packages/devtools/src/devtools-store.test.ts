import {
  connect,
  createHub,
  type EventStream,
  inspectedStreams,
  type SSEEvent,
} from '@ssekit/core';
import { until } from '@ssekit/testing';
import { describe, expect, it } from 'vitest';
import { createDevtoolsStore } from './devtools-store';
import { frame, later, pushServer } from './test/server';

const fast = { retry: { initialMs: 10, maxMs: 20 } };

function setup(options = {}) {
  const store = createDevtoolsStore({ refreshMs: 10, ...options });
  later(store.retain());
  const recordOf = (stream: EventStream) =>
    store.records().find((r) => r.inspected.stream === stream);
  return { store, recordOf };
}

function open(url: string) {
  const stream = connect(url, fast);
  later(() => stream.close());
  return stream;
}

describe('devtools store', () => {
  it('records every event and byte, keeps a bounded window and the status history', async () => {
    const frames = Array.from({ length: 150 }, (_, i) => frame(`{"i":${i}}`, 'tick', `${i + 1}`));
    const server = await pushServer(frames.join(''));
    const { store, recordOf } = setup({ maxEvents: 20 });
    const stream = open(server.url);
    await until(() => recordOf(stream)?.events === 150);
    const record = recordOf(stream)!;
    expect(record.bytesTotal).toBe(new TextEncoder().encode(frames.join('')).length);
    expect(record.kept().map((k) => k.event.id)).toEqual(
      Array.from({ length: 20 }, (_, i) => `${131 + i}`),
    );
    expect(record.kept()[0]?.previousId).toBe('130');
    expect(record.inspected).toMatchObject({ method: 'GET', transport: 'fetch', url: server.url });
    expect(record.history.map((h) => h.status)).toEqual(['connecting', 'open']);

    let version = store.getVersion();
    await until(() => store.getVersion() > version);
    stream.close();
    expect(record.history.at(-1)?.status).toBe('closed');
    expect(store.records()).toContain(record);
    version = store.getVersion();
    await until(() => store.getVersion() > version);
  });

  it('finds gaps and resets in the ids and counts reset events once', async () => {
    const ids = [
      '1',
      '2',
      '5',
      null,
      '1',
      '2',
      '3',
      '1',
      'ab-3',
      'ab-4',
      'cd-9',
      'cd-12',
      '4.0',
      '7.1',
    ];
    const body = ids
      .map((id) => (id === null ? frame('{}', 'reset') : frame('x', undefined, id)))
      .join('');
    const server = await pushServer(body);
    const { recordOf } = setup();
    const stream = open(server.url);
    await until(() => recordOf(stream)?.events === ids.length);
    const record = recordOf(stream)!;
    expect(record.anomalies.map((a) => [a.kind, a.from, a.to])).toEqual([
      ['gap', '2', '5'],
      ['reset', '5', '5'],
      ['reset', '3', '1'],
      ['reset', '1', 'ab-3'],
      ['reset', 'ab-4', 'cd-9'],
      ['gap', 'cd-9', 'cd-12'],
    ]);
    expect([record.resets, record.gaps]).toEqual([4, 2]);
  });

  it('pauses delivery: the app gets nothing until resumed, then everything in order', async () => {
    const server = await pushServer(frame('a', undefined, '1'));
    const { recordOf } = setup();
    const stream = open(server.url);
    const seen: SSEEvent[] = [];
    stream.on('*', (e) => seen.push(e));
    await until(() => seen.length === 1);
    const record = recordOf(stream)!;
    record.setPaused(true);
    server.push(frame('b', undefined, '2'), frame('c', undefined, '3'));
    await until(() => record.events === 3);
    expect(seen.map((e) => e.data)).toEqual(['a']);
    expect(record.held).toHaveLength(2);
    record.setPaused(false);
    expect(seen.map((e) => e.data)).toEqual(['a', 'b', 'c']);
    expect(record.held).toHaveLength(0);
  });

  it('simulates a drop: the stream reconnects with backoff and resumes from the last id', async () => {
    const server = await pushServer(frame('a', undefined, '7'));
    const { recordOf } = setup();
    const stream = open(server.url);
    await until(() => recordOf(stream)?.events === 1);
    const record = recordOf(stream)!;
    record.inspected.drop();
    await until(() => server.requests.length === 2 && stream.status === 'open');
    expect(server.requests[1]?.headers['last-event-id']).toBe('7');
    const statuses = record.history.map((h) => h.status);
    expect(statuses.slice(0, 3)).toEqual(['connecting', 'open', 'reconnecting']);
    expect(statuses.at(-1)).toBe('open');
    const retry = record.history.find((h) => h.status === 'reconnecting');
    expect(retry?.attempt).toBe(1);
    expect(retry?.error?.message).toMatch(/drop/i);
  });

  it('counts the views a hub hands out on one connection', async () => {
    const server = await pushServer();
    const { recordOf } = setup();
    const hub = createHub({ graceMs: 10 });
    later(() => hub.close());
    const a = hub.connect(server.url);
    const b = hub.connect(server.url);
    const underlying = inspectedStreams().find((s) => s.url === server.url);
    expect(underlying?.subscribers).toBe(2);
    expect(underlying && recordOf(underlying.stream)).toBeDefined();
    a.close();
    expect(underlying?.subscribers).toBe(1);
    b.close();
  });

  it('lets go of the core once released', async () => {
    const server = await pushServer(frame('a'));
    const store = createDevtoolsStore();
    const release = store.retain();
    const stream = open(server.url);
    const seen: string[] = [];
    stream.on('*', (e) => seen.push(e.data));
    await until(() => seen.length === 1);
    const [record] = store.records();
    expect(record?.events).toBe(1);
    release();
    expect(store.records()).toEqual([]);
    server.push(frame('b'));
    await until(() => seen.length === 2);
    expect(record?.events).toBe(1);
    // Another inspector may attach now.
    expect(() => createDevtoolsStore().retain()()).not.toThrow();
  });
});
