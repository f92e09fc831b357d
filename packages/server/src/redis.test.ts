import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { startServer, type TestServer } from '@ssekit/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisBroker, type RedisBroker } from './redis';
import { openStream } from './test-helpers';

let redisServer: ChildProcess;
let port: number;

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  await new Promise((r) => probe.close(r));
  return port;
}

beforeAll(async () => {
  port = await freePort();
  redisServer = spawn('/usr/bin/redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
  ]);
  let out = '';
  redisServer.stdout?.on('data', (c: Buffer) => (out += c));
  while (!out.includes('Ready to accept connections')) await once(redisServer.stdout!, 'data');
});

afterAll(async () => {
  redisServer.kill();
  await once(redisServer, 'exit');
});

/** One server instance: its own broker (own Redis connections) and HTTP server. */
async function instance(prefix: string) {
  const broker = createRedisBroker({
    redis: () => new Redis({ host: '127.0.0.1', port, lazyConnect: false }),
    prefix,
  });
  const news = broker.channel('news', { historySize: 5 });
  const server = await startServer(async (req, res) => {
    await news.handle(req, res, { heartbeatMs: 0 });
  });
  return { broker, news, server };
}

describe('createRedisBroker', () => {
  let a: { broker: RedisBroker; news: ReturnType<RedisBroker['channel']>; server: TestServer };
  let b: typeof a;

  beforeAll(async () => {
    const prefix = `t${Date.now()}:`;
    a = await instance(prefix);
    b = await instance(prefix);
  });

  afterAll(async () => {
    for (const x of [a, b]) {
      await x.broker.close();
      await x.server.close();
    }
  });

  it('shares publishes and IDs between two instances', async () => {
    const onA = await openStream(a.server.url);
    const onB = await openStream(b.server.url);
    expect(a.news.size).toBe(1);
    expect(b.news.size).toBe(1);
    const first = await a.news.publish({ event: 'n', data: { from: 'a' } });
    const second = await b.news.publish({ event: 'n', data: { from: 'b' } });
    expect([first.id, second.id]).toEqual(['1', '2']);
    for (const s of [onA, onB]) await s.until(() => s.events.length === 2);
    expect(onA.events).toEqual(onB.events);
    expect(onA.events.map((e) => [e.id, e.data])).toEqual([
      ['1', '{"from":"a"}'],
      ['2', '{"from":"b"}'],
    ]);
    onA.close();
    onB.close();
  });

  it('replays from the shared history on another instance, and resets when too old', async () => {
    for (let i = 3; i <= 8; i++) await a.news.publish({ data: i });
    // History keeps 5: ids 4..8. A client last on instance A resumes on B.
    const resumed = await openStream(b.server.url, { 'last-event-id': '6' });
    await resumed.until(() => resumed.events.length === 2);
    expect(resumed.events.map((e) => e.id)).toEqual(['7', '8']);
    expect(resumed.response.headers.get('x-sse-oldest-id')).toBeNull();

    const stale = await openStream(b.server.url, { 'last-event-id': '2' });
    await stale.until(() => stale.events.length === 6);
    expect(stale.response.headers.get('x-sse-oldest-id')).toBe('4');
    expect(stale.events[0]).toMatchObject({
      event: 'reset',
      data: '{"oldestId":"4","latestId":"8"}',
    });
    expect(stale.events.slice(1).map((e) => e.id)).toEqual(['4', '5', '6', '7', '8']);

    await a.news.publish({ data: 'live' });
    await resumed.until(() => resumed.events.length === 3);
    expect(resumed.events[2]).toMatchObject({ id: '9', data: 'live' });
    resumed.close();
    stale.close();
  });
});
