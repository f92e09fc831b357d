import { startServer } from '@ssekit/testing';
import { describe, expect, it, vi } from 'vitest';
import { connect } from './connect';
import { activeTimers, nextEvents, openStream, sse } from './test/helpers';
import { Watchdog } from './watchdog';

describe('Watchdog', () => {
  it('reports idleness when not touched in time, and age once opened', () => {
    vi.useFakeTimers();
    try {
      const fired: string[] = [];
      const dog = new Watchdog(20, 50, (why) => fired.push(why));
      dog.touch();
      vi.advanceTimersByTime(15);
      dog.touch(); // activity postpones the idle limit
      vi.advanceTimersByTime(15);
      expect(fired).toEqual([]);
      vi.advanceTimersByTime(10);
      expect(fired).toEqual(['idle']);
      const aged = new Watchdog(undefined, 10, (why) => fired.push(why));
      aged.opened();
      vi.advanceTimersByTime(10);
      expect(fired).toEqual(['idle', 'age']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports a wake instead of idleness when its timer fires far too late (the machine slept)', () => {
    vi.useFakeTimers();
    try {
      const fired: string[] = [];
      const dog = new Watchdog(1000, undefined, (why) => fired.push(why));
      dog.touch();
      vi.setSystemTime(Date.now() + 60_000); // the clock moved on while timers were frozen
      vi.advanceTimersByTime(1000);
      expect(fired).toEqual(['wake']);
      dog.touch();
      vi.advanceTimersByTime(1000);
      expect(fired).toEqual(['wake', 'idle']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps no timer when its limits are off, and none after stop()', () => {
    const before = activeTimers();
    const off = new Watchdog(undefined, 0, () => {});
    off.touch();
    off.opened();
    expect(activeTimers()).toBe(before);
    const on = new Watchdog(1000, 1000, () => {});
    on.touch();
    on.touch();
    on.opened();
    expect(activeTimers()).toBe(before + 2);
    on.stop();
    expect(activeTimers()).toBe(before);
  });

  it('makes a stream whose idle timer fires far too late resume at once with Last-Event-ID', async () => {
    // A sleeping machine freezes timers while the wall clock runs on; a test cannot sleep the
    // machine, so only `Date` is faked (jumped ahead). Server, socket and timers are real.
    const lastEventIds: (string | undefined)[] = [];
    const server = await startServer((req, res) => {
      lastEventIds.push(req.headers['last-event-id'] as string | undefined);
      if (lastEventIds.length === 1)
        openStream(res, sse({ id: 1, data: 'a' }) + sse({ id: 2, data: 'b' }));
      else openStream(res, sse({ id: 3, data: 'c' })); // then silent: the socket looks alive
    });
    // A retry delay of a minute: an ordinary idle timeout would wait that long to reconnect.
    const stream = connect(server.url, { idleTimeoutMs: 200, retry: { initialMs: 60_000 } });
    try {
      await nextEvents(stream, 2);
      const resumed = nextEvents(stream);
      vi.useFakeTimers({ toFake: ['Date'] });
      try {
        vi.setSystemTime(Date.now() + 60_000);
        expect((await resumed)[0]).toEqual({ event: 'message', data: 'c', id: '3' });
      } finally {
        vi.useRealTimers();
      }
      expect(lastEventIds).toEqual([undefined, '2']);
      expect(stream.status).toBe('open');
      expect(stream.error).toBeNull();
    } finally {
      stream.close();
      await server.close();
    }
  });
});
