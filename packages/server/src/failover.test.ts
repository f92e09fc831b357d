import { until } from '@ssekit/testing';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createRedisBroker } from './redis';
import { eventSourceClient, type Recorder, ssekitClient, tally } from './test/clients';
import { startProxy } from './test/proxy';
import { redisAndInstances } from './test/redis-fixture';
import { standbyInstance } from './test/spawn';

const fixture = redisAndInstances();

describe('two instances on Redis, killed with SIGKILL under load', () => {
  it('gives every client every event once and in order, its Last-Event-ID never moving back', {
    timeout: 90_000,
  }, async () => {
    const prefix = `failover${Date.now()}:`;
    const env = { REDIS_PORT: fixture.redis.port, PREFIX: prefix, NAME: 'feed' };
    const [a, b, a2, b2] = await Promise.all([1, 2, 3, 4].map(() => standbyInstance(env)));
    const start = async (s: typeof a) => {
      const instance = await s!.start();
      fixture.running.push(instance);
      return instance;
    };
    const first = await start(a);
    const second = await start(b);
    const proxy = await startProxy([first.port, second.port]);
    const clients: Recorder[] = [];
    for (let i = 0; i < 6; i++) {
      clients.push(ssekitClient(proxy.url), eventSourceClient(proxy.url));
    }
    await until(() => clients.every((c) => c.opens === 1), 20_000, 10);

    const broker = createRedisBroker({
      redis: () => new Redis({ host: '127.0.0.1', port: fixture.redis.port }),
      prefix,
    });
    const feed = broker.channel('feed', { historySize: 10_000 });
    let published = 0;
    let publishing = true;
    // 500 events/s: 5 every 10 ms, on one connection (so numbers and ids share one order).
    const publisher = (async () => {
      while (publishing) {
        await Promise.all([1, 2, 3, 4, 5].map(() => feed.publish({ data: ++published })));
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const received = (n: number) => () => clients.every((c) => (c.events.at(-1)?.n ?? 0) >= n);

    await until(received(300), 20_000, 10);
    await first.kill(); // its clients move to the other instance mid-stream
    proxy.backends = [second.port, (await start(a2)).port];
    await until(received(published + 300), 20_000, 10);
    await second.kill();
    proxy.backends = [proxy.backends[1]!, (await start(b2)).port];
    await until(received(published + 300), 20_000, 10);
    publishing = false;
    await publisher;
    await until(received(published), 20_000, 10);

    for (const c of clients) {
      expect({ library: c.library, ...tally(c, published) }).toEqual({
        library: c.library,
        delivered: published,
        lost: 0,
        duplicated: 0,
        outOfOrder: 0,
        idBackwards: 0,
      });
      expect(c.resets).toBe(0);
      c.close();
    }
    // Every client lost its connection to a killed instance at least once and resumed.
    expect(clients.every((c) => c.opens >= 2)).toBe(true);
    expect(published).toBeGreaterThan(900);
    await broker.close();
    await proxy.close();
  });
});
