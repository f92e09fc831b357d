import { connect, type SSEEvent } from '@ssekit/core';
import { startServer, type TestServer, until } from '@ssekit/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisBroker, type RedisBroker, type SharedChannel } from './redis';
import { freePort, openStream, startRedis, type TestRedis } from './test-helpers';

let redis: TestRedis;

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  await redis.stop();
});

/** One server instance: its own broker (own Redis connections) and HTTP server. */
async function instance(prefix: string, historySize = 5) {
  const broker = createRedisBroker({
    redis: () => new Redis({ host: '127.0.0.1', port: redis.port }),
    prefix,
  });
  const news = broker.channel('news', { historySize });
  const server = await startServer(async (req, res) => {
    await news.handle(req, res, { heartbeatMs: 0, retry: 10 });
  });
  return { broker, news, server };
}

type Instance = { broker: RedisBroker; news: SharedChannel; server: TestServer };

async function stop(...xs: Instance[]) {
  for (const x of xs) {
    await x.broker.close();
    await x.server.close();
  }
}

describe('createRedisBroker', () => {
  let a: Instance;
  let b: Instance;
  let epoch: string;
  const id = (n: number) => `${epoch}-${n}`;

  beforeAll(async () => {
    const prefix = `t${Date.now()}:`;
    a = await instance(prefix);
    b = await instance(prefix);
  });

  afterAll(() => stop(a, b));

  it('shares publishes, IDs and one epoch between two instances', async () => {
    const onA = await openStream(a.server.url);
    const onB = await openStream(b.server.url);
    expect(a.news.size).toBe(1);
    expect(b.news.size).toBe(1);
    const first = await a.news.publish({ event: 'n', data: { from: 'a' } });
    const second = await b.news.publish({ event: 'n', data: { from: 'b' } });
    epoch = String(first.id).split('-')[0]!;
    expect(epoch).toMatch(/^[0-9a-z]{8}$/);
    expect([first.id, second.id]).toEqual([id(1), id(2)]);
    for (const s of [onA, onB]) await s.until(() => s.events.length === 2);
    expect(onA.events).toEqual(onB.events);
    expect(onA.events.map((e) => [e.id, e.data])).toEqual([
      [id(1), '{"from":"a"}'],
      [id(2), '{"from":"b"}'],
    ]);
    onA.close();
    onB.close();
  });

  it('replays from the shared history on another instance, and resets when too old', async () => {
    for (let i = 3; i <= 8; i++) await a.news.publish({ data: i });
    // History keeps 5: ids 4..8. A client last on instance A resumes on B.
    const resumed = await openStream(b.server.url, { 'last-event-id': id(6) });
    await resumed.until(() => resumed.events.length === 2);
    expect(resumed.events.map((e) => e.id)).toEqual([id(7), id(8)]);
    expect(resumed.response.headers.get('x-sse-oldest-id')).toBeNull();

    for (const old of [id(2), '6', `zzzzzzzz-6`]) {
      const stale = await openStream(b.server.url, { 'last-event-id': old });
      await stale.until(() => stale.events.length === 6);
      expect(stale.response.headers.get('x-sse-oldest-id')).toBe(id(4));
      expect(stale.events[0]).toMatchObject({
        event: 'reset',
        data: JSON.stringify({ oldestId: id(4), latestId: id(8) }),
      });
      expect(stale.events.slice(1).map((e) => e.id)).toEqual([4, 5, 6, 7, 8].map(id));
      stale.close();
    }

    await a.news.publish({ data: 'live' });
    await resumed.until(() => resumed.events.length === 3);
    expect(resumed.events[2]).toMatchObject({ id: id(9), data: 'live' });
    resumed.close();
  });
});

