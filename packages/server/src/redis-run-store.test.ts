import { RUN_ID_HEADER } from '@ssekit/core';
import { startServer } from '@ssekit/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisBroker } from './redis';
import { redisRunStore } from './redis-run-store';
import { createRuns, type Generate } from './runs';
import { openStream, startRedis, type TestRedis } from './test-helpers';

let redis: TestRedis;
let port: number;

beforeAll(async () => {
  redis = await startRedis();
  port = redis.port;
});

afterAll(() => redis.stop());

/** A generation of `total` tokens, each sent once allowed by `release(n)`. */
function gated(total: number) {
  let allowed = 0;
  let wake: (() => void) | null = null;
  const log: string[] = [];
  const generate: Generate = async function* ({ signal }) {
    signal.addEventListener('abort', () => {
      log.push('aborted');
      wake?.();
    });
    for (let n = 1; n <= total; n++) {
      while (allowed < n && !signal.aborted) await new Promise<void>((r) => (wake = r));
      if (signal.aborted) return;
      log.push(`token ${n}`);
      yield { event: 'token', data: `t${n}` };
    }
  };
  return {
    generate,
    log,
    release(n: number) {
      allowed = n;
      wake?.();
    },
  };
}

async function instance(prefix: string, generate: () => Generate) {
  const broker = createRedisBroker({
    redis: () => new Redis({ host: '127.0.0.1', port }),
    prefix,
  });
  const runs = createRuns({ store: redisRunStore(broker) });
  const server = await startServer((req, res) =>
    runs.handle(req, res, generate(), { heartbeatMs: 0 }),
  );
  return {
    runs,
    server,
    async close() {
      await runs.close();
      await broker.close();
      await server.close();
    },
  };
}

const tokens = (events: Array<{ event?: string; data: string }>) =>
  events.filter((e) => e.event === 'token').map((e) => e.data);

describe('runs on two instances sharing one redis-server', () => {
  it('a run started on A is joined on B (replay, then live, each token once) and cancelled from B', async () => {
    let gen = gated(6);
    const prefix = `runs${Date.now()}:`;
    const a = await instance(prefix, () => gen.generate);
    const b = await instance(prefix, () => gen.generate);
    try {
      gen.release(2);
      const onA = await openStream(a.server.url);
      await onA.until(() => tokens(onA.events).length === 2);
      const runId = JSON.parse(onA.events[0]?.data ?? '{}').id as string;
      onA.close();
      gen.release(4);
      const onB = await openStream(b.server.url, { 'last-event-id': `${runId}:2` });
      await onB.until(() => tokens(onB.events).length === 2);
      gen.release(6);
      await onB.ended;
      expect(tokens(onB.events)).toEqual(['t3', 't4', 't5', 't6']);
      expect(JSON.parse(onB.events.at(-1)?.data ?? '{}')).toEqual({ id: runId, state: 'done' });
      expect(a.runs.size).toBe(0);
      const unknown = await fetch(b.server.url, { headers: { 'last-event-id': 'nope:3' } });
      expect(unknown.status).toBe(404);

      gen = gated(50);
      gen.release(1);
      const second = await openStream(a.server.url);
      await second.until(() => tokens(second.events).length === 1);
      const secondId = JSON.parse(second.events[0]?.data ?? '{}').id as string;
      const cancel = await fetch(b.server.url, {
        method: 'DELETE',
        headers: { [RUN_ID_HEADER]: secondId },
      });
      expect(cancel.status).toBe(204);
      await second.ended;
      expect(gen.log).toEqual(['token 1', 'aborted']);
      expect(JSON.parse(second.events.at(-1)?.data ?? '{}')).toEqual({
        id: secondId,
        state: 'cancelled',
      });
    } finally {
      await a.close();
      await b.close();
    }
  });
});
