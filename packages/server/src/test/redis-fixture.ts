import { afterAll, beforeAll } from 'vitest';
import { startRedis, type TestRedis } from '../test-helpers';
import type { Instance } from './spawn';

/**
 * For a test file of instances on Redis: a redis-server started before its tests, and the
 * instances they start (pushed to `running`), killed after them, then Redis stopped. A test
 * that restarts Redis replaces `redis`; the one there at the end is stopped.
 */
export function redisAndInstances(): { redis: TestRedis; readonly running: Instance[] } {
  const fixture = { redis: undefined as unknown as TestRedis, running: [] as Instance[] };
  beforeAll(async () => {
    fixture.redis = await startRedis();
  });
  afterAll(async () => {
    for (const instance of fixture.running.splice(0)) await instance.kill();
    await fixture.redis.stop();
  });
  return fixture;
}
