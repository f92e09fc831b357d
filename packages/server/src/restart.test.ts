import { connect, type SSEEvent } from '@ssekit/core';
import { until } from '@ssekit/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type Instance, standbyInstance } from './test/spawn';
import { freePort } from './test-helpers';

const running: Instance[] = [];
afterEach(async () => {
  for (const i of running.splice(0)) await i.kill();
});

/** A server on `port` publishing 200 events/s, loaded and waiting (a restart takes milliseconds). */
async function standby(port: number, env: Record<string, number> = {}) {
  const ready = await standbyInstance({ PORT: port, RATE: 200, ...env });
  return {
    async start() {
      const instance = await ready.start();
      running.push(instance);
      return instance;
    },
  };
}

/** The events since the last `reset` (or all): what the client holds of the current history. */
function sinceReset(events: SSEEvent[]) {
  const at = events.findLastIndex((e) => e.event === 'reset');
  return events.slice(at + 1);
}

describe('a server process killed with SIGKILL and restarted (ids start over)', () => {
  it('resets the client on a fast and on a slow restart, never replaying part of another history', {
    timeout: 60_000,
  }, async () => {
    const port = await freePort();
    const [one, two, three] = await Promise.all([
      standby(port),
      standby(port),
      standby(port, { PREFILL: 500 }),
    ]);
    let server = await one.start();
    const stream = connect(`http://127.0.0.1:${port}/`, {
      retry: { initialMs: 20, maxMs: 50, jitter: 0 },
    });
    const events: SSEEvent[] = [];
    stream.on('*', (e) => events.push(e));
    await until(() => events.length >= 30, 10_000);
    const beforeIds = new Set(events.map((e) => e.id));

    // Fast: back within a few ms; the new process's ids 1.. are below the client's.
    await server.kill();
    server = await two.start();
    await until(
      () => events.some((e) => e.event === 'reset') && sinceReset(events).length >= 30,
      10_000,
    );
    const first = sinceReset(events);
    expect(events.filter((e) => e.event === 'reset')).toHaveLength(1);
    // Everything the new process published so far, from its first event: nothing dropped...
    expect(first.map((e) => Number(e.data))).toEqual(first.map((_, i) => i + 1));
    // ...and no id of the new history looks like one the client already had.
    expect(first.filter((e) => beforeIds.has(e.id))).toEqual([]);
    const lastBefore = stream.lastEventId;

    // Slow: the new process has already published past the client's last number when it comes
    // back (a plain counter would replay from there, silently losing the start).
    await server.kill();
    await until(() => stream.status === 'reconnecting', 10_000);
    const seq = Number(lastBefore.split('-').pop());
    expect(seq).toBeLessThan(400);
    server = await three.start(); // 500 events published at start
    await until(() => events.filter((e) => e.event === 'reset').length === 2, 10_000);
    await until(() => sinceReset(events).length >= 500, 10_000);
    const second = sinceReset(events);
    expect(second.map((e) => Number(e.data))).toEqual(second.map((_, i) => i + 1));
    const earlier = new Set([...beforeIds, ...first.map((e) => e.id)]);
    expect(second.filter((e) => earlier.has(e.id))).toEqual([]);
    stream.close();
  });
});