describe('createRedisBroker under failures', () => {
  it('delivers each event once and in order to clients joining while publishing goes on', async () => {
    const prefix = `race${Date.now()}:`;
    const [a, b] = [await instance(prefix, 10_000), await instance(prefix, 10_000)];
    const total = 3000;
    let published = 0;
    // One publishing connection, so the data numbers are the shared order.
    const publishing = (async () => {
      while (published < total) {
        const batch = [];
        for (let i = 0; i < 50; i++) batch.push(a.news.publish({ data: ++published }));
        await Promise.all(batch);
      }
    })();
    // Clients that resume mid-stream, each from the last id another client saw.
    const first = await openStream(a.server.url);
    await first.until(() => first.events.length >= 100);
    const clients = [];
    for (let i = 0; i < 20; i++) {
      const from = first.events.at(-1)!;
      const s = await openStream((i % 2 ? a : b).server.url, { 'last-event-id': from.id! });
      clients.push({ s, from: Number(from.data) });
      await new Promise((r) => setTimeout(r, 10));
    }
    await publishing;
    for (const { s, from } of clients) {
      await s.until(() => s.events.length >= total - from);
      const got = s.events.map((e) => Number(e.data));
      expect(got).toEqual(Array.from({ length: total - from }, (_, j) => from + 1 + j));
      s.close();
    }
    first.close();
    await stop(a, b);
  });

  it('closes live sessions when the subscriber connection missed messages, and the client resumes exactly', async () => {
    const prefix = `gap${Date.now()}:`;
    const a = await instance(prefix, 1000);
    const publisher = await instance(prefix, 1000);
    const stream = connect(a.server.url, { retry: { initialMs: 10, maxMs: 20, jitter: 0 } });
    const got: SSEEvent[] = [];
    stream.on('*', (e) => got.push(e));
    await until(() => a.news.size === 1);
    for (let i = 1; i <= 5; i++) await publisher.news.publish({ data: i });
    await until(() => got.length === 5);
    // Drop instance A's subscriber connection: messages published before it resubscribes are lost
    // to its pub/sub, and the next one it sees shows the gap.
    const admin = new Redis({ host: '127.0.0.1', port: redis.port });
    const subscribers = async () =>
      Number(((await admin.pubsub('NUMSUB', `${prefix}news`)) as [string, number])[1]);
    expect(await subscribers()).toBe(2);
    await admin.client('KILL', 'TYPE', 'pubsub');
    // Published in one round trip, before ioredis reconnects (its first retry waits 50 ms).
    await Promise.all([6, 7, 8, 9, 10].map((i) => publisher.news.publish({ data: i })));
    while ((await subscribers()) < 2) await new Promise((r) => setTimeout(r, 10));
    await publisher.news.publish({ data: 11 });
    await until(() => got.length === 11);
    expect(got.map((e) => Number(e.data))).toEqual(Array.from({ length: 11 }, (_, j) => j + 1));
    expect(got.some((e) => e.event === 'reset')).toBe(false);
    // The gap closed A's session and the client came back with its Last-Event-ID.
    expect(a.server.requests.length).toBe(2);
    expect(a.server.requests[1]?.headers['last-event-id']).toBe(got[4]?.id);
    stream.close();
    await admin.quit();
    await stop(a, publisher);
  });

  it('gives a reset when Redis lost the history (new epoch), never a partial replay', async () => {
    const prefix = `flush${Date.now()}:`;
    const a = await instance(prefix, 100);
    let before = '';
    for (let i = 1; i <= 20; i++) before = String((await a.news.publish({ data: i })).id);
    expect(before).toMatch(/-20$/);
    const admin = new Redis({ host: '127.0.0.1', port: redis.port });
    for (const key of await admin.keys(`${prefix}*`)) await admin.del(key);
    const after = [];
    for (let i = 1; i <= 30; i++) after.push((await a.news.publish({ data: `new ${i}` })).id);
    // Numbering starts again under a new epoch: the old id 20 is not the new one.
    expect(after[19]).toMatch(/-20$/);
    expect(after[19]).not.toBe(before);
    const stale = await openStream(a.server.url, { 'last-event-id': before });
    await stale.until(() => stale.events.length === 31);
    expect(stale.events[0]?.event).toBe('reset');
    expect(stale.events.slice(1).map((e) => e.id)).toEqual(after);
    stale.close();
    await admin.quit();
    await stop(a);
  });

  it('answers a retry-only event stream while Redis cannot be read (a 503 stops a spec EventSource)', async () => {
    // No Redis on this port; commands fail after one reconnect attempt.
    const port = await freePort();
    const broker = createRedisBroker({
      redis: () =>
        new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: 1 }).on('error', () => {}),
      prefix: `away${Date.now()}:`,
    });
    const away = broker.channel('news');
    const failures: unknown[] = [];
    const server = await startServer((req, res) => {
      away.handle(req, res, { heartbeatMs: 0 }).catch((error) => failures.push(error));
    });
    const res = await fetch(server.url, { headers: { 'last-event-id': 'e-7' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(await res.text()).toBe('retry: 1000\n: redis unavailable\n');
    expect(failures).toHaveLength(1);
    const web = await away.handleRequest(
      new Request('http://x/', { headers: { 'last-event-id': 'e-7' } }),
      { retry: 250 },
    );
    expect(web.status).toBe(200);
    expect(await web.text()).toBe('retry: 250\n: redis unavailable\n');
    await broker.close();
    await server.close();
  });
});
