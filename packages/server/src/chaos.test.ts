import { until } from '@ssekit/testing';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createRedisBroker } from './redis';
import { eventSourceClient, lossTally, type Recorder, ssekitClient, tally } from './test/clients';
import { startProxy } from './test/proxy';
import { redisAndInstances } from './test/redis-fixture';
import { standbyInstance } from './test/spawn';
import { startRedis } from './test-helpers';

// A bounded `pnpm bench:chaos`: the counts it prints, asserted. Real redis-server, instances as
// child processes killed with SIGKILL, a TCP proxy that drops, resets and stalls connections,
// and Redis itself killed, kept away while clients reconnect, and restarted empty.

const fixture = redisAndInstances();

describe('chaos: proxy faults, instances and Redis killed with SIGKILL', () => {
  it('loses and repeats nothing without a reset, and tells every client of the lost history', {
    timeout: 40_000,
  }, async () => {
    const prefix = `chaostest${Date.now()}:`;
    const env = { REDIS_PORT: fixture.redis.port, PREFIX: prefix, NAME: 'feed', REDIS_RETRIES: 1 };
    const standbys = await Promise.all([1, 2, 3, 4, 5].map(() => standbyInstance(env)));
    const start = async () => {
      const instance = await standbys.shift()!.start();
      fixture.running.push(instance);
      return instance;
    };
    const first = await start();
    const second = await start();
    const proxy = await startProxy([first.port, second.port]);
    const clients: Recorder[] = [];
    for (let i = 0; i < 5; i++)
      clients.push(ssekitClient(proxy.url, 2500), eventSourceClient(proxy.url));
    await until(() => clients.every((c) => c.opens === 1), 20_000, 10);

    const broker = createRedisBroker({
      redis: () => new Redis({ host: '127.0.0.1', port: fixture.redis.port }).on('error', () => {}),
      prefix,
    });
    const feed = broker.channel('feed', { historySize: 10_000 });
    // 200 events/s without waiting for replies: while Redis is away they wait in ioredis' queue.
    const published = new Set<number>();
    const pending = new Set<Promise<void>>();
    let next = 0;
    const t0 = performance.now();
    const publisher = setInterval(() => {
      const due = Math.floor((performance.now() - t0) / 5);
      while (next < due) {
        const n = ++next;
        const p = feed.publish({ data: n }).then(
          () => void published.add(n),
          () => {},
        );
        pending.add(p);
        void p.finally(() => pending.delete(p));
      }
    }, 10);
    /** Waits for `predicate`, failing with `what` and where each client is. */
    const wait = (what: string, predicate: () => boolean) =>
      until(predicate, 20_000, 10).catch(() => {
        const where = clients.map((c) => `${c.library} ${c.events.at(-1)?.n} (${c.opens} opens)`);
        throw new Error(`timed out waiting for ${what}: ${where.join(', ')}; published ${next}`);
      });
    const atLeast = (n: number) => () => clients.every((c) => (c.events.at(-1)?.n ?? 0) >= n);
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return (seed - 1) / 2147483646;
    };

    await wait('200 events', atLeast(200));
    for (const fault of ['drop', 'reset', 'stall', 'drop', 'reset', 'stall'] as const) {
      expect(proxy.inject(fault, random, 1500)).toBe(true);
    }
    await first.kill();
    const third = await start();
    proxy.backends = [second.port, third.port];
    await wait('200 more after an instance died', atLeast(next + 200));

    // Redis dies and stays away; meanwhile both instances die too, so every client must
    // reconnect while nothing can be read: each is answered with a retry hint (a spec EventSource
    // would give up for good on a 503) and comes back, again and again, until Redis does.
    await fixture.redis.stop(true);
    const lostHistoryUpTo = Math.max(...published);
    const opensBefore = clients.map((c) => c.opens);
    await Promise.all([second.kill(), third.kill()]);
    proxy.backends = [(await start()).port, (await start()).port];
    await wait('every client answered twice while Redis is away', () =>
      clients.every((c, i) => c.opens >= opensBefore[i]! + 2),
    );
    fixture.redis = await startRedis(fixture.redis.port); // empty: the history is gone
    const upTo = next + 200;
    await wait('200 more after Redis came back', atLeast(upTo));
    clearInterval(publisher);
    await Promise.all(pending);
    const last = Math.max(...published);
    await wait('the last event', atLeast(last));

    for (const c of clients) {
      const { outOfOrder, idBackwards } = tally(c, 0);
      const { lostUnsignalled, duplicatedUnsignalled } = lossTally(c, published, lostHistoryUpTo);
      expect({
        library: c.library,
        lostUnsignalled,
        duplicatedUnsignalled,
        outOfOrder,
        idBackwards,
      }).toEqual({
        library: c.library,
        lostUnsignalled: 0,
        duplicatedUnsignalled: 0,
        outOfOrder: 0,
        idBackwards: 0,
      });
      // Redis lost the history every client was on: each was told.
      expect(c.resets).toBeGreaterThanOrEqual(1);
      c.close();
    }
    expect(published.size).toBeGreaterThan(lostHistoryUpTo);
    await broker.close();
    await proxy.close();
    for (const s of standbys) await s.cancel();
  });
});
